package main

import (
	"context"
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

// progressAfter is how long a run must look like taking before it shows
// a bar.
const progressAfter = time.Second

// stepper advances an engine through a run of a known number of
// generations, possibly in several calls, and shows the run's progress on
// standard error when that is a terminal, the run looks like taking more
// than [progressAfter] and it was not asked to be quiet. While it may show
// progress it steps in chunks sized to take about [universe.ChunkTime] each;
// otherwise it steps in one call.
type stepper struct {
	universe.Advancer
	w     io.Writer // standard error, or nil for no progress
	total uint64    // the generations of the whole run
	start time.Time
	bar   *progressbar.ProgressBar
}

// newStepper returns a stepper for a run of total generations, which
// writes progress to e's standard error unless quiet.
func newStepper(e *env, total uint64, quiet bool) *stepper {
	s := &stepper{total: total}
	if !quiet && total > 1 && total <= math.MaxInt64 && isTerminal(e.stderr) {
		s.w = e.stderr
		s.start = clock()
		s.Clock, s.Report = clock, s.show
	}
	return s
}

// step advances eng n generations, a part of the run (see
// [universe.Advancer.Step]).
func (s *stepper) step(ctx context.Context, eng engine.Engine, n uint64) error {
	return s.Step(ctx, eng, n)
}

// show draws the bar, first making it when the run so far says the whole
// will take longer than progressAfter.
func (s *stepper) show(now time.Time) {
	if s.bar == nil {
		elapsed := now.Sub(s.start)
		if s.Done() >= s.total || float64(elapsed)*float64(s.total)/float64(s.Done()) <= float64(progressAfter) {
			return
		}
		s.bar = progressbar.NewOptions64(int64(s.total),
			progressbar.OptionSetWriter(s.w),
			progressbar.OptionSetDescription("generations"),
			progressbar.OptionSetWidth(30),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("gens"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish(),
		)
	}
	s.bar.Set64(int64(s.Done()))
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
	s.w, s.Report = nil, nil
}

// advance steps eng n generations as one whole run, showing its progress as
// [stepper] does.
// With unit other than 0 (life run's --step) it goes in steps of unit
// generations, each one call of the engine, and n is a multiple of unit.
func advance(ctx context.Context, e *env, eng engine.Engine, n, unit uint64, quiet bool) error {
	s := newStepper(e, n, quiet)
	s.Unit = unit
	defer s.finish()
	return s.step(ctx, eng, n)
}
