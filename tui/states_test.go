package tui

import (
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
