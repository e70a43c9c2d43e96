package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/life-go/life/patterns"
)

func TestPatternsCommand(t *testing.T) {
	code, out, errs := life(t, "", "patterns")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || errs != "" || len(lines) < 51 {
		t.Fatalf("exit %d, %d lines, stderr %q", code, len(lines), errs)
	}
	if strings.Join(strings.Fields(lines[0]), " ") != "NAME KIND PERIOD SIZE RULE" {
		t.Errorf("header %q", lines[0])
	}
	want := map[string]string{
		"glider":            "glider spaceship 4 3x3 B3/S23",
		"pentadecathlon":    "pentadecathlon oscillator 15 10x3 B3/S23",
		"gosper-glider-gun": "gosper-glider-gun gun 30 36x9 B3/S23",
		"r-pentomino":       "r-pentomino methuselah - 3x3 B3/S23",
	}
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		if w, ok := want[f[0]]; ok {
			if got := strings.Join(strings.Fields(strings.Replace(l, "still life", "still-life", 1)), " "); got != w {
				t.Errorf("%q, want %q", got, w)
			}
			delete(want, f[0])
		}
	}
	if len(want) != 0 {
		t.Errorf("not listed: %v", want)
	}
}

func TestBuiltinNames(t *testing.T) {
	// A built-in name where a file is expected.
	code, out, errs := life(t, "", "run", "--gens", "4", "--torus", "8x8", "glider")
	if want := "#N Glider\n#C kind: spaceship\n#C period: 4\n#C displacement: 1 1\n#C source: written by hand from the well-known pattern (LifeWiki)\nx = 3, y = 3, rule = B3/S23:T8,8\nbo$2bo$3o!\n"; code != 0 || out != want || errs != "" {
		t.Errorf("exit %d\n%s\nstderr %q\nwant:\n%s", code, out, errs, want)
	}
	// A file of that name wins.
	t.Chdir(t.TempDir())
	os.WriteFile("glider", []byte("x = 2, y = 2\n2o$2o!\n"), 0o644)
	code, out, _ = life(t, "", "run", "--gens", "0", "glider")
	if code != 0 || out != "x = 2, y = 2, rule = B3/S23\n2o$2o!\n" {
		t.Errorf("file named glider: exit %d\n%s", code, out)
	}
}

// TestRunWritesEveryFormat converts a positioned pattern into every format
// by the output's extension, and reads each back.
func TestRunWritesEveryFormat(t *testing.T) {
	dir := t.TempDir()
	src := "../../patterns/testdata/two.lif"
	orig, err := patterns.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"out.rle", "out.mc", "out.cells", "out.lif", "out.rle.gz", "out.mc.gz"} {
		out := filepath.Join(dir, name)
		code, stdout, errs := life(t, "", "run", "--gens", "0", "-o", out, src)
		if code != 0 || stdout != "" || errs != "" {
			t.Errorf("%s: exit %d %q %q", name, code, stdout, errs)
			continue
		}
		p, err := patterns.ReadFile(out)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if p.Population() != orig.Population() || !slices.Equal(p.Comments, orig.Comments) {
			t.Errorf("%s: population %d comments %q, want %d %q", name, p.Population(), p.Comments, orig.Population(), orig.Comments)
		}
		if name != "out.cells" {
			y, x := p.TopLeft()
			if wy, wx := orig.TopLeft(); y != wy || x != wx {
				t.Errorf("%s: top-left (%d, %d), want (%d, %d)", name, y, x, wy, wx)
			}
		}
		data, _ := os.ReadFile(out)
		if gz := strings.HasSuffix(name, ".gz"); gz != (len(data) > 2 && data[0] == 0x1f && data[1] == 0x8b) {
			t.Errorf("%s: compressed %v", name, !gz)
		}
	}
	code, _, errs := life(t, "", "run", "--gens", "0", "-o", filepath.Join(dir, "out.png"), src)
	if want := "life: -o: " + filepath.Join(dir, "out.png") + `: unknown pattern file extension ".png", want one of .mc, .lif, .life, .rle, .cells (and .gz after it to compress)` + "\n"; code != 2 || errs != want {
		t.Errorf("out.png: exit %d %q", code, errs)
	}
}

// TestRunKeepsPositions runs positioned patterns: the result stays where
// Golly would have it, with its generation count.
func TestRunKeepsPositions(t *testing.T) {
	for _, tc := range []struct{ args, want string }{
		{"--gens 4 ../../patterns/testdata/glider-pos.rle", "#CXRLE Pos=0,0 Gen=16\n#N Glider\nx = 3, y = 3, rule = B3/S23:T16,16\nbo$2bo$3o!\n"},
		{"--gens 8 ../../patterns/testdata/two.lif", "#CXRLE Pos=1,0 Gen=8\n#C A glider and a blinker\nx = 12, y = 4, rule = B3/S23\n9b3o$bo$2bo$3o!\n"},
	} {
		code, out, errs := life(t, "", append([]string{"run"}, strings.Fields(tc.args)...)...)
		if code != 0 || out != tc.want || errs != "" {
			t.Errorf("life run %s: exit %d\n%s\nstderr %q\nwant:\n%s", tc.args, code, out, errs, tc.want)
		}
	}
}

func TestRunNotice(t *testing.T) {
	code, out, errs := life(t, "", "run", "--gens", "0", "../../patterns/testdata/history.rle")
	if code != 0 || out != "x = 5, y = 2, rule = B3/S23\nb2o$o3bo!\n" ||
		errs != "life: ../../patterns/testdata/history.rle: LifeHistory pattern read as Life (B3/S23): states 1, 3 and 5 alive, 2, 4 and 6 dropped\n" {
		t.Errorf("exit %d\n%s\nstderr %q", code, out, errs)
	}
}

// TestConvertHugeSparse converts a pattern far too large for any torus,
// which --gens 0 does without an engine.
func TestConvertHugeSparse(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sparse.mc")
	code, _, errs := life(t, "", "run", "--gens", "0", "--stats", "-o", out, "../../patterns/testdata/sparse.rle")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d %q", code, errs)
	}
	p, err := patterns.ReadFile(out)
	if err != nil || p.Population() != 4 {
		t.Errorf("read back: %v, population %d", err, p.Population())
	}
}

// TestConvertChecksFlags checks that --gens 0, which runs no engine, still
// refuses what it would refuse with generations to run.
func TestConvertChecksFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"run", "--gens", "0", "--engine", "warp", "glider"}, `life: unknown engine "warp", want one of ` + engineNames() + "\n"},
		{[]string{"run", "--gens", "0", "--rule", "B9/S23", "glider"}, `life: --rule: rule "B9/S23": digit greater than neighborhood allows (9)` + "\n"},
		{[]string{"run", "--gens", "0", "--torus", "0x5", "glider"}, `life: --torus: size "0x5": want WxH with whole numbers from 1, such as 64x48` + "\n"},
	} {
		code, _, errs := life(t, "", tc.args...)
		if code != 2 || errs != tc.msg {
			t.Errorf("%v: exit %d %q, want %q", tc.args, code, errs, tc.msg)
		}
	}
	code, out, _ := life(t, "", "run", "--gens", "0", "--stats", "../../patterns/testdata/glider-pos.rle")
	if code != 0 || out != "generation=0 population=5\n" {
		t.Errorf("--stats: exit %d %q", code, out)
	}
}

// TestLibraryFactsOnBitwise checks the library's facts of populations
// through the command line on the bitwise engine, as the patterns package's
// own test checks them on its plain stepper: the two agree.
func TestLibraryFactsOnBitwise(t *testing.T) {
	checked := 0
	for _, e := range patterns.Library() {
		for _, fact := range e.Facts {
			var pop, gen, w, h int
			var torus string
			switch {
			case scanFact(fact, "population %d at generation %d on a %dx%d torus", &pop, &gen, &w, &h):
				torus = fmt.Sprintf("%dx%d", w, h)
			case scanFact(fact, "population %d at generation %d", &pop, &gen):
				// A torus the plane's equal for gen generations.
				pw, ph := e.Pattern().Size()
				torus = fmt.Sprintf("%dx%d", int(pw)+2*gen+2, int(ph)+2*gen+2)
			case scanFact(fact, "dies at generation %d", &gen):
				pw, ph := e.Pattern().Size()
				torus = fmt.Sprintf("%dx%d", int(pw)+2*gen+2, int(ph)+2*gen+2)
			default:
				continue
			}
			code, out, errs := life(t, "", "run", "--engine", "bitwise", "--quiet", "--stats", "--torus", torus, "--gens", fmt.Sprint(gen), e.Name)
			if want := fmt.Sprintf("generation=%d population=%d\n", gen, pop); code != 0 || out != want {
				t.Errorf("%s: %s: exit %d %q %s", e.Name, fact, code, out, errs)
			}
			checked++
		}
	}
	if checked < 15 {
		t.Errorf("%d facts checked", checked)
	}
}

func scanFact(s, format string, args ...any) bool {
	n, err := fmt.Sscanf(s, format, args...)
	return err == nil && n == len(args) && (strings.Contains(format, "torus") == strings.Contains(s, "torus"))
}
