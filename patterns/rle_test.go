package patterns

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func readString(t *testing.T, s string) *Pattern {
	t.Helper()
	p, err := ReadRLE("test.rle", strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadRLEGlider(t *testing.T) {
	p := readString(t, `#N Glider
#O Richard K. Guy
#C The smallest, most common, and first discovered spaceship.
#c www.conwaylife.com/wiki/index.php?title=Glider
x = 3, y = 3, rule = B3/S23
bob$2bo$3o!
`)
	if p.Name != "Glider" || p.Author != "Richard K. Guy" || p.Rule != "B3/S23" || p.W != 3 || p.H != 3 {
		t.Errorf("header: %+v", p)
	}
	if want := []string{"The smallest, most common, and first discovered spaceship.", "www.conwaylife.com/wiki/index.php?title=Glider"}; !slices.Equal(p.Comments, want) {
		t.Errorf("comments: %q", p.Comments)
	}
	if want := []Run{{0, 1, 1}, {1, 2, 1}, {2, 0, 3}}; !slices.Equal(p.Runs, want) {
		t.Errorf("runs: %v, want %v", p.Runs, want)
	}
	if p.Population() != 5 {
		t.Errorf("population %d", p.Population())
	}
}

func TestReadRLELenient(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		runs     []Run
		rule     string
	}{
		{"no spaces, no rule, no '!'", "x=3,y=2\n3o$obo", []Run{{0, 0, 3}, {1, 0, 1}, {1, 2, 1}}, ""},
		{"breaks anywhere", "x = 4, y = 3\n2\no\nb\n\no$\r\n$ 4o\n!", []Run{{0, 0, 2}, {0, 3, 1}, {2, 0, 4}}, ""},
		{"rule with a suffix", "x = 1, y = 1, rule = B36/S23:T10,8\no!", []Run{{0, 0, 1}}, "B36/S23:T10,8"},
		{"text after '!'", "x = 1, y = 1\no! trailing words ~~~\nmore", []Run{{0, 0, 1}}, ""},
		{"dots and A", "x = 3, y = 1\n.A.!", []Run{{0, 1, 1}}, ""},
		{"unknown header field", "x = 2, y = 1, rule = B3/S23, foo = bar\n2o!", []Run{{0, 0, 2}}, "B3/S23, foo = bar"},
		{"comment in the body", "x = 2, y = 2\no$\n#C between\nbo!", []Run{{0, 0, 1}, {1, 1, 1}}, ""},
		{"huge but sparse", "x = 1000000000000, y = 3\no999999999998bo$$o!", []Run{{0, 0, 1}, {0, 999999999999, 1}, {2, 0, 1}}, ""},
		{"no header, as Golly reads it", "bo$2bo$3o!", []Run{{0, 1, 1}, {1, 2, 1}, {2, 0, 3}}, ""},
		{"trailing dead cells and blank rows", "x = 5, y = 4\n2o3b3$!", []Run{{0, 0, 2}}, ""},
	} {
		p, err := ReadRLE("t.rle", strings.NewReader(tc.in))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !slices.Equal(p.Runs, tc.runs) || p.Rule != tc.rule {
			t.Errorf("%s: runs %v rule %q, want %v %q", tc.name, p.Runs, p.Rule, tc.runs, tc.rule)
		}
	}
}

func TestReadRLEErrors(t *testing.T) {
	for _, tc := range []struct{ in, msg string }{
		{"", `glider.rle: no RLE header line ("x = W, y = H") and no cells`},
		{"#C only a comment\n", `glider.rle: no RLE header line ("x = W, y = H") and no cells`},
		{"zz\n", `glider.rle:1:1: unexpected 'z' before the header line, want "x = W, y = H" or a '#' comment`},
		{"x = 3\nbo!", `glider.rle:1:1: header line needs both x and y, want "x = W, y = H, rule = R"`},
		{"x = 3, y\nbo!", `glider.rle:1:8: header field "y" has no '=', want "x = W, y = H, rule = R"`},
		{"x = -3, y = 3\nbo!", `glider.rle:1:5: header x = "-3" is not a size, want a whole number from 0`},
		{"x = 3, y = three\nbo!", `glider.rle:1:12: header y = "three" is not a size, want a whole number from 0`},
		{"x = 3, x = 3\n", `glider.rle:1:8: header field "x" appears twice`},
		{"x = 99999999999999999999, y = 1\n", `glider.rle:1:5: header x = "99999999999999999999" is not a size, want a whole number from 0`},
		{"x = 3, y = 3\nbo$2bo$3z!", `glider.rle:2:9: unexpected 'z', want a run count, 'b', 'o', '$' or '!'`},
		{"x = 3, y = 3\nbo$\n2bo$3o\n  7!", `glider.rle:4:3: run count 7 is not followed by 'b', 'o' or '$'`},
		{"x = 3, y = 3\nbo$2bo$0o!", `glider.rle:2:8: run count 0, want 1 or more`},
		{"x = 3, y = 3\n2B!", `glider.rle:2:2: unexpected 'B': multi-state cells are not supported, only 'b' (dead) and 'o' (alive)`},
		{"x = 3, y = 3\n99999999999999999999o!", `glider.rle:2:1: run count is more than the limit of 9223372036854775807`},
		{"x = 3, y = 3\n9223372036854775806b2o!", `glider.rle:2:22: pattern reaches past the limit of 9223372036854775807 cells from its corner`},
		{"x = 3, y = 3\n9223372036854775807$o!", `glider.rle:2:20: pattern reaches past the limit of 9223372036854775807 cells from its corner`},
		{"x = 3, y = 3\n4611686018427387903b2o!", `glider.rle: pattern of 4611686018427387905 x 1 cells reaches past the limit of 4611686018427387903 cells from the origin, where a pattern without #CXRLE Pos goes`},
	} {
		_, err := ReadRLE("glider.rle", strings.NewReader(tc.in))
		if err == nil || err.Error() != tc.msg {
			t.Errorf("ReadRLE(%q):\n got %v\nwant %s", tc.in, err, tc.msg)
		}
	}
}

func TestWriteRLE(t *testing.T) {
	p := readString(t, "#N Two rows\n#C a comment\nx = 80, y = 4, rule = B36/S23\n80o3$b2o!")
	var b bytes.Buffer
	if err := WriteRLE(&b, p); err != nil {
		t.Fatal(err)
	}
	const want = `#N Two rows
#C a comment
x = 80, y = 4, rule = B36/S23
80o3$b2o!
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	// Long rows break before the token that would pass 70 characters.
	var long strings.Builder
	long.WriteString("x = 200, y = 1\n")
	for i := 0; i < 100; i++ {
		long.WriteString("ob")
	}
	b.Reset()
	WriteRLE(&b, readString(t, long.String()))
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	for _, l := range lines {
		if len(l) > 70 {
			t.Errorf("line of %d characters: %q", len(l), l)
		}
	}
	if lines[1] != strings.Repeat("ob", 35) {
		t.Errorf("first line of cells: %q", lines[1])
	}
	again := readString(t, b.String())
	if !slices.Equal(again.Runs, readString(t, long.String()).Runs) || again.Rule != "B3/S23" {
		t.Error("long pattern does not read back the same")
	}
}

// TestWriteRLEAsGolly checks that our writer writes, byte for byte, what
// bgolly writes for a pattern of Golly's own collection.
func TestWriteRLEAsGolly(t *testing.T) {
	bgolly, err := exec.LookPath("bgolly")
	if err != nil {
		t.Skip("bgolly is not installed (apt-get install golly)")
	}
	for _, name := range []string{"Guns/golly-ticker.rle", "Breeders/spacefiller.rle"} {
		src := filepath.Join("/usr/share/golly/Patterns/Life", name)
		if _, err := os.Stat(src); err != nil {
			t.Skipf("%s: %v", src, err)
		}
		out := filepath.Join(t.TempDir(), "out.rle")
		if msg, err := exec.Command(bgolly, "-m", "0", "-o", out, src).CombinedOutput(); err != nil {
			t.Fatalf("bgolly: %v\n%s", err, msg)
		}
		want, _ := os.ReadFile(out)
		p, err := ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		p.Name, p.Author, p.Comments = "", "", nil // bgolly drops them
		var b bytes.Buffer
		WriteRLE(&b, p)
		if b.String() != string(want) {
			t.Errorf("%s: our RLE differs from bgolly's", name)
		}
	}
}
