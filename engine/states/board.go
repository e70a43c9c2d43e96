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
// hexagonal, von Neumann). Only the tiles of 64 x 16 cells next to one
// that changed in the last generation are stepped, and the plane is
// brought up to date only in the tiles that changed, so that still life,
// empty space and the dead areas between spaceships cost nothing.
//
// # Cycles
//
// On a bounded grid every pattern comes to repeat. Both engines watch for
// it (Brent's algorithm: the grid compared after every generation with a
// copy taken at doubling intervals) and, once the grid equals an earlier
// one, skip whole periods of every step: an oscillator or a spaceship's
// lap of a torus runs 10^6 generations in the time of a few periods. It
// is exact (whole grids compared, no hashing) and starts again after an
// edit.
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
	"bytes"
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
	// On the unbounded plane, g is a window onto it whose top-left cell
	// is the universe's (oy, ox); beyond it every cell is dead.
	unbounded bool
	oy, ox    int64
	// touched is set by every edit, for an engine that keeps buffers
	// from one generation to the next.
	touched bool
	// cyc watches for the pattern to repeat on a bounded grid.
	cyc cycle
}

// windowSide is the side of a new window onto the unbounded plane.
const windowSide = 64

// maxWindow is the most cells a window onto the unbounded plane may have
// (a byte each), but for Larger than Life's, which has Golly's limits.
const maxWindow = 1 << 31

func newBoard(name string, r engine.Rule) (board, error) {
	t := r.Topology
	if t.Kind == engine.Plane {
		g, err := grid.NewStates(t, windowSide, windowSide)
		if err != nil {
			return board{}, err
		}
		return board{name: name, rule: r, n: r.States(), g: g, unbounded: true, oy: -windowSide / 2, ox: -windowSide / 2}, nil
	}
	if !t.Bounded() {
		return board{}, fmt.Errorf("the %s is %w by the %s engine: give a grid bounded both ways", engine.TopologyWords(t), engine.ErrUnsupported, name)
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
// read it between calls to Step but must not write to it (edits go
// through SetState) nor keep it across them.
func (b *board) Grid() *grid.States { return b.g }

// State returns the state of the cell at (y, x), wrapped onto the grid as
// its topology joins its edges; 0 beyond a bounded plane's.
func (b *board) State(y, x int64) engine.State {
	yy, xx, ok := b.place(y, x, false)
	if !ok {
		return 0
	}
	return engine.State(b.g.Cells()[yy*b.g.Width()+xx])
}

// SetState gives the cell at (y, x), placed as State places it, state s;
// outside a bounded plane, or for a state the rule has not, it does
// nothing.
func (b *board) SetState(y, x int64, s engine.State) {
	yy, xx, ok := b.place(y, x, s != 0)
	if ok && int(s) < b.n {
		b.g.Cells()[yy*b.g.Width()+xx] = uint8(s)
		b.touched = true
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

// place maps (y, x) onto the grid; on the unbounded plane the window
// grows to hold it when grow is set (and it can), and ok is false beyond
// it otherwise.
func (b *board) place(y, x int64, grow bool) (int, int, bool) {
	if b.unbounded {
		if y-b.oy < 0 || y-b.oy >= int64(b.g.Height()) || x-b.ox < 0 || x-b.ox >= int64(b.g.Width()) {
			if !grow || b.include(engine.Rect{Y: y, X: x, W: 1, H: 1}, windowSide/2) != nil {
				return 0, 0, false
			}
		}
		return int(y - b.oy), int(x - b.ox), true
	}
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
	return engine.Rect{X: int64(r.X) + b.ox, Y: int64(r.Y) + b.oy, W: int64(r.W), H: int64(r.H)}, ok
}

// include makes the window onto the unbounded plane hold r and every cell
// not in state 0, with pad cells to spare on every side; it fails, leaving
// the window as it is, when the window would pass Golly's limits for
// Larger than Life's grid ([engine.MaxLtLCells] cells, edges within
// [engine.MaxLtLCoord] of the origin).
func (b *board) include(r engine.Rect, pad int64) error {
	if box, ok := b.Bounds(); ok {
		r = union(r, box)
	}
	r = engine.Rect{Y: r.Y - pad, X: r.X - pad, H: r.H + 2*pad, W: r.W + 2*pad}
	if b.rule.Family() == engine.LargerThanLife {
		if r.W*r.H > engine.MaxLtLCells || r.Y < -engine.MaxLtLCoord || r.X < -engine.MaxLtLCoord ||
			r.Y+r.H > engine.MaxLtLCoord || r.X+r.W > engine.MaxLtLCoord {
			return fmt.Errorf("the pattern has grown past the limits of the grid on the unbounded plane (%d cells, edges within %d of the origin, as Golly's)", engine.MaxLtLCells, engine.MaxLtLCoord)
		}
	} else if r.W*r.H > maxWindow {
		return fmt.Errorf("the pattern has grown past %d cells of the plane, the most the %s engine holds", int64(maxWindow), b.name)
	}
	g, err := grid.NewStates(b.rule.Topology, int(r.W), int(r.H))
	if err != nil {
		return err
	}
	dy, dx := int(b.oy-r.Y), int(b.ox-r.X)
	w, nw := b.g.Width(), g.Width()
	src, dst := b.g.Cells(), g.Cells()
	if box, ok := gridBox(b.g); ok {
		for y := box.Y; y < box.Y+box.H; y++ {
			copy(dst[(y+dy)*nw+box.X+dx:], src[y*w+box.X:y*w+box.X+box.W])
		}
	}
	b.g, b.oy, b.ox = g, r.Y, r.X
	return nil
}

// irect is a rectangle of grid cells, in ints.
type irect struct{ X, Y, W, H int }

// gridBox returns the box of g's cells not in state 0.
func gridBox(g *grid.States) (irect, bool) {
	r, ok := g.Bounds()
	return irect{X: int(r.X), Y: int(r.Y), W: int(r.W), H: int(r.H)}, ok
}

func union(a, b engine.Rect) engine.Rect {
	y0, x0 := min(a.Y, b.Y), min(a.X, b.X)
	y1, x1 := max(a.Y+a.H, b.Y+b.H), max(a.X+a.W, b.X+b.W)
	return engine.Rect{Y: y0, X: x0, H: y1 - y0, W: x1 - x0}
}

// Visit calls fn for every cell not in state 0 inside r, row by row.
func (b *board) Visit(r engine.Rect, fn func(y, x int64)) {
	b.VisitStates(r, func(y, x int64, _ engine.State) { fn(y, x) })
}

// VisitStates calls fn for every cell not in state 0 inside r, with its
// state, row by row.
func (b *board) VisitStates(r engine.Rect, fn func(y, x int64, s engine.State)) {
	r.Y -= b.oy
	r.X -= b.ox
	w, h := int64(b.g.Width()), int64(b.g.Height())
	y0, y1 := max(r.Y, 0), min(r.Y+r.H, h)
	x0, x1 := max(r.X, 0), min(r.X+r.W, w)
	cells := b.g.Cells()
	for y := y0; y < y1; y++ {
		row := cells[y*w : (y+1)*w]
		for x := x0; x < x1; x++ {
			if s := row[x]; s != 0 {
				fn(y+b.oy, x+b.ox, engine.State(s))
			}
		}
	}
}

var _ engine.BlockCounter = (*board)(nil)

// CountBlocks implements [engine.BlockCounter]: it counts the cells in
// state 1 (the live ones; the others are history) in the 2^k x 2^k blocks
// of r, clipped to r, a byte a cell.
func (b *board) CountBlocks(r engine.Rect, k uint, dst []uint64) {
	cols := max(r.W-1, -1)>>k + 1 // r.W+1<<k-1 could overflow
	rows := max(r.H-1, -1)>>k + 1
	clear(dst[:rows*cols])
	r.Y -= b.oy
	r.X -= b.ox
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
	c := *b
	c.g = b.g.Clone()
	c.gen = big.Int{}
	c.gen.Set(&b.gen)
	c.cyc = cycle{off: b.cyc.off}
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

// run steps n generations with s, checking ctx between them, and skips
// whole periods of the pattern once it repeats.
func (b *board) run(ctx context.Context, s stepper, n uint64) error {
	n = b.skip(n)
	next := make([]uint8, len(b.g.Cells()))
	for ; n > 0; n-- {
		if err := ctx.Err(); err != nil {
			return err
		}
		b.touched = false
		s.generation(b.g.Cells(), next)
		next = b.g.Swap(next)
		b.gen.Add(&b.gen, big.NewInt(1))
		b.cyc.after(b.g.Cells())
		n = b.skip(n-1) + 1
	}
	return nil
}

// skip counts as run the whole periods of the pattern that fit in n
// generations, once the pattern is known to repeat and unless an edit
// touched the grid since (then the watch starts again), and returns the
// generations left to step.
func (b *board) skip(n uint64) uint64 {
	if b.touched {
		b.cyc.reset()
	}
	if p := b.cyc.period; p > 0 && n >= p {
		k := n / p * p
		b.gen.Add(&b.gen, new(big.Int).SetUint64(k))
		n -= k
	}
	return n
}

// maxWatch is the most cells of a grid whose cycle is watched for (a
// copy of the grid is kept).
const maxWatch = 1 << 26

// cycle finds the period of a pattern on a bounded grid, whose states are
// finitely many so that every pattern comes to repeat, by Brent's
// algorithm: a copy of the grid is taken after 1, 2, 4, 8, ... generations
// since the watch began, and the grid is compared with the copy after
// every generation; when they are equal the generations since the copy
// are a period, from then on for ever (the step is a function of the
// grid), and the engine skips whole periods of every step. A pattern that
// repeats with period p after a transient of t generations is found
// within 2 max(t, p) + p generations or so. Exact: no hashing, the whole
// grid is compared. An edit starts the watch again.
type cycle struct {
	snap   []uint8 // the grid as it was power generations into the watch
	taken  bool    // snap holds a copy
	power  uint64  // the generations between copies, doubled at each copy
	lam    uint64  // the generations since the copy
	period uint64  // the pattern's period once found, else 0
	off    bool    // do not watch (tests)
}

// reset starts the watch again: the grid was edited.
func (c *cycle) reset() {
	c.taken, c.power, c.lam, c.period = false, 1, 0, 0
}

// after watches the grid cur, just stepped one generation.
func (c *cycle) after(cur []uint8) {
	if c.period > 0 || c.off || len(cur) > maxWatch {
		return
	}
	if !c.taken {
		c.snap = append(c.snap[:0], cur...)
		c.taken, c.power, c.lam = true, 1, 0
		return
	}
	c.lam++
	if bytes.Equal(cur, c.snap) {
		c.period = c.lam
		return
	}
	if c.lam == c.power {
		copy(c.snap, cur)
		c.power *= 2
		c.lam = 0
	}
}
