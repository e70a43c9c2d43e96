package bitwise

import (
	"context"
	"errors"
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// A generation of the plane visits the tiles listed (Plane.todo): a visit
// works out the rows of the tile that the latest changes reach, in it or
// beside it, computes them into the other buffer, notes where they
// changed, and lists for the next generation the tile and the neighbours
// its changes reach. Nothing else is touched: a tile that did not change,
// with no change next to it, costs nothing, and when no tile changed the
// rest of a step just flips the parity. Visits of different tiles are
// independent, and a big generation shares them among the step's
// workers; a small one (a few thousand rows) runs in the calling
// goroutine alone, where waking a worker would cost more than it gives.
// What a visit cannot do at once, making a missing neighbour, waits for
// the end of the generation.

// ErrEdge is wrapped by the error of a step that would take the pattern
// past the sparse engine's universe, the square of cells within 2^62 of
// the origin.
var ErrEdge = errors.New("the pattern reached the edge of the sparse engine's universe, 2^62 cells from the origin")

// sweepEvery is how many generations pass between sweeps for empty tiles.
const sweepEvery = 64

// minShare is about the fewest rows a generation must compute before its
// tiles are shared among workers: waking one costs some microseconds, the
// time of a few hundred rows. It is a variable for the tests, which share
// every generation.
var minShare = 4096

// maxChunk is the most tiles a worker takes at a time: fewer in a small
// generation, so that the workers end it together.
const maxChunk = 8

// part is a worker's own notes of a generation: the tiles it listed for
// the next one, the missing neighbours its tiles' changes reach, and the
// rows it computed. Each worker has its own, apart from the others' in
// memory.
type part struct {
	list []*tile
	grow []reach
	rows int
	_    [64]byte
}

// reach is a missing neighbour of a tile, in direction d, that its
// changes reach.
type reach struct {
	t *tile
	d int
}

// list adds t to the tiles to visit in the next generation, unless it is
// there already.
func (pt *part) add(t *tile, listing uint64) {
	if t.listed.Load() != listing && t.listed.Swap(listing) != listing {
		pt.list = append(pt.list, t)
	}
}

// visit steps tile t of the generation in buf[p] (see the top of the
// file), for a worker whose notes are pt: the tile's new masks go into
// m[1-p], and the tiles the new changes reach are listed with listing.
// Calls for different tiles may run at once: each reads the masks m[p] of
// its tile's neighbours, which no one writes in this generation, and
// writes its own tile's (see [Plane.stepTile] for the buffers).
func (e *Plane) visit(t *tile, p int, listing uint64, pt *part) {
	old := t.m[p]
	var c masks
	if t.need = t.needOf(p); t.need != 0 {
		c = e.stepTile(t)
		pt.rows += bits.OnesCount64(t.need)
	}
	c.chg, c.lft, c.rgt = c.chg|t.edit, c.lft|t.edit, c.rgt|t.edit
	t.edit = 0
	t.m[1-p] = c
	switch {
	case c.chg != 0:
		pt.add(t, listing)
		for dirs := reachMask(c.chg, c.lft, c.rgt); dirs != 0; dirs &= dirs - 1 {
			d := bits.TrailingZeros8(dirs)
			if n := t.nb[d]; n != nil {
				pt.add(n, listing)
			} else {
				pt.grow = append(pt.grow, reach{t, d})
			}
		}
	case old.chg != 0:
		// The changes stopped: visit t once more, to clear the masks
		// that its next generation's buffer takes over.
		pt.add(t, listing)
	}
}

// visitAll visits the tiles of todo that it claims, chunk at a time, from
// the front of the list or, when back is set, from its back, sharing
// claims with the other workers (see [claims]), for a worker whose notes
// are pt.
func (e *Plane) visitAll(todo []*tile, c *claims, back bool, chunk, p int, listing uint64, pt *part) {
	for {
		lo, hi := c.take(len(todo), chunk, back)
		if lo >= hi {
			return
		}
		if back {
			// From the back, the back first: the tiles listed come
			// out in the order that [Plane.finish] turns around.
			for i := hi - 1; i >= lo; i-- {
				e.visit(todo[i], p, listing, pt)
			}
			continue
		}
		for _, t := range todo[lo:hi] {
			e.visit(t, p, listing, pt)
		}
	}
}

// claims hands out the tiles of a generation's list to its workers: the
// step's own goroutine takes them from the front, the other workers from
// the back, until the two ends meet. The tiles a worker visits it lists
// for the next generation, and the next list is the step's own tiles
// followed by the others' turned around (see [Plane.finish]), so that each
// worker takes mostly the same tiles as in the generation before, which
// its core's cache still holds: where the ends meet moves with the
// balance of the work, and only the tiles there change hands. The count
// taken from the front is in the low 32 bits, from the back in the high.
type claims struct{ n atomic.Uint64 }

// take claims up to chunk tiles of a list of n, from the back when back is
// set, and returns their indices [lo, hi); lo >= hi when none is left.
func (c *claims) take(n, chunk int, back bool) (lo, hi int) {
	if back {
		s := c.n.Add(uint64(chunk) << 32)
		f, b := int(uint32(s)), int(s>>32)
		return max(n-b, f), n - b + chunk
	}
	s := c.n.Add(uint64(chunk))
	f, b := int(uint32(s)), int(s>>32)
	return f - chunk, min(f, n-b)
}

// stepTile computes the rows of t that t.need lists into its other buffer
// and returns where they changed. Calls for different tiles may run at
// once: each writes only its own tile's other buffer and the halos in the
// other buffers of the tiles above and below it, which no one else writes
// or reads in this generation.
func (e *Plane) stepTile(t *tile) masks {
	p := e.par
	cur, out := &t.buf[p], &t.buf[1-p]
	// The columns beside t, with their halos: the corner cells of the
	// tiles at t's corners. Where a tile beside t is missing (swept while
	// empty), the corner cells still count: a column of its own holds
	// them.
	left, right := &zeroColumn, &zeroColumn
	if w := t.nb[west]; w != nil {
		left = &w.buf[p]
	} else if nw, sw := t.nb[northWest], t.nb[southWest]; nw != nil || sw != nil {
		var lcol column // zeroed only here
		if nw != nil {
			lcol[0] = nw.buf[p][tileSize]
		}
		if sw != nil {
			lcol[tileSize+1] = sw.buf[p][1]
		}
		left = &lcol
	}
	if x := t.nb[east]; x != nil {
		right = &x.buf[p]
	} else if ne, se := t.nb[northEast], t.nb[southEast]; ne != nil || se != nil {
		var rcol column
		if ne != nil {
			rcol[0] = ne.buf[p][tileSize]
		}
		if se != nil {
			rcol[tileSize+1] = se.buf[p][1]
		}
		right = &rcol
	}
	var chg, lft, rgt uint64
	// Each run costs the sums of two rows beyond it and a call: compute
	// the rows of gaps of one or two between runs rather than start again.
	need := t.need
	need |= need>>1&need<<1 | need>>1&need<<2 | need>>2&need<<1
	need = wholeBlocks(need)
	for need != 0 {
		a := bits.TrailingZeros64(need)
		b := min(a+bits.TrailingZeros64(^(need>>a)), tileSize)
		c, l, r := stepRunRule(e.logic, left[a:b+2], cur[a:b+2], right[a:b+2], out[a+1:b+1])
		chg |= c << a
		lft |= l << a
		rgt |= r << a
		need &^= (^uint64(0) >> (64 - (b - a))) << a
	}
	if t.need&1 != 0 {
		if n := t.nb[north]; n != nil {
			n.buf[1-p][tileSize+1] = out[1]
		}
	}
	if t.need>>63 != 0 {
		if s := t.nb[south]; s != nil {
			s.buf[1-p][0] = out[tileSize]
		}
	}
	return masks{chg, lft, rgt}
}

// wholeBlocks returns need with every block of [kernelBlock] rows that has
// a row in it filled, so that the kernel steps blocks whole.
func wholeBlocks(need uint64) uint64 {
	const lo7, hi1 = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	const lo3, hi4 = 0x7777777777777777, 0x8888888888888888
	switch kernelBlock {
	case 8:
		nz := ((need & lo7) + lo7 | need) & hi1 // the top bit of each byte that is not 0
		return nz >> 7 * 0xff
	case 4:
		nz := ((need & lo3) + lo3 | need) & hi4
		return nz >> 3 * 0xf
	}
	return need
}

// gang is the workers of a step beyond its own goroutine. A generation to
// share is published in cur and each worker nudged; a worker that wakes
// joins the generation it finds, if it is still open, and visits tiles
// until there are none left. The step's own goroutine visits too, closes
// the generation when no tile is left to take, and waits only for the
// workers that joined it: a worker that the machine does not run in time
// delays nothing, and joins no generation late.
type gang struct {
	cur   atomic.Pointer[generation]
	wake  []chan struct{} // one a worker, closed by stop
	ended sync.WaitGroup  // the workers'
}

// generation is what a generation's workers share.
type generation struct {
	todo     []*tile
	claims   claims // the tiles taken
	chunk, p int
	listing  uint64
	// state is closed (once the step's own goroutine found no tile left)
	// and the number of workers in the generation.
	state atomic.Uint64
	done  chan struct{} // the last worker out of a closed generation says so
}

// closed is generation.state's flag.
const closed = 1 << 32

// join adds a worker to g unless it is closed.
func (g *generation) join() bool {
	for {
		s := g.state.Load()
		if s&closed != 0 {
			return false
		}
		if g.state.CompareAndSwap(s, s+1) {
			return true
		}
	}
}

// leave takes a worker out of g, telling the step when it is the last of
// a closed generation.
func (g *generation) leave() {
	if g.state.Add(^uint64(0)) == closed {
		g.done <- struct{}{}
	}
}

// close closes g and waits for the workers in it to leave.
func (g *generation) close() {
	if g.state.Or(closed)&^closed == 0 {
		return
	}
	// The workers inside are finishing their last tiles: wait for them
	// a moment before sleeping, which would cost a wake-up.
	for start := time.Now(); time.Since(start) < spinFor; {
		if g.state.Load() == closed {
			return // the last one out's word stays in done, unread
		}
		runtime.Gosched()
	}
	<-g.done
}

// spinFor is how long a worker waits, awake, for the next generation to
// share, and the step's goroutine for the workers still in one, before
// they sleep: about the time of a generation's serial end, and less than
// the wake-up that sleeping costs on a virtual machine, so that on free
// cores the workers stay on them from one generation to the next. On a
// loaded machine it is a bounded cost.
const spinFor = 50 * time.Microsecond

// startGang starts n workers that visit tiles of e, each with its part
// (parts[1:], parts[0] being the step's own).
func (e *Plane) startGang(n int) *gang {
	g := &gang{wake: make([]chan struct{}, n)}
	g.ended.Add(n)
	for w := range n {
		g.wake[w] = make(chan struct{}, 1)
		go func(wake chan struct{}, pt *part) {
			defer g.ended.Done()
			var last *generation
			for range wake {
				for gen := g.cur.Load(); gen != last; {
					last = gen
					if gen.join() {
						e.visitAll(gen.todo, &gen.claims, true, gen.chunk, gen.p, gen.listing, pt)
						gen.leave()
					}
					// The next generation comes soon: wait for it
					// awake a moment (see spinFor).
					for start := time.Now(); gen == last && time.Since(start) < spinFor; {
						runtime.Gosched()
						gen = g.cur.Load()
					}
				}
			}
		}(g.wake[w], &e.parts[1+w])
	}
	return g
}

// share visits the tiles of gen with the workers.
func (e *Plane) share(g *gang, gen *generation) {
	g.cur.Store(gen)
	for _, ch := range g.wake {
		select {
		case ch <- struct{}{}:
		default: // nudged already
		}
	}
	e.visitAll(gen.todo, &gen.claims, false, gen.chunk, gen.p, gen.listing, &e.parts[0])
	gen.close()
}

// stop ends the workers and waits for them: when it returns no worker
// touches the engine.
func (g *gang) stop() {
	for _, ch := range g.wake {
		close(ch)
	}
	g.ended.Wait()
}

// Step advances n generations. It checks ctx before each; on cancellation
// it returns ctx's error and the engine holds the last whole generation.
// A generation that would take the pattern past the edge of the universe
// is not taken: Step returns an error wrapping [ErrEdge]. Big generations
// are shared among a fixed set of workers, started by Step and ended
// before it returns; the result does not depend on how many there are.
func (e *Plane) Step(ctx context.Context, n uint64) error {
	workers := e.workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	if len(e.parts) < workers {
		e.parts = make([]part, workers)
	}
	var g *gang
	defer func() {
		if g != nil {
			g.stop()
		}
	}()
	done := uint64(0)
	defer func() { e.addGen(done) }()
	var own claims
	for ; done < n; done++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := e.reachEdits(); err != nil {
			return err
		}
		if len(e.todo) == 0 {
			// Nothing changed: every tile repeats with period 1 or
			// 2, and the rest of the step only flips the parity.
			if (n-done)%2 == 1 {
				e.par ^= 1
			}
			if e.sinceSweep > 0 {
				e.sinceSweep = 0
				e.sweep() // what died out leaves no tiles behind
			}
			done = n
			return nil
		}
		e.logic = e.logics[e.gen.Bit(0)^uint(done&1)]
		todo, p := e.todo, e.par
		e.listing++
		// The step's own list is the next todo, in the other buffer.
		e.parts[0].list, e.todo = e.spare[:0], nil
		if est := max(e.rows, 16*len(todo)); workers > 1 && est >= minShare && len(todo) >= 2*workers {
			if g == nil {
				g = e.startGang(workers - 1)
			}
			e.share(g, &generation{todo: todo, chunk: min(maxChunk, max(1, len(todo)/(8*workers))), p: p,
				listing: e.listing, done: make(chan struct{}, 1)})
		} else {
			own.n.Store(0)
			e.visitAll(todo, &own, false, len(todo), p, e.listing, &e.parts[0])
		}
		e.spare = todo
		e.finish()
		e.par ^= 1
		if e.sinceSweep++; e.sinceSweep >= sweepEvery {
			e.sinceSweep = 0
			e.sweep()
		}
	}
	return nil
}

// finish ends a generation: it gathers the workers' lists into the tiles
// to visit next, and makes the missing neighbours that changes reach,
// listing them too, or notes the tiles whose changes reach past the edge.
func (e *Plane) finish() {
	e.todo, e.rows = e.parts[0].list, e.parts[0].rows
	e.parts[0].list, e.parts[0].rows = nil, 0
	for i := 1; i < len(e.parts); i++ {
		pt := &e.parts[i]
		if len(pt.list) > 0 {
			// Turned around: this worker takes its tiles from the back
			// (see [claims]).
			for j := len(pt.list) - 1; j >= 0; j-- {
				e.todo = append(e.todo, pt.list[j])
			}
			clear(pt.list) // no pointers kept to tiles swept later
			pt.list = pt.list[:0]
		}
		e.rows += pt.rows
		pt.rows = 0
	}
	for i := range e.parts {
		pt := &e.parts[i]
		for _, r := range pt.grow {
			e.grow(r)
		}
		pt.grow = pt.grow[:0]
	}
}

// grow makes r's missing neighbour and lists it, or, past the edge, notes
// r's tile in e.edge.
func (e *Plane) grow(r reach) {
	k := tileKey{r.t.key.Y + offsets[r.d][0], r.t.key.X + offsets[r.d][1]}
	if !inside(k) {
		if len(e.edge) == 0 || e.edge[len(e.edge)-1] != r.t {
			e.edge = append(e.edge, r.t)
		}
		return
	}
	n := e.tileFor(k)
	if n.listed.Load() != e.listing {
		n.listed.Store(e.listing)
		e.todo = append(e.todo, n)
	}
}

// reachEdits lists the neighbours that the edits since the latest step
// reach, making the missing ones, before a step; it returns an error
// wrapping [ErrEdge] when a tile's changes reach past the edge of the
// universe, and the step must not be taken.
func (e *Plane) reachEdits() error {
	if len(e.edited) == 0 && len(e.edge) == 0 {
		return nil
	}
	for _, t := range e.edited {
		m := t.m[e.par]
		for dirs := reachMask(m.chg, m.lft, m.rgt); dirs != 0; dirs &= dirs - 1 {
			if d := bits.TrailingZeros8(dirs); t.nb[d] == nil {
				e.grow(reach{t, d})
			}
		}
	}
	e.edited = e.edited[:0]
	// A tile whose changes reached past the edge still does unless the
	// universe was cleared.
	edge := e.edge[:0]
	for _, t := range e.edge {
		if e.tiles[t.key] != t {
			continue // cleared
		}
		m := t.m[e.par]
		for dirs := reachMask(m.chg, m.lft, m.rgt); dirs != 0; dirs &= dirs - 1 {
			d := bits.TrailingZeros8(dirs)
			if !inside(tileKey{t.key.Y + offsets[d][0], t.key.X + offsets[d][1]}) {
				edge = append(edge, t)
				break
			}
		}
	}
	e.edge = edge
	if len(e.edge) > 0 {
		return ErrEdge
	}
	return nil
}
