package render

import (
	"bytes"
	"context"
	"image"
	"image/color"
	draw2 "image/draw"
	"image/gif"
	"strings"
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

// TestSVGStates draws cells of three states and checks the paths: one a
// state in a row, each in its state's colour, runs of one state merged.
func TestSVGStates(t *testing.T) {
	r, _ := engine.ParseRule("345/2/4:T8,8")
	e, err := engine.NewProtocolStates(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Row 0: states 1 1 2 . 1; row 1: 3.
	for x, s := range []engine.State{1, 1, 2, 0, 1} {
		e.SetState(0, int64(x), s)
	}
	e.SetState(1, 0, 3)
	var b strings.Builder
	if err := SVG(&b, e, engine.Rect{W: 5, H: 2}, PixelsPerCell(1), Dark); err != nil {
		t.Fatal(err)
	}
	c := StateColors(r, Dark)
	want := `<svg xmlns="http://www.w3.org/2000/svg" width="5" height="2" viewBox="0 0 5 2" shape-rendering="crispEdges">
<rect width="5" height="2" fill="` + hex(Dark.Dead) + `"/>
<path fill="` + hex(c[0]) + `" d="M0 0h2v1h-2zM4 0h1v1h-1z"/>
<path fill="` + hex(c[1]) + `" d="M2 0h1v1h-1z"/>
<path fill="` + hex(c[2]) + `" d="M0 1h1v1h-1z"/>
</svg>
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestGIFStates records two frames of Brian's Brain and decodes them: each
// pixel has its state's colour, and the second frame, a delta, agrees with
// the engine too once laid over the first.
func TestGIFStates(t *testing.T) {
	for _, text := range []string{"/2/3:T8,8", "/2/256:T8,8"} {
		r, _ := engine.ParseRule(text)
		e, err := engine.NewProtocolStates(r, nil)
		if err != nil {
			t.Fatal(err)
		}
		e.SetState(2, 2, 1)
		e.SetState(2, 3, 1)
		e.SetState(3, 3, 2)
		view := engine.Rect{W: 8, H: 8}
		g, err := NewGIF(view, PixelsPerCell(1), Dark)
		if err != nil {
			t.Fatal(err)
		}
		var want [2][64]engine.State
		for f := range 2 {
			if err := g.Add(e); err != nil {
				t.Fatal(err)
			}
			for y := range 8 {
				for x := range 8 {
					want[f][y*8+x] = e.State(int64(y), int64(x))
				}
			}
			if err := e.Step(context.Background(), 1); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := g.Encode(&buf); err != nil {
			t.Fatal(err)
		}
		anim, err := gif.DecodeAll(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if len(anim.Image) != 2 {
			t.Fatalf("%s: %d frames, want 2", text, len(anim.Image))
		}
		colors := append([]color.RGBA{Dark.Dead}, StateColors(r, Dark)...)
		canvas := image.NewRGBA(image.Rect(0, 0, 8, 8))
		for f, img := range anim.Image {
			draw2.Draw(canvas, img.Bounds(), img, img.Bounds().Min, draw2.Over)
			for i, s := range want[f] {
				if got := color.RGBAModel.Convert(canvas.At(i%8, i/8)); got != colors[s] {
					t.Errorf("%s: frame %d, cell (%d, %d) in state %d: %v, want %v", text, f, i/8, i%8, s, got, colors[s])
				}
			}
		}
	}
}
