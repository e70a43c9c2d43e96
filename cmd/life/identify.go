package main

import (
	"errors"
	"fmt"

	"github.com/life-go/life/engine/classify"
	"github.com/life-go/life/engine/universe"
)

func init() {
	register(command{"identify", "say what a pattern is: still life, oscillator, spaceship, growth; its apgcode", runIdentify})
}

func runIdentify(e *env) int {
	fs := newFlags(e, "life identify", identifyUsage)
	gens := fs.Int64("gens", classify.DefaultMaxGens, "give up after `LIMIT` generations")
	asJSON := fs.Bool("json", false, "write JSON, one object a line, instead of key=value fields")
	rule := fs.String("rule", "", "run under `RULE` instead of the file's")
	torus := fs.String("torus", "", "run on a `WxH` torus when the rule has no bounded-grid suffix")
	eng := fs.String("engine", "auto", "the `ENGINE`: "+engineNames())
	pos, code, ok := parseCommand(fs, e.args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return badArgs(e, fs, "identify: want one PATTERN, got %d arguments", len(pos))
	}
	if *gens < 1 {
		return report(e, usageError{Err: fmt.Errorf("--gens %d: want at least 1", *gens)})
	}
	u, _, _, err := universe.LoadPath(pos[0], e.stdin, universe.Settings{Rule: *rule, Torus: *torus, Engine: *eng, Gens: uint64(*gens), Plane: true})
	if err != nil {
		return report(e, err)
	}
	r, err := classify.Classify(e.ctx, u.Eng, classify.Options{MaxGens: *gens})
	if err != nil && !errors.Is(err, classify.ErrBudget) {
		return report(e, err)
	}
	r.Shift(u.OffY, u.OffX)
	write := r.WriteFields
	if *asJSON {
		write = r.WriteJSON
	}
	if err := write(e.stdout); err != nil {
		return report(e, err)
	}
	if r.Kind == classify.Unsettled {
		fmt.Fprintf(e.stderr, "life: identify: %v (%d generations; --gens raises the budget)\n", classify.ErrBudget, *gens)
		return exitFailure
	}
	return exitOK
}
