package bitwise

import "github.com/life-go/life/engine"

// logic is a Life-like rule turned into boolean logic on bit-sliced sums.
// The kernel adds up each cell's 3 x 3 block, the cell itself included: a
// sum of 0 to 9 arrives as four words x0 to x3 (bit k of the sum of the cell
// in bit j is bit j of xk), and the cells' states as a word s. A cell in
// state s with sum n has n-s live neighbours. Sums 0 to 7 have x3 clear;
// sums 8 and 9 have x3 set, x1 and x2 clear, and x0 telling them apart.
//
// The rule's truth table for sums 0 to 7 is evaluated as a tree of
// multiplexers on x0, then x1, then x2, then s, whose leaves are constant
// words (all zeros or all ones); sums 8 and 9 are patched in afterwards.
type logic struct {
	// quads is the table of a rule that runs through it (see quads.go)
	// instead of the logic: the isotropic non-totalistic and MAP rules.
	quads *quadTable
	// cells is the rule's table for the SIMD table kernel, in a build and
	// on a CPU that have it, for every rule but Life and Wolfram's
	// (see stepRunRule); nil otherwise.
	cells *cellTable
	// nbhd is the neighbourhood whose cells the sums add up: Moore's,
	// or, for the masked kernel (masked.go), the hexagonal one, von
	// Neumann's, or the row above (a Wolfram rule, whose logic is wolf).
	nbhd engine.Neighborhood
	// wolf[k] is all ones when a Wolfram rule makes a cell whose row
	// above is k (4 for the cell above and left, 2 above, 1 above and
	// right) alive.
	wolf [8]uint64
	// life is set for B3/S23, whose logic is short enough to write out.
	life bool
	// leaf[s][n] is all ones when a cell in state s whose block sums to
	// n (n < 8) is alive next, and zero otherwise; flip[s][m] is
	// leaf[s][m] ^ leaf[s][m+1], for even m.
	leaf, flip [2][8]uint64
	// sum8 and sum9 are the same for sums of 8 and 9: a dead cell with
	// 8 neighbours, a live one with 7 or 8.
	sum8, sum9 [2]uint64
}

// newLogic returns the logic of rule r, which has no B0 (its topology is
// ignored).
func newLogic(r engine.Rule) *logic {
	l := &logic{life: r.IsLife(), nbhd: r.Neighborhood()}
	if useCells && !l.life && r.Family() != engine.Wolfram {
		l.cells = newCellTable(r.Table())
	}
	switch {
	case r.Family() == engine.Wolfram:
		t := r.Table()
		for k := range l.wolf {
			if t.Alive(k << 6) {
				l.wolf[k] = ^uint64(0)
			}
		}
		return l
	case !r.Totalistic():
		l.quads = newQuads(r.Table())
		return l
	}
	// word says whether a cell in state s whose block sums to n lives on.
	word := func(s, n int) uint64 {
		set := r.Birth
		if s == 1 {
			set = r.Survive
		}
		if count := n - s; count >= 0 && count <= 8 && set>>count&1 != 0 {
			return ^uint64(0)
		}
		return 0
	}
	for s := 0; s < 2; s++ {
		for n := 0; n < 8; n++ {
			l.leaf[s][n] = word(s, n)
		}
		for m := 0; m < 8; m += 2 {
			l.flip[s][m] = l.leaf[s][m] ^ l.leaf[s][m+1]
		}
		l.sum8[s], l.sum9[s] = word(s, 8), word(s, 9)
	}
	return l
}

// lifeNext is B3/S23 on block sums: a cell is alive next when its block
// sums to 3 (3 neighbours, or 2 and itself), or to 4 and it is alive (3
// neighbours). Of the sums 0 to 7 only 3 (011) and 4 (100) have x1 and x0
// both unlike x2, and of those x0 | s is set for 3 always and for 4 when
// the cell is alive; sums of 8 and 9 read as 0 and 1, so x3 is not needed.
func lifeNext(x0, x1, x2, s uint64) uint64 {
	return (x1 ^ x2) & (x0 ^ x2) & (x0 | s)
}

// next7 returns the next states of the 64 cells whose states are s and
// whose blocks sum to x0-x2, sums of 7 at most (x3 clear): [logic.next]
// without its patch for sums of 8 and 9, for the masked kernels, whose
// sums stop at 7. It does not inline: a call costs their loops less than
// the rule's words in registers did.
func (l *logic) next7(x0, x1, x2, s uint64) uint64 {
	// Level 1, on x0: mux(x0, a, b) = a ^ (x0 & (a^b)).
	d0 := l.leaf[0][0] ^ x0&l.flip[0][0]
	d1 := l.leaf[0][2] ^ x0&l.flip[0][2]
	d2 := l.leaf[0][4] ^ x0&l.flip[0][4]
	d3 := l.leaf[0][6] ^ x0&l.flip[0][6]
	a0 := l.leaf[1][0] ^ x0&l.flip[1][0]
	a1 := l.leaf[1][2] ^ x0&l.flip[1][2]
	a2 := l.leaf[1][4] ^ x0&l.flip[1][4]
	a3 := l.leaf[1][6] ^ x0&l.flip[1][6]
	// Level 2, on x1.
	d0 ^= x1 & (d0 ^ d1)
	d2 ^= x1 & (d2 ^ d3)
	a0 ^= x1 & (a0 ^ a1)
	a2 ^= x1 & (a2 ^ a3)
	// Level 3, on x2.
	d0 ^= x2 & (d0 ^ d2)
	a0 ^= x2 & (a0 ^ a2)
	// Level 4, on the cell's own state.
	return d0 ^ s&(d0^a0)
}

// next returns the next states of the 64 cells whose states are s and whose
// blocks sum to x0-x3, under any rule.
func (l *logic) next(x0, x1, x2, x3, s uint64) uint64 {
	// Levels 1 to 4 as next7's, written out again: a call of next7
	// here costs the Moore kernel 10%.
	d0 := l.leaf[0][0] ^ x0&l.flip[0][0]
	d1 := l.leaf[0][2] ^ x0&l.flip[0][2]
	d2 := l.leaf[0][4] ^ x0&l.flip[0][4]
	d3 := l.leaf[0][6] ^ x0&l.flip[0][6]
	a0 := l.leaf[1][0] ^ x0&l.flip[1][0]
	a1 := l.leaf[1][2] ^ x0&l.flip[1][2]
	a2 := l.leaf[1][4] ^ x0&l.flip[1][4]
	a3 := l.leaf[1][6] ^ x0&l.flip[1][6]
	d0 ^= x1 & (d0 ^ d1)
	d2 ^= x1 & (d2 ^ d3)
	a0 ^= x1 & (a0 ^ a1)
	a2 ^= x1 & (a2 ^ a3)
	d0 ^= x2 & (d0 ^ d2)
	a0 ^= x2 & (a0 ^ a2)
	r := d0 ^ s&(d0^a0)
	// Sums of 8 and 9 read as 0 and 1 above; replace them where x3 is set.
	e8 := l.sum8[0] ^ s&(l.sum8[0]^l.sum8[1])
	e9 := l.sum9[0] ^ s&(l.sum9[0]^l.sum9[1])
	e := e8 ^ x0&(e8^e9)
	return r ^ x3&(r^e)
}
