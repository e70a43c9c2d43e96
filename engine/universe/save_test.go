package universe

import (
	"context"
	"errors"
	"os"
	"path/filepath"
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

// TestOutput: a file in the format its extension names, standard output in
// RLE, and the refusals before any work.
func TestOutput(t *testing.T) {
	ctx := context.Background()
	p := CellsPattern("blinker", "B3/S23", classify.Cells{{Y: 0, X: 0}, {Y: 0, X: 1}, {Y: 0, X: 2}})
	dir := t.TempDir()
	path := filepath.Join(dir, "b.cells")
	o, err := NewOutput(path)
	if err != nil {
		t.Fatal(err)
	}
	var none strings.Builder
	if err := o.Write(ctx, &none, p, nil); err != nil || none.Len() != 0 {
		t.Fatalf("to a file: %v, %q on the writer", err, none.String())
	}
	if data, err := os.ReadFile(path); err != nil || string(data) != "!Name: blinker\n!Rule: B3/S23\nOOO\n" {
		t.Errorf("file %q, %v", data, err)
	}
	o, _ = NewOutput("")
	var b strings.Builder
	if err := o.Write(ctx, &b, p, nil); err != nil || b.String() != "#N blinker\nx = 3, y = 1, rule = B3/S23\n3o!\n" {
		t.Errorf("to the writer: %q, %v", b.String(), err)
	}
	var ue UsageError
	if _, err := NewOutput(filepath.Join(dir, "b.bmp")); !errors.As(err, &ue) || !strings.HasPrefix(err.Error(), "-o: ") {
		t.Errorf("unknown format: %v", err)
	}
	if _, err := NewOutput(filepath.Join(dir, "none", "b.rle")); err == nil {
		t.Errorf("a missing directory: no error")
	}
}
