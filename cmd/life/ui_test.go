package main

import (
	"strings"
	"testing"

	"github.com/life-go/life/patterns"
	"github.com/life-go/life/tui"
)

// TestUIHelpListsKeys checks that life --help shows every key of the UI.
func TestUIHelpListsKeys(t *testing.T) {
	code, _, errs := life(t, "", "--help")
	if code != exitOK {
		t.Fatalf("life --help: exit %d", code)
	}
	for _, line := range strings.Split(strings.TrimSpace(tui.KeysHelp()), "\n") {
		if !strings.Contains(errs, strings.TrimSpace(line)) {
			t.Errorf("life --help does not show %q", strings.TrimSpace(line))
		}
	}
}

// TestUIBadPattern checks that a pattern that does not load is reported,
// with its position, before the UI opens.
func TestUIBadPattern(t *testing.T) {
	code, _, errs := life(t, "x = 3, y = 3\nbo$2bz$3o!\n", "-")
	if code != exitUsage || !strings.Contains(errs, "<stdin>:2:") {
		t.Errorf("life - with a broken pattern: exit %d, %q", code, errs)
	}
	if code, _, _ := life(t, "", "a.rle", "b.rle"); code != exitUsage {
		t.Errorf("life a.rle b.rle: exit %d, want %d", code, exitUsage)
	}
}

// TestUILoader checks the topology and engine the UI's loader picks.
func TestUILoader(t *testing.T) {
	glider := "x = 3, y = 3\nbo$2bo$3o!\n"
	for _, c := range []struct {
		name, rle string
		s         setup
		fit       tui.Size
		want      string
		implied   bool
		engine    string
	}{
		{"fits the window", glider, setup{}, tui.Size{W: 120, H: 76}, "B3/S23:T120,76", true, "bitwise"},
		{"larger than the window", glider, setup{gens: 4}, tui.Size{W: 2, H: 2}, "B3/S23:T13,13", true, "bitwise"},
		{"--torus", glider, setup{torus: "30x20"}, tui.Size{W: 120, H: 76}, "B3/S23:T30,20", false, "bitwise"},
		{"suffix", "x = 3, y = 3, rule = B36/S23:T10,10\nbo$2bo$3o!\n", setup{}, tui.Size{W: 120, H: 76}, "B36/S23:T10,10", false, "bitwise"},
		// The UI's auto: the protocol engine where it runs the topology,
		// else the fastest; a named engine as named.
		{"auto, a torus", glider, setup{engine: "auto", watch: true}, tui.Size{W: 120, H: 76}, "B3/S23:T120,76", true, "protocol"},
		// The plane, as the UI asks for it: hashlife, whatever the window;
		// --torus, a suffix or an engine that does not run it, a torus.
		{"plane", glider, setup{engine: "auto", watch: true, plane: true}, tui.Size{W: 120, H: 76}, "B3/S23", false, "hashlife"},
		{"plane, :T0,0", glider, setup{engine: "auto", watch: true, plane: true, rule: "B3/S23:T0,0"}, tui.Size{W: 2, H: 2}, "B3/S23", false, "hashlife"},
		{"plane, --torus", glider, setup{engine: "auto", watch: true, plane: true, torus: "30x20"}, tui.Size{W: 120, H: 76}, "B3/S23:T30,20", false, "protocol"},
		{"plane, suffix", "x = 3, y = 3, rule = B36/S23:T10,10\nbo$2bo$3o!\n", setup{engine: "auto", watch: true, plane: true}, tui.Size{W: 120, H: 76}, "B36/S23:T10,10", false, "protocol"},
		{"plane, --engine protocol", glider, setup{engine: "protocol", watch: true, plane: true}, tui.Size{W: 120, H: 76}, "B3/S23:T120,76", true, "protocol"},
		{"auto, a bounded plane", glider, setup{engine: "auto", watch: true, rule: "B3/S23:P20,10"}, tui.Size{W: 120, H: 76}, "B3/S23:P20,10", false, "bitwise"},
		{"--engine bitwise", glider, setup{engine: "bitwise", watch: true}, tui.Size{W: 120, H: 76}, "B3/S23:T120,76", true, "bitwise"},
	} {
		p, err := patterns.ReadRLE(c.name, strings.NewReader(c.rle))
		if err != nil {
			t.Fatal(err)
		}
		u, err := uiLoader(c.s)(p, c.name, c.fit)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := u.Eng.Rule().String(); got != c.want || u.Implied != c.implied || u.Eng.Population().Int64() != 5 || u.Eng.Name() != c.engine {
			t.Errorf("%s: %s implied %v pop %v on %s, want %s implied %v pop 5 on %s", c.name, got, u.Implied, u.Eng.Population(), u.Eng.Name(), c.want, c.implied, c.engine)
		}
	}
}
