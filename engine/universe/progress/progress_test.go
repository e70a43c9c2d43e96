package progress

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
)

// fakeClock returns a clock that moves on by tick at every reading.
func fakeClock(tick time.Duration) func() time.Time {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
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

func (c *countingEngine) Step(ctx context.Context, n uint64) error {
	c.calls = append(c.calls, n)
	if c.cancel > 0 && c.gens+n > c.cancel {
		return context.Canceled
	}
	c.gens += n
	return nil
}

// run steps c n generations with a Stepper that writes to w.
func run(c engine.Engine, n uint64, w *strings.Builder, tick time.Duration) error {
	st := NewStepper(n, Options{Bar: w, Say: w, Now: fakeClock(tick)})
	defer st.Finish()
	u := universe.Universe{Eng: c}
	return st.Step(context.Background(), &u, n)
}

func TestStepper(t *testing.T) {
	// Each chunk looks like taking 10 ms: the chunks double, and the
	// run, estimated at 1 s, shows no bar.
	var w strings.Builder
	c := &countingEngine{}
	if err := run(c, 100, &w, 5*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if want := []uint64{1, 2, 4, 8, 16, 32, 37}; !slices.Equal(c.calls, want) {
		t.Errorf("chunks %v, want %v", c.calls, want)
	}
	if w.Len() != 0 {
		t.Errorf("a bar for a short run: %q", w.String())
	}

	// Each chunk looks like taking 300 ms: the chunks stay at one
	// generation, and the run, 30 s, shows a bar with its rate and the
	// time left, which it clears at the end.
	w.Reset()
	c = &countingEngine{}
	if err := run(c, 100, &w, 150*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if len(c.calls) != 100 || c.gens != 100 {
		t.Errorf("%d calls, %d generations; want 100, 100", len(c.calls), c.gens)
	}
	out := w.String()
	for _, want := range []string{"generations", "3.33 gens/s, 30s left", "(1/100)", "(99/100)"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress %q does not show %q", out, want)
		}
	}
	if last := out[strings.LastIndex(out, "\r")+1:]; strings.TrimSpace(last) != "" {
		t.Errorf("the bar was left on the line: %q", last)
	}

	// No writer: the same chunks, no bar. Cancelled: the error comes
	// back, with the generations of the last whole chunk done.
	st := NewStepper(100, Options{Now: fakeClock(150 * time.Millisecond)})
	c = &countingEngine{}
	if err := st.StepEngine(context.Background(), c, 100); err != nil || len(c.calls) != 100 {
		t.Errorf("no writer: %v, calls %v", err, c.calls)
	}
	w.Reset()
	c = &countingEngine{cancel: 50}
	if err := run(c, 100, &w, 150*time.Millisecond); !errors.Is(err, context.Canceled) || c.gens != 50 {
		t.Errorf("cancelled: %v at %d generations", err, c.gens)
	}
}

// TestStepperParts: a run in parts counts the generations of the whole,
// and one grown as it goes draws a bar of the larger total.
func TestStepperParts(t *testing.T) {
	var w strings.Builder
	st := NewStepper(40, Options{Bar: &w, Now: fakeClock(150 * time.Millisecond)})
	c := &countingEngine{}
	for range 2 {
		if err := st.StepEngine(context.Background(), c, 20); err != nil {
			t.Fatal(err)
		}
	}
	st.Grow(20)
	if err := st.StepEngine(context.Background(), c, 20); err != nil {
		t.Fatal(err)
	}
	st.Finish()
	st.Finish() // again: nothing
	out := w.String()
	for _, want := range []string{"(21/40)", "(39/40)", "(41/60)", "(59/60)"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress %q does not show %q", out, want)
		}
	}
	if c.gens != 60 {
		t.Errorf("%d generations, want 60", c.gens)
	}
	// A run of one generation, or of more than a bar counts, has none.
	for _, n := range []uint64{1, math.MaxInt64 + 1} {
		if st := NewStepper(n, Options{Bar: &w}); st.w != nil {
			t.Errorf("a bar for a run of %d generations", n)
		}
	}
}

func TestTexts(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{RateText(950), "950"},
		{RateText(3.333), "3.33"},
		{RateText(1.2e6), "1.20e+06"},
		{LeftText(400 * time.Millisecond), "0.4s"},
		{LeftText(12300 * time.Millisecond), "12s"},
		{LeftText(200 * time.Second), "3m20s"},
		{LeftText(5*time.Hour + 3*time.Minute + 10*time.Second), "5h3m0s"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestCounter(t *testing.T) {
	var w strings.Builder
	c := NewCounter(&w, 4, "census", "soups")
	for i := range int64(5) {
		c.Set(i)
	}
	c.Finish()
	if out := w.String(); !strings.Contains(out, "census") || !strings.Contains(out, "soups") {
		t.Errorf("counter wrote %q", out)
	}
	// Without a writer: nil, which draws nothing.
	if c := NewCounter(nil, 4, "census", "soups"); c != nil {
		t.Errorf("a counter without a writer: %v", c)
	}
	var none *Counter
	none.Set(1)
	none.Finish()
}
