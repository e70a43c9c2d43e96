package classify

import (
	"fmt"
	"strings"
)

// digits are the characters of extended Wechsler format: a column of five
// cells is the digit of the number whose bit w is the cell in row w.
const digits = "0123456789abcdefghijklmnopqrstuvwxyz"

// Wechsler returns c in extended Wechsler format, as apgcodes write a
// pattern (LifeWiki, "Apgcode"): the rows are cut into strips of five,
// separated by 'z'; each column of a strip is one character, 0-9 and a-v
// for the numbers 0 to 31 (bit w the cell in the strip's row w); a run of
// empty columns is written '0' for one, 'w' for two, 'x' for three and 'y'
// followed by a digit n for 4+n (up to 39; longer runs repeat "yz"), and
// empty columns at the end of a strip, and empty strips at the end, are
// left out. The cells are taken relative to their bounding box; no cells
// give "0".
func Wechsler(c Cells) string {
	c, _ = c.Normal()
	box, ok := c.Bounds()
	if !ok {
		return "0"
	}
	var b strings.Builder
	strips := int((box.H + 4) / 5)
	cols := make([]byte, box.W)
	i := 0 // the next cell of c, which is sorted by rows
	for v := range strips {
		if v > 0 {
			b.WriteByte('z')
		}
		clear(cols)
		for ; i < len(c) && c[i].Y < int64(5*(v+1)); i++ {
			cols[c[i].X] |= 1 << (c[i].Y - int64(5*v))
		}
		zeros := 0
		for _, col := range cols {
			if col == 0 {
				zeros++
				continue
			}
			for zeros >= 40 {
				b.WriteString("yz")
				zeros -= 39
			}
			switch {
			case zeros == 1:
				b.WriteByte('0')
			case zeros == 2:
				b.WriteByte('w')
			case zeros == 3:
				b.WriteByte('x')
			case zeros >= 4:
				b.WriteByte('y')
				b.WriteByte(digits[zeros-4])
			}
			zeros = 0
			b.WriteByte(digits[col])
		}
	}
	s := strings.TrimRight(b.String(), "z")
	if s == "" {
		return "0"
	}
	return s
}

// simpler reports whether representation a comes before b: shorter first,
// then ASCII-least, as apgsearch chooses.
func simpler(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// Canonical returns the extended Wechsler representation of the phases
// that apgcodes use: the simplest (shortest, then ASCII-least) over every
// phase given and each of the 8 orientations of the square.
func Canonical(phases []Cells) string {
	best := ""
	for _, p := range phases {
		for _, t := range orientations {
			if w := Wechsler(t.apply(p)); best == "" || simpler(w, best) {
				best = w
			}
		}
	}
	if best == "" {
		return "0"
	}
	return best
}

// Apgcode returns the apgcode of a periodic object from its phases (one
// period, in order, each cells in place): "xs" and the population for a
// still life, "xp" and the period for an oscillator, "xq" and the period
// for a spaceship, then '_' and the canonical representation
// ([Canonical]). moving says the object is a spaceship.
func Apgcode(phases []Cells, moving bool) string {
	if len(phases) == 0 {
		return ""
	}
	prefix := fmt.Sprintf("xp%d", len(phases))
	switch {
	case moving:
		prefix = fmt.Sprintf("xq%d", len(phases))
	case len(phases) == 1:
		prefix = fmt.Sprintf("xs%d", len(phases[0]))
	}
	return prefix + "_" + Canonical(phases)
}
