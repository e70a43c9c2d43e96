package patterns

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// treeLines drops a macrocell file's header line and comment lines,
// keeping the rule, the generation and the tree.
func treeLines(s string) string {
	var keep []string
	for i, line := range strings.Split(s, "\n") {
		if i == 0 || strings.HasPrefix(line, "#C") || strings.HasPrefix(line, "#N") || strings.HasPrefix(line, "#O") {
			continue
		}
		keep = append(keep, line)
	}
	return strings.Join(keep, "\n")
}

// TestWriteMacrocellAsGolly checks that our macrocell writer writes the
// same rule and tree, node for node, as bgolly writes for patterns of
// Golly's collection in every format, positioned or not: the same cells in
// the same places of Golly's universe.
func TestWriteMacrocellAsGolly(t *testing.T) {
	bgolly, err := exec.LookPath("bgolly")
	if err != nil {
		t.Skip("bgolly is not installed (apt-get install golly)")
	}
	for _, name := range []string{
		"Life/Methuselahs/acorn.lif",                  // Life 1.05, "#P" with no numbers
		"Life/Breeders/breeder.lif",                   // Life 1.05, many blocks
		"Life/Miscellaneous/four-primers.rle.gz",      // #CXRLE Pos, gzip
		"Life/Bounded-Grids/agar-p3.rle",              // #CXRLE Pos, torus
		"Life/Guns/golly-ticker.rle",                  // RLE without a position
		"HashLife/wedge-grow.mc",                      // macrocell
		"HashLife/metacatacryst.mc",                   // a deep macrocell tree
		"HashLife/linear-propagator-p237228340.mc.gz", // a large one
	} {
		src := filepath.Join("/usr/share/golly/Patterns", name)
		if _, err := os.Stat(src); err != nil {
			t.Skipf("%s: %v", src, err)
		}
		out := filepath.Join(t.TempDir(), "out.mc")
		if msg, err := exec.Command(bgolly, "-a", "HashLife", "-m", "0", "-o", out, src).CombinedOutput(); err != nil {
			t.Fatalf("bgolly: %v\n%s", err, msg)
		}
		want, _ := os.ReadFile(out)
		p, err := ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := WriteMacrocell(&b, p); err != nil {
			t.Fatal(err)
		}
		if got, want := treeLines(b.String()), treeLines(string(want)); got != want {
			t.Errorf("%s: our macrocell tree differs from bgolly's:\n%s\nwant:\n%s", name, head(got), head(want))
		}
	}
}
