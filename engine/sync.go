package engine

import (
	"github.com/life-go/life/grid"
)

// LiveAGeneration runs one generation of step on g synchronously, in the
// calling goroutine, and returns the progeny: the seed's live_a_generation.
// It walks the cells through [Simulate]; each Query is answered from g,
// wrapping its coordinates, and each Transition is assigned into a new grid
// of the same size. It returns an error when the step logic breaks the
// [StepFunc] contract. It serves tests and is the reference the channel
// driver is checked against.
func LiveAGeneration(g *grid.Torus, step StepFunc) (*grid.Torus, error) {
	progeny, err := grid.New(g.Width(), g.Height())
	if err != nil {
		return nil, err
	}
	c := syncConn(g, progeny, false)
	if err := Simulate(c, step, 0, g.Height(), g.Width()); err != nil {
		return nil, err
	}
	c.p.packInto(progeny)
	return progeny, nil
}

// Transcript runs one generation of step on g like [LiveAGeneration] and
// returns every message the step logic exchanged, in order, ending with
// [Tick]: the seed's protocol, one Query and one Transition at a time.
func Transcript(g *grid.Torus, step StepFunc) ([]Msg, error) {
	progeny, err := grid.New(g.Width(), g.Height())
	if err != nil {
		return nil, err
	}
	c := syncConn(g, progeny, true)
	if err := Simulate(c, step, 0, g.Height(), g.Width()); err != nil {
		return c.p.log, err
	}
	return append(c.p.log, Tick{}), nil
}

// syncConn returns a Conn that answers from every row of g and assigns
// transitions into progeny, recording every message in its port's log if
// record is set.
func syncConn(g, progeny *grid.Torus, record bool) Conn {
	h, w := g.Height(), g.Width()
	win := newWindow(h, w, 0)
	win.load(nil, g)
	p := &port{
		cells: win.cells, rn: h, height: h, width: w,
		out: make([]byte, h*w), states: 2,
	}
	if record {
		p.log = []Msg{}
		p.rn = 0 // every query takes the wrapping path, which records it
	}
	return Conn{p: p}
}

// packInto packs the port's transitions, a byte a cell, into g's rows.
func (p *port) packInto(g *grid.Torus) {
	for y := range g.Height() {
		pack(g.Row(y), p.out[y*p.width:(y+1)*p.width])
	}
}

// LiveStates runs one generation of step on g, a grid of many states
// (below states), synchronously, as [LiveAGeneration] does, and returns
// the progeny.
func LiveStates(g *grid.States, states int, step StepFunc) (*grid.States, error) {
	h, w := g.Height(), g.Width()
	win := newWindow(h, w, 0)
	win.loadStates(g)
	progeny := g.Blank()
	p := &port{cells: win.cells, rn: h, height: h, width: w, out: progeny.Cells(), states: states}
	if err := Simulate(Conn{p: p}, step, 0, h, w); err != nil {
		return nil, err
	}
	return progeny, nil
}
