package tui

import (
	"math/big"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// The editing keys, each on a simulation screen: selection, the
// clipboard, the paste and its modes, the transforms, the clears, fill,
// go to generation, the settle toggle; every edit undone and redone.

// gliderRLE is the glider the editing tests start with.
const gliderRLE = "x = 3, y = 3\nbo$2bo$3o!\n"

// startGlider runs the UI on a 60 x 20 screen with a glider on the 60 x 36
// torus that fills the board, paused at generation 0. The glider's cells
// are (17, 30), (18, 31) and (19, 29) to (19, 31); the board's middle, the
// cursor's first place, is (18, 30); Golly's (0, 0) is (18, 30) too.
func startGlider(t *testing.T) *harness {
	t.Helper()
	h := start(t, 60, 20, Options{Pattern: rle(t, gliderRLE), Name: "glider.rle"})
	h.press(' ')
	h.idle()
	if f := h.press('r'); f.gen != "0" || f.pop != "5" {
		t.Fatalf("r: gen %s pop %s", f.gen, f.pop)
	}
	return h
}

// pic returns the current world's cells in the h x w rectangle at (y, x),
// a row a line, 'o' alive and '.' dead.
func (h *harness) pic(y, x int64, rows, cols int) string {
	var b strings.Builder
	h.do(func(u *controller) {
		for i := range int64(rows) {
			for j := range int64(cols) {
				if u.cur.Eng.Cell(y+i, x+j) {
					b.WriteByte('o')
				} else {
					b.WriteByte('.')
				}
			}
			b.WriteByte('\n')
		}
	})
	return b.String()
}

// lines joins rows as pic writes them.
func lines(rows ...string) string { return strings.Join(rows, "\n") + "\n" }

// keyMod injects a key with modifiers and waits until it is handled.
func (h *harness) keyMod(k tcell.Key, mod tcell.ModMask) frame {
	h.t.Helper()
	h.sent++
	h.sim.InjectKey(k, 0, mod)
	return h.wait("the key", func(f frame) bool { return f.keys >= h.sent })
}

// paste pastes text into the terminal, as a terminal with bracketed paste
// does, and waits until it is handled.
func (h *harness) paste(text string) frame {
	h.t.Helper()
	h.sim.PostEventWait(tcell.NewEventPaste(true)) // PostEvent drops an event when the queue is full
	for _, r := range text {
		if r == '\n' {
			h.sim.InjectKey(tcell.KeyEnter, 0, tcell.ModNone)
		} else {
			h.sim.InjectKey(tcell.KeyRune, r, tcell.ModNone)
		}
	}
	h.sim.PostEventWait(tcell.NewEventPaste(false))
	return h.sync()
}

// styles returns the board's characters as marks: 'S' underlined (the
// selection, without colours), 'P' bold (the floating paste), '#' reversed
// (the cursor), '.' the rest.
func (h *harness) styles() string {
	var b strings.Builder
	h.do(func(u *controller) {
		x0, y0, w, hh := u.board.GetInnerRect()
		for y := y0; y < y0+hh; y++ {
			for x := x0; x < x0+w; x++ {
				_, _, st, _ := h.sim.GetContent(x, y)
				_, _, a := st.Decompose()
				switch {
				case a&tcell.AttrReverse != 0:
					b.WriteByte('#')
				case a&tcell.AttrBold != 0:
					b.WriteByte('P')
				case a&tcell.AttrUnderline != 0:
					b.WriteByte('S')
				default:
					b.WriteByte('.')
				}
			}
			b.WriteByte('\n')
		}
	})
	return b.String()
}

// selRect returns the selection's rectangle, or false for none.
func (h *harness) selRect() (engine.Rect, bool) {
	var r engine.Rect
	var on bool
	h.do(func(u *controller) { r, on = u.sel.rect(), u.sel.on })
	return r, on
}

// TestSelectKeys selects with v and the arrows, hjkl, Esc, Ctrl-A, the
// mouse in select mode and S, and checks the status bar, the selection
// and the characters it covers; the pointer's cell shows in Golly's
// coordinates.
func TestSelectKeys(t *testing.T) {
	h := startGlider(t)
	f := h.press('v')
	if !strings.Contains(f.text, "Sel 1x1 0") || !strings.Contains(f.text, "SELECT") || !strings.Contains(f.text, "(0,0)") {
		t.Errorf("v: want Sel 1x1 0, SELECT and the cursor's (0,0):\n%s", f.text)
	}
	if f = h.press(tcell.KeyRight, tcell.KeyDown); !strings.Contains(f.text, "Sel 2x2 3") {
		t.Errorf("v Right Down: want Sel 2x2 3:\n%s", f.text)
	}
	if f = h.press('h', 'k', 'k'); !strings.Contains(f.text, "Sel 1x2 1") {
		t.Errorf("h k k: want Sel 1x2 1:\n%s", f.text)
	}
	if r, _ := h.selRect(); r != (engine.Rect{X: 30, Y: 17, W: 1, H: 2}) {
		t.Errorf("the selection is %+v, want (30, 17) 1 x 2", r)
	}
	// One column a cell in select mode: the board's row 0 is cell row 9;
	// the selection's two cells are underlined, and the corner, where the
	// cursor is, reversed.
	st := strings.Split(h.styles(), "\n")
	if st[8][30] != '#' || st[9][30] != 'S' || st[9][31] != '.' || strings.Count(strings.Join(st, ""), "S") != 1 {
		t.Errorf("the selection's characters:\n%s", strings.Join(st[6:12], "\n"))
	}
	if f = h.press(tcell.KeyEscape); strings.Contains(f.text, "Sel ") || strings.Contains(f.text, "SELECT") {
		t.Errorf("Esc: the selection is still there:\n%s", f.text)
	}
	if f = h.press(tcell.KeyCtrlA); !strings.Contains(f.text, "Sel 3x3 5") || strings.Contains(f.text, "SELECT") {
		t.Errorf("Ctrl-A: want Sel 3x3 5, not in select mode:\n%s", f.text)
	}
	// A drag in select mode selects from (15, 27) to (21, 33).
	h.press(tcell.KeyEscape, 'v')
	h.mouse(27, 6, tcell.Button1)
	h.mouse(30, 9, tcell.Button1)
	h.mouse(33, 12, tcell.Button1)
	h.mouse(33, 12, tcell.ButtonNone)
	if f = h.sync(); !strings.Contains(f.text, "Sel 7x7 5") || f.pop != "5" {
		t.Errorf("a drag: want Sel 7x7 5 and no cell drawn:\n%s", f.text)
	}
	if f = h.press('S'); !strings.Contains(f.text, "Sel 3x3 5") {
		t.Errorf("S: want Sel 3x3 5:\n%s", f.text)
	}
	if r, _ := h.selRect(); r != (engine.Rect{X: 29, Y: 17, W: 3, H: 3}) {
		t.Errorf("S: the selection is %+v, want the glider's box", r)
	}
	// The pointer over the cell (12, 10): Golly's (-20, -6).
	h.mouse(10, 3, tcell.ButtonNone)
	if f = h.sync(); !strings.Contains(f.text, "(-20,-6)") {
		t.Errorf("the pointer over (12, 10): no (-20,-6):\n%s", f.text)
	}
}

// TestClipboardKeys copies the glider to the clipboards and pastes it back
// one cell right of itself in each of the four modes, checking every cell,
// the status bar and the screen, and undoing each.
func TestClipboardKeys(t *testing.T) {
	h := startGlider(t)
	h.press(tcell.KeyCtrlA)
	if f := h.press(tcell.KeyCtrlC); f.msg != "copied 5 cells (3 x 3) to the clipboard" {
		t.Errorf("Ctrl-C: message %q", f.msg)
	}
	var clip string
	h.do(func(*controller) { clip = string(h.sim.GetClipboardData()) })
	if want := "x = 3, y = 3, rule = B3/S23\nbo$2bo$3o!\n"; clip != want {
		t.Errorf("the terminal's clipboard holds %q, want %q", clip, want)
	}
	h.press(tcell.KeyEscape)
	glider := lines(".o..", "..o.", "ooo.")
	for i, c := range []struct {
		mode string
		want string
	}{
		{"or", lines(".oo.", "..oo", "oooo")},
		{"copy", lines("..o.", "...o", "oooo")},
		{"xor", lines(".oo.", "..oo", "o..o")},
		{"and", lines("....", "....", "ooo.")},
	} {
		f := h.press(tcell.KeyCtrlV)
		if i > 0 {
			f = h.press('m')
		}
		if !strings.Contains(f.text, "Paste 3x3 "+c.mode) {
			t.Errorf("%s: the status bar:\n%s", c.mode, f.text)
		}
		if i == 0 {
			// Floating at (18, 30), half a character a cell: its cells
			// (18, 31), (19, 32) and (20, 30..32) are bold, in rows 9 and
			// 10 of the board; the glider under it shows through.
			st := strings.Split(h.styles(), "\n")
			if got := st[9][29:34] + "|" + st[10][29:34]; got != "..PP.|.PPP." {
				t.Errorf("the floating paste's characters: %q, want %q", got, "..PP.|.PPP.")
			}
			if rows := strings.Split(f.text, "\n"); string([]rune(rows[9])[29:]) != "▄▄█▄" || string([]rune(rows[10])[30:]) != "▀▀▀" {
				t.Errorf("the board under the paste:\n%s", f.text)
			}
		}
		if f = h.press(tcell.KeyUp); !strings.Contains(f.text, "PASTE: arrows/mouse move, Enter places") {
			t.Errorf("%s: the hint:\n%s", c.mode, f.text)
		}
		f = h.press(tcell.KeyEnter) // at (17, 30), one right of the glider
		if got := h.pic(17, 29, 3, 4); got != c.want {
			t.Errorf("pasted in %s mode:\n%swant\n%s", c.mode, got, c.want)
		}
		if want := "pasted 3 x 3 cells in " + c.mode + " mode at (0,-1)"; f.msg != want || strings.Contains(f.text, "PASTE") {
			t.Errorf("%s: message %q, want %q", c.mode, f.msg, want)
		}
		h.press('u')
		if got := h.pic(17, 29, 3, 4); got != glider {
			t.Errorf("%s: u left\n%s", c.mode, got)
		}
		h.press(tcell.KeyCtrlY)
		if got := h.pic(17, 29, 3, 4); got != c.want {
			t.Errorf("%s: Ctrl-Y left\n%s", c.mode, got)
		}
		h.press('u')
	}
	// Elsewhere, in or mode again: ten cells.
	h.press(tcell.KeyCtrlV, 'm')
	f := h.press('l', 'l', 'l', 'l', tcell.KeyEnter)
	if f.pop != "10" || h.pic(18, 34, 3, 3) != lines(".o.", "..o", "ooo") {
		t.Errorf("pasted at (18, 34): pop %s:\n%s", f.pop, h.pic(18, 34, 3, 3))
	}
	// Esc drops a paste, placing nothing.
	h.press(tcell.KeyCtrlV, tcell.KeyDown)
	if f = h.press(tcell.KeyEscape); f.pop != "10" || strings.Contains(f.text, "Paste") {
		t.Errorf("Esc: pop %s:\n%s", f.pop, f.text)
	}
}

// TestCutKeys cuts the glider, pastes it elsewhere, and undoes and redoes
// both.
func TestCutKeys(t *testing.T) {
	h := startGlider(t)
	h.press(tcell.KeyCtrlA)
	if f := h.press(tcell.KeyCtrlX); f.pop != "0" || f.msg != "cut 5 cells (3 x 3) to the clipboard" {
		t.Errorf("Ctrl-X: pop %s, message %q", f.pop, f.msg)
	}
	h.press(tcell.KeyEscape, tcell.KeyCtrlV)
	f := h.press(tcell.KeyLeft, tcell.KeyLeft, tcell.KeyLeft, tcell.KeyLeft, tcell.KeyLeft, tcell.KeyEnter)
	if f.pop != "5" || h.pic(18, 25, 3, 3) != lines(".o.", "..o", "ooo") {
		t.Errorf("pasted at (18, 25): pop %s:\n%s", f.pop, h.pic(18, 25, 3, 3))
	}
	if f = h.press('u'); f.pop != "0" {
		t.Errorf("u: pop %s, want 0", f.pop)
	}
	if f = h.press('u'); f.pop != "5" || h.pic(17, 29, 3, 3) != lines(".o.", "..o", "ooo") {
		t.Errorf("u u: pop %s, want the glider back:\n%s", f.pop, h.pic(17, 29, 3, 3))
	}
	h.press(tcell.KeyCtrlY)
	if f = h.press(tcell.KeyCtrlY); f.pop != "5" || h.pic(18, 25, 3, 3) != lines(".o.", "..o", "ooo") {
		t.Errorf("Ctrl-Y Ctrl-Y: pop %s:\n%s", f.pop, h.pic(18, 25, 3, 3))
	}
}

// TestBracketedPaste pastes RLE and plaintext into the terminal: each
// floats, and Enter places it; text that is no pattern says why.
func TestBracketedPaste(t *testing.T) {
	h := startGlider(t)
	f := h.paste("x = 2, y = 2\n2o$2o!\n")
	if !strings.Contains(f.text, "Paste 2x2 or") {
		t.Fatalf("a pasted block does not float:\n%s", f.text)
	}
	f = h.press('h', 'h', 'h', 'h', 'h', 'h', tcell.KeyEnter)
	if f.pop != "9" || h.pic(18, 24, 2, 2) != lines("oo", "oo") {
		t.Errorf("the block at (18, 24): pop %s:\n%s", f.pop, h.pic(18, 24, 2, 2))
	}
	f = h.paste("!Name: blinker\n.....\nOOO\n")
	if !strings.Contains(f.text, "Paste 3x2 or") {
		t.Fatalf("a pasted blinker does not float:\n%s", f.text)
	}
	f = h.press('j', 'j', 'j', tcell.KeyEnter)
	if f.pop != "12" || h.pic(22, 30, 1, 3) != lines("ooo") {
		t.Errorf("the blinker at (22, 30): pop %s:\n%s", f.pop, h.pic(21, 30, 2, 3))
	}
	// The paste became the clipboard.
	if f = h.press(tcell.KeyCtrlV); !strings.Contains(f.text, "Paste 3x2 or") {
		t.Errorf("Ctrl-V after a paste: want the blinker:\n%s", f.text)
	}
	h.press(tcell.KeyEscape)
	if f = h.paste("hello, world\n"); !strings.HasPrefix(f.msg, "paste: pasted text:1:") || f.pop != "12" {
		t.Errorf("pasting text that is no pattern: message %q, pop %s", f.msg, f.pop)
	}
}

// TestTransformKeys flips and rotates the selection with x, y, > and <,
// checks every cell after each, and undoes and redoes them; a non-square
// selection turns about its middle as Golly's does.
func TestTransformKeys(t *testing.T) {
	h := startGlider(t)
	h.press(tcell.KeyCtrlA)
	steps := []struct {
		key  rune
		want string
	}{
		{'x', lines(".o.", "o..", "ooo")},
		{'y', lines("ooo", "o..", ".o.")},
		{'>', lines(".oo", "o.o", "..o")},
		{'<', lines("ooo", "o..", ".o.")},
	}
	for _, s := range steps {
		f := h.press(s.key)
		if got := h.pic(17, 29, 3, 3); got != s.want || f.pop != "5" {
			t.Errorf("%c: pop %s\n%swant\n%s", s.key, f.pop, got, s.want)
		}
	}
	for i := len(steps) - 1; i >= 0; i-- {
		h.press('u')
		want := lines(".o.", "..o", "ooo")
		if i > 0 {
			want = steps[i-1].want
		}
		if got := h.pic(17, 29, 3, 3); got != want {
			t.Errorf("undoing %c:\n%swant\n%s", steps[i].key, got, want)
		}
	}
	h.press(tcell.KeyCtrlY)
	if got := h.pic(17, 29, 3, 3); got != steps[0].want {
		t.Errorf("Ctrl-Y:\n%s", got)
	}
	h.press('u', tcell.KeyEscape)
	// A 3 x 2 selection from (17, 29): turned clockwise about its middle
	// (17, 30), it is 2 x 3 at (16, 30).
	h.press('e', tcell.KeyUp, tcell.KeyLeft, 'v', tcell.KeyRight, tcell.KeyRight, tcell.KeyDown)
	f := h.press('>')
	if r, _ := h.selRect(); r != (engine.Rect{X: 30, Y: 16, W: 2, H: 3}) || !strings.Contains(f.text, "Sel 2x3 2") {
		t.Errorf(">: the selection is %+v, want (30, 16) 2 x 3:\n%s", r, f.text)
	}
	if got, want := h.pic(16, 29, 4, 3), lines("...", "..o", ".o.", "ooo"); got != want {
		t.Errorf("> on 3 x 2:\n%swant\n%s", got, want)
	}
}

// TestTransformPasteKeys turns and flips a floating paste before placing
// it.
func TestTransformPasteKeys(t *testing.T) {
	h := startGlider(t)
	h.press(tcell.KeyCtrlA, tcell.KeyCtrlC, tcell.KeyEscape, tcell.KeyCtrlV)
	if f := h.press('>'); f.msg != "paste rotated clockwise" || f.pop != "5" {
		t.Errorf(">: message %q, pop %s", f.msg, f.pop)
	}
	h.press('x')
	f := h.press('h', 'h', 'h', 'h', 'h', 'h', tcell.KeyEnter)
	if got, want := h.pic(18, 24, 3, 3), lines("..o", "o.o", ".oo"); got != want || f.pop != "10" {
		t.Errorf("the paste turned clockwise and flipped (pop %s):\n%swant\n%s", f.pop, got, want)
	}
	if f = h.press('u'); f.pop != "5" {
		t.Errorf("u: pop %s", f.pop)
	}
}

// TestEditX checks that in edit mode x toggles the cell under the cursor
// when nothing is selected, and flips the selection when something is;
// the help says so.
func TestEditX(t *testing.T) {
	h := startGlider(t)
	if f := h.press('e', 'x'); f.pop != "6" || h.pic(18, 30, 1, 1) != "o\n" {
		t.Errorf("e x: pop %s", f.pop)
	}
	if f := h.press('x'); f.pop != "5" {
		t.Errorf("x again: pop %s", f.pop)
	}
	h.press(tcell.KeyCtrlA)
	if f := h.press('x'); f.pop != "5" || h.pic(17, 29, 3, 3) != lines(".o.", "o..", "ooo") {
		t.Errorf("x with a selection: pop %s\n%s", f.pop, h.pic(17, 29, 3, 3))
	}
	if !regexp.MustCompile(`x toggles its cell \(no selection\)`).MatchString(strings.Join(helpLines(76), "\n")) {
		t.Errorf("the help does not say what x does in edit mode")
	}
}

// TestClearKeys clears inside the selection with Delete and outside it
// with D and Shift-Delete, undoing and redoing each.
func TestClearKeys(t *testing.T) {
	h := startGlider(t)
	h.do(func(u *controller) { // a block at (5, 5) as well
		w := u.cur.Clone()
		for _, c := range [][2]int64{{5, 5}, {5, 6}, {6, 5}, {6, 6}} {
			w.Eng.SetCell(c[0], c[1], true)
		}
		u.edit(w)
	})
	f := h.press('e', tcell.KeyUp, tcell.KeyLeft, 'v', tcell.KeyDown, tcell.KeyDown, tcell.KeyRight, tcell.KeyRight)
	if !strings.Contains(f.text, "Sel 3x3 5") || f.pop != "9" {
		t.Fatalf("the glider selected: pop %s:\n%s", f.pop, f.text)
	}
	if f = h.press(tcell.KeyDelete); f.pop != "4" || h.pic(17, 29, 3, 3) != lines("...", "...", "...") {
		t.Errorf("Delete: pop %s", f.pop)
	}
	if f = h.press('u'); f.pop != "9" {
		t.Errorf("u: pop %s", f.pop)
	}
	if f = h.press('D'); f.pop != "5" || h.pic(5, 5, 2, 2) != lines("..", "..") || h.pic(17, 29, 3, 3) != lines(".o.", "..o", "ooo") {
		t.Errorf("D: pop %s", f.pop)
	}
	if f = h.press('u'); f.pop != "9" {
		t.Errorf("u: pop %s", f.pop)
	}
	if f = h.keyMod(tcell.KeyDelete, tcell.ModShift); f.pop != "5" || h.pic(5, 5, 2, 2) != lines("..", "..") {
		t.Errorf("Shift-Delete: pop %s", f.pop)
	}
	if f = h.press(tcell.KeyCtrlZ); f.pop != "9" {
		t.Errorf("Ctrl-Z: pop %s", f.pop)
	}
	if f = h.press(tcell.KeyCtrlY); f.pop != "5" {
		t.Errorf("Ctrl-Y: pop %s", f.pop)
	}
	h.press(tcell.KeyEscape, tcell.KeyEscape)
	if f = h.press(tcell.KeyDelete); !strings.HasPrefix(f.msg, "clear: no selection") || f.pop != "5" {
		t.Errorf("Delete without a selection: message %q, pop %s", f.msg, f.pop)
	}
}

// TestFillKey fills a selection at densities 1 and 0 and the view at 1,
// undoing each.
func TestFillKey(t *testing.T) {
	h := startGlider(t)
	h.press('e')
	for range 8 {
		h.press(tcell.KeyUp)
	}
	for range 20 {
		h.press(tcell.KeyLeft)
	}
	f := h.press('v', tcell.KeyRight, tcell.KeyRight, tcell.KeyRight, tcell.KeyDown, tcell.KeyDown)
	if !strings.Contains(f.text, "Sel 4x3 0") {
		t.Fatalf("a 4 x 3 selection at (10, 10):\n%s", f.text)
	}
	f = h.press('F', tcell.KeyCtrlU, '1')
	if !strings.Contains(f.text, "each of the 4 x 3 cells of the selection will be alive") {
		t.Errorf("F: the prompt:\n%s", f.text)
	}
	if f = h.press(tcell.KeyEnter); f.pop != "17" || h.pic(10, 10, 3, 4) != lines("oooo", "oooo", "oooo") {
		t.Errorf("F 1: pop %s\n%s", f.pop, h.pic(9, 9, 5, 6))
	}
	if f = h.press('F', tcell.KeyCtrlU, '0', tcell.KeyEnter); f.pop != "5" {
		t.Errorf("F 0: pop %s", f.pop)
	}
	if f = h.press('u'); f.pop != "17" {
		t.Errorf("u: pop %s", f.pop)
	}
	h.press(tcell.KeyEscape) // the selection goes: F fills the view
	var view engine.Rect
	h.do(func(u *controller) { view = u.viewRect() })
	if f = h.press('F', tcell.KeyCtrlU, '1', tcell.KeyEnter); f.pop != readable(bigInt(view.W*view.H)) {
		t.Errorf("F 1 without a selection: pop %s, want the view's %d x %d", f.pop, view.W, view.H)
	}
	if f = h.press('u'); f.pop != "17" {
		t.Errorf("u: pop %s", f.pop)
	}
}

// TestGoToKey goes to a generation forward and back, each one undo step.
func TestGoToKey(t *testing.T) {
	h := startGlider(t)
	var want10, want4 string
	h.do(func(u *controller) {
		for _, c := range []struct {
			n   uint64
			out *string
		}{{10, &want10}, {4, &want4}} {
			w := u.start.Clone()
			if err := w.Eng.Step(t.Context(), c.n); err != nil {
				t.Error(err)
			}
			var b strings.Builder
			w.Eng.Visit(engine.Rect{W: 60, H: 36}, func(y, x int64) { b.WriteString(rleCell(y, x)) })
			*c.out = b.String()
		}
	})
	cellsNow := func() string {
		var b strings.Builder
		h.do(func(u *controller) {
			u.cur.Eng.Visit(engine.Rect{W: 60, H: 36}, func(y, x int64) { b.WriteString(rleCell(y, x)) })
		})
		return b.String()
	}
	f := h.press('g', tcell.KeyCtrlU, "10")
	if !strings.Contains(f.text, "10 generations forward") {
		t.Errorf("g 10: the prompt:\n%s", f.text)
	}
	h.press(tcell.KeyEnter)
	if f = h.idle(); f.gen != "10" || cellsNow() != want10 {
		t.Errorf("g 10: gen %s", f.gen)
	}
	f = h.press('g', tcell.KeyCtrlU, "4")
	if !strings.Contains(f.text, "back to the start (gen 0), then 4 generations") {
		t.Errorf("g 4: the prompt:\n%s", f.text)
	}
	h.press(tcell.KeyEnter)
	if f = h.idle(); f.gen != "4" || cellsNow() != want4 {
		t.Errorf("g 4: gen %s", f.gen)
	}
	if f = h.press('u'); f.gen != "10" || cellsNow() != want10 {
		t.Errorf("u: gen %s", f.gen)
	}
	if f = h.press('u'); f.gen != "0" {
		t.Errorf("u u: gen %s", f.gen)
	}
	f = h.press('g', tcell.KeyCtrlU, "-3", tcell.KeyEnter)
	if f.overlay != "goto" || !strings.Contains(f.text, "want a generation") {
		t.Errorf("g -3: overlay %q:\n%s", f.overlay, f.text)
	}
	h.press(tcell.KeyEscape)
}

// rleCell writes a cell for a comparison of cells.
func rleCell(y, x int64) string { return "(" + itoa(y) + "," + itoa(x) + ")" }

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

func bigInt(v int64) *big.Int { return big.NewInt(v) }

// TestSettleToggleKey: p makes a run pause when it settles, and the status
// bar says which; resumed, the run goes on.
func TestSettleToggleKey(t *testing.T) {
	h := start(t, 100, 12, Options{Pattern: rle(t, "x = 3, y = 1\n3o!\n"), Name: "blinker"})
	f := h.wait("the settle message", func(f frame) bool { return strings.HasPrefix(f.msg, "oscillator") })
	if !f.running || !strings.Contains(f.text, "settle:go") {
		t.Errorf("by default a settled run goes on, and says so:\n%s", f.text)
	}
	if f = h.press('p'); !strings.Contains(f.text, "settle:pause") || f.msg != "the run pauses when it settles (p: only say so)" {
		t.Errorf("p: message %q:\n%s", f.msg, f.text)
	}
	h.press(' ')
	h.idle()
	h.press('r', ' ')
	if f = h.idle(); f.msg != "oscillator xp2_7, period 2, from gen 0" {
		t.Errorf("paused at settling: message %q", f.msg)
	}
	g := gen(t, f)
	h.press(' ')
	h.wait("the run to go on", func(f frame) bool { return f.running && gen(t, f) > g+10 })
	if f = h.press('p'); !strings.Contains(f.text, "settle:go") {
		t.Errorf("p again:\n%s", f.text)
	}
}

// TestUnsavedUndo: an edit undone leaves nothing unsaved, and q quits at
// once.
func TestUnsavedUndo(t *testing.T) {
	h := startGlider(t)
	h.press('e', 'x')
	if f := h.press('q'); f.overlay != "confirm" {
		t.Fatalf("q after an edit: overlay %q", f.overlay)
	}
	h.press('n', 'u')
	h.key(tcell.KeyRune, 'q')
	h.wait("Run to return", nil)
}

// TestSaveFormats saves the glider with s in each format the writers know,
// by the extension (.mc included, .gz compressing), and reads each file
// back; an extension no writer knows is refused as it is typed.
func TestSaveFormats(t *testing.T) {
	h := startGlider(t)
	dir := t.TempDir()
	for _, name := range []string{"g.rle", "g.mc", "g.cells", "g.lif", "g.mc.gz", "g"} {
		path := filepath.Join(dir, name)
		h.press('s', tcell.KeyCtrlU, path, tcell.KeyEnter)
		f := h.tasked()
		if !strings.HasPrefix(f.msg, "saved 5 cells at gen 0 to "+path) {
			t.Errorf("s %s: message %q", name, f.msg)
			continue
		}
		p, err := patterns.ReadFile(path)
		if err != nil || p.Population() != 5 {
			t.Errorf("%s: %v, %d cells", name, err, p.Population())
			continue
		}
		if top, left, hh, w, _ := p.Bounds(); w != 3 || hh != 3 || !slices.Contains(p.Runs, patterns.Run{Y: top + 2, X: left, N: 3}) {
			t.Errorf("%s: the glider read back as %+v", name, p.Runs)
		}
	}
	f := h.press('s', tcell.KeyCtrlU, filepath.Join(dir, "g.txt"))
	if !strings.Contains(f.text, "want a name ending in") {
		t.Errorf("s g.txt: no word about the extension:\n%s", f.text)
	}
	if f = h.press(tcell.KeyEnter); f.overlay != "save" {
		t.Errorf("Enter on g.txt closed the prompt")
	}
	h.press(tcell.KeyEscape)
}

// TestEditHugePopulation: the edits count the cells of the selection, not
// of the universe, and Delete of a selection holding every live cell
// clears the universe at once, however many cells it has.
func TestEditHugePopulation(t *testing.T) {
	wrap := func(w world) world {
		w.Eng = hugePop{w.Eng}
		return w
	}
	h := start(t, 70, 20, Options{Pattern: rle(t, gliderRLE), Settings: planeSettings, wrap: wrap, Engines: planeEngines})
	h.press(' ')
	h.idle()
	h.press(tcell.KeyCtrlA)
	if f := h.press('>'); f.msg != "selection rotated clockwise" || f.pop != "1.000e21" {
		t.Errorf(">: message %q, pop %s", f.msg, f.pop)
	}
	if f := h.press(tcell.KeyDelete); f.pop != "0" {
		t.Errorf("Delete of everything: pop %s, message %q", f.pop, f.msg)
	}
	if f := h.press('u'); f.pop != "1.000e21" {
		t.Errorf("u: pop %s", f.pop)
	}
}
