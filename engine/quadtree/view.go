package quadtree

import (
	"math"
	"math/bits"

	"github.com/life-go/life/engine"
)

// viewLevel is the level of the view, the largest square the tree's
// coordinates address: -2^62 <= y, x < 2^62 of its own rows and columns.
const viewLevel = 63

// maxReach bounds the cells in reach, in Golly's universe: those with
// -maxReach <= y, x <= maxReach, 2^62-1 either way (patterns.MaxPos), the
// largest square centred on the origin whose side (2^63-1) an engine.Rect
// holds. It lies inside the view (the tree's rows are Golly's less
// rowShift). Cells farther out (a root grows past it only after some 2^64
// generations) count in the population but are out of reach of the edits
// and the views.
const maxReach int64 = 1<<62 - 1

// view returns the root, or its central square of level viewLevel when it
// is larger, and its level.
func (t *Tree) view() (uint32, uint) {
	t.flush()
	i := t.root
	for t.s.at(i).level > viewLevel {
		i = t.s.centre(i)
	}
	return i, uint(t.s.at(i).level)
}

// Reach returns the square of the cells in reach: those with
// -(2^62-1) <= y, x <= 2^62-1. Cells outside it count in the population
// only.
func (t *Tree) Reach() engine.Rect {
	return engine.Rect{X: -maxReach, Y: -maxReach, W: 2*maxReach + 1, H: 2*maxReach + 1}
}

// inReach reports whether the cell (y, x) of Golly's universe is in reach.
func inReach(y, x int64) bool {
	return y >= -maxReach && y <= maxReach && x >= -maxReach && x <= maxReach
}

// window is a rectangle of cells in the tree's coordinates, by its first
// and last rows and columns (inclusive, so that a window reaching the
// view's edge needs no coordinate past it).
type window struct{ y0, y1, x0, x1 int64 }

// addSat returns a+d for d >= 0, or math.MaxInt64 when that is past it.
func addSat(a, d int64) int64 {
	if a > 0 && d > math.MaxInt64-a {
		return math.MaxInt64
	}
	return a + d
}

// lastOf returns a+n-1, the last of n >= 1 cells from a, or
// math.MaxInt64 when that is past it.
func lastOf(a, n int64) int64 { return addSat(a, n-1) }

// clip returns the part of r (in Golly's universe) that is in reach and in
// a view of level k, as a window in the tree's coordinates, and false
// when that is empty.
func clip(r engine.Rect, k uint) (window, bool) {
	if r.W <= 0 || r.H <= 0 {
		return window{}, false
	}
	half := int64(1) << (k - 1)
	y0, y1 := max(r.Y, -maxReach), min(lastOf(r.Y, r.H), maxReach)
	x0, x1 := max(r.X, -maxReach), min(lastOf(r.X, r.W), maxReach)
	if y0 > y1 || x0 > x1 {
		return window{}, false
	}
	w := window{max(y0-rowShift, -half), min(y1-rowShift, half-1), max(x0, -half), min(x1, half-1)}
	return w, w.y0 <= w.y1 && w.x0 <= w.x1
}

// CellState returns the state of the cell at (y, x); 0 out of reach.
func (t *Tree) CellState(y, x int64) uint8 {
	if !inReach(y, x) {
		return 0
	}
	y -= rowShift
	i, k := t.view()
	half := int64(1) << (k - 1)
	if y < -half || y >= half || x < -half || x >= half {
		return 0
	}
	y, x = y+half, x+half
	s := t.s
	for ; k > uint(s.leafLevel); k-- {
		n := s.at(i)
		h := int64(1) << (k - 1)
		switch {
		case y < h && x < h:
			i = n.nw
		case y < h:
			i, x = n.ne, x-h
		case x < h:
			i, y = n.sw, y-h
		default:
			i, y, x = n.se, y-h, x-h
		}
	}
	return s.leaves.State(s.leafOf(i), int(y), int(x))
}

// Cell reports whether the cell at (y, x) is in a state but 0.
func (t *Tree) Cell(y, x int64) bool { return t.CellState(y, x) != 0 }

// edge returns the offset of node i's cell not in state 0 farthest
// towards side dir: the least row for Top, the greatest for Bottom, the
// least column for Left, the greatest for Right; -1 for an empty node.
// memo caches the answers for interior nodes.
func (s *store) edge(i uint32, dir Side, memo map[uint32]int64) int64 {
	n := *s.at(i)
	if n.level == s.leafLevel {
		last := 1<<s.leafLevel - 1
		return int64(s.leaves.Edge(s.leafOf(i), dir, 0, last, 0, last))
	}
	if s.isEmpty(i) {
		return -1
	}
	if v, ok := memo[i]; ok {
		return v
	}
	h := int64(1) << (n.level - 1)
	// near are the quadrants on side dir, far the others; offNear and
	// offFar their offsets along the axis.
	var near, far [2]uint32
	var offNear, offFar int64
	switch dir {
	case Top:
		near, far, offFar = [2]uint32{n.nw, n.ne}, [2]uint32{n.sw, n.se}, h
	case Bottom:
		near, far, offNear = [2]uint32{n.sw, n.se}, [2]uint32{n.nw, n.ne}, h
	case Left:
		near, far, offFar = [2]uint32{n.nw, n.sw}, [2]uint32{n.ne, n.se}, h
	default:
		near, far, offNear = [2]uint32{n.ne, n.se}, [2]uint32{n.nw, n.sw}, h
	}
	best := int64(-1)
	for _, pair := range [2]struct {
		q   [2]uint32
		off int64
	}{{near, offNear}, {far, offFar}} {
		for _, c := range pair.q {
			v := s.edge(c, dir, memo)
			if v < 0 {
				continue
			}
			v += pair.off
			if best < 0 || beyond(dir, v, best) {
				best = v
			}
		}
		if best >= 0 {
			break
		}
	}
	memo[i] = best
	return best
}

// beyond reports whether v is farther than w towards side dir.
func beyond(dir Side, v, w int64) bool {
	if dir == Top || dir == Left {
		return v < w
	}
	return v > w
}

// edgeMemo caches [store.edge] and [store.edgeIn] for one side: edge's
// answers by node, edgeIn's by node and the part of it the window holds.
// Nodes along a window's edge at one level are cut alike, so the cost of
// a window follows the distinct nodes along its edges, not their number.
type edgeMemo struct {
	whole map[uint32]int64
	part  map[partKey]int64
}

// partKey is a node and the rows and columns of it a window holds, as
// offsets from its top-left cell (inclusive).
type partKey struct {
	i              uint32
	y0, y1, x0, x1 int64
}

// memoLevel is the least level whose cut nodes edgeIn memoises: below it
// a node's part costs less to work out again (at most 2^(memoLevel-3)
// leaves along a cut) than to look up.
const memoLevel = 8

func newEdgeMemo() edgeMemo {
	return edgeMemo{whole: map[uint32]int64{}, part: map[partKey]int64{}}
}

// edgeIn returns the row (Top, Bottom) or column (Left, Right) of node
// i's cell not in state 0 farthest towards side dir among those inside w,
// and false when it has none there. Node i has level k and its top-left
// cell at (y, x).
func (s *store) edgeIn(i uint32, k uint, y, x int64, dir Side, w *window, m *edgeMemo) (int64, bool) {
	h := int64(1) << (k - 1)
	last := h - 1 + h // the offset of the node's last row and column
	if y > w.y1 || y+last < w.y0 || x > w.x1 || x+last < w.x0 || s.isEmpty(i) {
		return 0, false
	}
	origin := x
	if dir == Top || dir == Bottom {
		origin = y
	}
	if y >= w.y0 && y+last <= w.y1 && x >= w.x0 && x+last <= w.x1 {
		return origin + s.edge(i, dir, m.whole), true
	}
	if k == uint(s.leafLevel) {
		v := s.leaves.Edge(s.leafOf(i), dir, int(max(w.y0-y, 0)), int(min(w.y1-y, last)), int(max(w.x0-x, 0)), int(min(w.x1-x, last)))
		return origin + int64(v), v >= 0
	}
	if k < memoLevel {
		v := s.edgeOf(i, k, y, x, dir, w, m)
		return v, v >= origin
	}
	// The part of the node inside w, as offsets from its corner.
	key := partKey{i, max(w.y0-y, 0), min(w.y1-y, last), max(w.x0-x, 0), min(w.x1-x, last)}
	v, ok := m.part[key]
	if !ok {
		v = s.edgeOf(i, k, y, x, dir, w, m) - origin
		m.part[key] = v
	}
	return origin + v, v >= 0
}

// sideFirst lists a node's quadrants (0 nw, 1 ne, 2 sw, 3 se) for each
// side: the two on that side, then the others.
var sideFirst = [4][4]uint8{Top: {0, 1, 2, 3}, Bottom: {2, 3, 0, 1}, Left: {0, 2, 1, 3}, Right: {1, 3, 0, 2}}

// edgeOf is edgeIn for an interior node of level k that w cuts, from its
// quadrants; for none it returns y-1 or x-1, before the node.
func (s *store) edgeOf(i uint32, k uint, y, x int64, dir Side, w *window, m *edgeMemo) int64 {
	n := s.at(i)
	kids := [4]uint32{n.nw, n.ne, n.sw, n.se}
	h := int64(1) << (k - 1)
	var best int64
	found := false
	for j, q := range sideFirst[dir] {
		if j == 2 && found {
			break
		}
		qy, qx := y+h*int64(q>>1), x+h*int64(q&1)
		if v, ok := s.edgeIn(kids[q], k-1, qy, qx, dir, w, m); ok && (!found || beyond(dir, v, best)) {
			best, found = v, true
		}
	}
	if !found {
		if dir == Top || dir == Bottom {
			return y - 1
		}
		return x - 1
	}
	return best
}

// Bounds returns the smallest rectangle holding every cell in reach (see
// [Tree.Reach]) not in state 0, and false when there is none. It walks
// only the nodes along the pattern's edges, each distinct node once.
func (t *Tree) Bounds() (engine.Rect, bool) {
	i, k := t.view()
	w, _ := clip(t.Reach(), k)
	if t.s.isEmpty(i) {
		return engine.Rect{}, false
	}
	half := int64(1) << (k - 1)
	var edges [4]int64
	for dir := range edges {
		m := newEdgeMemo()
		v, ok := t.s.edgeIn(i, k, -half, -half, Side(dir), &w, &m)
		if !ok {
			return engine.Rect{}, false // cells out of reach only
		}
		edges[dir] = v
	}
	top, bottom, left, right := edges[Top], edges[Bottom], edges[Left], edges[Right]
	return engine.Rect{X: left, Y: top + rowShift, W: right - left + 1, H: bottom - top + 1}, true
}

// leafAt is a leaf found in a band of rows, with its left column.
type leafAt struct {
	x int64
	l Leaf
}

// band appends to out the non-empty leaves of node i (level k, top-left
// cell at (y0, x0)) that hold the band of rows from yb (a multiple of the
// leaves' side) and meet columns [xlo, xhi], left to right.
func (s *store) band(out []leafAt, i uint32, k uint, y0, x0, yb, xlo, xhi int64) []leafAt {
	h := int64(1) << (k - 1)
	if x0 > xhi || x0+(h-1+h) < xlo || s.isEmpty(i) {
		return out
	}
	if k == uint(s.leafLevel) {
		return append(out, leafAt{x0, s.leafOf(i)})
	}
	n := s.at(i)
	w, east := n.nw, n.ne
	if yb >= y0+h {
		w, east, y0 = n.sw, n.se, y0+h
	}
	out = s.band(out, w, k-1, y0, x0, yb, xlo, xhi)
	return s.band(out, east, k-1, y0, x0+h, yb, xlo, xhi)
}

// Visit calls fn for every cell inside r (and in reach) not in state 0,
// row by row and left to right. It skips empty nodes and empty rows, so
// its cost follows the cells and the edges of r, not r's area.
func (t *Tree) Visit(r engine.Rect, fn func(y, x int64)) { t.visit(r, fn, nil) }

// VisitCellStates calls fn for every cell inside r (and in reach) not in
// state 0, with its state, as [Tree.Visit] does.
func (t *Tree) VisitCellStates(r engine.Rect, fn func(y, x int64, st uint8)) { t.visit(r, nil, fn) }

// visit is Visit with fn, or VisitCellStates with fs.
func (t *Tree) visit(r engine.Rect, fn func(y, x int64), fs func(y, x int64, st uint8)) {
	i, k := t.view()
	w, ok := clip(r, k)
	if !ok {
		return
	}
	s := t.s
	half := int64(1) << (k - 1)
	side := int64(1) << s.leafLevel
	memo := newEdgeMemo()
	var leaves []leafAt
	for y := w.y0; y <= w.y1; {
		// The next row with a cell, searched to the view's bottom
		// rather than r's, so that more nodes lie wholly inside.
		ny, ok := s.edgeIn(i, k, -half, -half, Top, &window{y, half - 1, w.x0, w.x1}, &memo)
		if !ok || ny > w.y1 {
			return
		}
		yb := ny &^ (side - 1)
		leaves = s.band(leaves[:0], i, k, -half, -half, yb, w.x0, w.x1)
		for y := ny; y <= min(yb+side-1, w.y1); y++ {
			r := int(y - yb)
			for _, l := range leaves {
				m := s.leaves.Row(l.l, r)
				if lo := w.x0 - l.x; lo > 0 {
					m &^= 1<<lo - 1
				}
				if hi := w.x1 - l.x; hi < side-1 {
					m &= 1<<(hi+1) - 1
				}
				for m != 0 {
					c := bits.TrailingZeros64(m)
					m &= m - 1
					if fs != nil {
						fs(y+rowShift, l.x+int64(c), s.leaves.State(l.l, r, c))
					} else {
						fn(y+rowShift, l.x+int64(c))
					}
				}
			}
		}
		y = yb + side
	}
}

// CountBlocks sets dst[i*cols+j] to the number of cells in state 1 (the
// live ones; the other states are history) in the 2^k x 2^k block whose
// top-left cell is (r.Y + i<<k, r.X + j<<k), clipped to r and to the
// reach, from the populations of the nodes. Each block's count is a
// difference of four prefix counts (the cells above and left of a grid
// point), and a prefix count descends one path of the tree, taking whole
// nodes' populations and the memoised counts of the nodes a grid line
// crosses: the cost follows the number of blocks and the distinct nodes
// along the grid lines, not the area or the cells. Counts beyond 2^64-1
// saturate.
func (t *Tree) CountBlocks(r engine.Rect, k uint, dst []uint64) {
	rows, cols := blocks(r.H, k), blocks(r.W, k)
	clear(dst[:rows*cols])
	i, lvl := t.view()
	half := int64(1) << (lvl - 1)
	c := prefixCounter{s: t.s, root: i, level: lvl, big: map[uint32]u128{},
		rowMemo: map[uint64]map[uint32]u128{}, colMemo: map[uint64]map[uint32]u128{}}
	// The grid lines: the a-th of n blocks from v, to at most r's end
	// (v+size), clamped to the reach, then to the view and given as an
	// offset from the view's top-left corner (up to 2^63, a uint64).
	line := func(v, size, a, n int64, shift int64) uint64 {
		if a < n {
			v = addSat(v, a<<k) // a<<k < size
		} else {
			v = addSat(v, size)
		}
		v = min(max(v, -maxReach), maxReach+1) - shift
		v = min(max(v, -half), half)
		return uint64(v) + uint64(half)
	}
	ys := make([]uint64, rows+1)
	for a := range ys {
		ys[a] = line(r.Y, r.H, int64(a), rows, rowShift)
	}
	xs := make([]uint64, cols+1)
	for b := range xs {
		xs[b] = line(r.X, r.W, int64(b), cols, 0)
	}
	prev := make([]u128, cols+1)
	cur := make([]u128, cols+1)
	for a, y := range ys {
		for b, x := range xs {
			cur[b] = c.prefix(y, x)
		}
		if a > 0 {
			for b := range cols {
				v := cur[b+1].sub(cur[b]).sub(prev[b+1]).add(prev[b])
				if v.hi != 0 {
					v.lo = math.MaxUint64
				}
				dst[int64(a-1)*cols+int64(b)] = v.lo
			}
		}
		prev, cur = cur, prev
	}
}

// blocks returns how many blocks of 2^k cells cover n cells.
func blocks(n int64, k uint) int64 {
	if n <= 0 {
		return 0
	}
	return (n-1)>>k + 1
}

// u128 is an unsigned 128-bit count: the population of a node of level up
// to 63 fits.
type u128 struct{ hi, lo uint64 }

func (a u128) add(b u128) u128 {
	lo, c := bits.Add64(a.lo, b.lo, 0)
	return u128{a.hi + b.hi + c, lo}
}

func (a u128) sub(b u128) u128 {
	lo, c := bits.Sub64(a.lo, b.lo, 0)
	return u128{a.hi - b.hi - c, lo}
}

// prefixCounter counts the cells in state 1 above and left of points of
// the view, for [Tree.CountBlocks].
type prefixCounter struct {
	s     *store
	root  uint32
	level uint
	big   map[uint32]u128 // populations of nodes above level 31
	// rowMemo[y][i] is the number of cells in state 1 of node i above the
	// horizontal grid line y (an offset from the view's top), for the
	// nodes that line crosses; the line's offset within a node depends
	// only on the node's level. colMemo is the same for vertical lines.
	rowMemo, colMemo map[uint64]map[uint32]u128
}

// pop returns the number of node i's cells in state 1.
func (c *prefixCounter) pop(i uint32) u128 {
	n := c.s.at(i)
	if n.level <= 31 {
		return u128{lo: c.s.pop(i, Live)}
	}
	if p, ok := c.big[i]; ok {
		return p
	}
	n2 := *n
	p := c.pop(n2.nw).add(c.pop(n2.ne)).add(c.pop(n2.sw)).add(c.pop(n2.se))
	c.big[i] = p
	return p
}

// leafCount returns the number of cells in state 1 of leaf i in its rows
// above y and columns left of x.
func (c *prefixCounter) leafCount(i uint32, y, x uint64) u128 {
	return u128{lo: c.s.leaves.Count(c.s.leafOf(i), Live, int(y), int(x))}
}

// prefix returns the number of cells in state 1 in rows above y and
// columns left of x, offsets from the view's top-left corner.
func (c *prefixCounter) prefix(y, x uint64) u128 {
	var total u128
	i, k := c.root, c.level
	gy, gx := y, x // the lines, for the memos
	for {
		size := uint64(1) << k
		switch {
		case y == 0 || x == 0 || c.s.isEmpty(i):
			return total
		case y == size && x == size:
			return total.add(c.pop(i))
		case y == size:
			return total.add(c.colCount(i, k, x, gx))
		case x == size:
			return total.add(c.rowCount(i, k, y, gy))
		case k == uint(c.s.leafLevel):
			return total.add(c.leafCount(i, y, x))
		}
		n := *c.s.at(i)
		h := size / 2
		switch {
		case y <= h && x <= h:
			i = n.nw
		case y <= h:
			total = total.add(c.rowCount(n.nw, k-1, y, gy))
			i, x = n.ne, x-h
		case x <= h:
			total = total.add(c.colCount(n.nw, k-1, x, gx))
			i, y = n.sw, y-h
		default:
			total = total.add(c.pop(n.nw)).add(c.colCount(n.ne, k-1, x-h, gx)).add(c.rowCount(n.sw, k-1, y-h, gy))
			i, y, x = n.se, y-h, x-h
		}
		k--
	}
}

// rowCount returns the number of cells in state 1 of node i, of level k,
// in its rows above y, 0 <= y <= 2^k; line names the grid line for the
// memo.
func (c *prefixCounter) rowCount(i uint32, k uint, y, line uint64) u128 {
	size := uint64(1) << k
	switch {
	case y == 0 || c.s.isEmpty(i):
		return u128{}
	case y == size:
		return c.pop(i)
	case k == uint(c.s.leafLevel):
		return c.leafCount(i, y, size)
	}
	memo := c.rowMemo[line]
	if memo == nil {
		memo = map[uint32]u128{}
		c.rowMemo[line] = memo
	}
	if v, ok := memo[i]; ok {
		return v
	}
	n := *c.s.at(i)
	h := size / 2
	var v u128
	if y <= h {
		v = c.rowCount(n.nw, k-1, y, line).add(c.rowCount(n.ne, k-1, y, line))
	} else {
		v = c.pop(n.nw).add(c.pop(n.ne)).add(c.rowCount(n.sw, k-1, y-h, line)).add(c.rowCount(n.se, k-1, y-h, line))
	}
	memo[i] = v
	return v
}

// colCount returns the number of cells in state 1 of node i, of level k,
// in its columns left of x, 0 <= x <= 2^k; line names the grid line for
// the memo.
func (c *prefixCounter) colCount(i uint32, k uint, x, line uint64) u128 {
	size := uint64(1) << k
	switch {
	case x == 0 || c.s.isEmpty(i):
		return u128{}
	case x == size:
		return c.pop(i)
	case k == uint(c.s.leafLevel):
		return c.leafCount(i, size, x)
	}
	memo := c.colMemo[line]
	if memo == nil {
		memo = map[uint32]u128{}
		c.colMemo[line] = memo
	}
	if v, ok := memo[i]; ok {
		return v
	}
	n := *c.s.at(i)
	h := size / 2
	var v u128
	if x <= h {
		v = c.colCount(n.nw, k-1, x, line).add(c.colCount(n.sw, k-1, x, line))
	} else {
		v = c.pop(n.nw).add(c.pop(n.sw)).add(c.colCount(n.ne, k-1, x-h, line)).add(c.colCount(n.se, k-1, x-h, line))
	}
	memo[i] = v
	return v
}
