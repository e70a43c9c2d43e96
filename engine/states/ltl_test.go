package states_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/rulegen"
)

// refLtL is a plain Larger than Life stepper for tests: a w x h grid of
// states, a torus or a bounded plane (dead beyond its edges), each cell's
// neighbourhood counted cell by cell from the rule's own definition.
type refLtL struct {
	l     engine.LtL
	n     int
	w, h  int
	torus bool
	cells []engine.State
}

func (g *refLtL) at(y, x int) engine.State {
	if g.torus {
		y, x = (y%g.h+g.h)%g.h, (x%g.w+g.w)%g.w
	} else if y < 0 || y >= g.h || x < 0 || x >= g.w {
		return 0
	}
	return g.cells[y*g.w+x]
}

func (g *refLtL) step() {
	next := make([]engine.State, len(g.cells))
	r := g.l.Range
	for y := 0; y < g.h; y++ {
		for x := 0; x < g.w; x++ {
			count := 0
			for dy := -r; dy <= r; dy++ {
				for dx := -r; dx <= r; dx++ {
					if g.l.In(dy, dx) && g.at(y+dy, x+dx) == 1 {
						count++
					}
				}
			}
			next[y*g.w+x] = g.l.Next(g.cells[y*g.w+x], count, g.n)
		}
	}
	g.cells = next
}

// blobs returns cells of a few small random soups scattered over a w x h
// grid, as the debris of a soup: the ltl engine skips the strips of
// columns far from any of them.
func blobs(rng *rand.Rand, w, h, states int) []rulegen.StateCell {
	var cells []rulegen.StateCell
	for range 1 + rng.IntN(8) {
		bw, bh := 1+rng.IntN(min(w, 12)), 1+rng.IntN(min(h, 12))
		x0, y0 := rng.IntN(w-bw+1), rng.IntN(h-bh+1)
		for _, c := range rulegen.StateSoup(rng, bw, bh, 0.3+0.5*rng.Float64(), states) {
			cells = append(cells, rulegen.StateCell{Y: c.Y + int64(y0), X: c.X + int64(x0), S: c.S})
		}
	}
	return cells
}

// TestLtLWideGrids checks the ltl engine against refLtL on grids wider
// than the 1024 columns of a word of strips, where the Moore step skips
// strips far from live cells and a run of strips crosses words: random
// rules of every neighbourhood (no B0), two states and decay, tori and
// bounded planes, scattered blobs, every generation's cells compared.
func TestLtLWideGrids(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 12))
	n := 12
	if testing.Short() || raceEnabled {
		n = 3
	}
	for i := 0; i < n; i++ {
		text := rulegen.LtL(rng, 6, false)
		r, err := engine.ParseRule(text)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		l, _ := r.LtL()
		w, h := 1000+rng.IntN(1200), 2*l.Range+2+rng.IntN(10)
		kind := "TP"[rng.IntN(2)]
		text += fmt.Sprintf(":%c%d,%d", kind, w, h)
		if r, err = engine.ParseRule(text); err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		e, err := engine.New("ltl", r, engine.Options{})
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		ref := &refLtL{l: l, n: r.States(), w: w, h: h, torus: kind == 'T', cells: make([]engine.State, w*h)}
		for _, c := range blobs(rng, w, h, r.States()) {
			engine.SetStateOf(e, c.Y, c.X, engine.State(c.S))
			ref.cells[int(c.Y)*w+int(c.X)] = engine.State(c.S)
		}
		for gen := 1; gen <= 6; gen++ {
			if err := e.Step(context.Background(), 1); err != nil {
				t.Fatal(err)
			}
			ref.step()
			bad := 0
			for y := 0; y < h && bad < 3; y++ {
				for x := 0; x < w && bad < 3; x++ {
					if got, want := engine.StateOf(e, int64(y), int64(x)), ref.cells[y*w+x]; got != want {
						t.Errorf("%s, generation %d: cell (%d, %d) in state %d, want %d", text, gen, y, x, got, want)
						bad++
					}
				}
			}
			if bad > 0 {
				break
			}
		}
	}
}
