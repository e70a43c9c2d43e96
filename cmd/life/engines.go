package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/bitwise"
	"github.com/life-go/life/engine/hashlife"
)

// engineChoice is an engine --engine can name.
type engineChoice struct {
	name    string
	summary string
	new     func(r engine.Rule) (engine.Engine, error)
}

// engines lists the engines, fastest first: "auto" takes the first that
// runs the rule's topology.
var engines = []engineChoice{
	{"bitwise", "64 cells a word, settled tiles skipped, on every core (tori and bounded planes)",
		func(r engine.Rule) (engine.Engine, error) { return bitwise.New(r) }},
	{"hashlife", "HashLife: memoised quadtree, astronomically far generations (the unbounded plane)",
		func(r engine.Rule) (engine.Engine, error) { return hashlife.New(r, hashlife.Options{}) }},
	{"sparse", "64 cells a word in 64 x 64 tiles held where the pattern lives, settled rows skipped, on every core (the unbounded plane)",
		func(r engine.Rule) (engine.Engine, error) { return bitwise.NewPlane(r) }},
	{"protocol", "per-cell step logic through Query/Transition messages on channels (tori)",
		func(r engine.Rule) (engine.Engine, error) { return engine.NewProtocol(r, nil) }},
}

// engineNames lists the names --engine accepts.
func engineNames() string {
	names := []string{"auto"}
	for _, c := range engines {
		names = append(names, c.name)
	}
	return strings.Join(names, ", ")
}

// isAuto reports whether --engine name leaves the choice to life: "auto"
// or "".
func isAuto(name string) bool { return name == "" || name == "auto" }

// newEngine returns the named engine for r; "auto" or "" picks the first
// engine in [engines] that runs r's topology.
func newEngine(name string, r engine.Rule) (engine.Engine, error) {
	if isAuto(name) {
		var errs []error
		for _, c := range engines {
			e, err := c.new(r)
			if err == nil {
				return e, nil
			}
			errs = append(errs, fmt.Errorf("%s: %w", c.name, err))
		}
		return nil, fmt.Errorf("no engine runs %s: %w", r, errors.Join(errs...))
	}
	for _, c := range engines {
		if c.name == name {
			return c.new(r)
		}
	}
	return nil, usageError{fmt.Errorf("unknown engine %q, want one of %s", name, engineNames())}
}
