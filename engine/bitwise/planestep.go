package bitwise

import (
	"context"
	"errors"
	"math/bits"
	"runtime"
)

// A generation of the plane: plan lists the tiles whose latest change
// reaches them (making the missing ones a birth may need) and the rows of
// each to compute; the workers compute those rows into the other buffer
// and note where they changed; update makes those notes the latest and
// lists the tiles that changed. Nothing else is touched: a tile that did
// not change, with no change next to it, costs nothing, and when no tile
// changed the rest of a step just flips the parity.

// ErrEdge is wrapped by the error of a step that would take the pattern
// past the sparse engine's universe, the square of cells within 2^62 of
// the origin.
var ErrEdge = errors.New("the pattern reached the edge of the sparse engine's universe, 2^62 cells from the origin")

// sweepEvery is how many generations pass between sweeps for empty tiles.
const sweepEvery = 64

// minShare is the fewest rows a generation must compute before they are
// shared among workers; fewer run in the calling goroutine.
const minShare = 4 * tileSize

// plan lists in e.todo the tiles that the latest changes reach, making
// those that are missing, with their needs (see [tile.needOf]), and in
// e.run those with rows to compute. It returns how many rows that is, and
// an error wrapping [ErrEdge] when a tile would be needed past the edge.
func (e *Plane) plan() (int, error) {
	e.stamp++
	stamp := e.stamp
	todo := e.todo[:0]
	for _, t := range e.active {
		if t.stamp != stamp {
			t.stamp = stamp
			todo = append(todo, t)
		}
		for dirs := reachMask(t.chg, t.lft, t.rgt); dirs != 0; dirs &= dirs - 1 {
			d := bits.TrailingZeros8(dirs)
			n := t.nb[d]
			if n == nil {
				k := tileKey{t.key.Y + offsets[d][0], t.key.X + offsets[d][1]}
				if !inside(k) {
					e.todo = todo
					return 0, ErrEdge
				}
				n = e.tileFor(k)
			}
			if n.stamp != stamp {
				n.stamp = stamp
				todo = append(todo, n)
			}
		}
	}
	run := e.run[:0]
	rows := 0
	for _, t := range todo {
		t.need = t.needOf()
		t.nchg, t.nlft, t.nrgt = 0, 0, 0
		if t.need != 0 {
			run = append(run, t)
			rows += bits.OnesCount64(t.need)
		}
	}
	e.todo, e.run = todo, run
	return rows, nil
}

// stepTile computes the rows of t that t.need lists into its other buffer
// and sets t's next masks. Calls for different tiles may run at once: each
// writes only its own tile's other buffer, the halos in the other buffers
// of the tiles above and below it, which no one else writes or reads in
// this generation, and its own next masks.
func (e *Plane) stepTile(t *tile) {
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
	t.nchg, t.nlft, t.nrgt = chg, lft, rgt
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

// stepTiles computes tiles run[s.t0:s.t1], for a worker.
func (e *Plane) stepTiles(s span) int {
	for _, t := range e.run[s.t0:s.t1] {
		e.stepTile(t)
	}
	return 0
}

// update makes the masks just computed the latest, lists the tiles that
// changed as active, and flips the parity: the generation is done.
func (e *Plane) update() {
	active := e.active[:0]
	for _, t := range e.todo {
		t.chg, t.lft, t.rgt = t.nchg|t.edit, t.nlft|t.edit, t.nrgt|t.edit
		t.edit = 0
		t.active = t.chg != 0
		if t.active {
			active = append(active, t)
		}
	}
	e.active = active
	e.par ^= 1
}

// Step advances n generations. It checks ctx before each; on cancellation
// it returns ctx's error and the engine holds the last whole generation.
// A generation that would take the pattern past the edge of the universe
// is not taken: Step returns an error wrapping [ErrEdge]. Big generations
// are shared among a fixed pool of workers, started by Step and ended
// before it returns; the result does not depend on how many there are.
func (e *Plane) Step(ctx context.Context, n uint64) error {
	workers := e.workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	var p *pool
	defer func() {
		if p != nil {
			p.stop()
		}
	}()
	var spans []span
	done := uint64(0)
	defer func() { e.addGen(done) }()
	for ; done < n; done++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		if len(e.active) == 0 {
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
		rows, err := e.plan()
		if err != nil {
			return err
		}
		if workers < 2 || rows < 2*minShare || len(e.run) < 2 {
			e.stepTiles(span{0, len(e.run)})
		} else {
			if p == nil {
				// The workers never see ctx: a generation, once
				// begun, is finished, so that the buffers stay whole.
				p = startPool(context.Background(), workers, 4*workers, e.stepTiles)
			}
			spans = e.share(spans[:0], rows, min(4*workers, rows/minShare))
			if _, err := p.run(context.Background(), spans); err != nil {
				return err
			}
		}
		e.update()
		if e.sinceSweep++; e.sinceSweep >= sweepEvery {
			e.sinceSweep = 0
			e.sweep()
		}
	}
	return nil
}

// share cuts e.run into jobs of about rows/jobs rows each, in order.
func (e *Plane) share(spans []span, rows, jobs int) []span {
	jobs = max(jobs, 1)
	start, sum, j := 0, 0, 1
	for i, t := range e.run {
		sum += bits.OnesCount64(t.need)
		if sum*jobs >= rows*j && i+1 < len(e.run) {
			spans = append(spans, span{start, i + 1})
			start = i + 1
			j++
		}
	}
	return append(spans, span{start, len(e.run)})
}
