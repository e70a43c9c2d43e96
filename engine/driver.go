package engine

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/life-go/life/grid"
)

// Driver is the channel driver: it runs step logic in bands of rows, one
// worker goroutine a band, and talks to the bands only in messages of the
// protocol. The driver, in the goroutine that calls [Driver.Run], alone owns
// the current grid and the progeny. A generation on the wire goes:
//
//	band i -> QueryRows       Query(y, x) for every cell of the rows the band needs
//	band i <- AnswerRows      their states in the current generation
//	          ...             the band walks its cells through Simulate
//	band i -> TransitionRows  Transition(y, x, state) for every cell of the band
//	band i -> Tick            the band's generation is done
//
// When every band has ticked, the progeny becomes the current grid, and the
// bands' next QueryRows are answered from it. The driver answers the bands'
// queries in band order, then takes their transitions and ticks in band
// order, so that the wire reads the same whatever the scheduling.
//
// Each band's worker creates the channel it sends on and closes it when it
// ends (early, after an error the driver then reads); the driver creates and
// closes the channels it answers on. Every blocking send and receive watches
// the run's context, and no goroutine outlives [Driver.Run].
type Driver struct {
	// Bands is how many bands of rows run concurrently, at most one a row;
	// 0 means GOMAXPROCS.
	Bands int
	// Reach is how many rows above and below its own cell the step logic
	// asks about, as [StepReach] gives it for [StepCell]. Each band asks for
	// its rows and Reach more on either side. 0 means it may ask about any
	// row, and every band asks for all of them. (The answers are views of
	// the driver's copy of the generation, a byte a cell and Reach rows
	// more on either side, so asking for more rows costs no more.) Step
	// logic that asks beyond its reach fails with an index-out-of-range
	// panic, reported as the cell's.
	Reach int
	// Tap, when set, is called in the driver's goroutine with each message
	// of the wire as the driver takes it from a band or before it sends it
	// to one, with the band's number. An AnswerRows's rows may change after
	// the call returns: a tap keeps its String, not the message.
	Tap func(band int, m Msg)
}

// Run advances g by gens generations of step, with the rows split into
// bands that run concurrently on up to GOMAXPROCS goroutines, and leaves the
// result in g. It is [Driver.Run] of the zero Driver.
func Run(ctx context.Context, g *grid.Torus, step StepFunc, gens uint64) (uint64, error) {
	return Driver{}.Run(ctx, g, step, gens)
}

// RunBands is [Run] with the number of bands given: at most one per row.
func RunBands(ctx context.Context, g *grid.Torus, step StepFunc, gens uint64, bands int) (uint64, error) {
	return Driver{Bands: bands}.Run(ctx, g, step, gens)
}

// Run advances g by gens generations of step and leaves the result in g. It
// returns how many generations it completed. On cancellation, or when the
// step logic breaks the [StepFunc] contract or panics, it returns the error
// with g at the last whole generation. The result is the same as gens calls
// of [LiveAGeneration], whatever the number of bands.
func (d Driver) Run(ctx context.Context, g *grid.Torus, step StepFunc, gens uint64) (done uint64, err error) {
	if gens == 0 {
		return 0, ctx.Err()
	}
	h, w, stride := g.Height(), g.Width(), g.Stride()
	progeny, err := grid.New(w, h)
	if err != nil {
		return 0, err
	}
	cur := g.Clone()
	// Whatever happens, g ends at the last whole generation.
	defer func() { g.CopyFrom(cur) }()
	return d.run(ctx, h, w, 2, step, gens, store{
		load: func(win *window) error { return win.load(ctx, cur) },
		assign: func(y int, rows []byte) {
			for k := 0; k < len(rows)/w; k++ {
				pack(progeny.Words()[(y+k)*stride:(y+k+1)*stride], rows[k*w:(k+1)*w])
			}
		},
		next: func() { cur, progeny = progeny, cur },
	})
}

// RunStates is [Driver.Run] for a grid of many states: the step logic may
// emit states 0 to states-1, and the result is left in g.
func (d Driver) RunStates(ctx context.Context, g *grid.States, states int, step StepFunc, gens uint64) (done uint64, err error) {
	if gens == 0 {
		return 0, ctx.Err()
	}
	h, w := g.Height(), g.Width()
	cur, progeny := g.Clone(), g.Blank()
	defer func() { g.CopyFrom(cur) }()
	return d.run(ctx, h, w, states, step, gens, store{
		load:   func(win *window) error { win.loadStates(cur); return nil },
		assign: func(y int, rows []byte) { copy(progeny.Cells()[y*w:], rows) },
		next:   func() { cur, progeny = progeny, cur },
	})
}

// store is where a run's generations live: load puts the current one in
// the window, assign takes a band's transitions from row y, and next makes
// the progeny current.
type store struct {
	load   func(win *window) error
	assign func(y int, rows []byte)
	next   func()
}

// run is Run and RunStates on an h x w grid whose cells have the given
// number of states.
func (d Driver) run(ctx context.Context, h, w, states int, step StepFunc, gens uint64, st store) (done uint64, err error) {
	bands := d.Bands
	if bands <= 0 {
		bands = runtime.GOMAXPROCS(0)
	}
	bands = max(1, min(bands, h))
	// The bands are answered from win, the current generation a byte a
	// cell, with the rows within reach across the wrap copied above and
	// below it.
	halo := 0
	if d.Reach > 0 {
		halo = min(d.Reach, h)
	}
	win := newWindow(h, w, halo)

	ctx, cancel := context.WithCancel(ctx)
	workers := make([]*band, bands)
	answers := make([]chan AnswerRows, bands)
	var wg sync.WaitGroup
	for i := range workers {
		answers[i] = make(chan AnswerRows, 1)
		workers[i] = newBand(i*h/bands, (i+1)*h/bands, h, w, states, d.Reach)
		workers[i].start(ctx, step, gens, answers[i], &wg)
	}
	// One shutdown path: cancelling releases every band blocked on a send,
	// closing the answers ends every band waiting for one.
	defer func() {
		cancel()
		for _, a := range answers {
			close(a)
		}
		wg.Wait()
	}()

	tap := func(i int, m Msg) {
		if d.Tap != nil {
			d.Tap(i, m)
		}
	}
	for ; done < gens; done++ {
		if err := st.load(win); err != nil {
			return done, err
		}
		for i, b := range workers {
			q, err := receive[QueryRows](ctx, b)
			if err != nil {
				return done, err
			}
			tap(i, q)
			if q.Y < -halo || q.N < 1 || q.Y+q.N > h+halo || q.W != w {
				return done, fmt.Errorf("engine: band %d asked %v, beyond the rows the driver keeps", i, q)
			}
			a := AnswerRows{Y: q.Y, N: q.N, W: w, cells: win.rows(q.Y, q.N)}
			tap(i, a)
			select {
			case answers[i] <- a:
			case <-ctx.Done():
				return done, ctx.Err()
			}
		}
		for i, b := range workers {
			t, err := receive[TransitionRows](ctx, b)
			if err != nil {
				return done, err
			}
			tap(i, t)
			st.assign(t.Y, t.rows)
			tick, err := receive[Tick](ctx, b)
			if err != nil {
				return done, err
			}
			tap(i, tick)
		}
		st.next()
	}
	return done, nil
}

// receive takes the next message from band b, which must be an M. When the
// band has closed its channel it returns the band's error.
func receive[M Msg](ctx context.Context, b *band) (M, error) {
	var zero M
	select {
	case m, ok := <-b.msgs:
		if !ok {
			if b.err == nil {
				return zero, fmt.Errorf("engine: band of rows %s ended early", span(b.y0, b.y1-b.y0))
			}
			return zero, b.err
		}
		if m, ok := m.(M); ok {
			return m, nil
		}
		return zero, fmt.Errorf("engine: band of rows %s sent %v, want a %T", span(b.y0, b.y1-b.y0), m, zero)
	case <-ctx.Done():
		return zero, ctx.Err()
	}
}

// band is a worker: the step logic of rows y0 to y1-1, and its side of the
// wire.
type band struct {
	y0, y1, w int
	top, n    int // the rows it asks for: n from top
	reach     int
	p         *port

	msgs <-chan Msg // to the driver, from start's goroutine
	err  error      // why msgs closed early; read after the close
}

// newBand returns the worker for rows y0 to y1-1 of an h x w torus, whose
// step logic asks within reach rows of its cells (any row when reach is 0).
func newBand(y0, y1, h, w, states, reach int) *band {
	// Its rows and reach more either side, or, when that is the whole
	// torus or more, h rows from reach above: the rows the driver keeps
	// hold them as one slice.
	r := min(reach, h)
	top, n := y0-r, min(y1-y0+2*r, h)
	if reach <= 0 {
		top, n = 0, h
	}
	return &band{
		y0: y0, y1: y1, w: w, top: top, n: n, reach: reach,
		p: &port{
			height: h, width: w,
			out: make([]byte, (y1-y0)*w), y0: y0, states: states,
		},
	}
}

// start runs the worker in a goroutine, counted in wg, until it has run gens
// generations: each asks for its rows, steps its cells, and hands in its
// transitions and its tick, on b.msgs, which start makes and the goroutine
// closes when it ends. It ends early, recording why in b.err, on a breach
// of the step logic's contract, or when ctx is done or answers closes.
func (b *band) start(ctx context.Context, step StepFunc, gens uint64, answers <-chan AnswerRows, wg *sync.WaitGroup) {
	// Room for a generation's TransitionRows and Tick and the next
	// QueryRows, so that a band that is done never waits for the driver.
	msgs := make(chan Msg, 3)
	b.msgs = msgs
	b.p.ctx = ctx
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(msgs)
		b.run(ctx, step, gens, msgs, answers)
	}()
}

func (b *band) run(ctx context.Context, step StepFunc, gens uint64, msgs chan<- Msg, answers <-chan AnswerRows) {
	send := func(m Msg) bool {
		select {
		case msgs <- m:
			return true
		case <-ctx.Done():
			b.err = ctx.Err()
			return false
		}
	}
	for range gens {
		if !send(QueryRows{Y: b.top, N: b.n, W: b.w}) {
			return
		}
		select {
		case a, ok := <-answers:
			if !ok {
				return
			}
			b.p.cells, b.p.top, b.p.rn = a.cells, a.Y, a.N
		case <-ctx.Done():
			b.err = ctx.Err()
			return
		}
		if b.err = b.generation(step); b.err != nil {
			return
		}
		if !send(TransitionRows{Y: b.y0, N: b.y1 - b.y0, W: b.w, rows: b.p.out}) || !send(Tick{}) {
			return
		}
	}
}

// generation steps every cell of the band once, through Simulate, into the
// band's transitions.
func (b *band) generation(step StepFunc) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = b.p.panicked(v)
			if re, ok := v.(runtime.Error); ok && b.n < b.p.height && strings.HasPrefix(re.Error(), "runtime error: index out of range") {
				err = fmt.Errorf("%w (did it ask about a row beyond its reach of %d row%s?)", err, b.reach, plural(b.reach))
			}
		}
	}()
	return Simulate(Conn{p: b.p}, step, b.y0, b.y1, b.w)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
