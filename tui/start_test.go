package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/life-go/life/engine/universe"
)

// TestOptionsOpen: a file is left for the UI to read, standard input and
// a built-in are read at once, a directory and a bad pattern are errors.
func TestOptionsOpen(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "g.rle")
	if err := os.WriteFile(file, []byte("x = 3, y = 3\nbo$2bo$3o!\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var o Options
	if p, err := o.Open(file, nil); p != nil || err != nil || o.Path != file || o.Pattern != nil {
		t.Errorf("a file: %v, %v, path %q", p, err, o.Path)
	}
	o = Options{}
	if p, err := o.Open("glider", nil); err != nil || p == nil || o.Pattern != p || o.Name != "built-in glider" || o.Path != "" {
		t.Errorf("a built-in: %v, name %q, path %q", err, o.Name, o.Path)
	}
	o = Options{}
	if p, err := o.Open("-", strings.NewReader("x = 2, y = 2\n2o$2o!\n")); err != nil || p == nil || len(p.Runs) != 2 || o.Name != "<stdin>" {
		t.Errorf("standard input: %v, %v, name %q", p, err, o.Name)
	}
	var ue universe.UsageError
	if _, err := (&Options{}).Open(dir, nil); !errors.As(err, &ue) || err.Error() != dir+" is a directory, want a pattern file (--patterns "+dir+" lists it in o)" {
		t.Errorf("a directory: %v", err)
	}
	if _, err := (&Options{}).Open("-", strings.NewReader("x = 3, y = 3\nbo$2bz$3o!\n")); err == nil || !strings.Contains(err.Error(), "<stdin>:2:") {
		t.Errorf("a bad pattern: %v", err)
	}
}
