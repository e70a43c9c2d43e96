package tui

import (
	"fmt"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/patterns"
)

// The floating paste: a pattern pasted (Ctrl-V, or into the terminal)
// floats over the board, with its top-left cell under the cursor, until
// Enter (or a click) places it, combined with the cells under it in the
// paste mode m cycles through (Golly's or, copy, xor and and; see
// [universe.PasteMode]). The arrows and h j k l move it, a cell at a time
// or a character's cells zoomed out, and so does the mouse; x, y, > and <
// turn it; Esc drops it.

// floating is the floating paste: a pattern as a rectangle (see
// [universe.Copy]) with its cell (0, 0) at (y, x).
type floating struct {
	p    *patterns.Pattern
	y, x int64
}

// rect returns the cells the paste covers.
func (f *floating) rect() engine.Rect {
	w, h := f.p.Size()
	return engine.Rect{X: f.x, Y: f.y, W: w, H: h}
}

// dropPaste drops the floating paste, if any.
func (u *controller) dropPaste() { u.paste = nil }

// movePaste moves the floating paste by (dy, dx) cells at the finer
// scales, or characters' cells zoomed out (past braille). It keeps the
// paste's corner in view.
func (u *controller) movePaste(dy, dx int) {
	across, down := int64(1), int64(1)
	if s := u.board.Scale(); s.shift() > 0 {
		_, across, down = s.geometry()
	}
	f := u.paste
	f.y += int64(dy) * down
	f.x += int64(dx) * across
	u.cursorY, u.cursorX = f.y, f.x
	u.keepInView(f.y, f.x)
}

// placePaste puts the floating paste on the universe in the paste mode, as
// one edit, drops it, and selects what was pasted, as Golly does, so that
// the keys that act on the selection act on it next.
func (u *controller) placePaste() {
	f := u.paste
	u.paste = nil
	w := u.cur.Clone()
	dropped := universe.Paste(w.Eng, f.p, f.y, f.x, u.pasteMode)
	u.edit(w)
	if r := universe.Clip(u.cur.Eng, f.rect()); r.W > 0 && r.H > 0 {
		u.sel, u.selecting = selectionOf(r), false
	}
	pw, ph := f.p.Size()
	u.msg = fmt.Sprintf("pasted %d x %d cells in %s mode at (%d,%d)", pw, ph, u.pasteMode, f.x+u.cur.OffX, f.y+u.cur.OffY)
	if dropped > 0 {
		u.msg += fmt.Sprintf("; %d live cells fell outside the grid and were left out", dropped)
	}
}

// cyclePasteMode moves to the next paste mode.
func (u *controller) cyclePasteMode() {
	u.pasteMode = u.pasteMode.Next()
	u.msg = "paste mode " + u.pasteMode.String()
}

// pastePointer handles the mouse while a paste floats: it follows the
// pointer, and a left click places it.
func (u *controller) pastePointer(p Pointer) {
	u.paste.y, u.paste.x = p.Y, p.X
	u.cursorY, u.cursorX = p.Y, p.X
	if p.Action == PointerPress && p.Left {
		u.placePaste()
	}
}

// pasteText says what the status bar shows of the floating paste.
func (u *controller) pasteStatus() string {
	if u.paste == nil {
		return ""
	}
	r := u.paste.rect()
	return fmt.Sprintf("Paste %dx%d %s", r.W, r.H, u.pasteMode)
}
