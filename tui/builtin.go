package tui

import (
	"strings"

	"github.com/life-go/life/patterns"
)

// builtins are a few small, well-known patterns, written out here as RLE
// (their standard forms, as in Golly's collection and on LifeWiki) so that
// `life` with no argument has something lively to run until the pattern
// library of package patterns is there.
var builtins = []struct{ name, rle string }{
	{"acorn", `#N Acorn
#O Charles Corderman
#C A methuselah that stabilizes after 5206 generations.
x = 7, y = 3, rule = B3/S23
bo5b$3bo3b$2o2b3o!
`},
	{"r-pentomino", `#N R-pentomino
#C The most famous methuselah: it stabilizes after 1103 generations.
x = 3, y = 3, rule = B3/S23
b2o$2ob$bo!
`},
	{"gosper-glider-gun", `#N Gosper glider gun
#O Bill Gosper
#C The first known gun: a glider every 30 generations.
x = 36, y = 9, rule = B3/S23
24bo11b$22bobo11b$12b2o6b2o12b2o$11bo3bo4b2o12b2o$2o8bo5bo3b2o14b$2o8b
o3bob2o4bobo11b$10bo5bo7bo11b$11bo3bo20b$12b2o!
`},
	{"glider", `#N Glider
#C The smallest spaceship: it moves (1,1) every 4 generations.
x = 3, y = 3, rule = B3/S23
bob$2bo$3o!
`},
}

// Default returns the pattern life opens with no argument, the acorn, and
// its name.
func Default() (*patterns.Pattern, string) {
	p, err := builtin(0)
	if err != nil {
		panic(err) // the built-in patterns are tested
	}
	return p, "built-in acorn"
}

// builtin parses the i-th built-in pattern.
func builtin(i int) (*patterns.Pattern, error) {
	return patterns.ReadRLE("built-in "+builtins[i].name, strings.NewReader(builtins[i].rle))
}

// Builtins returns the built-in patterns as library entries.
func Builtins() []LibraryEntry {
	var out []LibraryEntry
	for i, b := range builtins {
		out = append(out, LibraryEntry{Name: b.name, Open: func() (*patterns.Pattern, error) { return builtin(i) }})
	}
	return out
}
