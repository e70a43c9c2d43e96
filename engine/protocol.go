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
// core (see [Run]). It runs every rule family on every topology of Golly's
// bounded grids: the grid answers each query with the topology's wrap. A
// side that the topology leaves unbounded (a tube's) is held as a window
// that grows as the pattern does, so that no live cell ever reaches its
// edge; the unbounded plane is left to the engines made for it.
//
// Rules with B0 run as Golly emulates them ([Rule.Phase]): each generation
// is stepped with the step logic of the rule of its parity.
type Protocol struct {
	t      *grid.Torus // the universe, or a window onto its unbounded sides
	rule   Rule
	phases [2]StepFunc // the rule's step logic from even and odd generations
	custom StepFunc    // the caller's, run in every generation instead; or nil
	gen    big.Int
	// oy, ox are the universe's coordinates of the window's top-left
	// cell: 0 for a bounded side.
	oy, ox int64
	// out are live cells loaded beyond the bounded sides, until the next
	// step (see [OutsideSetter]), in the universe's coordinates.
	out Outside
}

var _ OutsideSetter = (*Protocol)(nil)

func init() {
	Register(Algo{
		Name:       "protocol",
		Summary:    "per-cell step logic through Query/Transition messages on channels (every bounded grid)",
		Families:   TwoStateFamilies,
		Topologies: []TopologyKind{Torus, BoundedPlane, Klein, CrossSurface, Sphere},
		StepBase:   10,
		Caps:       BlockCounts | CustomStep,
		Rank:       100,
		Check:      checkProtocol,
		New: func(r Rule, o Options) (Engine, error) {
			return NewProtocol(r, o.Step)
		},
	})
}

// windowSide is the side of a new window onto an unbounded side.
const windowSide = 64

// checkProtocol returns nil when the protocol engine runs r: any topology
// but the unbounded plane, of a size the grid package allows.
func checkProtocol(r Rule) error {
	t := r.Topology
	if t.Kind == Plane {
		return fmt.Errorf("the unbounded plane is %w by the protocol engine: give a bounded grid (\":TW,H\", \":PW,H\", ...)", ErrUnsupported)
	}
	w, h := t.W, t.H
	if w == 0 {
		w = windowSide
	}
	if h == 0 {
		h = windowSide
	}
	return grid.CheckSize(w, h)
}

// NewProtocol returns a protocol engine for rule r, on any topology but the
// unbounded plane, with every cell dead. step is the per-cell step logic;
// nil means the seed's, [StepCell] of r (of [Rule.Phase] of r, for a rule
// with B0).
func NewProtocol(r Rule, step StepFunc) (*Protocol, error) {
	if err := checkProtocol(r); err != nil {
		return nil, err
	}
	t := r.Topology
	w, h := t.W, t.H
	p := &Protocol{rule: r, custom: step}
	if w == 0 {
		w, p.ox = windowSide, -windowSide/2
	}
	if h == 0 {
		h, p.oy = windowSide, -windowSide/2
	}
	g, err := grid.NewSpace(t, w, h)
	if err != nil {
		return nil, err
	}
	p.t = g
	p.phases[0] = StepCell(r.Phase(false))
	p.phases[1] = p.phases[0]
	if r.Alternates() {
		p.phases[1] = StepCell(r.Phase(true))
	}
	return p, nil
}

// Name returns "protocol".
func (p *Protocol) Name() string { return "protocol" }

// CustomStep reports whether the engine runs step logic of its maker's own
// rather than its rule's ([CustomStepper]).
func (p *Protocol) CustomStep() bool { return p.custom != nil }

// Rule returns the engine's rule.
func (p *Protocol) Rule() Rule { return p.rule }

// Torus returns the engine's grid (for an unbounded side, the window onto
// it). It belongs to the engine: callers may read it between calls to Step
// but must not keep it across them.
func (p *Protocol) Torus() *grid.Torus { return p.t }

// Generation returns the generation count.
func (p *Protocol) Generation() *big.Int { return new(big.Int).Set(&p.gen) }

// SetGeneration sets the generation count, whose parity chooses the rule
// a B0 rule steps with next.
func (p *Protocol) SetGeneration(g *big.Int) { p.gen.Set(g) }

// Population returns the number of live cells.
func (p *Protocol) Population() *big.Int { return big.NewInt(int64(p.t.Population() + p.out.Len())) }

// SetOutside implements [OutsideSetter]: the cell at (y, x), beyond the
// grid's bounded sides, is alive until the next step. A cell on the grid
// is set as [Protocol.SetCell] sets it.
func (p *Protocol) SetOutside(y, x int64) {
	t := p.rule.Topology
	if (t.H == 0 || y >= 0 && y < int64(t.H)) && (t.W == 0 || x >= 0 && x < int64(t.W)) {
		p.SetCell(y, x, true)
		return
	}
	if p.windowed() {
		// The window holds the cells the outside one may give birth
		// to in the first step.
		gy, gx := y, x
		if t.H > 0 {
			gy = min(max(y, 0), int64(t.H)-1)
		}
		if t.W > 0 {
			gx = min(max(x, 0), int64(t.W)-1)
		}
		p.place(gy, gx, true)
	}
	p.out.Add(y, x)
}

// windowed reports whether the topology has an unbounded side.
func (p *Protocol) windowed() bool { return p.rule.Topology.W == 0 || p.rule.Topology.H == 0 }

// Step advances n generations through the channel driver, in runs of
// generations between which the rule's parity or the window changes.
func (p *Protocol) Step(ctx context.Context, n uint64) error {
	for n > 0 {
		step, run := p.custom, n
		if step == nil {
			step = p.phases[p.gen.Bit(0)]
			if p.rule.Alternates() {
				run = 1
			}
		}
		if p.windowed() {
			run = min(run, p.room(run))
		}
		if p.out.Len() > 0 {
			// The first step after loading cells beyond the edges
			// sees them in the ring around the grid.
			cells := p.out.Cells(-p.oy, -p.ox)
			inner, t, h, w := step, p.rule.Topology, p.t.Height(), p.t.Width()
			step = func(c Conn, y, x int) { inner(OutsideConn(c, t, h, w, cells), y, x) }
			run = 1
		}
		done, err := Run(ctx, p.t, step, run)
		if done > 0 {
			p.out.Clear()
		}
		p.gen.Add(&p.gen, new(big.Int).SetUint64(done))
		if err != nil {
			return err
		}
		n -= done
	}
	return nil
}

// room makes sure that the window onto the unbounded sides leaves room for
// the pattern to grow for want generations, or at least one, and returns
// how many generations it has room for: live cells are never stepped to
// within a cell of the window's edge, beyond which the universe is taken
// to be dead (as it is, for rules that Phase keeps from births in empty
// space). Step logic of the caller's own is trusted to look no farther than
// a cell away.
func (p *Protocol) room(want uint64) uint64 {
	b, ok := p.t.Bounds()
	if !ok {
		return want
	}
	t := p.rule.Topology
	gap := func(lo, n, size int) int { return min(lo, size-lo-n) }
	free := int(^uint(0) >> 1)
	if t.W == 0 {
		free = min(free, gap(b.X, b.W, p.t.Width()))
	}
	if t.H == 0 {
		free = min(free, gap(b.Y, b.H, p.t.Height()))
	}
	if free >= 1 && (uint64(free) >= want || free >= windowSide) {
		return min(want, uint64(free))
	}
	// Grow: a window twice the pattern's size, with room for the
	// generations wanted, up to windowSide more, on every side.
	pad := int(min(want, windowSide)) + 1
	w, h, ox, oy := p.t.Width(), p.t.Height(), p.ox, p.oy
	dx, dy := 0, 0
	if t.W == 0 {
		w = max(2*b.W, b.W+2*pad)
		dx = (w-b.W)/2 - b.X
	}
	if t.H == 0 {
		h = max(2*b.H, b.H+2*pad)
		dy = (h-b.H)/2 - b.Y
	}
	g, err := grid.NewSpace(t, w, h)
	if err != nil {
		// Too large to grow: step what fits.
		return uint64(max(free, 1))
	}
	for y, x := range p.t.Live() {
		g.Assign(y+dy, x+dx, true)
	}
	p.t, p.ox, p.oy = g, ox-int64(dx), oy-int64(dy)
	return p.room(want)
}

// place maps the universe's (y, x) onto the grid: modulo a torus's sides,
// through [grid.Topology.Wrap] on the others; ok is false outside a bounded
// plane's edges. An unbounded side's window grows to hold the cell when
// grow is set, and otherwise ok is false outside it.
func (p *Protocol) place(y, x int64, grow bool) (yy, xx int, ok bool) {
	t := p.rule.Topology
	if t.W == 0 || t.H == 0 {
		wy, wx := y-p.oy, x-p.ox
		inside := (t.H != 0 || wy >= 0 && wy < int64(p.t.Height())) && (t.W != 0 || wx >= 0 && wx < int64(p.t.Width()))
		if !inside {
			if !grow {
				return 0, 0, false
			}
			p.include(y, x)
		}
		y, x = y-p.oy, x-p.ox
	}
	return p.t.Wrap(int(y), int(x))
}

// include grows the window onto the unbounded sides to hold (y, x).
func (p *Protocol) include(y, x int64) {
	t := p.rule.Topology
	w, h, ox, oy := int64(p.t.Width()), int64(p.t.Height()), p.ox, p.oy
	if t.W == 0 {
		lo, hi := min(ox, x-windowSide/2), max(ox+w, x+windowSide/2)
		w, ox = max(hi-lo, 2*w), lo
	}
	if t.H == 0 {
		lo, hi := min(oy, y-windowSide/2), max(oy+h, y+windowSide/2)
		h, oy = max(hi-lo, 2*h), lo
	}
	g, err := grid.NewSpace(t, int(w), int(h))
	if err != nil {
		return // the cell stays out of reach
	}
	dx, dy := int(p.ox-ox), int(p.oy-oy)
	for yy, xx := range p.t.Live() {
		g.Assign(yy+dy, xx+dx, true)
	}
	p.t, p.ox, p.oy = g, ox, oy
}

// Cell reports whether the cell at (y, x) is alive: on a bounded side
// wrapped onto the grid as the topology joins its edges (see
// [grid.Topology.Wrap]), dead beyond a plane's edges.
func (p *Protocol) Cell(y, x int64) bool {
	yy, xx, ok := p.place(y, x, false)
	return ok && p.t.Query(yy, xx)
}

// SetCell sets the cell at (y, x), placed as [Protocol.Cell] places it;
// outside a bounded plane it does nothing.
func (p *Protocol) SetCell(y, x int64, alive bool) {
	yy, xx, ok := p.place(y, x, alive)
	if ok {
		p.t.Assign(yy, xx, alive)
	}
}

// Bounds returns the bounding box of the live cells in the universe's
// coordinates: the grid's (0 <= y < height, 0 <= x < width) on a bounded
// side, as they are set on an unbounded one.
func (p *Protocol) Bounds() (Rect, bool) {
	r, ok := p.t.Bounds()
	return p.out.Bounds(Rect{X: int64(r.X) + p.ox, Y: int64(r.Y) + p.oy, W: int64(r.W), H: int64(r.H)}, ok)
}

// Visit calls fn for every live cell inside r, in the coordinates of
// [Protocol.Bounds], row by row.
func (p *Protocol) Visit(r Rect, fn func(y, x int64)) {
	p.out.Visit(r, p.visitGrid, fn)
}

func (p *Protocol) visitGrid(r Rect, fn func(y, x int64)) {
	for y, x := range p.t.Live() {
		if yy, xx := int64(y)+p.oy, int64(x)+p.ox; yy >= r.Y && yy < r.Y+r.H && xx >= r.X && xx < r.X+r.W {
			fn(yy, xx)
		}
	}
}

var _ BlockCounter = (*Protocol)(nil)

// CountBlocks implements [BlockCounter]: it counts the live cells (in the
// coordinates of [Protocol.Visit]) in the 2^k x 2^k blocks of r, clipped to
// r, by popcounting the packed words of every row of the grid that r
// covers. It costs about one word operation a block and a word for every
// row, whatever the population: zoomed out, about what the screen has in
// characters times 2^k rows.
func (p *Protocol) CountBlocks(r Rect, k uint, dst []uint64) {
	cols := (r.W + 1<<k - 1) >> k
	rows := (r.H + 1<<k - 1) >> k
	clear(dst[:rows*cols])
	r.X -= p.ox
	r.Y -= p.oy
	w, h := int64(p.t.Width()), int64(p.t.Height())
	x0, x1 := max(r.X, 0), min(r.X+r.W, w)
	y0, y1 := max(r.Y, 0), min(r.Y+r.H, h)
	if x0 >= x1 || y0 >= y1 {
		y0, y1 = 0, 0 // no grid cells in r
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
	r.X += p.ox
	r.Y += p.oy
	p.out.CountBlocks(r, k, dst)
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
	c := *p
	c.t = p.t.Clone()
	c.out = p.out.Clone()
	c.gen = big.Int{}
	c.gen.Set(&p.gen)
	return &c
}

// String describes the engine for logs and test failures.
func (p *Protocol) String() string {
	return fmt.Sprintf("protocol %s gen %s pop %d", p.rule, p.gen.String(), p.t.Population())
}
