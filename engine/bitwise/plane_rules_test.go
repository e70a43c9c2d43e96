package bitwise

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/hashlife"
	"github.com/life-go/life/engine/rulegen"
	"github.com/life-go/life/patterns"
)

// The sparse engine under every two-state family: random rules of each
// (B0 with Smax and without among them) on random soups against HashLife,
// the protocol engine and bgolly, and rules made to carry a pattern far
// or to empty the plane.

// randomFamilyRule returns a random rule of family f, B0 in about b0 of
// them, parsed from one of the notations Golly reads.
func randomFamilyRule(t testing.TB, rng *rand.Rand, f engine.Family, b0 float64) (engine.Rule, string) {
	t.Helper()
	text := rulegen.Text(rng, f, rulegen.Options{B0: b0})
	r, err := engine.ParseRule(text)
	if err != nil {
		t.Fatalf("rule %q: %v", text, err)
	}
	return r, text
}

// place sets the cells of soup, whose top-left corner is (y0, x0), in
// every engine of es.
func place(soup []rulegen.Cell, y0, x0 int64, es ...engine.Engine) {
	for _, c := range soup {
		for _, e := range es {
			e.SetCell(y0+c.Y, x0+c.X, true)
		}
	}
}

// TestPlaneFamiliesHashlife runs random rules of every two-state family on
// random soups, placed across tile borders, near the origin and far from
// it, in steps of random lengths, against HashLife: the same cells after
// every step.
func TestPlaneFamiliesHashlife(t *testing.T) {
	perFamily, gens := 8, 300
	if raceEnabled || testing.Short() {
		perFamily, gens = 3, 80
	}
	rng := rand.New(rand.NewPCG(12, 13))
	for _, f := range engine.TwoStateFamilies {
		for i := range perFamily {
			r, text := randomFamilyRule(t, rng, f, 0.4)
			w, h := 8+rng.IntN(56), 8+rng.IntN(56)
			soup := rulegen.Soup(rng, w, h, 0.15+0.4*rng.Float64())
			y0, x0 := rng.Int64N(200)-100, rng.Int64N(200)-100
			if i%3 == 2 {
				y0, x0 = y0-1<<40, x0+1<<50
			}
			t.Run(fmt.Sprintf("%v/%d/%s", f, i, text), func(t *testing.T) {
				hl, err := hashlife.New(r, hashlife.Options{})
				if err != nil {
					t.Fatal(err)
				}
				e := newPlane(t, r)
				place(soup, y0, x0, e, hl)
				for g := 0; g < gens; {
					n := 1 + rng.IntN(40)
					if err := e.Step(context.Background(), uint64(n)); err != nil {
						t.Fatal(err)
					}
					if err := hl.Step(context.Background(), uint64(n)); err != nil {
						t.Fatal(err)
					}
					g += n
					want := liveCells(hl)
					checkSame(t, e, want, fmt.Sprintf("%s, generation %d", r, g))
					if len(want) > 60000 {
						return // an explosion: enough
					}
				}
			})
		}
	}
}

// TestPlaneFamiliesProtocol runs random rules of every two-state family,
// B0 among them, against the protocol engine on a torus large enough that
// nothing reaches round it in the generations compared.
func TestPlaneFamiliesProtocol(t *testing.T) {
	size, side, gens := 150, 30, 40
	if raceEnabled || testing.Short() {
		size, side, gens = 70, 16, 15
	}
	rng := rand.New(rand.NewPCG(14, 15))
	for _, f := range engine.TwoStateFamilies {
		r, text := randomFamilyRule(t, rng, f, 0.5)
		t.Run(fmt.Sprintf("%v/%s", f, text), func(t *testing.T) {
			tr := r
			tr.Topology = engine.TorusOf(size, size)
			p, err := engine.NewProtocol(tr, nil)
			if err != nil {
				t.Fatal(err)
			}
			e := newPlane(t, r)
			place(rulegen.Soup(rng, side, side, 0.4), int64(size-side)/2, int64(size-side)/2, p, e)
			for g := 0; g < gens; g += 5 {
				if err := p.Step(context.Background(), 5); err != nil {
					t.Fatal(err)
				}
				if err := e.Step(context.Background(), 5); err != nil {
					t.Fatal(err)
				}
				box, ok := e.Bounds()
				if ok && (box.X < 1 || box.Y < 1 || box.X+box.W >= int64(size)-1 || box.Y+box.H >= int64(size)-1) {
					return // it reached the torus's edges: enough
				}
				checkSame(t, e, liveCells(p), fmt.Sprintf("generation %d", g+5))
			}
		})
	}
}

// mapRule returns the MAP rule, of Moore's neighbourhood, whose cell is
// alive next exactly when alive(i) is true of its 3 x 3 block i (bit 8 the
// cell above and left, bit 4 the cell, bit 0 the cell below and right).
func mapRule(t testing.TB, alive func(i int) bool) engine.Rule {
	t.Helper()
	var b [64]byte
	for i := range 512 {
		if alive(i) {
			b[i/8] |= 0x80 >> (i % 8)
		}
	}
	r, err := engine.ParseRule("MAP" + base64.StdEncoding.EncodeToString(b[:])[:86])
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestPlaneTravelsFar runs soups under MAP rules that copy each cell from
// a neighbour, so that the pattern moves a cell a generation in one of the
// eight directions, thousands of tiles away: the soup arrives whole where
// it should be, the engine holds only the tiles around it, and HashLife
// agrees. A rule that moves the soup while it thins (a cell lives when its
// neighbour and it were alive) empties the plane, and the tiles go.
func TestPlaneTravelsFar(t *testing.T) {
	gens := int64(20_000)
	if raceEnabled || testing.Short() {
		gens = 2_000
	}
	rng := rand.New(rand.NewPCG(16, 17))
	soup := rulegen.Soup(rng, 40, 30, 0.4)
	for bit := range 9 {
		if bit == 4 {
			continue // the cell itself: nothing moves
		}
		// The neighbour of bit k is (1-k/3, 1-k%3) from the cell; the
		// soup moves the other way.
		dy, dx := int64(bit/3-1), int64(bit%3-1)
		r := mapRule(t, func(i int) bool { return i>>bit&1 != 0 })
		t.Run(fmt.Sprintf("to (%d,%d)", dy, dx), func(t *testing.T) {
			e := newPlane(t, r)
			hl, err := hashlife.New(r, hashlife.Options{})
			if err != nil {
				t.Fatal(err)
			}
			place(soup, -15, 70, e, hl)
			if err := e.Step(context.Background(), uint64(gens)); err != nil {
				t.Fatal(err)
			}
			if err := hl.Step(context.Background(), uint64(gens)); err != nil {
				t.Fatal(err)
			}
			want := planeRef{}
			for _, c := range soup {
				want[cell{-15 + c.Y + dy*gens, 70 + c.X + dx*gens}] = true
			}
			checkSame(t, e, want.sorted(), fmt.Sprintf("generation %d", gens))
			checkSame(t, hl, want.sorted(), fmt.Sprintf("HashLife, generation %d", gens))
			if n := e.Tiles(); n > 12 {
				t.Errorf("%d tiles for a 40 x 30 soup, want at most 12", n)
			}
		})
	}
	// The cell and its neighbour to the north-west: the soup moves
	// south-east and thins out to nothing.
	r := mapRule(t, func(i int) bool { return i>>8&1 != 0 && i>>4&1 != 0 })
	e := newPlane(t, r)
	place(soup, 0, 0, e)
	for g := 1; ; g++ {
		if err := e.Step(context.Background(), 1); err != nil {
			t.Fatal(err)
		}
		if e.PopulationInt() == 0 {
			break
		}
		if g > 100 {
			t.Fatalf("population %d at generation %d", e.PopulationInt(), g)
		}
	}
	if err := e.Step(context.Background(), 2*sweepEvery); err != nil {
		t.Fatal(err)
	}
	if _, ok := e.Bounds(); ok || e.Tiles() != 0 {
		t.Fatalf("after dying out: %d tiles, bounds %v", e.Tiles(), ok)
	}
}

// TestPlaneB0Knightship runs Golly's p168 knightship (B013568/S01, B0
// without Smax) 2,000 generations against HashLife, which agrees with
// bgolly on it, every generation to 40 and then every 97.
func TestPlaneB0Knightship(t *testing.T) {
	r, err := engine.ParseRule("B013568/S01")
	if err != nil {
		t.Fatal(err)
	}
	// Life-Like/p168-knightship.rle of Golly's collection.
	p, err := patterns.ReadRLE("p168-knightship.rle", strings.NewReader("x = 7, y = 4, rule = B013568/S01\nbo4bo$b2ob3o$2o3bo$2bobo!\n"))
	if err != nil {
		t.Fatal(err)
	}
	e := newPlane(t, r)
	hl, err := hashlife.New(r, hashlife.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p.Cells(func(y, x int64) {
		e.SetCell(y+60, x-3, true)
		hl.SetCell(y+60, x-3, true)
	})
	for g := 0; g < 2000; {
		n := 1
		if g >= 40 {
			n = 97
		}
		if err := e.Step(context.Background(), uint64(n)); err != nil {
			t.Fatal(err)
		}
		if err := hl.Step(context.Background(), uint64(n)); err != nil {
			t.Fatal(err)
		}
		g += n
		checkSame(t, e, liveCells(hl), fmt.Sprintf("generation %d", g))
	}
}

// TestPlaneRefuses: the sparse engine runs two-state rules on the plane
// only.
func TestPlaneRefuses(t *testing.T) {
	for _, text := range []string{"B3/S23:T10,10", "3/23/3", "R2,C0,M1,S2..3,B3..3,NM"} {
		r, err := engine.ParseRule(text)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := NewPlane(r); !errors.Is(err, engine.ErrUnsupported) {
			t.Errorf("%s: error %v, want one wrapping ErrUnsupported", text, err)
		}
	}
}

// TestPlaneFamiliesGolly runs random rules of every two-state family, B0
// with Smax and without among them, on random soups on the plane in
// bgolly's QuickLife and in the engine: the same population at every
// generation, the same cells at the end. It is skipped when bgolly is not
// installed.
func TestPlaneFamiliesGolly(t *testing.T) {
	g, err := rulegen.NewGolly(t.TempDir())
	if err != nil {
		t.Skip(err)
	}
	rng := rand.New(rand.NewPCG(18, 19))
	n := 4
	if testing.Short() || raceEnabled {
		n = 1
	}
	for _, f := range engine.TwoStateFamilies {
		for range n {
			r, text := randomFamilyRule(t, rng, f, 0.5)
			w, h := 4+rng.IntN(70), 4+rng.IntN(70)
			cells := rulegen.Soup(rng, w, h, 0.2+0.5*rng.Float64())
			x0, y0 := int64(rng.IntN(200)-100), int64(rng.IntN(200)-100)
			gens := 1 + rng.IntN(150)
			want, err := g.Run(rulegen.RLE(cells, w, h, x0, y0, text), "QuickLife", gens, 1)
			if err != nil {
				t.Fatal(err)
			}
			e := newPlane(t, r)
			place(cells, y0, x0, e)
			for gen := 1; gen <= gens; gen++ {
				if err := e.Step(context.Background(), 1); err != nil {
					t.Fatal(err)
				}
				if got := e.PopulationInt(); got != want.Pops[gen] {
					t.Fatalf("%s: generation %d: population %d, bgolly %d", text, gen, got, want.Pops[gen])
				}
			}
			var got []rulegen.Cell
			for _, c := range liveCells(e) {
				got = append(got, rulegen.Cell{Y: c[0], X: c[1]})
			}
			if !slices.Equal(rulegen.Normalize(got), want.Cells) {
				t.Errorf("%s: the cells at generation %d differ from bgolly's", text, gens)
			}
		}
	}
}
