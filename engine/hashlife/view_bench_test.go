package hashlife

import (
	"context"
	"testing"

	"github.com/life-go/life/engine"
)

// BenchmarkViewSoup visits, bounds and counts a 512^2 soup after 200
// generations, as a render or the UI's board does.
func BenchmarkViewSoup(b *testing.B) {
	e := newLife(b, Options{})
	soup(e, 512, 1)
	if err := e.Step(context.Background(), 200); err != nil {
		b.Fatal(err)
	}
	dst := make([]uint64, 256*256)
	for b.Loop() {
		r, _ := e.Bounds()
		n := 0
		e.Visit(r, func(y, x int64) { n++ })
		e.Visit(engine.Rect{X: r.X + 100, Y: r.Y + 100, W: 300, H: 300}, func(y, x int64) { n++ })
		e.CountBlocks(engine.Rect{X: r.X, Y: r.Y, W: 1024, H: 1024}, 2, dst)
	}
}
