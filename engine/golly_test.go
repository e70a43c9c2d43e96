package engine_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	_ "github.com/life-go/life/engine/bitwise"
	"github.com/life-go/life/engine/rulegen"
)

// bgollyPath returns bgolly's path, or skips the test when it is not
// installed.
func bgollyPath(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("bgolly")
	if err != nil {
		t.Skip("bgolly is not installed (apt-get install golly)")
	}
	return p
}

var headerRule = regexp.MustCompile(`rule = (\S+)`)

// gollyName returns the canonical name bgolly writes into an RLE file for
// rule, or its error.
func gollyName(t *testing.T, bgolly, dir, rule string) (string, error) {
	in, out := filepath.Join(dir, "in.rle"), filepath.Join(dir, "out.rle")
	os.Remove(out)
	if err := os.WriteFile(in, []byte("x = 1, y = 1, rule = "+rule+"\no!\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	msg, _ := exec.Command(bgolly, "-m", "0", "-o", out, in).CombinedOutput()
	data, err := os.ReadFile(out)
	if err != nil {
		return "", fmt.Errorf("%s", strings.TrimSpace(string(msg)))
	}
	m := headerRule.FindSubmatch(data)
	if m == nil {
		t.Fatalf("no rule in bgolly's %q", data)
	}
	return string(m[1]), nil
}

// TestCanonicalNamesAgainstGolly writes random rules of every family, in
// every notation Golly reads, with random bounded-grid suffixes, and checks
// that ParseRule names each as bgolly does.
func TestCanonicalNamesAgainstGolly(t *testing.T) {
	bgolly := bgollyPath(t)
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(12, 1))
	n := 40
	if testing.Short() {
		n = 8
	}
	for _, f := range engine.TwoStateFamilies {
		for i := 0; i < n; i++ {
			text := rulegen.Text(rng, f, rulegen.Options{B0: 0.3})
			if rng.IntN(3) == 0 {
				text += rulegen.Topology(rng, 1, 300)
			}
			want, gerr := gollyName(t, bgolly, dir, text)
			r, err := engine.ParseRule(text)
			switch {
			case gerr != nil && err != nil:
			case gerr != nil:
				t.Errorf("%s: ParseRule reads %s, bgolly refuses it: %v", text, r, gerr)
			case err != nil:
				t.Errorf("%s: %v; bgolly reads %s", text, err, want)
			case r.String() != want:
				t.Errorf("%s: ParseRule names it %s, bgolly %s", text, r, want)
			case r.Family() != f && !(f == engine.Isotropic && r.Family() == engine.LifeLike):
				t.Errorf("%s: family %v, want %v", text, r.Family(), f)
			}
		}
	}
}

// newGolly returns a runner of bgolly, or skips the test.
func newGolly(t *testing.T) *rulegen.Golly {
	t.Helper()
	g, err := rulegen.NewGolly(t.TempDir())
	if err != nil {
		t.Skip(err)
	}
	return g
}

// gollyCase is a random rule, topology and soup, placed in Golly's
// coordinates, and the engine's coordinates of Golly's origin.
type gollyCase struct {
	rule       engine.Rule
	text       string
	cells      []rulegen.Cell // in the soup's box, (0, 0) its top-left corner
	w, h       int
	x0, y0     int64 // the box's top-left corner in Golly's coordinates
	offY, offX int64 // the engine's coordinates of Golly's (0, 0)
}

// randomCase makes a random rule of family f on a random bounded grid with
// sides lo to hi, and a random soup in it.
func randomCase(t *testing.T, rng *rand.Rand, f engine.Family, lo, hi int) gollyCase {
	t.Helper()
	text := rulegen.Text(rng, f, rulegen.Options{B0: 0.4}) + rulegen.Topology(rng, lo, hi)
	r, err := engine.ParseRule(text)
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	c := gollyCase{rule: r, text: text}
	top := r.Topology
	side := func(n int) (size int, at, off int64) {
		if n == 0 {
			size = 1 + rng.IntN(hi)
			return size, int64(rng.IntN(9) - 4), 0
		}
		size = 1 + rng.IntN(n)
		return size, int64(-(n / 2) + rng.IntN(n-size+1)), int64(n / 2)
	}
	c.w, c.x0, c.offX = side(top.W)
	c.h, c.y0, c.offY = side(top.H)
	if rng.IntN(4) == 0 {
		// Part of the soup beyond the grid's edges: Golly keeps those
		// cells for a generation.
		if top.W > 0 {
			c.x0 += int64(rng.IntN(2*c.w+1) - c.w)
		}
		if top.H > 0 {
			c.y0 += int64(rng.IntN(2*c.h+1) - c.h)
		}
	}
	c.cells = rulegen.Soup(rng, c.w, c.h, 0.2+0.5*rng.Float64())
	return c
}

// rle returns the case's soup as an RLE file.
func (c gollyCase) rle() string { return rulegen.RLE(c.cells, c.w, c.h, c.x0, c.y0, c.text) }

// load sets the case's soup into e, as life's loader does: its cells
// beyond the grid's bounded sides with SetOutside.
func (c gollyCase) load(e engine.Engine) {
	t := c.rule.Topology
	for _, cell := range c.cells {
		y, x := c.y0+cell.Y+c.offY, c.x0+cell.X+c.offX
		if (t.H == 0 || y >= 0 && y < int64(t.H)) && (t.W == 0 || x >= 0 && x < int64(t.W)) {
			e.SetCell(y, x, true)
		} else if o, ok := e.(engine.OutsideSetter); ok {
			o.SetOutside(y, x)
		}
	}
}

// liveCells returns e's live cells.
func liveCells(e engine.Engine) []rulegen.Cell {
	var cells []rulegen.Cell
	if box, ok := e.Bounds(); ok {
		e.Visit(box, func(y, x int64) { cells = append(cells, rulegen.Cell{Y: y, X: x}) })
	}
	return cells
}

// compareRun steps e gens generations a generation at a time and checks
// each population against bgolly's, and the cells at the end.
func compareRun(t *testing.T, name string, e engine.Engine, want rulegen.Result, gens int) bool {
	t.Helper()
	for g := 1; g <= gens; g++ {
		if err := e.Step(context.Background(), 1); err != nil {
			t.Errorf("%s: step %d: %v", name, g, err)
			return false
		}
		if p, ok := want.Pops[g]; ok && e.Population().Int64() != p {
			t.Errorf("%s: generation %d: population %d, bgolly %d", name, g, e.Population(), p)
			return false
		}
	}
	if got := rulegen.Normalize(liveCells(e)); !slices.Equal(got, want.Cells) {
		t.Errorf("%s: generation %d: the cells differ from bgolly's (%d and %d cells)", name, gens, len(got), len(want.Cells))
		return false
	}
	return true
}

// TestEnginesAgainstGolly runs random rules of every family, B0 with and
// without Smax included, on random bounded grids of awkward sizes (every
// topology of Golly's), some of the soups partly beyond the edges, on every
// engine that runs them and on bgolly's QuickLife, and checks the
// populations at every generation and the cells at the end.
func TestEnginesAgainstGolly(t *testing.T) {
	g := newGolly(t)
	rng := rand.New(rand.NewPCG(7, 3))
	n := 6
	if testing.Short() || raceOn {
		n = 2
	}
	for _, f := range engine.TwoStateFamilies {
		for i := 0; i < n; i++ {
			c := randomCase(t, rng, f, 1, 40+rng.IntN(4)/3*150) // a quarter of them several strips wide
			gens := 1 + rng.IntN(40)
			want, err := g.Run(c.rle(), "QuickLife", gens, 1)
			if err != nil {
				t.Fatal(err)
			}
			ran := 0
			for _, a := range engine.Algos() {
				if a.Runs(c.rule) != nil {
					continue
				}
				ran++
				e, err := a.New(c.rule, engine.Options{})
				if err != nil {
					t.Fatalf("%s on %s: %v", c.text, a.Name, err)
				}
				c.load(e)
				name := c.text + " on " + a.Name
				if p := e.Population().Int64(); p != want.Pops[0] {
					t.Errorf("%s: %d cells loaded, bgolly %d", name, p, want.Pops[0])
					continue
				}
				if !compareRun(t, name, e, want, gens) {
					t.Logf("the pattern:\n%s", c.rle())
				}
			}
			if ran < 2 {
				t.Errorf("%s: only %d engines run it", c.text, ran)
			}
		}
	}
}
