package bitwise

import (
	"context"
	"fmt"
	"math/big"
	"math/bits"
	"runtime"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/grid"
)

// Engine is the bit-parallel engine. It runs a Life-like rule on a plain
// torus or a bounded plane. Coordinates are row first, (y, x): on a torus
// they wrap as the protocol engine's do; on a bounded plane the universe is
// rows 0 to H-1 and columns 0 to W-1, cells outside it are dead and setting
// them does nothing.
//
// An Engine is not safe for concurrent use; its Step runs its own workers
// and waits for them before it returns.
type Engine struct {
	rule    engine.Rule
	g       geom
	logic   *logic
	cur     []uint64 // the current generation
	prev    []uint64 // the one before it, or, after edits, stale tiles
	tiles   tiles
	settled bool // nothing changed in the last generation and no edits since
	gen     big.Int
	workers int
	span    int // the fewest tiles in a job
}

var (
	_ engine.Engine       = (*Engine)(nil)
	_ engine.BlockCounter = (*Engine)(nil)
)

// minSpan is the fewest tiles a job is given, so that handing it over costs
// little beside stepping it; a generation with fewer than two jobs' worth
// runs in the calling goroutine.
const minSpan = 32

func init() {
	engine.Register(engine.Algo{
		Name:       "bitwise",
		Summary:    "64 cells a word, settled tiles skipped, on every core (tori and bounded planes)",
		Families:   []engine.Family{engine.LifeLike},
		Topologies: []engine.TopologyKind{engine.Torus, engine.BoundedPlane},
		StepBase:   10,
		Caps:       engine.BlockCounts | engine.BulkLoad,
		Rank:       10,
		Check:      check,
		New:        func(r engine.Rule, _ engine.Options) (engine.Engine, error) { return New(r) },
	})
}

// check returns nil when the engine runs r, as New would: a topology it
// runs, of a size the grid package allows.
func check(r engine.Rule) error {
	t := r.Topology
	if err := checkTopology(t); err != nil {
		return err
	}
	return grid.CheckSize(t.W, t.H)
}

// New returns an engine for rule r with every cell dead. r's topology must be
// a plain torus (":TW,H") or a bounded plane (":PW,H"); for any other it
// returns an error wrapping [engine.ErrUnsupported] that names it. Sizes are
// limited as [grid.New] limits them.
func New(r engine.Rule) (*Engine, error) {
	t := r.Topology
	if err := check(r); err != nil {
		return nil, err
	}
	g := newGeom(t.W, t.H, t.Kind == engine.BoundedPlane)
	e := &Engine{
		rule:  r,
		g:     g,
		logic: newLogic(r),
		cur:   make([]uint64, g.strips*g.h),
		prev:  make([]uint64, g.strips*g.h),
		tiles: newTiles(g),
		span:  minSpan,
	}
	if r.Birth&1 != 0 {
		// Under B0 empty space is not settled: step it all. Without
		// B0 it is, and only the tiles set later need stepping.
		e.tiles.editAll()
	}
	return e, nil
}

// checkTopology returns nil for the topologies the engine runs, and
// otherwise an error wrapping [engine.ErrUnsupported] that names t.
func checkTopology(t engine.Topology) error {
	plain := t.W > 0 && t.H > 0 && t.ShiftW == 0 && t.ShiftH == 0 && !t.TwistW && !t.TwistH
	what := t.Kind.String()
	switch {
	case plain && (t.Kind == engine.Torus || t.Kind == engine.BoundedPlane):
		return nil
	case t.Kind == engine.Plane:
		return fmt.Errorf("the unbounded plane is %w by the bitwise engine: give a torus (\":TW,H\") or a bounded plane (\":PW,H\")", engine.ErrUnsupported)
	case (t.Kind == engine.Torus || t.Kind == engine.BoundedPlane) && (t.W == 0 || t.H == 0):
		what += " unbounded in one direction"
	case t.Kind == engine.Torus:
		what = "torus with a shift"
	}
	return fmt.Errorf("%s %q is %w by the bitwise engine: it runs plain tori (\":TW,H\") and bounded planes (\":PW,H\")", what, t.String(), engine.ErrUnsupported)
}

// FromTorus returns an engine for rule r, whose topology must be a torus or
// bounded plane of t's size, holding t's cells.
func FromTorus(r engine.Rule, t *grid.Torus) (*Engine, error) {
	e, err := New(r)
	if err != nil {
		return nil, err
	}
	if t.Width() != e.g.w || t.Height() != e.g.h {
		return nil, fmt.Errorf("bitwise engine: grid is %d x %d, rule %s wants %d x %d", t.Width(), t.Height(), r, e.g.w, e.g.h)
	}
	for y := 0; y < e.g.h; y++ {
		for i, w := range t.Row(y) {
			e.cur[i*e.g.h+y] = w
		}
	}
	e.tiles.editAll()
	return e, nil
}

// Torus returns a copy of the universe as a grid.Torus of its size (for a
// bounded plane too).
func (e *Engine) Torus() *grid.Torus {
	t, err := grid.New(e.g.w, e.g.h)
	if err != nil {
		panic(err) // the size was checked in New
	}
	for y := 0; y < e.g.h; y++ {
		row := t.Row(y)
		for i := range row {
			row[i] = e.cur[i*e.g.h+y]
		}
	}
	return t
}

// SetWorkers sets how many goroutines Step runs on: n < 1 means GOMAXPROCS,
// the default. The result does not depend on it.
func (e *Engine) SetWorkers(n int) { e.workers = n }

// Name returns "bitwise".
func (e *Engine) Name() string { return "bitwise" }

// Rule returns the engine's rule.
func (e *Engine) Rule() engine.Rule { return e.rule }

// Generation returns the generation count.
func (e *Engine) Generation() *big.Int { return new(big.Int).Set(&e.gen) }

// SetGeneration sets the generation count.
func (e *Engine) SetGeneration(g *big.Int) { e.gen.Set(g) }

// Population returns the number of live cells.
func (e *Engine) Population() *big.Int { return big.NewInt(e.PopulationInt()) }

// PopulationInt returns the number of live cells as an int64.
func (e *Engine) PopulationInt() int64 {
	n := 0
	for _, w := range e.cur {
		n += bits.OnesCount64(w)
	}
	return int64(n)
}

// Step advances n generations. It checks ctx before each generation and in
// every hand-over to its workers; on cancellation it returns ctx's error and
// the engine holds the last whole generation. It starts its workers when the
// universe is big enough to share, and they have all ended when it returns.
func (e *Engine) Step(ctx context.Context, n uint64) error {
	workers := e.workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers < 2 || e.tiles.count() < 2*e.span {
		return e.steps(ctx, n, func(todo []int32) (int, error) {
			return e.g.stepTiles(e.logic, &e.tiles, e.prev, e.cur, todo), nil
		})
	}
	maxJobs := workers * 4
	spans := make([]span, 0, maxJobs)
	p := startPool(ctx, workers, maxJobs, func(s span) int {
		return e.g.stepTiles(e.logic, &e.tiles, e.prev, e.cur, e.tiles.todo[s.t0:s.t1])
	})
	torn := false
	err := e.steps(ctx, n, func(todo []int32) (int, error) {
		if len(todo) < 2*e.span {
			// Too little to share.
			return e.g.stepTiles(e.logic, &e.tiles, e.prev, e.cur, todo), nil
		}
		jobs := min(maxJobs, len(todo)/e.span)
		spans = spans[:0]
		for j := range jobs {
			spans = append(spans, span{len(todo) * j / jobs, len(todo) * (j + 1) / jobs})
		}
		active, err := p.run(ctx, spans)
		torn = err != nil
		return active, err
	})
	p.stop()
	if torn {
		// Workers may have written the next generation into some
		// tiles of prev: step every tile twice more before trusting
		// the buffers again.
		e.tiles.editAll()
		e.settled = false
	}
	return err
}

// steps runs n generations. For each it lists the tiles to step and calls
// generation, which computes their next generation into prev and their
// next flags and returns how many tiles got a flag; then it swaps the
// buffers and the flags.
func (e *Engine) steps(ctx context.Context, n uint64, generation func(todo []int32) (int, error)) error {
	for done := uint64(0); done < n; done++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		if e.settled {
			// Every tile repeats with period 1 or 2: the rest of the
			// generations just swap the buffers.
			if (n-done)%2 == 1 {
				e.cur, e.prev = e.prev, e.cur
			}
			e.gen.Add(&e.gen, new(big.Int).SetUint64(n-done))
			return nil
		}
		active, err := generation(e.tiles.plan())
		if err != nil {
			return err
		}
		e.cur, e.prev = e.prev, e.cur
		e.tiles.swap()
		e.settled = active == 0
		e.gen.Add(&e.gen, big.NewInt(1))
	}
	return nil
}

// place maps (y, x) onto the universe: wrapped on a torus, and ok false
// outside a bounded plane.
func (e *Engine) place(y, x int64) (yy, xx int, ok bool) {
	h, w := int64(e.g.h), int64(e.g.w)
	if e.g.bounded {
		if y < 0 || y >= h || x < 0 || x >= w {
			return 0, 0, false
		}
		return int(y), int(x), true
	}
	if uint64(y) >= uint64(h) { // only then divide
		if y %= h; y < 0 {
			y += h
		}
	}
	if uint64(x) >= uint64(w) {
		if x %= w; x < 0 {
			x += w
		}
	}
	return int(y), int(x), true
}

// Cell reports whether the cell at (y, x) is alive.
func (e *Engine) Cell(y, x int64) bool {
	yy, xx, ok := e.place(y, x)
	return ok && e.cur[(xx>>6)*e.g.h+yy]>>(xx&63)&1 != 0
}

// SetCell makes the cell at (y, x) alive or dead.
func (e *Engine) SetCell(y, x int64, alive bool) {
	yy, xx, ok := e.place(y, x)
	if !ok {
		return
	}
	i := (xx>>6)*e.g.h + yy
	bit := uint64(1) << (xx & 63)
	if (e.cur[i]&bit != 0) == alive {
		return
	}
	e.cur[i] ^= bit
	e.tiles.edit(xx>>6, yy)
	e.settled = false
}

// SetRun makes n cells alive from (y, x) rightwards: the fast way to load a
// pattern. On a torus the run wraps round (a run of W or more fills the
// row); on a bounded plane the part outside is ignored.
func (e *Engine) SetRun(y, x, n int64) {
	if n <= 0 {
		return
	}
	w := int64(e.g.w)
	if e.g.bounded {
		if y < 0 || y >= int64(e.g.h) || x >= w {
			return
		}
		if x < 0 {
			if n += x; n <= 0 {
				return
			}
			x = 0
		}
		e.setSpan(int(y), int(x), int(x+min(n, w-x)))
		return
	}
	yy, xx, _ := e.place(y, x)
	n = min(n, w)
	end := int64(xx) + n
	e.setSpan(yy, xx, int(min(end, w)))
	if end > w {
		e.setSpan(yy, 0, int(end-w))
	}
}

// setSpan makes cells x0 to x1-1 of row y alive; 0 <= x0 <= x1 <= W.
func (e *Engine) setSpan(y, x0, x1 int) {
	for x0 < x1 {
		i := x0 >> 6
		hi := min(x1, (i+1)*64)
		mask := ^uint64(0) >> (64 - uint(hi-x0)) << (x0 & 63)
		e.cur[i*e.g.h+y] |= mask
		e.tiles.edit(i, y)
		x0 = hi
	}
	e.settled = false
}

// Clear kills every cell.
func (e *Engine) Clear() {
	clear(e.cur)
	e.tiles.editAll()
	e.settled = false
}

// Bounds returns the smallest rectangle holding every live cell, in the
// universe's coordinates (0 <= X, X+W <= width), and false when no cell is
// alive. It does not look for a tighter box across a torus's seams.
func (e *Engine) Bounds() (engine.Rect, bool) {
	h := e.g.h
	top, bottom, left, right := h, -1, e.g.w, -1
	for i := 0; i < e.g.strips; i++ {
		for y, w := range e.g.strip(e.cur, i) {
			if w == 0 {
				continue
			}
			top, bottom = min(top, y), max(bottom, y)
			left = min(left, i*64+bits.TrailingZeros64(w))
			right = max(right, i*64+63-bits.LeadingZeros64(w))
		}
	}
	if bottom < 0 {
		return engine.Rect{}, false
	}
	return engine.Rect{X: int64(left), Y: int64(top), W: int64(right - left + 1), H: int64(bottom - top + 1)}, true
}

// Visit calls fn for every live cell whose coordinates in the universe
// (0 <= y < height, 0 <= x < width) lie inside r, row by row and left to
// right.
func (e *Engine) Visit(r engine.Rect, fn func(y, x int64)) {
	y0, y1 := max(r.Y, 0), min(r.Y+r.H, int64(e.g.h))
	x0, x1 := max(r.X, 0), min(r.X+r.W, int64(e.g.w))
	if y0 >= y1 || x0 >= x1 {
		return
	}
	for y := y0; y < y1; y++ {
		for i := x0 >> 6; i <= (x1-1)>>6; i++ {
			w := e.cur[int(i)*e.g.h+int(y)]
			for w != 0 {
				x := i*64 + int64(bits.TrailingZeros64(w))
				w &= w - 1
				if x >= x0 && x < x1 {
					fn(y, x)
				}
			}
		}
	}
}

// CountBlocks sets dst[i*cols+j] to the number of live cells in the
// 2^k x 2^k block whose top-left cell is (r.Y + i<<k, r.X + j<<k), clipped
// to r and to the universe, as [engine.BlockCounter] says. Blocks of 64
// columns or more are counted a word at a time.
func (e *Engine) CountBlocks(r engine.Rect, k uint, dst []uint64) {
	cols := (r.W + 1<<k - 1) >> k
	rows := (r.H + 1<<k - 1) >> k
	clear(dst[:rows*cols])
	y0, y1 := max(r.Y, 0), min(r.Y+r.H, int64(e.g.h))
	x0, x1 := max(r.X, 0), min(r.X+r.W, int64(e.g.w))
	if y0 >= y1 || x0 >= x1 {
		return
	}
	for y := y0; y < y1; y++ {
		row := dst[((y-r.Y)>>k)*cols:]
		for i := x0 >> 6; i <= (x1-1)>>6; i++ {
			w := e.cur[int(i)*e.g.h+int(y)]
			if w == 0 {
				continue
			}
			// Keep the bits inside [x0, x1).
			lo, hi := max(x0-i*64, 0), min(x1-i*64, 64)
			w &= ^uint64(0) >> (64 - uint(hi-lo)) << uint(lo)
			if first := (i*64 + lo - r.X) >> k; first == (i*64+hi-1-r.X)>>k {
				row[first] += uint64(bits.OnesCount64(w))
				continue
			}
			for w != 0 {
				x := i*64 + int64(bits.TrailingZeros64(w))
				w &= w - 1
				row[(x-r.X)>>k]++
			}
		}
	}
}

// Clone returns an independent copy of the engine and its universe.
func (e *Engine) Clone() engine.Engine {
	c := *e
	c.cur = append([]uint64(nil), e.cur...)
	c.prev = append([]uint64(nil), e.prev...)
	c.tiles = e.tiles.clone()
	c.gen = big.Int{}
	c.gen.Set(&e.gen)
	return &c
}

// String describes the engine for logs and test failures.
func (e *Engine) String() string {
	return fmt.Sprintf("bitwise %s gen %s pop %d", e.rule, e.gen.String(), e.PopulationInt())
}
