package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

func init() {
	register(command{"patterns", "list the built-in patterns", runPatterns})
}

func runPatterns(e *env) int {
	fs := newFlags(e, "life patterns", patternsUsage)
	pos, code, ok := parseCommand(fs, e.args)
	if !ok {
		return code
	}
	if len(pos) != 0 {
		return badArgs(e, fs, "patterns: want no arguments, got %d", len(pos))
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tPERIOD\tSIZE\tRULE")
	for _, entry := range patterns.Library() {
		period := "-"
		if entry.Period > 0 {
			period = fmt.Sprint(entry.Period)
		}
		p := entry.Pattern()
		w, h := p.Size()
		rule := engine.Life
		if p.Rule != "" {
			r, err := engine.ParseRule(p.Rule)
			if err != nil {
				return report(e, fmt.Errorf("built-in %s: %w", entry.Name, err))
			}
			rule = r
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%dx%d\t%s\n", entry.Name, entry.Kind, period, w, h, rule)
	}
	return report(e, tw.Flush())
}
