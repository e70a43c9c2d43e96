package patterns

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestListDir(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.rle", "b.MC", "sub/c.cells", "sub/d.lif.gz", "notes.txt", "e.rle.zip", "sub/deeper/f.life"} {
		path := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.WriteFile(path, nil, 0o644)
	}
	got, err := ListDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, name := range []string{"a.rle", "b.MC", "sub/c.cells", "sub/d.lif.gz", "sub/deeper/f.life"} {
		want = append(want, filepath.Join(dir, name))
	}
	if !slices.Equal(got, want) {
		t.Errorf("ListDir = %q, want %q", got, want)
	}
	if _, err := ListDir(filepath.Join(dir, "missing")); err == nil {
		t.Error("ListDir of a missing directory: no error")
	}
}

func TestFormatFor(t *testing.T) {
	for _, tc := range []struct {
		path, format string
		gz           bool
	}{
		{"out.rle", "RLE", false},
		{"out", "RLE", false},
		{"dir.d/OUT.MC", "macrocell", false},
		{"out.mc.gz", "macrocell", true},
		{"out.cells", "plaintext", false},
		{"out.lif", "Life 1.06", false},
		{"out.life.gz", "Life 1.06", true},
	} {
		f, gz, err := FormatFor(tc.path)
		if err != nil || f.Name != tc.format || gz != tc.gz {
			t.Errorf("FormatFor(%q) = %q, %v, %v", tc.path, f.Name, gz, err)
		}
	}
	_, _, err := FormatFor("out.png")
	if want := `out.png: unknown pattern file extension ".png", want one of .mc, .lif, .life, .rle, .cells (and .gz after it to compress)`; err == nil || err.Error() != want {
		t.Errorf("FormatFor(out.png): %v", err)
	}
}
