package tui

import (
	"context"
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/patterns"
	"github.com/rivo/tview"
)

// showOverlay shows p, w x h characters (or as much of that as the
// screen has), centred over the board, and gives focus to focus. Keys then
// go to the overlay until closeOverlay.
func (u *controller) showOverlay(name string, p tview.Primitive, w, h int, focus tview.Primitive) {
	u.pages.AddPage(name, &fitted{Box: tview.NewBox(), inner: p, w: w, h: h}, true, true)
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

// showHelp shows the keys, in a panel that scrolls.
func (u *controller) showHelp() {
	u.showPanel("help", "Keys", '?', func(w int) []string { return helpLines(w) })
}

// showInfo shows the pattern's name, file, rule, size and comments, in a
// panel that scrolls.
func (u *controller) showInfo() {
	h := u.start.Header
	if h == nil {
		h = &patterns.Pattern{}
	}
	name := h.Name
	if name == "" {
		name = "(no name)"
	}
	fields := [][2]string{{"Name", name}, {"File", u.doc.name}}
	if h.Author != "" {
		fields = append(fields, [2]string{"Author", h.Author})
	}
	fields = append(fields, [2]string{"Rule", u.cur.Eng.Rule().String()},
		[2]string{"Size", fmt.Sprintf("%d x %d, %s cells as loaded; now %s at gen %s",
			h.W, h.H, readable(u.start.Eng.Population()), readable(u.cur.Eng.Population()), readable(u.cur.Gen()))})
	if u.dirty() {
		fields = append(fields, [2]string{"Edits", "unsaved"})
	}
	comments := h.Comments
	u.showPanel("info", "Pattern", 'i', func(w int) []string {
		var lines []string
		for _, f := range fields {
			lines = append(lines, wrapLine(fmt.Sprintf("%-8s%s", f[0]+":", f[1]), w, 8)...)
		}
		if len(comments) > 0 {
			lines = append(lines, "")
		}
		for _, c := range comments {
			lines = append(lines, wrapLine(c, w, 0)...)
		}
		return lines
	})
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

// openFile opens the pattern file at path, off the event loop, and makes
// it the current universe; the current one stays (and the status bar
// says why) when it does not load. Opening a FIFO or a huge file leaves
// the screen as it is; Esc cancels.
func (u *controller) openFile(path string) {
	_, _, w, h := u.board.GetInnerRect()
	s := u.settings(fitSize(w, h))
	u.runTask("opening "+path, func(ctx context.Context) func() {
		s.Progress = u.progressTo(ctx)
		w, _, err := universe.LoadFile(ctx, path, s)
		d := newDoc(path)
		return func() { u.opened(w, d, err) }
	})
}

// openPattern makes pattern p, read from name, the current universe, as
// openFile does.
func (u *controller) openPattern(p *patterns.Pattern, name string) {
	_, _, w, h := u.board.GetInnerRect()
	s := u.settings(fitSize(w, h))
	u.runTask("opening "+name, func(context.Context) func() {
		w, err := universe.Load(p, name, s)
		d := newDoc(name)
		return func() { u.opened(w, d, err) }
	})
}

// opened makes w, loaded from the file d, the current universe, or says
// why it did not load (err) and keeps the current one. It runs on the
// event loop.
func (u *controller) opened(w world, d *doc, err error) {
	if err != nil {
		u.msg = "open: " + err.Error() + " (the current pattern is kept)"
		return
	}
	u.adopt(u.loaded(w), d)
	u.msg = joinMsg("opened "+d.name, u.why(w))
}

// askSave asks where to save the pattern, offering the name of
// [controller.saveName], and whether to overwrite.
func (u *controller) askSave() {
	u.askFile("save", "Save the pattern (.rle, .mc, .cells, .lif; .gz compresses)", u.saveName(), saveExt, u.save)
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
	if n := universe.OutOfReach(u.cur.Eng); n.Sign() > 0 {
		u.msg = fmt.Sprintf("save: %s of the %s live cells lie beyond 2^62-1 cells from the origin, out of the writers' reach (nothing was written)", readable(n), readable(u.cur.Eng.Population()))
		return
	}
	// The task's own engine: the board draws u.cur meanwhile.
	w, write, d, rev := u.cur.Clone(), u.opts.WriteFile, u.doc, u.rev
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
			d.savedAs, d.saved = path, rev
			u.msg = fmt.Sprintf("saved %s cells at gen %s to %s", w.Eng.Population(), w.Gen(), path)
		}
	})
}

// confirm asks a yes-or-no question; y calls yes, n or Esc does nothing
// but show the message no.
func (u *controller) confirm(question, no string, yes func()) {
	tv := tview.NewTextView().SetText(question).SetWrap(true).SetWordWrap(true)
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
	sw, _ := u.screen.Size()
	w := min(max(len(question)+4, 30), 76, sw)
	u.showOverlay("confirm", tv, w, len(wrapLine(question, w-2, 0))+2, tv)
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
		// The rule and its universe, and on a line of its own what
		// kind of rule it is.
		if r.Topology.Kind == engine.Plane && !strings.Contains(s, ":") {
			return fmt.Sprintf("%s on the current %s\n%s", r, u.cur.Eng.Rule().Topology.Kind, r.Describe()), true
		}
		if r.Topology.Kind == engine.Plane {
			return fmt.Sprintf("%s on the unbounded plane\n%s", r, r.Describe()), true
		}
		return fmt.Sprintf("%s: %s\n%s", r, engine.DescribeTopology(r.Topology), r.Describe()), true
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
		if err := u.canSwitch(); err != nil {
			return fmt.Errorf("rule %s: %w", r, err)
		}
		w := u.cur.Rehome(e, implied)
		apply := func() {
			u.edit(w) // a change of rule is an edit
			u.kick()
			u.msg = "rule " + r.String()
		}
		before, after := u.cur.Eng.Population(), w.Eng.Population()
		if lost := new(big.Int).Sub(before, after); lost.Sign() > 0 {
			t := w.Eng.Rule().Topology
			u.confirm(fmt.Sprintf("%s of the %s live cells lie outside the %d x %d grid of %s and would be dropped. Change the rule anyway? (y/n)",
				readable(lost), readable(before), t.W, t.H, r), "rule not changed", apply)
			return nil
		}
		apply()
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
