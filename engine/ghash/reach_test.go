package ghash_test

import (
	"math"
	"slices"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/ghash"
	"github.com/life-go/life/engine/rulegen"
)

// maxReach bounds the cells in reach, ±(2^62-1) either way, as
// hashlife's reach_test.go has it.
const maxReach int64 = 1<<62 - 1

// newRule returns an engine for the Generations rule text.
func newRule(t *testing.T, text string) *ghash.Engine {
	t.Helper()
	r, err := engine.ParseRule(text)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ghash.New(r, ghash.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// live returns the cells in state 1 CountBlocks counts in r with blocks of
// 2^k, summed.
func live(e *ghash.Engine, r engine.Rect, k uint) uint64 {
	blocks := func(n int64) int64 { return (n-1)>>k + 1 }
	dst := make([]uint64, blocks(r.H)*blocks(r.W))
	e.CountBlocks(r, k, dst)
	var n uint64
	for _, v := range dst {
		n += v
	}
	return n
}

// TestReachCorners gives cells at the corners and edges of the reach
// (±(2^62-1) either way), and just past it, states of their own: the cells
// inside are set, read with their states, bounded, visited and counted;
// those outside are left alone.
func TestReachCorners(t *testing.T) {
	const m = maxReach
	e := newRule(t, "345/2/4")
	in := []rulegen.StateCell{{Y: -m, X: -m, S: 1}, {Y: -m, X: m, S: 2}, {Y: 0, X: -m, S: 1}, {Y: 0, X: m, S: 3},
		{Y: 1, X: 1, S: 1}, {Y: m, X: -m, S: 3}, {Y: m, X: 0, S: 2}, {Y: m, X: m, S: 1}}
	out := [][2]int64{{-m - 1, 0}, {0, -m - 1}, {m + 1, 0}, {0, m + 1}, {math.MinInt64, math.MinInt64}, {math.MaxInt64, math.MaxInt64}}
	for _, c := range in {
		e.SetState(c.Y, c.X, engine.State(c.S))
	}
	for _, c := range out {
		e.SetState(c[0], c[1], 1)
	}
	if got := e.Population().Int64(); got != int64(len(in)) {
		t.Fatalf("population %d, want %d: cells out of reach were set", got, len(in))
	}
	for _, c := range in {
		if s := e.State(c.Y, c.X); s != engine.State(c.S) {
			t.Errorf("cell (%d, %d) in state %d, want %d", c.Y, c.X, s, c.S)
		}
	}
	for _, c := range out {
		if e.Cell(c[0], c[1]) {
			t.Errorf("cell %v out of reach set", c)
		}
	}
	reach := e.Reach()
	if want := (engine.Rect{X: -m, Y: -m, W: math.MaxInt64, H: math.MaxInt64}); reach != want {
		t.Fatalf("reach %+v, want %+v", reach, want)
	}
	if b, ok := e.Bounds(); !ok || b != reach {
		t.Errorf("bounds %+v %v, want the reach %+v", b, ok, reach)
	}
	var got []rulegen.StateCell
	e.VisitStates(reach, func(y, x int64, s engine.State) { got = append(got, rulegen.StateCell{Y: y, X: x, S: uint8(s)}) })
	if !slices.Equal(got, in) {
		t.Errorf("visit of the reach %v, want %v", got, in)
	}
	// CountBlocks counts the cells in state 1.
	for _, k := range []uint{61, 62} {
		if n := live(e, reach, k); n != 4 {
			t.Errorf("k=%d: %d cells in state 1 in the reach, want 4", k, n)
		}
	}
	if n := live(e, engine.Rect{X: m - 63, Y: m - 63, W: 64, H: 64}, 3); n != 1 {
		t.Errorf("%d cells in state 1 in the bottom right corner, want 1", n)
	}
	// Runs reaching past the reach, or past int64, are clipped, not
	// wrapped.
	f := newRule(t, "345/2/4")
	f.SetRun(m, -m, math.MaxInt64)              // the reach's whole row, 2^63-1 cells
	f.SetRun(-m, -m-10, 11)                     // 1 cell
	f.SetRun(5, m-2, math.MaxInt64)             // 3 cells
	f.SetRun(0, math.MinInt64, math.MaxInt64)   // to -2: 2^62-2 cells
	f.SetRun(1, math.MinInt64, 1)               // none
	f.SetRun(2, math.MaxInt64-1, math.MaxInt64) // none
	f.SetState(m, 0, 2)                         // one cell of the long row
	if got, want := f.Population().String(), "13835058055282163713"; got != want {
		t.Errorf("population %s, want %s", got, want)
	}
	if b, ok := f.Bounds(); !ok || b != reach {
		t.Errorf("bounds %+v %v, want the reach %+v", b, ok, reach)
	}
	if s := f.State(m, 0); s != 2 {
		t.Errorf("cell (%d, 0) in state %d, want 2", m, s)
	}
	if s := f.State(m, 1); s != 1 {
		t.Errorf("cell (%d, 1) in state %d, want 1", m, s)
	}
	if got, want := live(f, reach, 62), uint64(13835058055282163712); got != want {
		t.Errorf("%d cells in state 1 in the reach, want %d", got, want)
	}
}

// TestLeavingReach runs Brian's Brain's spaceship out of the reach across
// each of its edges (and the view's out-of-reach column and row, 2^62 from
// the origin): at each step Bounds, VisitStates and CountBlocks agree with
// the cells in reach that State reports, and the population keeps every
// cell.
func TestLeavingReach(t *testing.T) {
	const m = maxReach
	ships := []struct {
		y, x   int64
		cells  []rulegen.StateCell // a 2 x 2 spaceship heading away from the origin
		dy, dx int64
	}{
		{-m + 4, 0, []rulegen.StateCell{{Y: 0, X: 0, S: 1}, {Y: 0, X: 1, S: 1}, {Y: 1, X: 0, S: 2}, {Y: 1, X: 1, S: 2}}, -1, 0},
		{m - 4, 0, []rulegen.StateCell{{Y: 0, X: 0, S: 2}, {Y: 0, X: 1, S: 2}, {Y: 1, X: 0, S: 1}, {Y: 1, X: 1, S: 1}}, 1, 0},
		{0, -m + 4, []rulegen.StateCell{{Y: 0, X: 0, S: 1}, {Y: 1, X: 0, S: 1}, {Y: 0, X: 1, S: 2}, {Y: 1, X: 1, S: 2}}, 0, -1},
		{0, m - 4, []rulegen.StateCell{{Y: 0, X: 0, S: 2}, {Y: 1, X: 0, S: 2}, {Y: 0, X: 1, S: 1}, {Y: 1, X: 1, S: 1}}, 0, 1},
	}
	for _, sh := range ships {
		e := newRule(t, "/2/3")
		for _, c := range sh.cells {
			e.SetState(sh.y+c.Y, sh.x+c.X, engine.State(c.S))
		}
		for gen := 0; gen < 12; gen++ {
			if gen > 0 {
				if err := e.Step(t.Context(), 1); err != nil {
					t.Fatal(err)
				}
			}
			if e.Population().Int64() != 4 {
				t.Fatalf("ship at (%d, %d), generation %d: population %s", sh.y, sh.x, gen, e.Population())
			}
			// The cells in reach, by State, around where the ship is.
			var want []rulegen.StateCell
			var ones uint64
			cy, cx := sh.y+sh.dy*int64(gen), sh.x+sh.dx*int64(gen)
			for y := cy - 3; y <= cy+4; y++ {
				for x := cx - 3; x <= cx+4; x++ {
					if s := e.State(y, x); s != 0 {
						want = append(want, rulegen.StateCell{Y: y, X: x, S: uint8(s)})
						if s == 1 {
							ones++
						}
					}
				}
			}
			if gen == 0 && len(want) != 4 {
				t.Fatalf("ship at (%d, %d): %v set", sh.y, sh.x, want)
			}
			var got []rulegen.StateCell
			e.VisitStates(e.Reach(), func(y, x int64, s engine.State) { got = append(got, rulegen.StateCell{Y: y, X: x, S: uint8(s)}) })
			if !slices.Equal(got, want) {
				t.Fatalf("ship at (%d, %d), generation %d: visit %v, State %v", sh.y, sh.x, gen, got, want)
			}
			if n := live(e, e.Reach(), 62); n != ones {
				t.Fatalf("ship at (%d, %d), generation %d: CountBlocks %d, want %d", sh.y, sh.x, gen, n, ones)
			}
			b, ok := e.Bounds()
			if ok != (len(want) > 0) {
				t.Fatalf("ship at (%d, %d), generation %d: bounds %v, cells in reach %v", sh.y, sh.x, gen, ok, want)
			}
			if !ok {
				continue
			}
			y0, x0, y1, x1 := int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MinInt64), int64(math.MinInt64)
			for _, c := range want {
				y0, y1, x0, x1 = min(y0, c.Y), max(y1, c.Y), min(x0, c.X), max(x1, c.X)
			}
			if wb := (engine.Rect{X: x0, Y: y0, W: x1 - x0 + 1, H: y1 - y0 + 1}); b != wb {
				t.Fatalf("ship at (%d, %d), generation %d: bounds %+v, want %+v", sh.y, sh.x, gen, b, wb)
			}
		}
		if _, ok := e.Bounds(); ok {
			t.Errorf("ship at (%d, %d): still in reach after 12 generations", sh.y, sh.x)
		}
	}
}
