package universe

import (
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"math/rand/v2"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// Editing: the operations of Golly's Edit menu on the cells of an engine,
// in the engine's coordinates and in place (the UI clones its universe
// first, which makes every edit one undo step). A rectangle that reaches
// past a bounded universe's edges is clipped to them.

// PasteMode is how pasted cells combine with the cells under them, as
// Golly's paste modes do, inside the pasted pattern's rectangle.
type PasteMode int

// The paste modes, in the order [PasteMode.Next] cycles through them.
const (
	// PasteOr makes the pasted pattern's live cells alive and leaves the
	// others as they were (Golly's default).
	PasteOr PasteMode = iota
	// PasteCopy makes the rectangle exactly the pasted pattern: its dead
	// cells kill the cells under them.
	PasteCopy
	// PasteXor toggles the cells under the pasted pattern's live cells.
	PasteXor
	// PasteAnd keeps alive only the cells alive both under the paste and
	// in it.
	PasteAnd
)

// String names the mode as the UI shows it: "or", "copy", "xor", "and".
func (m PasteMode) String() string {
	switch m {
	case PasteOr:
		return "or"
	case PasteCopy:
		return "copy"
	case PasteXor:
		return "xor"
	case PasteAnd:
		return "and"
	}
	return fmt.Sprintf("PasteMode(%d)", int(m))
}

// Next returns the mode after m: or, copy, xor, and, then or again.
func (m PasteMode) Next() PasteMode { return (m + 1) % 4 }

// Clip returns r clipped to e's universe: r itself on the unbounded plane,
// its overlap with the grid on a bounded one. The result's size is not
// positive when nothing of r is in the universe.
func Clip(e engine.Engine, r engine.Rect) engine.Rect {
	b, ok := Bounds(e)
	if !ok {
		return r
	}
	x, y := max(r.X, b.X), max(r.Y, b.Y)
	return engine.Rect{X: x, Y: y, W: min(r.X+r.W, b.X+b.W) - x, H: min(r.Y+r.H, b.Y+b.H) - y}
}

// empty reports whether r holds no cell.
func empty(r engine.Rect) bool { return r.W <= 0 || r.H <= 0 }

// Copy returns the live cells of e inside r as a pattern of r's size: its
// cell (0, 0) is r's top-left corner, and W and H are r's, so that the
// empty margins of r are kept (Golly copies a selection so). It has no
// rule, name or position.
func Copy(e engine.Engine, r engine.Rect) *patterns.Pattern {
	var b patterns.Builder
	if c := Clip(e, r); !empty(c) {
		e.Visit(c, func(y, x int64) { b.Add(y-r.Y, x-r.X, 1) })
	}
	return &patterns.Pattern{W: r.W, H: r.H, Runs: b.Runs()}
}

// CountIn returns the number of live cells of e inside r.
func CountIn(e engine.Engine, r engine.Rect) *big.Int {
	total := new(big.Int)
	r = Clip(e, r)
	if empty(r) {
		return total
	}
	// Blocks as large as r's larger side (at most 2^62, so that a block's
	// side fits an int64): one to four counts.
	k := uint(bits.Len64(uint64(max(r.W, r.H) - 1)))
	k = min(k, 62)
	rows, cols := (r.H-1)>>k+1, (r.W-1)>>k+1 // r.W+1<<k-1 could overflow
	dst := make([]uint64, rows*cols)
	engine.CountBlocks(e, r, k, dst)
	for _, n := range dst {
		total.Add(total, new(big.Int).SetUint64(n))
	}
	return total
}

// cells returns the live cells of e inside r, row by row.
func cells(e engine.Engine, r engine.Rect) [][2]int64 {
	var out [][2]int64
	if r = Clip(e, r); !empty(r) {
		e.Visit(r, func(y, x int64) { out = append(out, [2]int64{y, x}) })
	}
	return out
}

// Clear kills every cell of e inside r (Golly's Clear).
func Clear(e engine.Engine, r engine.Rect) {
	for _, c := range cells(e, r) {
		e.SetCell(c[0], c[1], false)
	}
}

// ClearOutside kills every cell of e outside r (Golly's Clear Outside).
func ClearOutside(e engine.Engine, r engine.Rect) {
	box, ok := e.Bounds()
	if !ok {
		return
	}
	var out [][2]int64
	e.Visit(box, func(y, x int64) {
		if y < r.Y || y >= r.Y+r.H || x < r.X || x >= r.X+r.W {
			out = append(out, [2]int64{y, x})
		}
	})
	for _, c := range out {
		e.SetCell(c[0], c[1], false)
	}
}

// Fill makes each cell of e inside r alive with probability density, and
// dead otherwise, drawing from rnd (Golly's Random Fill).
func Fill(e engine.Engine, r engine.Rect, density float64, rnd *rand.Rand) {
	r = Clip(e, r)
	if empty(r) {
		return
	}
	Clear(e, r)
	rs, runs := e.(engine.RunSetter)
	for y := r.Y; y < r.Y+r.H; y++ {
		var x0, n int64 // the run of live cells being gathered
		flush := func() {
			if n > 0 {
				rs.SetRun(y, x0, n)
			}
			n = 0
		}
		for x := r.X; x < r.X+r.W; x++ {
			if rnd.Float64() >= density {
				continue
			}
			if !runs {
				e.SetCell(y, x, true)
				continue
			}
			if n > 0 && x == x0+n {
				n++
				continue
			}
			flush()
			x0, n = x, 1
		}
		if runs {
			flush()
		}
	}
}

// Shrink returns the smallest rectangle holding the live cells of e inside
// r (Golly's Shrink Selection), and false when there are none.
func Shrink(e engine.Engine, r engine.Rect) (engine.Rect, bool) {
	r = Clip(e, r)
	if empty(r) {
		return engine.Rect{}, false
	}
	top, left, bottom, right := int64(0), int64(0), int64(0), int64(0)
	found := false
	e.Visit(r, func(y, x int64) {
		if !found {
			top, bottom, left, right, found = y, y, x, x, true
			return
		}
		bottom = y // rows come in order
		left, right = min(left, x), max(right, x)
	})
	if !found {
		return engine.Rect{}, false
	}
	return engine.Rect{X: left, Y: top, W: right - left + 1, H: bottom - top + 1}, true
}

// Paste puts pattern p on e with its cell (0, 0) at (y, x), combining it
// with the cells under it as mode says, inside p's rectangle: (0, 0) to
// p's size ([patterns.Pattern.Size]). Cells that fall outside a bounded
// universe are left out; Paste returns how many of p's live cells did.
func Paste(e engine.Engine, p *patterns.Pattern, y, x int64, mode PasteMode) (dropped int64) {
	w, h := p.Size()
	r := engine.Rect{X: x, Y: y, W: w, H: h}
	in := Clip(e, r)
	inside := func(cy, cx int64) bool {
		return cy >= in.Y && cy < in.Y+in.H && cx >= in.X && cx < in.X+in.W
	}
	switch mode {
	case PasteCopy:
		Clear(e, in)
	case PasteAnd:
		// Keep the cells under the paste's live cells: kill the others.
		keep := make(map[[2]int64]bool)
		p.Cells(func(py, px int64) { keep[[2]int64{y + py, x + px}] = true })
		for _, c := range cells(e, in) {
			if !keep[c] {
				e.SetCell(c[0], c[1], false)
			}
		}
		p.Cells(func(py, px int64) {
			if !inside(y+py, x+px) {
				dropped++
			}
		})
		return dropped
	}
	p.Cells(func(py, px int64) {
		cy, cx := y+py, x+px
		if !inside(cy, cx) {
			dropped++
			return
		}
		alive := true
		if mode == PasteXor {
			alive = !e.Cell(cy, cx)
		}
		e.SetCell(cy, cx, alive)
	})
	return dropped
}

// Flip mirrors the cells of e inside r in place: left to right, or top to
// bottom (Golly's Flip Left-Right and Flip Top-Bottom).
func Flip(e engine.Engine, r engine.Rect, leftRight bool) {
	r = Clip(e, r)
	if empty(r) {
		return
	}
	live := cells(e, r)
	Clear(e, r)
	for _, c := range live {
		y, x := c[0], c[1]
		if leftRight {
			x = r.X + r.X + r.W - 1 - x
		} else {
			y = r.Y + r.Y + r.H - 1 - y
		}
		e.SetCell(y, x, true)
	}
}

// ErrOutsideGrid is the error of a rotation whose rectangle would leave a
// bounded universe.
var ErrOutsideGrid = errors.New("the rotated selection would be outside the grid")

// Rotated returns the rectangle r becomes when rotated by 90 degrees about
// its middle, as Golly rotates a selection: its middle cell (rounded up
// and left) stays where it is.
func Rotated(r engine.Rect) engine.Rect {
	midY, midX := r.Y+(r.H-1)/2, r.X+(r.W-1)/2
	return engine.Rect{X: midX + r.Y - midY, Y: midY + r.X - midX, W: r.H, H: r.W}
}

// Rotate turns the cells of e inside r by 90 degrees, clockwise or
// anticlockwise, about r's middle, as Golly rotates a selection: the cells
// of r are taken away and land in [Rotated](r), which holds them and
// nothing else. It returns the new rectangle, or [ErrOutsideGrid] (and
// changes nothing) when that would leave a bounded universe.
func Rotate(e engine.Engine, r engine.Rect, clockwise bool) (engine.Rect, error) {
	n := Rotated(r)
	if b, ok := Bounds(e); ok && (n.X < b.X || n.Y < b.Y || n.X+n.W > b.X+b.W || n.Y+n.H > b.Y+b.H) {
		return r, ErrOutsideGrid
	}
	live := cells(e, r)
	Clear(e, r)
	Clear(e, n)
	for _, c := range live {
		dy, dx := c[0]-r.Y, c[1]-r.X
		if clockwise {
			e.SetCell(n.Y+dx, n.X+n.W-1-dy, true)
		} else {
			e.SetCell(n.Y+n.H-1-dx, n.X+dy, true)
		}
	}
	return n, nil
}

// reacher is implemented by engines whose coordinates reach only so far
// (HashLife: ±(2^62-1)), while their universe grows on.
type reacher interface{ Reach() engine.Rect }

// OutOfReach returns the number of e's live cells that lie beyond the
// reach of its coordinates, where Cell, Visit, Bounds and the writers
// cannot see them (a glider on HashLife's plane after some 2^63
// generations): they count in the population only. It is 0 for most
// engines.
func OutOfReach(e engine.Engine) *big.Int {
	r, ok := e.(reacher)
	if !ok {
		return new(big.Int)
	}
	return new(big.Int).Sub(e.Population(), CountIn(e, r.Reach()))
}
