package patterns

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestReadErrors checks the exact message for malformed input of every
// format, read through the sniffing registry as the command line reads.
func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ in, msg string }{
		{"", "f: empty file, want a pattern (RLE, macrocell, Life 1.05 or 1.06, or plaintext)"},
		{"   \n\n", "f: empty file, want a pattern (RLE, macrocell, Life 1.05 or 1.06, or plaintext)"},
		{"zzz\n", "f:1:1: unexpected 'z' at the start, want a pattern file: RLE (\"x = \" or '#'), macrocell (\"[M2]\"), Life 1.05 or 1.06 (\"#Life\"), or plaintext ('!', '.', 'O' or '*')"},
		{"\x1f\x8b\b\x00garbage", "f: gzip: unexpected EOF"},
		{"#CXRLE Pos=a,b\nx = 1, y = 1\no!", "f:1:12: #CXRLE Pos=\"a,b\", want Pos=X,Y with whole numbers"},
		{"#CXRLE Pos=1,2 Gen=12x\nx = 1, y = 1\no!", "f:1:20: #CXRLE Gen=\"12x\", want Gen=N with N a whole number from 0"},
		{"#CXRLE Pos=4611686018427387904,0\nx = 2, y = 1\n2o!", "f:1:12: #CXRLE Pos=4611686018427387904,0 is more than the limit of 4611686018427387903 from the origin"},
		{"#CXRLE Pos=4611686018427387903,0\nx = 2, y = 1\n2o!", "f:1:12: pattern of 2 x 1 cells at Pos=4611686018427387903,0 reaches past the limit of 4611686018427387903 cells from the origin"},
		{"#CXRLE Pos=0,4611686018427387903\nx = 1, y = 2\no$o!", "f:1:12: pattern of 1 x 2 cells at Pos=0,4611686018427387903 reaches past the limit of 4611686018427387903 cells from the origin"},
		{"#CXRLE Pos=-4611686018427387902,-4611686018427387903\nx = 1, y = 1\no9223372036854775805bo!", "f:1:12: pattern of 9223372036854775807 x 1 cells at Pos=-4611686018427387902,-4611686018427387903 reaches past the limit of 4611686018427387903 cells from the origin"},
		{"#r\nx = 1, y = 1\no!", "f:1:3: #r line with no rule, want \"#r B3/S23\""},
		{"#r B36/S23\nx = 1, y = 1, rule = B3/S23\no!", "f:2:22: rule \"B3/S23\" differs from the rule \"B36/S23\" given before, want one rule"},
		{"x = 3, y = 1, rule = LifeHistory\nAGA!", "f:2:2: unexpected 'G': LifeHistory has states 'A' to 'F' only"},
		{"x = 3, y = 1, rule = B3/S23\n2o 3\n!", "f:2:4: run count 3 is not followed by 'b', 'o' or '$'"},
		{"!Name: bad\n.O.\n.Z.\n", "f:3:2: unexpected 'Z' in a row of cells, want 'O' or '*' (alive) or '.' (dead)"},
		{"#Life 1.05\n#P 1\n*\n", "f:2:5: unexpected end of line, want a Y coordinate (a whole number)"},
		{"#Life 1.05\n#P 0 0\n.*x\n", "f:3:3: unexpected 'x' in a row of cells, want '*' (alive) or '.' (dead)"},
		{"#Life 1.05\nhello\n", "f:2:1: unexpected 'h' at the start of a line, want '#', a cell's \"X Y\", or a row of '.' and '*'"},
		{"#Life 1.05\n#R\n", "f:2:3: #R line with no rule, want \"#R B3/S23\""},
		{"#Life 1.06\n1 2 3\n", "f:2:5: unexpected \"3\" after the coordinates, want the end of the line"},
		{"#Life 1.06\n1 x\n", "f:2:3: unexpected \"x\", want a Y coordinate (a whole number)"},
		{"#Life 1.06\n0 0\n99999999999999999999 0\n", "f:3:1: coordinate \"99999999999999999999\" is more than the limit of 4611686018427387903 from the origin"},
		{"#Life 1.06\n-4611686018427387904 0\n", "f:2:1: coordinate \"-4611686018427387904\" is more than the limit of 4611686018427387903 from the origin"},
		{"#Life 1.05\n#P 4611686018427387902 0\n..*\n", "f:3:1: row reaches past the limit of 4611686018427387903 from the origin"},
		{"[M1]\n", "f:1:1: unexpected \"[M1]\", want the macrocell header \"[M2]\""},
		{"[M2]\nz\n", "f:2:1: unexpected 'z' at the start of a line, want a leaf ('.', '*' or '$'), a node (\"D NW NE SW SE\") or '#'"},
		{"[M2]\n4 1 0 0 0\n", "f:2:3: node 1 is not defined yet, want a number from 0 to 0"},
		{"[M2]\n*$\n5 1 0 0 0\n", "f:3:3: node 1 has depth 3, want depth 4 in a node of depth 5"},
		{"[M2]\n3 0 0 0 0\n", "f:2:1: node depth 3, want 4 to 127"},
		{"[M2] (golly 3.3)\n#R Generations\n1 0 0 0 1\n", "f:3:1: node depth 1, want 4 to 127: multi-state macrocell files are not supported"},
		{"[M2]\n.........*$\n", "f:2:10: '*' outside the leaf's 8 x 8 cells, want at most 8 cells a row and 8 rows"},
		{"[M2]\n*$\n4 0 0 1\n", "f:3:1: node line with 4 numbers, want 5: depth and four node numbers"},
		{"[M2]\n*$\n4 0 0 x 1\n", "f:3:7: unexpected \"x\" in a node line, want a whole number"},
		{"[M2]\n70 0 0 0 0\n", "f:2:1: node 1, the whole pattern, has depth 70: read as cells, a root may have depth 63 at most"},
		{"[M2]\n128 0 0 0 0\n", "f:2:1: node depth 128, want 4 to 127"},
		{"[M2]\n#G 12a\n", "f:2:3: #G \"12a\", want a whole number from 0"},
		{"[M2]\n4 99999999999999999999 0 0 0\n", "f:2:3: node number 99999999999999999999 is more than the limit of 8388608"},
		{"[M2]\n*$.*\n4 1 0 0 z\n", "f:3:9: unexpected \"z\" in a node line, want a whole number"},
		{"[M2]\n********$********$********$********$********$********$********$********$\n4 1 1 1 1\n5 2 2 2 2\n6 3 3 3 3\n7 4 4 4 4\n8 5 5 5 5\n9 6 6 6 6\n10 7 7 7 7\n11 8 8 8 8\n12 9 9 9 9\n13 10 10 10 10\n14 11 11 11 11\n15 12 12 12 12\n16 13 13 13 13\n17 14 14 14 14\n18 15 15 15 15\n19 16 16 16 16\n", "f:18:1: node 17, the whole pattern, has more than the limit of 8388608 live cells"},
		{"[M2]\n*$\n4 1 0 0 0\n" + deepChain(5, 63), "f:62:1: node 61, the whole pattern, has live cells past the limit of 4611686018427387903 cells from the origin"},
	} {
		_, err := Read("f", bytes.NewReader([]byte(tc.in)))
		if err == nil || err.Error() != tc.msg {
			t.Errorf("Read(%q):\n got %v\nwant %s", tc.in, err, tc.msg)
		}
		if _, ok := err.(*Error); !ok {
			t.Errorf("Read(%q): error of type %T, want *Error", tc.in, err)
		}
	}
}

// TestHugeSparse checks that patterns whose cells lie far apart read
// without allocating for the space between them, in every format that can
// say so.
func TestHugeSparse(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		pop      int64
	}{
		{"RLE", "x = 1000000000000, y = 1000000000000\no999999999998bo$999999999998$o2bo!", 4},
		{"Life 1.06", "#Life 1.06\n-4611686018427387903 0\n4611686018427387903 5\n0 0\n", 3},
		{"Life 1.05", "#Life 1.05\n#P 4611686018427387901 4611686018427387903\n.**\n#P -4611686018427387903 -4611686018427387903\n*\n", 3},
		{"RLE", "#CXRLE Pos=-4611686018427387903,-4611686018427387903\nx = 9223372036854775807, y = 9223372036854775807\no9223372036854775805bo9223372036854775806$o9223372036854775805bo!", 4},
		{"macrocell", "[M2]\n*$\n4 1 0 0 0\n" + deepChain(5, 59), 1},
	} {
		p, err := Read(tc.name, strings.NewReader(tc.in))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if p.Population() != tc.pop {
			t.Errorf("%s: population %d, want %d", tc.name, p.Population(), tc.pop)
		}
		roundTrip(t, tc.name, p)
	}
}

// deepChain returns macrocell nodes of depths from to to, each with the
// one before it in its north-west corner.
func deepChain(from, to int) string {
	var b strings.Builder
	for d := from; d <= to; d++ {
		b.WriteString(fmt.Sprintf("%d %d 0 0 0", d, d-3) + "\n")
	}
	return b.String()
}

// TestWriteMacrocellLongRuns checks that long runs, which cross many equal
// nodes, are written as few nodes, at once.
func TestWriteMacrocellLongRuns(t *testing.T) {
	p, err := Read("long.rle", strings.NewReader("x = 1000000000000, y = 3\n1000000000000o$$7bo999999999992bo!"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteMacrocell(&b, p); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n > 200 {
		t.Errorf("%d lines for two rows of cells", n)
	}
}

func TestBuilderOverlaps(t *testing.T) {
	var b Builder
	for _, r := range []Run{{0, 1, 1}, {0, 1, 1}, {0, 0, 3}, {1, 5, 2}, {1, 4, 2}, {1, 9, 1}, {0, 3, 1}} {
		b.Add(r.Y, r.X, r.N)
	}
	if got, want := b.Runs(), []Run{{0, 0, 4}, {1, 4, 3}, {1, 9, 1}}; !slices.Equal(got, want) {
		t.Errorf("runs %v, want %v", got, want)
	}
}
