package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	_ "github.com/life-go/life/engine/states"
)

// TestBoardStates draws a Generations universe (a cell in each of states 1,
// 2 and 3 of 345/2/4) at one cell a character and at half blocks, in
// colour and with NO_COLOR, and checks each cell's character and colour:
// Golly's red-to-yellow gradient, state 1 red, the last yellow; full block,
// dark and light shades without colour.
func TestBoardStates(t *testing.T) {
	r, err := engine.ParseRule("345/2/4:T8,4")
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine.New("generations", r, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	se := e.(engine.StateEngine)
	se.SetState(0, 0, 1)
	se.SetState(0, 1, 2)
	se.SetState(0, 2, 3)
	se.SetState(1, 0, 3)
	colors := stateColors(r)
	if len(colors) != 3 || colors[0] != tcell.NewRGBColor(0xff, 0, 0) || colors[2] != tcell.NewRGBColor(0xff, 0xff, 0) {
		t.Fatalf("colours %v, want red to yellow", colors)
	}
	for _, noColor := range []bool{false, true} {
		sim := newSim(t, 8, 4)
		b := NewBoard(noColor)
		b.SetRect(0, 0, 8, 4)
		b.SetSnapshot(snapOf(e))
		b.SetScale(ScaleSingle)
		b.SetCentre(2, 4)
		b.Draw(sim)
		sim.Show()
		for x, want := range []engine.State{1, 2, 3, 0} {
			str, style, _ := sim.Get(x, 0)
			fg, _, _ := style.Decompose()
			switch {
			case want == 0 && str != " ":
				t.Errorf("noColor %v: dead cell drawn %q", noColor, str)
			case want != 0 && !noColor && (str != "█" || fg != colors[want-1]):
				t.Errorf("state %d drawn %q in %v, want a block in %v", want, str, fg, colors[want-1])
			case want != 0 && noColor && str != ageGlyph(want, 4):
				t.Errorf("NO_COLOR: state %d drawn %q, want %q", want, str, ageGlyph(want, 4))
			}
		}
		if noColor && (ageGlyph(1, 4) == ageGlyph(2, 4) || ageGlyph(2, 4) == ageGlyph(3, 4)) {
			t.Errorf("NO_COLOR glyphs not distinct: %q %q %q", ageGlyph(1, 4), ageGlyph(2, 4), ageGlyph(3, 4))
		}
		// Half blocks: (0, 0) state 1 over (1, 0) state 3.
		b.SetScale(ScaleHalf)
		b.Draw(sim)
		sim.Show()
		found := false
		for sy := range 4 {
			for sx := range 8 {
				if y, x, ok := b.CellAt(sx, sy); !ok || y != 0 || x != 0 {
					continue
				}
				found = true
				str, style, _ := sim.Get(sx, sy)
				fg, bg, _ := style.Decompose()
				if !noColor && (str != "▀" || fg != colors[0] || bg != colors[2]) {
					t.Errorf("half block %q fg %v bg %v, want ▀ in state 1's colour over state 3's", str, fg, bg)
				}
				if noColor && str != "█" {
					t.Errorf("NO_COLOR half block %q, want █", str)
				}
			}
		}
		if !found {
			t.Error("cell (0, 0) is not on the screen at half blocks")
		}
		sim.Fini()
	}
	if got := ruleLabel(r); got != "345/2/4:T8,4 (Generations, 4 states)" {
		t.Errorf("status bar rule %q", got)
	}
}

// stateCells returns the cells of the UI's engine not in state 0, with
// their states, as "y,x=s" row by row.
func stateCells(h *harness) string {
	var s strings.Builder
	h.do(func(u *controller) {
		if box, ok := u.cur.Eng.Bounds(); ok {
			engine.VisitStatesOf(u.cur.Eng, box, func(y, x int64, st engine.State) { fmt.Fprintf(&s, "%d,%d=%d ", y, x, st) })
		}
	})
	return s.String()
}

// TestRulePromptStates gives a glider on the plane rules of many states at
// the R prompt: Brian's Brain runs on ghash (the registry's choice for
// Generations on the plane), the status bar names the family and states,
// and n steps it as the generations engine does; then a Larger than Life
// rule moves the cells to the ltl engine, and back to Life to sparse.
func TestRulePromptStates(t *testing.T) {
	glider := rle(t, "x = 3, y = 3\nbo$2bo$3o!\n")
	h := start(t, 60, 20, Options{Pattern: glider, Settings: planeSettings, Engines: engine.Algos()})
	h.press(' ')
	h.idle()
	h.press('r')
	before := stateCells(h)
	f := h.press('R', tcell.KeyCtrlU, "/2/3", tcell.KeyEnter)
	if f.rule != "/2/3 (Generations, 3 states)" || f.engine != "ghash" || stateCells(h) != before {
		t.Fatalf("R /2/3: rule %s on %s, cells %s (were %s), screen:\n%s", f.rule, f.engine, stateCells(h), before, f.text)
	}
	// The generations engine steps the same cells for the expected ones.
	r, _ := engine.ParseRule("/2/3")
	ref, err := engine.New("generations", r, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h.do(func(u *controller) {
		if box, ok := u.cur.Eng.Bounds(); ok {
			engine.VisitStatesOf(u.cur.Eng, box, func(y, x int64, s engine.State) { engine.SetStateOf(ref, y, x, s) })
		}
	})
	for g := 1; g <= 3; g++ {
		h.press('n')
		f = h.idle()
		if err := ref.Step(t.Context(), 1); err != nil {
			t.Fatal(err)
		}
		var want strings.Builder
		if box, ok := ref.Bounds(); ok {
			engine.VisitStatesOf(ref, box, func(y, x int64, st engine.State) { fmt.Fprintf(&want, "%d,%d=%d ", y, x, st) })
		}
		if got := stateCells(h); got != want.String() || f.pop != ref.Population().String() {
			t.Fatalf("n %d: pop %s, cells %s, want pop %s, cells %s", g, f.pop, got, ref.Population(), want.String())
		}
	}
	f = h.press('R', tcell.KeyCtrlU, "R2,C3,M1,S2..5,B3..4,NM", tcell.KeyEnter)
	if f.rule != "R2,C3,M1,S2..5,B3..4,NM (Larger than Life, 3 states)" || f.engine != "ltl" {
		t.Errorf("R R2,C3,...: rule %s on %s, screen:\n%s", f.rule, f.engine, f.text)
	}
	f = h.press('R', tcell.KeyCtrlU, "B3/S23", tcell.KeyEnter)
	if f.rule != "B3/S23" || f.engine != "sparse" {
		t.Errorf("R B3/S23: rule %s on %s", f.rule, f.engine)
	}
}

// TestBoardStatesZoomed draws a Generations universe zoomed out, in
// braille and in blocks of 4 x 4 cells (4 x 8 a character), in colour and
// with NO_COLOR: a character holding live cells and an older one, and one
// holding only older cells. In braille every cell not in state 0 is a
// dot, the character in the colour of the youngest state in it; in blocks
// the shade counts the live cells (three of 32: ▒), and a character of
// older cells only shows the lightest shade in its youngest state's
// colour.
// With NO_COLOR the glyphs are the same and a character without a live
// cell is dim.
func TestBoardStatesZoomed(t *testing.T) {
	r, err := engine.ParseRule("345/2/4:T64,64")
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine.New("generations", r, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Character A, cells (0..3, 0..1) in braille, (0..7, 0..3) in
	// blocks: state 1 at (0, 0), (0, 1) and (1, 0), 3 at (1, 1).
	// Character B, cells (0..3, 4..5), (0..7, 4..7) in blocks: state 2
	// at (2, 4), 3 at (3, 5).
	for _, c := range []struct {
		y, x int64
		s    engine.State
	}{{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 3}, {2, 4, 2}, {3, 5, 3}} {
		engine.SetStateOf(e, c.y, c.x, c.s)
	}
	colors := stateColors(r)
	type want struct {
		str string
		fg  tcell.Color
		dim bool
	}
	cases := []struct {
		scale Scale
		a, b  want
	}{
		{ScaleBraille, want{glyphs.braille[15], colors[0], false}, want{glyphs.braille[16|128], colors[1], true}},
		{BlockScale(2), want{"▒", colors[0], false}, want{"░", colors[1], true}},
	}
	for _, noColor := range []bool{false, true} {
		for _, c := range cases {
			sim := newSim(t, 20, 10)
			b := NewBoard(noColor)
			b.SetRect(0, 0, 20, 10)
			b.SetSnapshot(snapOf(e))
			b.SetScale(c.scale)
			b.SetCentre(16, 16)
			b.Draw(sim)
			sim.Show()
			seen := 0
			for sy := range 10 {
				for sx := range 20 {
					y, x, ok := b.CellAt(sx, sy)
					if !ok || y != 0 || x != 0 && x != 4 {
						if str, _, _ := sim.Get(sx, sy); ok && y >= 0 && y < 64 && x >= 0 && x < 64 && strings.TrimSpace(str) != "" && str != glyphs.braille[0] {
							t.Errorf("%s noColor %v: cell (%d, %d) drawn %q, want nothing", c.scale, noColor, y, x, str)
						}
						continue
					}
					seen++
					w := c.a
					if x == 4 {
						w = c.b
					}
					str, style, _ := sim.Get(sx, sy)
					fg, _, attr := style.Decompose()
					if str != w.str {
						t.Errorf("%s noColor %v: the character of (0, %d) is %q, want %q", c.scale, noColor, x, str, w.str)
					}
					if !noColor && fg != w.fg {
						t.Errorf("%s: the character of (0, %d) is in %v, want %v", c.scale, x, fg, w.fg)
					}
					if noColor && (attr&tcell.AttrDim != 0) != w.dim {
						t.Errorf("%s NO_COLOR: the character of (0, %d) dim %v, want %v", c.scale, x, attr&tcell.AttrDim != 0, w.dim)
					}
					if noColor && fg != tcell.ColorDefault {
						t.Errorf("%s NO_COLOR: the character of (0, %d) in %v", c.scale, x, fg)
					}
				}
			}
			if seen != 2 {
				t.Errorf("%s: %d of the two characters on the screen", c.scale, seen)
			}
			sim.Fini()
		}
	}
}
