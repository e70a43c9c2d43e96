package engine

import (
	"fmt"

	"github.com/life-go/life/grid"
)

// LiveAGeneration runs one generation of step on g synchronously, in the
// calling goroutine, and returns the progeny: the seed's live_a_generation.
// Each Query is answered from g, wrapping its coordinates; each Transition is
// assigned into a new grid of the same size. It returns an error when the
// step logic does not emit exactly one Transition, for its own cell, per
// cell. It serves tests and is the reference the channel driver is checked
// against.
func LiveAGeneration(g *grid.Torus, step StepFunc) (*grid.Torus, error) {
	progeny := g.Blank()
	c := &syncConn{grid: g, progeny: progeny}
	if err := c.run(step); err != nil {
		return nil, err
	}
	return progeny, nil
}

// Transcript runs one generation of step on g like [LiveAGeneration] and
// returns every message the step logic exchanged, in order, ending with
// [Tick].
func Transcript(g *grid.Torus, step StepFunc) ([]Msg, error) {
	progeny := g.Blank()
	var msgs []Msg
	c := &syncConn{grid: g, progeny: progeny, record: func(m Msg) { msgs = append(msgs, m) }}
	if err := c.run(step); err != nil {
		return msgs, err
	}
	return append(msgs, Tick{}), nil
}

// syncConn answers the step logic directly from the grid.
type syncConn struct {
	grid, progeny *grid.Torus
	record        func(Msg)
	cell          cellCheck
}

func (c *syncConn) run(step StepFunc) error {
	h, w := c.grid.Height(), c.grid.Width()
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c.cell.begin(y, x)
			step(c, y, x)
			if err := c.cell.end(); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *syncConn) Query(y, x int) State {
	if c.record != nil {
		c.record(Query{y, x})
	}
	if c.grid.Query(y, x) {
		return Alive
	}
	return Dead
}

func (c *syncConn) Transition(y, x int, s State) {
	if c.record != nil {
		c.record(Transition{y, x, s})
	}
	if c.cell.transition(y, x, s) {
		c.progeny.Assign(y, x, s == Alive)
	}
}

// cellCheck holds step logic to its contract: one Transition per cell, for
// that cell, with a state that exists.
type cellCheck struct {
	y, x    int
	emitted int
	err     error
}

func (k *cellCheck) begin(y, x int) { k.y, k.x, k.emitted = y, x, 0 }

// transition records a Transition and reports whether it keeps the contract.
func (k *cellCheck) transition(y, x int, s State) bool {
	k.emitted++
	switch {
	case k.err != nil:
		return false
	case y != k.y || x != k.x:
		k.err = fmt.Errorf("step logic for cell (y=%d, x=%d) emitted %v, for another cell", k.y, k.x, Transition{y, x, s})
	case k.emitted > 1:
		k.err = fmt.Errorf("step logic for cell (y=%d, x=%d) emitted more than one transition", k.y, k.x)
	case s != Dead && s != Alive:
		k.err = fmt.Errorf("step logic for cell (y=%d, x=%d) emitted state %d, want 0 or 1", k.y, k.x, s)
	}
	return k.err == nil
}

// end returns the first breach of the contract for the cell, if any.
func (k *cellCheck) end() error {
	if k.err == nil && k.emitted == 0 {
		k.err = fmt.Errorf("step logic for cell (y=%d, x=%d) emitted no transition", k.y, k.x)
	}
	return k.err
}
