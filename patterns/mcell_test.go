package patterns

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMCellGolly(t *testing.T) {
	files, _ := filepath.Glob("/usr/share/golly/Patterns/*/*.mcl")
	if len(files) == 0 {
		t.Skip("Golly's patterns are not installed")
	}
	for _, f := range files {
		p, err := ReadFile(f)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		_ = os.Stdout
		t.Logf("%s: %s at %d,%d %dx%d pop %d multi %v", filepath.Base(f), p.Rule, p.OriginX, p.OriginY, p.W, p.H, p.Population(), p.MultiState())
	}
}
