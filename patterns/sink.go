package patterns

import "context"

// Sink takes a pattern's live cells as its reader reads them, instead of
// their being kept in [Pattern.Runs]: a pattern then goes straight into an
// engine, without a copy of its cells in between (engine/universe places
// them through one). See [ReadOptions].
type Sink interface {
	// Begin is called once, before any cell, with the pattern as far as
	// it is known before its cells: its rule (and RuleLine and RuleCol,
	// to place an error in it), name, comments, position (#CXRLE Pos)
	// and, for RLE, its declared size. A Life 1.05 or 1.06 or a
	// macrocell file is positioned with its origin at (0, 0) here: its
	// cells give Golly's coordinates themselves. An error stops the read,
	// which returns it as it is.
	Begin(p *Pattern) error
	// Run takes n live cells of row y from column x rightwards, in the
	// coordinates of Begin's pattern: Golly's universe puts them at its
	// TopLeft() + (y, x). RLE and plaintext hand their runs in reading
	// order (row by row, left to right); Life 1.06 in the file's order,
	// which may repeat a cell. An error stops the read, which returns it.
	Run(y, x, n int64) error
}

// StateSink is a [Sink] that takes cells of many states too: cells in
// states above 1 (extended RLE's letters, MCell) go to StateRun, those in
// state 1 to Run. A reader whose sink is no StateSink refuses a cell in a
// state above 1.
type StateSink interface {
	Sink
	// StateRun takes n cells in state s (2 to 255) of row y from column
	// x rightwards, as Run takes live ones.
	StateRun(y, x, n int64, s uint8) error
}

// RowSink is a [Sink] that takes the live cells of a row in words, many
// runs at once, instead of a call a run: the RLE reader hands the bulk of
// a file's cells on so, and its other cells, as the other readers do
// theirs, through Run. Rows and runs come in reading order all the same.
type RowSink interface {
	Sink
	// Row takes the live cells of row y from column x on: bit i of
	// bits[j] is the cell (y, x+64*j+i), in the coordinates of Run's
	// cells. x is a multiple of 64, and bits[0] and bits[len(bits)-1]
	// are not 0. bits is the reader's, valid during the call only. An
	// error stops the read, which returns it.
	Row(y, x int64, bits []uint64) error
}

// TreeSink is a [Sink] that takes a macrocell file's tree of nodes as the
// file gives it, instead of its cells: a macrocell pattern then costs what
// its nodes cost (a few thousand for Golly's metapixel patterns of 10^8
// cells), not what its cells do. HashLife builds its own tree from them.
type TreeSink interface {
	Sink
	// TakesTree reports, after Begin, whether the sink takes the tree;
	// when it does not, the reader hands it the tree's cells as runs.
	TakesTree() bool
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

// ReadOptions tune [ReadWith].
type ReadOptions struct {
	// Limits is the read's budget; its zero fields take [DefaultLimits].
	Limits Limits
	// Ctx, when not nil, cancels the read: it is checked as the data
	// arrives and as the cells are handed on, and its error is returned.
	Ctx context.Context
	// Sink, when not nil, takes the cells instead of Pattern.Runs (and,
	// a TreeSink, a macrocell file's nodes).
	Sink Sink
}

// reading is what a reader works with: its options, filled in, and the
// sink its cells go to (a Builder when the caller gave none).
type reading struct {
	name  string
	lim   Limits
	ctx   context.Context
	hint  int // about how many runs the data may hold, to make room for
	sink  Sink
	tree  TreeSink // sink as a TreeSink, or nil
	rows  RowSink  // sink as a RowSink, or nil
	keep  *Builder // the runs kept, when there is no sink
	runs  int64    // runs handed on
	cells int64    // live cells handed on
	ticks int
}

func newReading(name string, o *ReadOptions) *reading {
	rd := &reading{name: name, lim: o.Limits.withDefaults(), ctx: o.Ctx, sink: o.Sink}
	if rd.sink == nil {
		rd.keepRuns()
	} else {
		rd.tree, _ = rd.sink.(TreeSink)
		rd.rows, _ = rd.sink.(RowSink)
	}
	return rd
}

// keepRuns makes the reading keep its runs.
func (rd *reading) keepRuns() {
	rd.keep = &Builder{}
	if rd.hint > 0 {
		rd.keep.Grow(int(min(int64(rd.hint), rd.lim.Runs)))
	}
	rd.sink = builderSink{rd.keep}
}

// run hands on a run of live cells (state 1), within the budget; l places
// the errors.
func (rd *reading) run(l *lexer, y, x, n int64) error { return rd.stateRun(l, y, x, n, 1) }

// stateRun hands on a run of cells in state s (1 to 255), within the
// budget, to the sink's StateRun for a state above 1; a sink that is no
// [StateSink] refuses those. l places the errors.
func (rd *reading) stateRun(l *lexer, y, x, n int64, s uint8) error {
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
	if s > 1 {
		if !takesStates(rd.sink) {
			return l.errorf(l.line, l.col, "a cell in state %d: this reader takes two states only", s)
		}
		return rd.sink.(StateSink).StateRun(y, x, n, s)
	}
	return rd.sink.Run(y, x, n)
}

// takesStates reports whether sink takes cells in states above 1: it is a
// [StateSink].
func takesStates(sink Sink) bool {
	_, ok := sink.(StateSink)
	return ok
}

// cancelled returns the context's error, or nil.
func (rd *reading) cancelled() error {
	if rd.ctx != nil {
		return rd.ctx.Err()
	}
	return nil
}

// begin calls the sink's Begin.
func (rd *reading) begin(p *Pattern) error { return rd.sink.Begin(p) }

// builderSink keeps the runs of a reading that has no sink.
type builderSink struct{ *Builder }

func (builderSink) Begin(*Pattern) error { return nil }
func (s builderSink) Run(y, x, n int64) error {
	s.Add(y, x, n)
	return nil
}
func (s builderSink) StateRun(y, x, n int64, st uint8) error {
	s.AddState(y, x, n, st)
	return nil
}

// finish puts the kept runs into p, when the reader kept them.
func (rd *reading) finish(p *Pattern) {
	if rd.keep != nil {
		p.Runs = rd.keep.Runs()
		p.States = rd.keep.States()
	}
}
