package render

import (
	"image/color"
	"testing"

	"github.com/life-go/life/engine"
)

// TestStateColors checks Golly's default gradients: Generations from red
// (state 1) to yellow (the last state), Larger than Life the other way,
// darkened by a quarter on the light theme; a two-state rule draws Live.
func TestStateColors(t *testing.T) {
	red, yellow := color.RGBA{0xff, 0, 0, 0xff}, color.RGBA{0xff, 0xff, 0, 0xff}
	gen, _ := engine.ParseRule("345/2/4:T8,8")
	if got := StateColors(gen, Dark); len(got) != 3 || got[0] != red || got[1] != (color.RGBA{0xff, 0x80, 0, 0xff}) || got[2] != yellow {
		t.Errorf("Generations, 4 states: %v", got)
	}
	ltl, _ := engine.ParseRule("R2,C3,M1,S3..5,B3..4,NM:T8,8")
	if got := StateColors(ltl, Dark); len(got) != 2 || got[0] != yellow || got[1] != red {
		t.Errorf("Larger than Life, 3 states: %v", got)
	}
	if got := StateColors(gen, Light); got[2] != (color.RGBA{0xbf, 0xbf, 0, 0xff}) {
		t.Errorf("light theme: %v, want yellow darkened by a quarter", got)
	}
	if got := StateColors(engine.Life, Dark); len(got) != 1 || got[0] != Dark.Live {
		t.Errorf("Life: %v", got)
	}
}

// TestImageStates draws cells of three states on the protocol engine and
// checks that each pixel takes its state's colour.
func TestImageStates(t *testing.T) {
	r, _ := engine.ParseRule("345/2/4:T8,8")
	e, err := engine.NewProtocolStates(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	for x := range 3 {
		e.SetState(0, int64(x), engine.State(x+1))
	}
	img, err := Image(e, engine.Rect{W: 4, H: 1}, PixelsPerCell(1), Dark)
	if err != nil {
		t.Fatal(err)
	}
	want := append([]color.RGBA{Dark.Dead}, StateColors(r, Dark)...)
	for x, s := range []int{1, 2, 3, 0} {
		if got := img.At(x, 0); got != want[s] {
			t.Errorf("pixel %d (state %d): %v, want %v", x, s, got, want[s])
		}
	}
}
