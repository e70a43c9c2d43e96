package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
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
			return nil, usageError{err}
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

// parseSize reads "WxH" (also "W,H" and "WXH") as two positive sizes.
func parseSize(s string) (w, h int, err error) {
	a, b, ok := strings.Cut(strings.ToLower(s), "x")
	if !ok {
		a, b, ok = strings.Cut(s, ",")
	}
	if ok {
		w, err = strconv.Atoi(strings.TrimSpace(a))
		if err == nil {
			h, err = strconv.Atoi(strings.TrimSpace(b))
		}
	}
	if !ok || err != nil || w < 1 || h < 1 {
		return 0, 0, fmt.Errorf("size %q: want WxH with whole numbers from 1, such as 64x48", s)
	}
	return w, h, nil
}
