package render

import "github.com/life-go/life/engine"

// Cells is what the renderer reads: the live cells inside a rectangle, as
// [engine.Engine.Visit] gives them. Every engine is one; so is anything that
// keeps a generation's cells, such as a snapshot a UI draws from. When it
// is also an [engine.BlockCounter], a zoomed-out picture counts blocks
// through it.
type Cells interface {
	// Visit calls fn for every live cell inside r.
	Visit(r engine.Rect, fn func(y, x int64))
}

// countBlocks does what [engine.CountBlocks] does, for any Cells.
func countBlocks(c Cells, r engine.Rect, k uint, dst []uint64) {
	if bc, ok := c.(engine.BlockCounter); ok {
		bc.CountBlocks(r, k, dst)
		return
	}
	cols := (r.W + 1<<k - 1) >> k
	rows := (r.H + 1<<k - 1) >> k
	clear(dst[:rows*cols])
	c.Visit(r, func(y, x int64) {
		dst[((y-r.Y)>>k)*cols+(x-r.X)>>k]++
	})
}
