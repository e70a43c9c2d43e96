package engine

import (
	"context"
	"fmt"
	"math/big"
	"math/bits"

	"github.com/life-go/life/grid"
)

// Protocol is the protocol engine: it runs per-cell step logic through the
// query and transition messages of the seed, with bands of rows on every
// core (see [Driver]). It runs on a torus, kept packed 64 cells a word;
// while it steps, the driver keeps the generation a byte a cell besides.
type Protocol struct {
	t      *grid.Torus
	rule   Rule
	step   StepFunc
	custom bool // step is the caller's, not the rule's
	reach  int  // the step logic's, for the driver; 0 when unknown
	gen    big.Int
}

func init() {
	Register(Algo{
		Name:       "protocol",
		Summary:    "per-cell step logic through Query/Transition messages on channels (tori)",
		Families:   []Family{LifeLike},
		Topologies: []TopologyKind{Torus},
		StepBase:   10,
		Caps:       BlockCounts | CustomStep | BulkLoad,
		Rank:       100,
		Check:      func(r Rule) error { return r.Topology.CheckTorus() },
		New: func(r Rule, o Options) (Engine, error) {
			return NewProtocol(r, o.Step)
		},
	})
}

// NewProtocol returns a protocol engine for rule r, whose topology must be a
// plain torus, with every cell dead. step is the per-cell step logic; nil
// means the seed's, [StepCell] of r. Step logic given here may ask about any
// cell; the seed's asks within [StepReach] of r, and each band of the
// driver is answered only the rows within that reach.
func NewProtocol(r Rule, step StepFunc) (*Protocol, error) {
	if err := r.Topology.CheckTorus(); err != nil {
		return nil, err
	}
	t, err := grid.New(r.Topology.W, r.Topology.H)
	if err != nil {
		return nil, err
	}
	custom, reach := step != nil, 0
	if !custom {
		step, reach = StepCell(r), StepReach(r)
	}
	return &Protocol{t: t, rule: r, step: step, custom: custom, reach: reach}, nil
}

// Name returns "protocol".
func (p *Protocol) Name() string { return "protocol" }

// CustomStep reports whether the engine runs step logic of its maker's own
// rather than its rule's ([CustomStepper]).
func (p *Protocol) CustomStep() bool { return p.custom }

// Rule returns the engine's rule.
func (p *Protocol) Rule() Rule { return p.rule }

// Torus returns the engine's grid. It belongs to the engine: callers may read
// it between calls to Step but must not keep it across them.
func (p *Protocol) Torus() *grid.Torus { return p.t }

// Generation returns the generation count.
func (p *Protocol) Generation() *big.Int { return new(big.Int).Set(&p.gen) }

// Population returns the number of live cells.
func (p *Protocol) Population() *big.Int { return big.NewInt(int64(p.t.Population())) }

// Step advances n generations through the channel driver.
func (p *Protocol) Step(ctx context.Context, n uint64) error {
	done, err := Driver{Reach: p.reach}.Run(ctx, p.t, p.step, n)
	p.gen.Add(&p.gen, new(big.Int).SetUint64(done))
	return err
}

// Cell reports whether the cell at (y, x), wrapped onto the torus, is alive.
func (p *Protocol) Cell(y, x int64) bool {
	return p.t.Query(int(y%int64(p.t.Height())), int(x%int64(p.t.Width())))
}

// SetCell sets the cell at (y, x), wrapped onto the torus.
func (p *Protocol) SetCell(y, x int64, alive bool) {
	p.t.Assign(int(y%int64(p.t.Height())), int(x%int64(p.t.Width())), alive)
}

var _ RunSetter = (*Protocol)(nil)

// SetRun makes the n cells from (y, x) rightwards alive, wrapped onto the
// torus ([RunSetter]): a word at a time, where n calls of SetCell would
// take a cell at a time.
func (p *Protocol) SetRun(y, x, n int64) {
	w := int64(p.t.Width())
	if n <= 0 {
		return
	}
	n = min(n, w)
	row := p.t.Row(int(y % int64(p.t.Height())))
	a := x % w
	if a < 0 {
		a += w
	}
	setSpan(row, a, min(a+n, w))
	if a+n > w {
		setSpan(row, 0, a+n-w)
	}
}

// setSpan sets bits a <= i < b of the packed row; a < b.
func setSpan(row []uint64, a, b int64) {
	wa, wb := a>>6, (b-1)>>6
	lo := ^uint64(0) << (a & 63)
	hi := ^uint64(0) >> (63 - (b-1)&63)
	if wa == wb {
		row[wa] |= lo & hi
		return
	}
	row[wa] |= lo
	for i := wa + 1; i < wb; i++ {
		row[i] = ^uint64(0)
	}
	row[wb] |= hi
}

// Bounds returns the bounding box of the live cells in grid coordinates.
func (p *Protocol) Bounds() (Rect, bool) {
	return p.t.Bounds()
}

// Visit calls fn for every live cell whose grid coordinates (0 <= y < height,
// 0 <= x < width) lie inside r.
func (p *Protocol) Visit(r Rect, fn func(y, x int64)) {
	for y, x := range p.t.Live() {
		if yy, xx := int64(y), int64(x); yy >= r.Y && yy < r.Y+r.H && xx >= r.X && xx < r.X+r.W {
			fn(yy, xx)
		}
	}
}

var _ BlockCounter = (*Protocol)(nil)

// CountBlocks implements [BlockCounter]: it counts the live cells of the
// torus's grid (0 <= y < height, 0 <= x < width, as [Protocol.Visit] sees
// them) in the 2^k x 2^k blocks of r, clipped to r, by popcounting the
// packed words of every row of the grid that r covers. It costs about one
// word operation a block and a word for every row, whatever the
// population: zoomed out, about what the screen has in characters times
// 2^k rows.
func (p *Protocol) CountBlocks(r Rect, k uint, dst []uint64) {
	cols := (r.W + 1<<k - 1) >> k
	rows := (r.H + 1<<k - 1) >> k
	clear(dst[:rows*cols])
	w, h := int64(p.t.Width()), int64(p.t.Height())
	x0, x1 := max(r.X, 0), min(r.X+r.W, w)
	y0, y1 := max(r.Y, 0), min(r.Y+r.H, h)
	if x0 >= x1 || y0 >= y1 {
		return
	}
	j0, j1 := (x0-r.X)>>k, (x1-1-r.X)>>k // the blocks across that hold grid cells
	words := p.t.Words()
	stride := int64(p.t.Stride())
	for y := y0; y < y1; y++ {
		row := words[y*stride : (y+1)*stride]
		out := dst[((y-r.Y)>>k)*cols:]
		for j := j0; j <= j1; j++ {
			a := max(x0, r.X+j<<k)
			b := min(x1, r.X+(j+1)<<k)
			out[j] += onesIn(row, a, b)
		}
	}
}

// onesIn returns how many bits a <= i < b of the packed row are set; a < b.
func onesIn(row []uint64, a, b int64) uint64 {
	wa, wb := a>>6, (b-1)>>6
	lo := ^uint64(0) << (a & 63)
	hi := ^uint64(0) >> (63 - (b-1)&63)
	if wa == wb {
		return uint64(bits.OnesCount64(row[wa] & lo & hi))
	}
	n := bits.OnesCount64(row[wa]&lo) + bits.OnesCount64(row[wb]&hi)
	for _, v := range row[wa+1 : wb] {
		n += bits.OnesCount64(v)
	}
	return uint64(n)
}

// Clone returns an independent copy.
func (p *Protocol) Clone() Engine {
	c := &Protocol{t: p.t.Clone(), rule: p.rule, step: p.step, custom: p.custom, reach: p.reach}
	c.gen.Set(&p.gen)
	return c
}

// String describes the engine for logs and test failures.
func (p *Protocol) String() string {
	return fmt.Sprintf("protocol %s gen %s pop %d", p.rule, p.gen.String(), p.t.Population())
}
