package main

import (
	"math/big"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// engineCells is an engine's live cells as a writer takes them
// (patterns.Source), visited row by row: nothing is copied first.
// Coordinates are the engine's.
type engineCells struct{ eng engine.Engine }

// walker is an engine that walks its tree for the macrocell writer
// ([engine.NodeWriting]), as patterns.Tree asks.
type walker interface {
	WalkTree(leaf func(rows [8]uint8) error, node func(depth int, kids [4]uint32) error) (int, error)
}

// engineTree is the Source of an engine with node writing.
type engineTree struct {
	engineCells
	walker
}

// source returns eng's cells as a patterns.Source: a patterns.Tree when
// the engine writes its nodes and its coordinates are Golly's (plane).
func source(eng engine.Engine, golly bool) patterns.Source {
	c := engineCells{eng}
	if a := engine.AlgoOf(eng); golly && a != nil && a.Has(engine.NodeWriting) {
		if w, ok := eng.(walker); ok {
			return engineTree{c, w}
		}
	}
	return c
}

// Bounds returns the engine's bounding box.
func (c engineCells) Bounds() (y, x, h, w int64, ok bool) {
	r, ok := c.eng.Bounds()
	return r.Y, r.X, r.H, r.W, ok
}

// LiveCells returns the engine's population.
func (c engineCells) LiveCells() *big.Int { return c.eng.Population() }

// stop unwinds a Visit whose callback failed.
type stop struct{ err error }

// EachRun visits the live cells, handing fn a run at a time.
func (c engineCells) EachRun(fn func(patterns.Run) error) (err error) {
	box, ok := c.eng.Bounds()
	if !ok {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			s, ok := r.(stop)
			if !ok {
				panic(r)
			}
			err = s.err
		}
	}()
	var cur patterns.Run
	c.eng.Visit(box, func(y, x int64) {
		if cur.N > 0 && cur.Y == y && cur.X+cur.N == x {
			cur.N++
			return
		}
		if cur.N > 0 {
			if err := fn(cur); err != nil {
				panic(stop{err}) // Visit cannot be stopped otherwise
			}
		}
		cur = patterns.Run{Y: y, X: x, N: 1}
	})
	if cur.N > 0 {
		return fn(cur)
	}
	return nil
}

// converter is the sink of a conversion (life run --gens 0): it keeps the
// cells as runs, but takes a macrocell file's tree into an engine that
// writes nodes (HashLife), so that a macrocell pattern of any population
// converts to macrocell, and to any format whose budget its cells fit.
type converter struct {
	b    patterns.Builder
	tree treeEngine
	eng  engine.Engine
}

func (c *converter) Begin(*patterns.Pattern) error { return nil }

func (c *converter) Run(y, x, n int64) error {
	c.b.Add(y, x, n)
	return nil
}

// TakesTree makes the engine that takes the tree, when there is one.
func (c *converter) TakesTree() bool {
	for _, a := range engine.Algos() {
		if !a.Has(engine.NodeWriting) {
			continue
		}
		e, err := a.New(engine.Life, engine.Options{})
		if t, ok := e.(treeEngine); err == nil && ok {
			c.eng, c.tree = e, t
			return true
		}
	}
	return false
}

func (c *converter) Leaf(rows [8]uint8) (uint32, error)         { return c.tree.Leaf(rows) }
func (c *converter) Node(d int, kids [4]uint32) (uint32, error) { return c.tree.Node(d, kids) }
func (c *converter) Root(h uint32, d int) error                 { return c.tree.Root(h, d) }

// readToConvert reads the pattern at path for a conversion: its header,
// and its cells as a Source (the Pattern itself, or the engine that took
// its tree, whose cells are in Golly's coordinates).
func readToConvert(e *env, path string) (*patterns.Pattern, string, countedSource, error) {
	c := &converter{}
	p, name, isBuiltin, err := readInto(e, path, c)
	if err != nil {
		return nil, name, nil, err
	}
	if isBuiltin {
		return p, name, p, nil
	}
	if c.eng != nil {
		q := *p
		q.Positioned, q.OriginY, q.OriginX = true, 0, 0
		return &q, name, source(c.eng, true).(countedSource), nil
	}
	q := *p
	q.Runs = c.b.Runs()
	if q.Positioned && q.W == 0 && q.H == 0 {
		// Life 1.06 and macrocell cells come in Golly's coordinates.
		q.W, q.H = 0, 0
	}
	return &q, name, &q, nil
}

// countedSource is a Source that knows its population.
type countedSource interface {
	patterns.Source
	patterns.Counted
}
