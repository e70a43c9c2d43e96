package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
)

// binding is one line of the key help: the keys, and what they do.
type binding struct{ keys, what string }

// bindings are the keys, in the order the help lists them, under headings
// (a binding without keys).
var bindings = []binding{
	{"", "Running"},
	{"Space", "play or pause (Enter too, when no paste floats)"},
	{"n  .", "one generation"},
	{"Tab", "one step of base^exp generations (2 on hashlife, else 10)"},
	{"+ =  - _", "faster / slower: the step's exponent, then 1000..1 gen/s"},
	{"g", "go to a generation (forward by running, back from start)"},
	{"p", "pause when a run settles, or only say so (the default)"},
	{"b", "back one generation (rewind history)"},
	{"r", "reset to the starting pattern"},
	{"Esc", "cancel a jump, open or recording; drop paste or selection"},
	{"", "Viewing"},
	{"] [", "zoom in / out (the mouse wheel too)"},
	{"f", "fit the pattern in the window"},
	{"m", "centre the origin (while a paste floats: its mode)"},
	{"arrows hjkl", "pan, or move the cursor, selection corner or paste"},
	{"mouse", "left draws, right erases, middle drag pans"},
	{"", "Editing"},
	{"e", "edit mode: a cursor; x toggles its cell (no selection)"},
	{"v", "select from the cursor: arrows stretch, mouse drags; v ends"},
	{"Ctrl-A", "select the whole pattern"},
	{"S", "shrink the selection to its live cells"},
	{"Ctrl-C  Ctrl-X", "copy / cut the selection as RLE (system clipboard too)"},
	{"Ctrl-V", "paste (a pattern pasted into the terminal floats too)"},
	{"Enter", "place the floating paste (a left click too)"},
	{"m", "paste mode: or, copy, xor, and"},
	{"x  y", "flip the paste or selection left-right / top-bottom"},
	{">  <", "rotate the paste or selection clockwise / anticlockwise"},
	{"Delete", "clear the selection"},
	{"D  Shift-Del", "clear outside the selection"},
	{"F", "fill the selection or the view at random (asks density)"},
	{"c", "clear the universe"},
	{"u Ctrl-Z  Ctrl-Y", "undo / redo: each edit, step and run"},
	{"", "Files"},
	{"o", "open: search the library, --patterns and Golly's patterns"},
	{"s", "save: .rle .mc .cells .lif by extension (.gz compresses)"},
	{"P  G", "save a PNG of the view / record a GIF of N generations"},
	{"R", "change the rule and topology (B3/S23:T100,80)"},
	{"E", "choose the engine (and stop switching by itself)"},
	{"i", "the pattern's name, file, rule, size and comments"},
	{"I  t", "identify the selection (or all) / follow a spaceship"},
	{"?", "this help"},
	{"q", "quit (asks first when there are unsaved edits)"},
}

// keyColumn is the width of the help's column of keys.
const keyColumn = 19

// helpLines returns the help's lines for a width of w characters: the
// keys in a column of their own, what they do wrapped beside them.
func helpLines(w int) []string {
	var lines []string
	for i, k := range bindings {
		if k.keys == "" {
			if i > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, k.what)
			continue
		}
		text := fmt.Sprintf("  %-*s %s", keyColumn-3, k.keys, k.what)
		if len(k.keys) > keyColumn-3 {
			text = "  " + k.keys + "  " + k.what
		}
		lines = append(lines, wrapLine(text, w, keyColumn)...)
	}
	return lines
}

// KeysHelp returns the table of keys, as life --help shows it: for 80
// columns.
func KeysHelp() string { return strings.Join(helpLines(78), "\n") + "\n" }

// capture sees every key first. With an overlay open it lets keys through
// to the overlay, but for Ctrl-C, which tview would take to quit;
// otherwise it acts on them. It runs on the event loop.
func (u *controller) capture(ev *tcell.EventKey) *tcell.EventKey {
	u.keys++
	u.keyAt = ev.When()
	if u.overlay != "" {
		if ev.Key() == tcell.KeyCtrlC {
			return nil
		}
		return ev
	}
	msg := u.msg
	if u.key(ev) && u.msg == msg && !u.editing {
		u.msg = "" // a key that says nothing itself clears the message
	}
	return nil // never tview's: it would quit on Ctrl-C
}

// key acts on a key pressed over the board, and reports whether it was
// one of the UI's.
func (u *controller) key(ev *tcell.EventKey) bool {
	switch ev.Key() {
	case tcell.KeyEnter:
		if u.paste != nil {
			u.placePaste()
		} else {
			u.togglePlay()
		}
	case tcell.KeyTab:
		n, _ := u.step()
		u.stepBy(n)
	case tcell.KeyCtrlZ:
		u.undoOnce()
	case tcell.KeyCtrlY:
		u.redoOnce()
	case tcell.KeyCtrlC:
		u.copySelection(false)
	case tcell.KeyCtrlX:
		u.copySelection(true)
	case tcell.KeyCtrlV:
		u.pasteClipboard()
	case tcell.KeyCtrlA:
		u.selectAll()
	case tcell.KeyDelete:
		u.clearSelection(ev.Modifiers()&tcell.ModShift != 0)
	case tcell.KeyEscape:
		u.escape()
	case tcell.KeyUp:
		u.move(-1, 0)
	case tcell.KeyDown:
		u.move(1, 0)
	case tcell.KeyLeft:
		u.move(0, -1)
	case tcell.KeyRight:
		u.move(0, 1)
	case tcell.KeyRune:
		return u.runeKey(ev.Rune())
	default:
		return false
	}
	return true
}

// escape cancels, one thing a press: a task (an open, a save), an
// identification, a recording or a jump in flight, then the floating paste, then the selection, then
// edit mode.
func (u *controller) escape() {
	switch {
	case u.cancelTasks(): // an open, a save, a listing
	case u.ident.running || u.ident.queued:
		u.ident.queued, u.ident.running = false, false
		u.dropJob()
		u.msg = "identify cancelled"
	case u.recordingActive():
		u.pause() // cancels the recording
	case u.computing():
		u.cancelJump()
	case u.paste != nil:
		u.dropPaste()
	case u.sel.on || u.selecting:
		u.dropSelection()
	default:
		u.editing = false
	}
}

// runeKey acts on a printable key, and reports whether it was one of the
// UI's.
func (u *controller) runeKey(r rune) bool {
	switch r {
	case ' ':
		u.togglePlay()
	case 'n', '.':
		u.stepBy(1)
	case '+', '=':
		u.speedUp()
	case '-', '_':
		u.slowDown()
	case 'g':
		u.askGoTo()
	case 'p':
		u.pauseAtSettle = !u.pauseAtSettle
		if u.pauseAtSettle {
			u.msg = "the run pauses when it settles (p: only say so)"
		} else {
			u.msg = "the run only says when it settles (p: pause then)"
		}
	case ']':
		u.board.Zoom(1)
	case '[':
		u.board.Zoom(-1)
	case 'f':
		u.fit()
	case 'm':
		if u.paste != nil {
			u.cyclePasteMode()
		} else {
			u.centreOrigin()
		}
	case 'k':
		u.move(-1, 0)
	case 'j':
		u.move(1, 0)
	case 'h':
		u.move(0, -1)
	case 'l':
		u.move(0, 1)
	case 'b':
		u.stepBack()
	case 'u':
		u.undoOnce()
	case 'r':
		u.reset()
	case 'c':
		u.clear()
	case 'F':
		u.askFill()
	case 'S':
		u.shrinkSelection()
	case 'D':
		u.clearSelection(true)
	case 'v':
		u.startSelection()
	case 'e':
		u.editing = !u.editing
		if u.editing {
			// One cell a character at least, so that the cursor is one cell.
			u.board.SetScale(min(u.board.Scale(), ScaleSingle))
			u.cursorY, u.cursorX = u.board.Centre()
		}
	case 'x':
		if !u.transform(flipLeftRight) && u.editing {
			u.toggleCell(u.cursorY, u.cursorX)
		}
	case 'y':
		u.transformOrSay(flipTopBottom)
	case '>':
		u.transformOrSay(turnClockwise)
	case '<':
		u.transformOrSay(turnAnticlockwise)
	case 'o':
		u.askOpen()
	case 's':
		u.askSave()
	case 'P':
		u.askPNG()
	case 'G':
		u.askGIF()
	case 'R':
		u.askRule()
	case 'E':
		u.askEngine()
	case 'i':
		u.showInfo()
	case 'I':
		u.identify()
	case 't':
		u.toggleTracking()
	case '?':
		u.showHelp()
	case 'q':
		u.askQuit()
	default:
		return false
	}
	return true
}

// transformOrSay applies k to the paste or the selection, or says that it
// needs one.
func (u *controller) transformOrSay(k transformKind) {
	if !u.transform(k) {
		u.msg = "nothing to turn: select (v, Ctrl-A) or paste (Ctrl-V) first"
	}
}

// togglePlay starts or pauses the run. Starting records an undo step, so
// that u comes back to where the run began.
func (u *controller) togglePlay() {
	if u.running || u.recordingActive() {
		u.pause()
		return
	}
	u.pushUndo()
	u.beginRun()
	u.running = true
	u.rate = rateMeter{}
	u.due = time.Time{}
	u.pace.reset()
	u.kick()
}

// maxQueued is the most steps (n, Tab) queued behind the one in flight;
// more presses are dropped, recording nothing.
const maxQueued = 1000

// stepBy runs n generations, one job, and pauses. Steps asked for while
// one is in flight are queued, each its own undo step, recorded when it
// is done.
func (u *controller) stepBy(n uint64) {
	if u.running {
		u.pause()
	}
	if len(u.queue) >= maxQueued {
		u.msg = fmt.Sprintf("%d steps are queued already (Esc cancels)", len(u.queue))
		return
	}
	u.queue = append(u.queue, stepReq{n: n})
	u.pending++
	u.kick()
}

// move pans the view by an eighth of the board (at least a character); or
// moves the floating paste, the selection's corner in select mode, or the
// cursor in edit mode, by a cell, keeping it in the universe and the view.
func (u *controller) move(dy, dx int) {
	u.pointed = false // the status bar shows the cursor's cell again
	switch {
	case u.paste != nil:
		u.movePaste(dy, dx)
		return
	case u.selecting:
		u.stretch(int64(dy), int64(dx))
		return
	case u.editing:
		u.cursorY += int64(dy)
		u.cursorX += int64(dx)
		if u.inside(u.cursorY, u.cursorX) {
			u.keepInView(u.cursorY, u.cursorX)
		} else {
			u.cursorY -= int64(dy) // the cursor stays in the universe
			u.cursorX -= int64(dx)
		}
		return
	}
	_, _, w, h := u.board.GetInnerRect()
	u.board.Pan(dy*max(1, h/8), dx*max(1, w/8))
}

// fit shows the live cells whole, or the universe when there are none.
func (u *controller) fit() {
	if n := universe.OutOfReach(u.cur.Eng); n.Sign() > 0 {
		u.msg = fmt.Sprintf("%s of the %s live cells have travelled beyond 2^62-1 cells from the origin, out of the view's reach", readable(n), readable(u.cur.Eng.Population()))
	}
	r, ok := u.cur.Eng.Bounds()
	if !ok {
		if r, ok = universe.Bounds(u.cur.Eng); !ok {
			return
		}
	}
	u.board.Fit(r)
}

// stepBack goes back one generation in the rewind history, and pauses.
func (u *controller) stepBack() {
	u.pause()
	if len(u.back) == 0 {
		u.msg = "no earlier generation in the rewind history"
		return
	}
	w := u.back[len(u.back)-1]
	u.back = u.back[:len(u.back)-1]
	back := u.back
	u.set(w)
	u.back = back
	if len(u.pops) > 0 {
		u.pops = u.pops[:len(u.pops)-1]
	}
}

// reset goes back to the starting pattern at generation 0, and pauses.
func (u *controller) reset() {
	u.pause()
	u.pushUndo()
	u.set(u.start)
	u.rev = u.startRev
	u.pops = u.pops[:0]
	u.sample(u.cur.Eng.Population())
}

// clear kills every cell: the universe goes on as an empty engine of the
// same kind, at the same generation, however many cells it had.
func (u *controller) clear() {
	e, err := u.newEngine(engine.AlgoOf(u.cur.Eng), u.cur.Eng.Rule())
	if err != nil {
		u.msg = "clear: " + err.Error()
		return
	}
	u.pause()
	u.edit(u.cur.Swap(e))
}

// toggleCell flips the cell at (y, x).
func (u *controller) toggleCell(y, x int64) {
	if !u.inside(y, x) {
		return
	}
	w := u.cur.Clone()
	w.Eng.SetCell(y, x, !w.Eng.Cell(y, x))
	u.edit(w)
}

// pointer handles the mouse over the board's cells (see [Pointer]): while
// a paste floats it moves and places it, in select mode it selects, and
// otherwise the buttons draw. The cell under the pointer shows in the
// status bar.
func (u *controller) pointer(p Pointer) {
	u.pointY, u.pointX, u.pointed = p.Y, p.X, true
	switch {
	case u.paste != nil:
		u.pastePointer(p)
	case u.selecting:
		u.selectPointer(p)
	case p.Action == PointerPress || p.Action == PointerDrag:
		u.paint(p.Y, p.X, p.Left, p.Action == PointerPress)
	}
}

// paint is the board's mouse drawing: a stroke starts with a button press,
// which records one undo step for the whole stroke.
func (u *controller) paint(y, x int64, alive, start bool) {
	if !u.inside(y, x) || (!start && u.cur.Eng.Cell(y, x) == alive) {
		return
	}
	w := u.cur.Clone()
	w.Eng.SetCell(y, x, alive)
	if start {
		u.edit(w)
	} else {
		u.set(w)
	}
}

// inside reports whether (y, x) is a cell of the universe.
func (u *controller) inside(y, x int64) bool {
	r, ok := universe.Bounds(u.cur.Eng)
	return !ok || y >= r.Y && y < r.Y+r.H && x >= r.X && x < r.X+r.W
}

// viewRect returns the cells the board shows, clipped to the universe.
func (u *controller) viewRect() engine.Rect {
	_, _, w, h := u.board.GetInnerRect()
	top, left, rows, cols := u.board.view(w, h)
	r := engine.Rect{X: left, Y: top, W: cols, H: rows}
	if b, ok := universe.Bounds(u.cur.Eng); ok {
		r = intersect(r, b)
	}
	return r
}
