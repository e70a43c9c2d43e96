package bitwise

// geom is the shape of a universe and of its buffers: W x H cells in strips
// of 64 columns, each strip H words long (see the package comment).
type geom struct {
	w, h    int
	strips  int    // ceil(w/64)
	edge    uint   // bit of column w-1 in the last strip: (w-1) & 63
	last    uint64 // the valid bits of the last strip's words
	bounded bool   // dead cells beyond the edges, instead of a torus
}

func newGeom(w, h int, bounded bool) geom {
	g := geom{w: w, h: h, strips: (w + 63) / 64, edge: uint(w-1) & 63, bounded: bounded}
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
		if g.bounded {
			s.lmask = 0
		}
	}
	if i == g.strips-1 {
		ri, s.rpos, s.out = 0, g.edge, g.last
		if g.bounded {
			s.rmask = 0
		}
	}
	s.left, s.right = g.strip(src, li), g.strip(src, ri)
	return s
}

// hsums adds each cell's left and right neighbours in row y of a strip
// whose own word is c: two bits (lo2, hi2) for those two, and two more (lo3,
// hi3) with the cell itself added, for the rows above and below.
func (s *sides) hsums(c uint64, y int) (lo2, hi2, lo3, hi3 uint64) {
	west := c<<1 | s.left[y]>>s.lshift&s.lmask
	east := c>>1 | (s.right[y]&s.rmask)<<s.rpos
	lo2, hi2 = west^east, west&east
	return lo2, hi2, lo2 ^ c, hi2 | lo2&c
}

// innerSums is hsums for a strip inside the universe, whose neighbours'
// words are whole: l and r are the words beside c.
func innerSums(l, c, r uint64) (lo2, hi2, lo3, hi3 uint64) {
	west := c<<1 | l>>63
	east := c>>1 | r<<63
	lo2, hi2 = west^east, west&east
	return lo2, hi2, lo2 ^ c, hi2 | lo2&c
}

// count adds the 2-bit counts of the cells above (alo, ahi: 0-3), beside
// (mlo, mhi: 0-2) and below (blo, bhi: 0-3) into the 4-bit count x0-x3.
func count(alo, ahi, mlo, mhi, blo, bhi uint64) (x0, x1, x2, x3 uint64) {
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
func (g *geom) stepRows(l *logic, s *sides, cur, out []uint64, y0, y1 int, ch []change) {
	if s.inner {
		g.stepInner(l, s, cur, out, y0, y1, ch)
		return
	}
	h, life := g.h, l.life
	// The rows above y0 and at y0. Beyond a bounded edge the sums stay 0.
	var alo, ahi uint64 // the three cells above, as a 2-bit count
	if ya := y0 - 1; ya >= 0 || !g.bounded {
		if ya < 0 {
			ya = h - 1
		}
		_, _, alo, ahi = s.hsums(cur[ya], ya)
	}
	mlo2, mhi2, mlo3, mhi3 := s.hsums(cur[y0], y0)
	for k := range ch {
		ta, tz := y0+k*tileRows, min(y0+(k+1)*tileRows, y1)
		var c change
		for y := ta; y < tz; y++ {
			var blo2, bhi2, blo3, bhi3 uint64 // the row below
			if yb := y + 1; yb < h {
				blo2, bhi2, blo3, bhi3 = s.hsums(cur[yb], yb)
			} else if !g.bounded {
				blo2, bhi2, blo3, bhi3 = s.hsums(cur[0], 0)
			}
			x0, x1, x2, x3 := count(alo, ahi, mlo2, mhi2, blo3, bhi3)
			var next uint64
			if life {
				next = lifeNext(x0, x1, x2, cur[y])
			} else {
				next = l.next(x0, x1, x2, x3, cur[y])
			}
			next &= s.out
			d := next ^ out[y]
			if y == ta {
				c.top = d
			}
			c.any |= d
			c.bottom = d
			out[y] = next
			alo, ahi = mlo3, mhi3
			mlo2, mhi2, mlo3, mhi3 = blo2, bhi2, blo3, bhi3
		}
		ch[k] = c
	}
}

// stepInner is stepRows for a strip inside the universe, with whole words
// on both sides.
func (g *geom) stepInner(l *logic, s *sides, cur, out []uint64, y0, y1 int, ch []change) {
	h, life := g.h, l.life
	left, right := s.left[:h], s.right[:h]
	cur, out = cur[:h], out[:h]
	// Beyond a bounded edge the sums stay 0.
	var alo, ahi uint64
	if ya := y0 - 1; ya >= 0 {
		_, _, alo, ahi = innerSums(left[ya], cur[ya], right[ya])
	} else if !g.bounded {
		_, _, alo, ahi = innerSums(left[h-1], cur[h-1], right[h-1])
	}
	mlo2, mhi2, mlo3, mhi3 := innerSums(left[y0], cur[y0], right[y0])
	own, out := cur[:y1], out[:y1] // no bounds checks below
	for k := range ch {
		ta, tz := y0+k*tileRows, min(y0+(k+1)*tileRows, y1)
		var c change
		for y := ta; y < tz; y++ {
			var blo2, bhi2, blo3, bhi3 uint64
			if yb := y + 1; yb < h {
				blo2, bhi2, blo3, bhi3 = innerSums(left[yb], cur[yb], right[yb])
			} else if !g.bounded {
				blo2, bhi2, blo3, bhi3 = innerSums(left[0], cur[0], right[0])
			}
			x0, x1, x2, x3 := count(alo, ahi, mlo2, mhi2, blo3, bhi3)
			var next uint64
			if life {
				next = lifeNext(x0, x1, x2, own[y])
			} else {
				next = l.next(x0, x1, x2, x3, own[y])
			}
			d := next ^ out[y]
			if y == ta {
				c.top = d
			}
			c.any |= d
			c.bottom = d
			out[y] = next
			alo, ahi = mlo3, mhi3
			mlo2, mhi2, mlo3, mhi3 = blo2, bhi2, blo3, bhi3
		}
		ch[k] = c
	}
}
