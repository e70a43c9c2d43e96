package hashlife

import (
	"math/bits"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/quadtree"
)

// The leaves are 8 x 8 cells in the low word of a [quadtree.Leaf]: row r
// (0 at the top) is byte r, and column c (0 at the left) of a row is bit
// 7-c of its byte. Their high word is 0. The [ruleTable] is the
// [quadtree.Leaves] of the engine.
const leafLevel = 3

// ruleTable is a rule in the forms the leaf step wants: for each parity of
// the generation stepped from (rules with B0 run as Golly emulates them, a
// pair of rules for B0 without Smax, see [engine.Rule.Phase]), the rule
// Golly runs from it.
type ruleTable struct {
	phases [2]phaseRule
	// alternates says the phases differ: steps of more than one
	// generation start at even generations, and one-generation steps are
	// memoised for each parity.
	alternates bool
}

// phaseRule is the rule of one parity. An outer-totalistic Moore rule is
// stepped by bit-parallel adders; any other two-state rule through quads,
// the table that gives the central 2 x 2 cells of every 4 x 4 square one
// generation on, Golly's ruletable.
type phaseRule struct {
	life bool // B3/S23, which has a faster path
	// both, born and kept are bit sets of totals: alive next whatever the
	// cell's state, only if it was dead, only if it was alive.
	both, born, kept uint16
	// quads is nil for the totalistic rules.
	quads *[1 << 16]uint8
}

// newRuleTable returns the tables of rule r.
func newRuleTable(r engine.Rule) ruleTable {
	var t ruleTable
	t.alternates = r.Alternates()
	for parity := range t.phases {
		t.phases[parity] = newPhaseRule(r.Phase(parity == 1))
	}
	return t
}

// newPhaseRule returns the table of a rule without B0.
func newPhaseRule(r engine.Rule) phaseRule {
	var t phaseRule
	if r.Family() != engine.LifeLike {
		t.quads = quadsOf(r.Table())
		return t
	}
	for total := 0; total <= 9; total++ {
		b := total <= 8 && r.Birth>>total&1 != 0
		s := total >= 1 && r.Survive>>(total-1)&1 != 0
		switch {
		case b && s:
			t.both |= 1 << total
		case b:
			t.born |= 1 << total
		case s:
			t.kept |= 1 << total
		}
	}
	t.life = r.IsLife()
	return t
}

// quadsOf returns the quads of table t: entry i, for the 4 x 4 square whose
// cell at row r and column c is bit 15-(4r+c) of i, holds the next states
// of its cells (1,1), (1,2), (2,1) and (2,2) in bits 3, 2, 1 and 0.
func quadsOf(t engine.Table) *[1 << 16]uint8 {
	q := new([1 << 16]uint8)
	for i := range 1 << 16 {
		var v uint8
		for k, c := range [4][2]int{{1, 1}, {1, 2}, {2, 1}, {2, 2}} {
			// The 3 x 3 block around c, as the bits of a Table
			// index: the top left cell is bit 8.
			block := 0
			for dr := -1; dr <= 1; dr++ {
				row := i >> (15 - 4*(c[0]+dr) - (c[1] + 1)) & 7
				block = block<<3 | row
			}
			if t.Alive(block) {
				v |= 8 >> k
			}
		}
		q[i] = v
	}
	return q
}

// rows16 lays out the 16 x 16 cells of leaves nw, ne, sw, se as 16 rows,
// column 0 in bit 15.
func rows16(nw, ne, sw, se uint64) (rows [16]uint32) {
	for r := 0; r < 8; r++ {
		rows[r] = uint32(nw>>(8*r))&0xff<<8 | uint32(ne>>(8*r))&0xff
		rows[r+8] = uint32(sw>>(8*r))&0xff<<8 | uint32(se>>(8*r))&0xff
	}
	return rows
}

// centre8 returns the central 8 x 8 cells of 16 rows as a leaf's bits.
func centre8(rows *[16]uint32) uint64 {
	var b uint64
	for r := 0; r < 8; r++ {
		b |= uint64(rows[r+4]>>4&0xff) << (8 * r)
	}
	return b
}

// Centre returns the central 8 x 8 cells of the 16 x 16 square made of
// leaves nw, ne, sw, se: the se quadrant of nw, the sw of ne, and so on.
func (t *ruleTable) Centre(nw, ne, sw, se quadtree.Leaf) quadtree.Leaf {
	top := (nw.Lo>>32&0x0f0f0f0f)<<4 | (ne.Lo>>32&0xf0f0f0f0)>>4
	bottom := (sw.Lo&0x0f0f0f0f)<<4 | (se.Lo&0xf0f0f0f0)>>4
	return quadtree.Leaf{Lo: top | bottom<<32}
}

// mask returns the cells of a leaf in rows y0 to y1-1 and columns x0 to
// x1-1, 0 <= y0 <= y1 <= 8, 0 <= x0 <= x1 <= 8.
func mask(y0, y1, x0, x1 int) uint64 {
	row := uint64(0xff>>x0) &^ uint64(0xff>>x1)
	return row * 0x0101010101010101 & (1<<(8*y1) - 1) &^ (1<<(8*y0) - 1)
}

// Count returns the number of live cells of l in its rows above y and
// columns left of x; both kinds are the live cells.
func (t *ruleTable) Count(l quadtree.Leaf, _ quadtree.Kind, y, x int) uint64 {
	return uint64(bits.OnesCount64(l.Lo & mask(0, y, 0, x)))
}

// State returns 1 when the cell of l at (y, x) is alive, else 0.
func (t *ruleTable) State(l quadtree.Leaf, y, x int) uint8 {
	return uint8(l.Lo >> (8*y + 7 - x) & 1)
}

// SetRow returns l with the cells of row y from column x0 to x1-1 alive
// (st 1) or dead (0).
func (t *ruleTable) SetRow(l quadtree.Leaf, y, x0, x1 int, st uint8) quadtree.Leaf {
	m := uint64(0xff>>x0&^(0xff>>x1)) << (8 * y)
	if st != 0 {
		l.Lo |= m
	} else {
		l.Lo &^= m
	}
	return l
}

// Row returns the live cells of row y of l, column c in bit c.
func (t *ruleTable) Row(l quadtree.Leaf, y int) uint64 {
	return uint64(bits.Reverse8(uint8(l.Lo >> (8 * y))))
}

// Edge returns the row or column of l's live cell farthest towards side
// among those in rows y0 to y1 and columns x0 to x1, or -1.
func (t *ruleTable) Edge(l quadtree.Leaf, side quadtree.Side, y0, y1, x0, x1 int) int {
	b := l.Lo & mask(y0, y1+1, x0, x1+1)
	if b == 0 {
		return -1
	}
	or := b | b>>32
	or |= or >> 16
	or = (or | or>>8) & 0xff
	switch side {
	case quadtree.Top:
		return bits.TrailingZeros64(b) / 8
	case quadtree.Bottom:
		return 7 - bits.LeadingZeros64(b)/8
	case quadtree.Left:
		return bits.LeadingZeros8(uint8(or))
	default:
		return 7 - bits.TrailingZeros8(uint8(or))
	}
}

// Merge returns the live cells of a and b.
func (t *ruleTable) Merge(a, b quadtree.Leaf) quadtree.Leaf { return quadtree.Leaf{Lo: a.Lo | b.Lo} }

// Step returns the central 8 x 8 cells of the 16 x 16 square made of
// leaves nw, ne, sw, se, gens (1 to 4) generations on from a generation of
// the given parity.
func (t *ruleTable) Step(nw, ne, sw, se quadtree.Leaf, gens int, parity uint) quadtree.Leaf {
	rows := rows16(nw.Lo, ne.Lo, sw.Lo, se.Lo)
	for g := 1; g <= gens; g++ {
		ph := &t.phases[(parity+uint(g)-1)&1]
		if ph.quads != nil {
			ph.quadGeneration(&rows, g)
		} else {
			ph.generation(&rows, g, 15-g)
		}
	}
	return quadtree.Leaf{Lo: centre8(&rows)}
}

// quadGeneration replaces rows g to 15-g, columns g to 15-g, with their
// next generation, a 2 x 2 square at a time through the quads. Rows and
// columns g-1 and 16-g must be valid; the cells outside the square come
// out wrong, which the callers allow for.
func (t *phaseRule) quadGeneration(rows *[16]uint32, g int) {
	var out [16]uint32
	q := t.quads
	for r := g; r < 16-g; r += 2 {
		a, b, c, d := rows[r-1], rows[r], rows[r+1], rows[r+2]
		var o0, o1 uint32
		for col := g; col < 16-g; col += 2 {
			// Columns col-1 to col+2 of each row, column 0 being
			// bit 15.
			sh := uint(13 - col)
			v := uint32(q[(a>>sh&15)<<12|(b>>sh&15)<<8|(c>>sh&15)<<4|d>>sh&15])
			o0 |= (v >> 2) << (14 - col)
			o1 |= (v & 3) << (14 - col)
		}
		out[r], out[r+1] = o0, o1
	}
	copy(rows[g:16-g], out[g:16-g])
}

// generation replaces rows lo..hi with their next generation under an
// outer-totalistic Moore rule. Rows lo-1 and hi+1 must be valid; columns at
// the edges come out wrong, which the callers allow for (the valid square
// shrinks by a cell a side each generation). It slides a window of three
// rows down, keeping each row's horizontal sums of three (two bits: s0, s1)
// and its old cells.
func (t *phaseRule) generation(rows *[16]uint32, lo, hi int) {
	hsum := func(v uint32) (s0, s1 uint32) {
		l, r := v>>1, v<<1
		x := l ^ v
		return x ^ r, l&v | x&r
	}
	a0, a1 := hsum(rows[lo-1])
	alive := rows[lo]
	b0, b1 := hsum(alive)
	for i := lo; i <= hi; i++ {
		below := rows[i+1]
		c0, c1 := hsum(below)
		// The 3 x 3 total, 0-9, in bits w1 (1), w2, w4, w8.
		x := a0 ^ b0
		w1 := x ^ c0
		k := a0&b0 | x&c0 // carry into the twos
		y := a1 ^ b1
		p := y ^ c1
		q := a1&b1 | y&c1 // fours from the twos
		w2 := p ^ k
		carry := p & k
		w4 := q ^ carry
		w8 := q & carry
		if t.life {
			// Total 3 (born or kept), or total 4 and alive.
			rows[i] = ^w8 & (w1&w2&^w4 | alive&^w1&^w2&w4)
		} else {
			rows[i] = t.next(alive, w1, w2, w4, w8)
		}
		a0, a1, b0, b1, alive = b0, b1, c0, c1, below
	}
}

// next applies a rule other than Life to the bits of the totals.
func (t *phaseRule) next(alive, w1, w2, w4, w8 uint32) uint32 {
	var n uint32
	for total := 0; total <= 9; total++ {
		bit := uint16(1) << total
		if (t.both|t.born|t.kept)&bit == 0 {
			continue
		}
		m := ^w8
		if total&8 != 0 {
			m = w8
		}
		if total&4 != 0 {
			m &= w4
		} else {
			m &^= w4
		}
		if total&2 != 0 {
			m &= w2
		} else {
			m &^= w2
		}
		if total&1 != 0 {
			m &= w1
		} else {
			m &^= w1
		}
		switch {
		case t.both&bit != 0:
			n |= m
		case t.born&bit != 0:
			n |= m &^ alive
		default:
			n |= m & alive
		}
	}
	return n
}
