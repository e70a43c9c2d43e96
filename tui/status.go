package tui

import (
	"fmt"
	"math/big"
	"strings"
	"unicode/utf8"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// statusLines is the height of the status bar.
const statusLines = 2

// status is what the status bar shows, as text.
type status struct {
	running, editing bool
	state            string // "running", "paused", "computing ..."; "" is running or paused
	gen, pop         string
	rule, engine     string
	step, rate       string
	scale            string
	cursor           string // the cell pointed at, in Golly's coordinates: "(3,-2)"
	sel, paste       string // the selection and the floating paste: "Sel 5x4 7"
	settle           string // what a run does when it settles: "settle:go"
	mode             string // "EDIT", "SELECT", "PASTE" or ""
	msg              string
	task             string  // a slow task, with its progress, shown instead of msg
	pops             []int64 // recent populations, oldest first, saturated at math.MaxInt64
}

// statusBar draws a status: on its first line the state of the run and a
// population sparkline of recent generations, below it a message, wrapped
// over as many lines as it takes, or a hint.
type statusBar struct {
	*tview.Box
	st      status
	noColor bool
}

// newStatusBar returns an empty status bar; noColor draws with attributes
// only.
func newStatusBar(noColor bool) *statusBar {
	return &statusBar{Box: tview.NewBox(), noColor: noColor}
}

// set sets what the status bar shows.
func (s *statusBar) set(st status) { s.st = st }

// part is a piece of the status bar's first line, with the priority that
// keeps it when the line is too narrow for every piece.
type part struct {
	text     string
	priority int
}

// parts returns the pieces of the first line, in the order shown. Gen and
// Pop come first and go last, so that a narrow terminal still shows them;
// the controller writes them with [readable].
func (st status) parts() []part {
	state := st.state
	if state == "" {
		state = "paused"
		if st.running {
			state = "running"
		}
	}
	ps := []part{{"Gen " + st.gen, 10}, {"Pop " + st.pop, 10}, {state, 9}}
	for _, p := range []part{
		{st.sel, 8}, {st.paste, 8}, {st.cursor, 7}, {st.step, 6}, {st.rate, 4},
		{st.rule, 5}, {st.engine, 3}, {st.scale, 1}, {st.settle, 2},
	} {
		if p.text != "" {
			ps = append(ps, p)
		}
	}
	return ps
}

// text returns the status bar's first line for a width of w characters,
// without the sparkline: the pieces that fit, dropping the least
// important first.
func (st status) text(w int) string {
	ps := st.parts()
	join := func() string {
		var texts []string
		for _, p := range ps {
			texts = append(texts, p.text)
		}
		return " " + strings.Join(texts, "  ") + "  "
	}
	for len(ps) > 2 && utf8.RuneCountInString(join()) > w {
		least := 0
		for i, p := range ps {
			if p.priority < ps[least].priority {
				least = i
			}
		}
		ps = append(ps[:least], ps[least+1:]...)
	}
	return join()
}

// hint returns the status bar's line below the first when there is no
// message: what the keys do in the mode at hand.
func (st status) hint() string {
	switch st.mode {
	case "PASTE":
		return " PASTE: arrows/mouse move, Enter places, m mode, x y < > turn, Esc drops"
	case "SELECT":
		return " SELECT: arrows stretch, drag selects, Ctrl-C copy, Ctrl-X cut, Del clear, v done"
	case "EDIT":
		return " EDIT: arrows move, x toggles, v selects, Ctrl-V pastes, e or Esc leaves"
	}
	return " ? help   Space run/pause   n step   [ ] zoom   o open   s save   q quit"
}

// messageLines returns the lines below the first for a width of w: the
// message wrapped, or the hint.
func (st status) messageLines(w int) []string {
	switch {
	case st.task != "":
		return wrapLine(" "+st.task, w, 1)
	case st.msg == "":
		return []string{st.hint()}
	}
	return wrapLine(" "+st.msg, w, 1)
}

// height returns how many lines the status bar takes at a width of w,
// with its message wrapped, out of a screen of h lines: at most all but
// one.
func (st status) height(w, h int) int {
	return max(1, min(1+len(st.messageLines(w)), h-1))
}

// Draw draws the status bar. It implements [tview.Primitive].
func (s *statusBar) Draw(screen tcell.Screen) {
	s.DrawForSubclass(screen, s)
	x, y, w, h := s.GetInnerRect()
	if w <= 0 || h <= 0 {
		return
	}
	bar := tcell.StyleDefault.Reverse(true)
	line := s.st.text(w)
	n := put(screen, x, y, w, line, bar)
	spark := sparkline(s.st.pops, w-n)
	n += put(screen, x+n, y, w-n, spark, bar)
	put(screen, x+n, y, w-n, strings.Repeat(" ", max(w-n, 0)), bar)
	style := tcell.StyleDefault
	if s.st.msg != "" {
		style = style.Bold(true)
		if !s.noColor {
			style = style.Foreground(tcell.ColorOrange)
		}
	}
	for i, l := range s.st.messageLines(w) {
		if i+1 >= h {
			break
		}
		put(screen, x, y+1+i, w, l, style)
	}
}

// put writes text from (x, y) in at most w cells, and returns how many it
// wrote.
func put(screen tcell.Screen, x, y, w int, text string, style tcell.Style) int {
	n := 0
	for _, r := range text {
		if n >= w {
			break
		}
		screen.SetContent(x+n, y, r, nil, style)
		n++
	}
	return n
}

// sparkRunes are the sparkline's eight levels.
var sparkRunes = []rune("▁▂▃▄▅▆▇█")

// sparkline draws the last width populations of pops, scaled between their
// least and greatest.
func sparkline(pops []int64, width int) string {
	if width <= 0 || len(pops) == 0 {
		return ""
	}
	pops = pops[max(0, len(pops)-width):]
	lo, hi := pops[0], pops[0]
	for _, p := range pops {
		lo, hi = min(lo, p), max(hi, p)
	}
	var b strings.Builder
	for _, p := range pops {
		level := 3
		if hi > lo {
			// In floating point: (p-lo)*7 overflows an int64 past 2^60.
			level = min(int(float64(p-lo)/float64(hi-lo)*7), 7)
		}
		b.WriteRune(sparkRunes[level])
	}
	return b.String()
}

// String returns the status bar's first line, for logs and tests.
func (st status) String() string { return fmt.Sprintf("%s%s", st.text(1000), sparkline(st.pops, 40)) }

// maxFullDigits is how many digits the status bar writes a number in full.
const maxFullDigits = 15

// readable writes n for the status bar, as Golly does, readably however
// large: up to maxFullDigits digits in full, the digits in groups of three
// separated by commas (1,000,000), and beyond that in scientific notation
// with four significant digits, truncated, not rounded, so that it never
// claims more than n is (1.302e21).
func readable(n *big.Int) string {
	s := n.String()
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	if len(s) > maxFullDigits {
		return fmt.Sprintf("%s%c.%se%d", sign, s[0], s[1:4], len(s)-1)
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
