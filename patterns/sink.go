package patterns

// Sink takes a pattern's live cells from a reader, a run at a time, in
// reading order: row by row from the top, each row from the left, runs
// not overlapping. Coordinates are the pattern's, as in [Pattern.Runs]:
// the header's size and position say where they lie. The universe layer
// (engine/universe) places them on an engine through one; a [*Builder]
// is one that keeps them.
type Sink interface {
	// AddRun takes n live cells in row y from column x rightwards. An
	// error stops the reading: the reader returns it.
	AddRun(y, x, n int64) error
}

// AddRun adds n live cells in row y from column x, as [Builder.Add]
// does; it never fails. It makes a Builder a [Sink].
func (b *Builder) AddRun(y, x, n int64) error {
	b.Add(y, x, n)
	return nil
}

// readTo reads data, in format f, for [ReadTo].
func readTo(f Format, name string, data []byte, start func(h *Pattern) (Sink, error)) (*Pattern, error) {
	if f.Name != "RLE" {
		p, err := f.Read(name, data)
		if err != nil {
			return nil, err
		}
		runs := p.Runs
		p.Runs = nil
		sink, err := start(p)
		if err != nil || sink == nil {
			p.Runs = runs
			return p, err
		}
		for _, r := range runs {
			if err := sink.AddRun(r.Y, r.X, r.N); err != nil {
				return nil, err
			}
		}
		return p, nil
	}
	// RLE: the parser hands the runs on as it reads them. An error of the
	// sink's ends the handing on; the parser reads the rest for its own
	// errors, which come first.
	var serr error
	r := &rleParser{lexer: newLexer(name, data)}
	r.start = func(h *Pattern) func(Run) {
		sink, err := start(h)
		if err != nil {
			serr = err
			return func(Run) {}
		}
		if sink == nil {
			// The runs are kept: make room for them at once. A sink
			// keeps none, and needs no room.
			r.cells.Grow(min(len(data)/2+1, runLimit))
			return nil
		}
		return func(run Run) {
			if serr == nil {
				serr = sink.AddRun(run.Y, run.X, run.N)
			}
		}
	}
	p, err := r.parse(isPlainRLE(firstLine(data)))
	if err != nil {
		return nil, err
	}
	if serr != nil {
		return nil, serr
	}
	return p, nil
}
