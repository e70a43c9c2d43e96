package hashlife

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/bitwise"
)

// TestCrossBitwise checks the engine cell for cell against the bitwise
// engine on a bounded plane large enough that nothing reaches its edges
// (cells spread at most one a generation): random soups in the middle,
// every generation for step size 1, and at every multiple for others.
func TestCrossBitwise(t *testing.T) {
	size, soupSize, gens := int64(512), int64(64), 200
	if testing.Short() || raceEnabled {
		size, soupSize, gens = 160, 24, 60
	}
	for _, text := range []string{"B3/S23", "B36/S23", "B3678/S34678"} {
		t.Run(text, func(t *testing.T) {
			r, err := engine.ParseRule(fmt.Sprintf("%s:P%d,%d", text, size, size))
			if err != nil {
				t.Fatal(err)
			}
			b, err := bitwise.New(r)
			if err != nil {
				t.Fatal(err)
			}
			plane := r
			plane.Topology = engine.Topology{}
			rng := rand.New(rand.NewPCG(7, uint64(len(text))))
			h := size / 2
			var start [][2]int64
			for y := range soupSize {
				for x := range soupSize {
					if rng.Float64() < 0.35 {
						start = append(start, [2]int64{y - soupSize/2, x - soupSize/2})
					}
				}
			}
			for _, c := range start {
				b.SetCell(c[0]+h, c[1]+h, true)
			}
			// The reference: the bitwise engine's cells every generation,
			// moved to the plane's coordinates.
			box := engine.Rect{Y: 0, X: 0, H: size, W: size}
			want := make([][][2]int64, 0, gens+1)
			for gen := 0; gen <= gens; gen++ {
				if gen > 0 {
					if err := b.Step(context.Background(), 1); err != nil {
						t.Fatal(err)
					}
				}
				var cs [][2]int64
				b.Visit(box, func(y, x int64) { cs = append(cs, [2]int64{y - h, x - h}) })
				want = append(want, cs)
			}
			if len(want[0]) == 0 || len(want[gens]) == 0 {
				t.Fatalf("populations %d and %d: nothing to compare", len(want[0]), len(want[gens]))
			}
			for _, n := range []int{1, 5, 32} {
				e, err := New(plane, Options{})
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range start {
					e.SetCell(c[0], c[1], true)
				}
				for gen := 0; gen <= gens; gen += n {
					if gen > 0 {
						if err := e.Step(context.Background(), uint64(n)); err != nil {
							t.Fatal(err)
						}
					}
					got := cells(e, engine.Rect{Y: -h, X: -h, H: size, W: size})
					if !slices.Equal(got, want[gen]) || e.Population().Int64() != int64(len(got)) {
						t.Fatalf("step %d, generation %d: %d cells, want %d", n, gen, len(got), len(want[gen]))
					}
				}
			}
		})
	}
}
