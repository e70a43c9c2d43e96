package tui

import (
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
)

// TestIdentifyAndTrack: I shows what the pattern is in a panel, and t then
// moves the view with the spaceship, a cell down and right every 4
// generations.
func TestIdentifyAndTrack(t *testing.T) {
	h := start(t, 100, 30, Options{Pattern: rle(t, "x = 3, y = 3\nbo$2bo$3o!\n"), Name: "glider", PauseAtSettle: true})
	h.idle() // the run stops by itself: it settled
	f := h.press('I')
	f = h.wait("the identify panel", func(f frame) bool { return f.overlay == "identify" })
	for _, want := range []string{"spaceship xq4_153, c/4 diagonal, moving (1,1) every 4", "apgcode=xq4_153", "heat=4", "t follows it"} {
		if !strings.Contains(f.text, want) {
			t.Errorf("the panel lacks %q:\n%s", want, f.text)
		}
	}
	h.press(tcell.KeyEscape)
	f = h.press('t')
	if !strings.Contains(f.msg, "tracking the c/4 diagonal spaceship") {
		t.Errorf("t: message %q", f.msg)
	}
	centre := func() (y, x int64) {
		done := make(chan struct{})
		h.do(func(u *controller) { y, x = u.board.Centre(); close(done) })
		<-done
		return
	}
	y0, x0 := centre()
	for range 8 {
		h.press('n')
		h.idle()
	}
	if y, x := centre(); y != y0+2 || x != x0+2 {
		t.Errorf("after 8 generations the view's centre is (%d,%d), want (%d,%d)", y, x, y0+2, x0+2)
	}
	if f = h.press('t'); f.msg != "tracking off" {
		t.Errorf("t again: %q", f.msg)
	}
}

// TestTrackNothing: t before any spaceship was found says so.
func TestTrackNothing(t *testing.T) {
	h := start(t, 100, 20, Options{Pattern: rle(t, "x = 2, y = 2\n2o$2o!\n"), Name: "block", PauseAtSettle: true})
	h.idle()
	if f := h.press('t'); !strings.HasPrefix(f.msg, "t tracks a spaceship: none found yet") {
		t.Errorf("t: %q", f.msg)
	}
}

// TestIdentifySelection: with a selection, I classifies the selection's
// cells alone: the glider of a glider and a blinker is a spaceship, while
// the whole pattern is not; Esc cancels nothing afterwards.
func TestIdentifySelection(t *testing.T) {
	h := start(t, 100, 30, Options{Pattern: rle(t, "x = 12, y = 3\nbo$2bo6b3o$3o!\n"), Name: "two"})
	h.press(' ')
	h.idle()
	h.press('r')
	h.press(tcell.KeyCtrlA, 'I')
	f := h.wait("the identify panel", func(f frame) bool { return f.overlay == "identify" })
	if strings.Contains(f.text, "spaceship xq4_153") {
		t.Errorf("the whole pattern is a spaceship:\n%s", f.text)
	}
	h.press(tcell.KeyEscape, tcell.KeyEscape)
	// The pattern is centred on (0, 0): the glider's corner is at (-6, -1).
	h.press('e', tcell.KeyUp, 'h', 'h', 'h', 'h', 'h', 'h')
	if f = h.press('v', tcell.KeyRight, tcell.KeyRight, tcell.KeyDown, tcell.KeyDown); !strings.Contains(f.text, "Sel 3x3 5") {
		t.Fatalf("v and the arrows: want Sel 3x3 5:\n%s", f.text)
	}
	if f = h.press('I'); !strings.HasPrefix(f.msg, "identifying the selection (3 x 3)") && f.overlay != "identify" {
		t.Errorf("I: message %q", f.msg)
	}
	f = h.wait("the identify panel", func(f frame) bool { return f.overlay == "identify" })
	if !strings.Contains(f.text, "spaceship xq4_153, c/4 diagonal") {
		t.Errorf("the selected glider is not found a spaceship:\n%s", f.text)
	}
	if f.pop != "8" || f.gen != "0" {
		t.Errorf("after I: gen %s pop %s, want the universe as it was (gen 0, pop 8)", f.gen, f.pop)
	}
}
