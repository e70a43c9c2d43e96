package bitwise

import (
	"context"
	"errors"
	"math/rand/v2"
	"runtime"
	"sync/atomic"
	"testing"
	"testing/synctest"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/grid"
)

// cancelAfter is a context that cancels itself the n-th time anyone asks
// for its Done channel, so that a test can stop a Step part way through a
// generation without a clock.
type cancelAfter struct {
	context.Context
	cancel context.CancelFunc
	calls  atomic.Int64
	n      int64
}

func newCancelAfter(n int64) *cancelAfter {
	ctx, cancel := context.WithCancel(context.Background())
	return &cancelAfter{Context: ctx, cancel: cancel, n: n}
}

func (c *cancelAfter) Done() <-chan struct{} {
	if c.calls.Add(1) == c.n {
		c.cancel()
	}
	return c.Context.Done()
}

// TestCancel stops Steps at many points, inside generations and between
// them, and checks that the engine holds a whole generation, counts it, and
// steps on from it correctly; synctest checks that no worker outlives Step.
func TestCancel(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 5))
	r := torusRule(engine.Life, 256, 160)
	start := soup(rng, 256, 160, 0.3)
	ref := []*grid.Torus{start}
	b := boardOf(start, false)
	for range 40 {
		b = b.step(r)
		ref = append(ref, b.torus())
	}
	for _, n := range []int64{1, 2, 3, 5, 8, 13, 40, 100, 250} {
		synctest.Test(t, func(t *testing.T) {
			e := mustFrom(t, r, start)
			e.SetWorkers(3)
			e.span = 2
			ctx := newCancelAfter(n)
			defer ctx.cancel()
			err := e.Step(ctx, 30)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancel at call %d: Step returned %v", n, err)
			}
			gen := e.Generation().Int64()
			if got := e.Torus(); !got.Equal(ref[gen]) {
				t.Fatalf("cancel at call %d: generation %d: %s", n, gen, firstDiff(got, ref[gen]))
			}
			if err := e.Step(context.Background(), uint64(40-gen)); err != nil {
				t.Fatal(err)
			}
			if got := e.Torus(); !got.Equal(ref[40]) {
				t.Fatalf("cancel at call %d, resumed at %d: %s", n, gen, firstDiff(got, ref[40]))
			}
		})
	}
	// A context cancelled before Step changes nothing.
	e := mustFrom(t, r, start)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := e.Step(ctx, 5); !errors.Is(err, context.Canceled) || e.Generation().Sign() != 0 || !e.Torus().Equal(start) {
		t.Errorf("cancelled before Step: %v, generation %v", err, e.Generation())
	}
}

// TestGOMAXPROCS checks that the result is the same whatever GOMAXPROCS,
// with the default number of workers.
func TestGOMAXPROCS(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 5))
	r := torusRule(randomRule(rng, false), 512, 300)
	r.Birth, r.Survive = 1<<3|1<<6, 1<<2|1<<3 // HighLife stays busy
	start := soup(rng, 512, 300, 0.35)
	var want *grid.Torus
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 3, 4} {
		runtime.GOMAXPROCS(procs)
		synctest.Test(t, func(t *testing.T) {
			e := mustFrom(t, r, start)
			e.span = 4
			if err := e.Step(context.Background(), 50); err != nil {
				t.Fatal(err)
			}
			got := e.Torus()
			if want == nil {
				want = got
			} else if !got.Equal(want) {
				t.Fatalf("GOMAXPROCS %d: %s", procs, firstDiff(got, want))
			}
		})
	}
}
