package bench

import (
	"context"
	"fmt"
	"strings"
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
		if max(w.Rule.Topology.W, w.W) > 1024 && (testing.Short() || raceEnabled) {
			continue
		}
		if w.Rule.Topology.Kind == engine.Plane {
			checkPlane(t, w)
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

// checkPlane checks a workload on the plane: the same start through SetRun
// and SetCell, on the sparse engine, and counted over W x H cells.
func checkPlane(t *testing.T, w Workload) {
	t.Helper()
	fast, err := bitwise.NewPlane(w.Rule)
	if err != nil {
		t.Fatal(err)
	}
	w.Fill(fast)
	slow, _ := bitwise.NewPlane(w.Rule)
	w.Fill(cellsOnly{slow})
	if cellsOf(fast) != cellsOf(slow) || fast.PopulationInt() == 0 {
		t.Errorf("%s: SetRun and SetCell fill different starts, or none", w.Name)
	}
	if w.Cells() != float64(w.W)*float64(w.H) || w.W == 0 {
		t.Errorf("%s: counted over %g cells", w.Name, w.Cells())
	}
}

// cellsOf lists e's cells, for comparisons.
func cellsOf(e engine.Engine) string {
	var b strings.Builder
	if box, ok := e.Bounds(); ok {
		e.Visit(box, func(y, x int64) { fmt.Fprintln(&b, y, x) })
	}
	return b.String()
}

// TestPlaneWorkloads runs the plane's workloads to their ends on the
// sparse engine and checks the populations Golly finds for them: bgolly -a
// QuickLife on mksoup.py's soups (14,089 and 155,179, the second in the
// anchors' README) and the acorn's 633 at generation 5206.
func TestPlaneWorkloads(t *testing.T) {
	for name, want := range map[string]int64{"plane-soup-512": 14089, "acorn": 633, "plane-soup-2048": 155179} {
		w, err := Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		if w.W > 256 && (testing.Short() || raceEnabled) {
			continue // the soups are slow under the race detector
		}
		e, err := bitwise.NewPlane(w.Rule)
		if err != nil {
			t.Fatal(err)
		}
		w.Fill(e)
		if err := e.Step(context.Background(), w.Gens); err != nil {
			t.Fatal(err)
		}
		if got := e.PopulationInt(); got != want {
			t.Errorf("%s: population %d at generation %d, want %d", name, got, w.Gens, want)
		}
	}
}

// cellsOnly hides an engine's SetRun.
type cellsOnly struct{ engine.Engine }
