package universe

import (
	"math/big"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"

	// The engines register themselves in the engine registry: whoever
	// loads a universe can have any of them.
	_ "github.com/life-go/life/engine/bitwise"
	_ "github.com/life-go/life/engine/ghash"
	_ "github.com/life-go/life/engine/hashlife"
	_ "github.com/life-go/life/engine/states"
)

// Universe is a pattern running on an engine, with what it takes to write
// it back as Golly would: where the engine's cells lie in Golly's
// coordinates, the generations run before the engine was made, and the
// pattern's name and comments.
//
// A Universe is a value: copies share the engine, which one goroutine
// owns at a time (see [engine.Engine]); [Universe.Clone] makes one with an
// engine of its own.
type Universe struct {
	// Eng is the engine that holds the cells and steps them.
	Eng engine.Engine
	// Gen0 is the generations run before Eng was made: the generation a
	// file gives (#CXRLE Gen, macrocell's #G), as Golly reads it, and
	// those run before a switch of engine or rule, which starts a new
	// engine at generation 0. nil means 0. An engine of a B0 rule
	// without Smax counts Golly's generation itself, whose parity chooses
	// the rule it steps with next, and Gen0 is then 0 (see
	// [Universe.Swap]). Nobody modifies it: a new count is a new big.Int.
	Gen0 *big.Int
	// Implied says the torus only stands in for the unbounded plane (a
	// pattern without a bounded-grid suffix on an engine that runs only
	// tori): a pattern written from the universe leaves the torus's
	// suffix out.
	Implied bool
	// OffY and OffX take the engine's coordinates to Golly's: the engine's
	// cell (y, x) is Golly's (y+OffY, x+OffX). They are 0 on the plane; a
	// bounded grid's middle is Golly's (0, 0).
	OffY, OffX int64
	// Why says why auto put a universe just loaded on the engine it is on,
	// when that is not the ordinary choice ("protocol would not keep up
	// with 30 gens/s: started on bitwise"), for the UI's status bar; ""
	// otherwise.
	Why string
	// Header is the pattern as loaded, without its cells: its name,
	// author, comments, rule as written, position and generation (Golly's
	// #CXRLE Gen), and as W and H its size as loaded. It is never
	// modified; nil means none.
	Header *patterns.Pattern
}

// Gen returns the universe's generation: Gen0 and the engine's.
func (u Universe) Gen() *big.Int {
	g := u.Eng.Generation()
	if u.Gen0 != nil {
		g.Add(g, u.Gen0)
	}
	return g
}

// Clone returns a copy of u with an engine of its own, to step or modify.
func (u Universe) Clone() Universe {
	u.Eng = u.Eng.Clone()
	return u
}

// Bounds returns the rectangle of a bounded universe's cells, and false
// for the unbounded plane.
func Bounds(e engine.Engine) (engine.Rect, bool) {
	t := e.Rule().Topology
	if t.Kind == engine.Plane || t.W == 0 || t.H == 0 {
		return engine.Rect{}, false
	}
	return engine.Rect{W: int64(t.W), H: int64(t.H)}, true
}
