package patterns

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportsNoEngine checks that package patterns imports no engine and no
// UI: a pattern keeps its rule as text.
func TestImportsNoEngine(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "github.com/life-go/life/") && dep != "github.com/life-go/life/patterns" ||
			strings.Contains(dep, "tview") || strings.Contains(dep, "tcell") {
			t.Errorf("package patterns imports %s", dep)
		}
	}
}
