package bitwise

import "github.com/life-go/life/engine"

// geom is the shape of a universe and of its buffers: W x H cells in strips
// of 64 columns, each strip H words long (see the package comment).
type geom struct {
	w, h     int
	strips   int    // ceil(w/64)
	edge     uint   // bit of column w-1 in the last strip: (w-1) & 63
	last     uint64 // the valid bits of the last strip's words
	boundedX bool   // dead cells beyond the left and right edges, instead of a wrap
	boundedY bool   // dead cells beyond the top and bottom edges
}

func newGeom(w, h int, boundedX, boundedY bool) geom {
	g := geom{w: w, h: h, strips: (w + 63) / 64, edge: uint(w-1) & 63, boundedX: boundedX, boundedY: boundedY}
	g.last = ^uint64(0) >> (63 - g.edge)
	return g
}

// strip returns strip i of buffer buf.
func (g *geom) strip(buf []uint64, i int) []uint64 {
	return buf[i*g.h : (i+1)*g.h : (i+1)*g.h]
}

// sides is what a strip needs from the strips beside it: the left neighbour
// of bit 0 is bit lshift of the left strip's word (masked by lmask, zero
// beyond a bounded edge), and the right neighbour of bit rpos is bit 0 of the
// right strip's word (masked by rmask). Inside the universe lshift and rpos
// are 63; at the torus's seam they are the bit of column w-1.
type sides struct {
	left, right  []uint64
	lshift, rpos uint
	lmask, rmask uint64
	out          uint64 // the valid bits of this strip's words
	inner        bool   // neither strip 0 nor the last: whole words beside it
}

// sidesOf returns the sides of strip i of src.
func (g *geom) sidesOf(src []uint64, i int) sides {
	s := sides{lshift: 63, rpos: 63, lmask: 1, rmask: 1, out: ^uint64(0)}
	li, ri := i-1, i+1
	s.inner = i > 0 && i < g.strips-1
	if i == 0 {
		li, s.lshift = g.strips-1, g.edge
		if g.boundedX {
			s.lmask = 0
		}
	}
	if i == g.strips-1 {
		ri, s.rpos, s.out = 0, g.edge, g.last
		if g.boundedX {
			s.rmask = 0
		}
	}
	s.left, s.right = g.strip(src, li), g.strip(src, ri)
	return s
}

// sum3 adds up, for each cell of row y of a strip whose own word is c, the
// cell and its left and right neighbours: a 2-bit sum (lo, hi) of 0 to 3.
func (s *sides) sum3(c uint64, y int) (lo, hi uint64) {
	west := c<<1 | s.left[y]>>s.lshift&s.lmask
	east := c>>1 | (s.right[y]&s.rmask)<<s.rpos
	we := west ^ east
	return we ^ c, west&east | we&c
}

// innerSum3 is sum3 for a strip inside the universe, whose neighbours'
// words are whole: l and r are the words beside c.
func innerSum3(l, c, r uint64) (lo, hi uint64) {
	west := c<<1 | l>>63
	east := c>>1 | r<<63
	we := west ^ east
	return we ^ c, west&east | we&c
}

// add3 adds the 2-bit sums of three rows (0-3 each) into the 4-bit sum
// x0-x3 of a cell's 3 x 3 block.
func add3(alo, ahi, mlo, mhi, blo, bhi uint64) (x0, x1, x2, x3 uint64) {
	x0 = alo ^ mlo ^ blo
	k := alo&mlo | blo&(alo^mlo) // carry into the twos
	t := ahi ^ mhi ^ bhi
	u := ahi&mhi | bhi&(ahi^mhi) // carry into the fours
	x1 = t ^ k
	v := t & k
	return x0, x1, u ^ v, u & v
}

// change is where a tile's new words differ from those they overwrote: the
// union of every row's difference, and the top and bottom rows' own.
type change struct{ any, top, bottom uint64 }

// stepRows writes into out the next generation of rows y0 to y1-1 of the
// strip cur, whose sides are s: the rows of len(ch) consecutive tiles, the
// first starting at y0. It sets ch[k] to where the new words of the k-th
// differ from those they overwrote. Strips inside the universe take a path
// with the shifts fixed, the edges the general one; both compute the same.
// The loops carry the sums of the rows above and at y from one row to the
// next.
func (g *geom) stepRows(l *logic, s *sides, cur, out []uint64, y0, y1 int, ch []change) {
	if l.quads != nil {
		g.stepQuads(l.quads, s, cur, out, y0, y1, ch)
		return
	}
	if l.nbhd != engine.Moore {
		g.stepMasked(l, s, cur, out, y0, y1, ch)
		return
	}
	if s.inner {
		g.stepInner(l, s, cur, out, y0, y1, ch)
		return
	}
	h, life, mask := g.h, l.life, s.out
	cur, out = cur[:h], out[:h]
	var alo, ahi uint64 // the row above; beyond a bounded edge, 0
	if y0 > 0 {
		alo, ahi = s.sum3(cur[y0-1], y0-1)
	} else if !g.boundedY {
		alo, ahi = s.sum3(cur[h-1], h-1)
	}
	mlo, mhi := s.sum3(cur[y0], y0)
	for k := range ch {
		ta, tz := y0+k*tileRows, min(y0+(k+1)*tileRows, y1)
		top, bottom := out[ta], out[tz-1] // before they are overwritten
		var any uint64
		for y := ta; y < tz; y++ {
			var blo, bhi uint64 // the row below
			if y+1 < h {
				blo, bhi = s.sum3(cur[y+1], y+1)
			} else if !g.boundedY {
				blo, bhi = s.sum3(cur[0], 0)
			}
			x0, x1, x2, x3 := add3(alo, ahi, mlo, mhi, blo, bhi)
			var next uint64
			if life {
				next = lifeNext(x0, x1, x2, cur[y])
			} else {
				next = l.next(x0, x1, x2, x3, cur[y])
			}
			next &= mask
			any |= next ^ out[y]
			out[y] = next
			alo, ahi, mlo, mhi = mlo, mhi, blo, bhi
		}
		ch[k] = change{any: any, top: top ^ out[ta], bottom: bottom ^ out[tz-1]}
	}
}

// stepInner is stepRows for a strip inside the universe, with whole words
// on both sides. It leaves the universe's last row, whose row below wraps
// or is dead, to the end of its loops, and Life's loop to a function of its
// own: with few values live, Go keeps them in registers.
func (g *geom) stepInner(l *logic, s *sides, cur, out []uint64, y0, y1 int, ch []change) {
	h, life := g.h, l.life
	left, right := s.left[:h], s.right[:h]
	cur, out = cur[:h], out[:h]
	var alo, ahi uint64 // the row above; beyond a bounded edge, 0
	if y0 > 0 {
		alo, ahi = innerSum3(left[y0-1], cur[y0-1], right[y0-1])
	} else if !g.boundedY {
		alo, ahi = innerSum3(left[h-1], cur[h-1], right[h-1])
	}
	mlo, mhi := innerSum3(left[y0], cur[y0], right[y0])
	for k := range ch {
		ta, tz := y0+k*tileRows, min(y0+(k+1)*tileRows, y1)
		top, bottom := out[ta], out[tz-1] // before they are overwritten
		var any uint64
		// Every row but the universe's last has its row below at y+1.
		end := min(tz, h-1)
		if life && ta < end {
			any, alo, ahi, mlo, mhi = lifeRows(left[ta:end+1], cur[ta:end+1], right[ta:end+1], out[ta:end], alo, ahi, mlo, mhi)
		} else if !life {
			for y := ta; y < end; y++ {
				blo, bhi := innerSum3(left[y+1], cur[y+1], right[y+1])
				x0, x1, x2, x3 := add3(alo, ahi, mlo, mhi, blo, bhi)
				next := l.next(x0, x1, x2, x3, cur[y])
				any |= next ^ out[y]
				out[y] = next
				alo, ahi, mlo, mhi = mlo, mhi, blo, bhi
			}
		}
		if end < tz {
			// The last row: below it is row 0, or nothing.
			y := h - 1
			var blo, bhi uint64
			if !g.boundedY {
				blo, bhi = innerSum3(left[0], cur[0], right[0])
			}
			x0, x1, x2, x3 := add3(alo, ahi, mlo, mhi, blo, bhi)
			next := l.next(x0, x1, x2, x3, cur[y])
			any |= next ^ out[y]
			out[y] = next
		}
		ch[k] = change{any: any, top: top ^ out[ta], bottom: bottom ^ out[tz-1]}
	}
}

// lifeRows steps rows of a strip inside the universe under B3/S23: out[i]
// gets the next state of cur[i], whose row below is cur[i+1]; left and right
// are the strips beside it, as long as cur, one row longer than out. alo,
// ahi and mlo, mhi are the row sums above out[0] and at it; lifeRows
// returns the union of the changed bits and the row sums it ends with. It
// is a function of its own so that its loop keeps its values in registers.
func lifeRows(left, cur, right, out []uint64, alo, ahi, mlo, mhi uint64) (any, alo2, ahi2, mlo2, mhi2 uint64) {
	n := len(out)
	left, cur, right = left[:n+1], cur[:n+1], right[:n+1]
	for i := 0; i < n; i++ {
		blo, bhi := innerSum3(left[i+1], cur[i+1], right[i+1])
		x0, x1, x2, _ := add3(alo, ahi, mlo, mhi, blo, bhi)
		next := lifeNext(x0, x1, x2, cur[i])
		any |= next ^ out[i]
		out[i] = next
		alo, ahi, mlo, mhi = mlo, mhi, blo, bhi
	}
	return any, alo, ahi, mlo, mhi
}
