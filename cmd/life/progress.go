package main

import (
	"context"
	"io"
	"os"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/engine/universe/progress"
	"golang.org/x/term"
)

// Progress on long runs: a bar on standard error, when it is a terminal
// and the run looks like taking longer than [progress.After].
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

// newRun returns a stepper for a run of n generations with s's engine
// (see [progress.Stepper]), which draws its bar on e's standard error when
// that is a terminal and says auto's switches there, unless quiet, and
// under auto switches engines mid-run. With unit other than 0 (life run's
// --step) it goes in steps of unit generations, each one jump of the
// engine, and n is a multiple of unit.
func newRun(e *env, s universe.Settings, n, unit uint64, quiet bool) *progress.Stepper {
	o := progress.Options{Now: clock}
	if !quiet {
		o.Say = e.stderr
		if isTerminal(e.stderr) {
			o.Bar = e.stderr
		}
	}
	st := progress.NewStepper(n, o)
	st.Runner.Unit = unit
	st.Runner.Auto = engine.IsAuto(s.Engine)
	st.Runner.Options = engine.Options{MaxMemory: s.MaxMemory}
	return st
}

// advance steps u n generations as one whole run (see [newRun]), showing
// its progress as [progress.Stepper] does.
func advance(ctx context.Context, e *env, u *universe.Universe, s universe.Settings, n, unit uint64, quiet bool) error {
	st := newRun(e, s, n, unit, quiet)
	defer st.Finish()
	return st.Step(ctx, u, n)
}
