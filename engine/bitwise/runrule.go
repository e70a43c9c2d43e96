package bitwise

import "github.com/life-go/life/engine"

// The run kernels of the rules that the kernel of rows.go does not step:
// the isotropic non-totalistic and MAP rules, through their quads
// (quads.go), and the totalistic rules of the hexagonal and von Neumann
// neighbourhoods and Wolfram's, through the masked adders (masked.go). They
// take a run as stepRun does (see rows.go): out[i] receives the next state
// of row i, whose own word is cur[i+1], with the words beside them in left
// and right; they return the same change masks. The sparse engine steps
// its tiles with them, so that it runs every two-state family.

// stepRunRule steps a run under any two-state rule: whole blocks through
// the rule's table of cells where this build and CPU have a kernel for it
// (quads_simd_amd64.go), and the rest with the kernel of rows.go for the
// Moore neighbourhood's totalistic rules, the quads for the other Moore
// rules, the masked adders for the other neighbourhoods.
func stepRunRule(l *logic, left, cur, right, out []uint64) (chg, lft, rgt uint64) {
	done := 0
	if l.cells != nil {
		done, chg, lft, rgt = cellsRun(l.cells, left, cur, right, out)
		if done == len(out) {
			return chg, lft, rgt
		}
		left, cur, right, out = left[done:], cur[done:], right[done:], out[done:]
	}
	var c, lf, r uint64
	switch {
	case l.quads != nil:
		c, lf, r = quadsRunPortable(l.quads, left, cur, right, out)
	case l.nbhd != engine.Moore:
		c, lf, r = maskedRun(l, left, cur, right, out)
	default:
		c, lf, r = stepRun(l, left, cur, right, out)
	}
	return chg | c<<done, lft | lf<<done, rgt | r<<done
}

// cellTable is a rule's table as the SIMD table kernel reads it
// (quads_simd_amd64.go): bit s of byte w is the next state of the cell
// whose 3 x 3 block has the cells w and s give, the west and middle
// columns in w (bit 2k the west cell of row k, bit 2k+1 the middle one,
// row 0 the top) and the east column in s (bit k row k).
type cellTable [64]uint8

// newCellTable returns the cell table of t.
func newCellTable(t engine.Table) *cellTable {
	c := new(cellTable)
	for w := range 64 {
		for s := range 8 {
			block := 0 // Golly's order: top left in bit 8
			for k := range 3 {
				block = block<<3 | w>>(2*k)&1<<2 | w>>(2*k+1)&1<<1 | s>>k&1
			}
			if t.Alive(block) {
				c[w] |= 1 << s
			}
		}
	}
	return c
}

// quadsRunPortable is the run kernel of a rule stepped through quads q:
// rows in pairs, each pair from the forms of the four rows around it, in
// two passes: the indices of every pair first (as [quadIndex.put] makes
// them), then their lookups (as [quadIndex.rows]), so that few values are
// live at once; the loops do the methods' work in line, which the
// compiler does not. A run of odd length computes its last row with the
// row after the run's taken as dead, and keeps only that row.
func quadsRunPortable(q *quadTable, left, cur, right, out []uint64) (chg, lft, rgt uint64) {
	n := len(out)
	if n == 0 {
		return 0, 0, 0
	}
	left, cur, right = left[:n+2], cur[:n+2], right[:n+2]
	// ix[k] holds the indices of pair k, rows 2k and 2k+1; a run has 64
	// rows at most.
	var ix [32]quadIndex
	// f[k&1] holds the forms of the rows above pair k, in memory rather
	// than in registers, which the loop has too few of.
	var f [2][4]uint64
	f[0][0], f[0][1], f[0][2], f[0][3] = pairForms(cur[0], left[0]>>63, right[0]&1, cur[1], left[1]>>63, right[1]&1)
	for i := 2; i < len(cur); i += 2 {
		c, lc, rc := cur[i], left[i]>>63, right[i]&1
		// The row after an odd run's is dead: row i again, masked off.
		j, m := i+1, ^uint64(0)
		if j == len(cur) {
			j, m = i, 0
		}
		d, ld, rd := cur[j]&m, left[j]>>63&m, right[j]&m&1
		k := i/2 - 1
		a, fc := &f[k&1], &f[(k+1)&1]
		fc[0], fc[1], fc[2], fc[3] = pairForms(c, lc, rc, d, ld, rd)
		x := &ix[k&31]
		e0, e1 := lanes(a[0], fc[0])
		le.PutUint64(x[0:], e0)
		le.PutUint64(x[8:], e1)
		e0, e1 = lanes(a[2], fc[2])
		le.PutUint64(x[16:], e0)
		le.PutUint64(x[24:], e1)
		e0, e1 = lanes(a[1], fc[1])
		le.PutUint64(x[32:], e0)
		le.PutUint64(x[40:], e1)
		e0, e1 = lanes(a[3], fc[3])
		le.PutUint64(x[48:], e0)
		le.PutUint64(x[56:], e1)
	}
	t := &q.q
	for i := 0; i < len(out); i += 2 {
		x := &ix[(i/2)&31]
		at := func(j int) uint64 { return uint64(t[le.Uint16(x[2*j:])]) }
		e := at(0) | at(1)<<16 | at(2)<<32 | at(3)<<48 |
			at(4)<<8 | at(5)<<24 | at(6)<<40 | at(7)<<56 |
			at(8)<<4 | at(9)<<20 | at(10)<<36 | at(11)<<52 |
			at(12)<<12 | at(13)<<28 | at(14)<<44 | at(15)<<60
		o := at(16) | at(17)<<16 | at(18)<<32 | at(19)<<48 |
			at(20)<<8 | at(21)<<24 | at(22)<<40 | at(23)<<56 |
			at(24)<<4 | at(25)<<20 | at(26)<<36 | at(27)<<52 |
			at(28)<<12 | at(29)<<28 | at(30)<<44 | at(31)<<60
		b, c := e&bits2|o&bits2<<2, e>>2&bits2|o&^bits2
		// The masks gather in their top bits, a row at a time.
		x0 := b ^ out[i]
		out[i] = b
		chg = chg>>1 | (x0|-x0)&(1<<63)
		lft = lft>>1 | x0<<63
		rgt = rgt>>1 | x0&(1<<63)
		if i+1 < len(out) {
			x1 := c ^ out[i+1]
			out[i+1] = c
			chg = chg>>1 | (x1|-x1)&(1<<63)
			lft = lft>>1 | x1<<63
			rgt = rgt>>1 | x1&(1<<63)
		}
	}
	sh := uint(64 - n)
	return chg >> sh, lft >> sh, rgt >> sh
}

// maskedRunPortable is the portable run kernel of the masked adders'
// rules (masked.go): the hexagonal and von Neumann neighbourhoods'
// totalistic rules and Wolfram's.
func maskedRunPortable(l *logic, left, cur, right, out []uint64) (chg, lft, rgt uint64) {
	n := len(out)
	if n == 0 {
		return 0, 0, 0
	}
	left, cur, right = left[:n+2], cur[:n+2], right[:n+2]
	// cells returns row i's cells with their west and east neighbours.
	cells := func(i int) (w, c, e uint64) {
		c = cur[i]
		return c<<1 | left[i]>>63, c, c>>1 | right[i]<<63
	}
	// note writes row i, and gathers the masks in their top bits.
	note := func(i int, next uint64) {
		x := next ^ out[i]
		out[i] = next
		chg = chg>>1 | (x|-x)&(1<<63)
		lft = lft>>1 | x<<63
		rgt = rgt>>1 | x&(1<<63)
	}
	aw, a, ae := cells(0)
	mw, m, me := cells(1)
	switch l.nbhd {
	case engine.Wolfram1D:
		for i := range n {
			bw, b, be := cells(i + 2)
			note(i, m|l.wolfram(aw, a, ae))
			aw, a, ae, mw, m, me = mw, m, me, bw, b, be
		}
	case engine.Hexagonal:
		// Above: the cell and its west; the row: three; below: the
		// cell and its east.
		for i := range n {
			bw, b, be := cells(i + 2)
			mlo, mhi := sum3(mw, m, me)
			x0, x1, x2, _ := add3(aw^a, aw&a, mlo, mhi, b^be, b&be)
			note(i, l.next7(x0, x1, x2, m))
			aw, a, mw, m, me = mw, m, bw, b, be
		}
	default: // von Neumann
		for i := range n {
			bw, b, be := cells(i + 2)
			mlo, mhi := sum3(mw, m, me)
			x0, x1, x2, _ := add3(a, 0, mlo, mhi, b, 0)
			note(i, l.next7(x0, x1, x2, m))
			a, mw, m, me = m, bw, b, be
		}
	}
	sh := uint(64 - n)
	return chg >> sh, lft >> sh, rgt >> sh
}
