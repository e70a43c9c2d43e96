package engine

import "strings"

// Isotropic non-totalistic rules in Alan Hensel's notation, as Golly reads
// and writes them (Help/Algorithms/QuickLife.html, "Non-totalistic
// rules"). The eight neighbours of a cell with n of them alive fall into
// classes that rotations and reflections of the 3 x 3 block map onto each
// other; each class has a letter. A rule gives, for each count, the letters
// that are born or survive ("B2a", "S3-ky": "-" for all but those).

// henselLetters lists the letters of each count in Golly's order (its
// rule_letters): 1 and 7 take c and e; 2 and 6 six letters; 3 and 5 ten;
// 4 all thirteen. Counts 0 and 8 have one class each and no letter.
var henselLetters = [9]string{0: "", 1: "ce", 2: "ceaikn", 3: "ceaiknjqry", 4: "ceaiknjqrytwz",
	5: "ceaiknjqry", 6: "ceaikn", 7: "ce", 8: ""}

// henselExamples holds, for counts 1 to 4, one configuration of each
// letter, in henselLetters' order, as the bits of a 3 x 3 block (see
// [Table]); counts 5 to 7 are the complements of counts 3 to 1. They are
// Golly's (its rule_neighborhoods); since a class is closed under the
// block's symmetries, which way up Golly holds its blocks makes no
// difference.
var henselExamples = [5][]uint16{
	1: {1, 2},
	2: {5, 10, 3, 40, 33, 68},
	3: {69, 42, 11, 7, 98, 13, 14, 70, 41, 97},
	4: {325, 170, 15, 45, 99, 71, 106, 102, 43, 101, 105, 78, 108},
}

// henselClass[b] is the class of the neighbours b (the bits of a 3 x 3
// block, centre clear): its count in the high byte and the index of its
// letter in henselLetters[count] in the low one.
var henselClass [512]uint16

// henselMembers[n][l] lists the neighbour configurations of count n and
// letter l.
var henselMembers [9][][]uint16

func init() {
	for n := 1; n <= 7; n++ {
		letters := henselLetters[n]
		henselMembers[n] = make([][]uint16, len(letters))
		for l := range letters {
			var rep uint16
			if n <= 4 {
				rep = henselExamples[n][l]
			} else {
				rep = henselExamples[8-n][l] ^ neighbourBits
			}
			for _, b := range symmetries(rep) {
				if henselClass[b] == 0 && !contains(henselMembers[n][l], b) {
					henselMembers[n][l] = append(henselMembers[n][l], b)
					henselClass[b] = uint16(n)<<8 | uint16(l)
				}
			}
		}
	}
	henselMembers[0] = [][]uint16{{0}}
	henselMembers[8] = [][]uint16{{neighbourBits}}
	henselClass[neighbourBits] = 8 << 8
}

func contains(s []uint16, v uint16) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// neighbourBits are the bits of the eight neighbours in a 3 x 3 block.
const neighbourBits = 0x1ef

// symmetries returns the images of block b under the eight symmetries of
// the square (with repeats).
func symmetries(b uint16) []uint16 {
	out := make([]uint16, 0, 8)
	for _, flip := range []bool{false, true} {
		v := b
		if flip {
			v = transform(v, func(r, c int) (int, int) { return r, 2 - c })
		}
		for range 4 {
			out = append(out, v)
			v = transform(v, func(r, c int) (int, int) { return c, 2 - r })
		}
	}
	return out
}

// transform moves each cell (r, c) of block b to f(r, c).
func transform(b uint16, f func(r, c int) (int, int)) uint16 {
	var out uint16
	for r := range 3 {
		for c := range 3 {
			if b&blockBit(r-1, c-1) != 0 {
				rr, cc := f(r, c)
				out |= blockBit(rr-1, cc-1)
			}
		}
	}
	return out
}

// henselPart is one side (birth or survival) of an isotropic rule: for each
// count, the set of its letters that are in, bit l for henselLetters[n][l].
type henselPart [9]uint16

// full returns the set of every letter of count n (one "letter" for counts
// 0 and 8).
func henselFull(n int) uint16 {
	if n == 0 || n == 8 {
		return 1
	}
	return 1<<len(henselLetters[n]) - 1
}

// henselOf reads one side of the rule from table t: the letters of the
// cells in state centre that are alive next.
func henselOf(t *Table, centre uint16) henselPart {
	var p henselPart
	for n := 0; n <= 8; n++ {
		for l, members := range henselMembers[n] {
			if t.bit(members[0] | centre<<4) {
				p[n] |= 1 << l
			}
		}
	}
	return p
}

// setHensel sets in t the entries of the cells in state centre that part p
// makes alive next.
func (t *Table) setHensel(p henselPart, centre uint16) {
	for n := 0; n <= 8; n++ {
		for l, members := range henselMembers[n] {
			if p[n]>>l&1 != 0 {
				for _, b := range members {
					t.set(b | centre<<4)
				}
			}
		}
	}
}

// totalistic reports whether p gives every count either all its letters or
// none, and returns the counts that are in.
func (p henselPart) totalistic() (counts uint16, ok bool) {
	for n := 0; n <= 8; n++ {
		switch p[n] {
		case 0:
		case henselFull(n):
			counts |= 1 << n
		default:
			return 0, false
		}
	}
	return counts, true
}

// String writes p as Golly's canonical form does (its addLetters): the
// counts in order, each with its letters in alphabetical order, or, when
// that is shorter, a minus and the letters it leaves out; a count with all
// its letters is a bare digit. Of two forms of the same length the one
// without the minus wins, and four with seven letters keeps them.
func (p henselPart) String() string {
	var b strings.Builder
	for n := 0; n <= 8; n++ {
		set := p[n]
		if set == 0 {
			continue
		}
		b.WriteByte(byte('0' + n))
		full := henselFull(n)
		if set == full || n == 0 || n == 8 {
			continue
		}
		max := len(henselLetters[n])
		k := popcount16(set)
		negative := k > max/2 && !(max == 13 && k == 7)
		if negative {
			b.WriteByte('-')
			set = full &^ set
		}
		for _, c := range "acehijknqrtwyz" { // alphabetical
			if l := strings.IndexRune(henselLetters[n], c); l >= 0 && set>>l&1 != 0 {
				b.WriteRune(c)
			}
		}
	}
	return b.String()
}

func popcount16(v uint16) int {
	n := 0
	for ; v != 0; v &= v - 1 {
		n++
	}
	return n
}
