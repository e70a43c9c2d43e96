package patterns

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
		runs := p.Runs
		p.Runs = nil
		if err := sink.Begin(p); err != nil {
			return nil, err
		}
		for _, r := range runs {
			if err := sink.Run(r.Y, r.X, r.N); err != nil {
				return nil, err
			}
		}
		return p, nil
	}
	// RLE: the parser hands the runs on as it reads them. An error of the
	// sink's ends the handing on; the parser reads the rest for its own
	// errors, which come first.
	var serr error
	r := &rleParser{lexer: newLexer(name, data), start: func(h *Pattern) func(Run) {
		serr = sink.Begin(h)
		return func(run Run) {
			if serr == nil {
				serr = sink.Run(run.Y, run.X, run.N)
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
