package patterns

import (
	"context"
	"fmt"
	"io"
)

// Limits is the budget of a read or a write: one set of bounds that every
// reader checks as the data arrives (never at the end of a line or of the
// file), and that every writer checks before it writes and as it writes.
// A zero field takes the value of [DefaultLimits].
type Limits struct {
	// Bytes bounds the bytes a reader takes, after decompression, and the
	// bytes a writer writes, before compression.
	Bytes int64
	// Runs bounds the runs of live cells a reader keeps or hands on.
	Runs int64
	// Cells bounds the live cells a reader hands on as runs, and the live
	// cells a writer of a cell-by-cell format (RLE, plaintext, Life 1.06)
	// writes. A macrocell file read as a tree of nodes (see [TreeSink])
	// costs what its nodes cost, whatever its cells.
	Cells int64
	// Nodes bounds the nodes of a macrocell file.
	Nodes int64
}

// DefaultLimits is the budget [Read] and the writers apply: 256 MiB of
// input (1 GiB of output), 2^23 runs, 2^40 live cells, 2^23 macrocell nodes.
var DefaultLimits = Limits{Bytes: MaxFileSize, Runs: MaxRuns, Cells: MaxCells, Nodes: MaxNodes}

// MaxCells is the most live cells a reader hands on as runs, and a writer
// of a cell-by-cell format writes: 2^40. A run of more cells than that
// costs an engine that sets it cell by cell hours, and a file listing them
// terabytes.
const MaxCells = 1 << 40

// MaxNodes is the most nodes a macrocell file may have: 2^23.
const MaxNodes = 1 << 23

// MaxOutput is the most bytes a writer writes by default: 1 GiB.
const MaxOutput = 1 << 30

// or returns l with its zero fields taken from d.
func (l Limits) or(d Limits) Limits {
	if l.Bytes <= 0 {
		l.Bytes = d.Bytes
	}
	if l.Runs <= 0 {
		l.Runs = d.Runs
	}
	if l.Cells <= 0 {
		l.Cells = d.Cells
	}
	if l.Nodes <= 0 {
		l.Nodes = d.Nodes
	}
	return l
}

// withDefaults returns l with its zero fields taken from DefaultLimits.
func (l Limits) withDefaults() Limits { return l.or(DefaultLimits) }

// output returns the limits of a writer: l's, with MaxOutput bytes when l
// gives none.
func (l Limits) output() Limits {
	if l.Bytes <= 0 {
		l.Bytes = MaxOutput
	}
	return l.withDefaults()
}

// ErrTooLarge is wrapped by the error of a write that would pass its
// [Limits].
var ErrTooLarge = fmt.Errorf("too large")

// limitedWriter fails a write that would take the bytes written past max,
// so that a writer stops at its budget, not at the disk's end.
type limitedWriter struct {
	w        io.Writer
	n, max   int64
	ctx      context.Context
	sinceCtx int64
}

func (lw *limitedWriter) Write(p []byte) (int, error) {
	if lw.n+int64(len(p)) > lw.max {
		return 0, fmt.Errorf("output would be more than the limit of %d bytes: %w", lw.max, ErrTooLarge)
	}
	if lw.ctx != nil {
		if lw.sinceCtx += int64(len(p)); lw.sinceCtx >= 1<<16 {
			lw.sinceCtx = 0
			if err := lw.ctx.Err(); err != nil {
				return 0, err
			}
		}
	}
	n, err := lw.w.Write(p)
	lw.n += int64(n)
	return n, err
}

// ctxReader reads from r, failing with ctx's error once ctx is done; it
// checks ctx before each read, so a read costs at most one chunk more.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if len(p) > 1<<20 {
		p = p[:1<<20] // check ctx at least every MiB
	}
	return c.r.Read(p)
}
