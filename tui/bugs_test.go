package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// The bugs of issue 15's first paragraph, each with a test that failed
// before its fix. They use only keys the UI had then.

// TestBugHelpAt80x24: at 80 x 24 the help's key column was clipped (it
// needed about 96 columns), so that single-letter keys were invisible; q
// and its meaning must share a line.
func TestBugHelpAt80x24(t *testing.T) {
	h := start(t, 80, 24, Options{})
	h.press(' ')
	h.idle()
	f := h.press('?')
	if !regexp.MustCompile(`║\s+n[ ,.]+\s+one generation`).MatchString(f.text) {
		t.Errorf("?: n and its meaning are not on a line of the help:\n%s", f.text)
	}
	f = h.press(tcell.KeyEnd)
	if !regexp.MustCompile(`║\s+q\b[^\n]*quit`).MatchString(f.text) {
		t.Errorf("? End: q and its meaning are not on a line of the help:\n%s", f.text)
	}
}

// TestBugInfoScrolls: i could not scroll, so that long comments pushed
// the name, file and rule off the screen.
func TestBugInfoScrolls(t *testing.T) {
	var b strings.Builder
	b.WriteString("#N Long story\n")
	for i := range 40 {
		fmt.Fprintf(&b, "#C comment %d\n", i)
	}
	b.WriteString("#C the end\nx = 3, y = 3\nbo$2bo$3o!\n")
	h := start(t, 80, 24, Options{Pattern: rle(t, b.String()), Name: "story.rle"})
	h.press(' ')
	h.idle()
	f := h.press('i')
	for _, want := range []string{"Name:   Long story", "File:   story.rle", "Rule:   B3/S23"} {
		if !strings.Contains(f.text, want) {
			t.Errorf("i: no %q on the screen:\n%s", want, f.text)
		}
	}
	if f = h.press(tcell.KeyEnd); !strings.Contains(f.text, "the end") {
		t.Errorf("i End: the last comment is not on the screen:\n%s", f.text)
	}
}

// TestBugUndoOpen: undoing an open restored the cells but not the file's
// identity: r then reset to the undone pattern, i showed its name, and s
// offered its file.
func TestBugUndoOpen(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "alpha.rle"), filepath.Join(dir, "beta.rle")
	if err := os.WriteFile(a, []byte("#N Alpha\nx = 3, y = 3\nbo$2bo$3o!\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte("#N Beta\nx = 2, y = 2\n2o$2o!\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := patterns.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	h := start(t, 80, 24, Options{Pattern: p, Name: a})
	h.press(' ')
	h.idle()
	h.press('o', tcell.KeyCtrlU, b, tcell.KeyEnter)
	h.tasked()
	if f := h.idle(); f.pop != "4" {
		t.Fatalf("opened %s: pop %s, want 4", b, f.pop)
	}
	h.press('u') // the open
	f := h.press('i')
	if !strings.Contains(f.text, "Alpha") || strings.Contains(f.text, "Beta") || !strings.Contains(f.text, "alpha.rle") {
		t.Errorf("u i: want Alpha's name and file:\n%s", f.text)
	}
	h.press(tcell.KeyEscape)
	if f = h.press('r'); f.pop != "5" || f.gen != "0" {
		t.Errorf("r after undoing the open: gen %s pop %s, want Alpha's 5 cells at 0", f.gen, f.pop)
	}
	if f = h.press('s'); !strings.Contains(f.text, "alpha.rle") || strings.Contains(f.text, "beta.rle") {
		t.Errorf("s after undoing the open: want alpha.rle offered:\n%s", f.text)
	}
}

// TestBugSettleGoesOn: settling paused the run, which could not be turned
// off; it must only say so.
func TestBugSettleGoesOn(t *testing.T) {
	h := start(t, 80, 12, Options{Pattern: rle(t, "x = 3, y = 1\n3o!\n"), Name: "blinker"})
	want := "oscillator xp2_7, period 2, from gen 0"
	f := h.wait("the settle message", func(f frame) bool { return f.msg == want })
	g := gen(t, f)
	h.wait("the run to go on", func(f frame) bool { return f.running && gen(t, f) > g+20 })
}

// TestBugSettleResume: an oscillator resumed after it had paused at
// settling stopped again after each period ("period 3 from gen 3").
func TestBugSettleResume(t *testing.T) {
	h := start(t, 80, 12, Options{Pattern: rle(t, "x = 3, y = 1\n3o!\n"), Name: "blinker"})
	h.press(' ')
	h.idle()
	h.press('p', 'r', ' ') // pause when it settles; from the start
	f := h.idle()
	if !strings.Contains(f.msg, "oscillator") {
		t.Fatalf("paused without the settle message: %q", f.msg)
	}
	g := gen(t, f)
	h.press(' ')
	h.wait("the run to go on after resuming", func(f frame) bool { return f.running && gen(t, f) > g+20 })
}

// TestBugSpeedLadder: between full speed (some 4,000 gens/s) and a delay
// of 250 ms there was nothing.
func TestBugSpeedLadder(t *testing.T) {
	h := start(t, 60, 20, Options{})
	if f := h.press('-'); f.step != "max 1000 gen/s" {
		t.Errorf("- from full speed: %q, want max 1000 gen/s", f.step)
	}
}

// TestBugTabQueue: holding Tab dropped presses (while a step was in
// flight) but still added undo entries.
func TestBugTabQueue(t *testing.T) {
	gate := make(chan struct{}, 100)
	wrap := func(w world) world {
		w.Eng = gated{w.Eng, gate}
		return w
	}
	h := start(t, 60, 20, Options{wrap: wrap})
	h.press(' ')
	g := gen(t, h.idle())
	undos := 0
	h.do(func(u *controller) { undos = len(u.undo) })
	h.press('+', tcell.KeyTab, tcell.KeyTab, tcell.KeyTab) // three steps of 10, the first held at the gate
	for range 30 {
		gate <- struct{}{}
	}
	f := h.wait("30 generations", func(f frame) bool { return f.idle && gen(t, f) >= g+30 })
	if gen(t, f) != g+30 {
		t.Errorf("three Tabs of 10: gen %s, want %d", f.gen, g+30)
	}
	h.do(func(u *controller) { undos = len(u.undo) - undos })
	if undos != 3 {
		t.Errorf("three Tabs: %d undo steps, want 3", undos)
	}
}

// TestBugComputing: the status bar said "paused" during a long jump.
func TestBugComputing(t *testing.T) {
	gate := make(chan struct{})
	wrap := func(w world) world {
		w.Eng = gated{w.Eng, gate}
		return w
	}
	h := start(t, 80, 20, Options{wrap: wrap})
	h.press(' ')
	g := gen(t, h.idle())
	h.press('+', tcell.KeyTab) // held at the gate
	h.wait("computing", func(f frame) bool {
		return strings.Contains(f.text, "computing") && strings.Contains(f.text, "Esc cancels")
	})
	f := h.press(tcell.KeyEscape)
	f = h.idle()
	if gen(t, f) != g || !strings.Contains(f.msg, "cancelled") {
		t.Errorf("Esc: gen %s, message %q; want %d, cancelled", f.gen, f.msg, g)
	}
}

// TestBugFarGlider: past about 2^64 generations on the plane, f showed an
// empty board and s wrote "saved 0 cells" while the status said Pop 5.
// It runs on hashlife alone, the engine that gets there.
func TestBugFarGlider(t *testing.T) {
	glider := rle(t, "x = 3, y = 3\nbo$2bo$3o!\n")
	s := planeSettings
	s.Engine = "hashlife"
	h := start(t, 70, 20, Options{Pattern: glider, Settings: s, Engines: planeEngines})
	h.press(' ')
	h.idle()
	for range 60 {
		h.press('+')
	}
	for range 16 { // 16 x 2^60 = 2^64: the glider is 2^62 cells out, past the reach
		h.press(tcell.KeyTab)
		h.idle()
	}
	f := h.press('f')
	if f.pop != "5" || !strings.Contains(f.msg, "beyond") {
		t.Errorf("f at gen %s: pop %s, message %q; want 5 and why the board is empty", f.gen, f.pop, f.msg)
	}
	out := filepath.Join(t.TempDir(), "far.rle")
	h.press('s', tcell.KeyCtrlU, out, tcell.KeyEnter)
	h.tasked()
	f = h.idle()
	if strings.Contains(f.msg, "saved 0 cells") || !strings.Contains(f.msg, "beyond") {
		t.Errorf("s: message %q", f.msg)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("s wrote %s", out)
	}
}

// TestBugGenReadBack: the generation of a saved file (#CXRLE Gen) was
// ignored on load.
func TestBugGenReadBack(t *testing.T) {
	p := rle(t, "#CXRLE Pos=-1,-1 Gen=100\nx = 3, y = 3\nbo$2bo$3o!\n")
	h := start(t, 60, 20, Options{Pattern: p, Name: "g.rle"})
	h.press(' ')
	h.idle()
	if f := h.press('r'); f.gen != "100" || !strings.Contains(f.text, "Gen 100 ") {
		t.Errorf("r: gen %s, want the file's 100:\n%s", f.gen, f.text)
	}
}

// TestBugRuleDrops: a smaller torus from R dropped cells silently.
func TestBugRuleDrops(t *testing.T) {
	h := start(t, 60, 20, Options{Pattern: rle(t, "x = 40, y = 1\no38bo!\n"), Name: "two"})
	h.press(' ')
	h.idle()
	h.press('r')
	f := h.press('R', tcell.KeyCtrlU, "B3/S23:T10,10", tcell.KeyEnter)
	if f.overlay != "confirm" || !strings.Contains(f.text, "dropped") {
		t.Fatalf("R to a 10 x 10 torus: overlay %q, want a question:\n%s", f.overlay, f.text)
	}
	if f = h.press('n'); f.rule != "B3/S23:T60,36" || f.pop != "2" {
		t.Errorf("n: rule %s pop %s, want the rule and cells kept", f.rule, f.pop)
	}
}

// TestBugSaveNames: the default names s offered were inconsistent: a
// built-in pattern's name without an extension, or "pattern.rle".
func TestBugSaveNames(t *testing.T) {
	for _, name := range []string{"built-in glider", "glider"} {
		e, _ := patterns.Lookup("glider")
		h := start(t, 80, 20, Options{Pattern: e.Pattern(), Name: name})
		h.press(' ')
		h.idle()
		if f := h.press('s'); !strings.Contains(f.text, "file: glider.rle ") {
			t.Errorf("s for %q: want glider.rle offered:\n%s", name, f.text)
		}
	}
}

// TestBugAspect: zoomed out, the views were stretched 2:1: a character,
// twice as tall as wide, held as many cells down as across.
func TestBugAspect(t *testing.T) {
	e, err := engine.NewProtocol(engine.Rule{Birth: engine.Life.Birth, Survive: engine.Life.Survive, Topology: engine.TorusOf(128, 128)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for y := int64(32); y < 96; y++ {
		for x := int64(32); x < 96; x++ {
			e.SetCell(y, x, true)
		}
	}
	sim := newSim(t, 60, 30)
	defer sim.Fini()
	b := NewBoard(true)
	b.SetRect(0, 0, 60, 30)
	b.SetSnapshot(snapOf(e))
	b.SetScale(BlockScale(2))
	b.SetCentre(64, 64)
	b.Draw(sim)
	sim.Show()
	rows, cols := 0, 0
	for _, l := range strings.Split(screenText(sim), "\n") {
		if n := strings.Count(l, "█"); n > 0 {
			rows++
			cols = max(cols, n)
		}
	}
	if cols != 16 || rows != 8 {
		t.Errorf("a 64 x 64 square at %v: %d characters across and %d down, want 16 and 8:\n%s", b.Scale(), cols, rows, screenText(sim))
	}
}

// TestBugMessageWraps: messages longer than the status bar were cut.
func TestBugMessageWraps(t *testing.T) {
	h := start(t, 40, 14, Options{})
	h.press(' ')
	h.idle()
	missing := filepath.Join(t.TempDir(), "a-directory-with-a-long-name", "and-a-pattern-file-with-a-long-name-too.rle")
	h.press('o', tcell.KeyCtrlU, missing, tcell.KeyEnter)
	h.tasked()
	f := h.idle()
	if !strings.Contains(f.msg, "and-a-pattern-file-with-a-long-name-too.rle") {
		t.Fatalf("message %q", f.msg)
	}
	// The message, wrapped over the last lines of the screen, read back.
	lines := strings.Split(strings.TrimRight(f.text, "\n"), "\n")
	var shown strings.Builder
	for _, l := range lines[len(lines)-6:] {
		shown.WriteString(strings.TrimSpace(l))
	}
	if !strings.Contains(shown.String(), strings.ReplaceAll(f.msg, " ", "")) && !strings.Contains(strings.ReplaceAll(shown.String(), " ", ""), strings.ReplaceAll(f.msg, " ", "")) {
		t.Errorf("the message %q is not on the screen whole:\n%s", f.msg, f.text)
	}
}
