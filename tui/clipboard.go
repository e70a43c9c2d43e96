package tui

import (
	"fmt"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/patterns"
)

// The clipboard: Ctrl-C copies the selection and Ctrl-X cuts it, as RLE
// (Golly's clipboard form, [universe.ClipText]), to the UI's own clipboard
// and to the terminal's, which passes it to the system clipboard through
// OSC 52 where the terminal allows (tcell's SetClipboard; xterm, tmux and
// most terminals of today do). Ctrl-V pastes the UI's clipboard, and a
// pattern pasted into the terminal (bracketed paste, RLE or plaintext)
// is pasted too: either floats under the cursor until Enter places it (see
// paste.go).

// clipRule returns the rule written with a clip: the current rule,
// without its bounded-grid suffix, which a clip has no use for.
func (u *controller) clipRule() string {
	r := u.cur.Eng.Rule()
	r.Topology = engine.Topology{}
	return r.String()
}

// copySelection copies the selection to the clipboards, and with cut
// clears it too, as one edit.
func (u *controller) copySelection(cut bool) {
	what := "copy"
	if cut {
		what = "cut"
	}
	r, ok := u.needSelection(what)
	if !ok {
		return
	}
	if n := u.selPop(); !n.IsInt64() || n.Int64() > maxVisit {
		u.msg = fmt.Sprintf("%s: %s live cells are too many to copy (at most %d)", what, readable(n), maxVisit)
		return
	}
	clip := universe.Copy(u.cur.Eng, r)
	u.clip = clip
	text := universe.ClipText(clip, u.clipRule())
	if u.screen != nil {
		u.screen.SetClipboard([]byte(text))
	}
	n := clip.Population()
	if cut {
		w := u.cur.Clone()
		universe.Clear(w.Eng, r)
		u.edit(w)
		u.msg = fmt.Sprintf("cut %d cells (%d x %d) to the clipboard", n, r.W, r.H)
		return
	}
	u.msg = fmt.Sprintf("copied %d cells (%d x %d) to the clipboard", n, r.W, r.H)
}

// pasteClipboard floats the UI's clipboard under the cursor.
func (u *controller) pasteClipboard() {
	if u.clip == nil {
		u.msg = "paste: the clipboard is empty (Ctrl-C copies the selection; or paste a pattern into the terminal)"
		return
	}
	u.float(u.clip)
}

// pasteText floats text pasted into the terminal, a pattern in any format
// the readers know, under the cursor; it becomes the UI's clipboard too.
// It is the board's paste handler, and runs on the event loop.
func (u *controller) pasteText(text string) {
	if u.overlay != "" {
		return
	}
	p, err := universe.ParseClip("pasted text", text)
	if err != nil {
		u.msg = "paste: " + err.Error()
		return
	}
	u.clip = p
	u.float(p)
}

// float makes p the floating paste, with its top-left cell under the
// cursor.
func (u *controller) float(p *patterns.Pattern) {
	y, x := u.cursor()
	u.paste = &floating{p: p, y: y, x: x}
	u.selecting = false
	w, h := p.Size()
	u.msg = fmt.Sprintf("pasting %d cells (%d x %d)", p.Population(), w, h)
}
