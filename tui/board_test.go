package tui

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// gunWorld returns a Gosper glider gun run gens generations on a w x h
// torus, its top-left corner at (y, x).
func gunWorld(t testing.TB, w, h int, y, x int64, gens uint64) engine.Engine {
	t.Helper()
	e, ok := patterns.Lookup("gosper-glider-gun")
	if !ok {
		t.Fatal("no built-in gosper-glider-gun")
	}
	return place(t, e.Pattern(), engine.Rule{Birth: engine.Life.Birth, Survive: engine.Life.Survive, Topology: engine.TorusOf(w, h)}, y, x, gens)
}

// place returns p with its top-left corner at (y, x) on a protocol engine
// for r, run gens generations.
func place(t testing.TB, p *patterns.Pattern, r engine.Rule, y, x int64, gens uint64) engine.Engine {
	t.Helper()
	e, err := engine.NewProtocol(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.Cells(func(cy, cx int64) { e.SetCell(y+cy, x+cx, true) })
	if err := e.Step(t.Context(), gens); err != nil {
		t.Fatal(err)
	}
	return e
}

func snapOf(e engine.Engine) *Snapshot {
	return &Snapshot{Eng: e, Gen: e.Generation(), Pop: e.Population()}
}

// TestBoardScales draws one universe at every kind of scale onto a
// simulation screen and compares the screens with the golden ones. The
// universe is a glider gun after 60 generations on a 64 x 40 torus, so that
// the view shows the edges of a bounded universe too.
func TestBoardScales(t *testing.T) {
	e := gunWorld(t, 64, 40, 4, 2, 60)
	for _, s := range []Scale{ScaleDouble, ScaleSingle, ScaleHalf, ScaleBraille, BlockScale(2), BlockScale(3)} {
		t.Run(strings.ReplaceAll(s.String(), "/", "-"), func(t *testing.T) {
			sim := newSim(t, 48, 14)
			defer sim.Fini()
			b := NewBoard(true)
			b.SetRect(0, 0, 48, 14)
			b.SetSnapshot(snapOf(e))
			b.SetScale(s)
			b.SetCentre(10, 20)
			if s > ScaleHalf {
				b.SetCentre(20, 32)
			}
			b.Draw(sim)
			sim.Show()
			golden(t, "board-"+strings.NewReplacer("/", "-", " ", "-", ":", "").Replace(s.String()), screenText(sim))
		})
	}
}

// TestBoardCursor checks that the edit cursor reverses the character that
// holds its cell.
func TestBoardCursor(t *testing.T) {
	e := gunWorld(t, 64, 40, 4, 2, 0)
	sim := newSim(t, 20, 10)
	defer sim.Fini()
	b := NewBoard(true)
	b.SetRect(0, 0, 20, 10)
	b.SetSnapshot(snapOf(e))
	b.SetScale(ScaleSingle)
	b.SetCentre(5, 10)
	b.SetCursor(true, 5, 10)
	b.Draw(sim)
	sim.Show()
	y, x, ok := b.CellAt(10, 5)
	if !ok || y != 5 || x != 10 {
		t.Fatalf("CellAt(10, 5) = %d, %d, %v, want 5, 10, true", y, x, ok)
	}
	_, _, style, _ := sim.GetContent(10, 5)
	if _, _, attrs := style.Decompose(); attrs&tcell.AttrReverse == 0 {
		t.Errorf("the cursor's character is not reversed: attrs %v", attrs)
	}
}

// TestBoardTiny draws on boards down to nothing: no panic, nothing drawn
// outside the board.
func TestBoardTiny(t *testing.T) {
	e := gunWorld(t, 64, 40, 4, 2, 0)
	for _, s := range []Scale{ScaleDouble, ScaleBraille, BlockScale(5), MaxScale} {
		for _, size := range [][2]int{{0, 0}, {1, 1}, {1, 3}, {3, 1}} {
			sim := newSim(t, 4, 4)
			b := NewBoard(false)
			b.SetRect(0, 0, size[0], size[1])
			b.SetSnapshot(snapOf(e))
			b.SetScale(s)
			b.Draw(sim)
			sim.Show()
			cells, w, _ := sim.GetContents()
			for i, c := range cells {
				if x, y := i%w, i/w; (x >= size[0] || y >= size[1]) && len(c.Runes) > 0 && c.Runes[0] != ' ' {
					t.Errorf("scale %v, board %v: drew %q at (%d, %d), outside the board", s, size, c.Runes, x, y)
				}
			}
			sim.Fini()
		}
	}
}

// TestBoardFit checks that Fit picks the finest scale that shows the box.
func TestBoardFit(t *testing.T) {
	b := NewBoard(true)
	b.SetRect(0, 0, 40, 10)
	for _, c := range []struct {
		w, h int64
		want Scale
	}{
		{20, 10, ScaleDouble},
		{40, 10, ScaleSingle},
		{40, 20, ScaleHalf},
		{80, 40, ScaleBraille},
		{160, 40, BlockScale(2)},
		{1 << 20, 1 << 20, BlockScale(16)},
	} {
		b.Fit(engine.Rect{W: c.w, H: c.h})
		if b.Scale() != c.want {
			t.Errorf("Fit(%d x %d) = %v, want %v", c.w, c.h, b.Scale(), c.want)
		}
	}
}

// TestStatusBar compares a status bar with its golden screen.
func TestStatusBar(t *testing.T) {
	sim := newSim(t, 120, 2)
	defer sim.Fini()
	s := newStatusBar(true)
	s.SetRect(0, 0, 120, 2)
	pops := []int64{5, 6, 7, 9, 12, 15, 14, 20, 25, 31, 28, 40, 37, 33, 30}
	s.set(status{running: true, gen: "1103", pop: "116", rule: "B3/S23:T120,76", engine: "protocol",
		step: "step 10^0", rate: "812 gen/s", scale: ScaleHalf.String(), pops: pops, msg: "still life at gen 1103"})
	s.Draw(sim)
	sim.Show()
	golden(t, "status", screenText(sim))
}

// TestReadable checks how the status bar writes numbers: in full with
// commas up to 15 digits, then with four significant digits.
func TestReadable(t *testing.T) {
	for _, c := range []struct{ n, want string }{
		{"0", "0"},
		{"7", "7"},
		{"999", "999"},
		{"1000", "1,000"},
		{"-1234567", "-1,234,567"},
		{"1000000000000", "1,000,000,000,000"},
		{"999999999999999", "999,999,999,999,999"},
		{"1000000000000000", "1.000e15"},
		{"1302999999999999999999", "1.302e21"},
		{"-98765432109876543210", "-9.876e19"},
	} {
		n, _ := new(big.Int).SetString(c.n, 10)
		if got := readable(n); got != c.want {
			t.Errorf("readable(%s) = %q, want %q", c.n, got, c.want)
		}
	}
}

// TestSparkline checks the sparkline's scaling and width.
func TestSparkline(t *testing.T) {
	for _, c := range []struct {
		pops  []int64
		width int
		want  string
	}{
		{nil, 5, ""},
		{[]int64{1, 2, 3}, 0, ""},
		{[]int64{0, 1 << 61, math.MaxInt64}, 3, "▁▂█"},
		{[]int64{4, 4, 4}, 5, "▄▄▄"},
		{[]int64{0, 7, 14}, 5, "▁▄█"},
		{[]int64{0, 1, 2, 3, 4, 5, 6, 7}, 4, "▁▃▅█"},
	} {
		if got := sparkline(c.pops, c.width); got != c.want {
			t.Errorf("sparkline(%v, %d) = %q, want %q", c.pops, c.width, got, c.want)
		}
	}
}

// BenchmarkBoardBraille redraws a full 200 x 60 board at braille scale (400
// x 240 cells in view) over a busy universe: a 400 x 240 torus a third
// alive. The target is under 5 ms an op.
func BenchmarkBoardBraille(b *testing.B) {
	r := engine.Rule{Birth: engine.Life.Birth, Survive: engine.Life.Survive, Topology: engine.TorusOf(400, 240)}
	e, err := engine.NewProtocol(r, nil)
	if err != nil {
		b.Fatal(err)
	}
	for y := int64(0); y < 240; y++ {
		for x := int64(0); x < 400; x++ {
			e.SetCell(y, x, (y*7+x*13)%3 == 0)
		}
	}
	sim := newSim(b, 200, 60)
	defer sim.Fini()
	board := NewBoard(false)
	board.SetRect(0, 0, 200, 60)
	board.SetSnapshot(&Snapshot{Eng: e, Gen: new(big.Int), Pop: e.Population()})
	board.SetScale(ScaleBraille)
	board.SetCentre(120, 200)
	b.ResetTimer()
	for b.Loop() {
		board.Draw(sim)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/frame")
}

// BenchmarkBoardZoomedOut redraws a full 200 x 60 board at 1:16x16 over the
// same kind of universe, from block counts.
func BenchmarkBoardZoomedOut(b *testing.B) {
	r := engine.Rule{Birth: engine.Life.Birth, Survive: engine.Life.Survive, Topology: engine.TorusOf(3200, 960)}
	e, err := engine.NewProtocol(r, nil)
	if err != nil {
		b.Fatal(err)
	}
	for y := int64(0); y < 960; y++ {
		for x := int64(0); x < 3200; x++ {
			e.SetCell(y, x, (y*7+x*13)%3 == 0)
		}
	}
	sim := newSim(b, 200, 60)
	defer sim.Fini()
	board := NewBoard(false)
	board.SetRect(0, 0, 200, 60)
	board.SetSnapshot(&Snapshot{Eng: e, Gen: new(big.Int), Pop: e.Population()})
	board.SetScale(BlockScale(4))
	board.SetCentre(480, 1600)
	for b.Loop() {
		board.Draw(sim)
	}
}

// TestShade checks the zoomed-out shading's steps.
func TestShade(t *testing.T) {
	for _, c := range []struct {
		d    float64
		want int
	}{{0, 0}, {1.0 / 256, 1}, {1.0 / 16, 1}, {0.1, 2}, {1.0 / 8, 2}, {0.2, 3}, {0.25, 3}, {0.3, 4}, {1, 4}} {
		if got := shade(c.d); got != c.want {
			t.Errorf("shade(%g) = %d, want %d", c.d, got, c.want)
		}
	}
}
