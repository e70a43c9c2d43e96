package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Progress on long runs: a bar on standard error, when it is a terminal and
// the run looks like taking longer than [progressAfter].
var (
	// isTerminal reports whether w is a terminal; tests replace it.
	isTerminal = func(w io.Writer) bool {
		f, ok := w.(*os.File)
		return ok && term.IsTerminal(int(f.Fd()))
	}
	// clock tells the time that decides when to show the bar and how many
	// generations to step at once; tests replace it.
	clock = time.Now
)

// progressAfter is how long a run must look like taking before it shows a
// bar.
const progressAfter = time.Second

// stepper advances a universe through a run of a known number of
// generations, possibly in several calls, with a [universe.Runner]: in
// chunks of whole natural jumps of the engine, switching engines mid-run
// under auto. It shows the run's progress on standard error when that is
// a terminal, the run looks like taking more than [progressAfter] and it
// was not asked to be quiet, drawing the bar between chunks only, so that
// watching costs the run nothing; the time left is the generations left
// at the rate of the last half second, or on HashLife as many jumps as are
// left like the last (see [universe.Progress]). Under auto it says each switch of
// engine on standard error, once, unless quiet.
type stepper struct {
	w       io.Writer // standard error when the bar may show, else nil
	say     io.Writer // standard error for switches, or nil when quiet
	total   uint64    // the generations of the whole run
	done    uint64
	elapsed time.Duration // the time of the parts of the run before this one
	bar     *progressbar.ProgressBar
	runner  universe.Runner
}

// newStepper returns a stepper for a run of total generations, which
// writes to e's standard error unless quiet.
func newStepper(e *env, total uint64, quiet bool) *stepper {
	s := &stepper{total: total, runner: universe.Runner{Now: clock}}
	if !quiet {
		s.say = e.stderr
		if total > 1 && total <= math.MaxInt64 && isTerminal(e.stderr) {
			s.w = e.stderr
		}
	}
	s.runner.Switched = func(msg string) {
		if s.say == nil {
			return
		}
		if s.bar != nil {
			s.bar.Clear()
		}
		fmt.Fprintf(s.say, "life: auto: %s\n", msg)
	}
	return s
}

// step advances u n generations, a part of the run; for none it does
// nothing. On cancellation it returns ctx's error and u holds the last
// whole jump it reached.
func (s *stepper) step(ctx context.Context, u *universe.Universe, n uint64) error {
	if n == 0 {
		return nil
	}
	base, before := s.done, s.elapsed
	s.runner.Progress = func(p universe.Progress) {
		s.done, s.elapsed = base+p.Done, before+p.Elapsed
		s.show(p.Rate, p.Left)
	}
	defer func() { s.runner.Progress = nil }()
	return s.runner.Run(ctx, u, n)
}

// stepEngine is step for an engine that is not to be replaced (a
// recording's): it never switches.
func (s *stepper) stepEngine(ctx context.Context, eng engine.Engine, n uint64) error {
	auto := s.runner.Auto
	s.runner.Auto = false
	defer func() { s.runner.Auto = auto }()
	u := universe.Universe{Eng: eng}
	return s.step(ctx, &u, n)
}

// show draws the bar, first making it when the run so far says the whole
// will take longer than progressAfter; rate is the generations a second
// of the last chunks, left what the rest of this part of the run looks
// like taking (see [universe.Progress]).
func (s *stepper) show(rate float64, left time.Duration) {
	if s.w == nil {
		return
	}
	if s.bar == nil {
		if s.done >= s.total || s.done == 0 || float64(s.elapsed)*float64(s.total)/float64(s.done) <= float64(progressAfter) {
			return
		}
		s.bar = progressbar.NewOptions64(int64(s.total),
			progressbar.OptionSetWriter(s.w),
			progressbar.OptionSetDescription("generations"),
			progressbar.OptionSetWidth(30),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(false),
			progressbar.OptionSetElapsedTime(false),
			progressbar.OptionClearOnFinish(),
		)
	}
	if rate > 0 {
		s.bar.Describe(fmt.Sprintf("generations (%s gens/s, %s left)", rateText(rate), leftText(left)))
	}
	s.bar.Set64(int64(s.done))
}

// rateText writes a rate of generations a second with three significant
// digits: "950", "1.2e+06".
func rateText(r float64) string {
	if r < 1000 {
		return fmt.Sprintf("%.3g", r)
	}
	return fmt.Sprintf("%.2e", r)
}

// leftText writes the time left: "0.4s", "12s", "3m20s", "5h3m".
func leftText(d time.Duration) string {
	switch {
	case d < 10*time.Second:
		return fmt.Sprintf("%.1fs", d.Seconds())
	case d < time.Hour:
		return d.Round(time.Second).String()
	}
	return d.Round(time.Minute).String()
}

// grow adds n generations to the run, for a part found to be needed as it
// goes.
func (s *stepper) grow(n uint64) {
	if n > math.MaxUint64-s.total {
		s.total = math.MaxUint64
	} else {
		s.total += n
	}
	switch {
	case s.bar == nil:
	case s.bar.IsFinished():
		s.bar = nil // the next chunk draws a new bar, if the rest is long
	default:
		s.bar.ChangeMax64(int64(min(s.total, math.MaxInt64)))
	}
}

// finish takes the bar away, if there is one: call it when the run ends,
// however it ends, before writing anything else to standard error. Calling
// it again does nothing.
func (s *stepper) finish() {
	if s.bar != nil {
		s.bar.Clear()
		s.bar.Exit()
		s.bar = nil
	}
	s.w = nil
}

// advance steps u n generations as one whole run, showing its progress as
// [stepper] does, and under auto (s's engine) switching engines mid-run.
// With unit other than 0 (life run's --step) it goes in steps of unit
// generations, each one jump of the engine, and n is a multiple of unit.
func advance(ctx context.Context, e *env, u *universe.Universe, s universe.Settings, n, unit uint64, quiet bool) error {
	st := newStepper(e, n, quiet)
	st.runner.Unit = unit
	st.runner.Auto = engine.IsAuto(s.Engine)
	st.runner.Options = engine.Options{MaxMemory: s.MaxMemory}
	defer st.finish()
	return st.step(ctx, u, n)
}
