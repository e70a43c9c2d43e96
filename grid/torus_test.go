package grid

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestNewRejectsBadSizes(t *testing.T) {
	for _, tc := range []struct {
		w, h int
		msg  string
	}{
		{0, 5, "bad grid size: 0 x 5: both sides must be at least 1"},
		{5, -1, "bad grid size: 5 x -1: both sides must be at least 1"},
		{1 << 20, 1 << 20, "bad grid size: 1048576 x 1048576 is more than the limit of 17179869184 cells"},
		{MaxCells + 1, 1, "bad grid size: 17179869185 x 1 is more than the limit of 17179869184 cells"},
	} {
		_, err := New(tc.w, tc.h)
		if !errors.Is(err, ErrSize) || err.Error() != tc.msg {
			t.Errorf("New(%d, %d) = %v, want %q", tc.w, tc.h, err, tc.msg)
		}
	}
	if _, err := New(1, 1); err != nil {
		t.Errorf("New(1, 1): %v", err)
	}
}

func TestWrapIsPythonModulo(t *testing.T) {
	g, _ := New(5, 3)
	g.Assign(0, 0, true)
	for _, c := range [][2]int{{0, 0}, {3, 5}, {-3, -5}, {300, 500}, {-3000, 5}, {3, -1000000000}} {
		if !g.Query(c[0], c[1]) {
			t.Errorf("Query(%d, %d) = false, want the wrapped (0, 0)", c[0], c[1])
		}
	}
	g.Assign(-1, -1, true) // bottom-right
	if !g.Query(2, 4) || g.Population() != 2 {
		t.Errorf("Assign(-1, -1) did not set (2, 4):\n%v", g)
	}
	if Mod(-7, 3) != 2 || Mod(7, 3) != 1 || Mod(-3, 3) != 0 {
		t.Error("Mod is not Python's modulo")
	}
}

func TestPopulationBoundsLiveEqualClone(t *testing.T) {
	g, err := Parse(`
		------
		--*---
		------
		-----*`)
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Population(); got != 2 {
		t.Errorf("Population = %d, want 2", got)
	}
	if r, ok := g.Bounds(); !ok || r != (Rect{X: 2, Y: 1, W: 4, H: 3}) {
		t.Errorf("Bounds = %v %v, want {2 1 4 3}", r, ok)
	}
	var live [][2]int
	for y, x := range g.Live() {
		live = append(live, [2]int{y, x})
	}
	if want := [][2]int{{1, 2}, {3, 5}}; !slices.Equal(live, want) {
		t.Errorf("Live = %v, want %v", live, want)
	}
	c := g.Clone()
	if !c.Equal(g) {
		t.Error("clone differs")
	}
	c.Assign(0, 0, true)
	if c.Equal(g) || g.Query(0, 0) {
		t.Error("clone shares memory with the original")
	}
	other, _ := New(6, 5)
	if other.Equal(g) {
		t.Error("grids of different sizes are equal")
	}
	g.Clear()
	if _, ok := g.Bounds(); ok || g.Population() != 0 {
		t.Error("Clear left cells alive")
	}
}

// TestPackingEdges checks the words at widths around 64, where the packing
// changes: padding bits stay zero and every cell is its own.
func TestPackingEdges(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, w := range []int{1, 63, 64, 65, 127, 128, 129} {
		g, _ := New(w, 3)
		want := map[[2]int]bool{}
		for range 200 {
			y, x := r.IntN(3), r.IntN(w)
			alive := r.IntN(2) == 0
			g.Assign(y, x, alive)
			want[[2]int{y, x}] = alive
		}
		n := 0
		for k, alive := range want {
			if g.Query(k[0], k[1]) != alive {
				t.Fatalf("w=%d: cell %v = %v, want %v", w, k, !alive, alive)
			}
			if alive {
				n++
			}
		}
		if g.Population() != n {
			t.Errorf("w=%d: population %d, want %d (padding bits set?)", w, g.Population(), n)
		}
	}
}

func TestStringParseRoundTrip(t *testing.T) {
	const s = "-*-\n--*\n***\n"
	g, err := Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	if g.String() != s {
		t.Errorf("String = %q, want %q", g.String(), s)
	}
	if _, err := Parse("-*\n---\n"); err == nil || err.Error() != "grid: row 2 has 3 cells, want 2" {
		t.Errorf("ragged rows: %v", err)
	}
	if _, err := Parse("-x\n"); err == nil || err.Error() != `grid: row 1 column 2: unexpected 'x', want '*' or '-'` {
		t.Errorf("bad character: %v", err)
	}
}
