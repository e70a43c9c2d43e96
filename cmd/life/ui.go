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

// runUI opens the terminal UI.
func runUI(e *env) int {
	fs := newFlags(e, "life", fmt.Sprintf(uiUsage, universe.MaxMargin, tui.KeysHelp()))
	rule := fs.String("rule", "", "run under `RULE` (B3/S23 notation, with an optional suffix such as :T64,48) instead of the file's")
	torus := fs.String("torus", "", "run on a `WxH` torus when the rule has no bounded-grid suffix")
	eng := fs.String("engine", "auto", "the `ENGINE`: "+engineNames()+" (auto: as above)")
	dir := fs.String("patterns", "", "the `DIR`ectory of pattern files that o (open) lists")
	maxMB := maxMemoryFlag(fs)
	pos, code, ok := parseCommand(fs, e.args)
	if !ok {
		return code
	}
	if len(pos) > 1 {
		return badArgs(e, fs, "want at most one PATTERN, got %d arguments", len(pos))
	}
	if err := checkMaxMemory(*maxMB); err != nil {
		return report(e, err)
	}
	s := universe.Settings{Rule: *rule, Torus: *torus, Engine: *eng, Watch: true, Gens: universe.MaxMargin, MaxMemory: *maxMB << 20, Plane: true}
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
