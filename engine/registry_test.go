package engine_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	_ "github.com/life-go/life/engine/bitwise"
	_ "github.com/life-go/life/engine/hashlife"
)

// TestRegistry: the engines register themselves, fastest first, each with
// a name, a summary, the families and topologies it runs, a step base and
// its capabilities.
func TestRegistry(t *testing.T) {
	if got, want := engine.AlgoNames(), "auto, bitwise, sparse, hashlife, protocol"; got != want {
		t.Fatalf("AlgoNames() = %q, want %q", got, want)
	}
	want := map[string]struct {
		base int
		caps engine.Capability
		topo string
	}{
		"bitwise":  {10, engine.BlockCounts | engine.BulkLoad, "torus, bounded plane, Klein bottle, cross-surface, sphere"},
		"hashlife": {2, engine.BlockCounts | engine.NodeWriting | engine.MemoryLimit | engine.BulkLoad | engine.Hyperspeed, "plane"},
		"sparse":   {10, engine.BlockCounts | engine.BulkLoad, "plane"},
		"protocol": {10, engine.BlockCounts | engine.CustomStep | engine.BulkLoad, "torus, bounded plane, Klein bottle, cross-surface, sphere"},
	}
	for _, a := range engine.Algos() {
		w := want[a.Name]
		if a.StepBase != w.base || a.Caps != w.caps || a.TopologyNames() != w.topo || a.Summary == "" {
			t.Errorf("%s: base %d caps %q topologies %q, want %d %q %q", a.Name, a.StepBase, a.Caps, a.TopologyNames(), w.base, w.caps, w.topo)
		}
	}
	if got := (engine.BlockCounts | engine.MemoryLimit).String(); got != "block counts, memory limit" {
		t.Errorf("capabilities %q", got)
	}
}

// TestChoose: auto takes the fastest engine that runs the rule's topology;
// step logic of the caller's own takes an engine with CustomStep.
func TestChoose(t *testing.T) {
	torus, _ := engine.ParseRule("B3/S23:T16,16")
	plane := engine.Life
	klein, _ := engine.ParseRule("B3/S23:K10*,10")
	hex, _ := engine.ParseRule("B2/S34H:T10,10")
	step := engine.StepCell(engine.Life)
	for _, tc := range []struct {
		name string
		r    engine.Rule
		o    engine.Options
		want string
	}{
		{"torus", torus, engine.Options{}, "bitwise"},
		{"plane", plane, engine.Options{}, "sparse"},
		{"custom step", torus, engine.Options{Step: step}, "protocol"},
		{"Klein bottle", klein, engine.Options{}, "bitwise"},
		{"hexagonal", hex, engine.Options{}, "bitwise"},
	} {
		a, err := engine.Choose(nil, tc.r, tc.o)
		if err != nil || a.Name != tc.want {
			t.Errorf("%s: Choose = %v, %v; want %s", tc.name, a, err, tc.want)
		}
		e, err := engine.New("auto", tc.r, tc.o)
		if err != nil || e.Name() != tc.want || engine.AlgoOf(e).Name != tc.want {
			t.Errorf("%s: New(auto) = %v, %v; want %s", tc.name, e, err, tc.want)
		}
		if got := engine.RunsCustomStep(e); got != (tc.o.Step != nil) {
			t.Errorf("%s: RunsCustomStep = %v", tc.name, got)
		}
	}
	big, _ := engine.ParseRule("B3/S23:T3000000,3000000")
	_, err := engine.Choose(nil, big, engine.Options{})
	if !strings.HasPrefix(err.Error(), "no engine runs B3/S23:T3000000,3000000: bitwise: ") {
		t.Errorf("a torus too large: %v", err)
	}
	if _, err := engine.New("hashlife", torus, engine.Options{}); !errors.Is(err, engine.ErrUnsupported) {
		t.Errorf("hashlife on a torus: %v", err)
	}
	if _, err := engine.New("bitwise", torus, engine.Options{Step: step}); err == nil || err.Error() != "custom step logic is not supported yet by the bitwise engine" {
		t.Errorf("bitwise with custom step logic: %v", err)
	}
	_, err = engine.New("warp", torus, engine.Options{})
	if !errors.Is(err, engine.ErrUnknownEngine) || err.Error() != `unknown engine "warp", want one of auto, bitwise, sparse, hashlife, protocol` {
		t.Errorf("unknown engine: %v", err)
	}
}

// TestRegisterRefuses: an incomplete entry or a name taken twice panics.
func TestRegisterRefuses(t *testing.T) {
	for _, a := range []engine.Algo{
		{Name: "protocol", StepBase: 10, Families: []engine.Family{engine.LifeLike},
			Check: func(engine.Rule) error { return nil }, New: func(engine.Rule, engine.Options) (engine.Engine, error) { return nil, nil }},
		{Name: "incomplete"},
		{Name: "auto", StepBase: 10, Families: []engine.Family{engine.LifeLike},
			Check: func(engine.Rule) error { return nil }, New: func(engine.Rule, engine.Options) (engine.Engine, error) { return nil, nil }},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Register(%q) did not panic", a.Name)
				}
			}()
			engine.Register(a)
		}()
	}
}
