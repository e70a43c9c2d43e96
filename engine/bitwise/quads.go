package bitwise

import "github.com/life-go/life/engine"

// The rules that are not totalistic (isotropic non-totalistic and MAP
// rules, in any neighbourhood) run through quads: a table that gives the
// next states of the central 2 x 2 cells of every 4 x 4 square, as
// Golly's QuickLife steps every rule. A pair of rows of a strip costs 32
// lookups: the four rows around them are spread so that each column's
// four cells make a nibble, each 16-bit window of nibbles, four columns,
// is an index, and the entries gather into the two rows by masks
// ([quadRows]). Totalistic rules of the hexagonal and von Neumann
// neighbourhoods and Wolfram's have kernels of their own (masked.go).

// quadTable is a rule's quads. Entry i of q is for the 4 x 4 square whose
// column m (0 to 3, left to right) is nibble m of i, with the top row in
// the nibble's bit 0; bits 0 and 1 of the entry are the next states of the
// second row's middle cells, left then right, bits 2 and 3 the third row's.
type quadTable struct{ q [1 << 16]uint8 }

// newQuads returns the quads of table t.
func newQuads(t engine.Table) *quadTable {
	qt := new(quadTable)
	q := &qt.q
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
	return qt
}

// spreadLo and spreadHi spread the 8 bits of a byte 4 apart into the
// nibbles of a word: bit k goes to bit 4k+4 in spreadLo, to bit 4k+36 in
// spreadHi (bit 7 falls off), so that a word's two bytes m and m+1 make
// the nibbles 1 to 15 of the spread word that starts a column before
// byte m's bit 0.
var spreadLo, spreadHi [256]uint64

func init() {
	for b := range spreadLo {
		var v uint64
		for k := range 8 {
			v |= uint64(b>>k&1) << (4 * k)
		}
		spreadLo[b], spreadHi[b] = v<<4, v<<36
	}
}

// spreadPair spreads two rows of a strip, each its word (c, d) with the
// cell left of its bit 0 (lc, ld) and the cell right of its bit 63 (rc,
// rd), into five words of 16 columns each, a column a nibble, the first
// row in the nibble's bit 0 and the second in bit 1: columns -1 to 14, 15
// to 30, 31 to 46, 47 to 62, and 63 and 64.
func spreadPair(c, lc, rc, d, ld, rd uint64) (v0, v1, v2, v3, v4 uint64) {
	return spreadWord(c, lc, 0) | spreadWord(d, ld, 0)<<1,
		spreadWord(c, 0, 1) | spreadWord(d, 0, 1)<<1,
		spreadWord(c, 0, 2) | spreadWord(d, 0, 2)<<1,
		spreadWord(c, 0, 3) | spreadWord(d, 0, 3)<<1,
		c>>63 | rc<<4 | (d>>63|rd<<4)<<1
}

// spreadWord returns word m (0 to 3) of the spread form of row c, columns
// 16m-1 to 16m+14, a column a nibble's bit 0; lb is the cell of column -1,
// left of c's bit 0, for m = 0.
func spreadWord(c, lb uint64, m uint) uint64 {
	if m > 0 {
		lb = c >> ((16*m - 1) & 63) & 1
	}
	x := c >> ((16 * m) & 63)
	return lb | spreadLo[x&255] | spreadHi[x>>8&255]
}

// quadRows returns the next states of the 64 cells of the rows b and c of
// a strip from v0 to v4, the spread forms of the four rows a to d around
// them (bit 0 of a nibble row a, bit 3 row d; see [spreadPair]), a column a
// nibble: columns -1 to 14 in v0, and so on. The 4 x 4 square whose middle
// columns are 2k and 2k+1 is nibbles 2k to 2k+3 of the five words, a
// 16-bit index: the even squares are the 16-bit quarters of v0 to v3, the
// odd ones those of the words shifted by a byte. The even squares' entries
// gather a nibble each into e, the odd ones' into o, and the two rows come
// out of them by masks.
func quadRows(q *quadTable, v0, v1, v2, v3, v4 uint64) (b, c uint64) {
	e := quad4(q, v0) | quad4(q, v1)<<16 | quad4(q, v2)<<32 | quad4(q, v3)<<48
	o := quad4(q, v0>>8|v1<<56) | quad4(q, v1>>8|v2<<56)<<16 |
		quad4(q, v2>>8|v3<<56)<<32 | quad4(q, v3>>8|v4<<56)<<48
	const lo = 0x3333333333333333
	return e&lo | o&lo<<2, e>>2&lo | o&^lo
}

// quad4 returns the entries of the four squares that are the 16-bit
// quarters of v, a nibble each.
func quad4(qt *quadTable, v uint64) uint64 {
	q := &qt.q
	return uint64(q[uint16(v)]) | uint64(q[uint16(v>>16)])<<4 |
		uint64(q[uint16(v>>32)])<<8 | uint64(q[v>>48])<<12
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
	row := func(y int) (c, lb, rb uint64) {
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
		c = cur[y]
		lb = left[y] >> (lshift & 63) & lmask
		rb = right[y] & rmask
		if rpos < 63 {
			// The last strip, not a whole word: the cell right of
			// its last column comes in just past it.
			c |= rb << ((rpos + 1) & 63)
			rb = 0
		}
		return
	}
	// ab holds the rows above the pair, a in bit 0 of each nibble and b
	// in bit 1; the two below come in as cd.
	var ab [5]uint64
	{
		a, la, ra := row(y0 - 1)
		b, lb, rb := row(y0)
		ab[0], ab[1], ab[2], ab[3], ab[4] = spreadPair(a, la, ra, b, lb, rb)
	}
	for k := range ch {
		ta, tz := y0+k*tileRows, min(y0+(k+1)*tileRows, y1)
		top, bottom := out[ta], out[tz-1] // before they are overwritten
		var any uint64
		for y := ta; y < tz; y += 2 {
			c, lc, rc := row(y + 1)
			var d, ld, rd uint64
			if y+1 < tz {
				d, ld, rd = row(y + 2)
			}
			var cd [5]uint64
			cd[0], cd[1], cd[2], cd[3], cd[4] = spreadPair(c, lc, rc, d, ld, rd)
			ob, oc := quadRows(q, ab[0]|cd[0]<<2, ab[1]|cd[1]<<2, ab[2]|cd[2]<<2, ab[3]|cd[3]<<2, ab[4]|cd[4]<<2)
			ob &= mask
			any |= ob ^ out[y]
			out[y] = ob
			if y+1 < tz {
				oc &= mask
				any |= oc ^ out[y+1]
				out[y+1] = oc
				ab = cd
			} else {
				// A tile of odd height, the strip's last: nothing
				// follows it in this run, but rows b and c are the
				// pair above the next one.
				const bit0 = 0x1111111111111111
				for i := range ab {
					ab[i] = ab[i]>>1&bit0 | cd[i]<<1
				}
			}
		}
		ch[k] = change{any: any, top: top ^ out[ta], bottom: bottom ^ out[tz-1]}
	}
}
