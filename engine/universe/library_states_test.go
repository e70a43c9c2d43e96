package universe

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/rulegen"
	"github.com/life-go/life/patterns"
)

// stateCellsOf returns e's cells not in state 0 with their states, in
// engine coordinates, row by row.
func stateCellsOf(e engine.Engine) []rulegen.StateCell {
	var cells []rulegen.StateCell
	if box, ok := e.Bounds(); ok {
		engine.VisitStatesOf(e, box, func(y, x int64, s engine.State) {
			cells = append(cells, rulegen.StateCell{Y: y, X: x, S: uint8(s)})
		})
	}
	return cells
}

// TestLibraryStates checks the built-in patterns of rules of many states
// (Brian's Brain, Star Wars, Bosco's Rule), which the patterns package's
// Life stepper cannot: loaded on the plane with the engine auto picks
// (ghash, ltl), each returns to its cells with their states, moved by its
// displacement, after its period and not before; and bgolly, run from the
// library's file for the period, ends with the same cells.
func TestLibraryStates(t *testing.T) {
	g, gollyErr := rulegen.NewGolly(t.TempDir())
	checked := 0
	for _, e := range patterns.Library() {
		p := e.Pattern()
		if p.Rule == "" {
			continue // Life
		}
		r, err := engine.ParseRule(p.Rule)
		if err != nil {
			t.Fatalf("%s: %v", e.Name, err)
		}
		if !r.MultiState() {
			continue
		}
		checked++
		u, err := Load(p, "built-in "+e.Name, Settings{Engine: "auto", Plane: true})
		if err != nil {
			t.Fatalf("%s: %v", e.Name, err)
		}
		start := stateCellsOf(u.Eng)
		shape := rulegen.NormalizeStates(start)
		for gen := 1; gen <= e.Period; gen++ {
			if err := u.Eng.Step(context.Background(), 1); err != nil {
				t.Fatalf("%s: %v", e.Name, err)
			}
			now := stateCellsOf(u.Eng)
			if gen < e.Period {
				if slices.Equal(rulegen.NormalizeStates(now), shape) {
					t.Errorf("%s: returns to itself after %d generations, before its period %d", e.Name, gen, e.Period)
				}
				continue
			}
			want := make([]rulegen.StateCell, len(start))
			for i, c := range start {
				want[i] = rulegen.StateCell{Y: c.Y + int64(e.DY), X: c.X + int64(e.DX), S: c.S}
			}
			if !slices.Equal(now, want) {
				t.Errorf("%s on %s: after its period %d it is not itself moved by (%d, %d)", e.Name, u.Eng.Name(), e.Period, e.DX, e.DY)
			}
		}
		if gollyErr != nil {
			continue
		}
		algo := "Generations"
		if r.Family() == engine.LargerThanLife {
			algo = "Larger than Life"
		}
		var text strings.Builder
		if err := patterns.WriteRLE(&text, p); err != nil {
			t.Fatal(err)
		}
		res, err := g.RunStates(text.String(), ".rle", algo, e.Period, 1)
		if err != nil {
			t.Fatal(err)
		}
		if got := rulegen.NormalizeStates(stateCellsOf(u.Eng)); !slices.Equal(got, rulegen.NormalizeStates(res.Cells)) || res.Rule != r.String() {
			t.Errorf("%s: bgolly at generation %d: rule %s, cells %s; life %s", e.Name, e.Period, res.Rule, fmt.Sprint(res.Cells), fmt.Sprint(got))
		}
	}
	if checked < 3 {
		t.Errorf("%d patterns of many states in the library, want Brian's Brain, Star Wars and Bosco's Rule", checked)
	}
}
