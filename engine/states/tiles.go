package states

import (
	"bytes"
	"encoding/binary"
	"slices"

	"github.com/life-go/life/grid"
)

// A tile is tileW x tileH cells of the grid (less at its right and bottom
// edges). The generations engine steps only the tiles next to one that
// changed in the last generation: a cell's next state depends only on its
// 3 x 3 block, so a tile none of whose cells, nor any cell within one of
// it, changed cannot change either. Wide tiles keep the rows stepped at
// once long; low ones follow a spaceship's track closely.
const tileW, tileH = 64, 8

// parallelCells is how many cells a generation must step to be worth
// spreading over every core.
const parallelCells = 1 << 16

// tiles is the generations engine's record of which parts of the grid
// change, and the buffers kept up to date from one generation to the next
// so that a quiet tile costs nothing.
//
// Invariants between generations, for the grid the tiles were made for
// (when the board's grid is another, or an edit touched it, they are made
// afresh): plane holds the grid's cells in state 1, with a border of one
// cell holding what the topology joins beyond each edge; spare holds the
// generation before the grid's in every tile whose changed flag is set,
// and the grid's own cells in every other tile.
type tiles struct {
	grid   *grid.States
	w, h   int
	tw, th int // tiles across and down
	plane  []uint8
	spare  []uint8
	// changed[ty*tw+tx] is set when the tile changed in the last
	// generation; active when it is to be stepped in this one.
	changed, active []bool
	// edges[ty*tw+tx] says which of the tile's edges (edge* bits: rows,
	// columns and corner cells) had a cell join or leave state 1 in the
	// last generation: only such a change reaches the tile beyond that
	// edge, since neighbours count only cells in state 1.
	edges []uint8
	// ring lists the border ring's cells that the topology joins to a
	// grid cell: the plane's index of each, the grid's of its cell, and
	// the tiles next to it; those copying tile i's cells are
	// ring[ringAt[i]:ringAt[i+1]], to be brought up to date when tile i
	// changes.
	ring   []ringCell
	ringAt []int32
	// ringHit[ty*tw+tx] is set when a border cell next to the tile
	// changed in the last generation.
	ringHit []bool
	// full, for tests, steps every tile every generation from a plane
	// filled afresh, as the engine did before it had tiles.
	full bool
}

// prepare makes the tiles b's grid's afresh when they are another grid's,
// when an edit touched the grid since the last generation, or when full is
// set, and reports whether it did: then every tile is to be stepped and
// the plane and its border are to be filled.
func (t *tiles) prepare(b *board) bool {
	if t.grid == b.g && !b.touched && !t.full {
		return false
	}
	b.touched = false
	g := b.g
	w, h := g.Width(), g.Height()
	if t.grid == nil || t.w != w || t.h != h {
		t.w, t.h = w, h
		t.tw, t.th = (w+tileW-1)/tileW, (h+tileH-1)/tileH
		t.plane = make([]uint8, (w+2)*(h+2))
		t.spare = make([]uint8, w*h)
		t.changed = make([]bool, t.tw*t.th)
		t.active = make([]bool, t.tw*t.th)
		t.edges = make([]uint8, t.tw*t.th)
		t.ringHit = make([]bool, t.tw*t.th)
	}
	t.grid = g
	for i := range t.changed {
		t.changed[i], t.edges[i], t.ringHit[i] = true, edgeAll, false
	}
	// The border ring's cells, by the tiles they copy.
	t.ring = t.ring[:0]
	ring(w, h, func(y, x int) {
		if yy, xx, ok := g.Wrap(y, x); ok {
			// The grid cells next to (y, x) lie in at most two tiles.
			cy0, cy1 := max(y-1, 0), min(y+1, h-1)
			cx0, cx1 := max(x-1, 0), min(x+1, w-1)
			t1 := int32(cy0/tileH*t.tw + cx0/tileW)
			t2 := int32(cy1/tileH*t.tw + cx1/tileW)
			t.ring = append(t.ring, ringCell{plane: int32((y+1)*(w+2) + x + 1), cell: int32(yy*w + xx), tile1: t1, tile2: t2})
		}
	})
	src := func(c ringCell) int { return int(c.cell)/w/tileH*t.tw%len(t.changed) + int(c.cell)%w/tileW }
	slices.SortStableFunc(t.ring, func(a, b ringCell) int { return src(a) - src(b) })
	t.ringAt = slices.Grow(t.ringAt[:0], len(t.changed)+1)[:len(t.changed)+1]
	k := 0
	for i := range len(t.changed) + 1 {
		for k < len(t.ring) && src(t.ring[k]) < i {
			k++
		}
		t.ringAt[i] = int32(k)
	}
	return true
}

// ringCell is a cell of the plane's border ring (its index in the plane),
// the grid cell the topology joins to it (its index in the grid), and the
// tiles holding the grid cells next to it (one or two: tile2 may be
// tile1).
type ringCell struct{ plane, cell, tile1, tile2 int32 }

// The edge bits of tiles.edges: a tile's top row, bottom row, left and
// right columns, and its four corner cells.
const (
	edgeN = 1 << iota
	edgeS
	edgeW
	edgeE
	edgeNW
	edgeNE
	edgeSW
	edgeSE
	edgeAll = 1<<iota - 1
)

// ring calls fn for every cell of the ring of one cell around a w x h
// grid.
func ring(w, h int, fn func(y, x int)) {
	for x := -1; x <= w; x++ {
		fn(-1, x)
		fn(h, x)
	}
	for y := 0; y < h; y++ {
		fn(y, -1)
		fn(y, w)
	}
}

// fillPlane copies the cells of rows y0 to y1-1, columns x0 to x1-1, of
// cur into the plane: 1 for a cell in state 1, else 0.
func (t *tiles) fillPlane(cur []uint8, y0, y1, x0, x1 int) {
	w, pw := t.w, t.w+2
	for y := y0; y < y1; y++ {
		inState1(t.plane[(y+1)*pw+x0+1:(y+1)*pw+x1+1], cur[y*w+x0:y*w+x1])
	}
}

// inState1 sets dst[i] to 1 where src[i] is in state 1 and to 0
// elsewhere, eight cells a word.
func inState1(dst, src []uint8) {
	const lsb, low7 = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f
	n := len(src)
	dst = dst[:n]
	i := 0
	for ; i+8 <= n; i += 8 {
		t := binary.LittleEndian.Uint64(src[i:i+8]) ^ lsb // bytes that were 1 are 0
		// High bit of each byte set where t's byte is 0.
		z := ^((t&low7 + low7) | t) &^ low7
		binary.LittleEndian.PutUint64(dst[i:i+8], z>>7)
	}
	for ; i < n; i++ {
		dst[i] = b2u(src[i] == 1)
	}
}

// fillBorder fills the plane's border ring with what the topology joins
// beyond each edge, from the grid's cells cur. The ring's other cells,
// beyond a plane's edges, stay dead as the plane was made.
func (t *tiles) fillBorder(cur []uint8) {
	for _, c := range t.ring {
		t.plane[c.plane] = b2u(cur[c.cell] == 1)
	}
}

// activate marks for stepping every tile that changed, every tile beyond
// an edge of a tile where a cell joined or left state 1, and every tile
// next to a cell of the border ring that changed.
func (t *tiles) activate() {
	tw, th := t.tw, t.th
	e := t.edges
	for ty := range th {
		for tx := range tw {
			i := ty*tw + tx
			a := t.changed[i] || t.ringHit[i]
			if !a && ty > 0 {
				a = e[i-tw]&edgeS != 0 ||
					tx > 0 && e[i-tw-1]&edgeSE != 0 ||
					tx < tw-1 && e[i-tw+1]&edgeSW != 0
			}
			if !a && ty < th-1 {
				a = e[i+tw]&edgeN != 0 ||
					tx > 0 && e[i+tw-1]&edgeNE != 0 ||
					tx < tw-1 && e[i+tw+1]&edgeNW != 0
			}
			if !a {
				a = tx > 0 && e[i-1]&edgeE != 0 || tx < tw-1 && e[i+1]&edgeW != 0
			}
			t.active[i] = a
			t.ringHit[i] = false
		}
	}
}

// eachRun calls fn for every run of active tiles along a row of tiles,
// with the row of tiles and the run's first column of cells and the one
// after its last, on every core when there is enough to do.
func (t *tiles) eachRun(fn func(ty, x0, x1 int)) {
	n := 0
	for _, a := range t.active {
		if a {
			n++
		}
	}
	rows := func(ty0, ty1 int) {
		for ty := ty0; ty < ty1; ty++ {
			act := t.active[ty*t.tw : (ty+1)*t.tw]
			for tx := 0; tx < t.tw; {
				if !act[tx] {
					tx++
					continue
				}
				end := tx + 1
				for end < t.tw && act[end] {
					end++
				}
				fn(ty, tx*tileW, min(end*tileW, t.w))
				tx = end
			}
		}
	}
	if n*tileW*tileH < parallelCells {
		rows(0, t.th)
		return
	}
	bands(0, t.th, 1, rows)
}

// compare sets the changed flags and edges of the tiles of row ty between
// columns x0 and x1 (a run of active tiles, just stepped from cur into
// next).
func (t *tiles) compare(cur, next []uint8, ty, x0, x1 int) {
	y0, y1 := ty*tileH, min(ty*tileH+tileH, t.h)
	w := t.w
	for x := x0; x < x1; x += tileW {
		xe := min(x+tileW, x1)
		changed, e := false, uint8(0)
		for y := y0; y < y1; y++ {
			c, n := cur[y*w+x:y*w+xe], next[y*w+x:y*w+xe]
			if bytes.Equal(c, n) {
				continue
			}
			changed = true
			// The edges and corners of this row: top, bottom, or neither.
			row, left, right := uint8(0), uint8(edgeW), uint8(edgeE)
			if y == y0 {
				row, left, right = row|edgeN, left|edgeNW, right|edgeNE
			}
			if y == y1-1 {
				row, left, right = row|edgeS, left|edgeSW, right|edgeSE
			}
			if row != 0 && moved(c, n) {
				e |= row
			}
			if (c[0] == 1) != (n[0] == 1) {
				e |= left
			}
			if l := len(c) - 1; (c[l] == 1) != (n[l] == 1) {
				e |= right
			}
		}
		i := ty*t.tw + x/tileW
		t.changed[i], t.edges[i] = changed, e
	}
}

// moved reports whether a cell joined or left state 1 between c and n,
// eight cells a word.
func moved(c, n []uint8) bool {
	const lsb, low7 = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f
	// ones has the high bit of each byte set where v's byte is 1.
	ones := func(v uint64) uint64 { v ^= lsb; return ^((v&low7 + low7) | v) &^ low7 }
	i := 0
	for ; i+8 <= len(c); i += 8 {
		if ones(binary.LittleEndian.Uint64(c[i:])) != ones(binary.LittleEndian.Uint64(n[i:])) {
			return true
		}
	}
	for ; i < len(c); i++ {
		if (c[i] == 1) != (n[i] == 1) {
			return true
		}
	}
	return false
}

// update brings the plane up to date with the grid's cells cur, just
// stepped, in the tiles that changed, and the border cells copying them;
// it marks the tiles next to each border cell that changed.
func (t *tiles) update(cur []uint8) {
	for ty := range t.th {
		for tx := range t.tw {
			i := ty*t.tw + tx
			if !t.changed[i] {
				continue
			}
			t.fillPlane(cur, ty*tileH, min(ty*tileH+tileH, t.h), tx*tileW, min(tx*tileW+tileW, t.w))
			for _, c := range t.ring[t.ringAt[i]:t.ringAt[i+1]] {
				v := b2u(cur[c.cell] == 1)
				if t.plane[c.plane] != v {
					t.plane[c.plane] = v
					t.ringHit[c.tile1], t.ringHit[c.tile2] = true, true
				}
			}
		}
	}
}
