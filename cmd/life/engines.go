package main

import (
	"errors"
	"runtime/debug"

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
	if a := engine.AlgoOf(e); err == nil && a != nil && a.Has(engine.MemoryLimit) {
		limitMemory(maxMB)
	}
	return e, err
}

// memoryOverhead is what the process needs beside an engine's memory
// limit: the program, the runtime, and a pattern being loaded or written.
const memoryOverhead = 16 << 20

// limitMemory tells Go's collector to keep the heap within 1.25 times the
// engine's memory limit of mb megabytes (0: the default) plus
// memoryOverhead, so that the process's memory follows --max-memory, as
// bgolly's does -M, instead of the collector's default of twice what is
// live. It is a soft limit: the collector works harder near it, never
// fails.
func limitMemory(mb int64) {
	if mb == 0 {
		mb = hashlifeDefaultMB
	}
	debug.SetMemoryLimit(mb<<20*5/4 + memoryOverhead)
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
