package patterns

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// absolute returns p's live cells where [Pattern.TopLeft] puts them, as
// runs.
func absolute(p *Pattern) []Run {
	y0, x0 := p.TopLeft()
	out := make([]Run, len(p.Runs))
	for i, r := range p.Runs {
		out[i] = Run{r.Y + y0, r.X + x0, r.N}
	}
	return out
}

// relative returns p's live cells with their bounding box at (0, 0).
func relative(p *Pattern) []Run {
	top, left, _, _, _ := p.Bounds()
	out := make([]Run, len(p.Runs))
	for i, r := range p.Runs {
		out[i] = Run{r.Y - top, r.X - left, r.N}
	}
	return out
}

// keeps says what a format keeps of a pattern.
type keeps struct {
	position, gen bool
	defaultRule   string // the rule written for a pattern with none
}

var formatKeeps = map[string]keeps{
	"RLE":       {position: true, gen: true, defaultRule: "B3/S23"},
	"macrocell": {position: true, gen: true, defaultRule: "B3/S23"},
	"plaintext": {},
	"Life 1.06": {position: true},
}

// sameAfterWriting says how q, read back from what the named format wrote
// of p, differs from p in what the format keeps; "" when it does not.
func sameAfterWriting(format string, p, q *Pattern) string {
	k := formatKeeps[format]
	var diffs []string
	// A pattern without a position may move: on the unbounded plane that
	// changes nothing, and Golly writes it at its bounding box too.
	if k.position && p.Positioned {
		if a, b := absolute(p), absolute(q); !slices.Equal(a, b) {
			diffs = append(diffs, fmt.Sprintf("cells %v, want %v", trim(b), trim(a)))
		}
	} else if a, b := relative(p), relative(q); !slices.Equal(a, b) {
		diffs = append(diffs, fmt.Sprintf("cells %v, want %v", trim(b), trim(a)))
	}
	rule := p.Rule
	if rule == "" {
		rule = k.defaultRule
	}
	if q.Rule != rule {
		diffs = append(diffs, fmt.Sprintf("rule %q, want %q", q.Rule, rule))
	}
	if q.Name != p.Name || q.Author != p.Author || !slices.Equal(q.Comments, p.Comments) {
		diffs = append(diffs, fmt.Sprintf("name %q author %q comments %q, want %q %q %q", q.Name, q.Author, q.Comments, p.Name, p.Author, p.Comments))
	}
	if sa, sb := statesOf(p), statesOf(q); !slices.Equal(sa, sb) {
		diffs = append(diffs, fmt.Sprintf("states %v, want %v", sb, sa))
	}
	if k.gen && q.Gen != p.Gen {
		diffs = append(diffs, fmt.Sprintf("generation %q, want %q", q.Gen, p.Gen))
	}
	return strings.Join(diffs, "; ")
}

func trim(r []Run) []Run {
	if len(r) > 8 {
		return r[:8]
	}
	return r
}

// roundTrip writes p in every format that can hold it and reads it back,
// reporting what differs.
func roundTrip(t *testing.T, name string, p *Pattern) {
	t.Helper()
	for _, f := range Formats() {
		if f.Write == nil {
			continue
		}
		if _, _, h, w, _ := p.Bounds(); f.Name == "plaintext" && (h > 1<<16 || w > 1<<16 || h*w > 1<<18) {
			continue // megabytes of dots: slow to write, and tested on smaller boxes
		}
		if f.Name == "macrocell" && p.Population() > DefaultLimits.Runs {
			continue // a macrocell file's limit counts cells, not runs
		}
		if f.Name == "Life 1.06" && p.Population() > 1<<14 {
			continue // a line a cell: slow to write, and tested on fewer cells
		}
		var b bytes.Buffer
		if err := formatWriter(f, false)(nil, &b, p, nil, Limits{}); err != nil {
			if f.Name == "plaintext" && strings.Contains(err.Error(), "too large") {
				continue
			}
			if errors.Is(err, ErrStates) && p.MultiState() {
				continue // two states only: refused, as it should be
			}
			t.Errorf("%s: write %s: %v", name, f.Name, err)
			continue
		}
		q, err := Read(name+" as "+f.Name, bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Errorf("%s: reading what %s wrote: %v\n%s", name, f.Name, err, head(b.String()))
			continue
		}
		if diff := sameAfterWriting(f.Name, p, q); diff != "" {
			t.Errorf("%s: through %s: %s\n%s", name, f.Name, diff, head(b.String()))
		}
	}
}

func head(s string) string {
	if len(s) > 600 {
		return s[:600] + "..."
	}
	return s
}

// seedFiles returns the committed pattern files: testdata and the library.
func seedFiles(t testing.TB) map[string][]byte {
	files := map[string][]byte{}
	for _, dir := range []string{"testdata", "library"} {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.Contains(path, string(filepath.Separator)+"fuzz") {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			files[path] = data
			return nil
		})
	}
	return files
}

func TestRoundTrip(t *testing.T) {
	for path, data := range seedFiles(t) {
		p, err := Read(path, bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		roundTrip(t, path, p)
	}
}

// fuzzRoundTrip is the property every fuzz target checks: reading never
// panics, and what reads writes and reads back the same.
func fuzzRoundTrip(t *testing.T, read func(string, []byte) (*Pattern, error), data []byte) {
	if os.Getenv("FUZZ_SLOW") != "" {
		start := time.Now()
		defer func() {
			if d := time.Since(start); d > time.Second {
				t.Fatalf("slow: %v", d)
			}
		}()
	}
	p, err := read("fuzz", data)
	if err != nil {
		if _, ok := err.(*Error); !ok {
			t.Fatalf("error of type %T: %v", err, err)
		}
		return
	}
	roundTrip(t, "fuzz", p)
}

func addSeeds(f *testing.F, sniff func(string) bool) {
	old := DefaultLimits
	DefaultLimits.Runs, DefaultLimits.Nodes = 1<<16, 1<<16
	f.Cleanup(func() { DefaultLimits = old })
	for path, data := range seedFiles(f) {
		if first := firstLine(data); sniff == nil || first != "" && sniff(first) {
			f.Add(data)
		}
		_ = path
	}
}

func readAny(name string, data []byte) (*Pattern, error) { return Read(name, bytes.NewReader(data)) }

// reader returns a format's reader as the fuzz targets call it.
func reader(read func(string, []byte, *ReadOptions) (*Pattern, error)) func(string, []byte) (*Pattern, error) {
	return func(name string, data []byte) (*Pattern, error) { return read(name, data, &ReadOptions{}) }
}

func FuzzRead(f *testing.F) {
	addSeeds(f, nil)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRoundTrip(t, readAny, data) })
}

func FuzzRLE(f *testing.F) {
	addSeeds(f, sniffRLE)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRoundTrip(t, reader(readRLE), data) })
}

func FuzzMacrocell(f *testing.F) {
	addSeeds(f, sniffMacrocell)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRoundTrip(t, reader(readMacrocell), data) })
}

func FuzzPlaintext(f *testing.F) {
	addSeeds(f, sniffPlaintext)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRoundTrip(t, reader(readPlaintext), data) })
}

// statesOf returns the state of each cell, in order (none for two states).
func statesOf(p *Pattern) []uint8 {
	if !p.MultiState() {
		return nil
	}
	var out []uint8
	for i, r := range p.Runs {
		for range r.N {
			out = append(out, p.StateOf(i))
		}
	}
	return out
}

func FuzzMCell(f *testing.F) {
	addSeeds(f, sniffMCell)
	for _, s := range []string{
		"#MCell 4.20\n#GAME Generations\n#RULE 345/2/4\n#BOARD 50x40\n#WRAP 0\n#D hi\n#L 3.A$ABC$2.bD\n",
		"#MCell 2.0\n#GAME Larger than Life\n#RULE R5,C0,M1,S34..58,B34..45,NM\n#L 29.A$27.5A$25.5A.AA\n",
		"#MCell 2.0\n#GAME Life\n#RULE 23/3\n#L AA$AA\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRoundTrip(t, reader(readMCell), data) })
}

func FuzzRLEStates(f *testing.F) {
	for _, s := range []string{
		"x = 4, y = 2, rule = 345/2/4\nA.BC$2D.A!\n",
		"#CXRLE Pos=-3,2 Gen=7\nx = 3, y = 3, rule = /2/256\n.pA.$qX2yO$3A!\n",
		"x = 2, y = 1, rule = R2,C9,M0,S1..3,B2..4,NN:T20,20\nHI!\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRoundTrip(t, reader(readRLE), data) })
}

func FuzzLife(f *testing.F) {
	addSeeds(f, func(first string) bool { return sniffLife105(first) || sniffLife106(first) })
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRoundTrip(t, reader(readLife), data) })
}
