package render_test

import (
	"bytes"
	"context"
	"fmt"
	"image/gif"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/render"
)

// A glider on an 8 x 8 torus, drawn at 4 pixels a cell.
func ExamplePNG() {
	r := engine.Life
	r.Topology = engine.TorusOf(8, 8)
	eng, _ := engine.NewProtocol(r, nil)
	for _, c := range [][2]int64{{0, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}} {
		eng.SetCell(c[0], c[1], true)
	}
	var b bytes.Buffer
	if err := render.PNG(&b, eng, engine.Rect{W: 8, H: 8}, render.PixelsPerCell(4), render.Light); err != nil {
		fmt.Println(err)
	}
	fmt.Println(b.Len() > 0)
	// Output: true
}

// The glider's next 8 generations as an animation, as the UI's G key
// records them.
func ExampleGIF() {
	r := engine.Life
	r.Topology = engine.TorusOf(8, 8)
	eng, _ := engine.NewProtocol(r, nil)
	for _, c := range [][2]int64{{0, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}} {
		eng.SetCell(c[0], c[1], true)
	}
	g, err := render.NewGIF(engine.Rect{W: 8, H: 8}, render.PixelsPerCell(4), render.Dark)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range 9 {
		if i > 0 {
			eng.Step(context.Background(), 1)
		}
		g.Add(eng)
	}
	var b bytes.Buffer
	g.Encode(&b)
	a, _ := gif.DecodeAll(&b)
	fmt.Println(len(a.Image), "frames of", a.Config.Width, "x", a.Config.Height)
	// Output: 9 frames of 32 x 32
}
