package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// gollyDirs are the parts of Golly's pattern collection the comparison
// reads: every Life pattern, and the HashLife examples (macrocell files,
// mostly B3/S23).
var gollyDirs = []string{"/usr/share/golly/Patterns/Life", "/usr/share/golly/Patterns/HashLife"}

// maxCompared bounds the cells of the patterns compared: the largest of
// Golly's Life patterns has 133,510; two HashLife examples of millions of
// cells would only slow the test (under the race detector, by minutes).
const maxCompared = 1 << 20

// bgollyPopulation returns the population bgolly reports for file at
// generation 0, reading it with HashLife (which also reads macrocell).
func bgollyPopulation(bgolly, file string) (int64, error) {
	out, err := exec.Command(bgolly, "-a", "HashLife", "-m", "0", file).CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("bgolly %s: %v\n%s", file, err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	last := lines[len(lines)-1]
	n, ok := strings.CutPrefix(last, "0: ")
	if !ok {
		return 0, fmt.Errorf("bgolly %s: %q", file, last)
	}
	return strconv.ParseInt(strings.ReplaceAll(n, ",", ""), 10, 64)
}

// isLife reports whether p's rule is B3/S23 with no suffix or a torus one.
func isLife(p *patterns.Pattern) bool {
	if p.Notice != "" {
		return false // converted from another rule
	}
	if p.Rule == "" {
		return true
	}
	r, err := engine.ParseRule(p.Rule)
	if err != nil {
		return false
	}
	return r.Birth == engine.Life.Birth && r.Survive == engine.Life.Survive &&
		(r.Topology.Kind == engine.Plane || r.Topology.Kind == engine.Torus)
}

// TestGollyCollection reads every B3/S23 pattern of Golly's collection
// (.rle, .lif, .mc and their .gz) and checks that it has the population
// bgolly reports, and that what "life run --gens 0 -o OUT" writes as RLE
// and as macrocell, bgolly reads back with the same population.
func TestGollyCollection(t *testing.T) {
	bgolly, err := exec.LookPath("bgolly")
	if err != nil {
		t.Skip("bgolly is not installed (apt-get install golly)")
	}
	var files []string
	for _, dir := range gollyDirs {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			name := strings.TrimSuffix(path, ".gz")
			switch filepath.Ext(name) {
			case ".rle", ".lif", ".mc":
				files = append(files, path)
			}
			return nil
		})
	}
	if len(files) == 0 {
		t.Skip("Golly's pattern collection is not installed")
	}
	tmp := t.TempDir()
	var mu sync.Mutex
	compared, skipped := 0, 0
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				file := files[i]
				msg, ok := compareWithGolly(t, bgolly, file, filepath.Join(tmp, strconv.Itoa(i)))
				mu.Lock()
				switch {
				case msg != "" && ok:
					t.Log(msg)
					skipped++
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
	t.Logf("%d files read and written with bgolly's populations; %d skipped", compared, skipped)
	if compared < 100 {
		t.Errorf("only %d files compared", compared)
	}
}

// compareWithGolly checks one file; it returns "" when all agrees, and
// otherwise what differs, with ok true when the file is not one the test
// compares (another rule, or past the readers' limits).
func compareWithGolly(t *testing.T, bgolly, file, out string) (msg string, ok bool) {
	p, err := patterns.ReadFile(file)
	if err != nil {
		var pe *patterns.Error
		if errors.As(err, &pe) && strings.Contains(pe.Msg, "limit") {
			return fmt.Sprintf("%s: skipped: %v", file, err), true
		}
		return fmt.Sprintf("%s: %v", file, err), false
	}
	if p.Population() > maxCompared {
		return fmt.Sprintf("%s: skipped: %d cells, more than the %d this test takes the time to convert", file, p.Population(), maxCompared), true
	}
	if !isLife(p) {
		return fmt.Sprintf("%s: skipped: rule %q is not B3/S23 (%s)", file, p.Rule, p.Notice), true
	}
	want, err := bgollyPopulation(bgolly, file)
	if err != nil {
		return err.Error(), false
	}
	if got := p.Population(); got != want {
		return fmt.Sprintf("%s: population %d, bgolly reads %d", file, got, want), false
	}
	for _, ext := range []string{".rle", ".mc"} {
		o := out + ext
		code, _, errs := life(t, "", "run", "--gens", "0", "-o", o, file)
		if code != 0 {
			return fmt.Sprintf("%s: life run --gens 0 -o %s: exit %d: %s", file, ext, code, errs), false
		}
		got, err := bgollyPopulation(bgolly, o)
		if err != nil {
			return err.Error(), false
		}
		if got != want {
			return fmt.Sprintf("%s: bgolly reads %d cells from our %s, %d from the original", file, got, ext, want), false
		}
		os.Remove(o)
	}
	return "", false
}
