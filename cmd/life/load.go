package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/grid"
	"github.com/life-go/life/patterns"
)

// stdinName is how standard input is named in messages.
const stdinName = "<stdin>"

// readPattern reads the pattern at path, or standard input for "-", or the
// built-in pattern path names when no file path exists, keeping its cells.
// Errors in the content are inputErrors; the file's name is in every
// message.
func readPattern(e *env, path string) (*patterns.Pattern, string, error) {
	p, name, _, err := readInto(e, path, nil)
	return p, name, err
}

// readInto reads the pattern at path as readPattern does, handing its cells
// to sink when it is not nil (then the Pattern returned has none), within
// the default budget and watching e's context. builtin is true for a
// built-in pattern, which is never read, and whose cells are the Pattern's.
func readInto(e *env, path string, sink patterns.Sink) (p *patterns.Pattern, name string, isBuiltin bool, err error) {
	o := patterns.ReadOptions{Ctx: e.ctx, Sink: sink}
	name = path
	switch {
	case path == "-":
		// Standard input is read as the data arrives, within the byte
		// limit: an endless stream fails at the limit.
		name = stdinName
		p, err = patterns.ReadWith(name, e.stdin, o)
	default:
		if b, ok := builtin(path); ok {
			return b, path, true, nil
		}
		var f *os.File
		if f, err = os.Open(path); err != nil {
			return nil, name, false, asInputError(err)
		}
		defer f.Close()
		p, err = patterns.ReadWith(name, f, o)
	}
	if err == nil && p.Notice != "" {
		fmt.Fprintf(e.stderr, "life: %s\n", p.Notice)
	}
	if errors.Is(err, context.Canceled) {
		return nil, name, false, fmt.Errorf("%s: stopped while reading: %w", name, err)
	}
	return p, name, false, asInputError(err)
}

// asInputError marks errors in the content of a file, and a file that does
// not exist or cannot be read, as the user's to mend (exit status 2).
func asInputError(err error) error {
	var pe *patterns.Error
	if errors.As(err, &pe) || errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
		return inputError{err}
	}
	return err
}

// setup says how to turn a pattern into a running universe.
type setup struct {
	rule   string // --rule, or "" for the file's
	torus  string // --torus WxH, or ""
	engine string // --engine
	// watch, when --engine is auto, starts on an engine that runs the
	// protocol's step logic ([engine.CustomStep]) when one runs the
	// topology (the UI's protocol engine), instead of the fastest.
	watch bool
	gens  uint64 // generations to run, for the implied torus's margin
	maxMB int64  // --max-memory in megabytes, or 0 for the engine's default
	// plane runs a pattern without a bounded-grid suffix on the unbounded
	// plane when the engine runs it (life run), instead of a torus.
	plane bool
}

// maxMargin caps the margin of the torus a pattern with no bounded-grid
// suffix runs on.
const maxMargin = 256

// universe is a loaded pattern, ready to run.
type universe struct {
	eng     engine.Engine
	implied bool // the torus stands in for the unbounded plane
	// offY and offX take the engine's coordinates to Golly's.
	offY, offX int64
}

// resolveRule works out the rule and topology: the --rule flag, else the
// file's rule (B3/S23 when it gives none); its bounded-grid suffix, else
// --torus, else the unbounded plane when s.plane asks for it and the
// engine runs it, else a torus the size of the pattern plus a margin of
// min(gens+1, maxMargin) cells on every side, which matches the unbounded
// plane for at least that many generations.
func resolveRule(p *patterns.Pattern, name string, s setup) (engine.Rule, bool, error) {
	text, from := p.Rule, name
	if s.rule != "" {
		text, from = s.rule, "--rule"
	}
	r := engine.Life
	if text != "" {
		var err error
		if r, err = engine.ParseRule(text); err != nil {
			if s.rule != "" {
				return r, false, usageError{fmt.Errorf("%s: %w", from, err)}
			}
			return r, false, ruleError(p, name, err)
		}
	}
	if r.Topology.Kind != engine.Plane {
		return r, false, nil
	}
	if s.plane && s.torus == "" && runsPlane(s.engine, r) {
		return r, false, nil
	}
	if s.torus != "" {
		w, h, err := parseSize(s.torus)
		if err != nil {
			return r, false, usageError{fmt.Errorf("--torus: %w", err)}
		}
		r.Topology = engine.TorusOf(w, h)
		return r, false, nil
	}
	w, h := p.Size()
	m := int64(min(s.gens+1, maxMargin))
	if w > patterns.MaxCoord/4 || h > patterns.MaxCoord/4 {
		return r, false, inputError{fmt.Errorf("%s: pattern of %d x %d cells is too large for a torus; give --torus WxH", name, w, h)}
	}
	r.Topology = engine.TorusOf(int(max(w, 1)+2*m), int(max(h, 1)+2*m))
	return r, true, nil
}

// ruleError is the error of the rule a file gives, placed where the file
// gives it (f.rle:1:22: rule "B9/S23": ...).
func ruleError(p *patterns.Pattern, name string, err error) error {
	return inputError{&patterns.Error{File: name, Line: p.RuleLine, Col: p.RuleCol, Msg: err.Error(), Err: err}}
}

// runsPlane reports whether the engine named (or auto) runs rule r on the
// unbounded plane.
func runsPlane(name string, r engine.Rule) bool {
	r.Topology = engine.Topology{}
	if engine.IsAuto(name) {
		_, err := engine.Choose(nil, r, engine.Options{})
		return err == nil
	}
	a, err := engine.Lookup(name)
	return err == nil && a.Runs(r) == nil
}

// newEngine returns an empty engine for r: the one --engine names, or for
// auto the watched one (s.watch) when one runs r, else the fastest that
// does.
func (s setup) newEngine(r engine.Rule) (engine.Engine, error) {
	if s.watch && engine.IsAuto(s.engine) {
		for _, a := range engine.Algos() {
			if a.Has(engine.CustomStep) && a.Runs(r) == nil {
				return newEngine(a.Name, r, s.maxMB)
			}
		}
	}
	return newEngine(s.engine, r, s.maxMB)
}

// load builds the universe for pattern p read from the file name.
func load(p *patterns.Pattern, name string, s setup) (*universe, error) {
	r, implied, err := resolveRule(p, name, s)
	if err != nil {
		return nil, err
	}
	t := r.Topology
	if t.Kind != engine.Plane && t.W > 0 && t.H > 0 {
		if w, h := p.Size(); w > int64(t.W) || h > int64(t.H) {
			return nil, inputError{fmt.Errorf("%s: pattern of %d x %d cells does not fit the %d x %d grid of %s", name, w, h, t.W, t.H, r)}
		}
	}
	eng, err := s.newEngine(r)
	if err != nil {
		if errors.Is(err, engine.ErrUnsupported) || errors.Is(err, grid.ErrSize) {
			return nil, inputError{fmt.Errorf("%s: %w", name, err)}
		}
		return nil, err
	}
	// Place the pattern as Golly does. A bounded grid spans
	// [-(H/2), H-H/2) of Golly's universe: a positioned pattern goes where
	// it says, and another is centred, its top-left corner at
	// (-(h/2), -(w/2)). A torus that stands in for the plane centres the
	// pattern too, and remembers where on the plane it came from.
	w, h := p.Size()
	y0, x0 := int64(t.H/2)-h/2, int64(t.W/2)-w/2
	offY, offX := -int64(t.H/2), -int64(t.W/2)
	switch {
	case t.Kind == engine.Plane:
		// The unbounded plane is Golly's universe itself.
		offY, offX = 0, 0
		if p.Positioned {
			y0, x0 = p.OriginY, p.OriginX
		}
	case implied:
		ty, tx := p.TopLeft()
		offY, offX = ty-y0, tx-x0
	case p.Positioned:
		y0, x0 = floorMod(p.OriginY-offY, int64(t.H)), floorMod(p.OriginX-offX, int64(t.W))
	}
	if rs, ok := eng.(engine.RunSetter); ok {
		for _, run := range p.Runs {
			rs.SetRun(y0+run.Y, x0+run.X, run.N)
		}
	} else {
		p.Cells(func(y, x int64) { eng.SetCell(y0+y, x0+x, true) })
	}
	return &universe{eng: eng, implied: implied, offY: offY, offX: offX}, nil
}

// floorMod returns a modulo n in [0, n).
func floorMod(a, n int64) int64 { return ((a % n) + n) % n }

// saved returns what [patterns.WriteFunc] takes to write the universe: a
// pattern with the name and comments of the original, no cells, and the
// engine's cells as a patterns.Source (node by node on HashLife). Its rule
// has the bounded-grid suffix unless the torus only stood in for the
// plane. When the original was positioned, so is the result, in the same
// coordinates, with its generation count advanced by the generations run.
func (u *universe) saved(orig *patterns.Pattern) (*patterns.Pattern, patterns.Source) {
	r := u.eng.Rule()
	if u.implied {
		r.Topology = engine.Topology{}
	}
	out := &patterns.Pattern{Name: orig.Name, Author: orig.Author, Comments: orig.Comments, Rule: r.String()}
	if orig.Positioned {
		out.Positioned, out.OriginY, out.OriginX = true, u.offY, u.offX
		gen, _ := new(big.Int).SetString("0"+orig.Gen, 10)
		if gen = gen.Add(gen, u.eng.Generation()); gen.Sign() > 0 {
			out.Gen = gen.String()
		}
	}
	return out, source(u.eng, u.offY == 0 && u.offX == 0 && r.Topology.Kind == engine.Plane)
}

// stats is the --stats line.
func stats(gen, pop *big.Int) string {
	return fmt.Sprintf("generation=%s population=%s", gen, pop)
}

// readAndLoad reads the pattern at path and loads it as [load] does, in
// one pass: the cells go straight from the reader into the engine as they
// are read (a macrocell file's nodes into HashLife's tree), without a copy
// of them in between, whenever their place is known before them (see
// [loader]). The read and the load watch e's context.
func readAndLoad(e *env, path string, s setup) (*patterns.Pattern, string, *universe, error) {
	name := path
	if path == "-" {
		name = stdinName
	}
	l := &loader{s: s, ctx: e.ctx, name: name}
	p, name, isBuiltin, err := readInto(e, path, l)
	if err != nil {
		return nil, name, nil, err
	}
	if isBuiltin {
		u, err := load(p, name, s)
		return p, name, u, err
	}
	u, err := l.finish(p)
	if errors.Is(err, context.Canceled) {
		err = fmt.Errorf("%s: stopped while loading: %w", name, err)
	}
	return p, name, u, err
}
