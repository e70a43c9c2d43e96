// Package states holds the fast engines of the rules of many states on
// bounded grids: "generations" runs Golly's Generations rules on every
// bounded topology, "ltl" runs Larger than Life on tori and bounded planes
// with running sums, so that a cell costs the same whatever the range.
// Both keep the universe a byte a cell ([grid.States]) and step bands of
// rows on every core; both are checked cell for cell against bgolly and
// against the protocol engine.
//
// # Generations
//
// Each generation, the cells in state 1 are copied into a byte plane with
// a border of one cell that holds what the topology joins beyond each edge
// (dead cells beyond a plane's). A cell's 3 x 3 block is then a 9-bit index
// rolled along the row, one shift and three loads a cell, into the rule's
// table ([engine.Table]); the index and the cell's state pick the next
// state from one table of 512 entries, so that births, survival and
// ageing are one load, whatever the family (Life-like, isotropic, MAP,
// hexagonal, von Neumann).
//
// # Larger than Life
//
// The cells in state 1 of the live cells' bounding box, grown by the range
// (the whole grid when that crosses a torus's edge), are copied into a
// plane with a border of the range (the torus's far side, or dead cells).
// Moore's neighbourhood is counted with running sums: a column sum of
// 2r+1 rows for every column, moved down a row by adding the row entering
// and taking away the one leaving, and along the row a window of 2r+1
// column sums, moved by one addition and one subtraction: four operations
// a cell at any range. Von Neumann's diamond is counted from prefix sums
// along both diagonals, the diamond's edges being diagonal segments: a
// handful of operations a cell at any range. The circle is counted from
// prefix sums along the rows, two operations for each of its 2r+1 rows.
package states

import (
	"context"
	"fmt"
	"math/big"
	"runtime"
	"sync"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/grid"
)

// board is what both engines share: the grid of states, the rule, the
// generation count, and the engine methods on top of them.
type board struct {
	name string
	rule engine.Rule
	n    int // states
	g    *grid.States
	gen  big.Int
}

func newBoard(name string, r engine.Rule) (board, error) {
	t := r.Topology
	if !t.Bounded() {
		return board{}, fmt.Errorf("the unbounded plane is %w by the %s engine: give a bounded grid (\":TW,H\", \":PW,H\")", engine.ErrUnsupported, name)
	}
	g, err := grid.NewStates(t, t.W, t.H)
	if err != nil {
		return board{}, err
	}
	return board{name: name, rule: r, n: r.States(), g: g}, nil
}

// Name returns the engine's name.
func (b *board) Name() string { return b.name }

// Rule returns the engine's rule.
func (b *board) Rule() engine.Rule { return b.rule }

// Generation returns the generation count.
func (b *board) Generation() *big.Int { return new(big.Int).Set(&b.gen) }

// SetGeneration sets the generation count.
func (b *board) SetGeneration(g *big.Int) { b.gen.Set(g) }

// Population returns the number of cells not in state 0.
func (b *board) Population() *big.Int { return big.NewInt(int64(b.g.Population())) }

// Grid returns the engine's grid. It belongs to the engine: callers may
// read it between calls to Step but must not keep it across them.
func (b *board) Grid() *grid.States { return b.g }

// State returns the state of the cell at (y, x), wrapped onto the grid as
// its topology joins its edges; 0 beyond a bounded plane's.
func (b *board) State(y, x int64) engine.State {
	yy, xx, ok := b.place(y, x)
	if !ok {
		return 0
	}
	return engine.State(b.g.Cells()[yy*b.g.Width()+xx])
}

// SetState gives the cell at (y, x), placed as State places it, state s;
// outside a bounded plane, or for a state the rule has not, it does
// nothing.
func (b *board) SetState(y, x int64, s engine.State) {
	yy, xx, ok := b.place(y, x)
	if ok && int(s) < b.n {
		b.g.Cells()[yy*b.g.Width()+xx] = uint8(s)
	}
}

// Cell reports whether the cell at (y, x) is in any state but 0.
func (b *board) Cell(y, x int64) bool { return b.State(y, x) != 0 }

// SetCell puts the cell at (y, x) in state 1, or 0.
func (b *board) SetCell(y, x int64, alive bool) {
	s := engine.State(0)
	if alive {
		s = 1
	}
	b.SetState(y, x, s)
}

// place maps (y, x) onto the grid.
func (b *board) place(y, x int64) (int, int, bool) {
	h, w := int64(b.g.Height()), int64(b.g.Width())
	if y >= 0 && y < h && x >= 0 && x < w {
		return int(y), int(x), true
	}
	if y < -1<<40 || y > 1<<40 || x < -1<<40 || x > 1<<40 {
		// Far away: on a torus, bring it near first.
		if b.rule.Topology.IsTorus() {
			y, x = y%h, x%w
		} else if b.rule.Topology.Kind == engine.BoundedPlane {
			return 0, 0, false
		}
	}
	return b.g.Wrap(int(y), int(x))
}

// Bounds returns the bounding box of the cells not in state 0, in grid
// coordinates.
func (b *board) Bounds() (engine.Rect, bool) {
	r, ok := b.g.Bounds()
	return engine.Rect{X: int64(r.X), Y: int64(r.Y), W: int64(r.W), H: int64(r.H)}, ok
}

// Visit calls fn for every cell not in state 0 inside r, row by row.
func (b *board) Visit(r engine.Rect, fn func(y, x int64)) {
	b.VisitStates(r, func(y, x int64, _ engine.State) { fn(y, x) })
}

// VisitStates calls fn for every cell not in state 0 inside r, with its
// state, row by row.
func (b *board) VisitStates(r engine.Rect, fn func(y, x int64, s engine.State)) {
	w, h := int64(b.g.Width()), int64(b.g.Height())
	y0, y1 := max(r.Y, 0), min(r.Y+r.H, h)
	x0, x1 := max(r.X, 0), min(r.X+r.W, w)
	cells := b.g.Cells()
	for y := y0; y < y1; y++ {
		row := cells[y*w : (y+1)*w]
		for x := x0; x < x1; x++ {
			if s := row[x]; s != 0 {
				fn(y, x, engine.State(s))
			}
		}
	}
}

var _ engine.BlockCounter = (*board)(nil)

// CountBlocks implements [engine.BlockCounter]: it counts the cells in
// state 1 (the live ones; the others are history) in the 2^k x 2^k blocks
// of r, clipped to r, a byte a cell.
func (b *board) CountBlocks(r engine.Rect, k uint, dst []uint64) {
	cols := (r.W + 1<<k - 1) >> k
	rows := (r.H + 1<<k - 1) >> k
	clear(dst[:rows*cols])
	w, h := int64(b.g.Width()), int64(b.g.Height())
	y0, y1 := max(r.Y, 0), min(r.Y+r.H, h)
	x0, x1 := max(r.X, 0), min(r.X+r.W, w)
	cells := b.g.Cells()
	for y := y0; y < y1; y++ {
		row := cells[y*w : (y+1)*w]
		out := dst[((y-r.Y)>>k)*cols:]
		for x := x0; x < x1; x++ {
			if row[x] == 1 {
				out[(x-r.X)>>k]++
			}
		}
	}
}

// clone returns a copy of the board.
func (b *board) clone() board {
	c := board{name: b.name, rule: b.rule, n: b.n, g: b.g.Clone()}
	c.gen.Set(&b.gen)
	return c
}

// String describes the engine for logs and test failures.
func (b *board) String() string {
	return fmt.Sprintf("%s %s gen %s pop %d", b.name, b.rule, b.gen.String(), b.g.Population())
}

// bands runs fn on bands of rows y0 to y1-1 on every core, the first band
// on the calling goroutine, and returns when all are done.
func bands(y0, y1, minRows int, fn func(y0, y1 int)) {
	n := min(runtime.GOMAXPROCS(0), max(1, (y1-y0)/minRows))
	if n <= 1 {
		fn(y0, y1)
		return
	}
	var wg sync.WaitGroup
	for i := 1; i < n; i++ {
		a, b := y0+i*(y1-y0)/n, y0+(i+1)*(y1-y0)/n
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(a, b)
		}()
	}
	fn(y0, y0+(y1-y0)/n)
	wg.Wait()
}

// stepper is a board's generation: it makes next from cur.
type stepper interface {
	generation(cur, next []uint8)
}

// run steps n generations with s, checking ctx between them.
func (b *board) run(ctx context.Context, s stepper, n uint64) error {
	next := make([]uint8, len(b.g.Cells()))
	for ; n > 0; n-- {
		if err := ctx.Err(); err != nil {
			return err
		}
		s.generation(b.g.Cells(), next)
		next = b.g.Swap(next)
		b.gen.Add(&b.gen, big.NewInt(1))
	}
	return nil
}
