package universe

import (
	"math/big"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// engineCells is an engine's live cells as a writer takes them
// (patterns.Source), visited row by row: nothing is copied first.
// Coordinates are the engine's.
type engineCells struct{ eng engine.Engine }

// walker is an engine that walks its tree for the macrocell writer
// ([engine.NodeWriting]), as patterns.Tree asks.
type walker interface {
	WalkTree(leaf func(rows [8]uint8) error, node func(depth int, kids [4]uint32) error) (int, error)
}

// engineTree is the Source of an engine with node writing.
type engineTree struct {
	engineCells
	walker
}

// Bounds returns the engine's bounding box.
func (c engineCells) Bounds() (y, x, h, w int64, ok bool) {
	r, ok := c.eng.Bounds()
	return r.Y, r.X, r.H, r.W, ok
}

// LiveCells returns the engine's population.
func (c engineCells) LiveCells() *big.Int { return c.eng.Population() }

// stop unwinds a Visit whose callback failed.
type stop struct{ err error }

// EachRun visits the live cells, handing fn a run at a time.
func (c engineCells) EachRun(fn func(patterns.Run) error) (err error) {
	box, ok := c.eng.Bounds()
	if !ok {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			s, ok := r.(stop)
			if !ok {
				panic(r)
			}
			err = s.err
		}
	}()
	var cur patterns.Run
	c.eng.Visit(box, func(y, x int64) {
		if cur.N > 0 && cur.Y == y && cur.X+cur.N == x {
			cur.N++
			return
		}
		if cur.N > 0 {
			if err := fn(cur); err != nil {
				panic(stop{err}) // Visit cannot be stopped otherwise
			}
		}
		cur = patterns.Run{Y: y, X: x, N: 1}
	})
	if cur.N > 0 {
		return fn(cur)
	}
	return nil
}

// engineStateCells is the Source of an engine of a rule of many states:
// a patterns.StateSource, its cells in any state but 0 with their states.
type engineStateCells struct{ engineCells }

// ManyStates reports true: the rule has more than two states, which Golly
// writes in extended RLE whatever the cells' states.
func (engineStateCells) ManyStates() bool { return true }

// EachStateRun visits the cells not in state 0, handing fn a run of one
// state at a time.
func (c engineStateCells) EachStateRun(fn func(patterns.Run, uint8) error) (err error) {
	box, ok := c.eng.Bounds()
	if !ok {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			s, ok := r.(stop)
			if !ok {
				panic(r)
			}
			err = s.err
		}
	}()
	var cur patterns.Run
	var st uint8
	engine.VisitStatesOf(c.eng, box, func(y, x int64, s engine.State) {
		if cur.N > 0 && cur.Y == y && cur.X+cur.N == x && st == uint8(s) {
			cur.N++
			return
		}
		if cur.N > 0 {
			if err := fn(cur, st); err != nil {
				panic(stop{err}) // VisitStates cannot be stopped otherwise
			}
		}
		cur, st = patterns.Run{Y: y, X: x, N: 1}, uint8(s)
	})
	if cur.N > 0 {
		return fn(cur, st)
	}
	return nil
}
