package main

import (
	"context"
	"fmt"
	"math/big"
	"runtime/debug"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/patterns"
)

func init() {
	register(command{"run", "run a pattern headless and write the result", runRun})
}

func runRun(e *env) int {
	fs := newFlags(e, "life run", fmt.Sprintf(runUsage, universe.MaxMargin, universe.MaxMargin-1))
	gens := fs.Uint64("gens", 1, "advance `N` generations (0 writes the pattern as read; with --step, a multiple of it, S when not given)")
	stepFlag := fs.String("step", "", "advance in steps of `S` generations, a number or B^K such as 2^10 (default: the whole run at once)")
	rule := fs.String("rule", "", "run under `RULE` (B3/S23 notation, with an optional suffix such as :T64,48) instead of the file's")
	torus := fs.String("torus", "", "run on a `WxH` torus when the rule has no bounded-grid suffix")
	eng := fs.String("engine", "auto", "the `ENGINE`: "+engineNames()+" (auto: as a Golly expert would, see above)")
	out := fs.String("o", "", "write the result to `FILE` (through a temporary file and a rename) instead of standard output, in the format its extension names")
	maxMB := maxMemoryFlag(fs)
	st := fs.Bool("stats", false, "print one line, generation=N population=P, instead of the pattern")
	quiet := fs.Bool("quiet", false, "show no progress bar (one shows on a terminal when a run takes more than a second)")
	pos, code, ok := parseCommand(fs, e.args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return badArgs(e, fs, "run: want one PATTERN (a file, or - for standard input), got %d arguments", len(pos))
	}
	var unit uint64
	if *stepFlag != "" {
		step, err := universe.ParseStep(*stepFlag)
		if err != nil {
			return report(e, usageError{Err: err})
		}
		if *gens, err = step.RunGens(given(fs, "gens", gens)); err != nil {
			return report(e, usageError{Err: err})
		}
		unit = step.Gens
	}
	if err := checkMaxMemory(*maxMB); err != nil {
		return report(e, err)
	}
	return report(e, run(e.ctx, e, pos[0], universe.Settings{Rule: *rule, Torus: *torus, Engine: *eng, Gens: *gens, Jump: unit, MaxMemory: *maxMB << 20, Plane: true}, unit, *out, *st, *quiet))
}

// run is life run once its flags are read. With no generations to run it
// writes the pattern as read, in the format -o names, without building an
// engine: a format conversion, which works for patterns of any size.
// It advances in steps of unit generations when unit is not 0 (--step).
func run(ctx context.Context, e *env, path string, s universe.Settings, unit uint64, out string, st, quiet bool) error {
	o, err := universe.NewOutput(out)
	if err != nil {
		return err
	}
	s.Ctx = ctx
	var hdr *patterns.Pattern
	var cells patterns.Source
	var gen, pop *big.Int
	if s.Gens == 0 {
		p, name, c, err := universe.ReadCells(ctx, path, e.stdin)
		if err != nil {
			return err
		}
		notice(e, p)
		if hdr, err = s.Convert(p, name); err != nil {
			return err
		}
		cells, gen, pop = c, new(big.Int), c.LiveCells()
	} else {
		u, p, name, err := universe.LoadPath(path, e.stdin, s)
		if err != nil {
			return err
		}
		notice(e, p)
		limitMemory(u.Eng, s)
		if err := advance(ctx, e, &u, s, s.Gens, unit, quiet); err != nil {
			return universe.Stopped(ctx, name, u.Gen(), err)
		}
		gen, pop = u.Gen(), u.Eng.Population()
		hdr, cells = u.PatternHeader(false), u.Cells()
	}
	// --stats alone writes no pattern.
	if out != "" || !st {
		if err := o.Write(ctx, e.stdout, hdr, cells); err != nil {
			return err
		}
	}
	if st {
		_, err := fmt.Fprintf(e.stdout, "generation=%s population=%s\n", gen, pop)
		return err
	}
	return nil
}

func notice(e *env, p *patterns.Pattern) {
	if p != nil && p.Notice != "" {
		fmt.Fprintf(e.stderr, "life: %s\n", p.Notice)
	}
}

// maxMemoryMB is the largest --max-memory: 2^20 MB, a tebibyte, far past
// any machine's memory and far from overflowing a count of bytes.
const maxMemoryMB = 1 << 20

// hashlifeDefaultMB is the default limit of hashlife's node cache, in MB.
const hashlifeDefaultMB = 1024

// checkMaxMemory checks --max-memory's megabytes.
func checkMaxMemory(mb int64) error {
	if mb < 0 || mb > maxMemoryMB {
		return usageError{Err: fmt.Errorf("--max-memory %d: want 0 (the default, %d) or a number of megabytes from 1 to %d", mb, hashlifeDefaultMB, maxMemoryMB)}
	}
	return nil
}

// memoryOverhead is what the process needs beside an engine's memory
// limit: the program, the runtime, and a pattern being loaded or written.
const memoryOverhead = 16 << 20

// limitMemory tells Go's collector, for an engine with a memory limit of
// maxBytes (0: the default), to keep the heap within 1.25 times the limit
// plus memoryOverhead, so that the process's memory follows --max-memory,
// as bgolly's does -M, instead of the collector's default of twice what is
// live. It is a soft limit: the collector works harder near it, never
// fails.
func limitMemory(eng engine.Engine, s universe.Settings) {
	maxBytes := s.MaxMemory
	// Under auto the run may move to hashlife, which has the limit.
	if a := engine.AlgoOf(eng); !engine.IsAuto(s.Engine) && (a == nil || !a.Has(engine.MemoryLimit)) {
		return
	}
	if maxBytes == 0 {
		maxBytes = hashlifeDefaultMB << 20
	}
	debug.SetMemoryLimit(maxBytes*5/4 + memoryOverhead)
}
