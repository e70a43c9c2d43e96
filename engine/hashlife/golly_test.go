package hashlife

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

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
