package main

import (
	"strings"
	"testing"

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

// TestUIDirectory checks that life DIR says it wants a pattern file, with
// exit status 2, before the UI opens.
func TestUIDirectory(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := life(t, "", dir)
	if code != exitUsage || !strings.Contains(errs, dir+" is a directory, want a pattern file") {
		t.Errorf("life %s: exit %d, %q", dir, code, errs)
	}
}
