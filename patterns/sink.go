package patterns

import (
	"context"
	"io"
)

// Sink takes a pattern's live cells from a reader, a run at a time, as
// they are read, instead of their being kept in [Pattern.Runs]: a pattern
// then goes straight into an engine, without a copy of its cells in
// between. The reader gets its sink from [ReadOptions.Start] once the
// lines before the cells are read (see there for the coordinates). The
// universe layer (engine/universe) places cells on an engine through one;
// a [*Builder] is one that keeps them.
type Sink interface {
	// AddRun takes n live cells in row y from column x rightwards. An
	// error stops the reading: the reader returns it as it is.
	AddRun(y, x, n int64) error
}

// AddRun adds n live cells in row y from column x, as [Builder.Add]
// does; it never fails. It makes a Builder a [Sink].
func (b *Builder) AddRun(y, x, n int64) error {
	b.Add(y, x, n)
	return nil
}

// TreeSink is a [Sink] that takes a macrocell file's tree of nodes as the
// file gives it, instead of its cells: a macrocell pattern then costs what
// its nodes cost (a few thousand for Golly's metapixel patterns of 10^8
// cells), not what its cells do. HashLife builds its own tree from them.
// A macrocell reader whose Start returns a TreeSink hands it the tree;
// any other Sink gets the cells.
type TreeSink interface {
	Sink
	// Leaf takes an 8 x 8 leaf: rows[0] is the top row, bit 7 of a row its
	// leftmost cell. It returns the leaf's handle.
	Leaf(rows [8]uint8) (uint32, error)
	// Node takes a node of depth d (from 4: 2^d cells square) made of four
	// handles of depth d-1 given before, north-west, north-east,
	// south-west and south-east; 0 is an empty quadrant. It returns the
	// node's handle, never 0.
	Node(d int, kids [4]uint32) (uint32, error)
	// Root sets the pattern: handle h, of depth d, whose top-left cell is
	// Golly's (-2^(d-1)+1, -2^(d-1)), row first, as in Golly's HashLife.
	// It is not called for a file with no node.
	Root(h uint32, d int) error
}

// ReadTo reads a pattern from r as [Read] does, handing its live cells to
// the sink start returns, as [ReadOptions.Start] says.
func ReadTo(name string, r io.Reader, start func(h *Pattern) (Sink, error)) (*Pattern, error) {
	return ReadWith(name, r, ReadOptions{Start: start})
}

// ReadOptions tune [ReadWith].
type ReadOptions struct {
	// Limits is the read's budget; its zero fields take [DefaultLimits].
	Limits Limits
	// Ctx, when not nil, cancels the read: it is checked as the data
	// arrives and as the cells are handed on, and its error is returned.
	Ctx context.Context
	// Start, when not nil, is called once, before any cell, with the
	// pattern as far as it is known without its cells (it has no Runs):
	// its rule (and RuleLine and RuleCol, to place an error in it), name,
	// comments, position (#CXRLE Pos) and, for RLE, its declared size.
	// When it returns a sink, the live cells go to it as they are read,
	// and the Pattern returned has no Runs (but its comments and Notice,
	// which may come after the cells); when it returns nil, they are kept
	// as Read keeps them. Its error stops the read and is returned as it
	// is. The cells' coordinates are those of the pattern Start saw:
	// Golly's universe puts them at its TopLeft() + (y, x). RLE and
	// plaintext hand their runs in reading order (row by row, left to
	// right); a Life 1.05 or 1.06 or a macrocell file is positioned with
	// its origin at (0, 0) when Start sees it, its cells in Golly's
	// coordinates themselves, Life 1.06's in the file's order (which may
	// repeat a cell).
	Start func(h *Pattern) (Sink, error)
}

// reading is what a reader works with: its options, filled in, and the
// sink its cells go to (a Builder when the caller gave none).
type reading struct {
	name  string
	lim   Limits
	ctx   context.Context
	start func(h *Pattern) (Sink, error)
	hint  int // about how many runs the data may hold, to make room for
	sink  Sink
	tree  TreeSink // sink as a TreeSink, or nil
	keep  *Builder // the runs kept, when there is no sink
	runs  int64    // runs handed on
	cells int64    // live cells handed on
	ticks int
}

func newReading(name string, o *ReadOptions) *reading {
	rd := &reading{name: name, lim: o.Limits.withDefaults(), ctx: o.Ctx, start: o.Start}
	if rd.start == nil {
		rd.keepRuns()
	}
	return rd
}

// keepRuns makes the reading keep its runs.
func (rd *reading) keepRuns() {
	rd.keep = &Builder{}
	if rd.hint > 0 {
		rd.keep.Grow(int(min(int64(rd.hint), rd.lim.Runs)))
	}
	rd.sink = rd.keep
}

// run hands on a run, within the budget; l places the errors.
func (rd *reading) run(l *lexer, y, x, n int64) error {
	rd.runs++
	rd.cells += n
	if rd.runs > rd.lim.Runs {
		return l.errorf(l.line, l.col, "more than the limit of %d runs of live cells", rd.lim.Runs)
	}
	if rd.cells > rd.lim.Cells || rd.cells < 0 {
		return l.errorf(l.line, l.col, "more than the limit of %d live cells", rd.lim.Cells)
	}
	if rd.ticks++; rd.ticks&0xfff == 0 {
		if err := rd.cancelled(); err != nil {
			return err
		}
	}
	return rd.sink.AddRun(y, x, n)
}

// cancelled returns the context's error, or nil.
func (rd *reading) cancelled() error {
	if rd.ctx != nil {
		return rd.ctx.Err()
	}
	return nil
}

// begin calls Start, once, and takes the sink it returns.
func (rd *reading) begin(p *Pattern) error {
	if rd.sink != nil {
		return nil
	}
	sink, err := rd.start(p)
	if err != nil {
		return err
	}
	if sink == nil {
		rd.keepRuns()
		return nil
	}
	rd.sink = sink
	rd.tree, _ = sink.(TreeSink)
	return nil
}

// finish puts the kept runs into p, when the reader kept them.
func (rd *reading) finish(p *Pattern) {
	if rd.keep != nil {
		p.Runs = rd.keep.Runs()
	}
}
