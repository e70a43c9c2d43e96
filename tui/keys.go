package tui

import (
	"fmt"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
)

// binding is one line of the key help.
type binding struct{ keys, what string }

// bindings are the keys, in the order the help lists them.
var bindings = []binding{
	{"Space, Enter", "play or pause"},
	{"n, .", "one generation"},
	{"Tab", "one step (base^exponent generations: base 2 on hashlife, else 10)"},
	{"+, =  /  -, _", "faster / slower (the step's exponent; below 0, a growing delay)"},
	{"]  /  [", "zoom in / out"},
	{"f", "fit the pattern in the window"},
	{"m", "centre the origin"},
	{"arrows, h j k l", "pan (move the cursor in edit mode)"},
	{"b", "back one generation (rewind history)"},
	{"u, Ctrl-Z  /  Ctrl-Y", "undo / redo (edits and runs)"},
	{"r", "reset to the starting pattern and generation 0"},
	{"c", "clear the universe"},
	{"F", "fill the view with a random soup (asks the density)"},
	{"e", "edit mode: a cursor, arrows move it, x toggles a cell"},
	{"mouse", "left draws, right erases, wheel zooms, middle drag pans"},
	{"o", "open a pattern (built-in library, --patterns directory, or a path)"},
	{"s", "save (.rle, .mc, .cells, .lif; .gz compresses; asks before overwriting)"},
	{"P", "save a PNG picture of the view"},
	{"G", "record the next N generations of the view as a GIF (asks N)"},
	{"R", "change the rule and topology (B3/S23:T100,80)"},
	{"E", "choose the engine (and stop switching by itself)"},
	{"i", "the pattern's name and comments"},
	{"I  /  t", "identify the pattern (kind, speed, apgcode) / follow its spaceship"},
	{"?", "this help (Esc closes)"},
	{"q, Ctrl-C", "quit"},
}

// KeysHelp returns the table of keys, one a line, as the help overlay and
// life --help show it.
func KeysHelp() string {
	var b strings.Builder
	for _, k := range bindings {
		fmt.Fprintf(&b, "  %-22s %s\n", k.keys, k.what)
	}
	return b.String()
}

// capture sees every key first. With an overlay open it lets keys through
// to the overlay, but for Ctrl-C; otherwise it acts on them. It runs on the
// event loop.
func (u *controller) capture(ev *tcell.EventKey) *tcell.EventKey {
	u.keys++
	u.keyAt = ev.When()
	if ev.Key() == tcell.KeyCtrlC {
		u.quit()
		return nil
	}
	if u.overlay != "" {
		return ev
	}
	if u.msg != "" && !u.editing {
		u.msg = ""
	}
	if u.key(ev) {
		return nil
	}
	return ev
}

// key acts on a key pressed over the board, and reports whether it was
// one of the UI's.
func (u *controller) key(ev *tcell.EventKey) bool {
	switch ev.Key() {
	case tcell.KeyEnter:
		u.togglePlay()
	case tcell.KeyTab:
		n, _ := u.step()
		u.stepBy(n)
	case tcell.KeyCtrlZ:
		u.undoOnce()
	case tcell.KeyCtrlY:
		u.redoOnce()
	case tcell.KeyEscape:
		u.editing = false
		if u.ident.running || u.ident.queued {
			u.ident.queued, u.ident.running = false, false
			u.dropJob()
			u.msg = "identify cancelled"
		}
		if u.recordingActive() {
			u.pause() // cancels the recording
		}
		u.cancelTasks()
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

// runeKey acts on a printable key, and reports whether it was one of the
// UI's.
func (u *controller) runeKey(r rune) bool {
	switch r {
	case ' ':
		u.togglePlay()
	case 'n', '.':
		u.stepBy(1)
	case '+', '=':
		u.exp = min(u.exp+1, maxExpFor(u.base()))
	case '-', '_':
		u.base() // the exponent in the current engine's base
		u.exp = max(u.exp-1, minExp)
	case ']':
		u.board.Zoom(1)
	case '[':
		u.board.Zoom(-1)
	case 'f':
		u.fit()
	case 'm':
		u.centreOrigin()
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
	case 'e':
		u.editing = !u.editing
		if u.editing {
			// One cell a character at least, so that the cursor is one cell.
			u.board.SetScale(min(u.board.Scale(), ScaleSingle))
			u.cursorY, u.cursorX = u.board.Centre()
		}
	case 'x':
		if u.editing {
			u.toggleCell(u.cursorY, u.cursorX)
		}
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
		u.quit()
	default:
		return false
	}
	return true
}

// togglePlay starts or pauses the run. Starting records an undo step, so
// that u comes back to where the run began.
func (u *controller) togglePlay() {
	if u.running || u.recordingActive() {
		u.pause()
		return
	}
	u.pushUndo()
	u.running = true
	u.rate = rateMeter{}
	u.settle.reset()
	u.pace.reset()
	u.kick()
}

// stepBy runs n generations, one job, and pauses; n of 1 while a job is in
// flight is queued.
func (u *controller) stepBy(n uint64) {
	if u.running {
		u.pause()
	}
	u.pushUndo()
	if n == 1 {
		u.pending++
		u.kick()
		return
	}
	if u.busy || u.quitting {
		return
	}
	u.send(job{world: u.forJump(n), n: n, version: u.version})
}

// move pans the view by an eighth of the board (at least a character), or
// moves the cursor by a cell in edit mode, keeping it in the universe and
// the view.
func (u *controller) move(dy, dx int) {
	if u.editing {
		u.cursorY += int64(dy)
		u.cursorX += int64(dx)
		if u.inside(u.cursorY, u.cursorX) {
			_, _, w, h := u.board.GetInnerRect()
			top, left, rows, cols := u.board.view(w, h)
			if u.cursorY < top || u.cursorY >= top+rows || u.cursorX < left || u.cursorX >= left+cols {
				u.board.SetCentre(u.cursorY, u.cursorX) // keep the cursor in view
			}
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

// undoOnce goes back to the world before the last edit or run, and pauses.
func (u *controller) undoOnce() {
	u.pause()
	if len(u.undo) == 0 {
		u.msg = "nothing to undo"
		return
	}
	w := u.undo[len(u.undo)-1]
	u.undo = u.undo[:len(u.undo)-1]
	redo := append(u.redo, u.cur)
	u.set(w)
	u.redo = redo
}

// redoOnce goes forward again after an undo.
func (u *controller) redoOnce() {
	u.pause()
	if len(u.redo) == 0 {
		u.msg = "nothing to redo"
		return
	}
	w := u.redo[len(u.redo)-1]
	redo := u.redo[:len(u.redo)-1]
	u.undo = append(u.undo, u.cur)
	u.set(w)
	u.redo = redo
}

// reset goes back to the starting pattern at generation 0, and pauses.
func (u *controller) reset() {
	u.pause()
	u.change(u.start)
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
	w := u.cur
	w.Eng, w.Gen0 = e, u.cur.Gen()
	u.change(w)
}

// toggleCell flips the cell at (y, x).
func (u *controller) toggleCell(y, x int64) {
	if !u.inside(y, x) {
		return
	}
	w := u.cur.Clone()
	w.Eng.SetCell(y, x, !w.Eng.Cell(y, x))
	u.change(w)
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
		u.change(w)
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
