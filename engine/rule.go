package engine

import (
	"encoding/base64"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
)

// The rule model. A rule is a neighbourhood (the cells a cell's step logic
// asks about, see [Neighborhood]), a number of states (two, here), and a
// transition from what the step learns to the cell's next state. Every
// two-state family Golly's QuickLife and HashLife run is here: Life-like
// (outer-totalistic B/S, Moore), isotropic non-totalistic (Hensel's
// letters), MAP, hexagonal, von Neumann and Wolfram's 1-D rules. Each
// reduces to a [Table] over the 3 x 3 block, which the fast engines run;
// the outer-totalistic ones also keep their counts, which are faster still.
//
// Rules with B0 run as Golly emulates them (QuickLife.html, "Emulating B0
// rules"); see [Rule.Phase].

// Neighborhood is the set of cells around a cell that its next state
// depends on, as [Neighborhood.Offsets] lists them.
type Neighborhood uint8

// The neighbourhoods. The zero value is Moore's.
const (
	// Moore: the eight cells around.
	Moore Neighborhood = iota
	// Hexagonal: six of the eight, all but the one above and to the right
	// and the one below and to the left (as rows run down a pattern
	// file), Golly's hexagonal grid drawn on a square one.
	Hexagonal
	// VonNeumann: the four orthogonal neighbours.
	VonNeumann
	// Wolfram1D: the three cells of the row above (the row before, in a
	// pattern file): Wolfram's elementary rules, run row by row.
	Wolfram1D
)

// String names the neighbourhood in words.
func (n Neighborhood) String() string {
	switch n {
	case Moore:
		return "Moore"
	case Hexagonal:
		return "hexagonal"
	case VonNeumann:
		return "von Neumann"
	case Wolfram1D:
		return "the row above"
	case Circular:
		return "circular"
	}
	return fmt.Sprintf("neighbourhood %d", uint8(n))
}

// Offset is where a neighbour lies from a cell: DY rows down (as rows run
// in a pattern file: y+1 is the seed's north) and DX columns right.
type Offset struct{ DY, DX int }

var (
	mooreOffsets = []Offset{{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}}
	hexOffsets   = []Offset{{1, 0}, {1, 1}, {0, 1}, {-1, 0}, {0, -1}, {-1, -1}}
	vnOffsets    = []Offset{{1, 0}, {0, 1}, {-1, 0}, {0, -1}}
	rowOffsets   = []Offset{{-1, -1}, {-1, 0}, {-1, 1}}
)

// Offsets returns the queries a cell's step logic asks about its
// neighbours, in order (the slice must not be changed):
//   - Moore: the seed's order n, ne, e, se, s, sw, w, nw, where north is
//     y+1: (+1,0), (+1,+1), (0,+1), (-1,+1), (-1,0), (-1,-1), (0,-1),
//     (+1,-1);
//   - hexagonal: the same without (-1,+1) and (+1,-1), which Golly's
//     hexagonal rules ignore: (+1,0), (+1,+1), (0,+1), (-1,0), (0,-1),
//     (-1,-1);
//   - von Neumann: (+1,0), (0,+1), (-1,0), (0,-1);
//   - the row above: (-1,-1), (-1,0), (-1,+1).
func (n Neighborhood) Offsets() []Offset {
	switch n {
	case Hexagonal:
		return hexOffsets
	case VonNeumann:
		return vnOffsets
	case Wolfram1D:
		return rowOffsets
	}
	return mooreOffsets
}

// Size returns the number of neighbours: 8, 6, 4 or 3.
func (n Neighborhood) Size() int { return len(n.Offsets()) }

// Mask returns the bits of the 3 x 3 block ([Table]) that the
// neighbourhood's cells occupy, the centre excluded.
func (n Neighborhood) Mask() Neighbors {
	var m Neighbors
	for _, o := range n.Offsets() {
		m |= Neighbors(blockBit(o.DY, o.DX))
	}
	return m
}

// blockBit returns the bit of the 3 x 3 block for the cell dy rows down and
// dx columns right of the centre.
func blockBit(dy, dx int) uint16 { return 1 << (8 - (3*(dy+1) + dx + 1)) }

// Neighbors is what a cell's step logic learns by asking about its
// neighbours: which of them are alive, as the bits of the 3 x 3 block they
// occupy (see [Table]; the centre's bit is never set).
type Neighbors uint16

// Count returns the number of live neighbours.
func (n Neighbors) Count() int { return bits.OnesCount16(uint16(n)) }

// Table is a two-state rule's transition over the 3 x 3 block around a cell,
// Golly's MAP table: entry i says whether a cell is alive next when the
// cells of its block are the bits of i, the most significant bit the top
// left cell (the row above, one column left), reading across and down, so
// that bit 4 is the cell itself and bit 0 the bottom right cell. Rows run
// down as in a pattern file. Entry i is bit i%64 of word i/64.
type Table [8]uint64

func (t *Table) bit(i uint16) bool { return t[i>>6]>>(i&63)&1 != 0 }
func (t *Table) set(i uint16)      { t[i>>6] |= 1 << (i & 63) }

// Next returns the next state of a cell in state s whose live neighbours are
// live.
func (t *Table) Next(s State, live Neighbors) State {
	i := uint16(live) | uint16(s&1)<<4
	return State(t[i>>6] >> (i & 63) & 1)
}

// Alive reports whether entry i (0 to 511) is alive next.
func (t *Table) Alive(i int) bool { return t.bit(uint16(i) & 511) }

// not returns the table with every entry inverted.
func (t Table) not() Table {
	for i := range t {
		t[i] = ^t[i]
	}
	return t
}

// reverse returns the table whose entry i is t's entry 511-i: the rule seen
// with every cell of the block inverted.
func (t Table) reverse() Table {
	var r Table
	for i := range 8 {
		r[7-i] = bits.Reverse64(t[i])
	}
	return r
}

// Family is a family of rules, as Golly's algorithms group them. A rule's
// family is [Rule.Family]; an engine declares the families it runs.
type Family uint8

// The rule families.
const (
	// LifeLike is the outer-totalistic rules of the Moore neighbourhood
	// in B/S notation (B3/S23), B0 included.
	LifeLike Family = iota + 1
	// Isotropic is the isotropic non-totalistic rules of the Moore
	// neighbourhood in Hensel's notation (B2-a/S12).
	Isotropic
	// Map is the MAP rules: any table over the Moore, hexagonal or von
	// Neumann neighbourhood, in base64.
	Map
	// HexagonalFamily is the outer-totalistic rules of the hexagonal
	// neighbourhood (B2/S34H).
	HexagonalFamily
	// VonNeumannFamily is the outer-totalistic rules of the von Neumann
	// neighbourhood (B1/S1V).
	VonNeumannFamily
	// Wolfram is Wolfram's elementary 1-D rules, the even ones (W22).
	Wolfram
	// Generations is Golly's Generations rules: 2 to 256 states, a
	// two-state rule of the families above (but Wolfram's) deciding
	// which cells are in state 1 next, the others ageing (345/2/4). See
	// multistate.go.
	Generations
	// LargerThanLife is Golly's Larger than Life rules: ranges 1 to 500,
	// counts of cells in state 1 within them, and C > 2 decay
	// (R5,C0,M1,S34..58,B34..45,NM).
	LargerThanLife
)

// String names the family as help texts and errors write it.
func (f Family) String() string {
	switch f {
	case LifeLike:
		return "Life-like"
	case Isotropic:
		return "isotropic non-totalistic"
	case Map:
		return "MAP"
	case HexagonalFamily:
		return "hexagonal"
	case VonNeumannFamily:
		return "von Neumann"
	case Wolfram:
		return "Wolfram 1-D"
	case Generations:
		return "Generations"
	case LargerThanLife:
		return "Larger than Life"
	}
	return fmt.Sprintf("family %d", uint8(f))
}

// TwoStateFamilies lists the families of two-state rules, in the order
// help texts list them.
var TwoStateFamilies = []Family{LifeLike, Isotropic, Map, HexagonalFamily, VonNeumannFamily, Wolfram}

// Rule is a rule and the topology it runs on. It is a comparable value:
// two rules are equal when they are the same rule (with the same name) on
// the same topology.
//
// For the outer-totalistic families (Life-like, hexagonal, von Neumann),
// bit n of Birth says a dead cell with n live neighbours is born and bit n
// of Survive that a live one survives; for the others both are zero. A
// Rule literal with only Birth, Survive and Topology is a Life-like rule;
// every other rule comes from [ParseRule] (or [Rule.Phase]). The zero Rule
// is B/S on the unbounded plane.
type Rule struct {
	Birth, Survive uint16
	Topology       Topology

	family Family       // 0 is LifeLike
	nbhd   Neighborhood // Hexagonal and VonNeumann for their families and MAP rules
	table  Table        // the whole transition, for Isotropic and Map
	w      uint8        // Wolfram's rule number
	// tail keeps the unused low bits of a MAP string's last character,
	// which bgolly keeps in the rule's name.
	tail uint8
	// states is the number of states of a Generations or Larger than
	// Life rule (2 to 256), and 0 for the two-state families.
	states uint16
	// base is, for a Generations rule, the family of the two-state rule
	// (the fields above) that decides which cells are in state 1 next.
	base Family
	// ltl is a Larger than Life rule's neighbourhood and limits.
	ltl LtL
}

// Life is Conway's Game of Life, B3/S23, on the unbounded plane.
var Life = Rule{Birth: 1 << 3, Survive: 1<<2 | 1<<3}

// Family returns the family of rule r.
func (r Rule) Family() Family {
	if r.family == 0 {
		return LifeLike
	}
	return r.family
}

// Neighborhood returns the neighbourhood of r's transition.
func (r Rule) Neighborhood() Neighborhood {
	if r.family == Wolfram {
		return Wolfram1D
	}
	return r.nbhd
}

// Totalistic reports whether r is outer-totalistic: its transition depends
// on the cell's state and its number of live neighbours alone, which
// Birth and Survive give.
func (r Rule) Totalistic() bool {
	switch r.Family() {
	case LifeLike, HexagonalFamily, VonNeumannFamily:
		return true
	}
	return false
}

// IsLife reports whether r is Conway's Life, B3/S23 (on any topology).
func (r Rule) IsLife() bool {
	return r.Family() == LifeLike && r.Birth == Life.Birth && r.Survive == Life.Survive
}

// Next reports whether a cell that is alive (or dead) with n live neighbours
// is alive in the next generation under an outer-totalistic rule r.
func (r *Rule) Next(alive bool, n int) bool {
	if alive {
		return r.Survive>>n&1 != 0
	}
	return r.Birth>>n&1 != 0
}

// Table returns r's transition over the 3 x 3 block. Cells outside r's
// neighbourhood do not matter: entries that differ only in them are equal.
func (r Rule) Table() Table {
	if r.family == Generations {
		return r.Base().Table()
	}
	var t Table
	switch {
	case r.Totalistic():
		mask := uint16(r.Neighborhood().Mask())
		for i := uint16(0); i < 512; i++ {
			n := bits.OnesCount16(i & mask)
			if i&16 != 0 && r.Survive>>n&1 != 0 || i&16 == 0 && r.Birth>>n&1 != 0 {
				t.set(i)
			}
		}
	case r.family == Wolfram:
		for i := uint16(0); i < 512; i++ {
			if i&16 != 0 || r.w>>(i>>6)&1 != 0 {
				t.set(i)
			}
		}
	default:
		t = r.table
	}
	return t
}

// WolframNumber returns the number of a Wolfram rule (22 for W22), and false
// for other families.
func (r Rule) WolframNumber() (int, bool) { return int(r.w), r.family == Wolfram }

// B0 reports whether a dead cell with no live neighbour is born under r.
func (r Rule) B0() bool {
	if r.states != 0 {
		return r.multiB0()
	}
	if r.Totalistic() {
		return r.Birth&1 != 0
	}
	t := r.Table()
	return t.bit(0)
}

// Smax reports whether a live cell whose neighbours are all alive
// survives under r.
func (r Rule) Smax() bool {
	if r.states != 0 {
		return false
	}
	if r.Totalistic() {
		return r.Survive>>r.Neighborhood().Size()&1 != 0
	}
	t := r.Table()
	return t.bit(511)
}

// Alternates reports whether r has B0 but not Smax, which Golly emulates
// with a pair of rules, one for even generations and one for odd ones (see
// [Rule.Phase]).
func (r Rule) Alternates() bool { return r.states == 0 && r.B0() && !r.Smax() }

// Phase returns the rule that Golly runs in place of r to step from a
// generation of the given parity (odd true for odd generations), which
// engines run as it is: r itself unless r has B0.
//
// A dead cell with no live neighbour is never born under the rule
// returned, so that empty space stays empty. With B0 and Smax, Golly runs
// the rule with every state inverted, NOT(REVERSE(table)), in every
// generation: B0123478/S01234678 runs as B3/S23. With B0 and no Smax it
// runs NOT(table) from even generations and REVERSE(table) from odd ones:
// B03/S23 runs as B1245678/S0145678 and B56/S58. The cells an engine holds
// at an odd generation are then the complement of the rule's own, and that
// is what Golly shows, counts and saves, and so does every engine here.
// The rule returned keeps r's family, neighbourhood and topology.
//
// Rules of many states are never emulated: Golly refuses B0 in
// Generations rules, and Larger than Life runs B0 as it is, on bounded
// grids only.
func (r Rule) Phase(odd bool) Rule {
	if r.states != 0 || !r.B0() {
		return r
	}
	smax := r.Smax()
	if r.Totalistic() {
		n := r.Neighborhood().Size()
		all := uint16(1)<<(n+1) - 1
		// mirror returns {n-x : x in set}.
		mirror := func(set uint16) uint16 {
			var m uint16
			for x := 0; x <= n; x++ {
				if set>>x&1 != 0 {
					m |= 1 << (n - x)
				}
			}
			return m
		}
		p := r
		switch {
		case smax:
			p.Birth, p.Survive = mirror(all&^r.Survive), mirror(all&^r.Birth)
		case !odd:
			p.Birth, p.Survive = all&^r.Birth, all&^r.Survive
		default:
			p.Birth, p.Survive = mirror(r.Survive), mirror(r.Birth)
		}
		return p
	}
	p := r
	t := r.Table()
	switch {
	case smax:
		p.table = t.reverse().not()
	case !odd:
		p.table = t.not()
	default:
		p.table = t.reverse()
	}
	p.table = maskTable(p.table, r.Neighborhood())
	return p
}

// maskTable makes entries that differ only in cells outside neighbourhood
// nb equal to the entry with those cells dead, so that equal rules have
// equal tables.
func maskTable(t Table, nb Neighborhood) Table {
	keep := uint16(nb.Mask()) | 16
	var out Table
	for i := uint16(0); i < 512; i++ {
		if t.bit(i & keep) {
			out.set(i)
		}
	}
	return out
}

// String returns r's canonical name as Golly writes it into a pattern file
// (its getrule): "B3/S23", "B2-a/S12", "B2/S34H", "B1/S1V", "W22", "MAP"
// and the base64 of the table, followed by the topology's suffix
// (":T30,20") when it is bounded.
func (r Rule) String() string {
	return r.Name() + r.Topology.String()
}

// Name returns r's canonical name without the topology's suffix.
func (r Rule) Name() string {
	if r.states != 0 {
		return r.multiName()
	}
	var b strings.Builder
	switch r.Family() {
	case Wolfram:
		return "W" + strconv.Itoa(int(r.w))
	case Map:
		return "MAP" + encodeMap(&r.table, r.nbhd, r.tail)
	case Isotropic:
		b.WriteByte('B')
		b.WriteString(henselOf(&r.table, 0).String())
		b.WriteString("/S")
		b.WriteString(henselOf(&r.table, 1).String())
		return b.String()
	}
	digits := func(set uint16) {
		for n := 0; n <= r.Neighborhood().Size(); n++ {
			if set>>n&1 != 0 {
				b.WriteByte(byte('0' + n))
			}
		}
	}
	b.WriteByte('B')
	digits(r.Birth)
	b.WriteString("/S")
	digits(r.Survive)
	switch r.nbhd {
	case Hexagonal:
		b.WriteByte('H')
	case VonNeumann:
		b.WriteByte('V')
	}
	return b.String()
}

// Describe says in words what kind of rule r is, for the UI's rule prompt:
// its family and neighbourhood, and how Golly runs it when it has B0
// ("isotropic non-totalistic, Moore neighbourhood"; "Life-like, Moore
// neighbourhood, B0 without Smax: inverted on odd generations").
func (r Rule) Describe() string {
	f := r.Family()
	s := f.String()
	switch f {
	case Generations, LargerThanLife:
		s = r.describeStates()
	case Map:
		s += ", " + r.nbhd.String() + " neighbourhood"
	case Wolfram:
		s += ", row by row"
	case LifeLike, Isotropic:
		s += ", Moore neighbourhood"
	default:
		s += " neighbourhood"
	}
	if r.states == 0 && r.B0() {
		if r.Smax() {
			s += ", B0 with Smax: run inverted"
		} else {
			s += ", B0 without Smax: inverted on odd generations"
		}
	}
	return s
}

// DescribeTopology says in words what universe t is: "the unbounded
// plane", "a torus of 30 x 20 cells", "a tube (a torus unbounded in one
// direction) 68 cells high".
func DescribeTopology(t Topology) string {
	what := TopologyWords(t)
	switch {
	case t.Kind == Plane:
		return "the unbounded plane"
	case t.W == 0:
		return fmt.Sprintf("a %s %d cells high", what, t.H)
	case t.H == 0:
		return fmt.Sprintf("a %s %d cells wide", what, t.W)
	}
	a := "a"
	if strings.ContainsRune("aeiou", rune(what[0])) {
		a = "an"
	}
	return fmt.Sprintf("%s %s of %d x %d cells", a, what, t.W, t.H)
}

// mapOrder lists, for each neighbourhood of MAP rules, the bits of the
// 3 x 3 block ([Table]) in the order of the bits of a MAP entry's index,
// most significant first, as bgolly reads them (checked cell by cell):
// Moore's and von Neumann's read across and down, the hexagonal one's
// reads up from the bottom row, as Golly holds hexagonal blocks.
var mapOrder = [...][]uint16{
	Moore:      {8, 7, 6, 5, 4, 3, 2, 1, 0},
	Hexagonal:  {1, 0, 5, 4, 3, 8, 7},
	VonNeumann: {7, 5, 4, 3, 1},
}

// mapIndex returns the index of block i's entry in a MAP string of
// neighbourhood nb.
func mapIndex(i uint16, nb Neighborhood) int {
	k := 0
	for _, b := range mapOrder[nb] {
		k = k<<1 | int(i>>b&1)
	}
	return k
}

// mapChars is how many base64 characters a MAP string of neighbourhood nb
// has: 86 (Moore), 22 (hexagonal) or 6 (von Neumann).
func mapChars(nb Neighborhood) int { return (1<<len(mapOrder[nb]) + 5) / 6 }

// encodeMap writes table t of neighbourhood nb as the base64 of a MAP rule,
// without padding, its last character's unused bits those of tail.
func encodeMap(t *Table, nb Neighborhood, tail uint8) string {
	n := 1 << len(mapOrder[nb])
	buf := make([]byte, (n+7)/8+2)
	for i := uint16(0); i < 512; i++ {
		if t.bit(i) {
			k := mapIndex(i, nb)
			buf[k/8] |= 0x80 >> (k % 8)
		}
	}
	s := []byte(base64.RawStdEncoding.EncodeToString(buf)[:mapChars(nb)])
	last := &s[len(s)-1]
	*last = base64Chars[strings.IndexByte(base64Chars, *last)|int(tail&15)]
	return string(s)
}
