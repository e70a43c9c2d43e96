package engine

// Conn is what per-cell step logic talks to, the Go form of the seed's
// coroutine yielding: [Conn.Query] asks for the state of a cell and returns
// the answer, [Conn.Transition] emits a cell's next state. The drivers hand
// step logic a Conn; the step logic sees nothing of how the grid is stored,
// only the answers to its queries.
//
// Conn is one concrete type that every driver uses, so that the compiler
// inlines its methods into the step logic: a query costs a few
// instructions, not a call. (An interface would cost a call per query;
// generics would not help, because Go compiles the methods of a type
// parameter as calls through a dictionary.) A Conn is a small value that
// copies freely; it is valid while the driver runs the step logic it was
// given to, and is used by one goroutine at a time.
type Conn struct {
	p     *port
	cells []byte // p.cells, held in the value: the step logic keeps it in registers
}

// StepFunc is per-cell step logic: for the cell at (y, x) it asks the Conn
// about any cells it likes and then emits exactly one Transition, for (y, x)
// itself, with a state that exists (Dead or Alive). [StepCell] is the seed's;
// a package user may supply another (a different neighbourhood, a different
// rule) and every driver runs it unchanged. The drivers hold step logic to
// that contract and report the first cell that breaks it.
type StepFunc func(c Conn, y, x int)

// CountNeighbors asks for the eight neighbours of (y, x) in the seed's order
// (n, ne, e, se, s, sw, w, nw, where north is y+1) and returns how many are
// alive. It is the seed's count_neighbors.
func CountNeighbors(c Conn, y, x int) int {
	n := c.Query(y+1, x+0)
	ne := c.Query(y+1, x+1)
	e := c.Query(y+0, x+1)
	se := c.Query(y-1, x+1)
	s := c.Query(y-1, x+0)
	sw := c.Query(y-1, x-1)
	w := c.Query(y+0, x-1)
	nw := c.Query(y+1, x-1)
	count := 0
	for _, state := range [8]State{n, ne, e, se, s, sw, w, nw} {
		if state == Alive {
			count++
		}
	}
	return count
}

// GameLogic returns the next state of a cell in the given state with the
// given number of live neighbours under an outer-totalistic rule *r
// (Life-like, hexagonal or von Neumann). It is the seed's game_logic, for
// any such rule.
func GameLogic(r *Rule, state State, neighbors int) State {
	if r.Next(state == Alive, neighbors) {
		return Alive
	}
	return Dead
}

// AskNeighbors asks for the neighbours of (y, x) that nb takes, in the
// order of [Neighborhood.Offsets], and returns which of them are alive. It
// is [CountNeighbors] for every neighbourhood, keeping where each answer
// came from.
func AskNeighbors(c Conn, nb Neighborhood, y, x int) Neighbors {
	var live Neighbors
	for _, o := range nb.Offsets() {
		if c.Query(y+o.DY, x+o.DX) == Alive {
			live |= Neighbors(blockBit(o.DY, o.DX))
		}
	}
	return live
}

// StepCell returns the seed's step_cell for rule r: ask for the cell, ask
// for its neighbourhood, decide, emit the transition. For a Life-like rule
// it is the seed's own: [CountNeighbors], then [GameLogic]. For the other
// families it asks for the neighbours of r's neighbourhood with
// [AskNeighbors] and decides from r's [Table]: the row above for a Wolfram
// rule, six neighbours for a hexagonal one, four for von Neumann's. It asks
// only about cells within [StepReach] of r rows of its own.
//
// It runs r itself; a rule with B0 runs as Golly emulates it when each
// generation is stepped with StepCell(r.Phase(odd)) (see [Rule.Phase]),
// which is what the protocol engine does.
//
// (StepCell itself is kept out of line: the compiler does not inline calls
// within a copy of its closure made when StepCell is inlined into a
// caller, and inlined queries are what make the step logic fast.)
//
//go:noinline
func StepCell(r Rule) StepFunc {
	switch r.Family() {
	case Generations:
		// Ask the cell, ask its neighbours (those in state 1 count),
		// decide: state 1 as the two-state rule says, the others age.
		nb, t := r.Neighborhood(), r.Table()
		return func(c Conn, y, x int) {
			state := c.Query(y, x)
			live := AskNeighbors(c, nb, y, x)
			c.Transition(y, x, r.NextState(&t, state, live))
		}
	case LargerThanLife:
		// The neighbourhood is the queries: every cell within the range,
		// counted when in state 1.
		l, _ := r.LtL()
		offsets, n := l.Offsets(), r.States()
		return func(c Conn, y, x int) {
			state := c.Query(y, x)
			count := 0
			if state == Alive {
				count = 1
			}
			for _, o := range offsets {
				if c.Query(y+o.DY, x+o.DX) == Alive {
					count++
				}
			}
			c.Transition(y, x, l.Next(state, count, n))
		}
	}
	if r.Family() == LifeLike {
		return func(c Conn, y, x int) {
			state := c.Query(y, x)
			neighbors := CountNeighbors(c, y, x)
			c.Transition(y, x, GameLogic(&r, state, neighbors))
		}
	}
	nb := r.Neighborhood()
	t := r.Table()
	return func(c Conn, y, x int) {
		state := c.Query(y, x)
		live := AskNeighbors(c, nb, y, x)
		c.Transition(y, x, t.Next(state, live))
	}
}

// StepReach returns how many rows above and below its own [StepCell] of r
// asks about: 1, for every neighbourhood of range 1 (Moore's, hexagonal,
// von Neumann's, the row above), and a Larger than Life rule's range. A
// driver told a step's reach answers each band only the rows within it
// (see [Driver]).
func StepReach(r Rule) int { return r.Range() }

// Simulate walks the cells of rows y0 to y1-1 of a grid w cells wide, row by
// row and left to right, running step on each through c. It is the body of
// one generation of the seed's simulate; the driver ends the generation
// with a [Tick] once every band of rows is done. Every driver runs its cells
// through it, with a Conn of its own (not one handed to step logic).
//
// It returns the first breach of the [StepFunc] contract, naming the cell,
// or the context's error when the driver's run is cancelled (checked once a
// row).
func Simulate(c Conn, step StepFunc, y0, y1, w int) error {
	p := c.p
	c.cells = p.cells // for this generation's cells
	for y := y0; y < y1; y++ {
		p.startRow(y)
		for x := 0; x < w; x++ {
			p.y, p.x, p.cx = y, x, x
			step(c, y, x)
			if p.x >= 0 || len(p.odd) != 0 {
				return p.breach(y, x)
			}
		}
		if err := p.poll(); err != nil {
			return err
		}
	}
	return nil
}
