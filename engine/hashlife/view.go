package hashlife

import (
	"math"
	"math/bits"

	"github.com/life-go/life/engine"
)

// viewLevel is the level of the largest square coordinates reach: the
// cells with -2^61 <= y, x < 2^61. Cells farther out (a root grows past it
// only after some 2^60 generations) count in the population but are out
// of reach of Cell, SetCell, Bounds, Visit and CountBlocks.
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

// Cell reports whether the cell at (y, x) is alive.
func (e *Engine) Cell(y, x int64) bool {
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

// SetCell makes the cell at (y, x) alive or dead. Cells with a coordinate
// beyond ±2^61 are out of reach and left alone.
func (e *Engine) SetCell(y, x int64, alive bool) {
	e.flush()
	s := e.s
	for {
		k := uint(s.nodes[e.root].level)
		half := int64(1) << (k - 1)
		if y >= -half && y < half && x >= -half && x < half {
			e.root = e.setCell(e.root, k, y+half, x+half, alive)
			return
		}
		if k >= viewLevel {
			return
		}
		e.root = s.expand(e.root)
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

// Bounds returns the smallest rectangle holding every live cell in reach
// (see [viewLevel]), and false when there is none. It walks only the nodes
// along the pattern's edges, each distinct node once.
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

// leafAt is a leaf found in a band of rows, with its left column.
type leafAt struct {
	x    int64
	bits uint64
}

// band appends to out the non-empty leaves of node i (level k, top-left
// cell at (y0, x0)) that hold row band yb (a multiple of 8) and meet
// columns [xlo, xhi), left to right.
func (s *store) band(out []leafAt, i uint32, k uint, y0, x0, yb, xlo, xhi int64) []leafAt {
	if x0 >= xhi || x0+(int64(1)<<k) <= xlo || s.isEmpty(i) {
		return out
	}
	if k == leafLevel {
		return append(out, leafAt{x0, s.leafBits(i)})
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

// Visit calls fn for every live cell inside r, row by row and left to
// right. It skips empty nodes, so its cost follows the live cells and
// the edges of r, not r's area.
func (e *Engine) Visit(r engine.Rect, fn func(y, x int64)) {
	box, ok := e.Bounds()
	if !ok {
		return
	}
	y1, x1 := max(r.Y, box.Y), max(r.X, box.X)
	y2, x2 := min(r.Y+r.H, box.Y+box.H), min(r.X+r.W, box.X+box.W)
	if y1 >= y2 || x1 >= x2 {
		return
	}
	i, k := e.view()
	half := int64(1) << (k - 1)
	var leaves []leafAt
	for yb := y1 &^ 7; yb < y2; yb += 8 {
		leaves = e.s.band(leaves[:0], i, k, -half, -half, yb, x1, x2)
		for y := max(yb, y1); y < min(yb+8, y2); y++ {
			shift := 8 * (y - yb)
			for _, l := range leaves {
				row := uint8(l.bits >> shift)
				for row != 0 {
					c := int64(bits.LeadingZeros8(row))
					row &^= 0x80 >> c
					if x := l.x + c; x >= x1 && x < x2 {
						fn(y, x)
					}
				}
			}
		}
	}
}

// CountBlocks sets dst[i*cols+j] to the number of live cells in the
// 2^k x 2^k block whose top-left cell is (r.Y + i<<k, r.X + j<<k), clipped
// to r, from the populations of the nodes: a node inside one block counts
// at once. Counts beyond 2^64-1 saturate.
func (e *Engine) CountBlocks(r engine.Rect, k uint, dst []uint64) {
	cols := (r.W + 1<<k - 1) >> k
	rows := (r.H + 1<<k - 1) >> k
	clear(dst[:rows*cols])
	i, lvl := e.view()
	half := int64(1) << (lvl - 1)
	c := blockCounter{s: e.s, r: r, k: k, cols: cols, dst: dst, memo: map[uint32]uint64{}}
	c.count(i, lvl, -half, -half)
}

// blockCounter walks the tree for [Engine.CountBlocks].
type blockCounter struct {
	s    *store
	r    engine.Rect
	k    uint
	cols int64
	dst  []uint64
	memo map[uint32]uint64 // populations of nodes above level 31, saturated
}

// count adds the live cells of node i, of level lvl with top-left cell
// (y0, x0), to their blocks.
func (c *blockCounter) count(i uint32, lvl uint, y0, x0 int64) {
	size := int64(1) << lvl
	r := c.r
	if y0 >= r.Y+r.H || x0 >= r.X+r.W || y0+size <= r.Y || x0+size <= r.X || c.s.isEmpty(i) {
		return
	}
	inside := y0 >= r.Y && x0 >= r.X && y0+size <= r.Y+r.H && x0+size <= r.X+r.W
	by, bx := (y0-r.Y)>>c.k, (x0-r.X)>>c.k
	if inside && (y0+size-1-r.Y)>>c.k == by && (x0+size-1-r.X)>>c.k == bx {
		d := &c.dst[by*c.cols+bx]
		p := c.pop(i)
		if *d > math.MaxUint64-p {
			*d = math.MaxUint64
		} else {
			*d += p
		}
		return
	}
	if lvl == leafLevel {
		b := c.s.leafBits(i)
		for b != 0 {
			bit := int64(bits.TrailingZeros64(b))
			b &= b - 1
			y, x := y0+bit/8, x0+7-bit%8
			if y >= r.Y && y < r.Y+r.H && x >= r.X && x < r.X+r.W {
				c.dst[((y-r.Y)>>c.k)*c.cols+(x-r.X)>>c.k]++
			}
		}
		return
	}
	n := c.s.nodes[i]
	h := size / 2
	c.count(n.nw, lvl-1, y0, x0)
	c.count(n.ne, lvl-1, y0, x0+h)
	c.count(n.sw, lvl-1, y0+h, x0)
	c.count(n.se, lvl-1, y0+h, x0+h)
}

// pop returns node i's population, saturated at 2^64-1.
func (c *blockCounter) pop(i uint32) uint64 {
	n := c.s.nodes[i]
	if n.level <= 31 {
		return c.s.pop(i)
	}
	if p, ok := c.memo[i]; ok {
		return p
	}
	var p uint64
	for _, q := range [4]uint32{n.nw, n.ne, n.sw, n.se} {
		v := c.pop(q)
		if p > math.MaxUint64-v {
			p = math.MaxUint64
		} else {
			p += v
		}
	}
	c.memo[i] = p
	return p
}
