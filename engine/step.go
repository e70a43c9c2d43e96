package engine

// Conn is what per-cell step logic talks to, the Go form of the seed's
// coroutine yielding: Query asks for the state of a cell and returns the
// answer, Transition emits a cell's next state. A driver implements Conn;
// the step logic sees nothing of how the grid is stored.
//
// A Conn is used by one goroutine at a time.
type Conn interface {
	Query(y, x int) State
	Transition(y, x int, s State)
}

// StepFunc is per-cell step logic: for the cell at (y, x) it asks the Conn
// about any cells it likes and then emits exactly one Transition, for (y, x)
// itself. [StepCell] is the seed's; a package user may supply another (a
// different neighbourhood, a different rule) and every driver runs it
// unchanged.
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
// given number of live neighbours under an outer-totalistic rule r
// (Life-like, hexagonal or von Neumann). It is the seed's game_logic, for
// any such rule.
func GameLogic(r Rule, state State, neighbors int) State {
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
// rule, six neighbours for a hexagonal one, four for von Neumann's.
//
// It runs r itself; a rule with B0 runs as Golly emulates it when each
// generation is stepped with StepCell(r.Phase(odd)) (see [Rule.Phase]),
// which is what the protocol engine does.
func StepCell(r Rule) StepFunc {
	if r.Family() == LifeLike {
		return func(c Conn, y, x int) {
			state := c.Query(y, x)
			neighbors := CountNeighbors(c, y, x)
			c.Transition(y, x, GameLogic(r, state, neighbors))
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

// Simulate walks the cells of rows y0 to y1-1 of a grid w cells wide, row by
// row and left to right, running step on each. It is the body of one
// generation of the seed's simulate; the driver ends the generation with a
// [Tick] once every band of rows is done.
func Simulate(c Conn, step StepFunc, y0, y1, w int) {
	for y := y0; y < y1; y++ {
		for x := 0; x < w; x++ {
			step(c, y, x)
		}
	}
}
