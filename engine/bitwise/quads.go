package bitwise

import "github.com/life-go/life/engine"

// The rules that are not outer-totalistic in the Moore neighbourhood
// (isotropic non-totalistic, MAP, hexagonal, von Neumann, Wolfram) run
// through quads: a table that gives the next states of the central 2 x 2
// cells of every 4 x 4 square, as Golly's QuickLife steps every rule. A
// pair of rows of a strip costs 32 lookups: the four rows around them are
// spread so that each column's four cells make a nibble, and each 16-bit
// window of nibbles, four columns, is an index.

// quadTable is a rule's quads. Entry i is for the 4 x 4 square whose column
// m (0 to 3, left to right) is nibble m of i, with the top row in the
// nibble's bit 0; bits 0 and 1 of the entry are the next states of the
// second row's middle cells, left then right, bits 2 and 3 the third row's.
type quadTable [1 << 16]uint8

// newQuads returns the quads of table t.
func newQuads(t engine.Table) *quadTable {
	q := new(quadTable)
	for i := range q {
		var v uint8
		for k, c := range [4][2]int{{1, 1}, {1, 2}, {2, 1}, {2, 2}} { // (row, column)
			block := 0 // the 3 x 3 block around c, top left in bit 8
			for r := c[0] - 1; r <= c[0]+1; r++ {
				for m := c[1] - 1; m <= c[1]+1; m++ {
					block = block<<1 | i>>(4*m+r)&1
				}
			}
			if t.Alive(block) {
				v |= 1 << k
			}
		}
		q[i] = v
	}
	return q
}

// spread4 spreads the 8 bits of a byte 4 apart: bit k goes to bit 4k.
var spread4 [256]uint32

func init() {
	for b := range spread4 {
		var v uint32
		for k := range 8 {
			v |= uint32(b>>k&1) << (4 * k)
		}
		spread4[b] = v
	}
}

// spread16 spreads 16 bits 4 apart into a word.
func spread16(x uint64) uint64 {
	return uint64(spread4[x&255]) | uint64(spread4[x>>8&255])<<32
}

// spreadRow spreads a row of a strip, its word c with lb, the cell left of
// its bit 0, and rb, the cell right of its bit 63, into five words of 16
// columns each, a column a nibble's bit 0: columns -1 to 14, 15 to 30, 31
// to 46, 47 to 62, and 63 and 64.
func spreadRow(c, lb, rb uint64) (v0, v1, v2, v3, v4 uint64) {
	v0 = spread16(lb | c<<1&0xffff)
	v1 = spread16(c >> 15 & 0xffff)
	v2 = spread16(c >> 31 & 0xffff)
	v3 = spread16(c >> 47 & 0xffff)
	v4 = spread16(c>>63 | rb<<1)
	return
}

// pick2 gathers bits 0 and 1 of each of the eight nibbles of w into 16
// bits.
func pick2(w uint64) uint64 {
	w &= 0x33333333
	w = (w | w>>2) & 0x0f0f0f0f
	w = (w | w>>4) & 0x00ff00ff
	return (w | w>>8) & 0xffff
}

// quadBlock returns the next states of 16 columns of the rows b and c, from
// x, the spread form of those 16 columns with the one before (nibbles 0 to
// 15: columns -1 to 14 of the block), and nx, the next 16.
func quadBlock(q *quadTable, x, nx uint64) (ob, oc uint64) {
	w := uint64(q[x&0xffff]) | uint64(q[x>>8&0xffff])<<4 |
		uint64(q[x>>16&0xffff])<<8 | uint64(q[x>>24&0xffff])<<12 |
		uint64(q[x>>32&0xffff])<<16 | uint64(q[x>>40&0xffff])<<20 |
		uint64(q[x>>48&0xffff])<<24 | uint64(q[(x>>56|nx<<8)&0xffff])<<28
	return pick2(w), pick2(w >> 2)
}

// stepQuads is stepRows for a rule stepped through quads q: rows y0 to
// y1-1, in pairs, each pair from the spread forms of the four rows around
// it, kept from one pair to the next.
func (g *geom) stepQuads(q *quadTable, s *sides, cur, out []uint64, y0, y1 int, ch []change) {
	h, mask := g.h, s.out
	cur, out = cur[:h], out[:h]
	left, right := s.left[:h], s.right[:h]
	lshift, lmask, rmask, rpos := s.lshift, s.lmask, s.rmask, s.rpos
	// spread returns the spread form of row y, which may be just beyond
	// the edges: wrapped round, or dead beyond a bounded one.
	spread := func(y int) (v0, v1, v2, v3, v4 uint64) {
		if y < 0 || y >= h {
			if g.boundedY {
				return
			}
			if y < 0 {
				y += h
			} else {
				y -= h
			}
		}
		c := cur[y]
		lb := left[y] >> lshift & lmask
		rb := right[y] & rmask
		if rpos < 63 {
			// The last strip, not a whole word: the cell right of
			// its last column comes in just past it.
			c |= rb << (rpos + 1)
			rb = 0
		}
		return spreadRow(c, lb, rb)
	}
	a0, a1, a2, a3, a4 := spread(y0 - 1)
	b0, b1, b2, b3, b4 := spread(y0)
	for k := range ch {
		ta, tz := y0+k*tileRows, min(y0+(k+1)*tileRows, y1)
		top, bottom := out[ta], out[tz-1] // before they are overwritten
		var any uint64
		for y := ta; y < tz; y += 2 {
			c0, c1, c2, c3, c4 := spread(y + 1)
			var d0, d1, d2, d3, d4 uint64
			if y+1 < tz {
				d0, d1, d2, d3, d4 = spread(y + 2)
			}
			v0 := a0 | b0<<1 | c0<<2 | d0<<3
			v1 := a1 | b1<<1 | c1<<2 | d1<<3
			v2 := a2 | b2<<1 | c2<<2 | d2<<3
			v3 := a3 | b3<<1 | c3<<2 | d3<<3
			v4 := a4 | b4<<1 | c4<<2 | d4<<3
			b00, c00 := quadBlock(q, v0, v1)
			b16, c16 := quadBlock(q, v1, v2)
			b32, c32 := quadBlock(q, v2, v3)
			b48, c48 := quadBlock(q, v3, v4)
			ob := (b00 | b16<<16 | b32<<32 | b48<<48) & mask
			any |= ob ^ out[y]
			out[y] = ob
			if y+1 < tz {
				oc := (c00 | c16<<16 | c32<<32 | c48<<48) & mask
				any |= oc ^ out[y+1]
				out[y+1] = oc
				a0, a1, a2, a3, a4 = c0, c1, c2, c3, c4
				b0, b1, b2, b3, b4 = d0, d1, d2, d3, d4
			} else {
				// A tile of odd height, the strip's last: nothing
				// follows it in this run.
				a0, a1, a2, a3, a4 = b0, b1, b2, b3, b4
				b0, b1, b2, b3, b4 = c0, c1, c2, c3, c4
			}
		}
		ch[k] = change{any: any, top: top ^ out[ta], bottom: bottom ^ out[tz-1]}
	}
}
