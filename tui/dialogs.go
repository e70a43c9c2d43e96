package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/patterns"
	"github.com/rivo/tview"
)

// showOverlay shows p, w x h characters, centred over the board, and gives
// focus to focus. Keys then go to the overlay until closeOverlay.
func (u *controller) showOverlay(name string, p tview.Primitive, w, h int, focus tview.Primitive) {
	row := tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(nil, 0, 1, false).AddItem(p, h, 0, true).AddItem(nil, 0, 1, false)
	centred := tview.NewFlex().
		AddItem(nil, 0, 1, false).AddItem(row, w, 0, true).AddItem(nil, 0, 1, false)
	u.pages.AddPage(name, centred, true, true)
	u.overlay = name
	u.app.SetFocus(focus)
}

// closePage removes the overlay called name, which may lie under another.
func (u *controller) closePage(name string) {
	if u.overlay == name {
		u.closeOverlay()
		return
	}
	u.pages.RemovePage(name)
}

// closeOverlay removes the overlay and gives the keys back to the board.
func (u *controller) closeOverlay() {
	if u.overlay == "" {
		return
	}
	u.pages.RemovePage(u.overlay)
	u.overlay = ""
	u.app.SetFocus(u.board)
}

// showText shows a text overlay that Esc, Enter, q or ? closes.
func (u *controller) showText(name, title, text string) {
	tv := tview.NewTextView().SetText(text).SetDynamicColors(false).SetWrap(true)
	tv.SetBorder(true).SetTitle(" " + title + " (Esc closes) ")
	tv.SetInputCapture(func(ev *tcell.EventKey) *tcell.EventKey {
		switch {
		case ev.Key() == tcell.KeyEscape, ev.Key() == tcell.KeyEnter,
			ev.Key() == tcell.KeyRune && (ev.Rune() == 'q' || ev.Rune() == '?' || ev.Rune() == 'i'):
			u.closeOverlay()
			return nil
		}
		return ev
	})
	lines := strings.Count(strings.TrimRight(text, "\n"), "\n") + 3
	width := 0
	for _, l := range strings.Split(text, "\n") {
		width = max(width, tview.TaggedStringWidth(l))
	}
	u.showOverlay(name, tv, width+4, lines, tv)
}

// showHelp shows the keys.
func (u *controller) showHelp() { u.showText("help", "Keys", KeysHelp()) }

// showInfo shows the pattern's name, author and comments.
func (u *controller) showInfo() {
	var b strings.Builder
	h := u.start.Header
	if h == nil {
		h = &patterns.Pattern{}
	}
	name := h.Name
	if name == "" {
		name = "(no name)"
	}
	fmt.Fprintf(&b, "Name:   %s\nFile:   %s\n", name, u.name)
	if h.Author != "" {
		fmt.Fprintf(&b, "Author: %s\n", h.Author)
	}
	fmt.Fprintf(&b, "Rule:   %s\n", u.cur.Eng.Rule())
	fmt.Fprintf(&b, "Size:   %d x %d, %s cells as loaded\n", h.W, h.H, u.start.Eng.Population())
	for _, c := range h.Comments {
		fmt.Fprintf(&b, "%s\n", c)
	}
	u.showText("info", "Pattern", strings.TrimRight(b.String(), "\n"))
}

// prompt asks for one line of text. check runs as the user types and
// returns a note to show and whether the text is acceptable; Enter on an
// acceptable text calls done, which returns an error to show, keeping the
// prompt open, or nil to close it (done may open another overlay, which
// stays). Esc cancels.
func (u *controller) prompt(name, title, label, initial string, check func(string) (string, bool), done func(string) error) {
	note := tview.NewTextView().SetDynamicColors(false)
	input := tview.NewInputField().SetLabel(label).SetText(initial).
		SetFieldStyle(tcell.StyleDefault.Underline(true)).
		SetLabelStyle(tcell.StyleDefault.Bold(true))
	update := func(text string) {
		if check != nil {
			msg, _ := check(text)
			note.SetText(msg)
		}
	}
	update(initial)
	input.SetChangedFunc(update)
	input.SetDoneFunc(func(key tcell.Key) {
		switch key {
		case tcell.KeyEscape:
			u.closeOverlay()
		case tcell.KeyEnter:
			text := input.GetText()
			if check != nil {
				if msg, ok := check(text); !ok {
					note.SetText(msg)
					return
				}
			}
			if err := done(text); err != nil {
				note.SetText(err.Error())
				return
			}
			u.closePage(name)
		}
	})
	box := tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(input, 1, 0, true).AddItem(note, 0, 1, false)
	box.SetBorder(true).SetTitle(" " + title + " (Enter accepts, Esc cancels) ")
	u.showOverlay(name, box, 72, 6, input)
}

// askFill asks a density and fills the cells in view with a random soup.
func (u *controller) askFill() {
	u.prompt("fill", "Random fill", "density (0-1): ", "0.35", func(s string) (string, bool) {
		d, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || d < 0 || d > 1 {
			return "want a number from 0 to 1, such as 0.35", false
		}
		return fmt.Sprintf("each cell in view will be alive with probability %g", d), true
	}, func(s string) error {
		d, _ := strconv.ParseFloat(strings.TrimSpace(s), 64)
		return u.fill(d)
	})
}

// maxFill is the most cells F fills at once.
const maxFill = 1 << 24

// fill makes each cell in view alive with probability d.
func (u *controller) fill(d float64) error {
	r := u.viewRect()
	if r.W <= 0 || r.H <= 0 {
		return errors.New("fill: no cell of the universe is in view")
	}
	if r.W*r.H > maxFill {
		return fmt.Errorf("fill: %d x %d cells in view is more than %d; zoom in", r.W, r.H, maxFill)
	}
	w := u.cur.Clone()
	for y := r.Y; y < r.Y+r.H; y++ {
		for x := r.X; x < r.X+r.W; x++ {
			w.Eng.SetCell(y, x, rand.Float64() < d)
		}
	}
	u.change(w)
	return nil
}

// askOpen offers the built-in library, by name, and the patterns
// directory's files, and takes a typed path. The directory is listed, and
// every file read, off the event loop (see [controller.runTask]).
func (u *controller) askOpen() {
	list := tview.NewList().ShowSecondaryText(false).SetHighlightFullLine(true).
		SetSelectedStyle(tcell.StyleDefault.Reverse(true))
	input := tview.NewInputField().SetLabel("path: ").
		SetFieldStyle(tcell.StyleDefault.Underline(true))
	var entries []func() // what Enter on each item of the list opens
	add := func(label string, open func()) {
		choose := func() { u.closeOverlay(); open() }
		entries = append(entries, choose)
		list.AddItem(label, "", 0, choose)
	}
	lib := patterns.Library()
	slices.SortFunc(lib, func(a, b patterns.Entry) int { return strings.Compare(a.Name, b.Name) })
	for _, l := range lib {
		add("built-in: "+l.Name, func() { u.openPattern(l.Pattern(), "built-in "+l.Name) })
	}
	input.SetDoneFunc(func(key tcell.Key) {
		switch key {
		case tcell.KeyEscape:
			u.closeOverlay()
		case tcell.KeyEnter:
			path := strings.TrimSpace(input.GetText())
			if path == "" {
				if i := list.GetCurrentItem(); i >= 0 && i < len(entries) {
					entries[i]()
				}
				return
			}
			u.closeOverlay()
			u.openFile(path)
		case tcell.KeyTab, tcell.KeyDown:
			u.app.SetFocus(list)
		}
	})
	list.SetDoneFunc(u.closeOverlay)
	list.SetInputCapture(func(ev *tcell.EventKey) *tcell.EventKey {
		if ev.Key() == tcell.KeyTab {
			u.app.SetFocus(input)
			return nil
		}
		return ev
	})
	box := tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(input, 1, 0, true).AddItem(list, 0, 1, false)
	box.SetBorder(true).SetTitle(" Open (type a path and Enter, or Tab to the list; Esc cancels) ")
	u.showOverlay("open", box, 76, 20, input)
	if dir := u.opts.PatternsDir; dir != "" {
		u.runTask("listing "+dir, func(context.Context) func() {
			files, err := patterns.ListDir(dir)
			return func() {
				u.msg = ""
				if err != nil {
					u.msg = "open: " + err.Error()
				}
				for _, f := range files {
					rel, _ := filepath.Rel(dir, f)
					add(rel, func() { u.openFile(f) })
				}
			}
		})
	}
}

// openFile opens the pattern file at path, off the event loop, and makes
// it the current universe; the current one stays (and the status bar
// says why) when it does not load. Opening a FIFO or a huge file leaves
// the screen as it is; Esc cancels.
func (u *controller) openFile(path string) {
	_, _, w, h := u.board.GetInnerRect()
	s := u.settings(fitSize(w, h))
	u.runTask("opening "+path, func(ctx context.Context) func() {
		w, _, err := universe.LoadFile(ctx, path, s)
		return func() { u.opened(w, path, err) }
	})
}

// openPattern makes pattern p, read from name, the current universe, as
// openFile does.
func (u *controller) openPattern(p *patterns.Pattern, name string) {
	_, _, w, h := u.board.GetInnerRect()
	s := u.settings(fitSize(w, h))
	u.runTask("opening "+name, func(context.Context) func() {
		w, err := universe.Load(p, name, s)
		return func() { u.opened(w, name, err) }
	})
}

// opened makes w, loaded from name, the current universe, or says why it
// did not load (err) and keeps the current one. It runs on the event loop.
func (u *controller) opened(w world, name string, err error) {
	if err != nil {
		u.msg = "open: " + err.Error() + " (the current pattern is kept)"
		return
	}
	u.adopt(u.loaded(w), name)
	u.msg = "opened " + name
}

// askSave asks where to save the pattern, and whether to overwrite.
func (u *controller) askSave() {
	initial := "pattern.rle"
	switch {
	case u.savedAs != "":
		initial = u.savedAs
	case u.name != "" && !strings.HasPrefix(u.name, "built-in ") && !strings.HasPrefix(u.name, "<"):
		initial = u.name
	}
	u.askFile("save", "Save the pattern (.rle, .mc, .cells, .lif; .gz compresses)", initial, func(string) string { return "" }, u.save)
}

// save writes the current world to path in the format its extension names
// (RLE for none), keeping its place and generation as Golly's #CXRLE line
// does (see [universe.Universe.Pattern]).
func (u *controller) save(path string) {
	if _, _, err := patterns.FormatFor(path); err != nil {
		u.msg = "save: " + err.Error()
		return
	}
	if tooMany(u.cur.Eng) {
		u.msg = fmt.Sprintf("save: %s live cells are too many to write (nothing was written)", readable(u.cur.Eng.Population()))
		return
	}
	w, write := u.cur.Clone(), u.opts.WriteFile // the task's own engine: the board draws u.cur meanwhile
	u.runSave("saving "+path, func(ctx context.Context) func() {
		err := write(path, func(out io.Writer) error {
			if err := w.WriteTo(out, path, true); err != nil {
				return err
			}
			return ctx.Err() // cancelled: the file is not kept
		})
		return func() {
			if err != nil {
				u.msg = "save: " + err.Error() + " (nothing was changed)"
				return
			}
			u.savedAs = path
			u.msg = fmt.Sprintf("saved %s cells at gen %s to %s", w.Eng.Population(), w.Gen(), path)
		}
	})
}

// confirm asks a yes-or-no question; y calls yes, n or Esc does nothing
// but show the message no.
func (u *controller) confirm(question, no string, yes func()) {
	tv := tview.NewTextView().SetText(question)
	tv.SetBorder(true).SetTitle(" Confirm ")
	tv.SetInputCapture(func(ev *tcell.EventKey) *tcell.EventKey {
		switch {
		case ev.Key() == tcell.KeyRune && (ev.Rune() == 'y' || ev.Rune() == 'Y'):
			u.closeOverlay()
			yes()
		case ev.Key() == tcell.KeyEscape, ev.Key() == tcell.KeyRune && (ev.Rune() == 'n' || ev.Rune() == 'N'):
			u.closeOverlay()
			u.msg = no
		}
		return nil
	})
	u.showOverlay("confirm", tv, max(len(question)+4, 30), 3, tv)
}

// askRule asks a new rule and topology, checked as the user types.
func (u *controller) askRule() {
	r := u.cur.Eng.Rule()
	if u.cur.Implied {
		r.Topology = engine.Topology{}
	}
	u.prompt("rule", "Rule", "rule: ", r.String(), func(s string) (string, bool) {
		r, err := engine.ParseRule(s)
		if err != nil {
			return err.Error(), false
		}
		if r.Topology.Kind == engine.Plane {
			if strings.Contains(s, ":") {
				return fmt.Sprintf("%s on the unbounded plane", r), true
			}
			return fmt.Sprintf("%s on the current %s", r, u.cur.Eng.Rule().Topology.Kind), true
		}
		t := r.Topology
		return fmt.Sprintf("%s: a %s of %d x %d cells", r, t.Kind, t.W, t.H), true
	}, func(s string) error {
		r, _ := engine.ParseRule(s)
		implied := false
		if r.Topology.Kind == engine.Plane && !strings.Contains(s, ":") {
			// No suffix keeps the topology; :T0,0 asks for the plane.
			r.Topology, implied = u.cur.Eng.Rule().Topology, u.cur.Implied
		}
		e, err := u.newEngine(u.ruleEngine(), r)
		if err != nil {
			return fmt.Errorf("rule %s: %w", r, err)
		}
		if err := u.switchTo(e, implied); err != nil {
			return fmt.Errorf("rule %s: %w", r, err)
		}
		u.msg = "rule " + r.String()
		return nil
	})
}

// ruleEngine returns the engine a new rule runs on when it can: the
// current one, but with the automatic switch on, the watched engine (the
// protocol engine) until the switch has moved away from it.
func (u *controller) ruleEngine() *engine.Algo {
	switch {
	case !u.auto:
		return engine.AlgoOf(u.cur.Eng)
	case u.fast != nil:
		return u.fast
	}
	return u.watched()
}

// watched returns the first of the options' engines that runs the
// protocol's step logic ([engine.CustomStep]): the engine the automatic
// switch starts on and watches. It is nil when there is none.
func (u *controller) watched() *engine.Algo {
	for _, a := range u.engines() {
		if a.Has(engine.CustomStep) {
			return a
		}
	}
	return nil
}

// engines returns the engines the UI offers, fastest first: the options'
// or the whole registry.
func (u *controller) engines() []*engine.Algo {
	if u.opts.Engines != nil {
		return u.opts.Engines
	}
	return engine.Algos()
}

// engineOf returns an empty engine of a for r, and false when a is nil or
// does not run r.
func (u *controller) engineOf(a *engine.Algo, r engine.Rule) (engine.Engine, bool) {
	o := u.engineOptions()
	if a == nil || a.RunsWith(r, o) != nil {
		return nil, false
	}
	e, err := a.New(r, o)
	return e, err == nil
}

// engineOptions are what the UI makes engines with: the step logic and
// the memory limit of its settings. With step logic of the caller's own,
// only engines that run it ([engine.CustomStep]) are offered, made or
// switched to, so that no switch, no E and no R ever replaces it with the
// rule's.
func (u *controller) engineOptions() engine.Options {
	return engine.Options{Step: u.opts.Settings.Step, MaxMemory: u.opts.Settings.MaxMemory}
}

// newEngine returns an empty engine for r: of a when it runs r, else of
// the first of the UI's engines that does.
func (u *controller) newEngine(a *engine.Algo, r engine.Rule) (engine.Engine, error) {
	if e, ok := u.engineOf(a, r); ok {
		return e, nil
	}
	a, err := engine.Choose(u.engines(), r, u.engineOptions())
	if err != nil {
		return nil, err
	}
	return a.New(r, u.engineOptions())
}

// canSwitch returns an error when the current universe has more than
// maxVisit live cells, too many for switchTo to copy one by one.
func (u *controller) canSwitch() error {
	if e := u.cur.Eng; tooMany(e) {
		return fmt.Errorf("%s live cells are too many to copy to another engine (at most %s)", readable(e.Population()), readable(big.NewInt(maxVisit)))
	}
	return nil
}

// switchTo moves the current cells into the empty engine e, centred when
// the universe changes size, and keeps the generation count. It refuses to
// copy more than maxVisit cells, one by one.
func (u *controller) switchTo(e engine.Engine, implied bool) error {
	if err := u.canSwitch(); err != nil {
		return err
	}
	u.change(u.cur.Rehome(e, implied))
	u.kick()
	return nil
}

// askEngine offers the engines that run the current rule and topology.
func (u *controller) askEngine() {
	r := u.cur.Eng.Rule()
	list := tview.NewList().ShowSecondaryText(false).SetHighlightFullLine(true).
		SetSelectedStyle(tcell.StyleDefault.Reverse(true))
	n := 0
	in := engine.AlgoOf(u.cur.Eng)
	for _, c := range u.engines() {
		e, ok := u.engineOf(c, r)
		if !ok {
			continue
		}
		label := c.Name
		if c == in {
			label += " (in use)"
		}
		n++
		list.AddItem(label, "", 0, func() {
			u.closeOverlay()
			// The user's choice: no automatic switch any more, and
			// patterns opened later run on it too.
			if err := u.canSwitch(); err != nil {
				u.msg = "engine " + c.Name + ": " + err.Error()
				return
			}
			u.auto, u.fast, u.chosen = false, nil, c
			u.switchTo(e, u.cur.Implied) // canSwitch said yes: it copies
			u.msg = "engine " + c.Name
		})
	}
	if n == 0 {
		u.msg = "no engine runs " + r.String()
		return
	}
	list.SetDoneFunc(u.closeOverlay)
	list.SetBorder(true).SetTitle(" Engine for " + r.String() + " (Enter picks, Esc cancels) ")
	u.showOverlay("engine", list, 60, n+2, list)
}
