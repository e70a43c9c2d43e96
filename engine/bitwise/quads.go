package bitwise

import (
	"encoding/binary"

	"github.com/life-go/life/engine"
)

var le = binary.LittleEndian

// The rules that are not totalistic (isotropic non-totalistic and MAP
// rules, in any neighbourhood) run through quads: a table that gives the
// next states of the central 2 x 2 cells of every 4 x 4 square, as
// Golly's QuickLife steps every rule. A pair of rows of a strip costs 32
// lookups. The square of a lookup is a 16-bit index, a row a nibble, that
// comes out of the rows by masks and shifts alone: each row's word,
// shifted a column one way or the other, holds in its nibbles the rows of
// the squares 4 columns apart, and two rows' nibbles interleave by bytes
// ([pairForms]), two pairs' bytes by 16-bit lanes ([quadIndex.put]). The
// entries gather into the two rows by masks. Totalistic rules of the
// hexagonal and von Neumann neighbourhoods and Wolfram's have kernels of
// their own (masked.go).

// quadTable is a rule's quads. Entry i of q is for the 4 x 4 square whose
// row r (0 to 3, top to bottom) is nibble r of i, with the square's left
// column in the nibble's bit 0; bits 0 and 1 of the entry are the next
// states of the second row's middle cells, left then right, bits 2 and 3
// the third row's.
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
					block = block<<1 | i>>(4*r+m)&1
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

// Masks of the quads' forms: the low nibble of each byte, the low byte
// of each 16-bit lane, and the two low bits of each nibble.
const (
	nibbles = 0x0F0F0F0F0F0F0F0F
	bytes16 = 0x00FF00FF00FF00FF
	bits2   = 0x3333333333333333
)

// pairForms returns the forms of a pair of rows of a strip, each row its
// word (c, d) with the cell left of its bit 0 (lc, ld, 0 or 1) and the
// cell right of its bit 63 (rc, rd): byte i of form s holds the pair's
// rows, the first in the low nibble and the second in the high one, of
// the square whose middle columns are 8i+2s and 8i+2s+1, its columns 8i+2s-1
// to 8i+2s+2. Forms 0 and 2 come from the rows shifted a column up (the
// cell left of bit 0 in bit 0), whose nibble j holds columns 4j-1 to
// 4j+2; forms 1 and 3 from the rows shifted a column down (the cell right
// of bit 63 in bit 63), nibble j columns 4j+1 to 4j+4.
func pairForms(c, lc, rc, d, ld, rd uint64) (f0, f1, f2, f3 uint64) {
	ce, de := c<<1|lc, d<<1|ld
	co, do := c>>1|rc<<63, d>>1|rd<<63
	// Delta swaps: the high nibbles of the first row's bytes trade
	// places with the low nibbles of the second's.
	// (The temporaries' last use comes last: the compiler spills them
	// otherwise.)
	te := (ce>>4 ^ de) & nibbles
	f2 = de ^ te
	f0 = ce ^ te<<4
	to := (co>>4 ^ do) & nibbles
	f3 = do ^ to
	f1 = co ^ to<<4
	return f0, f1, f2, f3
}

// lanes returns the two words of indices of form a of the rows above a
// pair and form c of the rows below it (see [quadRows]): the even bytes
// of a and c, and the odd ones, by a delta swap.
func lanes(a, c uint64) (even, odd uint64) {
	t := (a>>8 ^ c) & bytes16
	odd = c ^ t
	even = a ^ t<<8
	return even, odd
}

// quadIndex holds the 32 indices of the squares of a pair of rows, 16
// bits each: the even squares' (middle columns a multiple of 4) in bytes
// 0 to 31, the odd ones' in 32 to 63. Going through memory, an index is
// one 16-bit load, with no shift or mask.
type quadIndex [64]byte

// put makes x the indices of the pair of rows b and c of a strip from the
// forms a0 to a3 of the rows a and b above them and c0 to c3 of the rows c
// and d (see [pairForms]). Byte i of a form s and byte i of c form s make
// the square whose middle columns are 8i+2s and 8i+2s+1, a 16-bit index:
// the even bytes of the two forms make a word of four indices, the odd
// bytes another ([lanes]).
func (x *quadIndex) put(a0, a1, a2, a3, c0, c1, c2, c3 uint64) {
	e0, e1 := lanes(a0, c0)
	le.PutUint64(x[0:], e0)
	le.PutUint64(x[8:], e1)
	e0, e1 = lanes(a2, c2)
	le.PutUint64(x[16:], e0)
	le.PutUint64(x[24:], e1)
	e0, e1 = lanes(a1, c1)
	le.PutUint64(x[32:], e0)
	le.PutUint64(x[40:], e1)
	e0, e1 = lanes(a3, c3)
	le.PutUint64(x[48:], e0)
	le.PutUint64(x[56:], e1)
}

// rows returns the next states of the 64 cells of the two rows whose
// indices x holds, looked up in q. The entries of the even squares gather
// a nibble each into e, at the bit of their left middle column; those of
// the odd ones into o, two bits below theirs; the two rows come out of
// them by masks.
func (x *quadIndex) rows(q *quadTable) (b, c uint64) {
	t := &q.q
	at := func(j int) uint64 { return uint64(t[le.Uint16(x[2*j:])]) }
	e := at(0) | at(1)<<16 | at(2)<<32 | at(3)<<48 |
		at(4)<<8 | at(5)<<24 | at(6)<<40 | at(7)<<56 |
		at(8)<<4 | at(9)<<20 | at(10)<<36 | at(11)<<52 |
		at(12)<<12 | at(13)<<28 | at(14)<<44 | at(15)<<60
	o := at(16) | at(17)<<16 | at(18)<<32 | at(19)<<48 |
		at(20)<<8 | at(21)<<24 | at(22)<<40 | at(23)<<56 |
		at(24)<<4 | at(25)<<20 | at(26)<<36 | at(27)<<52 |
		at(28)<<12 | at(29)<<28 | at(30)<<44 | at(31)<<60
	return e&bits2 | o&bits2<<2, e>>2&bits2 | o&^bits2
}

// stepQuads is stepRows for a rule stepped through quads q: rows y0 to
// y1-1, in pairs, each pair from the forms of the four rows around
// it, kept from one pair to the next.
func (g *geom) stepQuads(q *quadTable, s *sides, cur, out []uint64, y0, y1 int, ch []change) {
	h, mask := g.h, s.out
	cur, out = cur[:h], out[:h]
	left, right := s.left[:h], s.right[:h]
	lshift, lmask, rmask, rpos := s.lshift, s.lmask, s.rmask, s.rpos
	// row returns row y with the cells beside it, which may be just beyond
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
	// ab holds the forms of the rows above the pair (see pairForms); the
	// two below come in as cd.
	var ab [4]uint64
	{
		a, la, ra := row(y0 - 1)
		b, lb, rb := row(y0)
		ab[0], ab[1], ab[2], ab[3] = pairForms(a, la, ra, b, lb, rb)
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
			var cd [4]uint64
			cd[0], cd[1], cd[2], cd[3] = pairForms(c, lc, rc, d, ld, rd)
			var x quadIndex
			x.put(ab[0], ab[1], ab[2], ab[3], cd[0], cd[1], cd[2], cd[3])
			ob, oc := x.rows(q)
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
				for i := range ab {
					ab[i] = ab[i]>>4&nibbles | cd[i]<<4&^nibbles
				}
			}
		}
		ch[k] = change{any: any, top: top ^ out[ta], bottom: bottom ^ out[tz-1]}
	}
}
