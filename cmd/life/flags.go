package main

import (
	"errors"
	"flag"
	"fmt"
)

// parseFlags parses args with fs, letting flags and positional arguments
// mix in any order ("life run glider.rle --gens 5"), as users expect; "--"
// ends the flags. It returns the positional arguments. Flags work as -flag
// and --flag, as in the flag package.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{Err: err}
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// parseCommand parses a command's arguments with fs, as parseFlags does.
// When ok is false the command exits at once with code: exitOK after
// --help (the usage has been printed), exitUsage after a bad flag (the flag
// package has said what is wrong).
func parseCommand(fs *flag.FlagSet, args []string) (pos []string, code int, ok bool) {
	pos, err := parseFlags(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return nil, exitOK, false
	case err != nil:
		return nil, exitUsage, false
	}
	return pos, exitOK, true
}

// newFlags returns the flag set of the command name ("life run"), which
// writes to e's standard error: its errors, and on --help or a bad flag
// usage followed by the flags and their defaults.
func newFlags(e *env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	return fs
}

// badArgs prints fs's usage and then what is wrong with the command's
// positional arguments, as format and args say, and returns exitUsage.
func badArgs(e *env, fs *flag.FlagSet, format string, args ...any) int {
	fs.Usage()
	return report(e, usageError{Err: fmt.Errorf(format, args...)})
}

// setFlags returns the names of the flags of fs the command line gave.
func setFlags(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

// given returns v, the value of fs's flag name, when the command line
// gave the flag, else nil.
func given[T any](fs *flag.FlagSet, name string, v *T) *T {
	if !setFlags(fs)[name] {
		return nil
	}
	return v
}
