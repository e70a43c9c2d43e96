package classify

import (
	"cmp"
	"slices"

	"github.com/life-go/life/engine"
)

// Point is a cell's coordinates, row first as everywhere in engine.
type Point struct{ Y, X int64 }

// Cells is a set of live cells, sorted row by row and left to right, without
// repeats. Two Cells are the same pattern in the same place exactly when
// their slices are equal.
type Cells []Point

// comparePoints orders points row by row, then left to right.
func comparePoints(a, b Point) int {
	if c := cmp.Compare(a.Y, b.Y); c != 0 {
		return c
	}
	return cmp.Compare(a.X, b.X)
}

// Of returns the live cells of e inside r.
func Of(e engine.Visitor, r engine.Rect) Cells {
	var c Cells
	e.Visit(r, func(y, x int64) { c = append(c, Point{y, x}) })
	return c.sorted()
}

// All returns every live cell of e.
func All(e engine.Engine) Cells {
	box, ok := e.Bounds()
	if !ok {
		return nil
	}
	return Of(e, box)
}

// sorted sorts c in place (engines visit row by row already, so this is
// usually a check) and returns it.
func (c Cells) sorted() Cells {
	if !slices.IsSortedFunc(c, comparePoints) {
		slices.SortFunc(c, comparePoints)
		c = slices.Compact(c)
	}
	return c
}

// Bounds returns the smallest rectangle holding c, and false when c is
// empty.
func (c Cells) Bounds() (engine.Rect, bool) {
	if len(c) == 0 {
		return engine.Rect{}, false
	}
	top, bottom := c[0].Y, c[len(c)-1].Y
	left, right := c[0].X, c[0].X
	for _, p := range c {
		left, right = min(left, p.X), max(right, p.X)
	}
	return engine.Rect{X: left, Y: top, W: right - left + 1, H: bottom - top + 1}, true
}

// Shift returns c moved dy rows down and dx columns right.
func (c Cells) Shift(dy, dx int64) Cells {
	out := make(Cells, len(c))
	for i, p := range c {
		out[i] = Point{p.Y + dy, p.X + dx}
	}
	return out
}

// Normal returns c moved so that its bounding box's top-left cell is (0,
// 0), and where that corner was.
func (c Cells) Normal() (Cells, Point) {
	box, ok := c.Bounds()
	if !ok {
		return nil, Point{}
	}
	return c.Shift(-box.Y, -box.X), Point{box.Y, box.X}
}

// Equal reports whether c and d are the same cells.
func (c Cells) Equal(d Cells) bool { return slices.Equal(c, d) }

// Union returns the cells in c or in d.
func Union(sets ...Cells) Cells {
	n := 0
	for _, s := range sets {
		n += len(s)
	}
	out := make(Cells, 0, n)
	for _, s := range sets {
		out = append(out, s...)
	}
	slices.SortFunc(out, comparePoints)
	return slices.Compact(out)
}

// Key returns c as a string that is equal for equal cells and different for
// different ones, for use as a map key.
func (c Cells) Key() string {
	b := make([]byte, 0, len(c)*4)
	for _, p := range c {
		b = appendVarint(b, p.Y)
		b = appendVarint(b, p.X)
	}
	return string(b)
}

func appendVarint(b []byte, v int64) []byte {
	u := uint64(v<<1) ^ uint64(v>>63) // zig-zag
	for u >= 0x80 {
		b = append(b, byte(u)|0x80)
		u >>= 7
	}
	return append(b, byte(u))
}

// transform is one of the 8 symmetries of the square: (y, x) goes to
// (a*y + b*x, c*y + d*x).
type transform struct{ a, b, c, d int64 }

// orientations are the 8 symmetries of the square, the identity first.
var orientations = [8]transform{
	{1, 0, 0, 1}, {1, 0, 0, -1}, {-1, 0, 0, 1}, {-1, 0, 0, -1},
	{0, 1, 1, 0}, {0, 1, -1, 0}, {0, -1, 1, 0}, {0, -1, -1, 0},
}

// apply returns c transformed by t and normalised to the origin.
func (t transform) apply(c Cells) Cells {
	out := make(Cells, len(c))
	for i, p := range c {
		out[i] = Point{t.a*p.Y + t.b*p.X, t.c*p.Y + t.d*p.X}
	}
	slices.SortFunc(out, comparePoints)
	n, _ := out.Normal()
	return n
}

// mix is a 64-bit finaliser (splitmix64's), used to hash cells.
func mix(v uint64) uint64 {
	v ^= v >> 30
	v *= 0xbf58476d1ce4e5b9
	v ^= v >> 27
	v *= 0x94d049bb133111eb
	v ^= v >> 31
	return v
}

// cellHash hashes one cell; a set's hash is the sum of its cells' hashes,
// which does not depend on the order in which they are visited and adds up
// over disjoint sets.
func cellHash(y, x int64) uint64 {
	return mix(uint64(y)*0x9e3779b97f4a7c15 ^ mix(uint64(x)))
}

// Hash returns the hash of c in place.
func (c Cells) Hash() uint64 {
	var h uint64
	for _, p := range c {
		h += cellHash(p.Y, p.X)
	}
	return h
}
