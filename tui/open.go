package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/patterns"
	"github.com/rivo/tview"
)

// The open dialog: o lists the built-in library, the --patterns directory
// and, when it is installed, Golly's collection, and what is typed
// filters the list (every word must appear in an entry); the arrows choose
// and Enter opens the entry chosen, or the text typed as a path when no
// entry matches. The directories are listed off the event loop, and the
// list grows as they come.

// gollyDirs are where Golly's pattern collection is installed, the first
// that exists being listed.
var gollyDirs = []string{"/usr/share/golly/Patterns", "/usr/local/share/golly/Patterns", "/opt/homebrew/share/golly/Patterns"}

// openEntry is one pattern the open dialog offers.
type openEntry struct {
	label string // what the list shows: "Golly     Life/Guns/golly-ticker.rle"
	key   string // label in lower case, for the filter
	open  func()
}

// openDialog is the open dialog's state.
type openDialog struct {
	u       *controller
	input   *tview.InputField
	list    *tview.List
	box     *tview.Flex
	entries []openEntry
	shown   []openEntry // the entries that match, as the list shows them
}

// matches reports whether the entry's label holds every word of query.
func (e openEntry) matches(words []string) bool {
	for _, w := range words {
		if !strings.Contains(e.key, w) {
			return false
		}
	}
	return true
}

// add adds entries to the dialog, keeping what is chosen.
func (d *openDialog) add(es ...openEntry) {
	for i := range es {
		es[i].key = strings.ToLower(es[i].label)
	}
	d.entries = append(d.entries, es...)
	d.filter()
}

// filter shows the entries that match what is typed.
func (d *openDialog) filter() {
	cur := d.list.GetCurrentItem()
	words := strings.Fields(strings.ToLower(d.input.GetText()))
	d.shown = d.shown[:0]
	d.list.Clear()
	for _, e := range d.entries {
		if e.matches(words) {
			d.shown = append(d.shown, e)
			d.list.AddItem(e.label, "", 0, nil)
		}
	}
	if cur > 0 && cur < len(d.shown) {
		d.list.SetCurrentItem(cur)
	}
}

// enter opens the entry chosen, or the text typed as a path when none
// matches.
func (d *openDialog) enter() {
	u := d.u
	if i := d.list.GetCurrentItem(); len(d.shown) > 0 && i >= 0 && i < len(d.shown) {
		u.closeOverlay()
		d.shown[i].open()
		return
	}
	path := strings.TrimSpace(d.input.GetText())
	if path == "" {
		return
	}
	u.closeOverlay()
	u.openFile(path)
}

// Draw draws the dialog, and on its bottom edge how many entries match
// and which of them show.
func (d *openDialog) Draw(screen tcell.Screen) {
	d.box.Draw(screen)
	n := len(d.shown)
	_, _, _, rows := d.list.GetInnerRect()
	top, _ := d.list.GetOffset()
	var note string
	switch {
	case n == 0 && strings.TrimSpace(d.input.GetText()) != "":
		note = fmt.Sprintf(" no entry of %d matches: Enter opens the text as a path ", len(d.entries))
	case n > rows:
		note = fmt.Sprintf(" %d of %d match; %d-%d shown", n, len(d.entries), top+1, min(top+rows, n))
		if below := n - top - rows; below > 0 {
			note += fmt.Sprintf(", %d more below", below)
		}
		if top > 0 {
			note += fmt.Sprintf(", %d above", top)
		}
		note += " "
	default:
		note = fmt.Sprintf(" %d of %d match ", n, len(d.entries))
	}
	x, y, w, h := d.box.GetRect()
	if h >= 2 {
		put(screen, x+max((w-len(note))/2, 1), y+h-1, w-2, note, tcell.StyleDefault.Bold(true))
	}
}

// askOpen shows the open dialog.
func (u *controller) askOpen() {
	d := &openDialog{u: u}
	d.list = tview.NewList().ShowSecondaryText(false).SetHighlightFullLine(true).
		SetSelectedStyle(tcell.StyleDefault.Reverse(true))
	d.input = tview.NewInputField().SetLabel("find or path: ").
		SetFieldStyle(tcell.StyleDefault.Underline(true)).SetChangedFunc(func(string) { d.filter() })
	d.input.SetInputCapture(func(ev *tcell.EventKey) *tcell.EventKey {
		switch ev.Key() {
		case tcell.KeyUp, tcell.KeyDown, tcell.KeyPgUp, tcell.KeyPgDn:
			// The arrows choose in the list while the text keeps the focus.
			d.list.InputHandler()(ev, func(p tview.Primitive) {})
			return nil
		}
		return ev
	})
	d.input.SetDoneFunc(func(key tcell.Key) {
		switch key {
		case tcell.KeyEscape:
			u.closeOverlay()
		case tcell.KeyEnter:
			d.enter()
		case tcell.KeyTab:
			u.app.SetFocus(d.list)
		}
	})
	d.list.SetSelectedFunc(func(int, string, string, rune) { d.enter() })
	d.list.SetDoneFunc(u.closeOverlay)
	d.list.SetInputCapture(func(ev *tcell.EventKey) *tcell.EventKey {
		if ev.Key() == tcell.KeyTab {
			u.app.SetFocus(d.input)
			return nil
		}
		return ev
	})
	d.box = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(d.input, 1, 0, true).AddItem(d.list, 0, 1, false)
	d.box.SetBorder(true).SetTitle(" Open: type to search, arrows choose, Enter opens, Esc cancels ")
	lib := patterns.Library()
	slices.SortFunc(lib, func(a, b patterns.Entry) int { return strings.Compare(a.Name, b.Name) })
	var es []openEntry
	for _, l := range lib {
		es = append(es, openEntry{label: "built-in  " + l.Name, open: func() { u.openPattern(l.Pattern(), builtinPrefix+l.Name) }})
	}
	d.add(es...)
	u.showOverlay("open", &openFrame{Box: tview.NewBox(), d: d}, 78, 22, d.input)
	dirs := []struct{ label, dir string }{{"patterns", u.opts.PatternsDir}}
	golly := u.opts.gollyDirs
	if golly == nil {
		golly = gollyDirs
	}
	for _, dir := range golly {
		dirs = append(dirs, struct{ label, dir string }{"Golly", dir})
	}
	u.runTask("listing the patterns", func(context.Context) func() {
		var es []openEntry
		var errs []string
		gollyFound := false
		for _, s := range dirs {
			if s.dir == "" || s.label == "Golly" && gollyFound {
				continue
			}
			if s.label == "Golly" {
				if _, err := os.Stat(s.dir); err != nil {
					continue // not installed here
				}
				gollyFound = true
			}
			files, err := patterns.ListDir(s.dir)
			if err != nil {
				errs = append(errs, err.Error())
			}
			for _, f := range files {
				rel, _ := filepath.Rel(s.dir, f)
				es = append(es, openEntry{label: fmt.Sprintf("%-9s %s", s.label, rel), open: func() { u.openFile(f) }})
			}
		}
		return func() {
			u.msg = ""
			if len(errs) > 0 {
				u.msg = "open: " + strings.Join(errs, "; ")
			}
			d.add(es...)
		}
	})
}

// openFrame is the open dialog as a primitive: the box, with the note on
// its edge.
type openFrame struct {
	*tview.Box
	d *openDialog
}

// Draw implements [tview.Primitive].
func (f *openFrame) Draw(screen tcell.Screen) {
	f.d.box.SetRect(f.GetRect())
	f.d.Draw(screen)
}

// Focus gives the focus to the text typed.
func (f *openFrame) Focus(delegate func(p tview.Primitive)) { delegate(f.d.input) }

// HasFocus reports whether the dialog has the focus.
func (f *openFrame) HasFocus() bool { return f.d.box.HasFocus() }

// InputHandler is the box's.
func (f *openFrame) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return f.d.box.InputHandler()
}

// MouseHandler is the box's.
func (f *openFrame) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (bool, tview.Primitive) {
	return f.d.box.MouseHandler()
}

// PasteHandler is the box's: a path pasted goes into the text.
func (f *openFrame) PasteHandler() func(text string, setFocus func(p tview.Primitive)) {
	return f.d.box.PasteHandler()
}

// progressTo returns the progress report of a file loaded by the task
// whose context is ctx (see [universe.Settings.Progress]), handed to the
// event loop for the status bar at most once a frame time. It is called
// on the goroutine that loads.
func (u *controller) progressTo(ctx context.Context) func(done, total int64) {
	var last time.Time
	return func(done, total int64) {
		if now := time.Now(); ctx.Err() == nil && now.Sub(last) >= frameTime {
			last = now
			u.app.QueueUpdateDraw(func() {
				if u.task != nil && u.task.ctx == ctx {
					u.taskDone, u.taskTotal = done, total
				}
			})
		}
	}
}

// openStart opens Options.Path, the file the UI started with, as
// openFile opens one, but when it does not load the UI quits and Run
// returns the error.
func (u *controller) openStart(path string) {
	_, _, w, h := u.board.GetInnerRect()
	s := u.settings(fitSize(w, h))
	u.runTask("loading "+path, func(ctx context.Context) func() {
		s.Progress = u.progressTo(ctx)
		w, head, err := universe.LoadFile(ctx, path, s)
		d := newDoc(path)
		return func() {
			if err != nil {
				u.startErr = err
				u.quit()
				return
			}
			u.opened(w, d, nil)
			u.undo = u.undo[:0] // the empty universe before it is no step back
			u.msg = u.why(w)
			if head != nil && head.Notice != "" {
				u.msg = joinMsg(head.Notice, u.msg)
			}
			u.running = true
		}
	})
}
