package bitwise

import (
	"math/bits"
	"sync/atomic"
)

// The plane's tiles. A tile is 64 x 64 cells: 64 words, one a row, least
// significant bit first, as in a torus's strip. It holds two generations,
// the current one and the one before it, in buf[p] and buf[1-p], p the
// plane's parity; each buffer has a halo, a copy of the row just above the
// tile (the bottom row of the tile to the north) before its rows and of
// the row just below it after them, so that the run kernel sees a column
// with its rows above and below in one slice. The halos are kept equal to
// the rows they copy in both buffers: whoever writes a tile's top or bottom
// row writes the halo of its neighbour too.
//
// A tile exists only where the pattern lives or may come to: it is made
// when a cell is set in it or a change next to it may give birth in it,
// and dropped by a sweep once it has been empty in both generations for a
// while. Cells outside every tile are dead in both generations.

const (
	tileBits  = 6
	tileSize  = 1 << tileBits // a tile is tileSize x tileSize cells
	tileWords = tileSize + 2  // the rows and the two halo rows
)

// maxTile bounds tile coordinates: tiles lie in [-maxTile, maxTile) in
// both directions, so that cells lie in [-2^62, 2^62).
const maxTile = 1 << (62 - tileBits)

// tileKey is a tile's position: it holds the cells (y, x) with y>>6 == Y
// and x>>6 == X.
type tileKey struct{ Y, X int64 }

// column is one buffer of a tile: halo, 64 rows, halo.
type column = [tileWords]uint64

// zeroColumn stands in for a missing tile beside one being stepped.
var zeroColumn column

// The eight directions to a tile's neighbours, clockwise from north. North
// is up: smaller y.
const (
	north = iota
	northEast
	east
	southEast
	south
	southWest
	west
	northWest
)

// offsets[d] is the (y, x) step from a tile to its neighbour in direction
// d; opposite[d] the direction back.
var (
	offsets  = [8][2]int64{{-1, 0}, {-1, 1}, {0, 1}, {1, 1}, {1, 0}, {1, -1}, {0, -1}, {-1, -1}}
	opposite = [8]int{south, southWest, west, northWest, north, northEast, east, southEast}
)

// masks are where a tile's generation differs from the generation before
// the one before (what the other buffer held until it was overwritten):
// bit r of chg is set when row r changed anywhere, of lft when its left
// cell did, of rgt when its right cell did.
type masks struct{ chg, lft, rgt uint64 }

// tile is a 64 x 64 square of the plane. Its masks m[p] are the changes of
// the generation in buf[p] (see [masks]). A tile whose masks and whose
// neighbours' masks next to it are clear repeats its generation before the
// current one, which the other buffer already holds, and is not stepped.
type tile struct {
	// The fields every step reads come first, in two cache lines; the
	// buffers after them.
	m [2]masks
	// edit marks rows set by hand since the latest generation: their
	// other buffer is not the generation before, so they count as changed
	// for one more generation after the next.
	edit uint64
	// need is the rows to compute in the generation being stepped.
	need uint64
	// listed is the listing ([Plane.listing]) that last put the tile on
	// the tiles to visit: the steps' workers list tiles at once.
	listed atomic.Uint64
	nb     [8]*tile // the neighbours that exist, by direction
	key    tileKey
	index  int // its place in Plane.all

	buf [2]column
}

// empty reports whether no cell of t is alive in either generation.
func (t *tile) empty() bool {
	var any uint64
	for p := range t.buf {
		for _, w := range t.buf[p][1 : tileSize+1] {
			any |= w
		}
	}
	return any == 0
}

// population returns the live cells of t's buffer p.
func (t *tile) population(p int) int {
	n := 0
	for _, w := range t.buf[p][1 : tileSize+1] {
		n += bits.OnesCount64(w)
	}
	return n
}

// dilate spreads each set row of m to the rows above and below it.
func dilate(m uint64) uint64 { return m | m<<1 | m>>1 }

// needOf returns the rows of t to compute in the next generation, from the
// masks m[p] of the latest: those whose 3 x 3 blocks hold a cell that
// changed in the latest generation, in t or beside it.
func (t *tile) needOf(p int) uint64 {
	need := t.m[p].chg
	if w := t.nb[west]; w != nil {
		need |= w.m[p].rgt
	}
	if e := t.nb[east]; e != nil {
		need |= e.m[p].lft
	}
	need = dilate(need)
	var top, bottom uint64
	if n := t.nb[north]; n != nil {
		top |= n.m[p].chg
	}
	if n := t.nb[northWest]; n != nil {
		top |= n.m[p].rgt
	}
	if n := t.nb[northEast]; n != nil {
		top |= n.m[p].lft
	}
	if s := t.nb[south]; s != nil {
		bottom |= s.m[p].chg
	}
	if s := t.nb[southWest]; s != nil {
		bottom |= s.m[p].rgt
	}
	if s := t.nb[southEast]; s != nil {
		bottom |= s.m[p].lft
	}
	return need | top>>63 | bottom<<63
}

// reachMask returns the directions (bit d for direction d) of the
// neighbours that the latest changes of a tile whose masks are chg, lft and
// rgt lie next to, so that cells of those neighbours may change in the
// next generation: north when its top row changed, west when its left
// column did, north-west when its top-left cell did, and so on.
func reachMask(chg, lft, rgt uint64) uint8 {
	b := func(x uint64) uint8 { return uint8(x & 1) }
	nz := func(x uint64) uint8 {
		if x != 0 {
			return 1
		}
		return 0
	}
	return b(chg)<<north | b(chg>>63)<<south | nz(lft)<<west | nz(rgt)<<east |
		b(lft)<<northWest | b(rgt)<<northEast | b(lft>>63)<<southWest | b(rgt>>63)<<southEast
}

// tileAt returns the tile at k, or nil.
func (e *Plane) tileAt(k tileKey) *tile {
	if t := e.last; t != nil && t.key == k {
		return t
	}
	t := e.tiles[k]
	if t != nil {
		e.last = t
	}
	return t
}

// inside reports whether tile k lies within the plane's limits.
func inside(k tileKey) bool {
	return k.Y >= -maxTile && k.Y < maxTile && k.X >= -maxTile && k.X < maxTile
}

// tileFor returns the tile at k, making it empty when there is none: linked
// to its neighbours, its halos copied from theirs. k must be inside.
func (e *Plane) tileFor(k tileKey) *tile {
	if t := e.tileAt(k); t != nil {
		return t
	}
	t := &tile{key: k, index: len(e.all)}
	for d, o := range offsets {
		nk := tileKey{k.Y + o[0], k.X + o[1]}
		if !inside(nk) {
			continue
		}
		if n := e.tiles[nk]; n != nil {
			t.nb[d] = n
			n.nb[opposite[d]] = t
		}
	}
	for p := range t.buf {
		if n := t.nb[north]; n != nil {
			t.buf[p][0] = n.buf[p][tileSize]
		}
		if s := t.nb[south]; s != nil {
			t.buf[p][tileSize+1] = s.buf[p][1]
		}
	}
	e.tiles[k] = t
	e.all = append(e.all, t)
	e.last = t
	return t
}

// drop removes tile t, which is empty in both buffers, has no changes and
// is not listed.
func (e *Plane) drop(t *tile) {
	for d, n := range t.nb {
		if n != nil {
			n.nb[opposite[d]] = nil
		}
	}
	last := e.all[len(e.all)-1]
	e.all[t.index], last.index = last, t.index
	e.all = e.all[:len(e.all)-1]
	delete(e.tiles, t.key)
	if e.last == t {
		e.last = nil
	}
}

// sweep drops the tiles that are empty in both generations, have no
// changes and are not listed to visit, which no step needs: memory follows
// the live area.
func (e *Plane) sweep() {
	// The list of the step before keeps no tiles alive that are dropped.
	clear(e.spare[:cap(e.spare)])
	for i := 0; i < len(e.all); {
		t := e.all[i]
		if t.m == [2]masks{} && t.listed.Load() != e.listing && t.empty() {
			e.drop(t) // moves the last tile to i
			continue
		}
		i++
	}
}

// touch marks row r of tile t as set by hand in its current generation,
// and lists t to visit and to reach its neighbours from in the next step.
func (e *Plane) touch(t *tile, r int) {
	bit := uint64(1) << r
	if t.edit == 0 {
		e.edited = append(e.edited, t) // its first edit since the last step
	}
	t.edit |= bit
	m := &t.m[e.par]
	m.chg |= bit
	m.lft |= bit
	m.rgt |= bit
	if t.listed.Load() != e.listing {
		t.listed.Store(e.listing)
		e.todo = append(e.todo, t)
	}
}

// syncHalos copies row r of t's current buffer into the halo of the tile
// above or below when r is the top or bottom row.
func (e *Plane) syncHalos(t *tile, r int) {
	p := e.par
	switch r {
	case 0:
		if n := t.nb[north]; n != nil {
			n.buf[p][tileSize+1] = t.buf[p][1]
		}
	case tileSize - 1:
		if s := t.nb[south]; s != nil {
			s.buf[p][0] = t.buf[p][tileSize]
		}
	}
}
