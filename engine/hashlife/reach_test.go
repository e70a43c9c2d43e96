package hashlife

import (
	"cmp"
	"math"
	"slices"
	"testing"

	"github.com/life-go/life/engine"
)

// maxReach is the bound of the cells in reach, 2^62-1 either way (see
// [quadtree.Tree.Reach]).
const maxReach int64 = 1<<62 - 1

// blocks returns how many blocks of 2^k cells cover n cells.
func blocks(n int64, k uint) int64 {
	if n <= 0 {
		return 0
	}
	return (n-1)>>k + 1
}

// sortCells sorts cells row by row, as Visit gives them.
func sortCells(c [][2]int64) {
	slices.SortFunc(c, func(a, b [2]int64) int {
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		return cmp.Compare(a[1], b[1])
	})
}

// countIn returns the live cells CountBlocks counts in r with blocks of
// 2^k, summed (none of these tests' counts saturates).
func countIn(e *Engine, r engine.Rect, k uint) uint64 {
	dst := make([]uint64, blocks(r.H, k)*blocks(r.W, k))
	e.CountBlocks(r, k, dst)
	var n uint64
	for _, v := range dst {
		n += v
	}
	return n
}

// TestReachCorners sets cells at the corners and edges of the reach
// (±(2^62-1) either way) and just past it: the cells inside are set, read,
// bounded, visited and counted; those outside are left alone.
func TestReachCorners(t *testing.T) {
	const m = maxReach
	e := newLife(t, Options{})
	in := [][2]int64{{-m, -m}, {-m, m}, {m, -m}, {m, m}, {0, m}, {m, 0}, {-m, 0}, {0, -m}, {1, 1}}
	out := [][2]int64{{-m - 1, 0}, {0, -m - 1}, {m + 1, 0}, {0, m + 1}, {math.MinInt64, math.MinInt64}, {math.MaxInt64, math.MaxInt64}}
	for _, c := range in {
		e.SetCell(c[0], c[1], true)
	}
	for _, c := range out {
		e.SetCell(c[0], c[1], true)
	}
	if got := e.Population().Int64(); got != int64(len(in)) {
		t.Fatalf("population %d, want %d: cells out of reach were set", got, len(in))
	}
	for _, c := range in {
		if !e.Cell(c[0], c[1]) {
			t.Errorf("cell %v dead", c)
		}
	}
	for _, c := range out {
		if e.Cell(c[0], c[1]) {
			t.Errorf("cell %v out of reach alive", c)
		}
	}
	reach := e.Reach()
	if want := (engine.Rect{X: -m, Y: -m, W: math.MaxInt64, H: math.MaxInt64}); reach != want {
		t.Fatalf("reach %+v, want %+v", reach, want)
	}
	if b, ok := e.Bounds(); !ok || b != reach {
		t.Errorf("bounds %+v %v, want the reach %+v", b, ok, reach)
	}
	want := slices.Clone(in)
	sortCells(want)
	if got := cells(e, reach); !slices.Equal(got, want) {
		t.Errorf("visit of the reach %v, want %v", got, want)
	}
	// A rectangle reaching past int64 is clipped, not wrapped.
	if got := cells(e, engine.Rect{X: 0, Y: 0, W: math.MaxInt64, H: math.MaxInt64}); !slices.Equal(got, [][2]int64{{0, m}, {1, 1}, {m, 0}, {m, m}}) {
		t.Errorf("visit from the origin %v", got)
	}
	for _, k := range []uint{0, 3, 5, 61, 62} {
		r := reach
		if k < 61 {
			// Few blocks: a corner's 64 x 64 square.
			r = engine.Rect{X: m - 63, Y: m - 63, W: 64, H: 64}
			if n := countIn(e, r, k); n != 1 {
				t.Errorf("k=%d: %d cells in the bottom right corner, want 1", k, n)
			}
			continue
		}
		if n := countIn(e, r, k); n != uint64(len(in)) {
			t.Errorf("k=%d: %d cells in the reach, want %d", k, n, len(in))
		}
	}
	// Runs reaching past the reach, or past int64, are clipped, not
	// wrapped.
	f := newLife(t, Options{})
	f.SetRun(m, -m, math.MaxInt64)              // the reach's whole row, 2^63-1 cells
	f.SetRun(-m, -m-10, 11)                     // 1 cell
	f.SetRun(5, m-2, math.MaxInt64)             // 3 cells
	f.SetRun(0, math.MinInt64, math.MaxInt64)   // to -2: 2^62-2 cells
	f.SetRun(1, math.MinInt64, 1)               // none
	f.SetRun(2, math.MaxInt64-1, math.MaxInt64) // none
	if got, want := f.Population().String(), "13835058055282163713"; got != want {
		t.Errorf("population %s, want %s", got, want)
	}
	if b, ok := f.Bounds(); !ok || b != reach {
		t.Errorf("bounds %+v %v, want the reach %+v", b, ok, reach)
	}
	if got := cells(f, engine.Rect{X: m - 3, Y: 0, W: 10, H: 10}); !slices.Equal(got, [][2]int64{{5, m - 2}, {5, m - 1}, {5, m}}) {
		t.Errorf("visit at the right edge %v", got)
	}
}

// TestLeavingReach runs gliders out of the reach across each of its edges
// (and the view's out-of-reach column and row, 2^62 from the origin): at
// each step Bounds, Visit and CountBlocks agree with the cells in reach
// that Cell reports, and the population keeps every cell.
func TestLeavingReach(t *testing.T) {
	const m = maxReach
	// A glider heading up-left, and its mirror images, each 6 cells in.
	gliders := []struct {
		y, x   int64
		cells  [][2]int64 // offsets of a glider heading away from the origin
		dy, dx int64
	}{
		{-m + 6, -m + 6, [][2]int64{{0, 0}, {0, 1}, {0, 2}, {1, 0}, {2, 1}}, -1, -1},
		{m - 6, m - 6, [][2]int64{{0, 0}, {0, -1}, {0, -2}, {-1, 0}, {-2, -1}}, 1, 1},
		{-m + 6, m - 6, [][2]int64{{0, 0}, {0, -1}, {0, -2}, {1, 0}, {2, -1}}, -1, 1},
		{m - 6, -m + 6, [][2]int64{{0, 0}, {0, 1}, {0, 2}, {-1, 0}, {-2, 1}}, 1, -1},
	}
	for _, g := range gliders {
		e := newLife(t, Options{})
		for _, c := range g.cells {
			e.SetCell(g.y+c[0], g.x+c[1], true)
		}
		e.SetCell(0, 0, true) // a cell at the origin dies at once
		for gen := 0; gen < 60; gen++ {
			if gen > 0 {
				if err := e.Step(t.Context(), 1); err != nil {
					t.Fatal(err)
				}
			}
			if e.Population().Int64() != 5 && gen > 0 {
				t.Fatalf("glider at (%d, %d), generation %d: population %s", g.y, g.x, gen, e.Population())
			}
			// The cells in reach, by Cell, around where the glider is.
			var want [][2]int64
			cy, cx := g.y+g.dy*int64(gen/4), g.x+g.dx*int64(gen/4)
			for y := cy - 4; y <= cy+4; y++ {
				for x := cx - 4; x <= cx+4; x++ {
					if e.Cell(y, x) {
						want = append(want, [2]int64{y, x})
					}
				}
			}
			if got := cells(e, e.Reach()); !slices.Equal(got, want) && gen > 0 {
				t.Fatalf("glider at (%d, %d), generation %d: visit %v, Cell %v", g.y, g.x, gen, got, want)
			}
			if gen == 0 {
				continue
			}
			if n := countIn(e, e.Reach(), 62); n != uint64(len(want)) {
				t.Fatalf("glider at (%d, %d), generation %d: CountBlocks %d, want %d", g.y, g.x, gen, n, len(want))
			}
			b, ok := e.Bounds()
			if ok != (len(want) > 0) {
				t.Fatalf("glider at (%d, %d), generation %d: bounds %v, cells in reach %v", g.y, g.x, gen, ok, want)
			}
			if !ok {
				continue
			}
			var wb engine.Rect
			y0, x0, y1, x1 := int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MinInt64), int64(math.MinInt64)
			for _, c := range want {
				y0, y1, x0, x1 = min(y0, c[0]), max(y1, c[0]), min(x0, c[1]), max(x1, c[1])
			}
			wb = engine.Rect{X: x0, Y: y0, W: x1 - x0 + 1, H: y1 - y0 + 1}
			if b != wb {
				t.Fatalf("glider at (%d, %d), generation %d: bounds %+v, want %+v", g.y, g.x, gen, b, wb)
			}
		}
		if _, ok := e.Bounds(); ok {
			t.Errorf("glider at (%d, %d): still in reach after 60 generations", g.y, g.x)
		}
	}
}
