package engine

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/life-go/life/grid"
)

// The channel driver. Step logic runs in band workers, one goroutine per
// band of rows; the driver, in the goroutine that called Run, alone owns the
// current grid and the progeny. Messages travel in batches:
//
//   - a worker whose step logic asks about a row it has not seen this
//     generation sends a rowQuery, the run of Query messages for every cell of
//     that row, and the driver answers all of them at once with the row's
//     packed states (the worker caches the answer for the rest of the
//     generation);
//   - a worker's Transitions are packed into its band's rows, and the band is
//     handed to the driver with its tick, which the driver assigns into the
//     progeny;
//   - when every band has ticked the generation ends (the seed's TICK), the
//     progeny becomes the current grid, and the driver starts the next one.
//
// Buffers change hands with the messages that carry them: a row buffer
// belongs to the driver from the rowQuery until its answer, and a band's
// transitions from its tick until the next start.

// rowQuery asks for the states of every cell of row y, to be written into
// buf. It is the batch of Query(y, 0) ... Query(y, w-1).
type rowQuery struct {
	worker int
	y      int
	buf    []uint64
}

// bandTick ends a band's generation and carries its transitions: row y0+i
// of the progeny is rows[i*stride : (i+1)*stride].
type bandTick struct {
	worker int
	rows   []uint64
	err    error
}

// request is what workers send to the driver: a rowQuery or a bandTick.
type request struct {
	query *rowQuery
	tick  *bandTick
}

// answer is what the driver sends to a worker: the answer to its rowQuery,
// or, with start set, the signal to run the next generation.
type answer struct {
	start bool
}

// Run advances g by gens generations of step, with the rows split into
// bands that run concurrently on up to GOMAXPROCS goroutines, and leaves the
// result in g. It returns how many generations it completed. It checks ctx in
// every blocking send and receive; on cancellation, or when the step logic
// breaks its contract, it returns the error with g at the last whole
// generation. Every goroutine it starts has ended when it returns. The result
// is the same as gens calls of [LiveAGeneration], whatever GOMAXPROCS.
func Run(ctx context.Context, g *grid.Torus, step StepFunc, gens uint64) (uint64, error) {
	return RunBands(ctx, g, step, gens, runtime.GOMAXPROCS(0))
}

// RunBands is [Run] with the number of bands given: at most one per row.
func RunBands(ctx context.Context, g *grid.Torus, step StepFunc, gens uint64, bands int) (done uint64, err error) {
	if gens == 0 {
		return 0, ctx.Err()
	}
	h, w, stride := g.Height(), g.Width(), g.Stride()
	bands = max(1, min(bands, h))
	progeny, err := grid.New(w, h)
	if err != nil {
		return 0, err
	}
	cur := g.Clone()
	// Whatever happens, g ends at the last whole generation.
	defer func() { g.CopyFrom(cur) }()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	requests := make(chan request, bands)
	answers := make([]chan answer, bands)
	var wg sync.WaitGroup
	for i := range bands {
		answers[i] = make(chan answer, 1)
		y0, y1 := i*h/bands, (i+1)*h/bands
		wk := &bandConn{
			ctx: ctx, worker: i, h: h, w: w, stride: stride,
			y0: y0, y1: y1, out: make([]uint64, (y1-y0)*stride),
			requests: requests, answers: answers[i],
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			wk.loop(step)
		}()
	}
	// One shutdown path: closing the answer channels ends the workers.
	defer func() {
		for _, a := range answers {
			close(a)
		}
		wg.Wait()
	}()

	send := func(i int, a answer) error {
		select {
		case answers[i] <- a:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for ; done < gens; done++ {
		for i := range bands {
			if err := send(i, answer{start: true}); err != nil {
				return done, err
			}
		}
		for ticked := 0; ticked < bands; {
			var r request
			select {
			case r = <-requests:
			case <-ctx.Done():
				return done, ctx.Err()
			}
			if q := r.query; q != nil {
				copy(q.buf, cur.Row(q.y))
				if err := send(q.worker, answer{}); err != nil {
					return done, err
				}
				continue
			}
			t := r.tick
			if t.err != nil {
				return done, t.err
			}
			y0 := t.worker * h / bands
			copy(progeny.Words()[y0*stride:], t.rows)
			ticked++
		}
		cur, progeny = progeny, cur
	}
	return done, nil
}

// cacheRows is how many rows a band worker keeps answers for: enough for
// any step logic that looks three rows either way.
const cacheRows = 8

// bandConn is the Conn a band worker's step logic talks to.
type bandConn struct {
	ctx          context.Context
	worker       int
	h, w, stride int
	y0, y1       int
	out          []uint64 // the band's transitions, packed
	outRow       int      // offset in out of the row being stepped
	requests     chan<- request
	answers      <-chan answer
	cache        [cacheRows]cachedRow
	lastY        int // the row answered last, and its states
	lastRow      []uint64
	cell         cellCheck
	canceled     bool
	deadRow      []uint64 // answers after cancellation; see row
}

type cachedRow struct {
	y   int
	row []uint64
}

// loop runs the worker: one band of one generation each time the driver
// says start, until the driver closes the answers channel or ctx ends.
func (c *bandConn) loop(step StepFunc) {
	for i := range c.cache {
		c.cache[i].row = make([]uint64, c.stride)
	}
	for {
		select {
		case a, ok := <-c.answers:
			if !ok {
				return
			}
			if !a.start {
				return // an answer with no question: the driver is gone.
			}
		case <-c.ctx.Done():
			return
		}
		err := c.band(step)
		if c.canceled {
			return
		}
		select {
		case c.requests <- request{tick: &bandTick{worker: c.worker, rows: c.out, err: err}}:
		case <-c.ctx.Done():
			return
		}
	}
}

// band runs the step logic on every cell of the band.
func (c *bandConn) band(step StepFunc) (err error) {
	for i := range c.cache {
		c.cache[i].y = -1
	}
	c.lastY, c.lastRow = -1, nil
	clear(c.out)
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("step logic for cell (y=%d, x=%d) panicked: %v", c.cell.y, c.cell.x, p)
		}
	}()
	for y := c.y0; y < c.y1; y++ {
		c.outRow = (y - c.y0) * c.stride
		for x := 0; x < c.w; x++ {
			c.cell.begin(y, x)
			step(c, y, x)
			if err := c.cell.end(); err != nil {
				return err
			}
		}
		if c.canceled {
			return c.ctx.Err()
		}
	}
	return nil
}

// Query answers from the band's cache, asking the driver for the whole row
// on a miss.
func (c *bandConn) Query(y, x int) State {
	if uint(y) >= uint(c.h) {
		y = grid.Mod(y, c.h)
	}
	if uint(x) >= uint(c.w) {
		x = grid.Mod(x, c.w)
	}
	row := c.lastRow
	if y != c.lastY {
		row = c.row(y)
	}
	return State(row[x>>6] >> (x & 63) & 1)
}

// row returns the cached answers for row y, fetching them if need be. The
// cache is direct-mapped by y modulo cacheRows, so that the rows around the
// one being stepped never evict each other.
func (c *bandConn) row(y int) []uint64 {
	slot := &c.cache[y%cacheRows]
	if slot.y != y {
		slot.y = y
		if !c.fetch(y, slot.row) {
			// Cancelled: the driver may still be copying into the old
			// buffer, so leave it to the driver, and answer the rest of
			// the band (which is thrown away) from one dead row, made
			// once: not a row per query, which on a wide torus would
			// take gigabytes.
			if c.deadRow == nil {
				c.deadRow = make([]uint64, c.stride)
			}
			slot.row = c.deadRow
			slot.y = -1
		}
	}
	c.lastY, c.lastRow = y, slot.row
	return slot.row
}

// fetch sends the rowQuery for row y and waits for the answer.
func (c *bandConn) fetch(y int, buf []uint64) bool {
	if c.canceled {
		return false
	}
	select {
	case c.requests <- request{query: &rowQuery{worker: c.worker, y: y, buf: buf}}:
	case <-c.ctx.Done():
		c.canceled = true
		return false
	}
	select {
	case _, ok := <-c.answers:
		if ok {
			return true
		}
	case <-c.ctx.Done():
	}
	c.canceled = true
	return false
}

// Transition packs the cell's next state into the band's rows.
func (c *bandConn) Transition(y, x int, s State) {
	if c.cell.transition(y, x, s) && s == Alive {
		c.out[c.outRow+x>>6] |= 1 << (x & 63)
	}
}
