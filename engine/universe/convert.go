package universe

import (
	"context"
	"io"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// ReadCells reads the pattern at path, as [ReadPatternContext] names it,
// for writing it again without running it (life run --gens 0): its header,
// and its cells as a patterns.Source. The cells are kept as runs, but a
// macrocell file's tree goes into an engine that writes nodes (HashLife),
// so that a macrocell pattern of any population converts to macrocell,
// and to any format whose budget its cells fit. The header of such a
// pattern is positioned at Golly's origin, the Source giving Golly's
// coordinates.
func ReadCells(ctx context.Context, path string, stdin io.Reader) (*patterns.Pattern, string, Cells, error) {
	c := &converter{}
	p, name, built, err := ReadPatternContext(ctx, path, stdin, convertSink{c})
	if err != nil {
		return nil, name, nil, err
	}
	if built {
		return p, name, p, nil
	}
	q := *p
	if c.tree {
		q.Positioned, q.OriginY, q.OriginX = true, 0, 0
		return &q, name, Universe{Eng: c.eng}.Cells().(Cells), nil
	}
	q.Runs = c.b.Runs()
	q.States = c.b.States()
	if r, err := engine.ParseRule(q.Rule); err == nil && r.States() > 2 && q.States == nil {
		// Golly writes a rule of many states in extended RLE, whatever
		// its cells' states.
		q.States = make([]uint8, len(q.Runs))
		for i := range q.States {
			q.States[i] = 1
		}
	}
	if q.Positioned && q.W == 0 && q.H == 0 {
		// Life 1.06 and macrocell cells came in Golly's coordinates:
		// relative to their box, as Read keeps them.
		if top, left, h, w, ok := q.Bounds(); ok {
			for i := range q.Runs {
				q.Runs[i].Y -= top
				q.Runs[i].X -= left
			}
			q.OriginY, q.OriginX, q.W, q.H = top, left, w, h
		}
	}
	return &q, name, &q, nil
}

// Cells is a Source that knows its population, as every writer's budget
// wants.
type Cells interface {
	patterns.Source
	patterns.Counted
}

// converter is ReadCells' sink: runs into a Builder, a macrocell tree
// into an engine that writes nodes.
type converter struct {
	b    patterns.Builder
	many bool // the rule has more than two states: no tree
	eng  engine.Engine
	t    treeEngine
	tree bool // the engine took a tree
}

// convertSink is the converter as a patterns.TreeSink.
type convertSink struct{ c *converter }

var (
	_ patterns.TreeSink  = convertSink{}
	_ patterns.StateSink = convertSink{}
)

func (s convertSink) Begin(p *patterns.Pattern) error {
	r, err := engine.ParseRule(p.Rule)
	s.c.many = err == nil && r.States() > 2
	return nil
}

func (s convertSink) Run(y, x, n int64) error {
	s.c.b.Add(y, x, n)
	return nil
}

// StateRun keeps a run of cells in state st.
func (s convertSink) StateRun(y, x, n int64, st uint8) error {
	s.c.b.AddState(y, x, n, st)
	return nil
}

// TakesTree makes the engine that takes the tree, when one writes nodes.
func (s convertSink) TakesTree() bool {
	if s.c.many {
		return false // the engines that write nodes have two states
	}
	for _, a := range engine.Algos() {
		if !a.Has(engine.NodeWriting) {
			continue
		}
		e, err := a.New(engine.Life, engine.Options{})
		if t, ok := e.(treeEngine); err == nil && ok {
			s.c.eng, s.c.t = e, t
			return true
		}
	}
	return false
}

func (s convertSink) Leaf(rows [8]uint8) (uint32, error)         { return s.c.t.Leaf(rows) }
func (s convertSink) Node(d int, kids [4]uint32) (uint32, error) { return s.c.t.Node(d, kids) }

// Root hands the tree's root to the engine, which then holds the cells.
func (s convertSink) Root(h uint32, d int) error {
	s.c.tree = true
	return s.c.t.Root(h, d)
}
