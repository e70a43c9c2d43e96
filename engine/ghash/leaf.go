package ghash

import "github.com/life-go/life/engine"

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

// leafStep returns the central 4 x 4 cells of the 8 x 8 square made of
// leaves nw, ne, sw, se, gens (1 or 2) generations on.
func (u *rule) leafStep(nw, ne, sw, se leaf, gens int) leaf {
	var rows [8]uint64
	for r := range 4 {
		rows[r] = uint64(nw[r]) | uint64(ne[r])<<32
		rows[r+4] = uint64(sw[r]) | uint64(se[r])<<32
	}
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
	var l leaf
	for r := range 4 {
		l[r] = uint32(rows[r+2] >> 16)
	}
	return l
}

// centreLeaf returns the central 4 x 4 cells of the 8 x 8 square made of
// leaves nw, ne, sw, se: the se quadrant of nw, the sw of ne, and so on.
func centreLeaf(nw, ne, sw, se leaf) leaf {
	return leaf{
		nw[2]>>16 | ne[2]<<16,
		nw[3]>>16 | ne[3]<<16,
		sw[0]>>16 | se[0]<<16,
		sw[1]>>16 | se[1]<<16,
	}
}
