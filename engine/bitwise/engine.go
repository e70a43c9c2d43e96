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

// Engine is the bit-parallel engine. It runs every two-state rule family on
// every topology of Golly's bounded grids. Coordinates are row first,
// (y, x): the universe is rows 0 to H-1 and columns 0 to W-1; on a torus
// other coordinates wrap as the protocol engine's do, on the other
// topologies they join as [grid.Topology.Wrap] says, and beyond a bounded
// plane's edges cells are dead and setting them does nothing. On a side
// that the topology leaves unbounded (a tube's) coordinates are the
// universe's own, and the engine holds a window onto it that grows as the
// pattern does.
//
// An Engine is not safe for concurrent use; its Step runs its own workers
// and waits for them before it returns.
type Engine struct {
	rule    engine.Rule
	g       geom      // the storage, which sp maps the universe onto
	sp      space     // how the universe lies in the storage
	logic   *logic    // the logic of the generation being stepped
	logics  [2]*logic // the rule's logic from even and odd generations
	cur     []uint64  // the current generation
	prev    []uint64  // the one before it, or, after edits, stale tiles
	tiles   tiles
	settled bool // nothing changed in the last generation and no edits since
	gen     big.Int
	out     engine.Outside // cells loaded beyond the edges, until the next step
	workers int
	span    int // the fewest tiles in a job
}

var (
	_ engine.Engine        = (*Engine)(nil)
	_ engine.BlockCounter  = (*Engine)(nil)
	_ engine.OutsideSetter = (*Engine)(nil)
)

// minSpan is the fewest tiles a job is given, so that handing it over costs
// little beside stepping it; a generation with fewer than two jobs' worth
// runs in the calling goroutine.
const minSpan = 32

func init() {
	engine.Register(engine.Algo{
		Name:       "bitwise",
		Summary:    "64 cells a word, settled tiles skipped, on every core (every bounded grid)",
		Families:   engine.TwoStateFamilies,
		Topologies: []engine.TopologyKind{engine.Torus, engine.BoundedPlane, engine.Klein, engine.CrossSurface, engine.Sphere},
		StepBase:   10,
		Caps:       engine.BlockCounts | engine.BulkLoad,
		Rank:       10,
		Check:      check,
		New:        func(r engine.Rule, _ engine.Options) (engine.Engine, error) { return New(r) },
	})
}

// space is how the universe lies in the engine's storage.
type space struct {
	topo engine.Topology
	// ring says the storage is the grid with a ring of cells around it,
	// filled before each generation with the cells the topology joins
	// there (shifted tori, Klein bottles, cross-surfaces, spheres).
	ring bool
	// oy and ox are the universe's coordinates of the storage's cell
	// (0, 0): -1 with a ring, the window's corner on an unbounded side,
	// 0 otherwise.
	oy, ox int64
}

// windowSide is the side of a new window onto an unbounded side, a
// multiple of 64 so that windows grow by whole strips.
const windowSide = 128

// layout returns the storage of topology t and how the universe lies in
// it.
func layout(t engine.Topology) (w, h int, boundedX, boundedY bool, sp space) {
	sp.topo = t
	w, h = t.W, t.H
	switch {
	case t.Wraps():
		sp.ring, sp.oy, sp.ox = true, -1, -1
		return w + 2, h + 2, true, true, sp
	case t.Kind == engine.BoundedPlane:
		boundedX, boundedY = true, true
	}
	if w == 0 {
		w, sp.ox, boundedX = windowSide, -windowSide/2, true
	}
	if h == 0 {
		h, sp.oy, boundedY = windowSide, -windowSide/2, true
	}
	return w, h, boundedX, boundedY, sp
}

// check returns nil when the engine runs r, as New would: any topology but
// the unbounded plane, of a size the grid package allows.
func check(r engine.Rule) error {
	t := r.Topology
	if t.Kind == engine.Plane {
		return fmt.Errorf("the unbounded plane is %w by the bitwise engine: give a bounded grid (\":TW,H\", \":PW,H\", ...)", engine.ErrUnsupported)
	}
	w, h, _, _, sp := layout(t)
	if sp.ring {
		if err := grid.CheckSize(t.W, t.H); err != nil {
			return err
		}
	}
	return grid.CheckSize(w, h)
}

// New returns an engine for rule r, of any two-state family, with every
// cell dead. r's topology may be any of Golly's bounded grids; for the
// unbounded plane New returns an error wrapping [engine.ErrUnsupported].
// Sizes are limited as [grid.New] limits them.
func New(r engine.Rule) (*Engine, error) {
	if err := check(r); err != nil {
		return nil, err
	}
	w, h, bx, by, sp := layout(r.Topology)
	g := newGeom(w, h, bx, by)
	e := &Engine{
		rule:   r,
		g:      g,
		sp:     sp,
		logics: [2]*logic{newLogic(r.Phase(false)), newLogic(r.Phase(true))},
		cur:    make([]uint64, g.strips*g.h),
		prev:   make([]uint64, g.strips*g.h),
		tiles:  newTiles(g),
		span:   minSpan,
	}
	if !r.Alternates() {
		e.logics[1] = e.logics[0]
	}
	e.logic = e.logics[0]
	return e, nil
}

// FromTorus returns an engine for rule r, whose topology must be bounded
// and of t's size, holding t's cells.
func FromTorus(r engine.Rule, t *grid.Torus) (*Engine, error) {
	e, err := New(r)
	if err != nil {
		return nil, err
	}
	top := r.Topology
	if t.Width() != top.W || t.Height() != top.H {
		return nil, fmt.Errorf("bitwise engine: grid is %d x %d, rule %s wants %d x %d", t.Width(), t.Height(), r, top.W, top.H)
	}
	if !e.sp.ring {
		for y := 0; y < e.g.h; y++ {
			for i, w := range t.Row(y) {
				e.cur[i*e.g.h+y] = w
			}
		}
		e.tiles.editAll()
		return e, nil
	}
	for y, x := range t.Live() {
		e.SetCell(int64(y), int64(x), true)
	}
	return e, nil
}

// Torus returns a copy of the universe's cells as a grid.Torus of its size
// (whatever its topology), or, on a topology with an unbounded side, of the
// window onto it.
func (e *Engine) Torus() *grid.Torus {
	w, h := e.g.w, e.g.h
	if e.sp.ring {
		w, h = w-2, h-2
	}
	t, err := grid.New(w, h)
	if err != nil {
		panic(err) // the size was checked in New
	}
	if !e.sp.ring {
		for y := 0; y < h; y++ {
			row := t.Row(y)
			for i := range row {
				row[i] = e.cur[i*e.g.h+y]
			}
		}
		return t
	}
	e.visitGrid(engine.Rect{W: int64(w), H: int64(h)}, func(y, x int64) { t.Assign(int(y), int(x), true) })
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
	n := e.out.Len()
	for _, w := range e.cur {
		n += bits.OnesCount64(w)
	}
	return int64(n)
}

// SetOutside implements [engine.OutsideSetter]: the cell at (y, x), beyond
// the grid's edges, is alive until the next step, which sees it in the ring
// around the grid as Golly does. A cell on the grid is set as SetCell sets
// it.
func (e *Engine) SetOutside(y, x int64) {
	t := e.rule.Topology
	if (t.H == 0 || y >= 0 && y < int64(t.H)) && (t.W == 0 || x >= 0 && x < int64(t.W)) {
		e.SetCell(y, x, true)
		return
	}
	if e.windowed() {
		// The window holds the cells the outside one may give birth
		// to in the first step.
		gy, gx := y, x
		if t.H > 0 {
			gy = min(max(y, 0), int64(t.H)-1)
		}
		if t.W > 0 {
			gx = min(max(x, 0), int64(t.W)-1)
		}
		e.include(gy, gx, gy, gx)
	}
	e.out.Add(y, x)
}

// stepOutside steps the first generation after cells were set beyond the
// edges, which see them in the ring around the grid: through the
// protocol's reference driver, once, as the grid of the rule's topology
// (or the window onto it).
func (e *Engine) stepOutside() error {
	oy, ox := e.sp.oy, e.sp.ox // the universe's coordinates of Torus's (0, 0)
	if e.sp.ring {
		oy, ox = 0, 0
	}
	next, err := engine.StepOutside(e.Torus(), e.rule.Topology, oy, ox, engine.StepCell(e.rule.Phase(e.gen.Bit(0) == 1)), &e.out)
	if err != nil {
		return err
	}
	clear(e.cur)
	for y, x := range next.Live() {
		e.setStored(y-int(e.sp.oy)+int(oy), x-int(e.sp.ox)+int(ox))
	}
	e.out.Clear()
	e.tiles.editAll()
	e.settled = false
	e.gen.Add(&e.gen, big.NewInt(1))
	return nil
}

// Step advances n generations. It checks ctx before each generation and in
// every hand-over to its workers; on cancellation it returns ctx's error and
// the engine holds the last whole generation. It starts its workers when the
// universe is big enough to share, and they have all ended when it returns.
func (e *Engine) Step(ctx context.Context, n uint64) error {
	if e.out.Len() > 0 && n > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := e.stepOutside(); err != nil {
			return err
		}
		n--
	}
	for n > 0 {
		run := n
		if e.windowed() {
			run = e.room(n)
		}
		if err := e.stepRun(ctx, run); err != nil {
			return err
		}
		n -= run
	}
	return nil
}

// stepRun advances n generations, as Step says, with no window to grow on
// the way.
func (e *Engine) stepRun(ctx context.Context, n uint64) error {
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
		if e.sp.ring {
			e.fillRing()
		}
		e.logic = e.logics[e.gen.Bit(0)]
		active, err := generation(e.tiles.plan())
		if err != nil {
			if e.sp.ring {
				e.clearRing(e.cur)
			}
			return err
		}
		e.cur, e.prev = e.prev, e.cur
		e.tiles.swap()
		if e.sp.ring {
			e.clearRing(e.cur)
		}
		e.settled = active == 0
		e.gen.Add(&e.gen, big.NewInt(1))
	}
	return nil
}

// fillRing sets the ring of cells around the grid, in the storage of a
// topology that joins its edges in other ways than a torus's, to the cells
// they join (see [grid.Topology.Wrap]), as Golly does before each step,
// and marks the tiles along the ring edited: they and their neighbours are
// stepped every generation.
func (e *Engine) fillRing() {
	w, h := e.g.w-2, e.g.h-2
	set := func(sy, sx int) {
		ty, tx, ok := e.sp.topo.Wrap(sy-1, sx-1, h, w)
		if ok && e.stored(ty+1, tx+1) {
			e.setStored(sy, sx)
		}
	}
	for sx := 0; sx < w+2; sx++ {
		set(0, sx)
		set(h+1, sx)
	}
	for sy := 1; sy <= h; sy++ {
		set(sy, 0)
		set(sy, w+1)
	}
	last := e.g.strips - 1
	for i := 0; i <= last; i++ {
		e.tiles.edit(i, 0)
		e.tiles.edit(i, h+1)
	}
	for r := 0; r < e.tiles.rows; r++ {
		e.tiles.edit(0, r*tileRows)
		e.tiles.edit(last, r*tileRows)
	}
}

// clearRing kills the ring of cells around the grid in buffer buf, which
// holds whatever the step made of them.
func (e *Engine) clearRing(buf []uint64) {
	h := e.g.h
	for i := 0; i < e.g.strips; i++ {
		buf[i*h] = 0
		buf[i*h+h-1] = 0
	}
	right := uint64(1) << uint((e.g.w-1)&63)
	last := (e.g.strips - 1) * h
	for y := 0; y < h; y++ {
		buf[y] &^= 1
		buf[last+y] &^= right
	}
}

// stored reports whether the storage's cell (y, x) is alive.
func (e *Engine) stored(y, x int) bool { return e.cur[(x>>6)*e.g.h+y]>>(x&63)&1 != 0 }

// setStored makes the storage's cell (y, x) alive and marks its tile
// edited.
func (e *Engine) setStored(y, x int) {
	e.cur[(x>>6)*e.g.h+y] |= 1 << (x & 63)
	e.tiles.edit(x>>6, y)
	e.settled = false
}

// windowed reports whether the topology has an unbounded side.
func (e *Engine) windowed() bool {
	t := e.rule.Topology
	return !e.sp.ring && (t.W == 0 || t.H == 0)
}

// place maps the universe's (y, x) onto the storage: wrapped round a
// torus's sides, joined as the topology says with a ring, and ok false
// outside a bounded plane or the window onto an unbounded side.
func (e *Engine) place(y, x int64) (yy, xx int, ok bool) {
	t := e.rule.Topology
	if e.sp.ring {
		ty, tx, ok := t.Wrap(int(y), int(x), t.H, t.W)
		return ty + 1, tx + 1, ok
	}
	axis := func(v, o int64, side, n int, wraps bool) (int, bool) {
		switch {
		case side == 0:
			v -= o // the window onto an unbounded side
		case wraps && uint64(v) >= uint64(n): // only then divide
			if v %= int64(n); v < 0 {
				v += int64(n)
			}
		}
		return int(v), v >= 0 && v < int64(n)
	}
	torus := t.Kind == engine.Torus
	yy, oky := axis(y, e.sp.oy, t.H, e.g.h, torus)
	xx, okx := axis(x, e.sp.ox, t.W, e.g.w, torus)
	return yy, xx, oky && okx
}

// include grows the window onto the unbounded sides to hold the universe's
// rows y0 to y1 and columns x0 to x1, with a margin.
func (e *Engine) include(y0, x0, y1, x1 int64) {
	t := e.rule.Topology
	w, h, ox, oy := int64(e.g.w), int64(e.g.h), e.sp.ox, e.sp.oy
	if t.W == 0 && (x0 < ox || x1 >= ox+w) {
		lo := min(ox, x0-windowSide/2)
		lo -= ((ox-lo)+63)/64*64 - (ox - lo) // keep strips aligned
		hi := max(ox+w, x1+windowSide/2)
		w, ox = max(hi-lo, 2*w), lo
		w = (w + 63) / 64 * 64
	}
	if t.H == 0 && (y0 < oy || y1 >= oy+h) {
		lo, hi := min(oy, y0-windowSide/2), max(oy+h, y1+windowSide/2)
		h, oy = max(hi-lo, 2*h), lo
	}
	if w != int64(e.g.w) || h != int64(e.g.h) {
		e.regrid(int(w), int(h), oy, ox)
	}
}

// regrid moves the universe into a window of w x h cells whose corner is
// the universe's (oy, ox); the new window holds the old one.
func (e *Engine) regrid(w, h int, oy, ox int64) {
	if grid.CheckSize(w, h) != nil {
		return // too large to grow: cells beyond stay out of reach
	}
	g := newGeom(w, h, e.g.boundedX, e.g.boundedY)
	cur := make([]uint64, g.strips*g.h)
	dy, di := int(e.sp.oy-oy), int(e.sp.ox-ox)/64
	for i := 0; i < e.g.strips; i++ {
		copy(cur[(i+di)*g.h+dy:], e.g.strip(e.cur, i))
	}
	e.g, e.cur, e.prev = g, cur, make([]uint64, len(cur))
	e.sp.oy, e.sp.ox = oy, ox
	e.tiles = newTiles(g)
	e.tiles.editAll()
	e.settled = false
}

// room makes sure the window onto the unbounded sides leaves room for the
// pattern to grow for want generations, or at least one, and returns how
// many generations it has room for: live cells are never stepped to
// within a cell of the window's edge, beyond which the universe is taken
// to be dead, as it is under rules that Phase keeps from births in empty
// space.
func (e *Engine) room(want uint64) uint64 {
	b, ok := e.gridBounds()
	if !ok {
		return want
	}
	t := e.rule.Topology
	free := int64(1) << 62
	if t.W == 0 {
		free = min(free, b.X, int64(e.g.w)-b.X-b.W)
	}
	if t.H == 0 {
		free = min(free, b.Y, int64(e.g.h)-b.Y-b.H)
	}
	if free >= 1 && (uint64(free) >= want || free >= windowSide/2) {
		return min(want, uint64(free))
	}
	pad := int64(min(want, windowSide)) + 1
	e.include(b.Y+e.sp.oy-pad, b.X+e.sp.ox-pad, b.Y+b.H-1+e.sp.oy+pad, b.X+b.W-1+e.sp.ox+pad)
	nb, _ := e.gridBounds()
	if nb == b {
		return uint64(max(free, 1)) // the window could not grow
	}
	return e.room(want)
}

// Cell reports whether the cell at (y, x) is alive.
func (e *Engine) Cell(y, x int64) bool {
	yy, xx, ok := e.place(y, x)
	return ok && e.stored(yy, xx)
}

// SetCell makes the cell at (y, x) alive or dead.
func (e *Engine) SetCell(y, x int64, alive bool) {
	yy, xx, ok := e.place(y, x)
	if !ok && alive && e.windowed() {
		e.include(y, x, y, x)
		yy, xx, ok = e.place(y, x)
	}
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
// row); on a bounded plane the part outside is ignored; on an unbounded
// side the window grows to hold it.
func (e *Engine) SetRun(y, x, n int64) {
	if n <= 0 {
		return
	}
	t := e.rule.Topology
	switch {
	case e.sp.ring:
		for i := range min(n, int64(t.W)) {
			e.SetCell(y, x+i, true)
		}
		return
	case e.windowed():
		e.include(y, x, y, x+n-1)
	}
	yy, _, ok := e.place(y, 0)
	if !ok {
		return
	}
	w := int64(e.g.w)
	if e.g.boundedX {
		x -= e.sp.ox
		if x >= w {
			return
		}
		if x < 0 {
			if n += x; n <= 0 {
				return
			}
			x = 0
		}
		e.setSpan(yy, int(x), int(x+min(n, w-x)))
		return
	}
	_, xx, _ := e.place(y, x)
	n = min(n, w)
	end := int64(xx) + n
	e.setSpan(yy, xx, int(min(end, w)))
	if end > w {
		e.setSpan(yy, 0, int(end-w))
	}
}

// setSpan makes cells x0 to x1-1 of the storage's row y alive; 0 <= x0 <=
// x1 <= W.
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
	e.out.Clear()
	e.tiles.editAll()
	e.settled = false
}

// Bounds returns the smallest rectangle holding every live cell, in the
// universe's coordinates (0 <= X, X+W <= width, but for cells set beyond
// the edges), and false when no cell is alive. It does not look for a
// tighter box across a torus's seams.
func (e *Engine) Bounds() (engine.Rect, bool) {
	r, ok := e.gridBounds()
	r.X += e.sp.ox
	r.Y += e.sp.oy
	return e.out.Bounds(r, ok)
}

// gridBounds returns the bounding box of the live cells of the storage, in
// its coordinates.
func (e *Engine) gridBounds() (engine.Rect, bool) {
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
// (0 <= y < height, 0 <= x < width, and cells set beyond the edges) lie
// inside r, row by row and left to right.
func (e *Engine) Visit(r engine.Rect, fn func(y, x int64)) {
	if e.out.Len() > 0 {
		e.out.Visit(r, e.visitGrid, fn)
		return
	}
	e.visitGrid(r, fn)
}

// visitGrid is Visit for the cells of the storage.
func (e *Engine) visitGrid(r engine.Rect, fn func(y, x int64)) {
	oy, ox := e.sp.oy, e.sp.ox
	r.X -= ox
	r.Y -= oy
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
					fn(y+oy, x+ox)
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
	e.out.CountBlocks(r, k, dst)
	r.X -= e.sp.ox
	r.Y -= e.sp.oy
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
	c.out = e.out.Clone()
	c.gen = big.Int{}
	c.gen.Set(&e.gen)
	return &c
}

// String describes the engine for logs and test failures.
func (e *Engine) String() string {
	return fmt.Sprintf("bitwise %s gen %s pop %d", e.rule, e.gen.String(), e.PopulationInt())
}
