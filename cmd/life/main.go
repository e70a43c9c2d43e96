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

	"github.com/life-go/life/engine/universe"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // a failure other than bad usage or input
	exitUsage   = 2 // bad usage or bad input
)

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
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := dispatch(&env{ctx: ctx, args: os.Args[1:], stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr})
	stop()
	os.Exit(code)
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

// report prints err on stderr as "life: ..." and returns its exit code.
func report(e *env, err error) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(e.stderr, "life: %v\n", err)
	var ue usageError
	var ie inputError
	if errors.As(err, &ue) || errors.As(err, &ie) {
		return exitUsage
	}
	return exitFailure
}
