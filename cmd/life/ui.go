package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/tui"
)

const uiUsage = `Usage: life [flags] [PATTERN|-]

Opens the terminal UI on the pattern file PATTERN, on standard input for -
(the keys then come from the terminal), or on a built-in pattern, the
acorn, with none. It starts running at once.

A pattern without a bounded-grid suffix (or with :T0,0) runs on the
unbounded plane, as in Golly, on the sparse engine (HashLife for a
macrocell file or a pattern more than 65,536 cells across); --torus WxH
or a suffix such as :T64,48 or :P64,48 chooses a bounded grid. With
--engine NAME for an engine that does not run the plane (bitwise,
protocol), such a pattern runs on a torus that fills the window (or, when
larger than the window, on a torus the size of the pattern plus a margin
of %d cells). Tab takes a whole step at once: 10^k generations on most
engines (+ and - choose k, up to 12), 2^k on hashlife, its natural jump
(up to 2^60); switching engines keeps the step about the same size. On
the plane f finds the pattern however far it has gone, and zoomed out
the board is shaded from HashLife's node populations there. The status bar writes numbers of up to 15 digits in full,
with commas (Gen 1,000,000), and larger ones with four significant
digits (Gen 1.302e21).

NO_COLOR in the environment turns colours off. P and G draw their
pictures in the dark theme when COLORFGBG says the terminal's background
is dark, else in the light one. LIFE_KEY_LATENCY=FILE writes to FILE, on
quitting, how long keys took from their arrival to the screen.

With --engine auto, the default, the UI starts a bounded grid on the
protocol engine when one generation of it keeps up at once with the 30
generations a second it starts at, and otherwise on the fastest engine
(a 2000 x 1000 torus starts on bitwise), saying why in the status bar;
when a run on the protocol engine falls clearly behind the speed chosen,
it moves to the fastest engine that runs the topology, and says so. On
the plane it moves between the sparse engine and HashLife: a step
astronomically long for the pattern (Tab at 10^12 for a glider) goes to
HashLife first, and a run that falls clearly behind moves to the other,
never back at the same step or a larger one. --engine NAME, or a choice
made with E, keeps to the engine chosen.

Keys:
%s
Flags:
`

// runUI opens the terminal UI.
func runUI(e *env) int {
	fs := newFlags(e, "life", fmt.Sprintf(uiUsage, universe.MaxMargin, tui.KeysHelp()))
	rule := fs.String("rule", "", "run under `RULE` (B3/S23 notation, with an optional suffix such as :T64,48) instead of the file's")
	torus := fs.String("torus", "", "run on a `WxH` torus when the rule has no bounded-grid suffix")
	eng := fs.String("engine", "auto", "the `ENGINE`: "+engineNames()+" (auto: as above)")
	dir := fs.String("patterns", "", "the `DIR`ectory of pattern files that o (open) lists")
	pos, code, ok := parseCommand(fs, e.args)
	if !ok {
		return code
	}
	if len(pos) > 1 {
		return badArgs(e, fs, "want at most one PATTERN, got %d arguments", len(pos))
	}
	s := universe.Settings{Rule: *rule, Torus: *torus, Engine: *eng, Watch: true, Gens: universe.MaxMargin, Plane: true}
	opts := tui.Options{
		PatternsDir: *dir,
		Settings:    s,
		NoColor:     os.Getenv("NO_COLOR") != "",
		Theme:       tui.ThemeFor(os.Getenv("COLORFGBG")),
		AutoSwitch:  engine.IsAuto(*eng),
	}
	if len(pos) == 1 {
		p, err := opts.Open(pos[0], e.stdin)
		if err != nil {
			return report(e, err)
		}
		notice(e, p)
	}
	if err := s.Check(); err != nil {
		return report(e, err)
	}
	var lat tui.Latencies
	latFile := os.Getenv("LIFE_KEY_LATENCY")
	if latFile != "" {
		opts.KeyLatency = lat.Add
	}
	// SIGINT, SIGTERM and SIGHUP cancel e.ctx (see main); the UI also
	// stops on SIGQUIT, whose default would leave the terminal raw. On
	// every one, the UI's own shutdown puts the terminal back.
	ctx, cancel := context.WithCancelCause(e.ctx)
	defer cancel(nil)
	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGQUIT)
	defer signal.Stop(quit)
	go func() {
		select {
		case sig := <-quit:
			cancel(signalError{sig.(syscall.Signal)})
		case <-ctx.Done():
		}
	}()
	opts.WriteFile = func(path string, write func(w io.Writer) error) error {
		return universe.WriteFileContext(ctx, path, write)
	}
	err := tui.Run(ctx, opts)
	if errors.Is(err, tui.ErrNoTerminal) {
		return report(e, usageError{Err: fmt.Errorf("%w; to run a pattern without one, use life run (life run --help)", err)})
	}
	var se signalError
	if err == nil && errors.As(context.Cause(ctx), &se) {
		fmt.Fprintf(e.stderr, "life: %s\n", se)
		return se.code()
	}
	if summary := lat.Summary(); latFile != "" && summary != "" {
		if werr := os.WriteFile(latFile, []byte(summary), 0o644); werr != nil && err == nil {
			err = werr
		}
	}
	return report(e, err)
}
