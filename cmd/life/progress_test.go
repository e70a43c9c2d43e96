package main

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
)

// fakeTerminal makes standard error look like a terminal and the clock
// move on by tick at every reading, until the test ends.
func fakeTerminal(t *testing.T, tick time.Duration) {
	t.Helper()
	oldTerm, oldClock := isTerminal, clock
	t.Cleanup(func() { isTerminal, clock = oldTerm, oldClock })
	isTerminal = func(io.Writer) bool { return true }
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clock = func() time.Time {
		now = now.Add(tick)
		return now
	}
}

// countingEngine records the calls of Step and fails the one after cancel
// generations.
type countingEngine struct {
	engine.Engine
	calls  []uint64
	gens   uint64
	cancel uint64
}

// Name is no registered engine's: the runner treats it as an ordinary one.
func (c *countingEngine) Name() string { return "counting" }

// fixed are settings that name an engine: no switching.
var fixed = universe.Settings{Engine: "counting"}

// run advances c n generations as life run would.
func runCounting(e *env, c *countingEngine, n uint64, quiet bool) error {
	u := universe.Universe{Eng: c}
	return advance(context.Background(), e, &u, fixed, n, 0, quiet)
}

func (c *countingEngine) Step(ctx context.Context, n uint64) error {
	c.calls = append(c.calls, n)
	if c.cancel > 0 && c.gens+n > c.cancel {
		return context.Canceled
	}
	c.gens += n
	return nil
}

func TestStepperChunks(t *testing.T) {
	// Each call looks like taking 10 ms: the chunks double.
	fakeTerminal(t, 5*time.Millisecond)
	var errb strings.Builder
	c := &countingEngine{}
	if err := runCounting(&env{stderr: &errb}, c, 100, false); err != nil {
		t.Fatal(err)
	}
	if want := []uint64{1, 2, 4, 8, 16, 32, 37}; !equalUints(c.calls, want) {
		t.Errorf("chunks %v, want %v", c.calls, want)
	}
	// Estimated at 1 s for 100 generations: no bar.
	if errb.Len() != 0 {
		t.Errorf("a bar for a short run: %q", errb.String())
	}

	// Each call looks like taking 300 ms: the chunks stay at one
	// generation, and the run, 30 s, shows a bar with its rate and the
	// time left, which it clears at the end.
	fakeTerminal(t, 150*time.Millisecond)
	errb.Reset()
	c = &countingEngine{}
	if err := runCounting(&env{stderr: &errb}, c, 100, false); err != nil {
		t.Fatal(err)
	}
	if len(c.calls) != 100 || c.gens != 100 {
		t.Errorf("%d calls, %d generations; want 100, 100", len(c.calls), c.gens)
	}
	out := errb.String()
	for _, want := range []string{"generations", "3.33 gens/s, 30s left", "(1/100)", "(99/100)"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress %q does not show %q", out, want)
		}
	}
	if last := out[strings.LastIndex(out, "\r")+1:]; strings.TrimSpace(last) != "" {
		t.Errorf("the bar was left on the line: %q", last)
	}

	// Quiet: the same chunks, no bar. Cancelled: the error comes back.
	errb.Reset()
	c = &countingEngine{}
	runCounting(&env{stderr: &errb}, c, 100, true)
	if len(c.calls) != 100 || c.gens != 100 || errb.Len() != 0 {
		t.Errorf("quiet: calls %v, stderr %q", c.calls, errb.String())
	}
	c = &countingEngine{cancel: 50}
	if err := runCounting(&env{stderr: &errb}, c, 100, false); !errors.Is(err, context.Canceled) || c.gens != 50 {
		t.Errorf("cancelled: %v at %d generations", err, c.gens)
	}
}

func equalUints(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRunProgress runs life run with a fake terminal and a slow clock.
func TestRunProgress(t *testing.T) {
	fakeTerminal(t, 100*time.Millisecond)
	code, out, errs := life(t, "", "run", "--gens", "40", "--torus", "8x8", "--stats", "testdata/glider.rle")
	if code != 0 || out != "generation=40 population=5\n" || !strings.Contains(errs, "gens/s") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, errs = life(t, "", "run", "--gens", "40", "--torus", "8x8", "--stats", "--quiet", "testdata/glider.rle")
	if code != 0 || out != "generation=40 population=5\n" || errs != "" {
		t.Errorf("--quiet: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}
