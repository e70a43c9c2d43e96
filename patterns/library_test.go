package patterns

import (
	"fmt"
	"maps"
	"strings"
	"testing"
)

// onPlane returns a torus holding p with a margin of m cells on every side,
// on which p runs as on the unbounded plane for m generations, and the
// corner p was placed at.
func onPlane(p *Pattern, m int) (*torus, int) {
	w, h := p.Size()
	t := newTorus(int(w)+2*m, int(h)+2*m)
	t.place(p, m, m)
	return t, m
}

func shifted(cells map[[2]int]bool, dy, dx int) map[[2]int]bool {
	out := make(map[[2]int]bool, len(cells))
	for c := range cells {
		out[[2]int{c[0] + dy, c[1] + dx}] = true
	}
	return out
}

// normalized moves cells so that their bounding box starts at (0, 0).
func normalized(cells map[[2]int]bool) map[[2]int]bool {
	top, left := 1<<62, 1<<62
	for c := range cells {
		top, left = min(top, c[0]), min(left, c[1])
	}
	return shifted(cells, -top, -left)
}

func window(cells map[[2]int]bool, y0, x0, h, w int) map[[2]int]bool {
	out := map[[2]int]bool{}
	for c := range cells {
		if c[0] >= y0 && c[0] < y0+h && c[1] >= x0 && c[1] < x0+w {
			out[[2]int{c[0] - y0, c[1] - x0}] = true
		}
	}
	return out
}

func TestLibrary(t *testing.T) {
	lib := Library()
	if len(lib) < 50 {
		t.Errorf("%d patterns in the library, want at least 50", len(lib))
	}
	seen := map[Kind]int{}
	for _, e := range lib {
		seen[e.Kind]++
		if e.Pattern().Population() == 0 {
			t.Errorf("%s: no live cells", e.Name)
		}
		if rule := e.Pattern().Rule; rule != "B3/S23" && rule != "" && otherRules[e.Name] != rule {
			t.Errorf("%s: rule %q", e.Name, rule)
		}
	}
	for _, k := range kinds {
		if seen[k] == 0 {
			t.Errorf("no %s in the library", k)
		}
	}
	if e, ok := Lookup("Glider"); !ok || e.Name != "glider" || e.Kind != Spaceship {
		t.Errorf("Lookup(Glider) = %+v, %v", e, ok)
	}
	if _, ok := Lookup("no-such-pattern"); ok {
		t.Error("Lookup found no-such-pattern")
	}
}

// otherRules are the library's patterns of other rules than Life, with
// their rules: this package's stepper runs Life only, and engine/universe's
// TestLibraryStates checks them through the engines and bgolly.
var otherRules = map[string]string{
	"brians-brain-spaceship": "/2/3",
	"star-wars-spaceship":    "345/2/4",
	"bosco":                  "R5,C0,M1,S34..58,B34..45,NM",
}

// TestLibraryFacts runs every pattern of the library and checks what its
// file says of it.
func TestLibraryFacts(t *testing.T) {
	for _, e := range Library() {
		t.Run(e.Name, func(t *testing.T) {
			if _, ok := otherRules[e.Name]; ok {
				t.Skipf("rule %s: checked through the engines (engine/universe TestLibraryStates)", e.Pattern().Rule)
			}
			switch e.Kind {
			case StillLife, Oscillator, Spaceship:
				checkPeriodic(t, e)
			case Gun, Puffer, Breeder:
				if e.Period > 0 {
					checkEngine(t, e)
				}
			}
			for _, f := range e.Facts {
				checkFact(t, e, f)
			}
		})
	}
}

// checkPeriodic checks that e returns to itself, moved by its displacement,
// after its period, and is not a translate of itself at any earlier
// generation.
func checkPeriodic(t *testing.T, e Entry) {
	if e.Period == 0 {
		t.Fatalf("%s with no period", e.Kind)
	}
	if (e.DX != 0 || e.DY != 0) != (e.Kind == Spaceship) {
		t.Errorf("%s with displacement (%d, %d)", e.Kind, e.DX, e.DY)
	}
	tor, _ := onPlane(e.Pattern(), e.Period+2)
	start := tor.cells()
	shape := normalized(start)
	for g := 1; g <= e.Period; g++ {
		tor.step()
		now := tor.cells()
		if g < e.Period {
			if maps.Equal(normalized(now), shape) {
				t.Errorf("returns to itself after %d generations, before its period %d", g, e.Period)
			}
			continue
		}
		if want := shifted(start, e.DY, e.DX); !maps.Equal(now, want) {
			got := "a different shape"
			if maps.Equal(normalized(now), shape) {
				got = "itself, moved otherwise"
			}
			t.Errorf("after its period %d it is %s, want itself moved by (%d, %d)", e.Period, got, e.DX, e.DY)
		}
	}
}

// checkEngine checks the period of a gun, puffer or breeder: once its
// output has filled the window of its first bounding box (moved along with
// a puffer or breeder), what is in the window repeats after the period, and
// for a gun not before.
func checkEngine(t *testing.T, e Entry) {
	p := e.Pattern()
	w, h := p.Size()
	warm := 8 * e.Period
	tor, m := onPlane(p, warm+3*e.Period)
	for g := 0; g < warm; g++ {
		tor.step()
	}
	at := func(g int) map[[2]int]bool {
		k := g / e.Period
		return window(tor.cells(), m+k*e.DY, m+k*e.DX, int(h), int(w))
	}
	first := at(warm)
	for g := 1; g <= e.Period; g++ {
		tor.step()
		if g%e.Period == 0 {
			if !maps.Equal(at(warm+g), first) {
				t.Errorf("the window around its engine differs after its period %d", e.Period)
			}
		} else if e.DX == 0 && e.DY == 0 && maps.Equal(at(warm+g), first) {
			t.Errorf("the window around its engine repeats after %d generations, before its period %d", g, e.Period)
		}
	}
}

func checkFact(t *testing.T, e Entry, fact string) {
	var pop, gen, w, h, more, every int
	switch {
	case scan(fact, "population %d at generation %d on a %dx%d torus", &pop, &gen, &w, &h):
		if testing.Short() && gen > 2000 {
			t.Skipf("%s: long run skipped in -short mode", fact)
		}
		tor := newTorus(w, h)
		pw, ph := e.Pattern().Size()
		tor.place(e.Pattern(), h/2-int(ph)/2, w/2-int(pw)/2)
		if tor.w != w {
			t.Fatalf("torus width %d is not a multiple of 64", w)
		}
		for range gen {
			tor.step()
		}
		if got := tor.population(); got != pop {
			t.Errorf("%s: population %d", fact, got)
		}
	case scan(fact, "population %d at generation %d", &pop, &gen):
		tor, _ := onPlane(e.Pattern(), gen+1)
		for range gen {
			tor.step()
		}
		if got := tor.population(); got != pop {
			t.Errorf("%s: population %d", fact, got)
		}
	case scan(fact, "dies at generation %d", &gen):
		tor, _ := onPlane(e.Pattern(), gen+1)
		for range gen - 1 {
			tor.step()
		}
		before := tor.population()
		tor.step()
		if before == 0 || tor.population() != 0 {
			t.Errorf("%s: population %d at generation %d, %d at %d", fact, before, gen-1, tor.population(), gen)
		}
	case scan(fact, "%d more cells every %d generations", &more, &every):
		if every != e.Period {
			t.Errorf("%s: not its period %d", fact, e.Period)
		}
		tor, _ := onPlane(e.Pattern(), 12*every)
		var pops []int
		for g := 0; g <= 10*every; g++ {
			if g%every == 0 {
				pops = append(pops, tor.population())
			}
			tor.step()
		}
		for k := 2; k < len(pops); k++ {
			if pops[k]-pops[k-1] != more {
				t.Errorf("%s: %d cells at generation %d, %d at %d", fact, pops[k-1], (k-1)*every, pops[k], k*every)
			}
		}
	default:
		t.Errorf("fact %q: no test knows it", fact)
	}
}

// scan reports whether s matches format exactly, with its numbers stored.
func scan(s, format string, args ...any) bool {
	n, err := fmt.Sscanf(s, format, args...)
	if err != nil || n != len(args) {
		return false
	}
	// Sscanf stops at the format's end; the rest must be a note in
	// parentheses or nothing.
	return !strings.Contains(format, "torus") || strings.Contains(s, "torus")
}
