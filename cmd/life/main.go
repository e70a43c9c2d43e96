// Command life is a Conway's Life engine with a terminal UI.
//
//	life [flags] [PATTERN]     open the terminal UI
//	life run [flags] PATTERN   run a pattern headless
//	life render [flags] -o OUT PATTERN
//	                           draw a run as a PNG, an animated GIF or an SVG
//	life patterns              list the built-in patterns
//	life identify PATTERN      say what a pattern is (kind, period, speed, apgcode)
//	life census [flags]        count the objects random soups settle into
//
// PATTERN is a pattern file in any format Golly reads (RLE, macrocell,
// Life 1.05 and 1.06, plaintext; gzipped or not), - for standard input, or
// the name of a built-in pattern when no such file exists.
//
// Run "life help" or "life COMMAND --help" for the flags.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/tui"
)

// Exit codes. A run stopped by a signal exits with 128 plus the signal's
// number, as shells report it: 130 for SIGINT (Ctrl-C), 143 for SIGTERM,
// 129 for SIGHUP.
const (
	exitOK      = 0
	exitFailure = 1 // a failure other than bad usage or input, out of memory included
	exitUsage   = 2 // bad usage or bad input
)

// stopSignals are the signals that stop a command: its context is
// cancelled with a [signalError] as the cause, the command returns within a
// second, leaving any -o file as it was, and life exits 128+N.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// signalError is the cause of a context cancelled by a signal.
type signalError struct{ sig syscall.Signal }

func (s signalError) Error() string {
	return "interrupted by " + strings.ToUpper(signalName(s.sig))
}

// Is makes a signalError count as context.Canceled.
func (s signalError) Is(target error) bool { return target == context.Canceled }

// code returns the exit code of a process stopped by the signal.
func (s signalError) code() int { return 128 + int(s.sig) }

// signalName returns "SIGINT" for SIGINT, and so on.
func signalName(sig syscall.Signal) string {
	switch sig {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP"
	case syscall.SIGQUIT:
		return "SIGQUIT"
	}
	return sig.String()
}

// grace is how long a command has, after a signal, to stop by itself:
// then life exits anyway, removing any temporary file.
const grace = time.Second

// env is what a command sees of the process: arguments, streams and a
// context cancelled by an interrupt.
type env struct {
	ctx            context.Context
	args           []string
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one subcommand of life.
type command struct {
	name    string
	summary string
	run     func(e *env) int
}

// commands is the table of subcommands; the first word of the arguments
// picks one, and anything else opens the UI.
var commands []command

func register(c command) { commands = append(commands, c) }

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, stopSignals...)
	done := make(chan int, 1)
	e := &env{ctx: ctx, args: os.Args[1:], stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
	go func() {
		defer func() {
			if r := recover(); r != nil {
				tui.RestoreTerminal() // before the panic is printed
				panic(r)
			}
		}()
		done <- dispatch(e)
	}()
	var code int
	select {
	case code = <-done:
	case sig := <-sigs:
		se := signalError{sig.(syscall.Signal)}
		cancel(se)
		t := time.NewTimer(grace)
		select {
		case code = <-done:
		case <-t.C:
			code = forceExit(e, se)
		case sig := <-sigs:
			code = forceExit(e, signalError{sig.(syscall.Signal)})
		}
	}
	signal.Stop(sigs)
	os.Exit(code)
}

// forceExit is the end of a command that did not stop within the grace
// after a signal (blocked reading a FIFO, say): its temporary files are
// removed and the note printed here.
func forceExit(e *env, se signalError) int {
	universe.RemoveTemps()
	tui.RestoreTerminal()
	fmt.Fprintf(e.stderr, "life: %s\n", se)
	return se.code()
}

// dispatch runs the command the arguments name and returns the exit code.
func dispatch(e *env) int {
	if len(e.args) > 0 {
		switch e.args[0] {
		case "help":
			usage(e.stdout)
			return exitOK
		}
		for _, c := range commands {
			if c.name == e.args[0] {
				e.args = e.args[1:]
				return c.run(e)
			}
		}
	}
	return runUI(e)
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "life: Conway's Life in a terminal.\n\nUsage:\n")
	fmt.Fprintf(w, "  life [flags] [PATTERN]     open the terminal UI (life --help for its flags and keys)\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  life %-21s %s\n", c.name+" ...", c.summary)
	}
	fmt.Fprintf(w, "\nPATTERN is a pattern file, - for standard input, or a built-in name (life patterns).\nRun \"life COMMAND --help\" for a command's flags.\n")
}

// usageError marks errors in the command line: they exit with exitUsage.
type usageError = universe.UsageError

// inputError marks errors in the user's input files: they exit with
// exitUsage too.
type inputError = universe.InputError

// report prints err on stderr as "life: ..." and returns its exit code:
// 128+N for a run a signal stopped (the message says which signal instead
// of "context canceled"), exitUsage for bad usage or input, exitFailure
// otherwise.
func report(e *env, err error) int {
	if err == nil {
		return exitOK
	}
	msg := err.Error()
	var se signalError
	if errors.Is(err, context.Canceled) && e.ctx != nil && errors.As(context.Cause(e.ctx), &se) {
		msg = strings.Replace(msg, context.Canceled.Error(), se.Error(), 1)
		fmt.Fprintf(e.stderr, "life: %s\n", msg)
		return se.code()
	}
	fmt.Fprintf(e.stderr, "life: %s\n", msg)
	var ue usageError
	var ie inputError
	if errors.As(err, &ue) || errors.As(err, &ie) {
		return exitUsage
	}
	return exitFailure
}
