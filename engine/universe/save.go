package universe

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/classify"
	"github.com/life-go/life/patterns"
)

// Pattern returns the universe's live cells as a pattern, as Golly saves
// one: with the header's name, author and comments; with the engine's
// rule, and its bounded-grid suffix unless the torus only stands in for
// the plane; and, when xrle is set or the pattern was loaded with a
// position, with its position in Golly's coordinates and its generation
// (the file's, plus the generations run): Golly's #CXRLE line, which its
// GUI writes (its "Save Extended RLE" option is on by default) and bgolly
// does not. It visits every live cell: [Universe.WriteTo] writes without
// that copy.
func (u Universe) Pattern(xrle bool) *patterns.Pattern {
	out := u.PatternHeader(xrle)
	var b patterns.Builder
	many := u.Eng.Rule().States() > 2
	if box, ok := u.Eng.Bounds(); ok {
		if many {
			engine.VisitStatesOf(u.Eng, box, func(y, x int64, s engine.State) { b.AddState(y, x, 1, uint8(s)) })
		} else {
			u.Eng.Visit(box, func(y, x int64) { b.Add(y, x, 1) })
		}
	}
	out.Runs = b.Runs()
	if many {
		// Golly writes a rule of more than two states in extended RLE,
		// whatever its cells.
		out.States = b.States()
		if out.States == nil {
			out.States = make([]uint8, len(out.Runs))
			for i := range out.States {
				out.States[i] = 1
			}
		}
	}
	return out
}

// PatternHeader returns what [Universe.Pattern] returns, without the
// cells and without visiting them: what a writer takes with
// [Universe.Cells].
func (u Universe) PatternHeader(xrle bool) *patterns.Pattern {
	r := u.Eng.Rule()
	if u.Implied {
		r.Topology = engine.Topology{}
	}
	out := &patterns.Pattern{Rule: r.String()}
	h := u.Header
	if h != nil {
		out.Name, out.Author, out.Comments = h.Name, h.Author, h.Comments
	}
	if xrle || h != nil && h.Positioned {
		out.Positioned, out.OriginY, out.OriginX = true, u.OffY, u.OffX
		if gen := u.Gen(); gen.Sign() > 0 {
			out.Gen = gen.String()
		}
	}
	return out
}

// Cells returns the universe's live cells as a writer takes them
// (patterns.Source), visited row by row as the writer writes, never copied
// first; for a rule of many states, a patterns.StateSource, the cells in
// any state but 0 with their states; on an engine with [engine.NodeWriting] on the plane, also a
// patterns.Tree, which the macrocell writer writes node by node, whatever
// the population (a breeder's 10^21 cells in a fraction of a second).
// Coordinates are the engine's: the header of [Universe.Pattern] places
// them.
func (u Universe) Cells() patterns.Source {
	c := engineCells{u.Eng}
	if u.Eng.Rule().States() > 2 {
		return engineStateCells{c}
	}
	if a := engine.AlgoOf(u.Eng); a != nil && a.Has(engine.NodeWriting) && u.OffY == 0 && u.OffX == 0 && u.Eng.Rule().Topology.Kind == engine.Plane {
		if w, ok := u.Eng.(walker); ok {
			return engineTree{c, w}
		}
	}
	return c
}

// WriteTo writes the universe, as [Universe.Pattern] makes it, to w in the
// format a file named path holds: the format its extension names (.rle,
// .mc, .cells, .lif, with .gz after it to compress; see
// [patterns.FormatFor]), RLE for "". The cells go from the engine to the
// writer as it writes them (see [Universe.Cells]), within the default
// limits of package patterns: a format that would take more fails with
// patterns.ErrTooLarge before it writes the cells.
func (u Universe) WriteTo(w io.Writer, path string, xrle bool) error {
	return u.WriteToContext(context.Background(), w, path, xrle)
}

// WriteToContext writes as [Universe.WriteTo] does, stopping with ctx's
// error when ctx is cancelled.
func (u Universe) WriteToContext(ctx context.Context, w io.Writer, path string, xrle bool) error {
	write := patterns.RLEWriter
	if path != "" {
		var err error
		if write, err = patterns.WriterFor(path); err != nil {
			return err
		}
	}
	return write(ctx, w, u.PatternHeader(xrle), u.Cells(), patterns.Limits{})
}

// Save writes the universe to the file path, as [Universe.WriteTo] does,
// atomically (see [WriteFile]).
func (u Universe) Save(path string, xrle bool) error {
	return u.SaveContext(context.Background(), path, xrle)
}

// SaveContext saves as [Universe.Save] does, atomically: when ctx is
// cancelled before the file is complete, an existing file at path is left
// as it was (see [WriteFileContext]).
func (u Universe) SaveContext(ctx context.Context, path string, xrle bool) error {
	if _, _, err := patterns.FormatFor(path); err != nil {
		return UsageError{err}
	}
	return WriteFileContext(ctx, path, func(w io.Writer) error { return u.WriteToContext(ctx, w, path, xrle) })
}

// CellsPattern returns a pattern of the live cells (a census soup, the
// classifier's cells of an object), named name, under the rule named
// rule, each cell where its coordinates say.
func CellsPattern(name, rule string, cells classify.Cells) *patterns.Pattern {
	var b patterns.Builder
	for _, c := range cells {
		b.Add(c.Y, c.X, 1)
	}
	return &patterns.Pattern{Name: name, Rule: rule, Runs: b.Runs()}
}

// Output is where a command writes a pattern (life run's -o): the file
// Path, in the format its extension names, written atomically; or, when
// Path is "", a writer (standard output), in RLE. [NewOutput] makes one.
type Output struct {
	Path  string
	write patterns.WriteFunc
}

// NewOutput returns the output to the file path, or to a writer for "",
// checked before any work, so that a long run is not lost at its end: a
// format the writers know (else a [UsageError]), and a file that may be
// written there ([CheckWritable]).
func NewOutput(path string) (Output, error) {
	o := Output{Path: path, write: patterns.RLEWriter}
	if path == "" {
		return o, nil
	}
	var err error
	if o.write, err = patterns.WriterFor(path); err != nil {
		return Output{}, UsageError{Err: fmt.Errorf("-o: %w", err)}
	}
	if err := CheckWritable(path); err != nil {
		return Output{}, err
	}
	return o, nil
}

// Write writes the pattern hdr, whose live cells are cells, to the file
// (see [WriteFileContext]), or to w when there is none, within the default
// limits of package patterns; a pattern too large for RLE on w is a
// [UsageError].
func (o Output) Write(ctx context.Context, w io.Writer, hdr *patterns.Pattern, cells patterns.Source) error {
	if o.Path != "" {
		return WriteFileContext(ctx, o.Path, func(f io.Writer) error { return o.write(ctx, f, hdr, cells, patterns.Limits{}) })
	}
	err := o.write(ctx, w, hdr, cells, patterns.Limits{})
	if errors.Is(err, patterns.ErrTooLarge) {
		return UsageError{Err: err}
	}
	return err
}
