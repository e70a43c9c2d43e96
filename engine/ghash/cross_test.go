package ghash_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/ghash"
	"github.com/life-go/life/engine/rulegen"
	_ "github.com/life-go/life/engine/states"
)

// stateCells returns e's cells not in state 0, row by row.
func stateCells(e engine.Engine) []rulegen.StateCell {
	var cells []rulegen.StateCell
	if box, ok := e.Bounds(); ok {
		engine.VisitStatesOf(e, box, func(y, x int64, s engine.State) {
			cells = append(cells, rulegen.StateCell{Y: y, X: x, S: uint8(s)})
		})
	}
	return cells
}

// load puts the soup cells, of a w x h box, with its top-left corner at
// (y0, x0), into each engine.
func load(cells []rulegen.StateCell, y0, x0 int64, es ...engine.Engine) {
	for _, e := range es {
		for _, c := range cells {
			engine.SetStateOf(e, y0+c.Y, x0+c.X, engine.State(c.S))
		}
	}
}

// same reports where engines a and b differ: generation, population,
// bounds and the cells with their states.
func same(a, b engine.Engine) error {
	if a.Generation().Cmp(b.Generation()) != 0 {
		return fmt.Errorf("generations %s and %s", a.Generation(), b.Generation())
	}
	if a.Population().Cmp(b.Population()) != 0 {
		return fmt.Errorf("generation %s: populations %s and %s", a.Generation(), a.Population(), b.Population())
	}
	ba, oka := a.Bounds()
	bb, okb := b.Bounds()
	if oka != okb || oka && ba != bb {
		return fmt.Errorf("generation %s: bounds %v and %v", a.Generation(), ba, bb)
	}
	ca, cb := stateCells(a), stateCells(b)
	if !slices.Equal(ca, cb) {
		return fmt.Errorf("generation %s: the cells differ (%d and %d)", a.Generation(), len(ca), len(cb))
	}
	return nil
}

// TestAgainstGenerations runs random Generations rules of every family
// they build on, 2 to 256 states, from random soups of many states placed
// near the origin or far from it, on ghash and on the generations engine
// (its window on the plane, a generation at a time, itself checked against
// bgolly), in steps of random sizes and of powers of two, and compares
// populations, bounds and the cells with their states after each step.
func TestAgainstGenerations(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 20))
	n := 6
	if testing.Short() || raceEnabled {
		n = 2
	}
	ctx := context.Background()
	for _, f := range rulegen.GenerationsFamilies {
		for range n {
			text := rulegen.Generations(rng, f, rulegen.States(rng, 256))
			r, err := engine.ParseRule(text)
			if err != nil {
				t.Fatalf("%s: %v", text, err)
			}
			g, err := ghash.New(r, ghash.Options{})
			if err != nil {
				t.Fatal(err)
			}
			ref, err := engine.New("generations", r, engine.Options{})
			if err != nil {
				t.Fatal(err)
			}
			w, h := 1+rng.IntN(40), 1+rng.IntN(40)
			y0, x0 := int64(rng.IntN(200)-100), int64(rng.IntN(200)-100)
			if rng.IntN(4) == 0 {
				y0, x0 = y0*1e9+int64(rng.IntN(7)), x0*1e9-int64(rng.IntN(7))
			}
			load(rulegen.StateSoup(rng, w, h, 0.2+0.5*rng.Float64(), r.States()), y0, x0, g, ref)
			name := fmt.Sprintf("%s (%d x %d at %d,%d)", text, w, h, y0, x0)
			if err := same(g, ref); err != nil {
				t.Errorf("%s: loaded: %v", name, err)
				continue
			}
			for step := range 6 {
				var err error
				if step%2 == 0 {
					k := uint(rng.IntN(7))
					err = g.StepPow2(ctx, k)
					if err == nil {
						err = ref.Step(ctx, 1<<k)
					}
				} else {
					m := uint64(1 + rng.IntN(60))
					err = g.Step(ctx, m)
					if err == nil {
						err = ref.Step(ctx, m)
					}
				}
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if err := same(g, ref); err != nil {
					t.Errorf("%s: %v", name, err)
					break
				}
			}
		}
	}
}

// TestMemoryLimit runs a soup of Brian's Brain for 384 generations with
// the smallest memory limit, which collects the node cache many times in
// the middle of steps, and with the default one: the cells agree. (At 104
// bytes a node, hashlife's accounting with a second population, the soup
// outgrows 1 MiB near generation 480.)
func TestMemoryLimit(t *testing.T) {
	r, err := engine.ParseRule("/2/3")
	if err != nil {
		t.Fatal(err)
	}
	small, err := ghash.New(r, ghash.Options{MaxMemory: 1})
	if err != nil {
		t.Fatal(err)
	}
	big, err := ghash.New(r, ghash.Options{})
	if err != nil {
		t.Fatal(err)
	}
	side := 64
	if raceEnabled {
		side = 24
	}
	rng := rand.New(rand.NewPCG(14, 21))
	load(rulegen.StateSoup(rng, side, side, 0.4, 3), 0, 0, small, big)
	ctx := context.Background()
	for range 3 {
		if err := small.Step(ctx, 128); err != nil {
			t.Fatal(err)
		}
		if err := big.Step(ctx, 128); err != nil {
			t.Fatal(err)
		}
		if err := same(small, big); err != nil {
			t.Fatal(err)
		}
	}
	if small.Collections() == 0 {
		t.Errorf("no collection with a limit of 1 MiB (%d nodes)", small.Nodes())
	}
}
