package universe

import (
	"context"
	"fmt"
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

// stateDirs are the folders of Golly's collection of rules of many
// states, and the algorithm bgolly runs their files with.
var stateDirs = map[string]string{"Generations": "Generations", "Larger-than-Life": "Larger than Life"}

// stateGens are the generations at which populations are compared; cells
// (with their states) are compared at stateCellsGen.
var stateGens = []int{1, 10, 100, 500}

const stateCellsGen = 100

// heavyStateFiles take bgolly a minute or more (range 100 and 500 bugs):
// they run with LIFE_GOLLY_ALL=1 (LIFE_GOLLY_ALL=1
// LIFE_GOLLY_ONLY=R500-alien-bug.rle,R100-NN-bug.rle runs only them).
var heavyStateFiles = map[string]bool{"R500-alien-bug.rle": true, "R100-NN-bug.rle": true}

// TestGollyStates loads every file of Golly's Generations and
// Larger-than-Life folders (MCell and extended RLE) and checks that its
// populations after 1, 10, 100 and 500 generations equal bgolly's (run
// with the algorithm the folder is for), and its cells with their states
// at generation 100.
func TestGollyStates(t *testing.T) {
	g, err := rulegen.NewGolly(t.TempDir())
	if err != nil {
		t.Skip(err)
	}
	all := os.Getenv("LIFE_GOLLY_ALL") != ""
	// LIFE_GOLLY_ONLY, a comma-separated list of file names, runs only
	// those.
	only := map[string]bool{}
	for _, f := range strings.Split(os.Getenv("LIFE_GOLLY_ONLY"), ",") {
		if f != "" {
			only[f] = true
		}
	}
	var files []string
	for dir := range stateDirs {
		fs, _ := filepath.Glob(filepath.Join(gollyPatterns, dir, "*"))
		for _, f := range fs {
			if len(only) > 0 && !only[filepath.Base(f)] {
				continue
			}
			if all || !heavyStateFiles[filepath.Base(f)] {
				files = append(files, f)
			}
		}
	}
	if len(files) == 0 {
		t.Skip("Golly's pattern collection is not installed")
	}
	slices.Sort(files)
	if raceEnabled && len(only) == 0 {
		// Under the race detector (three minutes on a loaded two-core
		// machine for every file), every fourth file of the sorted list
		// (nine: both folders, MCell and RLE, bounded grids and the
		// plane); the normal run checks them all.
		var some []string
		for i, f := range files {
			if i%4 == 0 {
				some = append(some, f)
			}
		}
		files = some
	}
	tmp := t.TempDir()
	var mu sync.Mutex
	jobs := make(chan int)
	var wg sync.WaitGroup
	compared := 0
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				msg := compareStateFile(g, files[i], filepath.Join(tmp, fmt.Sprint(i)))
				mu.Lock()
				if msg != "" {
					t.Error(msg)
				} else {
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
	t.Logf("%d of %d files agree with bgolly at generations %v", compared, len(files), stateGens)
}

// compareStateFile runs one file in life and in bgolly and returns what
// differs, or "".
func compareStateFile(g *rulegen.Golly, file, tmp string) string {
	algo := stateDirs[filepath.Base(filepath.Dir(file))]
	last := stateGens[len(stateGens)-1]
	os.MkdirAll(tmp, 0o755)
	want, err := g.RunFile(file, filepath.Join(tmp, "last.rle"), algo, last, 1)
	if err != nil {
		return fmt.Sprintf("%s: %v", file, err)
	}
	at100, err := g.RunFile(file, filepath.Join(tmp, "100.rle"), algo, stateCellsGen, 1)
	if err != nil {
		return fmt.Sprintf("%s: %v", file, err)
	}
	p, err := patterns.ReadFile(file)
	if err != nil {
		return fmt.Sprintf("%s: %v", file, err)
	}
	u, err := Load(p, file, Settings{Engine: "auto", Plane: true, Gens: uint64(last)})
	if err != nil {
		return fmt.Sprintf("%s: %v", file, err)
	}
	if got := u.Eng.Rule().String(); got != want.Rule {
		return fmt.Sprintf("%s: rule %s, bgolly %s", file, got, want.Rule)
	}
	if got := u.Eng.Population().Int64(); got != want.Pops[0] {
		return fmt.Sprintf("%s: %d cells loaded, bgolly %d", file, got, want.Pops[0])
	}
	done := 0
	for _, gen := range stateGens {
		if err := u.Eng.Step(context.Background(), uint64(gen-done)); err != nil {
			return fmt.Sprintf("%s: %v", file, err)
		}
		done = gen
		if got, w := u.Eng.Population().Int64(), want.Pops[gen]; got != w {
			return fmt.Sprintf("%s: generation %d: population %d, bgolly %d (%s on %s)", file, gen, got, w, u.Eng.Rule(), u.Eng.Name())
		}
		if gen == stateCellsGen {
			var cells []rulegen.StateCell
			if box, ok := u.Eng.Bounds(); ok {
				engine.VisitStatesOf(u.Eng, box, func(y, x int64, s engine.State) {
					cells = append(cells, rulegen.StateCell{Y: y, X: x, S: uint8(s)})
				})
			}
			if got := rulegen.NormalizeStates(cells); !slices.Equal(got, rulegen.NormalizeStates(at100.Cells)) {
				return fmt.Sprintf("%s: generation %d: the cells differ from bgolly's (%d and %d)", file, gen, len(got), len(at100.Cells))
			}
			if msg := roundTrip(g, file, tmp, algo, u, cells); msg != "" {
				return msg
			}
		}
	}
	return ""
}

// roundTrip writes u as life saves it (extended RLE) and checks that bgolly
// reads it back with the same cells; and reads what bgolly wrote at
// generation 100 (in tmp) and checks that life reads the same cells.
func roundTrip(g *rulegen.Golly, file, tmp, algo string, u Universe, cells []rulegen.StateCell) string {
	mine := filepath.Join(tmp, "life.rle")
	var b strings.Builder
	if err := patterns.WriteRLE(&b, u.Pattern(false)); err != nil {
		return fmt.Sprintf("%s: writing: %v", file, err)
	}
	if err := os.WriteFile(mine, []byte(b.String()), 0o644); err != nil {
		return err.Error()
	}
	back, err := g.RunFile(mine, filepath.Join(tmp, "back.rle"), algo, 0, 1)
	if err != nil {
		return fmt.Sprintf("%s: bgolly reading life's RLE: %v", file, err)
	}
	if got, want := rulegen.NormalizeStates(back.Cells), rulegen.NormalizeStates(cells); !slices.Equal(got, want) {
		return fmt.Sprintf("%s: bgolly reads life's RLE with other cells (%d, life %d)", file, len(got), len(want))
	}
	if back.Rule != u.Eng.Rule().String() {
		return fmt.Sprintf("%s: bgolly reads life's RLE with rule %s, life %s", file, back.Rule, u.Eng.Rule())
	}
	p, err := patterns.ReadFile(filepath.Join(tmp, "100.rle"))
	if err != nil {
		return fmt.Sprintf("%s: reading bgolly's RLE: %v", file, err)
	}
	var got []rulegen.StateCell
	for i, r := range p.Runs {
		for x := r.X; x < r.X+r.N; x++ {
			got = append(got, rulegen.StateCell{Y: r.Y, X: x, S: p.StateOf(i)})
		}
	}
	if want := rulegen.NormalizeStates(cells); !slices.Equal(rulegen.NormalizeStates(got), want) {
		return fmt.Sprintf("%s: life reads bgolly's RLE with other cells (%d, bgolly %d)", file, len(got), len(want))
	}
	if algo != "Generations" {
		return "" // Golly's Larger than Life writes no macrocell
	}
	// Macrocell with leaves of many states, both ways.
	var mc strings.Builder
	if err := patterns.WriteMacrocell(&mc, u.Pattern(false)); err != nil {
		return fmt.Sprintf("%s: writing macrocell: %v", file, err)
	}
	mineMC := filepath.Join(tmp, "life.mc")
	if err := os.WriteFile(mineMC, []byte(mc.String()), 0o644); err != nil {
		return err.Error()
	}
	back, err = g.RunFile(mineMC, filepath.Join(tmp, "backmc.rle"), algo, 0, 1)
	if err != nil {
		return fmt.Sprintf("%s: bgolly reading life's macrocell: %v", file, err)
	}
	if got, want := rulegen.NormalizeStates(back.Cells), rulegen.NormalizeStates(cells); !slices.Equal(got, want) {
		return fmt.Sprintf("%s: bgolly reads life's macrocell with other cells (%d, life %d)", file, len(got), len(want))
	}
	theirs := filepath.Join(tmp, "100.mc")
	if err := g.Write(file, theirs, algo, stateCellsGen); err != nil {
		return fmt.Sprintf("%s: %v", file, err)
	}
	p, err = patterns.ReadFile(theirs)
	if err != nil {
		return fmt.Sprintf("%s: reading bgolly's macrocell: %v", file, err)
	}
	got = got[:0]
	for i, r := range p.Runs {
		for x := r.X; x < r.X+r.N; x++ {
			got = append(got, rulegen.StateCell{Y: r.Y, X: x, S: p.StateOf(i)})
		}
	}
	if want := rulegen.NormalizeStates(cells); !slices.Equal(rulegen.NormalizeStates(got), want) {
		return fmt.Sprintf("%s: life reads bgolly's macrocell with other cells (%d, bgolly %d)", file, len(got), len(want))
	}
	return ""
}
