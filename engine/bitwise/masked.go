package bitwise

import "github.com/life-go/life/engine"

// The masked kernel steps the outer-totalistic rules of the hexagonal and
// von Neumann neighbourhoods, and Wolfram's rules, with bit-sliced adders
// as the Moore kernel does, adding up only the cells of the neighbourhood:
// the hexagonal one takes the cell above and left but not the one above
// and right, and the cell below and right but not the one below and left;
// von Neumann's the cells above and below and the row's three. The sum,
// the cell included, is 0 to 7, and the rule's logic ([logic.next]) reads
// it as the Moore kernel's. A Wolfram rule's cell is alive next when it is
// now or when its row above makes it (logic.wolf).

// rowCells returns the cells of row y of a strip with sides s, and their
// west and east neighbours (a cell's west is its left one), as words:
// wrapped round at the top and bottom edges, or dead beyond bounded ones.
func (g *geom) rowCells(s *sides, cur []uint64, y int) (w, c, e uint64) {
	h := g.h
	if uint(y) >= uint(h) {
		if g.boundedY {
			return 0, 0, 0
		}
		if y < 0 {
			y += h
		} else {
			y -= h
		}
	}
	c = cur[y]
	if s.inner {
		return c<<1 | s.left[y]>>63, c, c>>1 | s.right[y]<<63
	}
	w = c<<1 | s.left[y]>>s.lshift&s.lmask
	e = c>>1 | (s.right[y]&s.rmask)<<s.rpos
	return w, c, e
}

// stepMasked is stepRows for the rules of the masked kernel.
func (g *geom) stepMasked(l *logic, s *sides, cur, out []uint64, y0, y1 int, ch []change) {
	h, mask := g.h, s.out
	cur, out = cur[:h], out[:h]
	aw, a, ae := g.rowCells(s, cur, y0-1)
	mw, m, me := g.rowCells(s, cur, y0)
	for k := range ch {
		ta, tz := y0+k*tileRows, min(y0+(k+1)*tileRows, y1)
		top, bottom := out[ta], out[tz-1] // before they are overwritten
		var any uint64
		switch l.nbhd {
		case engine.Wolfram1D:
			for y := ta; y < tz; y++ {
				bw, b, be := g.rowCells(s, cur, y+1)
				next := (m | l.wolfram(aw, a, ae)) & mask
				any |= next ^ out[y]
				out[y] = next
				aw, a, ae, mw, m, me = mw, m, me, bw, b, be
			}
		case engine.Hexagonal:
			// Above: the cell and its west; the row: three; below:
			// the cell and its east.
			for y := ta; y < tz; y++ {
				bw, b, be := g.rowCells(s, cur, y+1)
				mlo, mhi := sum3(mw, m, me)
				x0, x1, x2, _ := add3(aw^a, aw&a, mlo, mhi, b^be, b&be)
				next := l.next(x0, x1, x2, 0, m) & mask
				any |= next ^ out[y]
				out[y] = next
				aw, a, ae, mw, m, me = mw, m, me, bw, b, be
			}
		default: // von Neumann
			for y := ta; y < tz; y++ {
				bw, b, be := g.rowCells(s, cur, y+1)
				mlo, mhi := sum3(mw, m, me)
				x0, x1, x2, _ := add3(a, 0, mlo, mhi, b, 0)
				next := l.next(x0, x1, x2, 0, m) & mask
				any |= next ^ out[y]
				out[y] = next
				aw, a, ae, mw, m, me = mw, m, me, bw, b, be
			}
		}
		ch[k] = change{any: any, top: top ^ out[ta], bottom: bottom ^ out[tz-1]}
	}
}

// sum3 adds three words bit by bit into a 2-bit sum (lo, hi).
func sum3(x, y, z uint64) (lo, hi uint64) {
	xy := x ^ y
	return xy ^ z, x&y | xy&z
}

// wolfram returns the cells that a Wolfram rule makes alive from the row
// above them: nw, n and ne are each cell's cells above and left, above,
// and above and right. It is a tree of multiplexers on ne, n and nw whose
// leaves are the rule's constant words.
func (l *logic) wolfram(nw, n, ne uint64) uint64 {
	f := &l.wolf
	d0 := f[0] ^ ne&(f[0]^f[1])
	d1 := f[2] ^ ne&(f[2]^f[3])
	d2 := f[4] ^ ne&(f[4]^f[5])
	d3 := f[6] ^ ne&(f[6]^f[7])
	d0 ^= n & (d0 ^ d1)
	d2 ^= n & (d2 ^ d3)
	return d0 ^ nw&(d0^d2)
}
