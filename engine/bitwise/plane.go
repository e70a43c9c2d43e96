package bitwise

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"slices"

	"github.com/life-go/life/engine"
)

// Plane is the sparse engine: the bit-parallel kernel on the unbounded
// plane, as Golly's QuickLife runs it. The plane is held in tiles of 64 x
// 64 cells only where the pattern lives or may come to (see planetile.go),
// and each generation computes only the rows of those tiles next to a
// change of the generation before (see planestep.go): still lifes,
// period-2 oscillators and empty space cost nothing, and memory follows the
// live area. Cells lie in the square [-2^62, 2^62) in both coordinates,
// (y, x) row first, y growing downwards; generation counts are exact.
//
// A Plane is not safe for concurrent use; its Step runs its own workers
// and waits for them before it returns.
type Plane struct {
	rule  engine.Rule
	logic *logic // the rule the generation being stepped runs
	// logics are the rules of even and odd generations: one rule twice
	// unless Golly emulates the rule's B0 with a pair ([engine.Rule.Phase]).
	logics [2]*logic
	tiles  map[tileKey]*tile
	all    []*tile // every tile, in no particular order
	// todo lists the tiles to visit in the next step: those that
	// changed in the latest generation (and, for one more step, those
	// that just stopped, to clear their masks), their neighbours that
	// the changes reach, and the tiles edited since; each once, marked
	// with listing.
	todo    []*tile
	listing uint64
	// edited lists the tiles edited since the latest step, whose
	// neighbours the next step lists first.
	edited []*tile
	// edge lists the tiles whose changes reach past the edge of the
	// universe: the next step is refused while they do (ErrEdge).
	edge []*tile
	par  int   // the current generation is in buf[par] of every tile
	last *tile // the tile tileAt found last, for runs of look-ups
	gen  big.Int

	workers    int
	rows       int // the rows the latest step computed
	sinceSweep int
	spare      []*tile // the list of the step before, to reuse
	parts      []part  // the workers' own notes of a step
}

var (
	_ engine.Engine       = (*Plane)(nil)
	_ engine.BlockCounter = (*Plane)(nil)
)

func init() {
	engine.Register(engine.Algo{
		Name:       "sparse",
		Summary:    "64 cells a word in 64 x 64 tiles held where the pattern lives, settled rows skipped, on every core (the unbounded plane)",
		Families:   slices.Clone(engine.TwoStateFamilies),
		Topologies: []engine.TopologyKind{engine.Plane},
		StepBase:   10,
		Caps:       engine.BlockCounts | engine.BulkLoad,
		Rank:       15,
		Check:      checkPlane,
		New:        func(r engine.Rule, _ engine.Options) (engine.Engine, error) { return NewPlane(r) },
	})
}

// checkPlane returns nil when the sparse engine runs r, as NewPlane would.
func checkPlane(r engine.Rule) error {
	if r.Topology.Kind != engine.Plane {
		return fmt.Errorf("bounded grid %q is %w by the sparse engine, which runs the unbounded plane", r.Topology.String(), engine.ErrUnsupported)
	}
	if !slices.Contains(engine.TwoStateFamilies, r.Family()) {
		return fmt.Errorf("rule %s: %s rules are %w by the sparse engine, which runs two-state rules", r, r.Family(), engine.ErrUnsupported)
	}
	return nil
}

// NewPlane returns a sparse engine for rule r, of any two-state family,
// with every cell dead. r's topology must be the unbounded plane, or the
// error wraps [engine.ErrUnsupported]. A rule with B0 runs as Golly
// emulates it ([engine.Rule.Phase]), so that empty space stays empty: one
// without Smax alternates a pair of rules by the parity of the generation
// count, which [Plane.SetGeneration] sets.
func NewPlane(r engine.Rule) (*Plane, error) {
	if err := checkPlane(r); err != nil {
		return nil, err
	}
	// listing starts at 1: a new tile's 0 says it is not listed.
	e := &Plane{rule: r, tiles: map[tileKey]*tile{}, listing: 1}
	e.logics[0] = newLogic(r.Phase(false))
	e.logics[1] = e.logics[0]
	if r.Alternates() {
		e.logics[1] = newLogic(r.Phase(true))
	}
	e.logic = e.logics[0]
	return e, nil
}

// SetWorkers sets how many goroutines Step runs on: n < 1 means GOMAXPROCS,
// the default. The result does not depend on it.
func (e *Plane) SetWorkers(n int) { e.workers = n }

// Name returns "sparse".
func (e *Plane) Name() string { return "sparse" }

// Rule returns the engine's rule.
func (e *Plane) Rule() engine.Rule { return e.rule }

// Generation returns the generation count.
func (e *Plane) Generation() *big.Int { return new(big.Int).Set(&e.gen) }

// SetGeneration sets the generation count.
func (e *Plane) SetGeneration(g *big.Int) { e.gen.Set(g) }

// addGen adds n to the generation count.
func (e *Plane) addGen(n uint64) {
	if n != 0 {
		e.gen.Add(&e.gen, new(big.Int).SetUint64(n))
	}
}

// Population returns the number of live cells.
func (e *Plane) Population() *big.Int { return big.NewInt(e.PopulationInt()) }

// PopulationInt returns the number of live cells as an int64.
func (e *Plane) PopulationInt() int64 {
	n := int64(0)
	for _, t := range e.all {
		n += int64(t.population(e.par))
	}
	return n
}

// Tiles returns the number of tiles the engine holds, for statistics: its
// memory is about 1.2 KB a tile.
func (e *Plane) Tiles() int { return len(e.all) }

// split returns the tile holding cell (y, x) and the cell's row and column
// in it.
func split(y, x int64) (k tileKey, r, c int) {
	return tileKey{y >> tileBits, x >> tileBits}, int(y & (tileSize - 1)), int(x & (tileSize - 1))
}

// Cell reports whether the cell at (y, x) is alive.
func (e *Plane) Cell(y, x int64) bool {
	k, r, c := split(y, x)
	t := e.tileAt(k)
	return t != nil && t.buf[e.par][1+r]>>c&1 != 0
}

// SetCell makes the cell at (y, x) alive or dead. Cells outside the
// universe, 2^62 or more from the origin, stay dead.
func (e *Plane) SetCell(y, x int64, alive bool) {
	k, r, c := split(y, x)
	if !inside(k) {
		return
	}
	t := e.tileAt(k)
	if t == nil {
		if !alive {
			return
		}
		t = e.tileFor(k)
	}
	w := &t.buf[e.par][1+r]
	bit := uint64(1) << c
	if (*w&bit != 0) == alive {
		return
	}
	*w ^= bit
	e.touch(t, r)
	e.syncHalos(t, r)
}

// SetRun makes n cells alive from (y, x) rightwards: the fast way to load a
// pattern. Cells outside the universe are left dead.
func (e *Plane) SetRun(y, x, n int64) {
	if n <= 0 || y < -1<<62 || y >= 1<<62 {
		return
	}
	end := x + n // exclusive
	if end < x {
		end = math.MaxInt64 // it overflowed
	}
	x, end = max(x, -1<<62), min(end, 1<<62)
	for x < end {
		k, r, c := split(y, x)
		hi := min(end, (k.X+1)<<tileBits)
		t := e.tileFor(k)
		mask := ^uint64(0) >> (64 - uint(hi-x)) << c
		w := &t.buf[e.par][1+r]
		if *w|mask != *w {
			*w |= mask
			e.touch(t, r)
			e.syncHalos(t, r)
		}
		x = hi
	}
}

// Clear kills every cell.
func (e *Plane) Clear() {
	e.tiles = map[tileKey]*tile{}
	e.all, e.todo, e.edited, e.edge, e.last = nil, nil, nil, nil, nil
}

// Bounds returns the smallest rectangle holding every live cell, and false
// when no cell is alive.
func (e *Plane) Bounds() (engine.Rect, bool) {
	top, bottom := int64(math.MaxInt64), int64(math.MinInt64)
	left, right := int64(math.MaxInt64), int64(math.MinInt64)
	for _, t := range e.all {
		y0, x0 := t.key.Y<<tileBits, t.key.X<<tileBits
		if y0 >= top && y0+tileSize-1 <= bottom && x0 >= left && x0+tileSize-1 <= right {
			continue // nothing in t can widen the box
		}
		var cols uint64
		for r, w := range t.buf[e.par][1 : tileSize+1] {
			if w == 0 {
				continue
			}
			cols |= w
			top, bottom = min(top, y0+int64(r)), max(bottom, y0+int64(r))
		}
		if cols != 0 {
			left = min(left, x0+int64(bits.TrailingZeros64(cols)))
			right = max(right, x0+int64(63-bits.LeadingZeros64(cols)))
		}
	}
	if bottom < top {
		return engine.Rect{}, false
	}
	return engine.Rect{X: left, Y: top, W: right - left + 1, H: bottom - top + 1}, true
}

// clip returns the half-open ranges of rows and columns of r, without
// overflow for rectangles that reach far.
func clip(r engine.Rect) (y0, y1, x0, x1 int64) {
	end := func(a, n int64) int64 {
		if a > 0 && n > math.MaxInt64-a {
			return math.MaxInt64
		}
		return a + n
	}
	return r.Y, end(r.Y, r.H), r.X, end(r.X, r.W)
}

// within returns the tiles that overlap rows [y0, y1) and columns [x0,
// x1), sorted top to bottom, then left to right.
func (e *Plane) within(y0, y1, x0, x1 int64) []*tile {
	var ts []*tile
	for _, t := range e.all {
		ty, tx := t.key.Y<<tileBits, t.key.X<<tileBits
		if ty+tileSize > y0 && ty < y1 && tx+tileSize > x0 && tx < x1 {
			ts = append(ts, t)
		}
	}
	slices.SortFunc(ts, func(a, b *tile) int {
		if c := cmp.Compare(a.key.Y, b.key.Y); c != 0 {
			return c
		}
		return cmp.Compare(a.key.X, b.key.X)
	})
	return ts
}

// wordMask returns the bits of a tile's word whose first cell is in column
// xt that lie in columns [x0, x1).
// The tile's columns lie within 2^62 of the origin, so xt+64 does not
// overflow, nor does x0-xt when x0 is inside the tile.
func wordMask(xt, x0, x1 int64) uint64 {
	lo, hi := int64(0), int64(tileSize)
	if x0 > xt {
		lo = x0 - xt
	}
	if x1 < xt+tileSize {
		hi = x1 - xt
	}
	if lo >= hi {
		return 0
	}
	return ^uint64(0) >> (64 - uint(hi-lo)) << uint(lo)
}

// rowRange returns the rows [r0, r1) of a tile whose first row is yt that
// lie in rows [y0, y1), which it overlaps.
func rowRange(yt, y0, y1 int64) (r0, r1 int64) {
	r0, r1 = 0, tileSize
	if y0 > yt {
		r0 = y0 - yt
	}
	if y1 < yt+tileSize {
		r1 = y1 - yt
	}
	return r0, r1
}

// Visit calls fn for every live cell inside r, row by row and left to
// right.
func (e *Plane) Visit(r engine.Rect, fn func(y, x int64)) {
	y0, y1, x0, x1 := clip(r)
	ts := e.within(y0, y1, x0, x1)
	for len(ts) > 0 {
		// The tiles of one band of 64 rows.
		n := 1
		for n < len(ts) && ts[n].key.Y == ts[0].key.Y {
			n++
		}
		band := ts[:n]
		ts = ts[n:]
		yt := band[0].key.Y << tileBits
		r0, r1 := rowRange(yt, y0, y1)
		for row := r0; row < r1; row++ {
			for _, t := range band {
				xt := t.key.X << tileBits
				w := t.buf[e.par][1+row] & wordMask(xt, x0, x1)
				for w != 0 {
					fn(yt+row, xt+int64(bits.TrailingZeros64(w)))
					w &= w - 1
				}
			}
		}
	}
}

// CountBlocks sets dst[i*cols+j] to the number of live cells in the
// 2^k x 2^k block whose top-left cell is (r.Y + i<<k, r.X + j<<k), clipped
// to r, as [engine.BlockCounter] says; it looks only at the tiles inside r,
// and counts words at a time where blocks are 64 columns or wider.
func (e *Plane) CountBlocks(r engine.Rect, k uint, dst []uint64) {
	cols := (r.W + 1<<k - 1) >> k
	rows := (r.H + 1<<k - 1) >> k
	clear(dst[:rows*cols])
	y0, y1, x0, x1 := clip(r)
	for _, t := range e.within(y0, y1, x0, x1) {
		yt, xt := t.key.Y<<tileBits, t.key.X<<tileBits
		m := wordMask(xt, x0, x1)
		r0, r1 := rowRange(yt, y0, y1)
		for row := r0; row < r1; row++ {
			w := t.buf[e.par][1+row] & m
			if w == 0 {
				continue
			}
			out := dst[((yt+row-r.Y)>>k)*cols:]
			lo, hi := int64(bits.TrailingZeros64(w)), int64(63-bits.LeadingZeros64(w))
			if first := (xt + lo - r.X) >> k; first == (xt+hi-r.X)>>k {
				out[first] += uint64(bits.OnesCount64(w))
				continue
			}
			for w != 0 {
				x := xt + int64(bits.TrailingZeros64(w))
				w &= w - 1
				out[(x-r.X)>>k]++
			}
		}
	}
}

// Clone returns an independent copy of the engine and its universe.
func (e *Plane) Clone() engine.Engine {
	c := &Plane{rule: e.rule, logic: e.logic, logics: e.logics, tiles: make(map[tileKey]*tile, len(e.all)),
		par: e.par, workers: e.workers, sinceSweep: e.sinceSweep, listing: e.listing, rows: e.rows}
	c.gen.Set(&e.gen)
	c.all = make([]*tile, len(e.all))
	for i, t := range e.all {
		n := &tile{buf: t.buf, key: t.key, m: t.m, edit: t.edit, index: i}
		n.listed.Store(t.listed.Load())
		c.all[i] = n
		c.tiles[t.key] = n
	}
	for i, t := range e.all {
		for d, nb := range t.nb {
			if nb != nil {
				c.all[i].nb[d] = c.tiles[nb.key]
			}
		}
	}
	same := func(ts []*tile) []*tile {
		var out []*tile
		for _, t := range ts {
			out = append(out, c.tiles[t.key])
		}
		return out
	}
	c.todo, c.edited, c.edge = same(e.todo), same(e.edited), same(e.edge)
	return c
}

// String describes the engine for logs and test failures.
func (e *Plane) String() string {
	return fmt.Sprintf("sparse %s gen %s pop %d tiles %d", e.rule, e.gen.String(), e.PopulationInt(), len(e.all))
}
