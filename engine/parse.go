package engine

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// ParseRule reads a rule in any notation Golly's QuickLife and HashLife
// accept (Help/Algorithms/QuickLife.html), optionally followed by a
// bounded-grid suffix (Help/bounded.html):
//   - B/S notation, outer-totalistic: "B3/S23", "b3s23", "S23/B3", "23/3"
//     (survival before birth), an empty side ("B3/S", "/3");
//   - the same with Hensel's letters, isotropic non-totalistic: "B2-a/S12",
//     "B3-kq4j/S2-n36c", "B2cek3i_S12cei" (an underscore for the slash);
//   - a hexagonal or von Neumann neighbourhood, "H" or "V" at the end:
//     "B2/S34H", "B1/S1V";
//   - "MAP" and the base64 of a table of 512, 128 or 64 bits (Moore,
//     hexagonal, von Neumann), optionally padded with "==";
//   - Wolfram's elementary rules, "W" and an even number to 254: "W22";
//   - a suffix: ":T30,20", ":P30,20", ":T0,20" (a tube), ":T30+5,20",
//     ":K30*,20", ":C30,20", ":S30"; ":T0,0" is the plane.
//
// Letters are case-blind and spaces are ignored, as in Golly. A rule Golly
// would take only by dropping part of it (a count given both with and
// without letters, digits before the first B or S) is an error here. Errors
// quote the rule and use Golly's words for what is wrong where it has them
// ("digit greater than neighborhood allows").
func ParseRule(s string) (Rule, error) {
	body, suffix, hasSuffix := strings.Cut(s, ":")
	r, err := parseRuleBody(body)
	if err != nil {
		// Perhaps a rule of many states (multistate.go).
		m, ok, merr := parseMultiState(body)
		if ok {
			r, err = m, merr
		}
	}
	if err != nil {
		return Rule{}, fmt.Errorf("rule %q: %w%s", s, err, namedRuleHint(body))
	}
	if hasSuffix {
		t, err := parseTopology(strings.TrimSpace(suffix))
		if err != nil {
			return Rule{}, fmt.Errorf("rule %q: %w", s, err)
		}
		if t.Kind == Sphere && r.Neighborhood() == Hexagonal {
			// Golly allows it; a hexagonal sphere is lopsided but
			// well defined.
		}
		r.Topology = t
	}
	if r.family == LargerThanLife {
		if err := checkLtLTopology(&r, suffix, hasSuffix); err != nil {
			return Rule{}, fmt.Errorf("rule %q: %w", s, err)
		}
	}
	return r, nil
}

// base64Chars are the characters of a MAP rule's table.
const base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// parseRuleBody reads a rule without its suffix.
func parseRuleBody(s string) (Rule, error) {
	trimmed := strings.TrimLeft(s, " ")
	if len(trimmed) >= 3 && strings.EqualFold(trimmed[:3], "map") {
		return parseMap(trimmed[3:])
	}
	// Golly's tidy string: lower case, without spaces.
	var tidy []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		tidy = append(tidy, c)
	}
	if len(tidy) == 0 {
		return Rule{}, errors.New("rule cannot be empty string")
	}
	if tidy[0] == 'w' {
		return parseWolfram(string(tidy))
	}
	nb := Moore
	switch tidy[len(tidy)-1] {
	case 'h':
		nb, tidy = Hexagonal, tidy[:len(tidy)-1]
	case 'v':
		nb, tidy = VonNeumann, tidy[:len(tidy)-1]
	}
	var seen [256]int // how many times each of b, s, /, _ occurs
	for i, c := range tidy {
		switch {
		case c == 'h' || c == 'v':
			if strings.ContainsAny(string(tidy[i+1:]), "hv") || nb != Moore {
				return Rule{}, errors.New("only one neighborhood allowed")
			}
			return Rule{}, errors.New("neighborhood must be at end of rule")
		case c == 'b' || c == 's' || c == '/' || c == '_':
			seen[c]++
		case c == '-':
			if i == 0 || tidy[i-1] < '0' || tidy[i-1] > '8' {
				return Rule{}, errors.New("minus can only follow a digit")
			}
		case c >= '0' && c <= '8', strings.IndexByte(henselLetters[4], c) >= 0:
		case c == '9':
			return Rule{}, errors.New("digit greater than neighborhood allows (9)")
		default:
			return Rule{}, fmt.Errorf("bad character found: %q", c)
		}
	}
	switch {
	case seen['b'] > 1:
		return Rule{}, errors.New("only one B allowed")
	case seen['s'] > 1:
		return Rule{}, errors.New("only one S allowed")
	case seen['/'] > 1:
		return Rule{}, errors.New("only one slash allowed")
	case seen['_'] > 1:
		return Rule{}, errors.New("only one underscore allowed")
	case seen['/'] > 0 && seen['_'] > 0:
		return Rule{}, errors.New("can't have slash and underscore")
	case seen['/']+seen['_']+seen['b']+seen['s'] == 0:
		return Rule{}, errors.New("rule must contain a slash or B or S")
	}
	birth, survival, err := splitBS(string(tidy))
	if err != nil {
		return Rule{}, err
	}
	totalistic := !strings.ContainsAny(birth+survival, henselLetters[4]+"-")
	if seen['_'] > 0 && totalistic {
		return Rule{}, errors.New("underscore not valid for totalistic rules, use slash")
	}
	max := nb.Size()
	for _, part := range []string{birth, survival} {
		for _, c := range part {
			if c >= '0' && c <= '8' && int(c-'0') > max {
				return Rule{}, fmt.Errorf("digit greater than neighborhood allows (%c, with %d neighbours)", c, max)
			}
		}
	}
	if totalistic {
		r := Rule{Birth: digitSet(birth), Survive: digitSet(survival), nbhd: nb, family: LifeLike}
		switch nb {
		case Hexagonal:
			r.family = HexagonalFamily
		case VonNeumann:
			r.family = VonNeumannFamily
		}
		return r, nil
	}
	if nb != Moore {
		return Rule{}, errors.New("non-totalistic only supported with Moore neighborhood")
	}
	b, err := parseHensel(birth, "birth")
	if err != nil {
		return Rule{}, err
	}
	sv, err := parseHensel(survival, "survival")
	if err != nil {
		return Rule{}, err
	}
	if bc, ok := b.totalistic(); ok {
		if sc, ok := sv.totalistic(); ok {
			// All the letters of every count given: Golly names it
			// as the totalistic rule it is.
			return Rule{Birth: bc, Survive: sc, family: LifeLike}, nil
		}
	}
	r := Rule{family: Isotropic}
	r.table.setHensel(b, 0)
	r.table.setHensel(sv, 1)
	return r, nil
}

// splitBS splits a tidy B/S rule into its birth and survival parts, as
// Golly's setrule does: with a slash (or an underscore), the part with the
// B, or, with neither letter, the part after the slash, is birth; without
// one, the text after B up to S (or the end) is birth, and the text after S
// survival, a part before the only letter being the other one.
func splitBS(tidy string) (birth, survival string, err error) {
	sep := strings.IndexAny(tidy, "/_")
	bpos, spos := strings.IndexByte(tidy, 'b'), strings.IndexByte(tidy, 's')
	if sep >= 0 {
		first, second := tidy[:sep], tidy[sep+1:]
		if bpos >= 0 && spos >= 0 && (bpos < sep) == (spos < sep) {
			return "", "", errors.New("B and S must be either side of slash")
		}
		for _, letter := range []struct {
			pos  int
			name string
		}{{bpos, "B"}, {spos, "S"}} {
			if letter.pos >= 0 && letter.pos != 0 && letter.pos != sep+1 {
				return "", "", fmt.Errorf("%s must be at start of rule or immediately after slash", letter.name)
			}
		}
		if bpos >= 0 && bpos < sep || spos > sep {
			birth, survival = first, second
		} else {
			survival, birth = first, second
		}
		return strings.Trim(birth, "bs"), strings.Trim(survival, "bs"), nil
	}
	switch {
	case bpos >= 0 && spos >= 0:
		if bpos != 0 && spos != 0 {
			return "", "", fmt.Errorf("unexpected %q before the first B or S", tidy[:min(bpos, spos)])
		}
		if bpos < spos {
			return tidy[bpos+1 : spos], tidy[spos+1:], nil
		}
		return tidy[bpos+1:], tidy[spos+1 : bpos], nil
	case bpos >= 0:
		return tidy[bpos+1:], tidy[:bpos], nil
	default:
		return tidy[:spos], tidy[spos+1:], nil
	}
}

// digitSet returns the set of the digits in part.
func digitSet(part string) uint16 {
	var set uint16
	for _, c := range part {
		set |= 1 << (c - '0')
	}
	return set
}

// parseHensel reads one side of an isotropic rule: counts, each followed by
// letters, or by a minus and the letters it leaves out. A count may be
// given more than once with letters (they add up, or, after minuses, all
// are left out), but not both with and without them, nor with and without
// a minus.
func parseHensel(part, what string) (henselPart, error) {
	var p henselPart
	var bare, plus, minus henselPart // what each count was given as
	var given [9]bool
	if part != "" && (part[0] < '0' || part[0] > '8') {
		return p, fmt.Errorf("non-totalistic %s must start with a digit", what)
	}
	for i := 0; i < len(part); {
		n := int(part[i] - '0')
		i++
		neg := false
		if i < len(part) && part[i] == '-' {
			neg = true
			i++
		}
		start := i
		var set uint16
		for i < len(part) && (part[i] < '0' || part[i] > '8') {
			l := strings.IndexByte(henselLetters[n], part[i])
			if l < 0 || n == 0 || n == 8 {
				return p, fmt.Errorf("letter not valid for %s neighbor count (%c%c)", what, '0'+n, part[i])
			}
			set |= 1 << l
			i++
		}
		switch {
		case i == start:
			bare[n] = 1
		case neg:
			minus[n] |= set
			given[n] = true
		default:
			plus[n] |= set
		}
		if bare[n] != 0 && (plus[n] != 0 || given[n]) {
			return p, fmt.Errorf("count %d of the %s is given both with and without letters", n, what)
		}
		if plus[n] != 0 && given[n] {
			return p, fmt.Errorf("letter not valid for %s neighbor count (%d has letters both with and without a minus)", what, n)
		}
	}
	for n := range p {
		switch {
		case bare[n] != 0:
			p[n] = henselFull(n)
		case given[n]:
			p[n] = henselFull(n) &^ minus[n]
		default:
			p[n] = plus[n]
		}
	}
	return p, nil
}

// parseWolfram reads "w" and an even number from 0 to 254.
func parseWolfram(tidy string) (Rule, error) {
	n, i := 0, 1
	for i < len(tidy) && tidy[i] >= '0' && tidy[i] <= '9' {
		if n = n*10 + int(tidy[i]-'0'); n > 254 {
			break
		}
		i++
	}
	if i < len(tidy) && tidy[i] >= '0' && tidy[i] <= '9' || n > 254 || n%2 != 0 {
		return Rule{}, errors.New("Wolfram rule must be an even number from 0 to 254")
	}
	if i < len(tidy) {
		return Rule{}, fmt.Errorf("bad character in Wolfram rule: %q", tidy[i:])
	}
	return Rule{family: Wolfram, w: uint8(n)}, nil
}

// parseMap reads the base64 of a MAP rule (what follows "MAP").
func parseMap(s string) (Rule, error) {
	if len(s) > 2 && strings.HasSuffix(s, "==") {
		s = s[:len(s)-2]
	}
	nb := Moore
	switch len(s) {
	case mapChars(Moore):
	case mapChars(Hexagonal):
		nb = Hexagonal
	case mapChars(VonNeumann):
		nb = VonNeumann
	default:
		return Rule{}, fmt.Errorf("MAP rule needs 6, 22 or 86 base64 characters, not %d", len(s))
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(base64Chars, s[i]) < 0 {
			return Rule{}, fmt.Errorf("MAP contains illegal base64 character %q", s[i])
		}
	}
	// Pad to whole bytes; the bits past the table are ignored.
	buf, err := base64.RawStdEncoding.DecodeString(s + strings.Repeat("A", (4-len(s)%4)%4))
	if err != nil {
		return Rule{}, fmt.Errorf("MAP contains illegal base64: %v", err)
	}
	r := Rule{family: Map, nbhd: nb, tail: uint8(strings.IndexByte(base64Chars, s[len(s)-1]) & 15)}
	keep := uint16(nb.Mask()) | 16
	for i := uint16(0); i < 512; i++ {
		k := mapIndex(i&keep, nb)
		if buf[k/8]&(0x80>>(k%8)) != 0 {
			r.table.set(i)
		}
	}
	return r, nil
}

// namedRuleHint says, for a rule that no family here reads and that looks
// like a name (a letter, then letters, digits, '_', '-' or '+', as Golly's
// rule tables are named: Codd, WireWorld, Langtons-Loops), what Golly would
// run it with, so that the user learns why a file of Golly's does not
// open; otherwise "".
func namedRuleHint(body string) string {
	name := strings.TrimSpace(body)
	if len(name) > 64 {
		return "" // not a name of Golly's; the message quotes it once
	}
	if len(name) >= 3 && strings.EqualFold(name[:3], "map") {
		return "" // a MAP rule, mistyped
	}
	letter := func(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
	word := false // three letters in a row: a name, not a notation (B3_S23, W22x)
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !letter(c) && !('0' <= c && c <= '9') && c != '_' && c != '-' && c != '+' {
			return ""
		}
		word = word || i >= 2 && letter(c) && letter(name[i-1]) && letter(name[i-2])
	}
	if !word || !letter(name[0]) {
		return ""
	}
	switch strings.ToLower(name) {
	case "jvn29", "nobili32", "hutton32":
		return fmt.Sprintf(" (%s is a rule of Golly's JvN algorithm, which life does not run)", name)
	}
	return fmt.Sprintf(" (if %s names a rule table, Golly's %s.rule: life does not read rule tables)", name, name)
}
