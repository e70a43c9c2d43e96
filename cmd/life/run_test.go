package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// life runs the command line in-process and returns its exit code, standard
// output and standard error.
func life(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := dispatch(&env{ctx: context.Background(), args: args, stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb})
	return code, out.String(), errb.String()
}

func TestRunGliderOnTorus(t *testing.T) {
	code, out, errs := life(t, "", "run", "--gens", "4", "--torus", "8x8", "testdata/glider.rle")
	const want = "#N Glider\nx = 3, y = 3, rule = B3/S23:T8,8\nbo$2bo$3o!\n"
	if code != 0 || out != want || errs != "" {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant:\n%s", code, out, errs, want)
	}
}

func TestRunStats(t *testing.T) {
	// The glider's first generation, on the implied torus.
	code, out, _ := life(t, "", "run", "testdata/glider.rle", "-stats")
	if code != 0 || out != "generation=1 population=5\n" {
		t.Errorf("exit %d: %q", code, out)
	}
	// Flags after the pattern, standard input, zero generations.
	code, out, _ = life(t, "x = 2, y = 2\n2o$2o!", "run", "-", "--gens", "0", "--stats")
	if code != 0 || out != "generation=0 population=4\n" {
		t.Errorf("stdin: exit %d: %q", code, out)
	}
}

// TestSeedSoup checks the seed's own program's answer: its population of
// the 256 x 256 soup after 5 generations. testdata/soup256.rle was made by
// python3 ../shared/anchors/mksoup.py 256 256 0.3 7 "B3/S23:T256,256", and
// python3 ../shared/anchors/seed_life.py soup256.rle 5 prints
// generation=5 population=17169.
func TestSeedSoup(t *testing.T) {
	code, out, errs := life(t, "", "run", "--engine", "protocol", "--gens", "5", "--stats", "testdata/soup256.rle")
	if code != 0 || out != "generation=5 population=17169\n" {
		t.Errorf("exit %d: %q %s", code, out, errs)
	}
}

func TestRunWritesFileAtomically(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.rle")
	code, stdout, errs := life(t, "", "run", "--gens", "4", "--torus", "8x8", "-o", out, "testdata/glider.rle")
	if code != 0 || stdout != "" || errs != "" {
		t.Fatalf("exit %d %q %q", code, stdout, errs)
	}
	got, _ := os.ReadFile(out)
	if string(got) != "#N Glider\nx = 3, y = 3, rule = B3/S23:T8,8\nbo$2bo$3o!\n" {
		t.Errorf("wrote:\n%s", got)
	}
	// A failed run leaves the existing file as it was, and no temporary file.
	bad := filepath.Join(dir, "bad.rle")
	os.WriteFile(bad, []byte("x = 3, y = 3\nbo$2bz!"), 0o644)
	code, _, errs = life(t, "", "run", "-o", out, bad)
	if code != 2 || errs != "life: "+bad+":2:6: unexpected 'z', want a run count, 'b', 'o', '$' or '!'\n" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if again, _ := os.ReadFile(out); !bytes.Equal(again, got) {
		t.Error("the existing file changed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("files left behind: %v", entries)
	}
	// An output directory that does not exist: exit 2 before any work,
	// nothing written.
	code, _, errs = life(t, "", "run", "-o", filepath.Join(dir, "no", "such", "dir.rle"), "testdata/glider.rle")
	if code != 2 || errs != "life: -o "+filepath.Join(dir, "no", "such", "dir.rle")+": no such directory "+filepath.Join(dir, "no", "such")+"\n" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		return p
	}
	bigRule := write("b9.rle", "x = 1, y = 1, rule = B9/S23\no!")
	huge := write("huge.rle", "x = 1, y = 1, rule = B3/S23:K3000000*,3000000\no!")
	brain := write("brain.rle", "x = 3, y = 1, rule = /2/3\nABA!")
	cells := filepath.Join(dir, "brain.cells")
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"run", bigRule}, 2, "life: " + bigRule + `:1:22: rule "B9/S23": digit greater than neighborhood allows (9)` + "\n"},
		{[]string{"run", "--rule", "B3/S23:X4", "testdata/glider.rle"}, 2, `life: --rule: rule "B3/S23:X4": unknown grid topology 'X', want P, T, K, C or S` + "\n"},
		{[]string{"run", huge}, 2, "life: " + huge + `: no engine runs B3/S23:K3000000*,3000000: bitwise: bad grid size: 3000000 x 3000000 is more than the limit of 17179869184 cells` + "\n" + `sparse: bounded grid ":K3000000*,3000000" is not supported yet by the sparse engine, which runs the unbounded plane` + "\n" + `hashlife: bounded grid ":K3000000*,3000000" is not supported yet by hashlife, which runs the unbounded plane` + "\n" + `protocol: bad grid size: 3000000 x 3000000 is more than the limit of 17179869184 cells` + "\n"},
		{[]string{"run", "--torus", "0x5", "testdata/glider.rle"}, 2, `life: --torus: size "0x5": want WxH with whole numbers from 1, such as 64x48` + "\n"},
		{[]string{"run", "--engine", "warp", "testdata/glider.rle"}, 2, `life: unknown engine "warp", want one of auto, bitwise, sparse, ghash, hashlife, generations, ltl, protocol` + "\n"},
		{[]string{"run", "--gens", "0", "-o", cells, brain}, 2, "life: -o " + cells + ": the format has two states only: plaintext (.cells) cannot hold the cell in state 2 at (y=0, x=1); write RLE (.rle), which keeps every state\n"},
		{[]string{"run", "--gens", "0", "-o", filepath.Join(dir, "brain.mcl"), brain}, 2, "life: -o: " + filepath.Join(dir, "brain.mcl") + ": MCell files are read, not written: write RLE (.rle), which keeps every state\n"},
		{[]string{"run", "a.rle", "b.rle"}, 2, "life: run: want one PATTERN (a file, or - for standard input), got 2 arguments\n"},
		{[]string{"run", filepath.Join(dir, "missing.rle")}, 2, "life: open " + filepath.Join(dir, "missing.rle") + ": no such file or directory\n"},
	} {
		code, _, errs := life(t, "", tc.args...)
		if i := strings.LastIndex(errs, "\nlife: "); i >= 0 {
			errs = errs[i+1:] // after the usage text
		}
		if code != tc.code || errs != tc.msg {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant exit %d:\n%s", tc.args, code, errs, tc.code, tc.msg)
		}
	}
	code, _, errs := life(t, "", "run", "--gens", "x", "testdata/glider.rle")
	if code != 2 || !strings.Contains(errs, `invalid value "x" for flag -gens`) {
		t.Errorf("bad flag: exit %d %q", code, errs)
	}
	code, _, errs = life(t, "", "run", "--help")
	if code != 0 || !strings.Contains(errs, "Usage: life run") || !strings.Contains(errs, "-gens N") {
		t.Errorf("--help: exit %d %q", code, errs)
	}
}

// TestRunPlane checks that a pattern with no bounded-grid suffix runs on
// the unbounded plane, as in Golly, with hashlife; that ":T0,0" means the
// plane; and that --torus and suffixes still choose bounded grids.
func TestRunPlane(t *testing.T) {
	for _, tc := range []struct {
		args []string
		out  string
	}{
		// A glider a million generations on: 250,000 cells away, still 5.
		{[]string{"run", "--gens", "1000000", "--stats", "testdata/glider.rle"}, "generation=1000000 population=5\n"},
		{[]string{"run", "--gens", "1000000", "--stats", "--engine", "hashlife", "--max-memory", "1", "testdata/glider.rle"}, "generation=1000000 population=5\n"},
		{[]string{"run", "--gens", "4", "testdata/glider.rle"}, "#N Glider\nx = 3, y = 3, rule = B3/S23\nbo$2bo$3o!\n"},
		{[]string{"run", "--gens", "4", "--rule", "B3/S23:T0,0", "testdata/glider.rle"}, "#N Glider\nx = 3, y = 3, rule = B3/S23\nbo$2bo$3o!\n"},
		{[]string{"run", "--gens", "4", "--torus", "8x8", "testdata/glider.rle"}, "#N Glider\nx = 3, y = 3, rule = B3/S23:T8,8\nbo$2bo$3o!\n"},
		// The protocol engine still stands in for the plane with a torus.
		{[]string{"run", "--gens", "4", "--engine", "protocol", "testdata/glider.rle"}, "#N Glider\nx = 3, y = 3, rule = B3/S23\nbo$2bo$3o!\n"},
	} {
		code, out, errs := life(t, "", tc.args...)
		if code != 0 || out != tc.out {
			t.Errorf("%v: exit %d, stdout %q, stderr %q, want %q", tc.args, code, out, errs, tc.out)
		}
	}
	// Issue 6: the breeder past 2^64 cells, as Golly counts them.
	if breeder := "/usr/share/golly/Patterns/Life/Breeders/breeder.lif"; fileExists(breeder) {
		code, out, errs := life(t, "", "run", "--gens", "1000000000000", "--stats", breeder)
		if want := "generation=1000000000000 population=1302083334180208337404\n"; code != 0 || out != want {
			t.Errorf("breeder: exit %d, stdout %q, stderr %q, want %q", code, out, errs, want)
		}
	}
	code, _, errs := life(t, "", "run", "--engine", "hashlife", "--torus", "8x8", "testdata/glider.rle")
	if code != 2 || !strings.Contains(errs, "not supported yet by hashlife") {
		t.Errorf("hashlife on a torus: exit %d, stderr %q", code, errs)
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
