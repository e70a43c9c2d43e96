// Package progress shows, as text on a terminal, how far a long run has
// got: a bar of generations, with their rate and the time left, drawn
// between the chunks of a [universe.Runner] (life run and life render),
// and a bar of items counted (life census's soups). It is the front ends'
// presentation of the universe floor's runs: it steps nothing itself, and
// draws only where it is given a writer (a terminal, as the caller
// decides).
package progress

import (
	"context"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
	"github.com/schollz/progressbar/v3"
)

// After is how long a run must look like taking before it shows a bar.
const After = time.Second

// Options say where a [Stepper] writes.
type Options struct {
	// Bar is where the bar draws (standard error when it is a terminal),
	// or nil for no bar.
	Bar io.Writer
	// Say is where each switch of engine is said, one line
	// ("life: auto: ..."), or nil to say nothing (--quiet).
	Say io.Writer
	// Now is the clock that decides when to show the bar and how many
	// generations the runner steps at once; nil is time.Now.
	Now func() time.Time
}

// Stepper advances a universe through a run of a known number of
// generations, possibly in several calls, with its [universe.Runner]: in
// chunks of whole natural jumps of the engine, switching engines mid-run
// when Runner.Auto is set. It shows the run's progress on Options.Bar
// when the run looks like taking more than [After], drawing the bar
// between chunks only, so that watching costs the run nothing; the time
// left is the generations left at the rate of the last half second, or
// on HashLife as many jumps as are left like the last (see
// [universe.Progress]). It says each switch of engine on Options.Say,
// once. A Stepper is used by one goroutine at a time; [Stepper.Finish]
// takes the bar away.
type Stepper struct {
	// Runner steps the universe; set its Auto, Unit and Options before
	// the first step. Its Progress and Switched are the Stepper's.
	Runner universe.Runner

	w       io.Writer // where the bar may show, else nil
	say     io.Writer // where switches are said, or nil
	total   uint64    // the generations of the whole run
	done    uint64
	elapsed time.Duration // the time of the parts of the run before this one
	bar     *progressbar.ProgressBar
}

// NewStepper returns a Stepper for a run of total generations that writes
// where o says. A run of one generation, or of more than [math.MaxInt64],
// shows no bar.
func NewStepper(total uint64, o Options) *Stepper {
	s := &Stepper{total: total, say: o.Say, Runner: universe.Runner{Now: o.Now}}
	if total > 1 && total <= math.MaxInt64 {
		s.w = o.Bar
	}
	s.Runner.Switched = func(msg string) {
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

// Step advances u n generations, a part of the run; for none it does
// nothing. On cancellation it returns ctx's error and u holds the last
// whole jump it reached.
func (s *Stepper) Step(ctx context.Context, u *universe.Universe, n uint64) error {
	if n == 0 {
		return nil
	}
	base, before := s.done, s.elapsed
	s.Runner.Progress = func(p universe.Progress) {
		s.done, s.elapsed = base+p.Done, before+p.Elapsed
		s.show(p.Rate, p.Left)
	}
	defer func() { s.Runner.Progress = nil }()
	return s.Runner.Run(ctx, u, n)
}

// StepEngine is [Stepper.Step] for an engine that is not to be replaced
// (a recording's): it never switches.
func (s *Stepper) StepEngine(ctx context.Context, eng engine.Engine, n uint64) error {
	auto := s.Runner.Auto
	s.Runner.Auto = false
	defer func() { s.Runner.Auto = auto }()
	u := universe.Universe{Eng: eng}
	return s.Step(ctx, &u, n)
}

// show draws the bar, first making it when the run so far says the whole
// will take longer than After; rate is the generations a second of the
// last chunks, left what the rest of this part of the run looks like
// taking (see [universe.Progress]).
func (s *Stepper) show(rate float64, left time.Duration) {
	if s.w == nil {
		return
	}
	if s.bar == nil {
		if s.done >= s.total || s.done == 0 || float64(s.elapsed)*float64(s.total)/float64(s.done) <= float64(After) {
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
		s.bar.Describe(fmt.Sprintf("generations (%s gens/s, %s left)", RateText(rate), LeftText(left)))
	}
	s.bar.Set64(int64(s.done))
}

// RateText writes a rate of generations a second with three significant
// digits: "950", "1.20e+06".
func RateText(r float64) string {
	if r < 1000 {
		return fmt.Sprintf("%.3g", r)
	}
	return fmt.Sprintf("%.2e", r)
}

// LeftText writes the time left: "0.4s", "12s", "3m20s", "5h3m0s".
func LeftText(d time.Duration) string {
	switch {
	case d < 10*time.Second:
		return fmt.Sprintf("%.1fs", d.Seconds())
	case d < time.Hour:
		return d.Round(time.Second).String()
	}
	return d.Round(time.Minute).String()
}

// Grow adds n generations to the run, for a part found to be needed as it
// goes (a recording's replay).
func (s *Stepper) Grow(n uint64) {
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

// Finish takes the bar away, if there is one, and draws no more: call it
// when the run ends, however it ends, before writing anything else where
// the bar was. Calling it again does nothing.
func (s *Stepper) Finish() {
	if s.bar != nil {
		s.bar.Clear()
		s.bar.Exit()
		s.bar = nil
	}
	s.w = nil
}

// Counter is a bar of items done out of a total (life census's soups),
// with their rate; the zero Counter, and a nil one, draw nothing.
type Counter struct{ bar *progressbar.ProgressBar }

// NewCounter returns a Counter of total items, called unit ("soups"),
// that draws on w, described as what, at most ten times a second, and
// is cleared when finished; for a nil w it returns nil, which draws
// nothing.
func NewCounter(w io.Writer, total int64, what, unit string) *Counter {
	if w == nil {
		return nil
	}
	return &Counter{progressbar.NewOptions64(total, progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what), progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(unit), progressbar.OptionShowCount(),
		progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())}
}

// Set shows that done items are done. It may be called from any
// goroutine, one at a time.
func (c *Counter) Set(done int64) {
	if c != nil {
		c.bar.Set64(done)
	}
}

// Finish clears the bar.
func (c *Counter) Finish() {
	if c != nil {
		c.bar.Finish()
	}
}
