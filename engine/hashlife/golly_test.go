package hashlife

import (
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/rulegen"
	"github.com/life-go/life/patterns"
)

// gollyPatterns is where Debian's golly package puts Golly's patterns.
const gollyPatterns = "/usr/share/golly/Patterns/Life"

// TestGollyPopulations compares populations with bgolly's HashLife at the
// generations issue 6 names, on Golly's own patterns. It runs when bgolly
// and the patterns are installed; the slowest cases are left out under
// -short and the race detector.
func TestGollyPopulations(t *testing.T) {
	bgolly, err := exec.LookPath("bgolly")
	if err != nil {
		t.Skip("bgolly is not installed (apt-get install golly)")
	}
	if _, err := os.Stat(gollyPatterns); err != nil {
		t.Skip("Golly's patterns are not installed")
	}
	for _, tc := range []struct {
		file string
		gens string
		slow bool
	}{
		{"Methuselahs/acorn.lif", "1000000000", false},
		{"Breeders/breeder.lif", "1000000", false},
		{"Breeders/spacefiller.rle", "100000", false},
		{"Methuselahs/lidka-predecessor.rle", "100000", false},
		{"Guns/golly-ticker.rle", "1000000000", true},
		{"Breeders/switch-engine-ping-pong.rle", "100000000", true},
	} {
		t.Run(tc.file, func(t *testing.T) {
			if tc.slow && (testing.Short() || raceEnabled) {
				t.Skip("slow: not under -short or -race")
			}
			path := filepath.Join(gollyPatterns, tc.file)
			out, err := exec.Command(bgolly, "-a", "HashLife", "-m", tc.gens, path).Output()
			if err != nil {
				t.Fatalf("bgolly: %v", err)
			}
			// bgolly prints "GENERATION: POPULATION" lines, with commas.
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			gen, pop, ok := strings.Cut(lines[len(lines)-1], ": ")
			gen, pop = strings.ReplaceAll(gen, ",", ""), strings.ReplaceAll(pop, ",", "")
			if !ok || gen != tc.gens {
				t.Fatalf("bgolly printed %q", out)
			}
			p := readGolly(t, path)
			e := newLife(t, Options{})
			load(e, p)
			var n uint64
			for _, c := range tc.gens {
				n = n*10 + uint64(c-'0')
			}
			if err := e.Step(context.Background(), n); err != nil {
				t.Fatal(err)
			}
			if got := e.Population().String(); got != pop {
				t.Errorf("population %s at generation %s, bgolly says %s", got, tc.gens, pop)
			}
		})
	}
}

// readGolly reads a pattern of Golly's.
func readGolly(t *testing.T, path string) *patterns.Pattern {
	t.Helper()
	p, err := patterns.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestGollyRandomRules runs random rules of every family, B0 with Smax and
// without among them, on random soups on the plane, in the engine and in
// bgolly's QuickLife (which, unlike its HashLife, runs B0 without Smax),
// and compares the populations at every generation for a while, then at
// long jumps, and the cells at the end.
func TestGollyRandomRules(t *testing.T) {
	g, err := rulegen.NewGolly(t.TempDir())
	if err != nil {
		t.Skip(err)
	}
	rng := rand.New(rand.NewPCG(9, 9))
	n := 4
	if testing.Short() || raceEnabled {
		n = 1
	}
	for _, f := range engine.TwoStateFamilies {
		for i := 0; i < n; i++ {
			text := rulegen.Text(rng, f, rulegen.Options{B0: 0.4})
			r, err := engine.ParseRule(text)
			if err != nil {
				t.Fatal(err)
			}
			w, h := 4+rng.IntN(30), 4+rng.IntN(30)
			cells := rulegen.Soup(rng, w, h, 0.3+0.4*rng.Float64())
			x0, y0 := int64(rng.IntN(40)-20), int64(rng.IntN(40)-20)
			// Slowly at first, then in jumps of 2^k: some rules fill
			// the plane, so the jumps stay modest.
			gens, step := 40, 1
			want, err := g.Run(rulegen.RLE(cells, w, h, x0, y0, text), "QuickLife", gens, step)
			if err != nil {
				t.Fatal(err)
			}
			e, err := New(r, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cells {
				e.SetCell(y0+c.Y, x0+c.X, true)
			}
			for gen := 1; gen <= gens; gen++ {
				if err := e.Step(context.Background(), 1); err != nil {
					t.Fatal(err)
				}
				if got := e.Population().Int64(); got != want.Pops[gen] {
					t.Fatalf("%s: generation %d: population %d, bgolly %d", text, gen, got, want.Pops[gen])
				}
			}
			var got []rulegen.Cell
			if box, ok := e.Bounds(); ok {
				e.Visit(box, func(y, x int64) { got = append(got, rulegen.Cell{Y: y, X: x}) })
			}
			if !slices.Equal(rulegen.Normalize(got), want.Cells) {
				t.Errorf("%s: the cells at generation %d differ from bgolly's", text, gens)
			}
			// Long jumps from the start, odd generations included.
			far := []int{37, 64, 100}
			wantFar, err := g.Run(rulegen.RLE(cells, w, h, x0, y0, text), "QuickLife", far[len(far)-1], 1)
			if err != nil {
				t.Fatal(err)
			}
			e2, _ := New(r, Options{})
			for _, c := range cells {
				e2.SetCell(y0+c.Y, x0+c.X, true)
			}
			done := 0
			for _, gen := range far {
				if err := e2.Step(context.Background(), uint64(gen-done)); err != nil {
					t.Fatal(err)
				}
				done = gen
				if got := e2.Population().Int64(); got != wantFar.Pops[gen] {
					t.Errorf("%s: jumping to generation %d: population %d, bgolly %d", text, gen, got, wantFar.Pops[gen])
				}
			}
		}
	}
}
