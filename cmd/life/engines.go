package main

import (
	"errors"

	"github.com/life-go/life/engine"
	// The engines register themselves in the engine registry.
	_ "github.com/life-go/life/engine/bitwise"
	_ "github.com/life-go/life/engine/hashlife"
)

// engineNames lists the names --engine accepts.
func engineNames() string { return engine.AlgoNames() }

// newEngine returns the named engine for r, with a memory limit of maxMB
// megabytes where the engine has one (0: its default); "auto" or "" picks
// the fastest that runs r. An unknown name is the user's to mend.
func newEngine(name string, r engine.Rule, maxMB int64) (engine.Engine, error) {
	e, err := engine.New(name, r, engine.Options{MaxMemory: maxMB << 20})
	if errors.Is(err, engine.ErrUnknownEngine) {
		return nil, usageError{err}
	}
	return e, err
}

// checkEngine returns a usage error when no engine is named name, which
// may also be "auto" or "".
func checkEngine(name string) error {
	if engine.IsAuto(name) {
		return nil
	}
	if _, err := engine.Lookup(name); err != nil {
		return usageError{err}
	}
	return nil
}
