package tui

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// statusLines is the height of the status bar.
const statusLines = 2

// status is what the status bar shows, as text.
type status struct {
	running, editing bool
	gen, pop         string
	rule, engine     string
	step, rate       string
	scale            string
	cursor           string
	msg              string
	pops             []int64 // recent populations, oldest first, saturated at math.MaxInt64
}

// statusBar draws a status: on its first line the state of the run and a
// population sparkline of recent generations, on its second a message or a
// hint.
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

// text returns the status bar's first line, without the sparkline. Gen and
// Pop come first, so that a narrow terminal still shows them; the
// controller writes them with [readable].
func (st status) text() string {
	state := "paused"
	if st.running {
		state = "running"
	}
	parts := []string{"Gen " + st.gen, "Pop " + st.pop, state, st.rule, st.engine, st.step}
	if st.rate != "" {
		parts = append(parts, st.rate)
	}
	parts = append(parts, st.scale)
	return " " + strings.Join(parts, "  ") + "  "
}

// hint returns the status bar's second line.
func (st status) hint() string {
	switch {
	case st.msg != "":
		return " " + st.msg
	case st.editing:
		return " EDIT " + st.cursor + ": arrows move, x toggles, e or Esc leaves"
	}
	return " ? help   Space run/pause   n step   [ ] zoom   o open   s save   q quit"
}

// Draw draws the status bar. It implements [tview.Primitive].
func (s *statusBar) Draw(screen tcell.Screen) {
	s.DrawForSubclass(screen, s)
	x, y, w, h := s.GetInnerRect()
	if w <= 0 || h <= 0 {
		return
	}
	bar := tcell.StyleDefault.Reverse(true)
	line := s.st.text()
	n := put(screen, x, y, w, line, bar)
	spark := sparkline(s.st.pops, w-n)
	n += put(screen, x+n, y, w-n, spark, bar)
	put(screen, x+n, y, w-n, strings.Repeat(" ", max(w-n, 0)), bar)
	if h > 1 {
		style := tcell.StyleDefault
		if s.st.msg != "" {
			style = style.Bold(true)
			if !s.noColor {
				style = style.Foreground(tcell.ColorOrange)
			}
		}
		put(screen, x, y+1, w, s.st.hint(), style)
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
func (st status) String() string { return fmt.Sprintf("%s%s", st.text(), sparkline(st.pops, 40)) }

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
