package engine

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"slices"

	"github.com/life-go/life/grid"
)

// Protocol is the protocol engine: it runs per-cell step logic through the
// query and transition messages of the seed, with bands of rows on every
// core (see [Driver]). It runs every rule family on every topology of
// Golly's bounded grids. On a plain torus the driver's grid is the
// universe. On the other topologies it is the universe with a ring of cells
// around it, a torus two cells larger each way: before each generation the
// ring is filled with the cells the topology joins there
// ([grid.Topology.Wrap]), as Golly fills its bounded grids' borders, so that
// every query the step logic asks is answered with the topology's wrap, and
// after it the ring is cleared. A side that the topology leaves unbounded
// (a tube's) is held as a window that grows as the pattern does, so that no
// live cell ever reaches its edge; the unbounded plane is left to the
// engines made for it.
//
// Rules with B0 run as Golly emulates them ([Rule.Phase]): each generation
// is stepped with the step logic of the rule of its parity.
type Protocol struct {
	// t is the driver's grid: the universe, or, with a ring, the grid of
	// w x h cells (a window onto its unbounded sides) in rows and
	// columns 1 to h and 1 to w.
	t      *grid.Torus
	ring   bool
	w, h   int
	rule   Rule
	phases [2]StepFunc // the rule's step logic from even and odd generations
	custom StepFunc    // the caller's, run in every generation instead; or nil
	reach  int         // the step logic's, for the driver; 0 when unknown
	gen    big.Int
	// oy, ox are the universe's coordinates of t's cell (0, 0): 0 on a
	// plain torus, -1 with a ring, the window's corner less one on an
	// unbounded side.
	oy, ox int64
	// out are live cells loaded beyond the bounded sides, until the next
	// step (see [OutsideSetter]), in the universe's coordinates.
	out Outside
}

var (
	_ OutsideSetter = (*Protocol)(nil)
	_ BlockCounter  = (*Protocol)(nil)
	_ RunSetter     = (*Protocol)(nil)
)

func init() {
	Register(Algo{
		Name:       "protocol",
		Summary:    "per-cell step logic through Query/Transition messages on channels (every bounded grid; rules of many states on grids bounded both ways)",
		Families:   append(slices.Clone(TwoStateFamilies), Generations, LargerThanLife),
		Topologies: []TopologyKind{Torus, BoundedPlane, Klein, CrossSurface, Sphere},
		StepBase:   10,
		Caps:       BlockCounts | CustomStep | BulkLoad,
		Rank:       100,
		Check:      checkProtocol,
		New: func(r Rule, o Options) (Engine, error) {
			if r.MultiState() {
				return NewProtocolStates(r, o.Step)
			}
			return NewProtocol(r, o.Step)
		},
	})
}

// windowSide is the side of a new window onto an unbounded side.
const windowSide = 64

// checkProtocol returns nil when the protocol engine runs r: any topology
// but the unbounded plane, of a size the grid package allows.
func checkProtocol(r Rule) error {
	if r.MultiState() {
		return checkProtocolStates(r)
	}
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
	if err := grid.CheckSize(w, h); err != nil || t.IsTorus() {
		return err
	}
	return grid.CheckSize(w+2, h+2) // the ring around the grid

}

// errCustomRing is the error for step logic of the caller's own on a
// topology other than a plain torus.
var errCustomRing = errors.New("custom step logic runs on plain tori only: on other topologies the driver steps the ring of cells around the grid too")

// NewProtocol returns a protocol engine for rule r, on any topology but the
// unbounded plane, with every cell dead. step is the per-cell step logic;
// nil means the seed's, [StepCell] of r (of [Rule.Phase] of r, for a rule
// with B0). Step logic given here may ask about any cell, and runs on plain
// tori only; the seed's asks within [StepReach] of r, and each band of the
// driver is answered only the rows within that reach.
func NewProtocol(r Rule, step StepFunc) (*Protocol, error) {
	if err := checkProtocol(r); err != nil {
		return nil, err
	}
	t := r.Topology
	p := &Protocol{rule: r, custom: step, ring: !t.IsTorus(), w: t.W, h: t.H}
	if step != nil && p.ring {
		return nil, fmt.Errorf("rule %s: %w", r, errCustomRing)
	}
	if p.w == 0 {
		p.w, p.ox = windowSide, -windowSide/2
	}
	if p.h == 0 {
		p.h, p.oy = windowSide, -windowSide/2
	}
	sw, sh := p.w, p.h
	if p.ring {
		sw, sh = sw+2, sh+2
		p.oy, p.ox = p.oy-1, p.ox-1
	}
	g, err := grid.New(sw, sh)
	if err != nil {
		return nil, err
	}
	p.t = g
	if step == nil {
		p.reach = StepReach(r)
		p.phases[0] = StepCell(r.Phase(false))
		p.phases[1] = p.phases[0]
		if r.Alternates() {
			p.phases[1] = StepCell(r.Phase(true))
		}
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

// Torus returns the driver's grid, kept packed 64 cells a word (while the
// engine steps, the driver keeps the generation a byte a cell besides): the
// universe on a plain torus, else the
// universe inside its ring (rows and columns 1 to H and 1 to W; see
// [Protocol]). It belongs to the engine: callers may read it between calls
// to Step but must not keep it across them.
func (p *Protocol) Torus() *grid.Torus { return p.t }

// Generation returns the generation count.
func (p *Protocol) Generation() *big.Int { return new(big.Int).Set(&p.gen) }

// SetGeneration sets the generation count, whose parity chooses the rule a
// B0 rule steps with next.
func (p *Protocol) SetGeneration(g *big.Int) { p.gen.Set(g) }

// Population returns the number of live cells.
func (p *Protocol) Population() *big.Int { return big.NewInt(int64(p.t.Population() + p.out.Len())) }

// windowed reports whether the topology has an unbounded side.
func (p *Protocol) windowed() bool { return p.rule.Topology.W == 0 || p.rule.Topology.H == 0 }

// Step advances n generations through the channel driver: on a plain torus
// in one run (a run a generation for a B0 rule whose phases alternate),
// elsewhere a generation at a time, the ring filled before each.
func (p *Protocol) Step(ctx context.Context, n uint64) error {
	if p.out.Len() > 0 && !p.ring && n > 0 {
		// The first step after loading cells beyond a plain torus's
		// edges, which it has no ring for: once, synchronously.
		next, err := StepOutside(p.t, p.rule.Topology, 0, 0, p.phases[p.gen.Bit(0)], &p.out)
		if err != nil {
			return err
		}
		p.t.CopyFrom(next)
		p.out.Clear()
		p.gen.Add(&p.gen, big.NewInt(1))
		n--
	}
	for n > 0 {
		step, run := p.custom, n
		if step == nil {
			step = p.phases[p.gen.Bit(0)]
			if p.rule.Alternates() {
				run = 1
			}
		}
		if p.ring {
			if p.windowed() {
				p.room()
			}
			p.fillRing()
			run = 1
		}
		done, err := Driver{Reach: p.reach}.Run(ctx, p.t, step, run)
		if p.ring {
			p.clearRing()
		}
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

// fillRing fills the ring around the grid: see [fillRing].
func (p *Protocol) fillRing() { fillRing(p.t, p.rule.Topology, p.w, p.h, &p.out, p.oy, p.ox) }

// clearRing kills the cells of the ring, whatever the step made of them.
func (p *Protocol) clearRing() {
	w, h := p.w, p.h
	clear(p.t.Row(0))
	clear(p.t.Row(h + 1))
	for sy := 1; sy <= h; sy++ {
		p.t.Assign(sy, 0, false)
		p.t.Assign(sy, w+1, false)
	}
}

// room grows the window onto the unbounded sides when the pattern comes
// within a cell of its edge, beyond which the universe is taken to be
// dead, as it is under the rules that Phase keeps from births in empty
// space.
func (p *Protocol) room() {
	b, ok := p.gridBounds()
	if !ok {
		return
	}
	t := p.rule.Topology
	near := t.W == 0 && (b.X < 1 || b.X+b.W > int64(p.w)-1) ||
		t.H == 0 && (b.Y < 1 || b.Y+b.H > int64(p.h)-1)
	if near {
		wy, wx := p.oy+1, p.ox+1 // the window's corner
		p.include(b.Y+wy-windowSide/2, b.X+wx-windowSide/2, b.Y+b.H+wy+windowSide/2, b.X+b.W+wx+windowSide/2)
	}
}

// gridBounds returns the bounding box of the live cells of the grid, in
// its coordinates (0 to w-1, 0 to h-1), ring excluded.
func (p *Protocol) gridBounds() (Rect, bool) {
	b, ok := p.t.Bounds()
	if p.ring {
		b.X--
		b.Y--
	}
	return b, ok
}

// include grows the window onto the unbounded sides to hold the
// universe's rows y0 to y1 and columns x0 to x1.
func (p *Protocol) include(y0, x0, y1, x1 int64) {
	t := p.rule.Topology
	w, h := int64(p.w), int64(p.h)
	wy, wx := p.oy+1, p.ox+1 // the window's corner
	ny, nx := wy, wx
	if t.W == 0 && (x0 < wx || x1 >= wx+w) {
		lo, hi := min(wx, x0), max(wx+w, x1+1)
		w, nx = max(hi-lo, 2*w), lo
	}
	if t.H == 0 && (y0 < wy || y1 >= wy+h) {
		lo, hi := min(wy, y0), max(wy+h, y1+1)
		h, ny = max(hi-lo, 2*h), lo
	}
	if w == int64(p.w) && h == int64(p.h) {
		return
	}
	g, err := grid.New(int(w)+2, int(h)+2)
	if err != nil {
		return // too large to grow: cells beyond stay out of reach
	}
	dy, dx := int(wy-ny), int(wx-nx)
	for y, x := range p.t.Live() {
		g.Assign(y+dy, x+dx, true)
	}
	p.t, p.w, p.h = g, int(w), int(h)
	p.oy, p.ox = ny-1, nx-1
}

// place maps the universe's (y, x) onto the driver's grid: modulo the sides
// of a plain torus, through [grid.Topology.Wrap] on the others; ok is false
// outside a bounded plane's edges. An unbounded side's window grows to hold
// the cell when grow is set, and otherwise ok is false outside it.
func (p *Protocol) place(y, x int64, grow bool) (yy, xx int, ok bool) {
	if !p.ring {
		w, h := int64(p.w), int64(p.h)
		return int((y%h + h) % h), int((x%w + w) % w), true
	}
	t := p.rule.Topology
	if p.windowed() {
		wy, wx := y-p.oy-1, x-p.ox-1
		inside := (t.H != 0 || wy >= 0 && wy < int64(p.h)) && (t.W != 0 || wx >= 0 && wx < int64(p.w))
		if !inside {
			if !grow {
				return 0, 0, false
			}
			p.include(y, x, y, x)
		}
		if t.H == 0 {
			y -= p.oy + 1
		}
		if t.W == 0 {
			x -= p.ox + 1
		}
	}
	gy, gx, ok := t.Wrap(int(y), int(x), p.h, p.w)
	return gy + 1, gx + 1, ok
}

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

// SetRun makes the n cells from (y, x) rightwards alive ([RunSetter]): on a
// plain torus wrapped onto it a word at a time, where n calls of SetCell
// would take a cell at a time; elsewhere placed as SetCell places them.
func (p *Protocol) SetRun(y, x, n int64) {
	if n <= 0 {
		return
	}
	if p.ring {
		for i := range n {
			p.SetCell(y, x+i, true)
		}
		return
	}
	w := int64(p.t.Width())
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

// Bounds returns the bounding box of the live cells in the universe's
// coordinates: the grid's (0 <= y < height, 0 <= x < width) on a bounded
// side, as they are set on an unbounded one.
func (p *Protocol) Bounds() (Rect, bool) {
	r, ok := p.t.Bounds()
	r.X += p.ox
	r.Y += p.oy
	return p.out.Bounds(r, ok)
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
	p.out.CountBlocks(r, k, dst)
	r.X -= p.ox
	r.Y -= p.oy
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
	c := *p
	c.t = p.t.Clone()
	c.out = p.out.Clone()
	c.gen = big.Int{}
	c.gen.Set(&p.gen)
	return &c
}

// String describes the engine for logs and test failures.
func (p *Protocol) String() string {
	return fmt.Sprintf("protocol %s gen %s pop %d", p.rule, p.gen.String(), p.Population())
}
