package engine

import (
	"fmt"
	"strconv"
	"strings"
)

// Rule is a Life-like rule (outer totalistic, Moore neighbourhood) and the
// topology it runs on. Bit n of Birth says a dead cell with n live neighbours
// is born; bit n of Survive says a live cell with n live neighbours survives.
// All 2^18 pairs of sets are valid, B0 included. The zero Rule is B/S on the
// unbounded plane.
type Rule struct {
	Birth, Survive uint16
	Topology       Topology
}

// Life is Conway's Game of Life, B3/S23, on the unbounded plane.
var Life = Rule{Birth: 1 << 3, Survive: 1<<2 | 1<<3}

// Next reports whether a cell that is alive (or dead) with n live neighbours
// is alive in the next generation.
func (r Rule) Next(alive bool, n int) bool {
	if alive {
		return r.Survive>>n&1 != 0
	}
	return r.Birth>>n&1 != 0
}

// String returns the rule in Golly's canonical form, B3/S23, followed by the
// topology's suffix (":T30,20") when it is bounded.
func (r Rule) String() string {
	var b strings.Builder
	b.WriteByte('B')
	for n := 0; n <= 8; n++ {
		if r.Birth>>n&1 != 0 {
			b.WriteByte(byte('0' + n))
		}
	}
	b.WriteString("/S")
	for n := 0; n <= 8; n++ {
		if r.Survive>>n&1 != 0 {
			b.WriteByte(byte('0' + n))
		}
	}
	b.WriteString(r.Topology.String())
	return b.String()
}

// TopologyKind is the shape of a universe, named by the letter Golly uses in
// a bounded-grid suffix.
type TopologyKind byte

// The topologies Golly knows. Plane, the unbounded plane, has no suffix.
const (
	Plane        TopologyKind = 0
	BoundedPlane TopologyKind = 'P'
	Torus        TopologyKind = 'T'
	Klein        TopologyKind = 'K'
	CrossSurface TopologyKind = 'C'
	Sphere       TopologyKind = 'S'
)

// String names the topology in words.
func (k TopologyKind) String() string {
	switch k {
	case Plane:
		return "plane"
	case BoundedPlane:
		return "bounded plane"
	case Torus:
		return "torus"
	case Klein:
		return "Klein bottle"
	case CrossSurface:
		return "cross-surface"
	case Sphere:
		return "sphere"
	}
	return fmt.Sprintf("topology %q", byte(k))
}

// Topology is a universe's shape and size as Golly's bounded-grid suffix
// gives it (":T30,20"). A side of 0 is unbounded in that direction. ShiftW
// and ShiftH are the shifts written after the width and after the height
// (":T30+5,20"); TwistW and TwistH mark the twisted side of a Klein bottle
// (":K30*,20").
type Topology struct {
	Kind           TopologyKind
	W, H           int
	ShiftW, ShiftH int
	TwistW, TwistH bool
}

// TorusOf returns the topology of a plain w x h torus.
func TorusOf(w, h int) Topology { return Topology{Kind: Torus, W: w, H: h} }

// String returns the bounded-grid suffix as Golly writes it (":T30,20",
// ":S30"), or "" for the unbounded plane.
func (t Topology) String() string {
	if t.Kind == Plane {
		return ""
	}
	side := func(n int, twist bool, shift int) string {
		s := strconv.Itoa(n)
		if twist {
			s += "*"
		}
		if shift > 0 {
			s += "+" + strconv.Itoa(shift)
		} else if shift < 0 {
			s += strconv.Itoa(shift)
		}
		return s
	}
	if t.Kind == Sphere {
		return ":S" + strconv.Itoa(t.W)
	}
	return ":" + string(rune(t.Kind)) + side(t.W, t.TwistW, t.ShiftW) + "," + side(t.H, t.TwistH, t.ShiftH)
}

// IsTorus reports whether t is a plain torus bounded in both directions,
// without shifts: the topology the grid package implements.
func (t Topology) IsTorus() bool {
	return t.Kind == Torus && t.W > 0 && t.H > 0 && t.ShiftW == 0 && t.ShiftH == 0
}

// ErrUnsupported is wrapped by the errors of topologies and rules that are
// valid in Golly but that no engine here runs yet.
var ErrUnsupported = fmt.Errorf("not supported yet")

// CheckTorus returns nil when t is a plain torus, and otherwise an error,
// wrapping [ErrUnsupported], that names the topology.
func (t Topology) CheckTorus() error {
	if t.IsTorus() {
		return nil
	}
	what := t.Kind.String()
	switch {
	case t.Kind == Torus && (t.W == 0 || t.H == 0):
		what = "torus unbounded in one direction (a tube)"
	case t.Kind == Torus:
		what = "torus with a shift"
	}
	if t.Kind == Plane {
		return fmt.Errorf("the unbounded plane is %w: give a torus with --torus WxH or a \":TW,H\" suffix", ErrUnsupported)
	}
	return fmt.Errorf("bounded grid %q (%s) is %w: only plain tori (\":TW,H\") run here", t.String(), what, ErrUnsupported)
}

// maxSide is the largest side Golly accepts in a bounded-grid suffix.
const maxSide = 2000000000

// ParseRule reads a Life-like rule in any notation Golly accepts for one:
// "B3/S23", "b3s23", "S23/B3", "23/3" (survival before birth), an empty side
// ("B3/S", "/3"), each optionally followed by a bounded-grid suffix
// (":T30,20", ":P30,20", ":K30*,20", ":C30,20", ":S30", with shifts such as
// ":T30+5,20"; a single side means a square; ":T0,0" is the plane). Errors
// quote the rule and say what is wrong.
func ParseRule(s string) (Rule, error) {
	var r Rule
	fail := func(format string, args ...any) (Rule, error) {
		return Rule{}, fmt.Errorf("rule %q: %s", s, fmt.Sprintf(format, args...))
	}
	body, suffix, hasSuffix := strings.Cut(strings.TrimSpace(s), ":")
	body = strings.TrimSpace(body)
	if body == "" {
		return fail("empty rule, want B3/S23 notation")
	}
	digits := func(part string, set *uint16, what string) error {
		for _, c := range part {
			switch {
			case c >= '0' && c <= '8':
				*set |= 1 << (c - '0')
			case c == '9':
				return fmt.Errorf("%s count 9 is out of range 0-8", what)
			case c == 'h' || c == 'H' || c == 'v' || c == 'V':
				return fmt.Errorf("%q: hexagonal and von Neumann neighbourhoods are %w; only the Moore neighbourhood runs here", c, ErrUnsupported)
			case strings.ContainsRune("-cekainyqjrtwzCEKAINYQJRTWZ", c):
				return fmt.Errorf("%q after the %s counts: isotropic non-totalistic rules are %w; only Life-like rules (B3/S23) run here", c, what, ErrUnsupported)
			default:
				return fmt.Errorf("unexpected %q in the %s counts, want digits 0-8", c, what)
			}
		}
		return nil
	}
	lower := strings.ToLower(body)
	if strings.ContainsAny(lower, "bs") {
		// B/S notation, in either order, with or without the slash.
		rest := strings.ReplaceAll(lower, "/", "")
		seen := map[byte]bool{}
		for rest != "" {
			letter := rest[0]
			if letter != 'b' && letter != 's' {
				return fail("unexpected %q, want 'B' or 'S' before the counts", rest[0])
			}
			if seen[letter] {
				return fail("%q appears twice", strings.ToUpper(string(letter)))
			}
			seen[letter] = true
			end := 1
			for end < len(rest) && rest[end] != 'b' && rest[end] != 's' {
				end++
			}
			set, what := &r.Birth, "birth"
			if letter == 's' {
				set, what = &r.Survive, "survival"
			}
			if err := digits(rest[1:end], set, what); err != nil {
				return Rule{}, fmt.Errorf("rule %q: %w", s, err)
			}
			rest = rest[end:]
		}
		if strings.Count(body, "/") > 1 {
			return fail("more than one '/'")
		}
	} else {
		// S/B notation: survival counts, a slash, birth counts.
		surv, birth, ok := strings.Cut(body, "/")
		if !ok {
			return fail("want B3/S23 or 23/3 notation")
		}
		if err := digits(surv, &r.Survive, "survival"); err != nil {
			return Rule{}, fmt.Errorf("rule %q: %w", s, err)
		}
		if err := digits(birth, &r.Birth, "birth"); err != nil {
			return Rule{}, fmt.Errorf("rule %q: %w", s, err)
		}
	}
	if hasSuffix {
		t, err := parseTopology(suffix)
		if err != nil {
			return fail("%v", err)
		}
		r.Topology = t
	}
	return r, nil
}

// parseTopology reads what follows the ':' of a bounded-grid suffix.
func parseTopology(s string) (Topology, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Topology{}, nil
	}
	t := Topology{Kind: TopologyKind(s[0] &^ 0x20)} // upper case
	switch t.Kind {
	case BoundedPlane, Torus, Klein, CrossSurface, Sphere:
	default:
		return Topology{}, fmt.Errorf("unknown topology %q in the bounded-grid suffix, want P, T, K, C or S", s[0])
	}
	p := s[1:]
	if p == "" {
		return Topology{}, nil // ":T" alone is the plane, as in Golly.
	}
	number := func(what string) (int, error) {
		i := 0
		for i < len(p) && p[i] >= '0' && p[i] <= '9' {
			i++
		}
		if i == 0 {
			if p == "" {
				return 0, fmt.Errorf("missing %s in the bounded-grid suffix", what)
			}
			return 0, fmt.Errorf("unexpected %q in the bounded-grid suffix, want the %s", p[0], what)
		}
		n, err := strconv.Atoi(p[:i])
		if err != nil || n > maxSide {
			return 0, fmt.Errorf("%s %s is more than %d", what, p[:i], maxSide)
		}
		p = p[i:]
		return n, nil
	}
	side := func(what string) (n int, twist bool, shift int, err error) {
		if n, err = number(what); err != nil {
			return
		}
		if p != "" && p[0] == '*' {
			twist, p = true, p[1:]
		}
		if p != "" && (p[0] == '+' || p[0] == '-') {
			neg := p[0] == '-'
			p = p[1:]
			if shift, err = number("shift"); err != nil {
				return
			}
			if neg {
				shift = -shift
			}
		}
		return
	}
	var err error
	if t.W, t.TwistW, t.ShiftW, err = side("width"); err != nil {
		return Topology{}, err
	}
	if t.Kind == Sphere {
		if p != "" {
			return Topology{}, fmt.Errorf("unexpected %q after the sphere's width: a sphere is square (\":S30\")", p)
		}
		if t.TwistW || t.ShiftW != 0 {
			return Topology{}, fmt.Errorf("a sphere has no twist or shift")
		}
		t.H = t.W
	} else if p == "" {
		t.H = t.W
	} else {
		if p[0] != ',' {
			return Topology{}, fmt.Errorf("unexpected %q after the width, want ','", p[0])
		}
		p = p[1:]
		if t.H, t.TwistH, t.ShiftH, err = side("height"); err != nil {
			return Topology{}, err
		}
		if p != "" {
			return Topology{}, fmt.Errorf("unexpected %q after the height", p)
		}
	}
	switch {
	case t.TwistW && t.TwistH:
		return Topology{}, fmt.Errorf("only one side of a Klein bottle may be twisted")
	case (t.TwistW || t.TwistH) && t.Kind != Klein:
		return Topology{}, fmt.Errorf("'*' (a twist) is only for Klein bottles (\":K30*,20\")")
	case t.ShiftW != 0 && t.ShiftH != 0:
		return Topology{}, fmt.Errorf("only one side may have a shift")
	case (t.ShiftW != 0 || t.ShiftH != 0) && t.Kind != Torus && t.Kind != Klein:
		return Topology{}, fmt.Errorf("shifts are only for tori and Klein bottles")
	case t.ShiftW != 0 && t.W == 0 || t.ShiftH != 0 && t.H == 0:
		return Topology{}, fmt.Errorf("an unbounded side cannot be shifted")
	}
	if t.W == 0 && t.H == 0 {
		return Topology{}, nil // ":T0,0" is the unbounded plane.
	}
	return t, nil
}
