package engine_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/rulegen"
	"github.com/life-go/life/grid"
)

// gollyNameAlgo returns the canonical name bgolly's algorithm algo writes
// into an RLE file for rule, or its error.
func gollyNameAlgo(t *testing.T, bgolly, dir, algo, rule string) (string, error) {
	in, out := filepath.Join(dir, "in.rle"), filepath.Join(dir, "out.rle")
	os.Remove(out)
	if err := os.WriteFile(in, []byte("x = 1, y = 1, rule = "+rule+"\no!\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	msg, _ := exec.Command(bgolly, "-a", algo, "-m", "0", "-o", out, in).CombinedOutput()
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

// TestMultiStateNamesAgainstGolly writes random Generations rules (every
// two-state family they build on, every notation, 2 to 256 states, random
// suffixes) and random Larger than Life rules (every shape, both
// notations, random tori and planes, sizes Golly changes), and checks
// that ParseRule names each as bgolly does, and refuses what bgolly
// refuses.
func TestMultiStateNamesAgainstGolly(t *testing.T) {
	bgolly := bgollyPath(t)
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(14, 1))
	n := 25
	if testing.Short() || raceOn {
		n = 6
	}
	check := func(algo, text string, f engine.Family) {
		t.Helper()
		want, gerr := gollyNameAlgo(t, bgolly, dir, algo, text)
		r, err := engine.ParseRule(text)
		switch {
		case gerr != nil && err != nil:
		case gerr != nil:
			t.Errorf("%s: ParseRule reads %s, bgolly refuses it: %v", text, r, gerr)
		case err != nil:
			t.Errorf("%s: %v; bgolly reads %s", text, err, want)
		case r.String() != want:
			t.Errorf("%s: ParseRule names it %s, bgolly %s", text, r, want)
		case r.Family() != f:
			t.Errorf("%s: family %v, want %v", text, r.Family(), f)
		}
	}
	for _, f := range rulegen.GenerationsFamilies {
		for i := 0; i < n; i++ {
			text := rulegen.Generations(rng, f, rulegen.States(rng, 256))
			if rng.IntN(3) == 0 {
				text += rulegen.Topology(rng, 1, 300)
			}
			check("Generations", text, engine.Generations)
		}
	}
	for i := 0; i < 4*n; i++ {
		text := rulegen.LtL(rng, []int{3, 10, 500}[rng.IntN(3)], true)
		switch rng.IntN(4) {
		case 0:
			text += fmt.Sprintf(":T%d,%d", rng.IntN(60), rng.IntN(60))
		case 1:
			text += fmt.Sprintf(":P%d,%d", rng.IntN(1200), rng.IntN(60))
		case 2:
			text += []string{":", ":T", ":P", ":T0", ":P7", ":T20000,6000", ":K20,20", ":T20+1,20"}[rng.IntN(8)]
		}
		check("Larger than Life", text, engine.LargerThanLife)
	}
	// Edges of the notations.
	for _, text := range []string{
		"345/2/4", "B2/S345/4", "b2/s345/4", "S345/B2/4", "/2/3", "2/13/21:T20,20", "345/2/4:K30,20*",
		"345/2/04", " 345/2/4", "2/2a/4", "12/34/256", "12/34/257", "12/34/1", "0/0/3", "1/02/3",
		"345/2/4x", "345_2_4", "2-a_3k/5", "B2/S345/C4", "345/2/4V", "1/1/3V", "12/34/3H", "23/3/2",
		"MAPARYXfhZofugWaH7oaIDogBZofuhogOiAaIDogIAAgAAWaH7oaIDogGiA6ICAAIAAaIDogIAAgACAAIAAAAAAAA/3",
		"MAPARYXfhZofugWaH7oaIDogBZofuhogOiAaIDogIAAgAAWaH7oaIDogGiA6ICAAIAAaIDogIAAgACAAIAAAAAAAB/3",
		"MAPARYXfhZofugWaH7oaIDogBZofuhogOiAaIDogIAAgAAWaH7oaIDogGiA6ICAAIAAaIDogIAAgACAAIAAAAAAAA==/3",
		"345//4", "//3", "2/3/", "2/3/4/5",
	} {
		check("Generations", text, engine.Generations)
	}
	for _, text := range []string{
		"R5,C0,M1,S34..58,B34..45,NM", "R5,C2,M1,S34..58,B34..45,NM", "R5,C1,M1,S34..58,B34..45,NM",
		"1,3,3,3,4", "5,34,45,34,58:T500,40", "R1,C0,M0,S0..8,B3..3,NM", "R1,C0,M0,S0..9,B3..3,NM",
		"R1,C0,M1,S2..3,B9..9,NM", "R2,C0,M1,S2..3,B21..21,NC", "R2,C0,M1,S2..3,B22..22,NC",
		"R2,C0,M1,S2..3,B13..13,NN", "R2,C0,M1,S2..3,B14..14,NN", "R500,C256,M0,S2..3,B3..3,NM",
		"R501,C0,M0,S2..3,B3..3,NM", "R1,C257,M0,S2..3,B3..3,NM", "R1,C0,M0,S2..3,B0..3,NM",
		"R1,C0,M0,S2..3,B0..3,NM:T20,20", "R1,C0,M0,S5..3,B3..3,NM", "R1,C0,M2,S2..3,B3..3,NM",
		"R1,C0,M0,S02..3,B3..3,NM", "R1,C0,M0,S2..3,B3..3,NM:T10,10000000", "R1,C0,M0,S2..3,B3..3,NM:S10",
		"R0,C0,M0,S2..3,B3..3,NM", "R1,C0,M0,S2..3,B3..3,NX", "2,3,3,3,4,5",
	} {
		check("Larger than Life", text, engine.LargerThanLife)
	}
}

// TestLtLNeighborhoods checks the sizes of the neighbourhoods against
// Larger_than_Life.html: (2r+1)^2 for Moore's, 2r(r+1)+1 for von
// Neumann's, the cells nearer than r+1/2 for the circle, and that
// Offsets lists Size-1 distinct cells inside the range.
func TestLtLNeighborhoods(t *testing.T) {
	for _, r := range []int{1, 2, 3, 7, 50} {
		for _, shape := range []engine.Neighborhood{engine.Moore, engine.VonNeumann, engine.Circular} {
			l := engine.LtL{Range: r, Shape: shape}
			want := 0
			for dy := -r; dy <= r; dy++ {
				for dx := -r; dx <= r; dx++ {
					d2 := float64(dy*dy + dx*dx)
					switch {
					case shape == engine.Moore,
						shape == engine.VonNeumann && max(dy, -dy)+max(dx, -dx) <= r,
						shape == engine.Circular && d2 < (float64(r)+0.5)*(float64(r)+0.5):
						want++
						if !l.In(dy, dx) {
							t.Errorf("%v r%d: (%d, %d) not in", shape, r, dy, dx)
						}
					}
				}
			}
			if got := l.Size(); got != want {
				t.Errorf("%v r%d: Size %d, want %d", shape, r, got, want)
			}
			seen := map[engine.Offset]bool{}
			for _, o := range l.Offsets() {
				if seen[o] || !l.In(o.DY, o.DX) || o == (engine.Offset{}) {
					t.Errorf("%v r%d: offset %v repeated, outside or the centre", shape, r, o)
				}
				seen[o] = true
			}
			if len(seen) != want-1 {
				t.Errorf("%v r%d: %d offsets, want %d", shape, r, len(seen), want-1)
			}
		}
	}
	if got := (engine.LtL{Range: 1, Shape: engine.Moore}).Size(); got != 9 {
		t.Errorf("R1 Moore: %d", got)
	}
	if got := (engine.LtL{Range: 3, Shape: engine.VonNeumann}).Size(); got != 25 {
		t.Errorf("R3 von Neumann: %d", got)
	}
}

// TestWireStates runs the step logic of random rules of many states on the
// channel driver, in several bands, and checks each generation against the
// synchronous driver's, and that a state beyond the rule's is a breach.
func TestWireStates(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 7))
	for _, text := range []string{"345/2/4:T23,17", "/2/3:T16,16", "2-a/3k/200:T9,31", "R2,C5,M1,S3..7,B4..6,NC:T12,12", "R3,C0,M0,S5..20,B8..12,NN:T20,9"} {
		r, err := engine.ParseRule(text)
		if err != nil {
			t.Fatal(err)
		}
		tp := r.Topology
		g, _ := grid.NewStates(tp, tp.W, tp.H)
		for i := range g.Cells() {
			if rng.IntN(2) == 0 {
				g.Cells()[i] = uint8(rng.IntN(r.States()))
			}
		}
		step := engine.StepCell(r)
		for gen := range 5 {
			want, err := engine.LiveStates(g, r.States(), step)
			if err != nil {
				t.Fatal(err)
			}
			for _, bands := range []int{1, 3} {
				got := g.Clone()
				d := engine.Driver{Bands: bands, Reach: engine.StepReach(r)}
				if _, err := d.RunStates(context.Background(), got, r.States(), step, 1); err != nil {
					t.Fatal(err)
				}
				if !got.Equal(want) {
					t.Fatalf("%s gen %d, %d bands: the wire's progeny differs from the synchronous driver's", text, gen, bands)
				}
			}
			g = want
		}
	}
	g, _ := grid.NewStates(engine.TorusOf(4, 4), 4, 4)
	_, err := engine.Driver{}.RunStates(context.Background(), g, 4, func(c engine.Conn, y, x int) { c.Transition(y, x, 4) }, 1)
	if err == nil || !strings.Contains(err.Error(), "emitted state 4, want 0 to 3") {
		t.Errorf("a state beyond the rule's: %v", err)
	}
}
