package states_test

import (
	"context"
	"os"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// BenchmarkFile steps the pattern of the file LIFE_STATES_FILE (a bounded
// grid; its cells placed with the grid's middle at 0, 0) by generations.
func BenchmarkFile(b *testing.B) {
	path := os.Getenv("LIFE_STATES_FILE")
	if path == "" {
		b.Skip("LIFE_STATES_FILE not set")
	}
	p, err := patterns.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	r, err := engine.ParseRule(p.Rule)
	if err != nil {
		b.Fatal(err)
	}
	e, err := engine.New("generations", r, engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	h, w := int64(r.Topology.H), int64(r.Topology.W)
	for i, run := range p.Runs {
		for x := run.X; x < run.X+run.N; x++ {
			engine.SetStateOf(e, run.Y+h/2, x+w/2, engine.State(p.StateOf(i)))
		}
	}
	b.ResetTimer()
	for range b.N {
		e.Step(context.Background(), 1)
	}
}
