package tui

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayers checks that the layers below the UI know nothing of it: grid,
// engine (and the fast engines beside it) and patterns import neither
// tview nor tcell, and nothing but cmd/life imports tui.
func TestLayers(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command("go", "list", "-deps", "../grid/...", "../engine/...", "../patterns/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.Contains(pkg, "gdamore/tcell") || strings.Contains(pkg, "rivo/tview") || strings.HasSuffix(pkg, "/life/tui") {
			t.Errorf("grid, engine or patterns depends on %s", pkg)
		}
	}
	out, err = exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasSuffix(pkg, "/cmd/life") {
			t.Errorf("tui depends on %s", pkg)
		}
	}
}
