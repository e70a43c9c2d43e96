package ghash

import (
	"math"
	"math/bits"

	"github.com/life-go/life/engine"
)

// viewLevel is the level of the largest square coordinates reach: the
// cells with -2^61 <= y, x < 2^61. Cells farther out (a root grows past it
// only after some 2^60 generations) count in the population but are out
// of reach of State, SetState, Bounds, Visit and CountBlocks.
const viewLevel = 62

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

// State returns the state of the cell at (y, x).
func (e *Engine) State(y, x int64) engine.State {
	i, k := e.view()
	half := int64(1) << (k - 1)
	if y < -half || y >= half || x < -half || x >= half {
		return 0
	}
	y, x = y+half, x+half
	l := e.leafAt(i, k, y&^3, x&^3)
	return engine.State(l[y&3] >> (8 * (x & 3)))
}

// Cell reports whether the cell at (y, x) is in a state but 0.
func (e *Engine) Cell(y, x int64) bool { return e.State(y, x) != 0 }

// SetState gives the cell at (y, x) state st. A state the rule has not
// (st >= its number of states) leaves the cell alone, as do coordinates
// beyond ±2^61, which are out of reach.
func (e *Engine) SetState(y, x int64, st engine.State) {
	if int(st) < e.rule.States() {
		e.setRun(y, x, 1, uint8(st))
	}
}

// SetCell puts the cell at (y, x) in state 1 (alive) or 0.
func (e *Engine) SetCell(y, x int64, alive bool) {
	var st uint8
	if alive {
		st = 1
	}
	e.setRun(y, x, 1, st)
}

// Edges of a node, for [store.edge].
const (
	top = iota
	bottom
	left
	right
)

// leafEdge returns the offset in leaf l of its non-zero cell farthest
// towards side dir, or -1 when it has none.
func leafEdge(l leaf, dir int) int64 {
	var or uint32
	first, last := -1, -1
	for r, v := range l {
		if m := nonZero(v); m != 0 {
			or |= m
			if first < 0 {
				first = r
			}
			last = r
		}
	}
	switch {
	case or == 0:
		return -1
	case dir == top:
		return int64(first)
	case dir == bottom:
		return int64(last)
	case dir == left:
		return int64(bits.TrailingZeros32(or) / 8)
	default:
		return int64((31 - bits.LeadingZeros32(or)) / 8)
	}
}

// edge returns the offset of node i's non-zero cell farthest towards side
// dir: the least row for top, the greatest for bottom, the least column
// for left, the greatest for right; -1 for an empty node. memo caches the
// answers for interior nodes.
func (s *store) edge(i uint32, dir int, memo map[uint32]int64) int64 {
	n := s.nodes[i]
	if n.level == leafLevel {
		return leafEdge(s.leafOf(i), dir)
	}
	if s.isEmpty(i) {
		return -1
	}
	if v, ok := memo[i]; ok {
		return v
	}
	h := int64(1) << (n.level - 1)
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
			if best < 0 || (dir == top || dir == left) && v < best || (dir == bottom || dir == right) && v > best {
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

// Bounds returns the smallest rectangle holding every cell in a state but
// 0 in reach (see [viewLevel]), and false when there is none.
func (e *Engine) Bounds() (engine.Rect, bool) {
	i, k := e.view()
	if e.s.isEmpty(i) {
		return engine.Rect{}, false
	}
	half := int64(1) << (k - 1)
	memo := make(map[uint32]int64)
	t := e.s.edge(i, top, memo)
	clear(memo)
	b := e.s.edge(i, bottom, memo)
	clear(memo)
	l := e.s.edge(i, left, memo)
	clear(memo)
	r := e.s.edge(i, right, memo)
	return engine.Rect{X: l - half, Y: t - half, W: r - l + 1, H: b - t + 1}, true
}

// leafAtX is a leaf found in a band of rows, with its left column.
type leafAtX struct {
	x int64
	l leaf
}

// band appends to out the non-empty leaves of node i (level k, top-left
// cell at (y0, x0)) that hold row band yb (a multiple of 4) and meet
// columns [xlo, xhi), left to right.
func (s *store) band(out []leafAtX, i uint32, k uint, y0, x0, yb, xlo, xhi int64) []leafAtX {
	if x0 >= xhi || x0+(int64(1)<<k) <= xlo || s.isEmpty(i) {
		return out
	}
	if k == leafLevel {
		return append(out, leafAtX{x0, s.leafOf(i)})
	}
	n := &s.nodes[i]
	h := int64(1) << (k - 1)
	w, east := n.nw, n.ne
	if yb >= y0+h {
		w, east, y0 = n.sw, n.se, y0+h
	}
	out = s.band(out, w, k-1, y0, x0, yb, xlo, xhi)
	return s.band(out, east, k-1, y0, x0+h, yb, xlo, xhi)
}

// nextRow returns the least row >= y in which node i (level k, top-left
// cell at (y0, x0), all coordinates >= 0) has a non-zero cell in columns
// [xlo, xhi), or -1 when it has none. memo serves [store.edge] for the
// nodes wholly inside.
func (s *store) nextRow(i uint32, k uint, y0, x0, y, xlo, xhi int64, memo map[uint32]int64) int64 {
	size := int64(1) << k
	if y0+size <= y || x0 >= xhi || x0+size <= xlo || s.isEmpty(i) {
		return -1
	}
	if y0 >= y && x0 >= xlo && x0+size <= xhi {
		return y0 + s.edge(i, top, memo)
	}
	if k == leafLevel {
		l := s.leafOf(i)
		var mask uint32
		for c := max(xlo-x0, 0); c < min(xhi-x0, 4); c++ {
			mask |= 0xff << (8 * c)
		}
		for r := max(y-y0, 0); r < 4; r++ {
			if l[r]&mask != 0 {
				return y0 + r
			}
		}
		return -1
	}
	n := s.nodes[i]
	h := size / 2
	for _, half := range [2]struct {
		w, e uint32
		y0   int64
	}{{n.nw, n.ne, y0}, {n.sw, n.se, y0 + h}} {
		a := s.nextRow(half.w, k-1, half.y0, x0, y, xlo, xhi, memo)
		b := s.nextRow(half.e, k-1, half.y0, x0+h, y, xlo, xhi, memo)
		if a < 0 || b >= 0 && b < a {
			a = b
		}
		if a >= 0 {
			return a
		}
	}
	return -1
}

// Visit calls fn for every cell inside r in a state but 0, row by row and
// left to right.
func (e *Engine) Visit(r engine.Rect, fn func(y, x int64)) {
	e.VisitStates(r, func(y, x int64, _ engine.State) { fn(y, x) })
}

// VisitStates calls fn for every cell inside r in a state but 0, with its
// state, row by row and left to right. It skips empty nodes and empty
// rows, so its cost follows the cells and the edges of r, not r's area.
func (e *Engine) VisitStates(r engine.Rect, fn func(y, x int64, s engine.State)) {
	i, k := e.view()
	half := int64(1) << (k - 1)
	y1, x1 := max(r.Y, -half), max(r.X, -half)
	y2, x2 := min(r.Y+r.H, half), min(r.X+r.W, half)
	memo := make(map[uint32]int64)
	var leaves []leafAtX
	for y := y1; y < y2; {
		ny := e.s.nextRow(i, k, 0, 0, y+half, x1+half, x2+half, memo)
		if ny < 0 || ny-half >= y2 {
			return
		}
		ny -= half
		yb := ny &^ 3
		leaves = e.s.band(leaves[:0], i, k, -half, -half, yb, x1, x2)
		for y := ny; y < min(yb+4, y2); y++ {
			for _, l := range leaves {
				row := l.l[y-yb]
				for row != 0 {
					c := int64(bits.TrailingZeros32(row) / 8)
					st := engine.State(row >> (8 * c))
					row &^= 0xff << (8 * c)
					if x := l.x + c; x >= x1 && x < x2 {
						fn(y, x, st)
					}
				}
			}
		}
		y = yb + 4
	}
}

// CountBlocks sets dst[i*cols+j] to the number of cells in state 1 (the
// live ones; the others are history) in the 2^k x 2^k block whose top-left
// cell is (r.Y + i<<k, r.X + j<<k), clipped to r, from the populations of
// the nodes, as package hashlife counts: each block's count is a
// difference of four prefix counts, each of which descends one path of the
// tree. Counts beyond 2^64-1 saturate.
func (e *Engine) CountBlocks(r engine.Rect, k uint, dst []uint64) {
	cols := max(r.W-1, -1)>>k + 1 // r.W+1<<k-1 could overflow
	rows := max(r.H-1, -1)>>k + 1
	clear(dst[:rows*cols])
	i, lvl := e.view()
	half := int64(1) << (lvl - 1)
	c := prefixCounter{s: e.s, root: i, level: lvl, big: map[uint32]u128{},
		rowMemo: map[int64]map[uint32]u128{}, colMemo: map[int64]map[uint32]u128{}}
	clamp := func(v int64) int64 { return min(max(v+half, 0), 2*half) }
	ys := make([]int64, rows+1)
	for a := range ys {
		ys[a] = clamp(min(r.Y+int64(a)<<k, r.Y+r.H))
	}
	xs := make([]int64, cols+1)
	for b := range xs {
		xs[b] = clamp(min(r.X+int64(b)<<k, r.X+r.W))
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

// u128 is an unsigned 128-bit count.
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
// the view, for [Engine.CountBlocks].
type prefixCounter struct {
	s     *store
	root  uint32
	level uint
	big   map[uint32]u128 // populations of nodes above level 31
	// rowMemo[y][i] is the count of node i above the horizontal grid line
	// y, for the nodes that line crosses; colMemo the same for vertical
	// lines.
	rowMemo, colMemo map[int64]map[uint32]u128
}

func (c *prefixCounter) pop(i uint32) u128 {
	n := &c.s.nodes[i]
	if n.level <= 31 {
		return u128{lo: c.s.pop(i, 1)}
	}
	if p, ok := c.big[i]; ok {
		return p
	}
	n2 := *n
	p := c.pop(n2.nw).add(c.pop(n2.ne)).add(c.pop(n2.sw)).add(c.pop(n2.se))
	c.big[i] = p
	return p
}

// leafCount returns the number of cells of leaf i in state 1 in rows above
// y and columns left of x, 0 <= y, x <= 4.
func (c *prefixCounter) leafCount(i uint32, y, x int64) u128 {
	l := c.s.leafOf(i)
	mask := uint32(0)
	for col := range x {
		mask |= 0xff << (8 * col)
	}
	n := 0
	for r := range y {
		n += bits.OnesCount32(ones(l[r]) & mask)
	}
	return u128{lo: uint64(n)}
}

// prefix returns the count in rows above y and columns left of x, offsets
// from the view's top-left corner.
func (c *prefixCounter) prefix(y, x int64) u128 {
	var total u128
	i, k := c.root, c.level
	gy, gx := y, x
	for {
		size := int64(1) << k
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
			return total.add(c.leafCount(i, y, x))
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

// rowCount returns the count of node i, of level k, in its rows above y,
// 0 <= y <= 2^k; line names the grid line for the memo.
func (c *prefixCounter) rowCount(i uint32, k uint, y, line int64) u128 {
	size := int64(1) << k
	switch {
	case y == 0 || c.s.isEmpty(i):
		return u128{}
	case y == size:
		return c.pop(i)
	case k == leafLevel:
		return c.leafCount(i, y, 4)
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

// colCount returns the count of node i, of level k, in its columns left of
// x, 0 <= x <= 2^k; line names the grid line for the memo.
func (c *prefixCounter) colCount(i uint32, k uint, x, line int64) u128 {
	size := int64(1) << k
	switch {
	case x == 0 || c.s.isEmpty(i):
		return u128{}
	case x == size:
		return c.pop(i)
	case k == leafLevel:
		return c.leafCount(i, 4, x)
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
