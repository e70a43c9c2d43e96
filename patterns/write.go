package patterns

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"math/big"
)

// Source is a pattern's live cells as a writer takes them, without a copy
// of every cell first: an engine's cells, visited row by row, or a
// [Pattern]'s runs. Coordinates are the pattern's (Golly's universe puts
// them at the pattern's TopLeft() + (y, x)).
type Source interface {
	// Bounds returns the smallest box holding every live cell, as its
	// top-left corner and size, and false when there is none.
	Bounds() (y, x, h, w int64, ok bool)
	// EachRun calls fn for each run of live cells, row by row and left to
	// right, adjacent runs merged or not; it stops at the first error fn
	// returns, and returns it.
	EachRun(fn func(Run) error) error
}

// StateSource is a [Source] of cells of many states: a Generations or
// Larger than Life engine's, or a [Pattern] with [Pattern.States]. The RLE
// writer writes it in extended RLE when ManyStates says so; the formats of
// two states refuse a cell in a state above 1.
type StateSource interface {
	Source
	// ManyStates reports whether the cells are of a rule of many states,
	// which Golly writes in extended RLE whatever the cells' states.
	ManyStates() bool
	// EachStateRun is EachRun with each run's state (1 to 255), a run
	// being cells of one state.
	EachStateRun(fn func(Run, uint8) error) error
}

// ManyStates reports whether p is of many states (its States is not nil),
// as [StateSource] asks.
func (p *Pattern) ManyStates() bool { return p.States != nil }

// EachStateRun calls fn for each of p's runs with its state, as
// [StateSource] asks.
func (p *Pattern) EachStateRun(fn func(Run, uint8) error) error {
	for i, r := range p.Runs {
		if err := fn(r, p.StateOf(i)); err != nil {
			return err
		}
	}
	return nil
}

// twoStateCells returns cells as a source of two states for format: when
// cells is a [StateSource], its runs in a state above 1 fail the write with
// an error wrapping [ErrStates] that names the cell.
func twoStateCells(cells Source, format string) Source {
	ss, ok := cells.(StateSource)
	if !ok || !ss.ManyStates() {
		return cells
	}
	return twoStates{ss, format}
}

type twoStates struct {
	StateSource
	format string
}

func (t twoStates) EachRun(fn func(Run) error) error {
	return t.EachStateRun(func(r Run, s uint8) error {
		if s > 1 {
			return fmt.Errorf("%w: %s cannot hold the cell in state %d at (y=%d, x=%d); write RLE (.rle), which keeps every state", ErrStates, t.format, s, r.Y, r.X)
		}
		return fn(r)
	})
}

// Counted is a [Source] that knows how many live cells it has without
// visiting them (an engine does), so that a writer refuses an output past
// its [Limits] before writing anything.
type Counted interface {
	LiveCells() *big.Int
}

// Tree is a [Source] that is a quadtree of shared nodes (HashLife's), which
// the macrocell writer writes node by node, without visiting a cell: a
// pattern of 10^21 cells costs what its nodes cost.
type Tree interface {
	// WalkTree calls leaf and node once for each distinct node of the
	// tree that has a live cell, children before their parents, the root
	// last; the handles a node gives its children are the numbers of the
	// calls that introduced them, counting from 1, and 0 for an empty
	// quadrant. A leaf's rows are as [TreeSink.Leaf] takes them. The tree's
	// cells are in Golly's universe, as [TreeSink.Root] places a root of
	// the depth returned; the pattern's position is not used. It stops at
	// the first error leaf or node returns, and returns it.
	WalkTree(leaf func(rows [8]uint8) error, node func(depth int, kids [4]uint32) error) (depth int, err error)
}

// EachRun calls fn for each of p's runs, as [Source] asks.
func (p *Pattern) EachRun(fn func(Run) error) error {
	for _, r := range p.Runs {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// LiveCells returns p's population, as [Counted] asks.
func (p *Pattern) LiveCells() *big.Int { return big.NewInt(p.Population()) }

// WriteFunc writes the pattern p (its name, rule, position, generation),
// whose live cells are cells (p's own when cells is nil), within the
// limits lim (zero fields: [DefaultLimits], with [MaxOutput] bytes). ctx,
// when not nil, stops the write with its error.
type WriteFunc func(ctx context.Context, w io.Writer, p *Pattern, cells Source, lim Limits) error

// WriterFor returns the function that writes a pattern as a file named
// path should hold it: in the format its extension names, compressed when
// it ends in ".gz". See [FormatFor].
func WriterFor(path string) (WriteFunc, error) {
	f, gz, err := FormatFor(path)
	if err != nil {
		return nil, err
	}
	return formatWriter(f, gz), nil
}

// formatWriter returns the WriteFunc of format f, compressed when gz.
func formatWriter(f Format, gz bool) WriteFunc {
	return func(ctx context.Context, w io.Writer, p *Pattern, cells Source, lim Limits) error {
		if cells == nil {
			cells = p
		}
		lim = lim.output()
		var zw *gzip.Writer
		if gz {
			zw = gzip.NewWriter(w)
			w = zw
		}
		lw := &limitedWriter{w: w, max: lim.Bytes, ctx: ctx}
		if err := f.Write(lw, p, cells, lim); err != nil {
			return err
		}
		if zw != nil {
			return zw.Close()
		}
		return nil
	}
}

// RLEWriter is the WriteFunc of RLE, the format of standard output.
var RLEWriter = formatWriter(Format{Write: writeRLE}, false)

// checkCells refuses a source whose live cells are known to pass the
// limit of a cell-by-cell format, before anything is written.
func checkCells(cells Source, lim Limits, format string) error {
	c, ok := cells.(Counted)
	if !ok {
		return nil
	}
	if n := c.LiveCells(); n.Cmp(big.NewInt(lim.Cells)) > 0 {
		return fmt.Errorf("%s cells are more than the limit of %d for %s: %w; write macrocell (.mc)", n, lim.Cells, format, ErrTooLarge)
	}
	return nil
}

// flushing returns a buffered writer on w and a function that flushes it
// and returns the first error of the writes.
func flushing(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 64<<10) }
