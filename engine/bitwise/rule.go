package bitwise

import "github.com/life-go/life/engine"

// logic is a Life-like rule turned into boolean logic on bit-sliced
// neighbour counts. A count of 0 to 8 live neighbours arrives as four words
// x0 to x3 (bit k of the count of the cell in bit j is bit j of xk) and the
// cells' states as a word s. Counts 0 to 7 have x3 clear; a count of 8 has
// x3 set and x0, x1, x2 clear.
//
// The rule's truth table for counts 0 to 7 is evaluated as a tree of
// multiplexers on x0, then x1, then x2, then s, whose leaves are constant
// words (all zeros or all ones); a count of 8 is patched in afterwards.
type logic struct {
	// life is set for B3/S23, whose logic is short enough to write out.
	life bool
	// leaf[s][n] is all ones when a cell in state s with n live
	// neighbours (n < 8) lives on, and zero otherwise; flip[s][m] is
	// leaf[s][2m] ^ leaf[s][2m+1].
	leaf, flip [2][8]uint64
	// birth8 and survive8 are all ones when a count of 8 gives birth or
	// survival.
	birth8, survive8 uint64
}

// newLogic returns the logic of rule r (its topology is ignored).
func newLogic(r engine.Rule) *logic {
	l := &logic{life: r.Birth == engine.Life.Birth && r.Survive == engine.Life.Survive}
	word := func(set uint16, n int) uint64 {
		if set>>n&1 != 0 {
			return ^uint64(0)
		}
		return 0
	}
	for n := 0; n < 8; n++ {
		l.leaf[0][n] = word(r.Birth, n)
		l.leaf[1][n] = word(r.Survive, n)
	}
	for s := 0; s < 2; s++ {
		for m := 0; m < 8; m += 2 {
			l.flip[s][m] = l.leaf[s][m] ^ l.leaf[s][m+1]
		}
	}
	l.birth8 = word(r.Birth, 8)
	l.survive8 = word(r.Survive, 8)
	return l
}

// lifeNext is B3/S23: alive with a count of 3, or of 2 when alive already.
// A count of 8 has x1 clear, so x3 is not needed.
func lifeNext(x0, x1, x2, s uint64) uint64 {
	return x1 &^ x2 & (x0 | s)
}

// next returns the next states of the 64 cells whose states are s and whose
// counts are x0 to x3, under any rule.
func (l *logic) next(x0, x1, x2, x3, s uint64) uint64 {
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
	r := d0 ^ s&(d0^a0)
	// A count of 8 reads as 0 above; replace it where x3 is set.
	e8 := l.birth8 ^ s&(l.birth8^l.survive8)
	return r ^ x3&(r^e8)
}
