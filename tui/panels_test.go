package tui

import (
	"slices"

	"github.com/gdamore/tcell/v2"
	"strings"
	"testing"
)

// TestWrapLine wraps texts at every width from 0 to 90 (a panic once: the
// help at 10 x 4): no line is longer than the width, the words come back
// in order, and whole words are not cut when they fit.
func TestWrapLine(t *testing.T) {
	texts := []string{
		"",
		"   ",
		"  n  .             one generation",
		"  u Ctrl-Z  Ctrl-Y undo / redo: each edit, step and run",
		"open: /tmp/a-directory-with-a-long-name/and-a-pattern-file-with-a-long-name-too.rle: no such file or directory (the current pattern is kept)",
		"Name:   GollyTicker-Take4, based on Alan Hensel's Decimal Counter (1994).",
		"a  b   c    d",
	}
	for _, text := range texts {
		for w := 0; w <= 90; w++ {
			for _, indent := range []int{0, 1, 8, 19} {
				lines := wrapLine(text, w, indent)
				if len(lines) == 0 {
					t.Fatalf("wrapLine(%q, %d, %d): no lines", text, w, indent)
				}
				for _, l := range lines {
					if w > 0 && len([]rune(l)) > w {
						t.Errorf("wrapLine(%q, %d, %d): line %q is too long", text, w, indent, l)
					}
				}
				if w == 0 {
					continue
				}
				if got, want := strings.Join(strings.Fields(strings.Join(lines, "")), ""), strings.Join(strings.Fields(text), ""); got != want {
					t.Errorf("wrapLine(%q, %d, %d) lost or moved text: %q", text, w, indent, lines)
				}
			}
		}
	}
	if got, want := wrapLine("the quick brown fox", 10, 2), []string{"the quick", "  brown", "  fox"}; !slices.Equal(got, want) {
		t.Errorf("wrapLine: %q, want %q", got, want)
	}
	if got, want := wrapLine("  key  meaning", 80, 4), []string{"  key  meaning"}; !slices.Equal(got, want) {
		t.Errorf("wrapLine keeps the leading spaces: %q, want %q", got, want)
	}
}

// TestTinyScreen opens every panel and dialog, selects, copies and pastes
// on screens of 10 x 4 and smaller (a panic once: the help at 10 x 4):
// each draws, and the keys go on working.
func TestTinyScreen(t *testing.T) {
	for _, size := range [][2]int{{10, 4}, {3, 2}, {1, 1}} {
		h := start(t, 40, 12, Options{Pattern: rle(t, gliderRLE), Name: "glider.rle"})
		h.press(' ')
		h.idle()
		h.sim.SetSize(size[0], size[1])
		h.sim.PostEventWait(tcell.NewEventResize(size[0], size[1]))
		h.wait("a draw at the size", func(f frame) bool { return len(strings.Split(strings.TrimSuffix(f.text, "\n"), "\n")) == size[1] })
		for _, k := range []any{'?', tcell.KeyEnd, tcell.KeyEscape, 'i', tcell.KeyEscape, 'o', "gun", tcell.KeyEscape,
			'g', tcell.KeyEscape, 'F', tcell.KeyEscape, 's', tcell.KeyEscape, 'R', tcell.KeyEscape, 'E', tcell.KeyEscape,
			tcell.KeyCtrlA, tcell.KeyCtrlC, tcell.KeyEscape, tcell.KeyCtrlV, '>', tcell.KeyLeft, tcell.KeyEnter, 'e', 'x', 'q', 'n'} {
			h.press(k)
		}
		if f := h.press(tcell.KeyCtrlA); f.overlay != "" || f.pop == "5" {
			t.Errorf("%v: overlay %q, pop %s after the keys; want none, and the paste placed", size, f.overlay, f.pop)
		}
	}
}
