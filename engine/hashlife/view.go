package hashlife

import (
	"math"
	"math/bits"

	"github.com/life-go/life/engine"
)

// viewLevel is the level of the view, the largest square the engine's
// coordinates address: -2^62 <= y, x < 2^62 of its own rows and columns.
const viewLevel = 63

// maxReach bounds the cells in reach, in Golly's universe: those with
// -maxReach <= y, x <= maxReach, 2^62-1 either way (patterns.MaxPos), the
// largest square centred on the origin whose side (2^63-1) an engine.Rect
// holds. It lies inside the view (the engine's rows are Golly's less
// rowShift). Cells farther out (a root grows past it only after some 2^64
// generations) count in the population but are out of reach of Cell,
// SetCell, SetRun, Bounds, Visit and CountBlocks.
const maxReach int64 = 1<<62 - 1

// view returns the root, or its central square of level viewLevel when it
// is larger, and its level.
func (e *Engine) view() (uint32, uint) {
	e.flush()
	i := e.root
	for e.s.nodes[i].level > viewLevel {
		i = e.s.centre(i)
	}
	return i, uint(e.s.nodes[i].level)
}

// Reach returns the square of the cells in reach (see [maxReach]): those
// with -(2^62-1) <= y, x <= 2^62-1. Live cells outside it count in the
// population only.
func (e *Engine) Reach() engine.Rect {
	return engine.Rect{X: -maxReach, Y: -maxReach, W: 2*maxReach + 1, H: 2*maxReach + 1}
}

// inReach reports whether the cell (y, x) of Golly's universe is in reach.
func inReach(y, x int64) bool {
	return y >= -maxReach && y <= maxReach && x >= -maxReach && x <= maxReach
}

// window is a rectangle of cells in the engine's coordinates, by its first
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
// a view of level k, as a window in the engine's coordinates, and false
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

// Cell reports whether the cell at (y, x) is alive.
func (e *Engine) Cell(y, x int64) bool {
	if !inReach(y, x) {
		return false
	}
	y -= rowShift
	i, k := e.view()
	half := int64(1) << (k - 1)
	if y < -half || y >= half || x < -half || x >= half {
		return false
	}
	y, x = y+half, x+half
	s := e.s
	for ; k > leafLevel; k-- {
		n := &s.nodes[i]
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
	return s.leafBits(i)>>(8*y+7-x)&1 != 0
}

// SetCell makes the cell at (y, x) alive or dead. Cells out of reach (a
// coordinate beyond ±(2^62-1), see [maxReach]) are left alone.
func (e *Engine) SetCell(y, x int64, alive bool) {
	if !inReach(y, x) {
		return
	}
	e.flush()
	y -= rowShift
	s := e.s
	for {
		k := uint(s.nodes[e.root].level)
		half := int64(1) << (k - 1)
		if y >= -half && y < half && x >= -half && x < half {
			e.setRoot(e.setCell(e.root, k, y+half, x+half, alive))
			s.tidy(e.root)
			return
		}
		// A root of level viewLevel holds every cell in reach.
		e.setRoot(s.expand(e.root))
	}
}

// setCell returns node i, of level k, with the cell at offset (y, x) set.
func (e *Engine) setCell(i uint32, k uint, y, x int64, alive bool) uint32 {
	s := e.s
	if k == leafLevel {
		b := s.leafBits(i)
		bit := uint64(1) << (8*y + 7 - x)
		if alive {
			b |= bit
		} else {
			b &^= bit
		}
		return s.leaf(b)
	}
	n := s.nodes[i]
	h := int64(1) << (k - 1)
	switch {
	case y < h && x < h:
		n.nw = e.setCell(n.nw, k-1, y, x, alive)
	case y < h:
		n.ne = e.setCell(n.ne, k-1, y, x-h, alive)
	case x < h:
		n.sw = e.setCell(n.sw, k-1, y-h, x, alive)
	default:
		n.se = e.setCell(n.se, k-1, y-h, x-h, alive)
	}
	return s.find(n.nw, n.ne, n.sw, n.se, uint8(k))
}

// Edges of a node, for [store.edge].
const (
	top = iota
	bottom
	left
	right
)

// leafEdge returns the offset of leaf bits b's live cell farthest towards
// side dir (b is not 0).
func leafEdge(b uint64, dir int) int64 {
	or := b | b>>32
	or |= or >> 16
	or = (or | or>>8) & 0xff
	switch dir {
	case top:
		return int64(bits.TrailingZeros64(b) / 8)
	case bottom:
		return int64(7 - bits.LeadingZeros64(b)/8)
	case left:
		return int64(bits.LeadingZeros8(uint8(or)))
	default:
		return int64(7 - bits.TrailingZeros8(uint8(or)))
	}
}

// edge returns the offset of node i's live cell farthest towards side
// dir: the least row for top, the greatest for bottom, the least column
// for left, the greatest for right; -1 for an empty node. memo caches the
// answers for interior nodes.
func (s *store) edge(i uint32, dir int, memo map[uint32]int64) int64 {
	n := s.nodes[i]
	if n.level == leafLevel {
		b := s.leafBits(i)
		if b == 0 {
			return -1
		}
		return leafEdge(b, dir)
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
	case top:
		near, far, offFar = [2]uint32{n.nw, n.ne}, [2]uint32{n.sw, n.se}, h
	case bottom:
		near, far, offNear = [2]uint32{n.sw, n.se}, [2]uint32{n.nw, n.ne}, h
	case left:
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
func beyond(dir int, v, w int64) bool {
	if dir == top || dir == left {
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

// edgeIn returns the row (top, bottom) or column (left, right) of node
// i's live cell farthest towards side dir among those inside w, and false
// when it has none there. Node i has level k and its top-left cell at
// (y, x).
func (s *store) edgeIn(i uint32, k uint, y, x int64, dir int, w *window, m *edgeMemo) (int64, bool) {
	h := int64(1) << (k - 1)
	last := h - 1 + h // the offset of the node's last row and column
	if y > w.y1 || y+last < w.y0 || x > w.x1 || x+last < w.x0 || s.isEmpty(i) {
		return 0, false
	}
	origin := x
	if dir == top || dir == bottom {
		origin = y
	}
	if y >= w.y0 && y+last <= w.y1 && x >= w.x0 && x+last <= w.x1 {
		return origin + s.edge(i, dir, m.whole), true
	}
	if k == leafLevel {
		var mask uint64
		for r := max(w.y0-y, 0); r <= min(w.y1-y, 7); r++ {
			for c := max(w.x0-x, 0); c <= min(w.x1-x, 7); c++ {
				mask |= 1 << (8*r + 7 - c)
			}
		}
		b := s.leafBits(i) & mask
		if b == 0 {
			return 0, false
		}
		return origin + leafEdge(b, dir), true
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
var sideFirst = [4][4]uint8{top: {0, 1, 2, 3}, bottom: {2, 3, 0, 1}, left: {0, 2, 1, 3}, right: {1, 3, 0, 2}}

// edgeOf is edgeIn for a node of level k > leafLevel that w cuts, from
// its quadrants; for none it returns y-1 or x-1, before the node.
func (s *store) edgeOf(i uint32, k uint, y, x int64, dir int, w *window, m *edgeMemo) int64 {
	n := &s.nodes[i]
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
		if dir == top || dir == bottom {
			return y - 1
		}
		return x - 1
	}
	return best
}

// Bounds returns the smallest rectangle holding every live cell in reach
// (see [maxReach]), and false when there is none. It walks only the nodes
// along the pattern's edges, each distinct node once.
func (e *Engine) Bounds() (engine.Rect, bool) {
	i, k := e.view()
	w, _ := clip(e.Reach(), k)
	if e.s.isEmpty(i) {
		return engine.Rect{}, false
	}
	half := int64(1) << (k - 1)
	var edges [4]int64
	for dir := range edges {
		m := newEdgeMemo()
		v, ok := e.s.edgeIn(i, k, -half, -half, dir, &w, &m)
		if !ok {
			return engine.Rect{}, false // live cells out of reach only
		}
		edges[dir] = v
	}
	t, b, l, r := edges[top], edges[bottom], edges[left], edges[right]
	return engine.Rect{X: l, Y: t + rowShift, W: r - l + 1, H: b - t + 1}, true
}

// leafAt is a leaf found in a band of rows, with its left column.
type leafAt struct {
	x    int64
	bits uint64
}

// band appends to out the non-empty leaves of node i (level k, top-left
// cell at (y0, x0)) that hold row band yb (a multiple of 8) and meet
// columns [xlo, xhi], left to right.
func (s *store) band(out []leafAt, i uint32, k uint, y0, x0, yb, xlo, xhi int64) []leafAt {
	h := int64(1) << (k - 1)
	if x0 > xhi || x0+(h-1+h) < xlo || s.isEmpty(i) {
		return out
	}
	if k == leafLevel {
		return append(out, leafAt{x0, s.leafBits(i)})
	}
	n := &s.nodes[i]
	w, east := n.nw, n.ne
	if yb >= y0+h {
		w, east, y0 = n.sw, n.se, y0+h
	}
	out = s.band(out, w, k-1, y0, x0, yb, xlo, xhi)
	return s.band(out, east, k-1, y0, x0+h, yb, xlo, xhi)
}

// Visit calls fn for every live cell inside r (and in reach), row by row
// and left to right. It skips empty nodes and empty rows, so its cost
// follows the live cells and the edges of r, not r's area.
func (e *Engine) Visit(r engine.Rect, fn func(y, x int64)) {
	i, k := e.view()
	w, ok := clip(r, k)
	if !ok {
		return
	}
	half := int64(1) << (k - 1)
	memo := newEdgeMemo()
	var leaves []leafAt
	for y := w.y0; y <= w.y1; {
		// The next row with a live cell, searched to the view's bottom
		// rather than r's, so that more nodes lie wholly inside.
		ny, ok := e.s.edgeIn(i, k, -half, -half, top, &window{y, half - 1, w.x0, w.x1}, &memo)
		if !ok || ny > w.y1 {
			return
		}
		yb := ny &^ 7
		leaves = e.s.band(leaves[:0], i, k, -half, -half, yb, w.x0, w.x1)
		for y := ny; y <= min(yb+7, w.y1); y++ {
			shift := 8 * (y - yb)
			for _, l := range leaves {
				row := uint8(l.bits >> shift)
				for row != 0 {
					c := int64(bits.LeadingZeros8(row))
					row &^= 0x80 >> c
					if x := l.x + c; x >= w.x0 && x <= w.x1 {
						fn(y+rowShift, x)
					}
				}
			}
		}
		y = yb + 8
	}
}

// CountBlocks sets dst[i*cols+j] to the number of live cells in the
// 2^k x 2^k block whose top-left cell is (r.Y + i<<k, r.X + j<<k), clipped
// to r and to the reach (see [maxReach]), from the populations of the
// nodes. Each block's count is a difference of four prefix counts (the
// live cells above and left of a grid point), and a prefix count descends
// one path of the tree, taking whole nodes' populations and the memoised
// counts of the nodes a grid line crosses: the cost follows the number of
// blocks and the distinct nodes along the grid lines, not the area or the
// cells. Counts beyond 2^64-1 saturate.
func (e *Engine) CountBlocks(r engine.Rect, k uint, dst []uint64) {
	rows, cols := blocks(r.H, k), blocks(r.W, k)
	clear(dst[:rows*cols])
	i, lvl := e.view()
	half := int64(1) << (lvl - 1)
	c := prefixCounter{s: e.s, root: i, level: lvl, big: map[uint32]u128{},
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

// prefixCounter counts the live cells above and left of points of the
// view, for [Engine.CountBlocks].
type prefixCounter struct {
	s     *store
	root  uint32
	level uint
	big   map[uint32]u128 // populations of nodes above level 31
	// rowMemo[y][i] is the number of live cells of node i above the
	// horizontal grid line y (an offset from the view's top), for the nodes
	// that line crosses; the line's offset within a node depends only on
	// the node's level. colMemo is the same for vertical lines.
	rowMemo, colMemo map[uint64]map[uint32]u128
}

// pop returns node i's population.
func (c *prefixCounter) pop(i uint32) u128 {
	n := &c.s.nodes[i]
	if n.level <= 31 {
		return u128{lo: c.s.pop(i)}
	}
	if p, ok := c.big[i]; ok {
		return p
	}
	n2 := *n
	p := c.pop(n2.nw).add(c.pop(n2.ne)).add(c.pop(n2.sw)).add(c.pop(n2.se))
	c.big[i] = p
	return p
}

// prefix returns the number of live cells in rows above y and columns
// left of x, offsets from the view's top-left corner.
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
		case k == leafLevel:
			return total.add(u128{lo: uint64(bits.OnesCount64(c.s.leafBits(i) & leafMask(y, x)))})
		}
		n := c.s.nodes[i]
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

// leafMask returns the cells of a leaf in rows above y and columns left of
// x, 0 <= y, x <= 8.
func leafMask(y, x uint64) uint64 {
	row := uint64(0xff) &^ (0xff >> x)
	var m uint64
	for r := range y {
		m |= row << (8 * r)
	}
	return m
}

// rowCount returns the number of live cells of node i, of level k, in its
// rows above y, 0 <= y <= 2^k; line names the grid line for the memo.
func (c *prefixCounter) rowCount(i uint32, k uint, y, line uint64) u128 {
	size := uint64(1) << k
	switch {
	case y == 0 || c.s.isEmpty(i):
		return u128{}
	case y == size:
		return c.pop(i)
	case k == leafLevel:
		return u128{lo: uint64(bits.OnesCount64(c.s.leafBits(i) & leafMask(y, 8)))}
	}
	memo := c.rowMemo[line]
	if memo == nil {
		memo = map[uint32]u128{}
		c.rowMemo[line] = memo
	}
	if v, ok := memo[i]; ok {
		return v
	}
	n := c.s.nodes[i]
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

// colCount returns the number of live cells of node i, of level k, in its
// columns left of x, 0 <= x <= 2^k; line names the grid line for the memo.
func (c *prefixCounter) colCount(i uint32, k uint, x, line uint64) u128 {
	size := uint64(1) << k
	switch {
	case x == 0 || c.s.isEmpty(i):
		return u128{}
	case x == size:
		return c.pop(i)
	case k == leafLevel:
		return u128{lo: uint64(bits.OnesCount64(c.s.leafBits(i) & leafMask(8, x)))}
	}
	memo := c.colMemo[line]
	if memo == nil {
		memo = map[uint32]u128{}
		c.colMemo[line] = memo
	}
	if v, ok := memo[i]; ok {
		return v
	}
	n := c.s.nodes[i]
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
