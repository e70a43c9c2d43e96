package universe

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/life-go/life"

// deps returns the packages pkg depends on, itself included, as go list
// -deps gives them.
func deps(t *testing.T, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", module+"/"+pkg).Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	return strings.Fields(string(out))
}

// TestLayers checks the floors of DESIGN.md and the direction of their
// imports: grid imports no package of the project; the engine core
// imports no patterns and no UI (nor this layer); patterns imports no
// engine; and the front ends, tui and cmd/life, load and save through
// this layer.
func TestLayers(t *testing.T) {
	ui := func(dep string) bool {
		return strings.Contains(dep, "rivo/tview") || strings.Contains(dep, "gdamore/tcell") || dep == module+"/tui"
	}
	for _, dep := range deps(t, "grid") {
		if strings.HasPrefix(dep, module+"/") && dep != module+"/grid" {
			t.Errorf("grid imports %s", dep)
		}
	}
	for _, dep := range deps(t, "engine") {
		if dep == module+"/patterns" || dep == module+"/engine/universe" || ui(dep) {
			t.Errorf("the engine core imports %s", dep)
		}
	}
	for _, dep := range deps(t, "patterns") {
		if strings.HasPrefix(dep, module+"/engine") || ui(dep) {
			t.Errorf("patterns imports %s", dep)
		}
	}
	for _, dep := range deps(t, "engine/universe") {
		if ui(dep) || dep == module+"/cmd/life" {
			t.Errorf("engine/universe imports %s", dep)
		}
	}
	for _, pkg := range []string{"tui", "cmd/life"} {
		if !slices.Contains(deps(t, pkg), module+"/engine/universe") {
			t.Errorf("%s does not import engine/universe", pkg)
		}
	}
}
