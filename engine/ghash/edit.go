package ghash

import (
	"cmp"
	"slices"
)

// edit is a run of n cells of row y, from column x rightwards, set to
// state s.
type edit struct {
	y, x, n int64
	s       uint8
}

// lim bounds the coordinates in reach: -lim <= y, x < lim.
const lim = int64(1) << (viewLevel - 1)

// SetRun puts n cells of row y, from column x rightwards, in state 1.
// Edits are gathered and built into the tree all at once, before the
// engine next needs its cells: loading a pattern run by run costs about
// what its leaves cost, not a path from the root per cell. Cells beyond
// ±2^61 are out of reach and left alone.
func (e *Engine) SetRun(y, x, n int64) { e.setRun(y, x, n, 1) }

func (e *Engine) setRun(y, x, n int64, s uint8) {
	if n <= 0 || y < -lim || y >= lim {
		return
	}
	x, end := max(x, -lim), min(x+n, lim)
	if x >= end {
		return
	}
	if k := len(e.pending) - 1; k >= 0 {
		// A cell set again, as the UI's pencil does, replaces its edit.
		if p := &e.pending[k]; p.y == y && p.x == x && p.n == end-x {
			p.s = s
			return
		}
	}
	e.pending = append(e.pending, edit{y, x, end - x, s})
}

// leafKey names the leaf of cells [4y, 4y+4) x [4x, 4x+4).
type leafKey struct{ y, x int64 }

// flush builds the pending edits into the tree, in the order they were
// made: a later edit of a cell wins.
func (e *Engine) flush() {
	if len(e.pending) == 0 {
		return
	}
	edits := e.pending
	e.pending = nil
	s := e.s
	// The root must hold every cell edited.
	for _, d := range edits {
		for !e.holds(d.y, d.x) || !e.holds(d.y, d.x+d.n-1) {
			e.setRoot(s.expand(e.root))
		}
	}
	k := uint(s.nodes[e.root].level)
	half := int64(1) << (k - 1)
	leaves := make(map[leafKey]*leaf)
	at := func(key leafKey) *leaf {
		l := leaves[key]
		if l == nil {
			v := e.leafAt(e.root, k, key.y*4+half, key.x*4+half)
			l = &v
			leaves[key] = l
		}
		return l
	}
	for _, d := range edits {
		for x := d.x; x < d.x+d.n; x++ {
			l := at(leafKey{d.y >> 2, x >> 2})
			sh := uint(8 * (x & 3))
			row := &l[d.y&3]
			*row = *row&^(0xff<<sh) | uint32(d.s)<<sh
		}
	}
	keys := make([]leafKey, 0, len(leaves))
	for key := range leaves {
		keys = append(keys, leafKey{key.y + half/4, key.x + half/4})
	}
	slices.SortFunc(keys, func(a, b leafKey) int {
		return cmp.Or(cmp.Compare(a.y, b.y), cmp.Compare(a.x, b.x))
	})
	get := func(key leafKey) leaf { return *leaves[leafKey{key.y - half/4, key.x - half/4}] }
	e.setRoot(e.replace(e.root, k, 0, 0, keys, get))
	s.tidy(e.root)
}

// holds reports whether the root holds the cell at (y, x).
func (e *Engine) holds(y, x int64) bool {
	half := int64(1) << (e.s.nodes[e.root].level - 1)
	return y >= -half && y < half && x >= -half && x < half
}

// leafAt returns the cells of the leaf of node i (level k) at offset
// (y, x) from its top-left corner.
func (e *Engine) leafAt(i uint32, k uint, y, x int64) leaf {
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
	return s.leafOf(i)
}

// replace returns node i, of level k whose top-left leaf is (ky, kx) in
// leaf units, with the leaves keys (sorted by row, then column, all inside
// i) replaced by get's.
func (e *Engine) replace(i uint32, k uint, ky, kx int64, keys []leafKey, get func(leafKey) leaf) uint32 {
	s := e.s
	if len(keys) == 0 {
		return i
	}
	if k == leafLevel {
		return s.leaf(get(keys[0]))
	}
	n := s.nodes[i]
	h := int64(1) << (k - 1 - leafLevel) // half the side, in leaves
	// Split the keys into the quadrants: the top half's come first.
	mid, _ := slices.BinarySearchFunc(keys, ky+h, func(a leafKey, y int64) int { return cmp.Compare(a.y, y) })
	var top, bottom [2][]leafKey
	for q, part := range [2][]leafKey{keys[:mid], keys[mid:]} {
		var w, east []leafKey
		for _, key := range part {
			if key.x < kx+h {
				w = append(w, key)
			} else {
				east = append(east, key)
			}
		}
		if q == 0 {
			top = [2][]leafKey{w, east}
		} else {
			bottom = [2][]leafKey{w, east}
		}
	}
	n.nw = e.replace(n.nw, k-1, ky, kx, top[0], get)
	n.ne = e.replace(n.ne, k-1, ky, kx+h, top[1], get)
	n.sw = e.replace(n.sw, k-1, ky+h, kx, bottom[0], get)
	n.se = e.replace(n.se, k-1, ky+h, kx+h, bottom[1], get)
	return s.find(n.nw, n.ne, n.sw, n.se, uint8(k))
}
