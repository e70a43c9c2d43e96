// Package patterns reads and writes Life pattern files as Golly does, and
// holds the built-in library.
//
// [Read] picks the reader by the content, never by the file's name, through
// a registry of formats ([RegisterFormat], [Formats]), decompressing gzip
// first: RLE (with #CXRLE positions and LifeHistory files read as Life),
// macrocell, Life 1.05 and 1.06, and plaintext. [WriterFor] picks the writer
// by the extension of the file to write. Every malformed input is an
// [*Error] placed at file:line:col, and declared sizes, counts and node
// numbers are checked against limits ([MaxCoord], [MaxPos], [MaxDepth])
// before anything large is allocated. One budget ([Limits]: bytes, runs,
// cells, nodes; [DefaultLimits]) bounds every reader, checked as the data
// arrives, and every writer, checked before and as it writes.
// [ReadWith] reads within a budget and a context, handing the cells to a
// [Sink] as they are read (a macrocell tree to a [TreeSink]); writers
// ([WriterFor]) take the cells from a [Source] (a [Tree] for macrocell),
// so that neither side needs a copy of every cell.
//
// A [Pattern] keeps its cells as horizontal runs of live cells, so that a
// huge but sparse pattern costs what its cells cost, not what its bounding
// box does, and its rule as text: package patterns imports no engine.
// Coordinates are row first, (y, x), as in the engine: y counts rows
// downwards and x columns rightwards, from the pattern's top-left corner.
//
// [Library] and [Lookup] give the built-in classics, embedded from the
// library directory; [ListDir] lists a directory of the user's patterns.
package patterns

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// MaxCoord bounds every size, run count and offset from a pattern's
// corner a reader accepts: 2^63-1, the width of a pattern from -[MaxPos]
// to MaxPos, so that whatever a writer writes reads back. The readers
// check sums against it as differences, which never overflow.
const MaxCoord = 1<<63 - 1

// MaxPos bounds the coordinates of a positioned pattern (see
// [Pattern.Positioned]) in Golly's universe, 2^62-1 either way, so that
// the pattern's size stays within [MaxCoord] wherever its cells lie, and
// every cell is within reach of the engines (HashLife and the plane reach
// 2^62-1).
const MaxPos = 1<<62 - 1

// Pattern is a pattern as read from a file.
type Pattern struct {
	// Name is the pattern's name (#N in RLE), or "".
	Name string
	// Author is who made it (#O in RLE), or "".
	Author string
	// Comments are the comment lines (#C in RLE), in order, without their
	// prefix.
	Comments []string
	// Rule is the rule as the file gives it, or "" when it gives none
	// (Conway's Life).
	Rule string
	// W and H are the size the file declares (RLE's x and y), or 0.
	W, H int64
	// Positioned reports whether the file places the pattern in Golly's
	// universe (#CXRLE Pos in RLE, Life 1.05 and 1.06, macrocell); then
	// OriginY and OriginX are where the cell at (0, 0) of Runs lies. See
	// [Pattern.TopLeft] for where an unpositioned pattern goes.
	Positioned       bool
	OriginY, OriginX int64
	// Gen is the generation count the file gives (#CXRLE Gen in RLE, #G in
	// macrocell) as decimal digits, or "".
	Gen string
	// Format names the format the file was read in ("RLE", "macrocell",
	// as [Format.Name]), or "" for a pattern that was not read from a
	// file. A [FormatSink] is told it before Begin.
	Format string
	// RuleLine and RuleCol are where the file gives its rule, counting
	// from 1, or 0 when it gives none: an error in the rule, found by
	// whoever parses it, is placed there.
	RuleLine, RuleCol int
	// Notice says how the reader changed what the file holds (a
	// LifeHistory pattern read as Life), for the user to see on standard
	// error; it is "" when the reader changed nothing.
	Notice string
	// Runs are the live cells, row by row and left to right, adjacent runs
	// merged.
	Runs []Run
}

// Run is N live cells in row Y from column X rightwards.
type Run struct{ Y, X, N int64 }

// Population returns the number of live cells.
func (p *Pattern) Population() int64 {
	var n int64
	for _, r := range p.Runs {
		n += r.N
	}
	return n
}

// Bounds returns the smallest box holding every live cell, as its top-left
// corner and size, and false for an empty pattern.
func (p *Pattern) Bounds() (y, x, h, w int64, ok bool) {
	if len(p.Runs) == 0 {
		return 0, 0, 0, 0, false
	}
	top, bottom := p.Runs[0].Y, p.Runs[len(p.Runs)-1].Y
	left, right := p.Runs[0].X, p.Runs[0].X+p.Runs[0].N
	for _, r := range p.Runs {
		left = min(left, r.X)
		right = max(right, r.X+r.N)
	}
	return top, left, bottom - top + 1, right - left, true
}

// Size returns the pattern's width and height: the declared size, grown to
// hold every live cell.
func (p *Pattern) Size() (w, h int64) {
	w, h = p.W, p.H
	if y, x, bh, bw, ok := p.Bounds(); ok {
		w, h = max(w, x+bw), max(h, y+bh)
	}
	return w, h
}

// cleanRule returns a rule as the readers keep it: without the white space
// around it, and without a final comma, which Golly drops from an RLE
// header (so that every format keeps the same rule).
func cleanRule(rule string) string {
	for {
		r := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rule), ","))
		if r == rule {
			return r // as cleaned as it gets: cleaning twice changes nothing
		}
		rule = r
	}
}

// TopLeft returns where the cell at (0, 0) of Runs lies in Golly's
// universe: the origin a positioned pattern gives, else (0, 0), which is
// where Golly puts an RLE or plaintext pattern without a position on the
// unbounded plane. (On a bounded grid Golly centres such a pattern; the
// caller that knows the grid does that.)
func (p *Pattern) TopLeft() (y, x int64) {
	if p.Positioned {
		return p.OriginY, p.OriginX
	}
	return 0, 0
}

// normalize moves the runs so that their bounding box starts at (0, 0),
// moving the origin the other way, and sets W and H to the box's size. It
// is how the readers of positioned formats, whose cells have absolute
// coordinates, finish.
func (p *Pattern) normalize() {
	top, left, h, w, ok := p.Bounds()
	if !ok {
		p.W, p.H = 0, 0
		return
	}
	for i := range p.Runs {
		p.Runs[i].Y -= top
		p.Runs[i].X -= left
	}
	p.OriginY += top
	p.OriginX += left
	p.W, p.H = w, h
}

// Cells calls fn for every live cell, row by row.
func (p *Pattern) Cells(fn func(y, x int64)) {
	for _, r := range p.Runs {
		for x := r.X; x < r.X+r.N; x++ {
			fn(r.Y, x)
		}
	}
}

// Builder collects live cells into runs, in any order.
type Builder struct {
	runs   []Run
	sorted bool
	added  int // runs kept
}

// Len returns the number of runs kept so far.
func (b *Builder) Len() int { return b.added }

// Grow makes room for n more runs, for a reader that knows about how many
// are coming: a large pattern's runs are then not copied as they grow.
func (b *Builder) Grow(n int) { b.runs = slices.Grow(b.runs, n) }

// Add adds n live cells in row y from column x.
func (b *Builder) Add(y, x, n int64) {
	if n <= 0 {
		return
	}
	if k := len(b.runs); k > 0 {
		last := &b.runs[k-1]
		if last.Y == y && last.X+last.N == x {
			last.N += n
			return
		}
		if last.Y > y || last.Y == y && x < last.X+last.N {
			b.sorted = false // out of order, or overlapping the last run
		}
	} else {
		b.sorted = true
	}
	if len(b.runs) == cap(b.runs) {
		// Double, rather than append's gentler growth for large slices:
		// a large pattern's runs are then copied about once, not several
		// times over.
		b.runs = slices.Grow(b.runs, max(len(b.runs), 256))
	}
	b.runs = append(b.runs, Run{y, x, n})
	b.added++
}

// Runs returns the runs sorted and merged. Cells added twice count once.
func (b *Builder) Runs() []Run {
	if b.sorted || len(b.runs) < 2 {
		return b.runs
	}
	slices.SortFunc(b.runs, func(a, c Run) int {
		if a.Y != c.Y {
			return cmp.Compare(a.Y, c.Y)
		}
		return cmp.Compare(a.X, c.X)
	})
	out := b.runs[:1]
	for _, r := range b.runs[1:] {
		last := &out[len(out)-1]
		if last.Y == r.Y && r.X <= last.X+last.N {
			last.N = max(last.N, r.X+r.N-last.X)
			continue
		}
		out = append(out, r)
	}
	b.runs, b.sorted = out, true
	return out
}

// Error is a malformed input's error, with its place: file, line and column,
// counting from 1. A Line of 0 means the whole file.
type Error struct {
	File      string
	Line, Col int
	Msg       string
	// Err is the error Msg was made from, when there is one (a rule's, a
	// sink's), for errors.Is and errors.As.
	Err error
}

// Unwrap returns the error Msg was made from, or nil.
func (e *Error) Unwrap() error { return e.Err }

// Error returns "file:line:col: msg", or "file: msg" without a line.
func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}
