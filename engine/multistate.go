package engine

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Rules of many states: Golly's Generations and Larger than Life families
// (Help/Algorithms/Generations.html and Larger_than_Life.html). State 0 is
// dead and state 1 alive; a cell in state 1 that does not survive goes to
// state 2 (when the rule has more than two states) and ages one state a
// generation until it passes the last and dies. Only cells in state 1
// count as neighbours, and only dead cells are born.
//
// A Generations rule is a two-state rule (Life-like, isotropic
// non-totalistic, MAP, hexagonal or von Neumann) and a number of states:
// the two-state rule says which cells of state 0 or 1 are in state 1 next.
// A Larger than Life rule counts the cells in state 1 within a range of up
// to 500 cells, in a Moore, von Neumann or circular neighbourhood, and
// compares the count with a range of births and one of survivals.

// Circular is Larger than Life's circular neighbourhood: the cells whose
// distance from the centre is less than the range plus one half. It is for
// [LtL] only.
const Circular Neighborhood = Wolfram1D + 1

// MaxStates is the largest number of states a rule may have.
const MaxStates = 256

// LtL is a Larger than Life rule's neighbourhood and limits: a cell in
// state 1 survives when the number of cells in state 1 in its neighbourhood
// (itself counted when Middle is set) is from Smin to Smax, and a dead cell
// is born when that number is from Bmin to Bmax.
type LtL struct {
	// Range is how far the neighbourhood reaches, 1 to 500.
	Range int
	// Middle reports whether a cell counts itself.
	Middle bool
	// Smin, Smax, Bmin and Bmax are the limits, from 0 to [LtL.Size]
	// (less one without the middle cell).
	Smin, Smax, Bmin, Bmax int
	// Shape is Moore, VonNeumann or Circular.
	Shape Neighborhood
}

// LtL limits, as Golly's.
const (
	// MaxRange is the largest range of a Larger than Life rule.
	MaxRange = 500
	// MaxLtLCells is the most cells a Larger than Life grid may have,
	// bounded or growing with the pattern on the unbounded plane.
	MaxLtLCells = 100_000_000
	// MaxLtLCoord is how far from the origin the edges of Larger than
	// Life's grid on the unbounded plane may go.
	MaxLtLCoord = 1_000_000_000
)

// In reports whether the cell dy rows down and dx columns right of a cell
// is in its neighbourhood (the cell itself is, at (0, 0)).
func (l LtL) In(dy, dx int) bool {
	r := l.Range
	if dy < -r || dy > r || dx < -r || dx > r {
		return false
	}
	switch l.Shape {
	case VonNeumann:
		return abs(dy)+abs(dx) <= r
	case Circular:
		// dy^2 + dx^2 < (r + 1/2)^2 = r^2 + r + 1/4.
		return dy*dy+dx*dx <= r*r+r
	}
	return true
}

// Width returns how many cells of row dy (-Range to Range) the
// neighbourhood holds on either side of the centre column: the cells from
// dx = -Width(dy) to Width(dy) are in it.
func (l LtL) Width(dy int) int {
	r := l.Range
	switch l.Shape {
	case VonNeumann:
		return r - abs(dy)
	case Circular:
		w := 0
		for (w+1)*(w+1)+dy*dy <= r*r+r {
			w++
		}
		return w
	}
	return r
}

// Size returns the number of cells in the neighbourhood, the centre
// included: (2r+1)^2 for Moore's, 2r(r+1)+1 for von Neumann's, about
// 3.14(r+1/2)^2 for the circle. Limits run from 0 to Size.
func (l LtL) Size() int {
	n := 0
	for dy := -l.Range; dy <= l.Range; dy++ {
		n += 2*l.Width(dy) + 1
	}
	return n
}

// Offsets returns the cells of the neighbourhood, the centre excluded, row
// by row from the top (dy = -Range) and left to right: the queries a
// cell's step logic asks after its own.
func (l LtL) Offsets() []Offset {
	var o []Offset
	for dy := -l.Range; dy <= l.Range; dy++ {
		w := l.Width(dy)
		for dx := -w; dx <= w; dx++ {
			if dy != 0 || dx != 0 {
				o = append(o, Offset{dy, dx})
			}
		}
	}
	return o
}

// Next returns the next state of a cell in state s (of a rule of n states)
// when count cells in state 1 are in its neighbourhood, itself included
// when it is in state 1, whatever Middle says: Next takes the cell away
// again when Middle is not set.
func (l LtL) Next(s State, count, n int) State {
	switch {
	case s == 0:
		if count >= l.Bmin && count <= l.Bmax {
			return 1
		}
		return 0
	case s == 1:
		if !l.Middle {
			count--
		}
		if count >= l.Smin && count <= l.Smax {
			return 1
		}
	}
	return Age(s, n)
}

// Age returns the state after s of a cell that is not (or no longer) in
// state 1, under a rule of n states: 0 stays 0, the others count up to
// n-1 and then die.
func Age(s State, n int) State {
	if s == 0 || int(s)+1 >= n {
		return 0
	}
	return s + 1
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// States returns the number of states of r's cells: 2 for the two-state
// families, 2 to 256 for Generations and Larger than Life.
func (r Rule) States() int {
	if r.states == 0 {
		return 2
	}
	return int(r.states)
}

// MultiState reports whether r is of a family of many states (Generations
// or Larger than Life), even when it has only two.
func (r Rule) MultiState() bool { return r.states != 0 }

// Base returns the two-state rule that decides which cells of a
// Generations rule r are in state 1 next (on r's topology), and r itself
// for the other families.
func (r Rule) Base() Rule {
	if r.family != Generations {
		return r
	}
	b := r
	b.family, b.base, b.states = r.base, 0, 0
	return b
}

// LtL returns a Larger than Life rule's neighbourhood and limits, and false
// for the other families.
func (r Rule) LtL() (LtL, bool) { return r.ltl, r.family == LargerThanLife }

// Range returns how far r's neighbourhood reaches: 1 but for Larger than
// Life rules.
func (r Rule) Range() int {
	if r.family == LargerThanLife {
		return r.ltl.Range
	}
	return 1
}

// NextState returns the next state of a cell in state s, whose neighbours
// in state 1 are live, under a Generations rule r (or any rule of the
// 3 x 3 block, for which it is [Table.Next]): a cell in state 0 or 1 is in
// state 1 next when r's [Rule.Base] says it is alive, and ages otherwise.
// t is r's [Rule.Table].
func (r Rule) NextState(t *Table, s State, live Neighbors) State {
	if s <= 1 && t.Next(s, live) == 1 {
		return 1
	}
	return Age(s, r.States())
}

// multiB0 reports whether a rule of many states has B0: a Larger than Life
// rule whose births start at 0 (Generations rules with B0 are refused).
func (r Rule) multiB0() bool { return r.family == LargerThanLife && r.ltl.Bmin == 0 }

// multiName returns the canonical name of a rule of many states, as Golly
// writes it: "345/2/4" (survival, birth, states), "2-a/3k/5", "345/2/4H",
// "MAP...A/3"; "R5,C0,M1,S34..58,B34..45,NM" (C0 for two states).
func (r Rule) multiName() string {
	if r.family == LargerThanLife {
		l := r.ltl
		c := r.States()
		if c == 2 {
			c = 0
		}
		shape := byte('M')
		switch l.Shape {
		case VonNeumann:
			shape = 'N'
		case Circular:
			shape = 'C'
		}
		return fmt.Sprintf("R%d,C%d,M%d,S%d..%d,B%d..%d,N%c", l.Range, c, b2i(l.Middle), l.Smin, l.Smax, l.Bmin, l.Bmax, shape)
	}
	b := r.Base()
	n := strconv.Itoa(r.States())
	switch b.Family() {
	case Map:
		if b.nbhd == Hexagonal {
			return "MAP" + genHexMap(&b.table, b.tail) + "/" + n
		}
		return "MAP" + encodeMap(&b.table, b.nbhd, b.tail) + "/" + n
	case Isotropic:
		return henselOf(&b.table, 1).String() + "/" + henselOf(&b.table, 0).String() + "/" + n
	}
	var s strings.Builder
	digits := func(set uint16) {
		for k := 0; k <= b.Neighborhood().Size(); k++ {
			if set>>k&1 != 0 {
				s.WriteByte(byte('0' + k))
			}
		}
	}
	digits(b.Survive)
	s.WriteByte('/')
	digits(b.Birth)
	s.WriteByte('/')
	s.WriteString(n)
	switch b.nbhd {
	case Hexagonal:
		s.WriteByte('H')
	case VonNeumann:
		s.WriteByte('V')
	}
	return s.String()
}

// describeStates says in words what a rule of many states is.
func (r Rule) describeStates() string {
	if l, ok := r.LtL(); ok {
		s := fmt.Sprintf("Larger than Life, %d states, range %d, %s neighbourhood", r.States(), l.Range, l.Shape)
		if l.Middle {
			s += " with the middle cell"
		}
		if l.Bmin == 0 {
			s += ", B0"
		}
		return s
	}
	b := r.Base()
	s := fmt.Sprintf("Generations, %d states, %s", r.States(), b.Family())
	switch b.Family() {
	case Map:
		s += ", " + b.nbhd.String() + " neighbourhood"
	case LifeLike, Isotropic:
		s += ", Moore neighbourhood"
	default:
		s += " neighbourhood"
	}
	return s
}

// parseMultiState reads a rule of many states without its suffix, if s is
// one: ok is false when s is not written as one (no second slash, no
// comma), and the caller reads it as a two-state rule.
func parseMultiState(s string) (r Rule, ok bool, err error) {
	t := strings.TrimLeft(s, " ")
	switch {
	case strings.ContainsRune(t, ','):
		r, err = parseLtL(t)
		return r, true, err
	case len(t) >= 3 && strings.EqualFold(t[:3], "map"):
		// A MAP rule's base64 may hold slashes: a rule of the length of a
		// two-state table is one.
		if _, err := parseMap(t[3:]); err == nil || !strings.ContainsRune(t[3:], '/') {
			return Rule{}, false, nil
		}
		r, err = parseGenerations(t)
		return r, true, err
	case strings.Count(t, "/")+strings.Count(t, "_") >= 2:
		// A number of states after the last separator (and perhaps the
		// neighbourhood's letter): otherwise the two-state reader's
		// error says best what is wrong.
		last := strings.TrimRight(t[strings.LastIndexAny(t, "/_")+1:], " hHvV")
		if last == "" || strings.Trim(last, "0123456789 ") != "" {
			return Rule{}, false, nil
		}
		r, err = parseGenerations(t)
		if err == errUnderscore && strings.ContainsRune(t, '/') {
			// The two-state reader's word for it: slash and
			// underscore.
			return Rule{}, false, nil
		}
		return r, true, err
	}
	return Rule{}, false, nil
}

// errUnderscore is Golly's error for an underscore in a totalistic rule.
var errUnderscore = errors.New("underscore not valid for totalistic rules, use slash")

// parseGenerations reads a Generations rule as Golly does: survival, birth
// and the number of states, separated by slashes ("345/2/4"), the first two
// parts in any notation of a two-state rule of the Moore, hexagonal or von
// Neumann neighbourhood ("B2/S345/4", "2-a/3k/5", "345/2/4H"), or "MAP",
// the base64 of a table, a slash and the number of states.
func parseGenerations(s string) (Rule, error) {
	var base Rule
	var states string
	if len(s) >= 3 && strings.EqualFold(s[:3], "map") {
		i := strings.LastIndexByte(s, '/')
		m, err := parseMap(s[3:i])
		if err != nil {
			return Rule{}, err
		}
		if m.nbhd == Hexagonal {
			m.table = genHexTable(s[3:i])
		}
		base, states = m, s[i+1:]
	} else {
		// The state count follows the second slash (or underscore); the
		// neighbourhood's letter may follow it (Golly takes it anywhere
		// after the second slash, but only at the end of the rule).
		seps := 0
		i := strings.IndexFunc(s, func(c rune) bool {
			if c == '/' || c == '_' {
				seps++
			}
			return seps == 2
		})
		states = s[i+1:]
		rest := strings.TrimRight(states, " ")
		nb := ""
		if n := len(rest); n > 0 && strings.ContainsRune("hHvV", rune(rest[n-1])) {
			nb, states = rest[n-1:], rest[:n-1]
		}
		two := s[:i] + nb
		if strings.TrimSpace(s[:i]) == "" || strings.Trim(s[:i], " /_") == "" && !strings.ContainsAny(s[:i], "bBsS") {
			// "//3", "/ /3": nothing is born and nothing survives.
			two = "b/s" + nb
		}
		b, err := parseRuleBody(two)
		if err != nil {
			return Rule{}, err
		}
		if strings.ContainsRune(s[:i+1], '_') && b.Totalistic() {
			return Rule{}, errUnderscore
		}
		base = b
	}
	states = strings.ReplaceAll(states, " ", "")
	if states == "" {
		return Rule{}, errors.New("Generations rule needs number of states")
	}
	for i := 0; i < len(states); i++ {
		if states[i] < '0' || states[i] > '9' {
			return Rule{}, fmt.Errorf("bad character in the number of states: %q", states[i:])
		}
	}
	n, err := strconv.Atoi(strings.TrimLeft(states, "0") + "0")
	if err != nil || len(strings.TrimLeft(states, "0")) > 3 || n/10 > MaxStates {
		return Rule{}, fmt.Errorf("number of states too high in Generations rule (%s, at most %d)", states, MaxStates)
	}
	n /= 10
	if n < 2 {
		return Rule{}, fmt.Errorf("number of states too low in Generations rule (%s, at least 2)", states)
	}
	switch base.Family() {
	case Wolfram:
		return Rule{}, errors.New("Generations rules have no Wolfram form")
	}
	if base.B0() {
		return Rule{}, errors.New("Generations does not support B0")
	}
	r := base
	r.base, r.family, r.states = base.Family(), Generations, uint16(n)
	return r, nil
}

// parseLtL reads a Larger than Life rule as Golly does:
// "Rr,Cc,Mm,Smin..max,Bmin..max,Nn" (MCell's), or Kellie Evans's five
// numbers "r,bmin,bmax,smin,smax" (the middle cell counted, Moore's
// neighbourhood, two states). Golly's sscanf lets spaces and signs through
// before numbers; here a rule is exactly one of these forms.
func parseLtL(s string) (Rule, error) {
	var l LtL
	var c, m int
	var shape byte
	p := ltlScanner{s: s}
	if len(s) > 0 && s[0] == 'R' {
		l.Range = p.num("R")
		c = p.num(",C")
		m = p.num(",M")
		l.Smin, l.Smax = p.num(",S"), p.num("..")
		l.Bmin, l.Bmax = p.num(",B"), p.num("..")
		if p.lit(",N") && p.i < len(s) {
			shape = s[p.i]
			p.i++
		} else {
			p.fail()
		}
	} else {
		l.Range = p.num("")
		l.Bmin, l.Bmax = p.num(","), p.num(",")
		l.Smin, l.Smax = p.num(","), p.num(",")
		m, shape = 1, 'M'
	}
	if p.bad || p.i != len(s) {
		if p.i < len(s) && !p.bad {
			return Rule{}, fmt.Errorf("bad suffix %q after a Larger than Life rule", s[p.i:])
		}
		return Rule{}, errors.New(`bad syntax in Larger than Life rule (want "Rr,Cc,Mm,Smin..max,Bmin..max,Nn" or "r,bmin,bmax,smin,smax")`)
	}
	switch shape {
	case 'M':
		l.Shape = Moore
	case 'N':
		l.Shape = VonNeumann
	case 'C':
		l.Shape = Circular
	default:
		return Rule{}, fmt.Errorf("N must be followed by M, N or C, not %q", shape)
	}
	switch {
	case l.Range < 1:
		return Rule{}, fmt.Errorf("R value must be from 1 to %d (R%d)", MaxRange, l.Range)
	case l.Range > MaxRange:
		return Rule{}, fmt.Errorf("R value is too big (R%d, at most %d)", l.Range, MaxRange)
	case c > MaxStates:
		return Rule{}, fmt.Errorf("C value must be from 0 to %d (C%d)", MaxStates, c)
	case m > 1:
		return Rule{}, fmt.Errorf("M value must be 0 or 1 (M%d)", m)
	}
	l.Middle = m == 1
	most := l.Size() - 1 + b2i(l.Middle)
	switch {
	case l.Smax > most || l.Smin > most:
		return Rule{}, fmt.Errorf("S value must be from 0 to max neighbors (S%d..%d, at most %d)", l.Smin, l.Smax, most)
	case l.Bmax > most || l.Bmin > most:
		return Rule{}, fmt.Errorf("B value must be from 0 to max neighbors (B%d..%d, at most %d)", l.Bmin, l.Bmax, most)
	case l.Smin > l.Smax:
		return Rule{}, fmt.Errorf("S minimum must be <= S maximum (S%d..%d)", l.Smin, l.Smax)
	case l.Bmin > l.Bmax:
		return Rule{}, fmt.Errorf("B minimum must be <= B maximum (B%d..%d)", l.Bmin, l.Bmax)
	}
	return Rule{family: LargerThanLife, states: uint16(max(c, 2)), ltl: l}, nil
}

// ltlScanner reads a Larger than Life rule: literals and unsigned decimal
// numbers. After the first mismatch bad is set and every call fails.
type ltlScanner struct {
	s   string
	i   int
	bad bool
}

func (p *ltlScanner) fail() { p.bad = true }

// lit reads the literal text t.
func (p *ltlScanner) lit(t string) bool {
	if p.bad || !strings.HasPrefix(p.s[p.i:], t) {
		p.bad = true
		return false
	}
	p.i += len(t)
	return true
}

// num reads the literal text t and then a number (at most seven digits,
// to keep clear of overflow: every limit fits).
func (p *ltlScanner) num(t string) int {
	if !p.lit(t) {
		return 0
	}
	n, j := 0, p.i
	for j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' && j-p.i < 9 {
		n = n*10 + int(p.s[j]-'0')
		j++
	}
	if j == p.i {
		p.bad = true
		return 0
	}
	p.i = j
	return n
}

// ltlDefaultSide is the side of the grid Golly's Larger than Life makes
// for a suffix without a size (":T").
const ltlDefaultSide = 400

// checkLtLTopology makes a Larger than Life rule's topology what Golly's
// would be: a torus or a bounded plane, each side at least twice the range
// (a smaller one, zero included, is made that), at most [MaxLtLCells]
// cells; or the unbounded plane, where B0 is refused.
func checkLtLTopology(r *Rule, suffix string, hasSuffix bool) error {
	t := r.Topology
	l := r.ltl
	if !hasSuffix {
		if l.Bmin == 0 {
			return errors.New("B0 is not allowed if universe is unbounded")
		}
		r.Topology = Topology{}
		return nil
	}
	switch strings.ToUpper(strings.TrimSpace(suffix)) {
	case "", "T":
		// Golly's default grid, when a suffix gives no size.
		side := max(ltlDefaultSide, 2*l.Range)
		r.Topology = TorusOf(side, side)
		return nil
	case "P":
		side := max(ltlDefaultSide, 2*l.Range)
		r.Topology = Topology{Kind: BoundedPlane, W: side, H: side}
		return nil
	}
	if t.Kind != Torus && t.Kind != BoundedPlane && t.Kind != Plane {
		return fmt.Errorf("bad topology in suffix (must be torus or plane, not a %s)", t.Kind)
	}
	if t.ShiftW != 0 || t.ShiftH != 0 || t.TwistW || t.TwistH {
		return errors.New("unexpected character in suffix (Larger than Life's torus has no shift)")
	}
	if t.Kind == Plane {
		// ":T0,0" or ":P0,0": both sides grow to the least allowed.
		t.Kind = Torus
		if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(suffix)), "P") {
			t.Kind = BoundedPlane
		}
	}
	t.W, t.H = max(t.W, 2*l.Range), max(t.H, 2*l.Range)
	if int64(t.W)*int64(t.H) > MaxLtLCells {
		return fmt.Errorf("grid size is too big: %d x %d cells (at most %d)", t.W, t.H, MaxLtLCells)
	}
	r.Topology = t
	return nil
}

// StateEngine is implemented by the engines of rules of many states. Their
// [Engine] methods see a cell as alive when it is in any state but 0, as
// Golly counts a pattern of many states: Population counts those cells,
// Cell reports them, Visit visits them, and SetCell(y, x, true) puts a cell
// in state 1.
type StateEngine interface {
	Engine
	// State returns the state of the cell at (y, x).
	State(y, x int64) State
	// SetState gives the cell at (y, x) state s, below the rule's
	// [Rule.States].
	SetState(y, x int64, s State)
	// VisitStates calls fn for every cell inside r not in state 0, with
	// its state, row by row.
	VisitStates(r Rect, fn func(y, x int64, s State))
}

// StateOf returns the state of the cell at (y, x) of any engine: its
// [StateEngine.State], or 1 for a live cell of a two-state engine.
func StateOf(e Engine, y, x int64) State {
	if se, ok := e.(StateEngine); ok {
		return se.State(y, x)
	}
	if e.Cell(y, x) {
		return Alive
	}
	return Dead
}

// SetStateOf gives the cell at (y, x) of any engine state s: through
// [StateEngine.SetState], or as alive (s not 0) on a two-state engine.
func SetStateOf(e Engine, y, x int64, s State) {
	if se, ok := e.(StateEngine); ok {
		se.SetState(y, x, s)
		return
	}
	e.SetCell(y, x, s != 0)
}

// VisitStatesOf calls fn for every cell inside r not in state 0 of any
// engine, with its state: 1 for the live cells of a two-state engine.
func VisitStatesOf(e Engine, r Rect, fn func(y, x int64, s State)) {
	if se, ok := e.(StateEngine); ok {
		se.VisitStates(r, fn)
		return
	}
	e.Visit(r, func(y, x int64) { fn(y, x, Alive) })
}

// genHexOrder lists the bits of the 3 x 3 block ([Table]) in the order of
// the bits of a hexagonal MAP entry's index in a Generations rule, most
// significant first: across and down (NW, N, W, C, E, S, SE), as Golly's
// Generations reads them, where its QuickLife reads up from the bottom row
// (found with rules that copy one neighbour, cell by cell, on bgolly).
var genHexOrder = []uint16{8, 7, 5, 4, 3, 1, 0}

// genHexIndex returns the index of block i's entry in a hexagonal MAP
// string of a Generations rule.
func genHexIndex(i uint16) int {
	k := 0
	for _, b := range genHexOrder {
		k = k<<1 | int(i>>b&1)
	}
	return k
}

// genHexTable decodes the base64 of a hexagonal MAP table (checked by
// parseMap) in Generations' order.
func genHexTable(s string) Table {
	if len(s) > 2 && strings.HasSuffix(s, "==") {
		s = s[:len(s)-2]
	}
	buf, _ := base64.RawStdEncoding.DecodeString(s + strings.Repeat("A", (4-len(s)%4)%4))
	var t Table
	keep := uint16(Hexagonal.Mask()) | 16
	for i := uint16(0); i < 512; i++ {
		k := genHexIndex(i & keep)
		if buf[k/8]&(0x80>>(k%8)) != 0 {
			t.set(i)
		}
	}
	return t
}

// genHexMap encodes a hexagonal table as a Generations rule's MAP string,
// its last character's unused bits those of tail.
func genHexMap(t *Table, tail uint8) string {
	buf := make([]byte, 18)
	for i := uint16(0); i < 512; i++ {
		if t.bit(i) {
			k := genHexIndex(i)
			buf[k/8] |= 0x80 >> (k % 8)
		}
	}
	s := []byte(base64.RawStdEncoding.EncodeToString(buf)[:mapChars(Hexagonal)])
	last := &s[len(s)-1]
	*last = base64Chars[strings.IndexByte(base64Chars, *last)|int(tail&15)]
	return string(s)
}
