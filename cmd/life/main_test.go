package main

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"testing"

	"github.com/life-go/life/engine"
)

// TestMain runs the test binary as life itself when LIFE_TEST_MAIN is set,
// so that tests can run the whole process (signals, a pseudo-terminal)
// without building it first.
func TestMain(m *testing.M) {
	if os.Getenv("LIFE_TEST_MAIN") == "1" {
		if os.Getenv("LIFE_TEST_PANIC") == "1" {
			registerPanicker()
		}
		main()
		return
	}
	os.Exit(m.Run())
}

// registerPanicker registers the engine "test-panic", which steps by
// panicking, so that a test can make the UI's animator panic in a child
// process (never in the tests' own, whose engine lists it would change).
func registerPanicker() {
	engine.Register(engine.Algo{
		Name: "test-panic", Summary: "panics on its first step (tests only)",
		Families: []engine.Family{engine.LifeLike}, Topologies: []engine.TopologyKind{engine.Torus},
		StepBase: 10, Rank: 1000,
		Check: func(r engine.Rule) error {
			if r.Topology.Kind != engine.Torus {
				return fmt.Errorf("only tori are %w", engine.ErrUnsupported)
			}
			return nil
		},
		New: func(r engine.Rule, o engine.Options) (engine.Engine, error) {
			p, err := engine.NewProtocol(r, nil)
			return panicker{p}, err
		},
	})
}

type panicker struct{ *engine.Protocol }

func (p panicker) Name() string                       { return "test-panic" }
func (p panicker) Step(context.Context, uint64) error { panic("test-panic: a step panics") }
func (p panicker) Clone() engine.Engine               { return p }
func (p panicker) Generation() *big.Int               { return p.Protocol.Generation() }
