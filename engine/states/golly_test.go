package states_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/rulegen"
	_ "github.com/life-go/life/engine/states"
)

// newGolly returns a runner of bgolly, or skips the test.
func newGolly(t *testing.T) *rulegen.Golly {
	t.Helper()
	g, err := rulegen.NewGolly(t.TempDir())
	if err != nil {
		t.Skip(err)
	}
	return g
}

// stateCase is a random rule of many states on a bounded grid, a random
// soup placed in Golly's coordinates, and the engine's coordinates of
// Golly's origin.
type stateCase struct {
	rule       engine.Rule
	text       string
	cells      []rulegen.StateCell
	w, h       int
	x0, y0     int64
	offY, offX int64
}

// newCase places a random soup of rule text, which is bounded both ways.
func newCase(t *testing.T, rng *rand.Rand, text string) stateCase {
	t.Helper()
	r, err := engine.ParseRule(text)
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	c := stateCase{rule: r, text: text}
	top := r.Topology
	side := func(n int) (size int, at, off int64) {
		size = 1 + rng.IntN(n)
		return size, int64(-(n / 2) + rng.IntN(n-size+1)), int64(n / 2)
	}
	c.w, c.x0, c.offX = side(top.W)
	c.h, c.y0, c.offY = side(top.H)
	c.cells = rulegen.StateSoup(rng, c.w, c.h, 0.2+0.5*rng.Float64(), r.States())
	return c
}

func (c stateCase) rle() string { return rulegen.StatesRLE(c.cells, c.w, c.h, c.x0, c.y0, c.text) }

func (c stateCase) load(e engine.Engine) {
	for _, cell := range c.cells {
		engine.SetStateOf(e, c.y0+cell.Y+c.offY, c.x0+cell.X+c.offX, engine.State(cell.S))
	}
}

// stateCells returns e's cells not in state 0.
func stateCells(e engine.Engine) []rulegen.StateCell {
	var cells []rulegen.StateCell
	if box, ok := e.Bounds(); ok {
		engine.VisitStatesOf(e, box, func(y, x int64, s engine.State) {
			cells = append(cells, rulegen.StateCell{Y: y, X: x, S: uint8(s)})
		})
	}
	return cells
}

// compareStates steps e gens generations, in steps of one generation and
// then of random sizes, checks the populations bgolly printed and, at the
// end, the cells with their states.
func compareStates(t *testing.T, name string, e engine.Engine, want rulegen.StatesResult, gens int, rng *rand.Rand) bool {
	t.Helper()
	for g := 0; g < gens; {
		n := 1
		if g > 10 {
			n = min(gens-g, 1+rng.IntN(20))
		}
		if err := e.Step(context.Background(), uint64(n)); err != nil {
			t.Errorf("%s: step %d: %v", name, g, err)
			return false
		}
		g += n
		if p, ok := want.Pops[g]; ok && e.Population().Int64() != p {
			t.Errorf("%s: generation %d: population %d, bgolly %d", name, g, e.Population(), p)
			return false
		}
	}
	got := rulegen.NormalizeStates(stateCells(e))
	if !slices.Equal(got, rulegen.NormalizeStates(want.Cells)) {
		t.Errorf("%s: generation %d: the cells differ from bgolly's (%d and %d cells)", name, gens, len(got), len(want.Cells))
		return false
	}
	return true
}

// boundedTopology returns a random topology of rulegen's bounded both
// ways.
func boundedTopology(rng *rand.Rand, lo, hi int) string {
	for {
		s := rulegen.Topology(rng, lo, hi)
		if !strings.Contains(s, ":T0,") && !strings.HasSuffix(s, ",0") && !strings.Contains(s, ":P0,") {
			return s
		}
	}
}

// TestGenerationsAgainstGolly runs random Generations rules of every family
// they build on, 2 to 256 states, on random bounded grids of every
// topology, from random soups of many states, on the generations engine
// and on bgolly's Generations, and checks the populations at every
// generation and the cells with their states at the end.
func TestGenerationsAgainstGolly(t *testing.T) {
	g := newGolly(t)
	rng := rand.New(rand.NewPCG(14, 2))
	n := 8
	if testing.Short() || raceEnabled {
		n = 2
	}
	for _, f := range rulegen.GenerationsFamilies {
		for i := 0; i < n; i++ {
			text := rulegen.Generations(rng, f, rulegen.States(rng, 256)) + boundedTopology(rng, 1, 70)
			c := newCase(t, rng, text)
			gens := 1 + rng.IntN(80)
			want, err := g.RunStates(c.rle(), ".rle", "Generations", gens, 1)
			if err != nil {
				t.Fatal(err)
			}
			e, err := engine.New("generations", c.rule, engine.Options{})
			if err != nil {
				t.Fatalf("%s: %v", text, err)
			}
			c.load(e)
			if p := e.Population().Int64(); p != want.Pops[0] {
				t.Errorf("%s: %d cells loaded, bgolly %d", text, p, want.Pops[0])
				continue
			}
			compareStates(t, fmt.Sprintf("%s (%d x %d at %d,%d)", text, c.w, c.h, c.x0, c.y0), e, want, gens, rng)
		}
	}
}

// TestLtLAgainstGolly runs random Larger than Life rules (ranges 1 to 10,
// every neighbourhood, with and without the middle cell, two states and
// decay through up to 256, B0 included) on random tori and bounded
// planes, from random soups of many states, on the ltl engine and on
// bgolly's Larger than Life, and checks the populations at every
// generation and the cells with their states at the end.
func TestLtLAgainstGolly(t *testing.T) {
	g := newGolly(t)
	rng := rand.New(rand.NewPCG(14, 3))
	n := 30
	if testing.Short() || raceEnabled {
		n = 6
	}
	for i := 0; i < n; i++ {
		text := rulegen.LtL(rng, 10, true)
		r, err := engine.ParseRule(text + ":T30,30")
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		l, _ := r.LtL()
		lo := 2 * l.Range
		kind := "TP"[rng.IntN(2)]
		text += fmt.Sprintf(":%c%d,%d", kind, lo+rng.IntN(60), lo+rng.IntN(60))
		c := newCase(t, rng, text)
		gens := 1 + rng.IntN(60)
		want, err := g.RunStates(c.rle(), ".rle", "Larger than Life", gens, 1)
		if err != nil {
			t.Fatal(err)
		}
		e, err := engine.New("ltl", c.rule, engine.Options{})
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		c.load(e)
		if p := e.Population().Int64(); p != want.Pops[0] {
			t.Errorf("%s: %d cells loaded, bgolly %d", text, p, want.Pops[0])
			continue
		}
		compareStates(t, fmt.Sprintf("%s (%d x %d at %d,%d)", text, c.w, c.h, c.x0, c.y0), e, want, gens, rng)
	}
}

// TestLtLPlaneAgainstGolly runs random Larger than Life rules (no B0) on
// the unbounded plane, where both grow a grid with the pattern, from random
// soups, and checks the populations at every generation and the cells with
// their states at the end.
func TestLtLPlaneAgainstGolly(t *testing.T) {
	g := newGolly(t)
	rng := rand.New(rand.NewPCG(14, 4))
	n := 20
	if testing.Short() || raceEnabled {
		n = 4
	}
	for i := 0; i < n; i++ {
		text := rulegen.LtL(rng, 10, false)
		r, err := engine.ParseRule(text)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		c := stateCase{rule: r, text: text, w: 1 + rng.IntN(40), h: 1 + rng.IntN(40), x0: int64(rng.IntN(200) - 100), y0: int64(rng.IntN(200) - 100)}
		c.cells = rulegen.StateSoup(rng, c.w, c.h, 0.2+0.5*rng.Float64(), r.States())
		// Explosive rules grow by the range every generation, in Golly
		// too: a few dozen generations say what the growing grid does.
		gens := 1 + rng.IntN(40)
		want, err := g.RunStates(c.rle(), ".rle", "Larger than Life", gens, 1)
		if err != nil {
			t.Fatal(err)
		}
		e, err := engine.New("ltl", r, engine.Options{})
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		c.load(e)
		if p := e.Population().Int64(); p != want.Pops[0] {
			t.Errorf("%s: %d cells loaded, bgolly %d", text, p, want.Pops[0])
			continue
		}
		compareStates(t, fmt.Sprintf("%s (%d x %d at %d,%d)", text, c.w, c.h, c.x0, c.y0), e, want, gens, rng)
	}
}

// TestGenerationsPlaneAgainstGolly runs random Generations rules on the
// unbounded plane, where the generations engine follows the pattern with
// its window, from random soups, and checks the populations at every
// generation and the cells with their states at the end.
func TestGenerationsPlaneAgainstGolly(t *testing.T) {
	g := newGolly(t)
	rng := rand.New(rand.NewPCG(14, 5))
	n := 4
	if testing.Short() || raceEnabled {
		n = 1
	}
	for _, f := range rulegen.GenerationsFamilies {
		for i := 0; i < n; i++ {
			text := rulegen.Generations(rng, f, rulegen.States(rng, 256))
			r, err := engine.ParseRule(text)
			if err != nil {
				t.Fatalf("%s: %v", text, err)
			}
			c := stateCase{rule: r, text: text, w: 1 + rng.IntN(40), h: 1 + rng.IntN(40), x0: int64(rng.IntN(200) - 100), y0: int64(rng.IntN(200) - 100)}
			c.cells = rulegen.StateSoup(rng, c.w, c.h, 0.2+0.5*rng.Float64(), r.States())
			gens := 1 + rng.IntN(100)
			want, err := g.RunStates(c.rle(), ".rle", "Generations", gens, 1)
			if err != nil {
				t.Fatal(err)
			}
			e, err := engine.New("generations", r, engine.Options{})
			if err != nil {
				t.Fatalf("%s: %v", text, err)
			}
			c.load(e)
			if p := e.Population().Int64(); p != want.Pops[0] {
				t.Errorf("%s: %d cells loaded, bgolly %d", text, p, want.Pops[0])
				continue
			}
			compareStates(t, fmt.Sprintf("%s (%d x %d at %d,%d)", text, c.w, c.h, c.x0, c.y0), e, want, gens, rng)
		}
	}
}

// TestProtocolStatesAgainstGolly runs random Generations rules on random
// bounded grids of every topology, and random Larger than Life rules
// (ranges 1 to 4, every shape, decay, B0) on random tori and bounded
// planes, on the protocol engine (the per-cell step logic through the
// wire, the neighbourhood the queries it asks) and on bgolly, and checks
// the populations at every generation and the cells with their states at
// the end.
func TestProtocolStatesAgainstGolly(t *testing.T) {
	g := newGolly(t)
	rng := rand.New(rand.NewPCG(14, 6))
	n := 3
	if testing.Short() || raceEnabled {
		n = 1
	}
	var texts []string
	for _, f := range rulegen.GenerationsFamilies {
		for range n {
			texts = append(texts, rulegen.Generations(rng, f, rulegen.States(rng, 256))+boundedTopology(rng, 1, 40))
		}
	}
	for range 3 * n {
		text := rulegen.LtL(rng, 4, true)
		r, _ := engine.ParseRule(text + ":T30,30")
		l, _ := r.LtL()
		texts = append(texts, text+fmt.Sprintf(":%c%d,%d", "TP"[rng.IntN(2)], 2*l.Range+rng.IntN(30), 2*l.Range+rng.IntN(30)))
	}
	for _, text := range texts {
		c := newCase(t, rng, text)
		gens := 1 + rng.IntN(30)
		algo := "Generations"
		if c.rule.Family() == engine.LargerThanLife {
			algo = "Larger than Life"
		}
		want, err := g.RunStates(c.rle(), ".rle", algo, gens, 1)
		if err != nil {
			t.Fatal(err)
		}
		e, err := engine.New("protocol", c.rule, engine.Options{})
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		c.load(e)
		if p := e.Population().Int64(); p != want.Pops[0] {
			t.Errorf("%s: %d cells loaded, bgolly %d", text, p, want.Pops[0])
			continue
		}
		compareStates(t, fmt.Sprintf("%s (%d x %d at %d,%d)", text, c.w, c.h, c.x0, c.y0), e, want, gens, rng)
	}
}
