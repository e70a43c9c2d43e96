package ghash

import (
	"math/bits"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/quadtree"
)

// The leaves are 4 x 4 cells a byte each in a [quadtree.Leaf]: row r (0 at
// the top) in bits 32r to 32r+31 of Lo (rows 0 and 1) or Hi (rows 2 and 3),
// column c (0 at the left) of a row in its byte c. The [rule] is the
// [quadtree.Leaves] of the engine.
const leafLevel = 2

// row returns row r of leaf l, column c in byte c.
func row(l quadtree.Leaf, r int) uint32 {
	w := l.Lo
	if r >= 2 {
		w = l.Hi
	}
	return uint32(w >> (32 * (r & 1)))
}

// leafOf returns the leaf of rows r0 to r3.
func leafOf(r0, r1, r2, r3 uint32) quadtree.Leaf {
	return quadtree.Leaf{Lo: uint64(r0) | uint64(r1)<<32, Hi: uint64(r2) | uint64(r3)<<32}
}

// rows returns the four rows of leaf l.
func rows(l quadtree.Leaf) [4]uint32 {
	return [4]uint32{uint32(l.Lo), uint32(l.Lo >> 32), uint32(l.Hi), uint32(l.Hi >> 32)}
}

// rule is a Generations rule in the form the base case wants.
type rule struct {
	// alive[i] is 1 when a cell whose 3 x 3 block of state-1 cells is i
	// is in state 1 next, if it is in state 0 or 1 now. Unlike
	// [engine.Table]'s index, i has each row's cells with the leftmost
	// in the least significant bit (row above in bits 6-8, the cell's
	// own in 3-5, the row below in 0-2), as they come off a row's mask.
	alive [512]uint8
	// next[s<<1|a] is the next state of a cell in state s whose alive
	// entry is a.
	next [512]uint8
}

func newRule(r engine.Rule) *rule {
	t := r.Table()
	n := r.States()
	u := new(rule)
	rev := func(v int) int { return v>>2&1 | v&2 | v&1<<2 }
	for i := range 512 {
		j := rev(i>>6&7)<<6 | rev(i>>3&7)<<3 | rev(i&7)
		if t.Alive(j) {
			u.alive[i] = 1
		}
	}
	for s := range 256 {
		for a := range 2 {
			next := engine.Age(engine.State(s), n)
			if s <= 1 && a == 1 {
				next = 1
			}
			u.next[s<<1|a] = uint8(next)
		}
	}
	return u
}

// rowMask returns the cells of row v (8 bytes, column c in byte c) in state
// 1, column c in bit c.
func rowMask(v uint64) uint64 {
	w := v ^ 0x0101010101010101
	w |= w >> 4
	w |= w >> 2
	w |= w >> 1
	w = ^w & 0x0101010101010101 // bit 8c: byte c is 1
	// Gather bit 8c into bit c.
	return (w * 0x0102040810204080) >> 56
}

// Step returns the central 4 x 4 cells of the 8 x 8 square made of leaves
// nw, ne, sw, se, gens (1 or 2) generations on; Generations rules have no
// B0, so the parity is 0.
func (u *rule) Step(nw, ne, sw, se quadtree.Leaf, gens int, _ uint) quadtree.Leaf {
	var rows [8]uint64
	rows[0] = nw.Lo&0xffffffff | ne.Lo<<32
	rows[1] = nw.Lo>>32 | ne.Lo&^0xffffffff
	rows[2] = nw.Hi&0xffffffff | ne.Hi<<32
	rows[3] = nw.Hi>>32 | ne.Hi&^0xffffffff
	rows[4] = sw.Lo&0xffffffff | se.Lo<<32
	rows[5] = sw.Lo>>32 | se.Lo&^0xffffffff
	rows[6] = sw.Hi&0xffffffff | se.Hi<<32
	rows[7] = sw.Hi>>32 | se.Hi&^0xffffffff
	for g := 1; g <= gens; g++ {
		var masks [8]uint64
		for r := g - 1; r <= 8-g; r++ {
			masks[r] = rowMask(rows[r])
		}
		var out [8]uint64
		for r := g; r < 8-g; r++ {
			up, mid, dn := masks[r-1], masks[r], masks[r+1]
			src := rows[r]
			var o uint64
			for c := g; c < 8-g; c++ {
				sh := uint(c - 1)
				i := (up>>sh&7)<<6 | (mid>>sh&7)<<3 | dn>>sh&7
				st := src >> (8 * c) & 0xff
				o |= uint64(u.next[st<<1|uint64(u.alive[i])]) << (8 * c)
			}
			out[r] = o
		}
		copy(rows[g:8-g], out[g:8-g])
	}
	return leafOf(uint32(rows[2]>>16), uint32(rows[3]>>16), uint32(rows[4]>>16), uint32(rows[5]>>16))
}

// Centre returns the central 4 x 4 cells of the 8 x 8 square made of
// leaves nw, ne, sw, se: the se quadrant of nw, the sw of ne, and so on.
func (u *rule) Centre(nw, ne, sw, se quadtree.Leaf) quadtree.Leaf {
	return leafOf(
		row(nw, 2)>>16|row(ne, 2)<<16,
		row(nw, 3)>>16|row(ne, 3)<<16,
		row(sw, 0)>>16|row(se, 0)<<16,
		row(sw, 1)>>16|row(se, 1)<<16)
}

// nonZero returns a byte mask of the bytes of v that are not 0: bit 8c
// set for byte c.
func nonZero(v uint32) uint32 {
	v |= v >> 4
	v |= v >> 2
	v |= v >> 1
	return v & 0x01010101
}

// ones returns a byte mask of the bytes of v that are 1.
func ones(v uint32) uint32 { return ^nonZero(v^0x01010101) & 0x01010101 }

// columns returns the bytes of columns x0 to x1-1 of a row.
func columns(x0, x1 int) uint32 {
	return uint32(uint64(1)<<(8*x1)-1) &^ uint32(uint64(1)<<(8*x0)-1)
}

// Count returns the number of cells of l in a state but 0 (kind
// Occupied) or in state 1 (Live) in its rows above y and columns left of
// x.
func (u *rule) Count(l quadtree.Leaf, kind quadtree.Kind, y, x int) uint64 {
	m := columns(0, x)
	n := 0
	r := rows(l)
	for _, v := range r[:y] {
		if kind == quadtree.Live {
			n += bits.OnesCount32(ones(v) & m)
		} else {
			n += bits.OnesCount32(nonZero(v) & m)
		}
	}
	return uint64(n)
}

// State returns the state of the cell of l at (y, x).
func (u *rule) State(l quadtree.Leaf, y, x int) uint8 { return uint8(row(l, y) >> (8 * x)) }

// SetRow returns l with the cells of row y from column x0 to x1-1 in
// state st.
func (u *rule) SetRow(l quadtree.Leaf, y, x0, x1 int, st uint8) quadtree.Leaf {
	r := rows(l)
	m := columns(x0, x1)
	r[y] = r[y]&^m | uint32(st)*0x01010101&m
	return leafOf(r[0], r[1], r[2], r[3])
}

// Row returns the cells of row y of l in a state but 0, column c in bit c.
func (u *rule) Row(l quadtree.Leaf, y int) uint64 {
	m := nonZero(row(l, y))
	return uint64(m&1 | m>>7&2 | m>>14&4 | m>>21&8)
}

// Edge returns the row or column of l's cell in a state but 0 farthest
// towards side among those in rows y0 to y1 and columns x0 to x1, or -1.
func (u *rule) Edge(l quadtree.Leaf, side quadtree.Side, y0, y1, x0, x1 int) int {
	m := columns(x0, x1+1)
	var or uint32
	first, last := -1, -1
	r := rows(l)
	for y := y0; y <= y1; y++ {
		if v := nonZero(r[y]) & m; v != 0 {
			or |= v
			if first < 0 {
				first = y
			}
			last = y
		}
	}
	switch {
	case or == 0:
		return -1
	case side == quadtree.Top:
		return first
	case side == quadtree.Bottom:
		return last
	case side == quadtree.Left:
		return bits.TrailingZeros32(or) / 8
	default:
		return (31 - bits.LeadingZeros32(or)) / 8
	}
}

// Merge returns a with the cells of b in a state but 0 put over it.
func (u *rule) Merge(a, b quadtree.Leaf) quadtree.Leaf {
	ra, rb := rows(a), rows(b)
	for r := range ra {
		ra[r] = ra[r]&^(nonZero(rb[r])*0xff) | rb[r]
	}
	return leafOf(ra[0], ra[1], ra[2], ra[3])
}
