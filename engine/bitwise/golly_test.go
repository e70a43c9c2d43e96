package bitwise

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/grid"
	"github.com/life-go/life/patterns"
)

// fullRLE writes t as RLE whose header is t's whole size, so that Golly
// places it exactly over its torus of that size.
func fullRLE(t *grid.Torus, rule engine.Rule) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "x = %d, y = %d, rule = %s\n", t.Width(), t.Height(), rule)
	line := 0
	emit := func(n int, tag byte) {
		tok := string(tag)
		if n > 1 {
			tok = strconv.Itoa(n) + tok
		}
		if line+len(tok) > 70 {
			b.WriteByte('\n')
			line = 0
		}
		b.WriteString(tok)
		line += len(tok)
	}
	for y := 0; y < t.Height(); y++ {
		if y > 0 {
			emit(1, '$')
		}
		for x := 0; x < t.Width(); {
			alive := t.Query(y, x)
			n := 1
			for x+n < t.Width() && t.Query(y, x+n) == alive {
				n++
			}
			if alive {
				emit(n, 'o')
			} else if x+n < t.Width() {
				emit(n, 'b')
			}
			x += n
		}
	}
	emit(1, '!')
	b.WriteByte('\n')
	return b.Bytes()
}

// TestGollyDifferential runs random rules, B0 among them, with Smax and
// without, on tori and bounded planes in bgolly's QuickLife and in the
// engine, and compares the final populations and cells. It is skipped when
// bgolly is not installed.
func TestGollyDifferential(t *testing.T) {
	bgolly, err := exec.LookPath("bgolly")
	if err != nil {
		t.Skip("bgolly is not installed (apt-get install golly)")
	}
	rng := rand.New(rand.NewPCG(7, 5))
	dir := t.TempDir()
	gens := 60
	sizes := [][2]int{{64, 48}, {100, 77}, {33, 129}, {200, 64}, {65, 65}, {1, 40}}
	for n := range 16 {
		s := sizes[n%len(sizes)]
		rule := engine.Life
		if n > 0 {
			rule = randomRule(rng, n%3 == 2)
		}
		rule = torusRule(rule, s[0], s[1])
		if n >= 12 {
			// Bounded planes, B0 among them: Golly emulates B0 there
			// too, with the cells beyond the edges dead in the rule it
			// runs.
			rule.Topology.Kind = engine.BoundedPlane
		}
		t.Run(fmt.Sprintf("%d/%s", n, rule), func(t *testing.T) {
			g := soup(rng, s[0], s[1], 0.35)
			in, out := filepath.Join(dir, fmt.Sprintf("in%d.rle", n)), filepath.Join(dir, fmt.Sprintf("out%d.rle", n))
			if err := os.WriteFile(in, fullRLE(g, rule), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bgolly, "-a", "QuickLife", "-m", strconv.Itoa(gens), "-i", strconv.Itoa(gens), "-o", out, in)
			msg, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("bgolly: %v\n%s", err, msg)
			}
			e := mustFrom(t, rule, g)
			if err := e.Step(context.Background(), uint64(gens)); err != nil {
				t.Fatal(err)
			}
			// bgolly prints "N: POPULATION" with thousands separators.
			var pop string
			for _, line := range strings.Split(string(msg), "\n") {
				if rest, ok := strings.CutPrefix(line, strconv.Itoa(gens)+": "); ok {
					pop = strings.ReplaceAll(strings.TrimSpace(rest), ",", "")
				}
			}
			if want := strconv.FormatInt(e.PopulationInt(), 10); pop != want {
				t.Fatalf("bgolly says population %q at generation %d, the engine %s\n%s", pop, gens, want, msg)
			}
			f, err := os.Open(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			p, err := patterns.ReadRLE(out, f)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("population %d after %d generations", p.Population(), gens)
			if p.Population() == 0 {
				return
			}
			// Golly writes the live cells' bounding box, which is the
			// engine's: its grid spans [-(W/2), W-W/2) and ours [0, W).
			box, _ := e.Bounds()
			if p.W != box.W || p.H != box.H {
				t.Fatalf("bgolly wrote a %d x %d box, the engine's is %v", p.W, p.H, box)
			}
			want, _ := grid.New(s[0], s[1])
			p.Cells(func(y, x int64) { want.Assign(int(box.Y+y), int(box.X+x), true) })
			if got := e.Torus(); !got.Equal(want) {
				t.Fatalf("after %d generations: %s", gens, firstDiff(got, want))
			}
		})
	}
}
