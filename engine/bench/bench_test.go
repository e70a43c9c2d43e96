package bench

import (
	"context"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/bitwise"
	_ "github.com/life-go/life/engine/states"
)

// TestWorkloads checks that every workload fills the same start through
// SetRun and through SetCell, and that Measure counts what it steps.
func TestWorkloads(t *testing.T) {
	seen := map[string]bool{}
	for _, w := range Workloads() {
		if seen[w.Name] {
			t.Errorf("workload %q twice", w.Name)
		}
		seen[w.Name] = true
		if w.Rule.Topology.W > 1024 && (testing.Short() || raceEnabled) {
			continue
		}
		if w.Rule.MultiState() {
			// Rules of many states: their engines, a generation.
			e, err := engine.New("auto", w.Rule, engine.Options{})
			if err != nil {
				t.Fatalf("%s: %v", w.Name, err)
			}
			w.Fill(e)
			if e.Population().Sign() == 0 {
				t.Errorf("%s: empty start", w.Name)
			}
			if r, err := Measure(context.Background(), e, w.Cells(), 1, 0); err != nil || r.Gens != 1 {
				t.Errorf("%s: Measure gave %+v, %v", w.Name, r, err)
			}
			continue
		}
		fast, err := bitwise.New(w.Rule)
		if err != nil {
			t.Fatal(err)
		}
		w.Fill(fast)
		slow, _ := bitwise.New(w.Rule)
		w.Fill(cellsOnly{slow})
		if !fast.Torus().Equal(slow.Torus()) {
			t.Errorf("%s: SetRun and SetCell fill different starts", w.Name)
		}
		if fast.PopulationInt() == 0 {
			t.Errorf("%s: empty start", w.Name)
		}
		r, err := Measure(context.Background(), fast, w.Cells(), 3, 0)
		if err != nil || r.Gens != 3 || fast.Generation().Int64() != 3 || r.Population.Cmp(fast.Population()) != 0 {
			t.Errorf("%s: Measure gave %+v, %v", w.Name, r, err)
		}
	}
	if _, err := Lookup("dense-1024"); err != nil {
		t.Error(err)
	}
	if _, err := Lookup("nope"); err == nil {
		t.Error("Lookup found an unknown workload")
	}
}

// cellsOnly hides an engine's SetRun.
type cellsOnly struct{ engine.Engine }
