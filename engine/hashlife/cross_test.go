package hashlife

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/grid"
)

// TestCrossProtocol checks the engine cell for cell against the seed's
// step logic run synchronously (engine.LiveAGeneration) on a torus large
// enough that nothing wraps: random soups in the middle of it, every
// generation for step size 1, and at every multiple for larger steps, for
// rules of every family, with B0 (run as Golly emulates it) among them.
func TestCrossProtocol(t *testing.T) {
	size, soup, gens := 192, 24, 48
	seeds := 3
	if testing.Short() || raceEnabled {
		size, soup, gens, seeds = 96, 12, 24, 2
	}
	rules := []string{"B3/S23", "B36/S23", "B2/S", "B3678/S34678", "B1/S012345678", "B35678/S5678",
		"B2-a/S12", "B3-kq4j/S2-n36c", "B2/S34H", "B2/S013V", "W30", "W110", "B03/S23", "B0123478/S01234678",
		"B0124-k/S1c25", "B0/S12H", "MAPARYXfhZofugWaH7oaIDogBZofuhogOiAaIDogIAAgAAWaH7oaIDogGiA6ICAAIAAaIDogIAAgACAAIAAAAAAAA",
		"MAPfmUsvqYCDu/aYphuaP9WV9", "MAPH3+bXw"}
	for i, text := range rules {
		for seed := range seeds {
			if i >= 6 && seed > 0 {
				break // one soup for each of the other families' rules
			}
			t.Run(fmt.Sprintf("%s/seed%d", text, seed), func(t *testing.T) {
				r, err := engine.ParseRule(text)
				if err != nil {
					t.Fatal(err)
				}
				rng := rand.New(rand.NewPCG(uint64(seed), 6))
				g, err := grid.New(size, size)
				if err != nil {
					t.Fatal(err)
				}
				off := (size - soup) / 2
				for y := range soup {
					for x := range soup {
						if rng.Float64() < 0.35 {
							g.Assign(off+y, off+x, true)
						}
					}
				}
				// The reference: every generation on the torus.
				want := []*grid.Torus{g}
				for gen := range gens {
					step := engine.StepCell(r.Phase(gen%2 == 1))
					next, err := engine.LiveAGeneration(want[len(want)-1], step)
					if err != nil {
						t.Fatal(err)
					}
					want = append(want, next)
				}
				for _, n := range []uint64{1, 2, 3, 4, 7, 16} {
					e, err := New(r, Options{})
					if err != nil {
						t.Fatal(err)
					}
					h := int64(size / 2)
					for y, x := range g.Live() {
						e.SetCell(int64(y)-h, int64(x)-h, true)
					}
					start := uint64(0)
					if n == 7 && r.Alternates() {
						// From an odd generation.
						start = 1
						e.Step(context.Background(), 1)
					}
					for gen := start; gen <= uint64(gens); gen += n {
						if gen > start {
							if err := e.Step(context.Background(), n); err != nil {
								t.Fatal(err)
							}
						}
						if err := sameCells(e, want[gen], h); err != nil {
							t.Fatalf("step %d, generation %d: %v", n, gen, err)
						}
					}
				}
			})
		}
	}
}

// sameCells reports how e, whose origin is the torus cell (h, h), differs
// from torus g.
func sameCells(e *Engine, g *grid.Torus, h int64) error {
	if got, want := e.Population().Int64(), int64(g.Population()); got != want {
		return fmt.Errorf("population %d, want %d", got, want)
	}
	var err error
	e.Visit(engine.Rect{X: -h, Y: -h, W: 2 * h, H: 2 * h}, func(y, x int64) {
		if err == nil && !g.Query(int(y+h), int(x+h)) {
			err = fmt.Errorf("cell (%d, %d) alive, want dead", y+h, x+h)
		}
	})
	if err != nil {
		return err
	}
	for y, x := range g.Live() {
		if !e.Cell(int64(y)-h, int64(x)-h) {
			return fmt.Errorf("cell (%d, %d) dead, want alive", y, x)
		}
	}
	return nil
}
