package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/grid"
	"github.com/life-go/life/patterns"
)

// treeEngine is an engine that takes a macrocell file's tree as it is
// read (hashlife), as patterns.TreeSink asks.
type treeEngine interface {
	Leaf(rows [8]uint8) (uint32, error)
	Node(d int, kids [4]uint32) (uint32, error)
	Root(h uint32, d int) error
}

// builder is an engine that builds the runs it was given in a pass that can
// be cancelled (hashlife).
type builder interface {
	Build(ctx context.Context) error
}

// loader is the sink a pattern file is read into: the one load path. At
// Begin, once the rule and the position are known, it resolves the rule and
// topology as [load] does and makes the engine; when the pattern's place
// is known then (on the unbounded plane, a positioned pattern on a bounded
// grid, or a pattern whose declared size places it), every run goes
// straight into the engine as it is read, and a macrocell file's nodes
// straight into a HashLife tree; otherwise (a torus that stands in for the
// plane, sized by the pattern; a pattern of unknown size to centre) the
// runs are gathered and loaded at the end, as [load] loads a pattern.
type loader struct {
	ctx  context.Context
	name string
	s    setup

	u       *universe
	rs      engine.RunSetter // u.eng's, or nil
	tree    treeEngine       // u.eng's when it takes trees, or nil
	y0, x0  int64            // where the pattern's (0, 0) goes in the engine
	declW   int64            // the declared size the placement used, or 0
	declH   int64
	wrap    bool              // a torus: positions wrap
	th, tw  int64             // the torus's size
	gather  *patterns.Builder // runs kept for the end, or nil
	p       *patterns.Pattern // Begin's pattern
	maxY    int64             // the extent of the runs set directly, from (0, 0)
	maxX    int64
	minY    int64
	minX    int64
	anyRuns bool
}

var _ patterns.TreeSink = (*loader)(nil)

// Begin decides where the cells go, as the type's comment says.
func (l *loader) Begin(p *patterns.Pattern) error {
	c := *p
	l.p = &c
	r, implied, err := resolveRule(p, l.name, l.s)
	if err != nil {
		return err
	}
	t := r.Topology
	// Placed as load places a pattern: where it says, when positioned;
	// else centred by its declared size (as long as every cell lies
	// inside it, which Run checks); else, its size unknown until its
	// end, gathered and loaded then, as is a pattern that sizes the
	// torus standing in for the plane.
	switch {
	case implied || !p.Positioned && (p.W == 0 || p.H == 0):
		l.gather = &patterns.Builder{}
		return nil
	case p.Positioned && t.Kind == engine.Plane:
		l.y0, l.x0 = p.OriginY, p.OriginX
	case p.Positioned:
		offY, offX := -int64(t.H/2), -int64(t.W/2)
		l.y0, l.x0 = floorMod(p.OriginY-offY, int64(t.H)), floorMod(p.OriginX-offX, int64(t.W))
	default:
		l.declW, l.declH = p.W, p.H
		l.y0, l.x0 = int64(t.H/2)-p.H/2, int64(t.W/2)-p.W/2
	}
	if t.Kind != engine.Plane {
		l.wrap, l.th, l.tw = true, int64(t.H), int64(t.W)
	}
	eng, err := l.s.newEngine(r)
	if err != nil {
		if errors.Is(err, engine.ErrUnsupported) || errors.Is(err, grid.ErrSize) {
			return inputError{fmt.Errorf("%s: %w", l.name, err)}
		}
		return err
	}
	l.u = &universe{eng: eng}
	if t.Kind != engine.Plane {
		l.u.offY, l.u.offX = -int64(t.H/2), -int64(t.W/2)
	}
	l.rs, _ = eng.(engine.RunSetter)
	if te, ok := eng.(treeEngine); ok && t.Kind == engine.Plane {
		l.tree = te
	}
	return nil
}

// Run sets a run in the engine, or gathers it.
func (l *loader) Run(y, x, n int64) error {
	if l.gather != nil {
		l.gather.Add(y, x, n)
		return nil
	}
	if l.declW > 0 && (y >= l.declH || x+n > l.declW || y < 0 || x < 0) {
		// A cell outside the declared size moves the centre: take back
		// what was set, and place the whole pattern at the end.
		l.regather()
		l.gather.Add(y, x, n)
		return nil
	}
	if !l.anyRuns {
		l.minY, l.minX, l.maxY, l.maxX, l.anyRuns = y, x, y+1, x+n, true
	}
	l.minY, l.minX = min(l.minY, y), min(l.minX, x)
	l.maxY, l.maxX = max(l.maxY, y+1), max(l.maxX, x+n)
	if l.wrap && (l.maxY-l.minY > l.th || l.maxX-l.minX > l.tw) {
		return nil // too large: finish says so, with the whole size
	}
	y, x = l.y0+y, l.x0+x
	if l.rs != nil {
		if !l.wrap {
			l.rs.SetRun(y, x, n)
			return nil
		}
		// On a torus a run may wrap past the right edge.
		y, x = floorMod(y, l.th), floorMod(x, l.tw)
		for n > 0 {
			k := min(n, l.tw-x)
			l.rs.SetRun(y, x, k)
			n -= k
			x = 0
		}
		return nil
	}
	for i := int64(0); i < n; i++ {
		l.u.eng.SetCell(y, x+i, true)
	}
	return nil
}

// regather takes back the cells set so far, in the pattern's coordinates,
// and gathers from then on.
func (l *loader) regather() {
	l.gather = &patterns.Builder{}
	if box, ok := l.u.eng.Bounds(); ok {
		l.u.eng.Visit(box, func(y, x int64) { l.gather.Add(y-l.y0, x-l.x0, 1) })
	}
	l.u, l.rs, l.tree = nil, nil, nil
}

// TakesTree reports whether the engine takes a macrocell tree as it is.
func (l *loader) TakesTree() bool { return l.gather == nil && l.tree != nil }

// Leaf, Node and Root hand a macrocell file's tree to the engine.
func (l *loader) Leaf(rows [8]uint8) (uint32, error)         { return l.tree.Leaf(rows) }
func (l *loader) Node(d int, kids [4]uint32) (uint32, error) { return l.tree.Node(d, kids) }
func (l *loader) Root(h uint32, d int) error                 { return l.tree.Root(h, d) }

// finish returns the universe once p, the pattern as read, has been read
// in: the gathered runs loaded as [load] loads them, or the engine's runs
// built, watching the context.
func (l *loader) finish(p *patterns.Pattern) (*universe, error) {
	if l.gather != nil {
		q := *p
		if l.p != nil {
			q = *l.p
		}
		q.Runs = l.gather.Runs()
		if q.Positioned && q.W == 0 && q.H == 0 {
			// Life 1.06 and macrocell give Golly's coordinates: make
			// them relative to the cells' box, as Read does.
			if top, left, h, w, ok := q.Bounds(); ok {
				for i := range q.Runs {
					q.Runs[i].Y -= top
					q.Runs[i].X -= left
				}
				q.OriginY, q.OriginX, q.W, q.H = q.OriginY+top, q.OriginX+left, w, h
			}
		}
		return load(&q, l.name, l.s)
	}
	if l.u == nil {
		// No Begin: no cells either.
		return load(p, l.name, l.s)
	}
	if w, h := max(l.maxX-l.minX, l.declW), max(l.maxY-l.minY, l.declH); l.wrap && (w > l.tw || h > l.th) {
		return nil, inputError{fmt.Errorf("%s: pattern of %d x %d cells does not fit the %d x %d grid of %s", l.name, w, h, l.tw, l.th, l.u.eng.Rule())}
	}
	if b, ok := l.u.eng.(builder); ok {
		if err := b.Build(l.ctx); err != nil {
			return nil, err
		}
	}
	return l.u, nil
}
