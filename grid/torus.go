// Package grid holds cells and space: a bit-packed grid that answers the
// protocol's queries with its topology's wrap, a torus's by default (every
// topology of Golly's bounded grids: see [Topology]).
//
// Coordinates are given row first, (y, x), as in the seed's Query(y, x):
// y counts rows downwards from 0 and x counts columns rightwards from 0. On
// a torus every accessor wraps its coordinates with Python's modulo
// semantics, so that (-1, -1) is the bottom-right cell and (h, w) is the
// top-left one, whatever the sign or size of the coordinates; other
// topologies join their edges as [Topology.Wrap] says.
//
// Package grid imports no engine and no UI.
package grid

import (
	"errors"
	"fmt"
	"iter"
	"math/bits"
	"strings"
)

// MaxCells is the largest number of cells a Torus may have: 2^34 cells,
// which take 2 GiB bit-packed. New checks it before allocating anything.
const MaxCells = 1 << 34

// MaxWords is the most 64-bit words a Torus's rows may take: 2^28, 2 GiB.
// Every row takes a word at least, so a narrow torus costs its rows, not
// its cells: one cell wide and 2^34 high would take 128 GiB. New checks it
// before allocating anything.
const MaxWords = 1 << 28

// ErrSize is wrapped by every error New returns for a size it refuses.
var ErrSize = errors.New("bad grid size")

// Torus is a W x H grid of cells, each alive or dead, whose edges wrap in
// both directions, or, made by [NewSpace], join as another topology's do.
// Rows are packed 64 cells to a uint64 word, least significant bit first;
// the bits past the width in a row's last word are always zero.
//
// A Torus is not safe for concurrent use when any goroutine writes to it;
// concurrent reads are safe.
type Torus struct {
	w, h   int
	stride int // words per row
	words  []uint64
	topo   Topology
	joins  bool // topo is not a plain torus: Wrap asks topo.Wrap
}

// New returns an empty torus w cells wide and h cells high. It returns an
// error wrapping [ErrSize] when either side is below 1 or the torus would
// have more than [MaxCells] cells or its rows more than [MaxWords] words.
func New(w, h int) (*Torus, error) {
	return NewSpace(TorusOf(w, h), w, h)
}

// NewSpace returns an empty grid w cells wide and h high whose edges join as
// topology t's do ([Topology.Wrap]). For a side that t bounds, the grid's
// side is t's; a side that t leaves unbounded (a tube's, or both of the
// plane's) is a window of w or h cells onto it, beyond which cells are
// dead. It fails as [New] does, and when a bounded side differs from t's.
func NewSpace(t Topology, w, h int) (*Torus, error) {
	if err := CheckSize(w, h); err != nil {
		return nil, err
	}
	if t.Kind != PlaneKind && (t.W != 0 && t.W != w || t.H != 0 && t.H != h) {
		return nil, fmt.Errorf("%w: a %d x %d grid for the %d x %d %s %s", ErrSize, w, h, t.W, t.H, t.Kind, t)
	}
	stride := (w + 63) / 64
	return &Torus{w: w, h: h, stride: stride, words: make([]uint64, stride*h), topo: t, joins: !t.IsTorus()}, nil
}

// Topology returns the topology the grid's edges join as.
func (t *Torus) Topology() Topology { return t.topo }

// CheckSize reports whether New would accept a torus w wide and h high,
// without allocating it.
func CheckSize(w, h int) error {
	if w < 1 || h < 1 {
		return fmt.Errorf("%w: %d x %d: both sides must be at least 1", ErrSize, w, h)
	}
	if w > MaxCells || h > MaxCells || w > MaxCells/h {
		return fmt.Errorf("%w: %d x %d is more than the limit of %d cells", ErrSize, w, h, MaxCells)
	}
	if stride := (w + 63) / 64; h > MaxWords/stride {
		return fmt.Errorf("%w: %d x %d takes %d rows of %d words, %d MiB, more than the limit of %d MiB", ErrSize, w, h, h, stride, int64(h)*int64(stride)>>17, MaxWords>>17)
	}
	return nil
}

// Width returns the number of columns.
func (t *Torus) Width() int { return t.w }

// Height returns the number of rows.
func (t *Torus) Height() int { return t.h }

// Stride returns the number of uint64 words in each packed row.
func (t *Torus) Stride() int { return t.stride }

// Mod returns a modulo n with Python's semantics: the result is in [0, n)
// for every a, negative ones included. n must be positive.
func Mod(a, n int) int {
	r := a % n
	if r < 0 {
		r += n
	}
	return r
}

// Query reports whether the cell at (y, x), wrapped onto the grid, is
// alive. It is the grid's answer to the protocol's Query(y, x).
func (t *Torus) Query(y, x int) bool {
	y, x, ok := t.Wrap(y, x)
	return ok && t.words[y*t.stride+x>>6]>>(x&63)&1 != 0
}

// Assign sets the cell at (y, x), wrapped onto the grid, alive or dead; a
// cell that stands for none (beyond a bounded plane's edge) is left alone.
// It is the grid's answer to the protocol's Transition(y, x, state).
func (t *Torus) Assign(y, x int, alive bool) {
	y, x, ok := t.Wrap(y, x)
	if !ok {
		return
	}
	i, bit := y*t.stride+x>>6, uint64(1)<<(x&63)
	if alive {
		t.words[i] |= bit
	} else {
		t.words[i] &^= bit
	}
}

// Wrap maps (y, x) onto the grid as its topology joins its edges: modulo
// the sides on a torus, as [Topology.Wrap] says on the others. ok is false
// for a cell that stands for none and is dead.
func (t *Torus) Wrap(y, x int) (yy, xx int, ok bool) {
	if uint(y) < uint(t.h) && uint(x) < uint(t.w) {
		return y, x, true
	}
	if t.joins {
		return t.topo.Wrap(y, x, t.h, t.w)
	}
	return Mod(y, t.h), Mod(x, t.w), true
}

// Row returns the packed words of row y, taken modulo the height. The slice
// aliases the torus: writes to it change the torus, and the caller must keep
// the bits past the width zero.
func (t *Torus) Row(y int) []uint64 {
	y = Mod(y, t.h)
	return t.words[y*t.stride : (y+1)*t.stride : (y+1)*t.stride]
}

// Words returns all packed rows, row after row, each [Torus.Stride] words
// long. The slice aliases the torus, as [Torus.Row] does.
func (t *Torus) Words() []uint64 { return t.words }

// Population returns the number of live cells.
func (t *Torus) Population() int {
	n := 0
	for _, w := range t.words {
		n += bits.OnesCount64(w)
	}
	return n
}

// Rect is a rectangle of cells: X and Y are its top-left corner, W and H its
// size. It is the one rectangle of the project: package engine names it
// engine.Rect, in the coordinates of every universe.
type Rect struct{ X, Y, W, H int64 }

// Bounds returns the smallest rectangle holding every live cell, in grid
// coordinates (0 <= X, X+W <= width), and false when no cell is alive. It
// does not look for a tighter box across the wrap.
func (t *Torus) Bounds() (Rect, bool) {
	top, bottom := -1, -1
	left, right := t.w, -1
	for y := 0; y < t.h; y++ {
		row := t.words[y*t.stride : (y+1)*t.stride]
		for i, w := range row {
			if w == 0 {
				continue
			}
			if top < 0 {
				top = y
			}
			bottom = y
			if l := i*64 + bits.TrailingZeros64(w); l < left {
				left = l
			}
			if r := i*64 + 63 - bits.LeadingZeros64(w); r > right {
				right = r
			}
		}
	}
	if top < 0 {
		return Rect{}, false
	}
	return Rect{X: int64(left), Y: int64(top), W: int64(right - left + 1), H: int64(bottom - top + 1)}, true
}

// Equal reports whether u has the same size and the same live cells as t
// (whatever their topologies).
func (t *Torus) Equal(u *Torus) bool {
	if t.w != u.w || t.h != u.h {
		return false
	}
	for i, w := range t.words {
		if u.words[i] != w {
			return false
		}
	}
	return true
}

// Clone returns a copy of t that shares no memory with it.
func (t *Torus) Clone() *Torus {
	c := *t
	c.words = append([]uint64(nil), t.words...)
	return &c
}

// Clear kills every cell.
func (t *Torus) Clear() { clear(t.words) }

// CopyFrom makes t's cells those of u, which must have the same size.
func (t *Torus) CopyFrom(u *Torus) {
	if t.w != u.w || t.h != u.h {
		panic(fmt.Sprintf("grid: CopyFrom %dx%d into %dx%d", u.w, u.h, t.w, t.h))
	}
	copy(t.words, u.words)
}

// Live returns an iterator over the live cells as (y, x) pairs, row by row
// and left to right within a row.
func (t *Torus) Live() iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for y := 0; y < t.h; y++ {
			row := t.words[y*t.stride : (y+1)*t.stride]
			for i, w := range row {
				for w != 0 {
					b := bits.TrailingZeros64(w)
					w &= w - 1
					if !yield(y, i*64+b) {
						return
					}
				}
			}
		}
	}
}

// String draws the torus as rows of '*' (alive) and '-' (dead), the seed's
// characters, each row ending in a newline.
func (t *Torus) String() string {
	b := make([]byte, 0, (t.w+1)*t.h)
	for y := 0; y < t.h; y++ {
		for x := 0; x < t.w; x++ {
			if t.Query(y, x) {
				b = append(b, '*')
			} else {
				b = append(b, '-')
			}
		}
		b = append(b, '\n')
	}
	return string(b)
}

// Parse reads a torus drawn as [Torus.String] draws it: one line a row, '*'
// for alive and '-' for dead; blank lines and surrounding spaces are ignored.
// It is meant for tests and examples.
func Parse(s string) (*Torus, error) {
	var rows []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			rows = append(rows, line)
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%w: no rows", ErrSize)
	}
	t, err := New(len(rows[0]), len(rows))
	if err != nil {
		return nil, err
	}
	for y, r := range rows {
		if len(r) != t.w {
			return nil, fmt.Errorf("grid: row %d has %d cells, want %d", y+1, len(r), t.w)
		}
		for x := 0; x < len(r); x++ {
			switch r[x] {
			case '*':
				t.Assign(y, x, true)
			case '-':
			default:
				return nil, fmt.Errorf("grid: row %d column %d: unexpected %q, want '*' or '-'", y+1, x+1, r[x])
			}
		}
	}
	return t, nil
}
