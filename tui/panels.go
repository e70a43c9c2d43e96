package tui

import (
	"fmt"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// Panels that fit: every overlay is drawn within the screen, however small
// (see [fitted]), and the text panels (help, info) wrap their lines to the
// width they get, scroll, and say on their frame how much lies above and
// below (see [panel]).

// wrapLine breaks text into lines of at most w characters at spaces (a
// word longer than a line is cut), the lines after the first indented by
// indent spaces (by at most half a line). The spaces that start text are
// kept.
func wrapLine(text string, w, indent int) []string {
	if w <= 0 {
		return []string{""}
	}
	pad := []rune(strings.Repeat(" ", min(indent, w/2)))
	var lines []string
	emit := func(l []rune) { lines = append(lines, strings.TrimRight(string(l), " ")) }
	blank := func(l []rune) bool { return strings.TrimSpace(string(l)) == "" }
	var line []rune
	for _, tok := range strings.SplitAfter(text, " ") {
		rs := []rune(tok)
		for len(rs) > 0 {
			word := len([]rune(strings.TrimRight(string(rs), " ")))
			switch {
			case len(line)+word <= w:
				line = append(line, rs...)
				rs = nil
			case !blank(line):
				emit(line)
				line = append([]rune(nil), pad...)
			default:
				// A word longer than a line (or than what the spaces before
				// it leave): cut it.
				if len(line) >= w {
					line = nil // only spaces, as wide as the line
					continue
				}
				n := w - len(line)
				emit(append(line, rs[:n]...))
				rs = rs[n:]
				line = append([]rune(nil), pad...)
			}
		}
	}
	if !blank(line) || len(lines) == 0 {
		emit(line)
	}
	return lines
}

// fitted draws a primitive of a wanted size centred in its own area (the
// screen, as a page), as large as wanted but no larger than the area.
type fitted struct {
	*tview.Box
	inner tview.Primitive
	w, h  int
}

// Draw lays the inner primitive out and draws it. It implements
// [tview.Primitive].
func (f *fitted) Draw(screen tcell.Screen) {
	x, y, w, h := f.GetRect()
	iw, ih := min(f.w, w), min(f.h, h)
	f.inner.SetRect(x+(w-iw)/2, y+(h-ih)/2, iw, ih)
	f.inner.Draw(screen)
}

// Focus gives the focus to the inner primitive.
func (f *fitted) Focus(delegate func(p tview.Primitive)) { delegate(f.inner) }

// HasFocus reports whether the inner primitive has the focus.
func (f *fitted) HasFocus() bool { return f.inner.HasFocus() }

// InputHandler is the inner primitive's.
func (f *fitted) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return f.inner.InputHandler()
}

// MouseHandler is the inner primitive's.
func (f *fitted) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (bool, tview.Primitive) {
	return f.inner.MouseHandler()
}

// PasteHandler is the inner primitive's.
func (f *fitted) PasteHandler() func(text string, setFocus func(p tview.Primitive)) {
	return f.inner.PasteHandler()
}

// panel is a text overlay that fits: its lines, made for the width it
// gets, scroll with the arrows, j and k, PgUp, PgDn, Space, Home, End and
// the mouse wheel, and its frame says which lines show and how many more
// there are. Esc, Enter, q and its own key close it.
type panel struct {
	*tview.Box
	title  string
	lines  func(w int) []string // the text for a width of w
	maxW   int                  // the widest it grows
	top    int                  // the first line shown
	shown  []string             // the lines of the last draw
	rows   int                  // the lines the last draw showed
	onDone func()
	closer rune
}

// newPanel returns a panel of the lines that lines makes for a width, as
// wide as maxW at most; Esc, Enter, q and closer call done.
func newPanel(title string, maxW int, closer rune, lines func(w int) []string, done func()) *panel {
	p := &panel{Box: tview.NewBox(), title: title, lines: lines, maxW: maxW, onDone: done, closer: closer}
	p.SetBorder(true)
	return p
}

// layout sizes the panel for an area of w x h: as wide as its widest
// line (up to maxW and w), as tall as its lines (up to h), centred.
func (p *panel) layout(x, y, w, h int) {
	iw := max(min(p.maxW, w)-4, 1)
	p.shown = p.lines(iw)
	widest := 0
	for _, l := range p.shown {
		widest = max(widest, len([]rune(l)))
	}
	pw := min(max(widest, len([]rune(p.title))+12)+4, w)
	ph := min(len(p.shown)+2, h)
	p.rows = max(ph-2, 0)
	p.top = max(min(p.top, len(p.shown)-p.rows), 0)
	p.SetRect(x+(w-pw)/2, y+(h-ph)/2, pw, ph)
}

// Draw draws the panel in the area of the page it is on. It implements
// [tview.Primitive].
func (p *panel) Draw(screen tcell.Screen) {
	sw, sh := screen.Size()
	p.layout(0, 0, sw, sh)
	n := len(p.shown)
	title := " " + p.title + " (Esc closes) "
	if p.rows < n {
		title = fmt.Sprintf(" %s: lines %d-%d of %d ", p.title, p.top+1, p.top+p.rows, n)
	}
	p.SetTitle(title)
	p.DrawForSubclass(screen, p)
	x, y, w, h := p.GetInnerRect()
	for i := 0; i < h && p.top+i < n; i++ {
		put(screen, x+1, y+i, w-1, p.shown[p.top+i], tcell.StyleDefault)
	}
	// What is hidden, on the bottom of the frame.
	if below := n - p.top - p.rows; below > 0 || p.top > 0 {
		var note string
		switch {
		case below > 0 && p.top > 0:
			note = fmt.Sprintf(" %d more above, %d below: arrows, PgUp, PgDn ", p.top, below)
		case below > 0:
			note = fmt.Sprintf(" %d more lines below: arrows, PgDn, Space ", below)
		default:
			note = fmt.Sprintf(" %d more above: arrows, PgUp ", p.top)
		}
		bx, by, bw, bh := p.GetRect()
		if bh >= 2 {
			put(screen, bx+max((bw-len(note))/2, 1), by+bh-1, bw-2, note, tcell.StyleDefault.Bold(true))
		}
	}
}

// scroll moves the lines shown by d, within the text.
func (p *panel) scroll(d int) {
	p.top = max(min(p.top+d, len(p.shown)-p.rows), 0)
}

// InputHandler scrolls and closes. It implements [tview.Primitive].
func (p *panel) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return p.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		page := max(p.rows-1, 1)
		switch ev.Key() {
		case tcell.KeyEscape, tcell.KeyEnter:
			p.onDone()
		case tcell.KeyUp:
			p.scroll(-1)
		case tcell.KeyDown:
			p.scroll(1)
		case tcell.KeyPgUp:
			p.scroll(-page)
		case tcell.KeyPgDn:
			p.scroll(page)
		case tcell.KeyHome:
			p.top = 0
		case tcell.KeyEnd:
			p.scroll(len(p.shown))
		case tcell.KeyRune:
			switch ev.Rune() {
			case 'q', p.closer:
				p.onDone()
			case 'k':
				p.scroll(-1)
			case 'j':
				p.scroll(1)
			case ' ':
				p.scroll(page)
			case 'b':
				p.scroll(-page)
			}
		}
	})
}

// MouseHandler scrolls with the wheel. It implements [tview.Primitive].
func (p *panel) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (bool, tview.Primitive) {
	return p.WrapMouseHandler(func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(tview.Primitive)) (bool, tview.Primitive) {
		switch action {
		case tview.MouseScrollUp:
			p.scroll(-3)
			return true, nil
		case tview.MouseScrollDown:
			p.scroll(3)
			return true, nil
		}
		return false, nil
	})
}

// showPanel shows a text panel over the board, with the focus.
func (u *controller) showPanel(name, title string, closer rune, lines func(w int) []string) {
	p := newPanel(title, 100, closer, lines, u.closeOverlay)
	u.pages.AddPage(name, p, true, true)
	u.overlay = name
	u.app.SetFocus(p)
}

// showText shows text in a panel that scrolls, its lines wrapped to the
// panel's width; Esc, Enter and q close it.
func (u *controller) showText(name, title, text string) {
	u.showPanel(name, title, 0, func(w int) []string {
		var lines []string
		for _, l := range strings.Split(text, "\n") {
			lines = append(lines, wrapLine(l, w, 2)...)
		}
		return lines
	})
}
