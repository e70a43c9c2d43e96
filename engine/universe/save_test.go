package universe

import (
	"slices"
	"strings"
	"testing"

	"github.com/life-go/life/engine/classify"
	"github.com/life-go/life/patterns"
)

// TestCellsPattern: cells in any order become runs, named and ruled, and
// written as RLE relative to their corner.
func TestCellsPattern(t *testing.T) {
	cells := classify.Cells{{Y: 2, X: 5}, {Y: 0, X: 1}, {Y: 0, X: 2}, {Y: 1, X: 3}}
	p := CellsPattern("k_abc3", "B36/S23", cells)
	want := []patterns.Run{{Y: 0, X: 1, N: 2}, {Y: 1, X: 3, N: 1}, {Y: 2, X: 5, N: 1}}
	if p.Name != "k_abc3" || p.Rule != "B36/S23" || !slices.Equal(p.Runs, want) {
		t.Errorf("pattern %q %q %v, want runs %v", p.Name, p.Rule, p.Runs, want)
	}
	var b strings.Builder
	if err := patterns.WriteRLE(&b, p); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "#N k_abc3\nx = 5, y = 3, rule = B36/S23\n2o$2bo$4bo!\n" {
		t.Errorf("RLE %q", got)
	}
	if p := CellsPattern("none", "B3/S23", nil); len(p.Runs) != 0 {
		t.Errorf("no cells: runs %v", p.Runs)
	}
}
