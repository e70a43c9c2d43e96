package engine

import (
	"context"
	"math/big"

	"github.com/life-go/life/grid"
)

// Rect is a rectangle of cells in universe coordinates: X and Y are its
// top-left corner, W and H its size. It is [grid.Rect], the one rectangle
// of the project, from the floor below.
type Rect = grid.Rect

// Engine is what every algorithm implements, as Golly's lifealgo serves
// QuickLife and HashLife alike: cells to set and get, generations to step,
// and what a viewer needs to draw. Coordinates are row first, (y, x), as in
// the protocol; on a torus they wrap.
//
// An Engine is not safe for concurrent use: one goroutine owns it at a time
// (in the UI, the animator), and hands out copies of what others need.
type Engine interface {
	// Name is the engine's name as --engine takes it ("protocol").
	Name() string
	// Rule returns the rule and topology the engine runs.
	Rule() Rule
	// Generation returns how many generations have been stepped since the
	// pattern was loaded (or the count was last set).
	Generation() *big.Int
	// Population returns the number of live cells.
	Population() *big.Int
	// Step advances n generations. It checks ctx at least once a
	// generation; on cancellation it returns ctx's error and the engine
	// holds the last whole generation it reached.
	Step(ctx context.Context, n uint64) error
	// Cell reports whether the cell at (y, x) is alive.
	Cell(y, x int64) bool
	// SetCell makes the cell at (y, x) alive or dead.
	SetCell(y, x int64, alive bool)
	// Bounds returns a rectangle holding every live cell, and false when
	// there is none.
	Bounds() (Rect, bool)
	// Visit calls fn for every live cell inside r, row by row.
	Visit(r Rect, fn func(y, x int64))
	// Clone returns an independent copy of the engine and its universe.
	Clone() Engine
}

// BlockCounter is implemented by engines that can count live cells in
// blocks faster than by visiting each (HashLife, from its node
// populations). A viewer zoomed out uses it when it is there, and
// [CountBlocks] otherwise.
type BlockCounter interface {
	// CountBlocks sets dst[i*cols+j] to the number of live cells in the
	// 2^k x 2^k block whose top-left cell is (r.Y + i<<k, r.X + j<<k),
	// for rows = ceil(r.H / 2^k) and cols = ceil(r.W / 2^k); dst has at
	// least rows*cols elements. Blocks are clipped to r.
	CountBlocks(r Rect, k uint, dst []uint64)
}

// Visitor is what CountBlocks needs of an engine, or of a snapshot of one:
// a way to visit the live cells inside a rectangle.
type Visitor interface {
	Visit(r Rect, fn func(y, x int64))
}

// CountBlocks does what [BlockCounter.CountBlocks] does for any engine (or
// snapshot): with its own method when it has one, else by visiting the
// live cells inside r.
func CountBlocks(e Visitor, r Rect, k uint, dst []uint64) {
	if bc, ok := e.(BlockCounter); ok {
		bc.CountBlocks(r, k, dst)
		return
	}
	cols := max(r.W-1, -1)>>k + 1 // r.W+1<<k-1 could overflow
	rows := max(r.H-1, -1)>>k + 1
	clear(dst[:rows*cols])
	e.Visit(r, func(y, x int64) {
		dst[((y-r.Y)>>k)*cols+(x-r.X)>>k]++
	})
}
