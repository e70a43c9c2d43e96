package engine

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// ruleLine finds the rule of an RLE header line or a #R line.
var ruleLine = regexp.MustCompile(`(?m)(?:rule *= *|^#R )(\S+)`)

// FuzzParseRule checks that no rule text panics the parser, and that a rule
// it accepts prints as text that parses back to the same rule. Its seeds
// are the rules of the committed pattern files and some of every notation.
func FuzzParseRule(f *testing.F) {
	for _, s := range []string{"B3/S23", "b3s23", "S23/B3", "23/3", "B3/S", "/3", "B36/S23:T64,48",
		"B3/S23:P30,20", "B3/S23:K30*,20", "B3/S23:C30,20", "B3/S23:S30", "B3/S23:T30+5,20", "B3/S23:T0,0",
		"B3/S23:T0,68", "B2H/S", "B3-k/S23", "B9/S23", "B3/S23:X4", ":T10"} {
		f.Add(s)
	}
	files, _ := filepath.Glob("../patterns/*/*")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		for _, m := range ruleLine.FindAllSubmatch(data, -1) {
			f.Add(string(m[1]))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRule(s)
		if err != nil {
			return
		}
		again, err := ParseRule(r.String())
		if err != nil {
			t.Fatalf("ParseRule(%q) = %v, whose text does not parse: %v", s, r, err)
		}
		if again != r {
			t.Fatalf("ParseRule(%q) = %v, which reads back as %v", s, r, again)
		}
	})
}
