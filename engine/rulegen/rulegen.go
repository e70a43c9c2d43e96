// Package rulegen makes random rules, topologies and soups for the tests
// that compare engines with each other and with Golly's bgolly: rules of
// every two-state family in every notation Golly reads, bounded grids of
// awkward sizes.
package rulegen

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/life-go/life/engine"
)

// Options shape the rules Text makes.
type Options struct {
	// B0 is the chance, 0 to 1, that a rule has B0 (Golly then emulates
	// it, with Smax or without).
	B0 float64
}

// Text returns a random rule of family f, written in one of the notations
// Golly reads for it, with no bounded-grid suffix.
func Text(rng *rand.Rand, f engine.Family, o Options) string {
	b0 := rng.Float64() < o.B0
	switch f {
	case engine.LifeLike:
		return totalistic(rng, 8, b0, "")
	case engine.HexagonalFamily:
		return totalistic(rng, 6, b0, "H")
	case engine.VonNeumannFamily:
		return totalistic(rng, 4, b0, "V")
	case engine.Wolfram:
		return fmt.Sprintf("W%d", 2*rng.IntN(128))
	case engine.Map:
		return mapText(rng, b0)
	case engine.Isotropic:
		return isotropic(rng, b0)
	}
	panic(fmt.Sprintf("rulegen: family %v", f))
}

// digits returns a random set of the digits 0 to max, as text.
func digits(rng *rand.Rand, max int, p float64) string {
	var b strings.Builder
	for n := 0; n <= max; n++ {
		if rng.Float64() < p {
			b.WriteByte(byte('0' + n))
		}
	}
	return b.String()
}

// totalistic writes a B/S rule of max neighbours in one of Golly's forms.
func totalistic(rng *rand.Rand, max int, b0 bool, nb string) string {
	birth := strings.TrimPrefix(digits(rng, max, 0.3), "0")
	if b0 {
		birth = "0" + birth
	}
	surv := digits(rng, max, 0.4)
	switch rng.IntN(5) {
	case 0:
		return "b" + birth + "s" + surv + strings.ToLower(nb)
	case 1:
		return "S" + surv + "/B" + birth + nb
	case 2:
		if nb == "" {
			return surv + "/" + birth
		}
	}
	return "B" + birth + "/S" + surv + nb
}

var letters = [9]string{1: "ce", 2: "ceaikn", 3: "ceaiknjqry", 4: "ceaiknjqrytwz", 5: "ceaiknjqry", 6: "ceaikn", 7: "ce"}

// hensel writes one side of an isotropic rule: each count left out, bare,
// with some letters or with a minus and some.
func hensel(rng *rand.Rand, b0, birth bool) string {
	var b strings.Builder
	for n := 0; n <= 8; n++ {
		if n == 0 && birth {
			if b0 {
				b.WriteByte('0')
			}
			continue
		}
		if n == 0 || n == 8 {
			if rng.IntN(3) == 0 {
				b.WriteByte(byte('0' + n))
			}
			continue
		}
		switch rng.IntN(4) {
		case 0:
		case 1:
			b.WriteByte(byte('0' + n))
		default:
			b.WriteByte(byte('0' + n))
			if rng.IntN(3) == 0 {
				b.WriteByte('-')
			}
			ls := []byte(letters[n])
			rng.Shuffle(len(ls), func(i, j int) { ls[i], ls[j] = ls[j], ls[i] })
			b.Write(ls[:1+rng.IntN(len(ls))])
		}
	}
	return b.String()
}

func isotropic(rng *rand.Rand, b0 bool) string {
	birth, surv := hensel(rng, b0, true), hensel(rng, b0, false)
	switch rng.IntN(3) {
	case 0:
		return "B" + birth + "_S" + surv
	case 1:
		return "b" + birth + "/s" + surv
	}
	return "B" + birth + "/S" + surv
}

// mapText writes a random MAP rule of a random neighbourhood, its table's
// entries about half alive.
func mapText(rng *rand.Rand, b0 bool) string {
	bits := []int{512, 128, 32}[rng.IntN(3)]
	chars := (bits + 5) / 6
	buf := make([]byte, bits/8+3)
	for i := range buf {
		buf[i] = byte(rng.Uint32())
	}
	if b0 {
		buf[0] |= 0x80
	} else {
		buf[0] &^= 0x80
	}
	s := base64.StdEncoding.EncodeToString(buf)[:chars]
	if rng.IntN(4) == 0 {
		s += "=="
	}
	if rng.IntN(4) == 0 {
		return "map" + s
	}
	return "MAP" + s
}

// Topology returns a random bounded topology of Golly's: a torus (plain,
// shifted or a tube), a bounded plane (or one bounded on one side), a Klein
// bottle (twisted either way, shifted or not), a cross-surface or a sphere,
// with sides from lo to hi (awkward ones: odd, prime, just past a multiple
// of 64), as its suffix (":T37,21").
func Topology(rng *rand.Rand, lo, hi int) string {
	side := func() int {
		if rng.IntN(3) == 0 {
			for _, s := range []int{63, 64, 65, 127, 129, 1, 2, 3} {
				if s >= lo && s <= hi && rng.IntN(3) == 0 {
					return s
				}
			}
		}
		return lo + rng.IntN(hi-lo+1)
	}
	w, h := side(), side()
	switch rng.IntN(9) {
	case 0:
		return fmt.Sprintf(":T%d+%d,%d", w, rng.IntN(w+2), h)
	case 1:
		return fmt.Sprintf(":T%d,%d-%d", w, h, rng.IntN(h+2))
	case 2:
		if rng.IntN(2) == 0 {
			return fmt.Sprintf(":T0,%d", h)
		}
		return fmt.Sprintf(":T%d,0", w)
	case 3:
		return fmt.Sprintf(":P%d,%d", w, h)
	case 4:
		if rng.IntN(2) == 0 {
			return fmt.Sprintf(":K%d*%s,%d", w, []string{"", "+1", "+3", "-1"}[rng.IntN(4)], h)
		}
		return fmt.Sprintf(":K%d,%d*%s", w, h, []string{"", "+1", "+2"}[rng.IntN(3)])
	case 5:
		return fmt.Sprintf(":C%d,%d", w, h)
	case 6:
		return fmt.Sprintf(":S%d", w)
	case 7:
		if rng.IntN(2) == 0 {
			return fmt.Sprintf(":P%d,0", w)
		}
		return fmt.Sprintf(":P0,%d", h)
	}
	return fmt.Sprintf(":T%d,%d", w, h)
}

// Cell is a live cell: row Y, column X.
type Cell struct{ Y, X int64 }

// Soup returns the live cells of a random w x h soup of the given density,
// row by row, with (0, 0) its top-left corner.
func Soup(rng *rand.Rand, w, h int, density float64) []Cell {
	var cells []Cell
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if rng.Float64() < density {
				cells = append(cells, Cell{int64(y), int64(x)})
			}
		}
	}
	return cells
}

// RLE writes cells, which lie in a w x h box with (0, 0) its top-left
// corner, row by row, as an RLE file for rule with the box's top-left
// corner at Golly's (x0, y0).
func RLE(cells []Cell, w, h int, x0, y0 int64, rule string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "#CXRLE Pos=%d,%d\nx = %d, y = %d, rule = %s\n", x0, y0, w, h, rule)
	y, x := int64(0), int64(0)
	i := 0
	col := 0
	put := func(s string) {
		if col+len(s) > 70 {
			b.WriteByte('\n')
			col = 0
		}
		b.WriteString(s)
		col += len(s)
	}
	for i < len(cells) {
		c := cells[i]
		if c.Y > y {
			if n := c.Y - y; n > 1 {
				put(fmt.Sprintf("%d$", n))
			} else {
				put("$")
			}
			y, x = c.Y, 0
		}
		if c.X > x {
			if n := c.X - x; n > 1 {
				put(fmt.Sprintf("%db", n))
			} else {
				put("b")
			}
		}
		n := int64(1)
		for i+int(n) < len(cells) && cells[i+int(n)] == (Cell{c.Y, c.X + n}) {
			n++
		}
		if n > 1 {
			put(fmt.Sprintf("%do", n))
		} else {
			put("o")
		}
		x = c.X + n
		i += int(n)
	}
	put("!")
	b.WriteByte('\n')
	return b.String()
}
