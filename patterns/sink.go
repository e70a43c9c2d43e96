package patterns

import "fmt"

// Sink takes a pattern's live cells as its reader reads them, instead of
// their being kept in [Pattern.Runs]: a pattern then goes straight into an
// engine, without a copy of its cells in between (engine/universe places
// them through one). See [ReadOptions].
type Sink interface {
	// Begin is called once, before any cell, with the pattern as far as
	// it is known before its cells: its rule, name, comments, position
	// (#CXRLE Pos) and, for RLE, its declared size. An error stops the
	// read, which returns it.
	Begin(p *Pattern) error
	// Run takes n live cells of row y from column x rightwards, in the
	// coordinates of Begin's pattern, in reading order (row by row, left
	// to right). An error stops the read, which returns it.
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

// sinkRun hands a run of state s to sink.
func sinkRun(name string, sink Sink, y, x, n int64, s uint8) error {
	if s <= 1 {
		return sink.Run(y, x, n)
	}
	ss, ok := sink.(StateSink)
	if !ok {
		return &Error{File: name, Msg: fmt.Sprintf("a cell in state %d: this reader takes two states only", s)}
	}
	return ss.StateRun(y, x, n, s)
}

// ReadOptions tune [ReadWith].
type ReadOptions struct {
	// Sink, when not nil, takes the cells instead of Pattern.Runs.
	Sink Sink
}

// readTo reads data, in format f, for [ReadWith] with a sink. RLE hands
// its runs on as it parses them; the other formats are read whole first,
// and their runs handed on after.
func readTo(f Format, name string, data []byte, sink Sink) (*Pattern, error) {
	if f.Name != "RLE" {
		p, err := f.Read(name, data)
		if err != nil {
			return nil, err
		}
		runs, states := p.Runs, p.States
		p.Runs, p.States = nil, nil
		if err := sink.Begin(p); err != nil {
			return nil, err
		}
		for i, r := range runs {
			s := uint8(1)
			if states != nil {
				s = states[i]
			}
			if err := sinkRun(name, sink, r.Y, r.X, r.N, s); err != nil {
				return nil, err
			}
		}
		p.States = states
		return p, nil
	}
	// RLE: the parser hands the runs on as it reads them. An error of the
	// sink's ends the handing on; the parser reads the rest for its own
	// errors, which come first.
	var serr error
	r := &rleParser{lexer: newLexer(name, data), start: func(h *Pattern) func(Run, uint8) {
		serr = sink.Begin(h)
		return func(run Run, s uint8) {
			if serr == nil {
				serr = sinkRun(name, sink, run.Y, run.X, run.N, s)
			}
		}
	}}
	p, err := r.parse(isPlainRLE(firstLine(data)))
	if err != nil {
		return nil, err
	}
	if serr != nil {
		return nil, serr
	}
	return p, nil
}
