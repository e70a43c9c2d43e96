package grid

import (
	"fmt"
	"iter"
	"strings"
)

// States is a W x H grid of cells of up to 256 states, a byte a cell, row
// after row, whose edges join as its topology's do ([Topology.Wrap]), for
// the rules of many states (Generations, Larger than Life). State 0 is
// dead.
//
// A byte a cell rather than bit planes: the fast engines of many states
// count the neighbours in state 1 from a byte row as cheaply as from a
// plane, and age every other state with one byte operation, where eight
// planes would need a ripple-carry increment across all of them; and the
// protocol's window, which the driver answers queries from, is a byte a
// cell already. Two-state grids stay bit-packed ([Torus]).
//
// A States is not safe for concurrent use when any goroutine writes to it;
// concurrent reads are safe.
type States struct {
	w, h  int
	cells []uint8
	topo  Topology
	joins bool
}

// NewStates returns an empty grid of many states w cells wide and h high
// whose edges join as t's do; a side that t leaves unbounded is a window
// of w or h cells onto it, beyond which cells are dead. It fails as
// [NewSpace] does.
func NewStates(t Topology, w, h int) (*States, error) {
	if err := CheckSize(w, h); err != nil {
		return nil, err
	}
	if int64(w)*int64(h) > MaxCells/8 {
		return nil, fmt.Errorf("%w: %d x %d cells of many states is more than %d", ErrSize, w, h, MaxCells/8)
	}
	if t.Kind != PlaneKind && (t.W != 0 && t.W != w || t.H != 0 && t.H != h) {
		return nil, fmt.Errorf("%w: a %d x %d grid for the %d x %d %s %s", ErrSize, w, h, t.W, t.H, t.Kind, t)
	}
	return &States{w: w, h: h, cells: make([]uint8, w*h), topo: t, joins: !t.IsTorus()}, nil
}

// Width returns the grid's width.
func (g *States) Width() int { return g.w }

// Height returns the grid's height.
func (g *States) Height() int { return g.h }

// Topology returns the topology the grid's edges join as.
func (g *States) Topology() Topology { return g.topo }

// Wrap maps (y, x) onto the grid as [Torus.Wrap] does.
func (g *States) Wrap(y, x int) (yy, xx int, ok bool) {
	if uint(y) < uint(g.h) && uint(x) < uint(g.w) {
		return y, x, true
	}
	if g.joins {
		return g.topo.Wrap(y, x, g.h, g.w)
	}
	return Mod(y, g.h), Mod(x, g.w), true
}

// Get returns the state of the cell at (y, x), wrapped onto the grid; 0
// beyond a bounded plane's edges. It is the grid's answer to the
// protocol's Query(y, x).
func (g *States) Get(y, x int) uint8 {
	y, x, ok := g.Wrap(y, x)
	if !ok {
		return 0
	}
	return g.cells[y*g.w+x]
}

// Set gives the cell at (y, x), wrapped onto the grid, state s; a cell
// beyond a bounded plane's edges is left alone.
func (g *States) Set(y, x int, s uint8) {
	if y, x, ok := g.Wrap(y, x); ok {
		g.cells[y*g.w+x] = s
	}
}

// Row returns the states of row y, taken modulo the height. The slice
// aliases the grid.
func (g *States) Row(y int) []uint8 {
	y = Mod(y, g.h)
	return g.cells[y*g.w : (y+1)*g.w : (y+1)*g.w]
}

// Cells returns every state, row after row. The slice aliases the grid.
func (g *States) Cells() []uint8 { return g.cells }

// Population returns the number of cells not in state 0, as Golly counts
// a pattern of many states.
func (g *States) Population() int {
	n := 0
	for _, s := range g.cells {
		if s != 0 {
			n++
		}
	}
	return n
}

// Bounds returns the smallest rectangle holding every cell not in state 0,
// in grid coordinates, and false when there is none.
func (g *States) Bounds() (Rect, bool) {
	top, bottom, left, right := -1, -1, g.w, -1
	for y := 0; y < g.h; y++ {
		row := g.cells[y*g.w : (y+1)*g.w]
		l := -1
		for x, s := range row {
			if s != 0 {
				l = x
				break
			}
		}
		if l < 0 {
			continue
		}
		r := l
		for x := g.w - 1; x > l; x-- {
			if row[x] != 0 {
				r = x
				break
			}
		}
		if top < 0 {
			top = y
		}
		bottom = y
		left, right = min(left, l), max(right, r)
	}
	if top < 0 {
		return Rect{}, false
	}
	return Rect{X: int64(left), Y: int64(top), W: int64(right - left + 1), H: int64(bottom - top + 1)}, true
}

// Equal reports whether u has the same size and the same states as g.
func (g *States) Equal(u *States) bool {
	return g.w == u.w && g.h == u.h && string(g.cells) == string(u.cells)
}

// Clone returns an independent copy.
func (g *States) Clone() *States {
	c := *g
	c.cells = append([]uint8(nil), g.cells...)
	return &c
}

// Blank returns an empty grid of g's size and topology.
func (g *States) Blank() *States {
	c := *g
	c.cells = make([]uint8, len(g.cells))
	return &c
}

// CopyFrom makes g's states u's; both have the same size.
func (g *States) CopyFrom(u *States) { copy(g.cells, u.cells) }

// Clear makes every cell dead.
func (g *States) Clear() { clear(g.cells) }

// Occupied returns the cells not in state 0, row by row and left to right,
// as (y, x) and the state.
func (g *States) Occupied() iter.Seq2[[2]int, uint8] {
	return func(yield func([2]int, uint8) bool) {
		for i, s := range g.cells {
			if s != 0 && !yield([2]int{i / g.w, i % g.w}, s) {
				return
			}
		}
	}
}

// String draws the grid a row a line: '.' for state 0, 'A' to 'X' for
// states 1 to 24 and '+' for the higher ones (for tests and errors).
func (g *States) String() string {
	var b strings.Builder
	for y := 0; y < g.h; y++ {
		for _, s := range g.Row(y) {
			switch {
			case s == 0:
				b.WriteByte('.')
			case s <= 24:
				b.WriteByte('A' + s - 1)
			default:
				b.WriteByte('+')
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Swap makes cells, of the grid's size, the grid's states and returns the
// slice that held them, for an engine that steps from one buffer into
// another.
func (g *States) Swap(cells []uint8) []uint8 {
	if len(cells) != len(g.cells) {
		panic("grid: Swap with a slice of another size")
	}
	old := g.cells
	g.cells = cells
	return old
}
