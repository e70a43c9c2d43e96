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
	inner        bool   // whole words beside it: not at a bounded edge nor at a seam inside a word
}

// sidesOf returns the sides of strip i of src.
func (g *geom) sidesOf(src []uint64, i int) sides {
	s := sides{lshift: 63, rpos: 63, lmask: 1, rmask: 1, out: ^uint64(0)}
	li, ri := i-1, i+1
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
	// Strips inside the universe, and strip 0 and the last on a torus a
	// whole number of words wide, have whole words on both sides.
	s.inner = s.lshift == 63 && s.rpos == 63 && s.lmask == 1 && s.rmask == 1
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
	if s.inner {
		g.stepInner(l, s, cur, out, y0, y1, ch)
		return
	}
	if l.quads != nil {
		g.stepQuads(l.quads, s, cur, out, y0, y1, ch)
		return
	}
	if l.nbhd != engine.Moore {
		g.stepMasked(l, s, cur, out, y0, y1, ch)
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
// on both sides: the run kernels (rows.go, runrule.go), in runs of up to
// 64 rows,
// every row whose rows above and below are in the strip's words, and the
// universe's first and last rows, whose rows beyond wrap round or are
// dead, each as a run of its own from three words gathered.
func (g *geom) stepInner(l *logic, s *sides, cur, out []uint64, y0, y1 int, ch []change) {
	h := g.h
	left, right := s.left[:h], s.right[:h]
	cur, out = cur[:h], out[:h]
	// edge steps row y, the first or the last, into out[y].
	edge := func(y int) (chg, lft, rgt uint64) {
		up, down := y-1, y+1
		if up < 0 {
			up = h - 1
		}
		if down == h {
			down = 0
		}
		var lw, cw, rw [3]uint64
		lw[1], cw[1], rw[1] = left[y], cur[y], right[y]
		if y > 0 || !g.boundedY {
			lw[0], cw[0], rw[0] = left[up], cur[up], right[up]
		}
		if y < h-1 || !g.boundedY {
			lw[2], cw[2], rw[2] = left[down], cur[down], right[down]
		}
		return stepRunRule(l, lw[:], cw[:], rw[:], out[y:y+1])
	}
	for a := y0; a < y1; a += 64 {
		b := min(a+64, y1)
		// Bit i of the masks is row a+i.
		var chg, lft, rgt uint64
		ia, ib := max(a, 1), min(b, h-1)
		if a == 0 {
			chg, lft, rgt = edge(0)
		}
		if ia < ib {
			c, lf, r := stepRunRule(l, left[ia-1:ib+1], cur[ia-1:ib+1], right[ia-1:ib+1], out[ia:ib])
			chg |= c << (ia - a)
			lft |= lf << (ia - a)
			rgt |= r << (ia - a)
		}
		if b == h && h > 1 {
			c, lf, r := edge(h - 1)
			chg |= c << (h - 1 - a)
			lft |= lf << (h - 1 - a)
			rgt |= r << (h - 1 - a)
		}
		for ta := a; ta < b; ta += tileRows {
			k := (ta - y0) / tileRows
			ch[k] = changeOf(chg, lft, rgt, ta-a, min(ta+tileRows, b)-a)
		}
	}
}

// changeOf returns the change of a tile of rows i to j-1 of a run whose
// masks are chg, lft and rgt (see rows.go), as stepRows's tiles of strips
// inside the universe report it: their words' bits 0 and 63, the only
// ones [flagOf] reads there besides whether there is a change at all,
// which bit 1 stands for.
func changeOf(chg, lft, rgt uint64, i, j int) change {
	rows := (^uint64(0) >> (64 - uint(j-i))) << uint(i)
	word := func(m uint64) uint64 {
		var w uint64
		if chg&m != 0 {
			w |= 2
		}
		if lft&m != 0 {
			w |= 1
		}
		if rgt&m != 0 {
			w |= 1 << 63
		}
		return w
	}
	return change{any: word(rows), top: word(1 << uint(i)), bottom: word(1 << uint(j-1))}
}
