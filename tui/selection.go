package tui

import (
	"fmt"
	"math/big"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
)

// The selection: a rectangle of cells that copy, cut, the transforms and
// the clears act on, as Golly's. v starts one at the cursor and enters
// select mode, where the arrows (and h j k l) stretch it from the corner
// it began at and a left-button drag selects another; Ctrl-A selects the
// whole pattern; Esc drops it.

// selection is a rectangle given by two corner cells, both inside it: the
// anchor, where it began, and the corner that moves.
type selection struct {
	on     bool
	ay, ax int64 // the anchor
	cy, cx int64 // the moving corner
}

// rect returns the cells the selection holds.
func (s selection) rect() engine.Rect {
	if !s.on {
		return engine.Rect{}
	}
	y, x := min(s.ay, s.cy), min(s.ax, s.cx)
	return engine.Rect{X: x, Y: y, W: max(s.ax, s.cx) - x + 1, H: max(s.ay, s.cy) - y + 1}
}

// selectionOf returns the selection of the rectangle r, anchored at its
// top-left corner.
func selectionOf(r engine.Rect) selection {
	return selection{on: true, ay: r.Y, ax: r.X, cy: r.Y + r.H - 1, cx: r.X + r.W - 1}
}

// startSelection starts a selection of one cell at the cursor and enters
// select mode; in select mode, v leaves it, keeping the selection.
func (u *controller) startSelection() {
	if u.selecting {
		u.selecting = false
		return
	}
	u.dropPaste()
	y, x := u.cursor()
	u.sel = selection{on: true, ay: y, ax: x, cy: y, cx: x}
	u.selecting = true
	u.board.SetScale(min(u.board.Scale(), ScaleSingle))
}

// cursor returns the cell the keys point at: the edit cursor in edit
// mode, else the middle of the board (which becomes the cursor).
func (u *controller) cursor() (y, x int64) {
	if !u.editing && !u.selecting {
		u.cursorY, u.cursorX = u.board.Centre()
		if !u.inside(u.cursorY, u.cursorX) {
			if r, ok := universe.Bounds(u.cur.Eng); ok {
				u.cursorY, u.cursorX = r.Y+r.H/2, r.X+r.W/2
			}
		}
	}
	return u.cursorY, u.cursorX
}

// stretch moves the selection's moving corner, and the cursor with it,
// by (dy, dx) cells, keeping it in the universe and in view.
func (u *controller) stretch(dy, dx int64) {
	y, x := u.sel.cy+dy, u.sel.cx+dx
	if !u.inside(y, x) {
		return
	}
	u.sel.cy, u.sel.cx = y, x
	u.cursorY, u.cursorX = y, x
	u.keepInView(y, x)
}

// keepInView pans the board, when the cell (y, x) is out of view, to put
// it in the middle.
func (u *controller) keepInView(y, x int64) {
	_, _, w, h := u.board.GetInnerRect()
	top, left, rows, cols := u.board.view(w, h)
	if y < top || y >= top+rows || x < left || x >= left+cols {
		u.board.SetCentre(y, x)
	}
}

// selectAll selects the pattern's bounding box (Golly's Select All), or on
// an empty bounded universe the whole grid.
func (u *controller) selectAll() {
	u.dropPaste()
	r, ok := u.cur.Eng.Bounds()
	if !ok {
		if r, ok = universe.Bounds(u.cur.Eng); !ok {
			u.msg = "select all: there are no live cells"
			return
		}
	}
	u.sel = selectionOf(r)
	u.selecting = false
}

// dropSelection forgets the selection and leaves select mode.
func (u *controller) dropSelection() {
	u.sel = selection{}
	u.selecting = false
}

// shrinkSelection shrinks the selection to the live cells in it (Golly's
// Shrink Selection).
func (u *controller) shrinkSelection() {
	if !u.sel.on {
		u.msg = "shrink: no selection (v selects, Ctrl-A selects all)"
		return
	}
	r, ok := universe.Shrink(u.cur.Eng, u.sel.rect())
	if !ok {
		u.msg = "shrink: no live cells in the selection"
		return
	}
	u.sel = selectionOf(r)
}

// selectPointer handles the mouse in select mode: a press of the left
// button starts a new selection at its cell, and a drag stretches it.
func (u *controller) selectPointer(p Pointer) {
	if !u.inside(p.Y, p.X) || !p.Left {
		return
	}
	switch p.Action {
	case PointerPress:
		u.sel = selection{on: true, ay: p.Y, ax: p.X, cy: p.Y, cx: p.X}
	case PointerDrag, PointerRelease:
		u.sel.cy, u.sel.cx = p.Y, p.X
	default:
		return
	}
	u.cursorY, u.cursorX = p.Y, p.X
}

// selPop returns the number of live cells in the selection, counted once
// for each world and rectangle.
func (u *controller) selPop() *big.Int {
	r := u.sel.rect()
	if c := u.selCount; c.n != nil && c.eng == u.cur.Eng && c.r == r {
		return c.n
	}
	n := universe.CountIn(u.cur.Eng, r)
	u.selCount = selCount{eng: u.cur.Eng, r: r, n: n}
	return n
}

// selCount is the number of live cells of a rectangle of an engine.
type selCount struct {
	eng engine.Engine
	r   engine.Rect
	n   *big.Int
}

// selectionText says what the status bar shows of the selection.
func (u *controller) selectionText() string {
	if !u.sel.on {
		return ""
	}
	r := u.sel.rect()
	return fmt.Sprintf("Sel %dx%d %s", r.W, r.H, readable(u.selPop()))
}

// needSelection returns the selection's rectangle, or false after saying
// that what (a verb: "copy") needs one.
func (u *controller) needSelection(what string) (engine.Rect, bool) {
	if !u.sel.on {
		u.msg = what + ": no selection (v selects at the cursor, Ctrl-A selects all)"
		return engine.Rect{}, false
	}
	return u.sel.rect(), true
}
