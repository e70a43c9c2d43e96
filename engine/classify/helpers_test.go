package classify

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/hashlife"
)

// rle reads the body of an RLE pattern ("bo$2bo$3o!") into cells, the
// top-left cell at (0, 0).
func rle(t testing.TB, body string) Cells {
	t.Helper()
	var c Cells
	var y, x, n int64
	for _, ch := range body {
		switch {
		case ch >= '0' && ch <= '9':
			n = n*10 + int64(ch-'0')
			continue
		case ch == 'b' || ch == '.':
			x += max(n, 1)
		case ch == 'o' || ch == 'A':
			for range max(n, 1) {
				c = append(c, Point{y, x})
				x++
			}
		case ch == '$':
			y += max(n, 1)
			x = 0
		case ch == '!':
			return c.sorted()
		case strings.ContainsRune(" \n\t", ch):
		default:
			t.Fatalf("unexpected %q in %q", ch, body)
		}
		n = 0
	}
	return c.sorted()
}

// plane returns a HashLife engine for rule r on the plane holding cells.
func plane(t testing.TB, r engine.Rule, cells Cells) engine.Engine {
	t.Helper()
	e, err := hashlife.New(r, hashlife.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range cells {
		e.SetCell(p.Y, p.X, true)
	}
	return e
}

// classify runs Classify on cells under Life on the plane.
func classify(t testing.TB, cells Cells, opts Options) *Result {
	t.Helper()
	r, err := Classify(context.Background(), plane(t, engine.Life, cells), opts)
	if err != nil && err != ErrBudget {
		t.Fatal(err)
	}
	return r
}

// orient returns cells in orientation i of the 8 (0 is the identity).
func orient(c Cells, i int) Cells { return orientations[i].apply(c) }

// gollyCells reads an RLE file of Golly's Life collection (skipping the
// test when Golly's patterns are not installed).
func gollyCells(t testing.TB, name string) Cells {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("/usr/share/golly/Patterns/Life", name))
	if err != nil {
		t.Skipf("Golly's pattern collection is not installed (apt-get install golly): %v", err)
	}
	var body []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l == "" || l[0] == '#' || l[0] == 'x' {
			continue
		}
		body = append(body, l)
	}
	return rle(t, strings.Join(body, ""))
}
