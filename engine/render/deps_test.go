package render

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoUI checks that the renderer depends on no UI package, so that the
// command line draws without a terminal and the UI can call it.
func TestNoUI(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(dep, "tview") || strings.Contains(dep, "tcell") || strings.HasSuffix(dep, "/life/tui") || strings.Contains(dep, "progressbar") {
			t.Errorf("engine/render depends on %s", dep)
		}
	}
}
