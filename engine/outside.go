package engine

import (
	"cmp"
	"slices"

	"github.com/life-go/life/grid"
)

// Cells beyond a bounded grid's edges, as Golly keeps them. Golly loads a
// pattern into its unbounded universe and clips only cells past the grid's
// length from the pattern's own corner, so that a positioned pattern
// (#CXRLE Pos) may leave cells outside the grid. They are alive at the
// generation loaded (bgolly counts and writes them); before the first step
// Golly copies the grid's edges into the ring of cells around it, over
// them (its CreateBorderCells sets a ring cell when the edge cell it joins
// is alive, and sets the ring's corners to what they join, dead or alive),
// so that the cells of the ring that are outside cells join the grid's
// edges too in that step; after it, Golly deletes everything outside the
// grid (DeleteBorderCells). On a bounded plane the ring is the outside
// cells themselves. See [StepOutside].

// OutsideSetter is implemented by the engines of bounded grids that keep
// cells loaded beyond the grid's edges as Golly does.
type OutsideSetter interface {
	// SetOutside makes the cell at (y, x), beyond the grid's bounded
	// sides, alive until the next generation is stepped: it counts in the
	// population and is visited, and in that step it is alive in the ring
	// around the grid (see [StepOutside]); then it is gone.
	SetOutside(y, x int64)
}

// Outside is a set of live cells beyond a bounded grid's edges, kept as
// [OutsideSetter] says, for the engines that implement it. The zero value
// is empty.
type Outside struct {
	cells []Cell // sorted row by row
}

// Cell is the cell at row Y, column X.
type Cell struct{ Y, X int64 }

func compareCells(a, b Cell) int {
	if a.Y != b.Y {
		return cmp.Compare(a.Y, b.Y)
	}
	return cmp.Compare(a.X, b.X)
}

// Add makes the cell at (y, x) alive.
func (o *Outside) Add(y, x int64) {
	c := Cell{y, x}
	i, found := slices.BinarySearchFunc(o.cells, c, compareCells)
	if !found {
		o.cells = slices.Insert(o.cells, i, c)
	}
}

// Len returns the number of cells.
func (o *Outside) Len() int { return len(o.cells) }

// Cells returns the cells, row by row, moved by (dy, dx).
func (o *Outside) Cells(dy, dx int64) []Cell {
	out := make([]Cell, len(o.cells))
	for i, c := range o.cells {
		out[i] = Cell{c.Y + dy, c.X + dx}
	}
	return out
}

// Clear removes every cell.
func (o *Outside) Clear() { o.cells = nil }

// Clone returns a copy.
func (o *Outside) Clone() Outside { return Outside{slices.Clone(o.cells)} }

// Bounds returns b, the bounds of the grid's live cells (ok false for
// none), grown to hold the outside cells.
func (o *Outside) Bounds(b Rect, ok bool) (Rect, bool) {
	for _, c := range o.cells {
		if !ok {
			b, ok = Rect{X: c.X, Y: c.Y, W: 1, H: 1}, true
			continue
		}
		x1, y1 := max(b.X+b.W, c.X+1), max(b.Y+b.H, c.Y+1)
		b.X, b.Y = min(b.X, c.X), min(b.Y, c.Y)
		b.W, b.H = x1-b.X, y1-b.Y
	}
	return b, ok
}

// Visit calls fn for every live cell inside r, row by row: those visit
// gives (the grid's, row by row) and the outside ones, merged.
func (o *Outside) Visit(r Rect, visit func(r Rect, fn func(y, x int64)), fn func(y, x int64)) {
	in := func(c Cell) bool { return c.Y >= r.Y && c.Y < r.Y+r.H && c.X >= r.X && c.X < r.X+r.W }
	out := o.cells
	visit(r, func(y, x int64) {
		for len(out) > 0 && compareCells(out[0], Cell{y, x}) < 0 {
			if in(out[0]) {
				fn(out[0].Y, out[0].X)
			}
			out = out[1:]
		}
		fn(y, x)
	})
	for _, c := range out {
		if in(c) {
			fn(c.Y, c.X)
		}
	}
}

// CountBlocks adds the outside cells to the block counts of
// [BlockCounter.CountBlocks].
func (o *Outside) CountBlocks(r Rect, k uint, dst []uint64) {
	cols := (r.W + 1<<k - 1) >> k
	for _, c := range o.cells {
		if c.Y >= r.Y && c.Y < r.Y+r.H && c.X >= r.X && c.X < r.X+r.W {
			dst[((c.Y-r.Y)>>k)*cols+(c.X-r.X)>>k]++
		}
	}
}

// Has reports whether the cell at (y, x) is one of the outside cells.
func (o *Outside) Has(y, x int64) bool {
	_, found := slices.BinarySearchFunc(o.cells, Cell{y, x}, compareCells)
	return found
}

// fillRing sets the cells of the ring around a grid of w x h cells of
// topology t, held in rows and columns 1 to h and 1 to w of pad (a torus
// two cells larger each way, whose cell (0, 0) is the universe's (oy, ox)),
// to those the topology joins there ([grid.Topology.Wrap]); and, in the
// first step after loading cells beyond the edges, to the outside cells
// too, as Golly's CreateBorderCells does: but for its corners, which it
// sets to what they join, when both sides are bounded and the grid is no
// plane.
func fillRing(pad *grid.Torus, t Topology, w, h int, o *Outside, oy, ox int64) {
	corners := t.Kind != BoundedPlane && t.W > 0 && t.H > 0
	set := func(sy, sx int) {
		ty, tx, ok := t.Wrap(sy-1, sx-1, h, w)
		alive := ok && pad.Query(ty+1, tx+1)
		if !alive && o.Len() > 0 && !(corners && (sy == 0 || sy == h+1) && (sx == 0 || sx == w+1)) {
			alive = o.Has(int64(sy)+oy, int64(sx)+ox)
		}
		if alive {
			pad.Assign(sy, sx, true)
		}
	}
	for sx := 0; sx < w+2; sx++ {
		set(0, sx)
		set(h+1, sx)
	}
	for sy := 1; sy <= h; sy++ {
		set(sy, 0)
		set(sy, w+1)
	}
}

// StepOutside returns the next generation under step of g, a grid of
// topology t (or a window onto its unbounded sides) whose cell (0, 0) is
// the universe's (oy, ox), with the cells o loaded beyond its edges seen in
// the ring around it as Golly sees them in the first step after loading
// them (see [OutsideSetter]). It runs the protocol's synchronous driver
// once, on g inside its ring: engines that keep outside cells use it for
// that one step.
func StepOutside(g *grid.Torus, t Topology, oy, ox int64, step StepFunc, o *Outside) (*grid.Torus, error) {
	w, h := g.Width(), g.Height()
	pad, err := grid.New(w+2, h+2)
	if err != nil {
		return nil, err
	}
	for y, x := range g.Live() {
		pad.Assign(y+1, x+1, true)
	}
	fillRing(pad, t, w, h, o, oy-1, ox-1)
	next, err := LiveAGeneration(pad, step)
	if err != nil {
		return nil, err
	}
	out, _ := grid.New(w, h)
	for y, x := range next.Live() {
		if y >= 1 && y <= h && x >= 1 && x <= w {
			out.Assign(y-1, x-1, true)
		}
	}
	return out, nil
}
