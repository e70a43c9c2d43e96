package universe

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/rulegen"
	"github.com/life-go/life/patterns"
)

// gollyPatterns is Golly's pattern collection.
const gollyPatterns = "/usr/share/golly/Patterns"

// familyDirs are the folders of Golly's collection whose every file the
// comparison runs; other folders' files run when their rule is in one of
// the two-state families and is not Conway's Life on the plane, which
// TestGollyCollection reads (set LIFE_GOLLY_ALL=1 to run those too).
var familyDirs = []string{"Non-Totalistic", "Life-Like", "Life/Bounded-Grids"}

// checkGens are the generations at which populations are compared; cells
// are compared at cellsGen.
var checkGens = []int{1, 10, 100, 1000}

const cellsGen = 100

// gollyFamilyFiles lists the pattern files of Golly's collection that the
// family comparison runs.
func gollyFamilyFiles(t *testing.T) []string {
	all := os.Getenv("LIFE_GOLLY_ALL") != ""
	var files []string
	filepath.WalkDir(gollyPatterns, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		name := strings.TrimSuffix(path, ".gz")
		switch filepath.Ext(name) {
		case ".rle", ".lif", ".mc", ".cells", ".life":
		default:
			return nil
		}
		rel, _ := filepath.Rel(gollyPatterns, path)
		for _, dir := range familyDirs {
			if strings.HasPrefix(rel, dir+"/") {
				files = append(files, path)
				return nil
			}
		}
		p, err := patterns.ReadFile(path)
		if err != nil || p.Rule == "" {
			if all && err == nil {
				files = append(files, path)
			}
			return nil
		}
		r, err := engine.ParseRule(p.Rule)
		if err != nil || p.Notice != "" || r.MultiState() {
			// Rules of many states: TestGollyStates.
			return nil
		}
		if all || !(r.IsLife() && r.Topology.Kind == engine.Plane) {
			files = append(files, path)
		}
		return nil
	})
	return files
}

// TestGollyFamilies runs every file of Golly's Non-Totalistic, Life-Like
// and Life/Bounded-Grids folders, and every other file whose rule is in one
// of the two-state families (but Life on the plane), and checks that it
// loads and that its populations after 1, 10, 100 and 1000 generations
// equal bgolly's (QuickLife, or HashLife for macrocell), and its cells at
// generation 100. A LifeHistory file is compared with bgolly running what
// it is read as, a Life pattern.
func TestGollyFamilies(t *testing.T) {
	g, err := rulegen.NewGolly(t.TempDir())
	if err != nil {
		t.Skip(err)
	}
	files := gollyFamilyFiles(t)
	if len(files) == 0 {
		t.Skip("Golly's pattern collection is not installed")
	}
	last := checkGens[len(checkGens)-1]
	if testing.Short() || raceEnabled {
		// A third of the files, to generation 100.
		var some []string
		for i := 0; i < len(files); i += 3 {
			some = append(some, files[i])
		}
		files, last = some, cellsGen
	}
	var mu sync.Mutex
	jobs := make(chan int)
	var wg sync.WaitGroup
	compared := 0
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				msg := compareFamilyFile(t, g, files[i], last)
				mu.Lock()
				switch {
				case strings.HasPrefix(msg, skipped):
					t.Log(files[i] + msg)
				case msg != "":
					t.Error(msg)
				default:
					compared++
				}
				mu.Unlock()
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	t.Logf("%d of %d files agree with bgolly at generations %v up to %d", compared, len(files), checkGens, last)
}

// skipped starts the message of a file that is not compared.
const skipped = " skipped"

// compareFamilyFile runs one file in life and in bgolly and returns what
// differs, or "".
func compareFamilyFile(t *testing.T, g *rulegen.Golly, file string, last int) string {
	p, err := patterns.ReadFile(file)
	if err != nil {
		return fmt.Sprintf("%s: %v", file, err)
	}
	rle := ""
	algo := "QuickLife"
	if strings.HasSuffix(strings.TrimSuffix(file, ".gz"), ".mc") {
		algo = "HashLife"
	}
	// bgolly runs the file itself, or, when it was converted (a
	// LifeHistory file), what it was read as.
	data, err := os.ReadFile(file)
	if err != nil {
		return err.Error()
	}
	if p.Notice != "" || strings.HasSuffix(file, ".gz") {
		var b strings.Builder
		if err := patterns.WriteRLE(&b, p); err != nil {
			return fmt.Sprintf("%s: %v", file, err)
		}
		rle, algo = b.String(), "QuickLife"
	} else {
		rle = string(data)
	}
	want, err := g.Run(rle, algo, last, 1)
	if err != nil {
		return fmt.Sprintf("%s: %v", file, err)
	}
	at100, err := g.Run(rle, algo, cellsGen, cellsGen)
	if err != nil {
		return fmt.Sprintf("%s: %v", file, err)
	}
	u, err := Load(p, file, Settings{Engine: "auto", Plane: true, Gens: uint64(last)})
	if err != nil {
		return fmt.Sprintf("%s: %v", file, err)
	}
	if got := u.Eng.Population().Int64(); got != want.Pops[0] {
		return fmt.Sprintf("%s: %d cells loaded, bgolly %d", file, got, want.Pops[0])
	}
	if u.Implied {
		return skipped + ": no engine runs " + u.Eng.Rule().Name() + " on the plane"
	}
	done := 0
	for _, gen := range checkGens {
		if gen > last {
			break
		}
		if err := u.Eng.Step(context.Background(), uint64(gen-done)); err != nil {
			return fmt.Sprintf("%s: %v", file, err)
		}
		done = gen
		if got, w := u.Eng.Population().Int64(), want.Pops[gen]; got != w {
			return fmt.Sprintf("%s: generation %d: population %d, bgolly %d (%s on %s)", file, gen, got, w, u.Eng.Rule(), u.Eng.Name())
		}
		if gen == cellsGen {
			var cells []rulegen.Cell
			if box, ok := u.Eng.Bounds(); ok {
				u.Eng.Visit(box, func(y, x int64) { cells = append(cells, rulegen.Cell{Y: y, X: x}) })
			}
			if got := rulegen.Normalize(cells); !slices.Equal(got, at100.Cells) {
				return fmt.Sprintf("%s: generation %d: the cells differ from bgolly's", file, gen)
			}
		}
	}
	return ""
}

// TestPlacementAgainstGolly loads patterns that do not fit their bounded
// grids, as Golly places and clips them, on every engine that runs the
// grid, and checks the populations of the first generations and the cells
// against bgolly's: a block larger than its torus (Golly puts it at the
// grid's corner and clips it), and soups whose #CXRLE Pos puts most of them
// beyond the edges (Golly keeps those cells for a generation).
func TestPlacementAgainstGolly(t *testing.T) {
	g, err := rulegen.NewGolly(t.TempDir())
	if err != nil {
		t.Skip(err)
	}
	rng := rand.New(rand.NewPCG(4, 4))
	soup := rulegen.Soup(rng, 20, 16, 0.5)
	cases := []string{
		"x = 12, y = 10, rule = B3/S23:T10,8\n" + strings.Repeat("12o$", 9) + "12o!\n",
		"x = 30, y = 3, rule = B36/S23:P20,20\n30o$2o28b3o$30o!\n",
		rulegen.RLE(soup, 20, 16, 0, 0, "B3/S23:T20,16"),
		rulegen.RLE(soup, 20, 16, 3, -9, "B3/S23:P20,16"),
		rulegen.RLE(soup, 20, 16, -14, 2, "B2-a/S12:K20*,16"),
		rulegen.RLE(soup, 20, 16, 5, 5, "B03/S23:T24,20"),
		rulegen.RLE(soup, 20, 16, -100, 0, "B3/S23:T20,16"),
	}
	for _, rle := range cases {
		p, err := patterns.ReadRLE("case.rle", strings.NewReader(rle))
		if err != nil {
			t.Fatal(err)
		}
		want, err := g.Run(rle, "QuickLife", 5, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range engine.Algos() {
			r, _ := engine.ParseRule(p.Rule)
			if a.Runs(r) != nil {
				continue
			}
			u, err := Load(p, "case.rle", Settings{Engine: a.Name})
			if err != nil {
				t.Fatalf("%s on %s: %v", p.Rule, a.Name, err)
			}
			for gen := 0; gen <= 5; gen++ {
				if gen > 0 {
					if err := u.Eng.Step(context.Background(), 1); err != nil {
						t.Fatal(err)
					}
				}
				if got := u.Eng.Population().Int64(); got != want.Pops[gen] {
					t.Errorf("%s on %s: generation %d: population %d, bgolly %d", p.Rule, a.Name, gen, got, want.Pops[gen])
				}
			}
			var cells []rulegen.Cell
			if box, ok := u.Eng.Bounds(); ok {
				u.Eng.Visit(box, func(y, x int64) { cells = append(cells, rulegen.Cell{Y: y, X: x}) })
			}
			if !slices.Equal(rulegen.Normalize(cells), want.Cells) {
				t.Errorf("%s on %s: the cells at generation 5 differ from bgolly's", p.Rule, a.Name)
			}
		}
	}
}

// TestGenerationParityAgainstGolly loads soups of B0 rules without Smax
// whose #CXRLE Gen is odd or even, on every engine that runs them: the
// file's generation's parity chooses the rule of the next step, as in
// Golly, so the populations and cells after it equal bgolly's. A universe
// saved at an odd generation and loaded again, or moved to another
// engine, steps on as bgolly does too.
func TestGenerationParityAgainstGolly(t *testing.T) {
	g, err := rulegen.NewGolly(t.TempDir())
	if err != nil {
		t.Skip(err)
	}
	rng := rand.New(rand.NewPCG(12, 1))
	soup := rulegen.Soup(rng, 12, 10, 0.5)
	const steps = 5
	for _, c := range []struct {
		rule string
		gen  int
	}{
		{"B0137/S0256", 1}, {"B0137/S0256", 4}, {"B01-c3/S02ak6:T30,24", 7},
		{"B02/S1V:P20,20", 3}, {"B013/S35H:K30*,24", 9},
	} {
		rle := strings.Replace(rulegen.RLE(soup, 12, 10, -5, -6, c.rule), "#CXRLE Pos=-5,-6", fmt.Sprintf("#CXRLE Pos=-5,-6 Gen=%d", c.gen), 1)
		if !strings.Contains(rle, fmt.Sprintf("Gen=%d", c.gen)) {
			t.Fatalf("no #CXRLE line in\n%s", rle)
		}
		want, err := g.Run(rle, "QuickLife", c.gen+2*steps, 1)
		if err != nil {
			t.Fatal(err)
		}
		end, err := g.Run(rle, "QuickLife", c.gen+2*steps, 2*steps)
		if err != nil {
			t.Fatal(err)
		}
		p, err := patterns.ReadRLE("case.rle", strings.NewReader(rle))
		if err != nil {
			t.Fatal(err)
		}
		r, _ := engine.ParseRule(p.Rule)
		for _, a := range engine.Algos() {
			if a.Runs(r) != nil {
				continue
			}
			u, err := Load(p, "case.rle", Settings{Engine: a.Name, Plane: true, Gens: 2 * steps})
			if err != nil {
				t.Fatalf("%s on %s: %v", c.rule, a.Name, err)
			}
			if u.Implied {
				continue
			}
			check := func(what string, u Universe, from int) {
				for i := 0; i < steps; i++ {
					if err := u.Eng.Step(context.Background(), 1); err != nil {
						t.Fatal(err)
					}
					gen := from + i + 1
					if got := u.Gen().Int64(); got != int64(gen) {
						t.Fatalf("%s on %s, %s: generation %d, want %d", c.rule, a.Name, what, got, gen)
					}
					if got := u.Eng.Population().Int64(); got != want.Pops[gen] {
						t.Errorf("%s on %s, %s: generation %d: population %d, bgolly %d", c.rule, a.Name, what, gen, got, want.Pops[gen])
					}
				}
			}
			check("loaded", u, c.gen)
			// Saved at generation gen+steps and loaded again.
			var b strings.Builder
			if err := patterns.WriteRLE(&b, u.Pattern(true)); err != nil {
				t.Fatal(err)
			}
			q, err := patterns.ReadRLE("saved.rle", strings.NewReader(b.String()))
			if err != nil {
				t.Fatal(err)
			}
			v, err := Load(q, "saved.rle", Settings{Engine: a.Name, Plane: true, Gens: steps})
			if err != nil {
				t.Fatal(err)
			}
			// Moved to a fresh engine of the same kind, as the UI does.
			e, err := engine.New(a.Name, v.Eng.Rule(), engine.Options{})
			if err != nil {
				t.Fatal(err)
			}
			w := v.MoveTo(e)
			check("saved, loaded and moved", w, c.gen+steps)
			var cells []rulegen.Cell
			if box, ok := w.Eng.Bounds(); ok {
				w.Eng.Visit(box, func(y, x int64) { cells = append(cells, rulegen.Cell{Y: y, X: x}) })
			}
			if !slices.Equal(rulegen.Normalize(cells), end.Cells) {
				t.Errorf("%s on %s: the cells at generation %d differ from bgolly's", c.rule, a.Name, c.gen+2*steps)
			}
		}
	}
}
