package tui

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/hashlife"
	"github.com/life-go/life/patterns"
)

// planeEngines are the engines of the plane's tests, as cmd/life lists
// them: hashlife, which runs the plane, and the protocol engine.
var planeEngines = []EngineChoice{
	{"hashlife", func(r engine.Rule) (engine.Engine, error) { return hashlife.New(r, hashlife.Options{}) }},
	{"protocol", func(r engine.Rule) (engine.Engine, error) { return engine.NewProtocol(r, nil) }},
}

// planeLoad loads a pattern as cmd/life does for the UI: its rule's
// bounded grid on the protocol engine, else the unbounded plane on
// hashlife, the pattern's top-left cell at (-(h/2), -(w/2)) as in Golly.
func planeLoad(p *patterns.Pattern, name string, fit Size) (Universe, error) {
	r := engine.Life
	if p.Rule != "" {
		var err error
		if r, err = engine.ParseRule(p.Rule); err != nil {
			return Universe{}, fmt.Errorf("%s: %w", name, err)
		}
	}
	if r.Topology.Kind != engine.Plane {
		return testLoad(p, name, fit)
	}
	e, err := hashlife.New(r, hashlife.Options{})
	if err != nil {
		return Universe{}, err
	}
	w, h := p.Size()
	p.Cells(func(y, x int64) { e.SetCell(y-h/2, x-w/2, true) })
	return Universe{Eng: e}, nil
}

// boardText returns the board's part of a screen: every line but the
// status bar's.
func boardText(f frame) string {
	lines := strings.Split(strings.TrimRight(f.text, "\n"), "\n")
	return strings.Join(lines[:len(lines)-statusLines], "\n")
}

// TestPlane runs a glider on the unbounded plane: it starts on hashlife
// with the rule shown without a suffix, the settle detector sees it move,
// Tab at the fastest speed jumps exactly 10^12 generations in one step, f
// finds the glider some 2.5 x 10^11 cells away, and the view pans and
// zooms out there, shaded from the node populations.
func TestPlane(t *testing.T) {
	glider := rle(t, "x = 3, y = 3\nbo$2bo$3o!\n")
	h := start(t, 60, 20, Options{Pattern: glider, Load: planeLoad, Engines: planeEngines, AutoSwitch: true})
	f := h.wait("the glider to be seen moving", func(f frame) bool { return !f.running && strings.Contains(f.msg, "moving") })
	if f.rule != "B3/S23" || f.engine != "hashlife" || f.pop != "5" {
		t.Errorf("the glider on the plane: rule %s on %s, pop %s; want B3/S23 on hashlife, pop 5", f.rule, f.engine, f.pop)
	}
	if !strings.Contains(f.text, "B3/S23  hashlife") {
		t.Errorf("the status bar does not show the plane's rule and hashlife:\n%s", f.text)
	}
	f = h.idle()
	g0, _ := new(big.Int).SetString(strings.ReplaceAll(f.gen, ",", ""), 10)
	for range maxExp {
		f = h.press('+')
	}
	if f.step != "step 10^12" {
		t.Fatalf("+ x12: %s, want step 10^12", f.step)
	}
	h.press(tcell.KeyTab)
	f = h.idle()
	want := new(big.Int).Add(g0, big.NewInt(1e12))
	if f.gen != readable(want) || f.pop != "5" || f.msg != "" {
		t.Fatalf("Tab at 10^12: gen %s pop %s (%q), want gen %s pop 5", f.gen, f.pop, f.msg, readable(want))
	}
	if !strings.Contains(f.text, "Gen 1,000,000,000,0") {
		t.Errorf("the status bar does not write the generation with commas:\n%s", f.text)
	}
	if board := boardText(f); strings.TrimSpace(board) != "" {
		t.Errorf("the glider is still in view after 10^12 generations:\n%s", board)
	}
	// The glider moves a cell down and right every 4 generations.
	var box engine.Rect
	h.do(func(u *controller) { box, _ = u.cur.eng.Bounds() })
	d := new(big.Int).Rsh(want, 2).Int64()
	if box.W != 3 || box.H != 3 || box.X < d-2 || box.X > d+2 || box.Y < d-2 || box.Y > d+2 {
		t.Fatalf("the glider at gen %s is at %+v, want about (%d, %d)", want, box, d, d)
	}
	f = h.press('f')
	if f.scale != ScaleDouble || !strings.Contains(boardText(f), "█") {
		t.Errorf("f: scale %v, want %v with the glider in view:\n%s", f.scale, ScaleDouble, f.text)
	}
	var cy, cx int64
	h.do(func(u *controller) { cy, cx = u.board.Centre() })
	if cy != box.Y+1 || cx != box.X+1 {
		t.Errorf("f: centre (%d, %d), want the glider's (%d, %d)", cy, cx, box.Y+1, box.X+1)
	}
	// Zoomed far out, the glider is one shaded block, found by counting.
	for range 30 {
		f = h.press('[')
	}
	if f.scale != BlockScale(28) || !strings.ContainsAny(boardText(f), "░▒▓█") {
		t.Errorf("[ x30: scale %v, want %v with the glider shaded:\n%s", f.scale, BlockScale(28), f.text)
	}
	// Pan a long way and come back.
	h.press('l', 'l', 'j')
	var py, px int64
	h.do(func(u *controller) { py, px = u.board.Centre() })
	if py <= cy || px <= cx {
		t.Errorf("panning right and down at %v moved the centre from (%d, %d) to (%d, %d)", f.scale, cy, cx, py, px)
	}
	if f = h.press('f'); f.scale != ScaleDouble || !strings.Contains(boardText(f), "█") {
		t.Errorf("f again: scale %v, want %v with the glider in view:\n%s", f.scale, ScaleDouble, f.text)
	}
	// m comes back to the origin, where nothing is left.
	f = h.press('m')
	if h.do(func(u *controller) { cy, cx = u.board.Centre() }); cy != 0 || cx != 0 || strings.TrimSpace(boardText(f)) != "" {
		t.Errorf("m: centre (%d, %d), want (0, 0), empty:\n%s", cy, cx, f.text)
	}
}

// TestPlaneRuleChange moves a glider from the plane to a torus and back
// with R: its cells keep their place about the universe's middle, and
// :T0,0 asks for the plane, on hashlife.
func TestPlaneRuleChange(t *testing.T) {
	glider := rle(t, "x = 3, y = 3\nbo$2bo$3o!\n")
	h := start(t, 60, 20, Options{Pattern: glider, Load: planeLoad, Engines: planeEngines, AutoSwitch: true})
	h.wait("the glider to be seen moving", func(f frame) bool { return !f.running && strings.Contains(f.msg, "moving") })
	h.idle()
	if f := h.press('r'); f.gen != "0" {
		t.Fatalf("r: gen %s, want 0", f.gen)
	}
	cells := h.cells()
	var box engine.Rect
	f := h.press('R', tcell.KeyCtrlU, "B3/S23:T20,10")
	if !strings.Contains(f.text, "a torus of 20 x 10 cells") {
		t.Errorf("typing B3/S23:T20,10: no torus shown:\n%s", f.text)
	}
	f = h.press(tcell.KeyEnter)
	h.do(func(u *controller) { box, _ = u.cur.eng.Bounds() })
	if f.rule != "B3/S23:T20,10" || f.engine != "protocol" || h.cells() != cells || box != (engine.Rect{X: 9, Y: 4, W: 3, H: 3}) {
		t.Errorf("to the torus: rule %s on %s, cells at %+v, want B3/S23:T20,10 on protocol, the glider at 9,4", f.rule, f.engine, box)
	}
	f = h.press('R', tcell.KeyCtrlU, "B3/S23:T0,0")
	if !strings.Contains(f.text, "on the unbounded plane") {
		t.Errorf("typing B3/S23:T0,0: the plane not shown:\n%s", f.text)
	}
	f = h.press(tcell.KeyEnter)
	h.do(func(u *controller) { box, _ = u.cur.eng.Bounds() })
	if f.rule != "B3/S23" || f.engine != "hashlife" || h.cells() != cells || box != (engine.Rect{X: -1, Y: -1, W: 3, H: 3}) {
		t.Errorf("back to the plane: rule %s on %s, cells at %+v, want B3/S23 on hashlife, the glider at -1,-1", f.rule, f.engine, box)
	}
}
