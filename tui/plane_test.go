package tui

import (
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/hashlife"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/patterns"
)

// planeEngines are the engines of the plane's tests, as cmd/life lists
// them: the sparse engine and hashlife, which run the plane, and the
// protocol engine.
var planeEngines = algos("sparse", "hashlife", "protocol")

// planeSettings load a pattern as cmd/life does for the UI: its rule's
// bounded grid on the protocol engine, else the unbounded plane on the
// sparse engine, the pattern's top-left cell at (-(h/2), -(w/2)) as in
// Golly.
var planeSettings = universe.Settings{Engine: "auto", Watch: true, Plane: true}

// boardText returns the board's part of a screen: every line but the
// status bar's.
func boardText(f frame) string {
	lines := strings.Split(strings.TrimRight(f.text, "\n"), "\n")
	return strings.Join(lines[:len(lines)-statusLines], "\n")
}

// TestPlane runs a glider on the unbounded plane: it starts on the sparse
// engine with the rule shown without a suffix, the settle detector sees
// it move, the step is a power of ten there; Tab at 10^12 is a jump
// astronomically long for a glider, which auto makes on hashlife, exactly,
// saying so, and the step becomes its power of two, 2^40, which Tab jumps
// exactly too; f finds the glider some 5 x 10^11 cells away, and the view
// pans and zooms out there, shaded from the node populations.
func TestPlane(t *testing.T) {
	glider := rle(t, "x = 3, y = 3\nbo$2bo$3o!\n")
	h := start(t, 60, 20, Options{Pattern: glider, Settings: planeSettings, Engines: planeEngines, AutoSwitch: true, PauseAtSettle: true})
	f := h.wait("the glider to be seen moving", func(f frame) bool { return !f.running && strings.Contains(f.msg, "moving") })
	if f.rule != "B3/S23" || f.engine != "sparse" || f.pop != "5" {
		t.Errorf("the glider on the plane: rule %s on %s, pop %s; want B3/S23 on sparse, pop 5", f.rule, f.engine, f.pop)
	}
	if !strings.Contains(f.text, "B3/S23  sparse") {
		t.Errorf("the status bar does not show the plane's rule and the sparse engine:\n%s", f.text)
	}
	f = h.idle()
	g0, _ := new(big.Int).SetString(strings.ReplaceAll(f.gen, ",", ""), 10)
	if f.step != "step 10^0" {
		t.Errorf("the sparse engine's step: %s, want step 10^0", f.step)
	}
	for range 12 {
		f = h.press('+')
	}
	if f.step != "step 10^12" {
		t.Fatalf("+ x12: %s, want step 10^12", f.step)
	}
	h.press(tcell.KeyTab)
	f = h.idle()
	want := new(big.Int).Add(g0, big.NewInt(1e12))
	if f.gen != readable(want) || f.pop != "5" || f.engine != "hashlife" || f.step != "step 2^40" ||
		f.msg != "sparse for a jump of 1,000,000,000,000 generations: switched to hashlife" {
		t.Fatalf("Tab at 10^12: gen %s pop %s on %s, %s (%q), want gen %s pop 5 on hashlife, step 2^40", f.gen, f.pop, f.engine, f.step, f.msg, readable(want))
	}
	h.press(tcell.KeyTab)
	f = h.idle()
	want.Add(want, big.NewInt(1<<40))
	if f.gen != readable(want) || f.pop != "5" || f.engine != "hashlife" {
		t.Fatalf("Tab at 2^40: gen %s pop %s on %s, want gen %s pop 5 on hashlife", f.gen, f.pop, f.engine, readable(want))
	}
	if !strings.Contains(f.text, "Gen 2,099,511,6") {
		t.Errorf("the status bar does not write the generation with commas:\n%s", f.text)
	}
	if board := boardText(f); strings.TrimSpace(board) != "" {
		t.Errorf("the glider is still in view after 2^40 generations:\n%s", board)
	}
	// The glider moves a cell down and right every 4 generations.
	var box engine.Rect
	h.do(func(u *controller) { box, _ = u.cur.Eng.Bounds() })
	d := new(big.Int).Rsh(want, 2).Int64()
	if box.W != 3 || box.H != 3 || box.X < d-2 || box.X > d+2 || box.Y < d-2 || box.Y > d+2 {
		t.Fatalf("the glider at gen %s is at %+v, want about (%d, %d)", want, box, d, d)
	}
	// s keeps the glider's place and generation, as Golly's #CXRLE does.
	out := filepath.Join(t.TempDir(), "far.rle")
	h.press('s', tcell.KeyCtrlU, out, tcell.KeyEnter)
	if f = h.idle(); !strings.Contains(f.msg, "saved 5 cells") {
		t.Errorf("save: message %q", f.msg)
	}
	if p, err := patterns.ReadFile(out); err != nil || p.Population() != 5 || p.Rule != "B3/S23" || !p.Positioned ||
		p.OriginY != box.Y || p.OriginX != box.X || p.Gen != want.String() {
		t.Errorf("saved %s: %+v, %v; want the glider at (%d, %d), gen %s", out, p, err, box.Y, box.X, want)
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
// :T0,0 asks for the plane, on the sparse engine.
func TestPlaneRuleChange(t *testing.T) {
	glider := rle(t, "x = 3, y = 3\nbo$2bo$3o!\n")
	h := start(t, 60, 20, Options{Pattern: glider, Settings: planeSettings, Engines: planeEngines, AutoSwitch: true, PauseAtSettle: true})
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
	h.do(func(u *controller) { box, _ = u.cur.Eng.Bounds() })
	if f.rule != "B3/S23:T20,10" || f.engine != "protocol" || h.cells() != cells || box != (engine.Rect{X: 9, Y: 4, W: 3, H: 3}) {
		t.Errorf("to the torus: rule %s on %s, cells at %+v, want B3/S23:T20,10 on protocol, the glider at 9,4", f.rule, f.engine, box)
	}
	f = h.press('R', tcell.KeyCtrlU, "B3/S23:T0,0")
	if !strings.Contains(f.text, "on the unbounded plane") {
		t.Errorf("typing B3/S23:T0,0: the plane not shown:\n%s", f.text)
	}
	f = h.press(tcell.KeyEnter)
	h.do(func(u *controller) { box, _ = u.cur.Eng.Bounds() })
	if f.rule != "B3/S23" || f.engine != "sparse" || h.cells() != cells || box != (engine.Rect{X: -1, Y: -1, W: 3, H: 3}) {
		t.Errorf("back to the plane: rule %s on %s, cells at %+v, want B3/S23 on sparse, the glider at -1,-1", f.rule, f.engine, box)
	}
}

// TestBoardFar draws the plane far from the origin: two blocks 2^41 cells
// apart, at ±2^40, which Fit shows together, and views at the edge of the
// coordinates, which panning cannot push past ±2^62 into an overflow.
func TestBoardFar(t *testing.T) {
	e, err := hashlife.New(engine.Life, hashlife.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const far = int64(1) << 40
	for _, c := range [][2]int64{{-far, -far}, {far - 2, far - 2}} {
		for dy := range int64(2) {
			for dx := range int64(2) {
				e.SetCell(c[0]+dy, c[1]+dx, true)
			}
		}
	}
	sim := newSim(t, 40, 12)
	defer sim.Fini()
	b := NewBoard(true)
	b.SetRect(0, 0, 40, 12)
	b.SetSnapshot(snapOf(e))
	draw := func() string {
		sim.Clear()
		b.Draw(sim)
		sim.Show()
		return screenText(sim)
	}
	box, _ := e.Bounds()
	b.Fit(box)
	if y, x := b.Centre(); y != 0 || x != 0 || b.Scale() != BlockScale(37) {
		t.Errorf("Fit(%+v): centre (%d, %d) at %v, want (0, 0) at %v", box, y, x, b.Scale(), BlockScale(37))
	}
	if got := strings.Count(draw(), "░"); got != 2 {
		t.Errorf("Fit: %d shaded blocks, want the two:\n%s", got, draw())
	}
	// Each block, found at the finest scale.
	for _, c := range []struct{ y, x int64 }{{-far, -far}, {far - 2, far - 2}} {
		b.Fit(engine.Rect{Y: c.y, X: c.x, W: 2, H: 2})
		if got := strings.Count(draw(), "█"); b.Scale() != ScaleDouble || got != 8 {
			t.Errorf("the block at (%d, %d): %d full characters at %v, want 8 (two columns a cell) at %v:\n%s", c.y, c.x, got, b.Scale(), ScaleDouble, draw())
		}
	}
	// The edges of the coordinates, at every scale: clamped, drawn empty.
	for _, c := range []struct{ y, x int64 }{{math.MaxInt64, math.MaxInt64}, {math.MinInt64, math.MinInt64}, {math.MaxInt64, math.MinInt64}} {
		b.SetCentre(c.y, c.x)
		for s := ScaleDouble; s <= MaxScale; s++ {
			b.SetScale(s)
			// Pan outwards, past the edge, which holds.
			dy, dx := 1000, 1000
			if c.y < 0 {
				dy = -dy
			}
			if c.x < 0 {
				dx = -dx
			}
			for range 3 {
				b.Pan(dy, dx)
			}
			y, x := b.Centre()
			if y != clampCentre(c.y) || x != clampCentre(c.x) {
				t.Fatalf("at %v from (%d, %d): centre (%d, %d), want the edge at ±2^62", s, c.y, c.x, y, x)
			}
			if text := draw(); strings.ContainsAny(text, "░▒▓█") {
				t.Fatalf("at %v about (%d, %d): cells drawn where there are none:\n%s", s, y, x, text)
			}
		}
	}
}

// manyNodes is a hashlife engine that claims to hold n nodes.
type manyNodes struct {
	*hashlife.Engine
	n int
}

func (m manyNodes) Nodes() int { return m.n }

// TestHistoryCapNodes checks that the histories keep fewer worlds of an
// engine of nodes as its worlds grow, however small their bounds.
func TestHistoryCapNodes(t *testing.T) {
	e, err := hashlife.New(engine.Life, hashlife.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := historyCap(e, maxBack); got != maxBack {
		t.Errorf("an empty plane: %d worlds, want %d", got, maxBack)
	}
	if got := historyCap(manyNodes{e, historyBudget / bytesPerNode / 10}, maxBack); got != 10 {
		t.Errorf("a tenth of the budget: %d worlds, want 10", got)
	}
	if got := historyCap(manyNodes{e, 1 << 30}, maxBack); got != 2 {
		t.Errorf("beyond the budget: %d worlds, want 2", got)
	}
}

// hugePop is an engine that claims 10^21 live cells, as a breeder on
// HashLife has after 10^12 generations, whatever it holds.
type hugePop struct{ engine.Engine }

func (h hugePop) Population() *big.Int {
	n, _ := new(big.Int).SetString("1000000000000000000000", 10)
	return n
}

func (h hugePop) Clone() engine.Engine { return hugePop{h.Engine.Clone()} }

// TestPlaneHugePopulation checks what the UI does with more live cells
// than it may visit: the status bar writes the population with four
// digits, the settle detector leaves the run alone (a glider is not seen
// moving), R and E refuse to copy the cells, and c clears at once.
func TestPlaneHugePopulation(t *testing.T) {
	glider := rle(t, "x = 3, y = 3\nbo$2bo$3o!\n")
	wrap := func(w world) world {
		w.Eng = hugePop{w.Eng}
		return w
	}
	h := start(t, 70, 20, Options{Pattern: glider, Settings: planeSettings, wrap: wrap, Engines: planeEngines, AutoSwitch: true})
	f := h.wait("generation 20", func(f frame) bool { return gen(t, f) >= 20 })
	if !f.running || f.msg != "" || f.pop != "1.000e21" || !strings.Contains(f.text, "Pop 1.000e21") {
		t.Errorf("running at gen %s: running %v, pop %s, message %q; want running, 1.000e21, none:\n%s", f.gen, f.running, f.pop, f.msg, f.text)
	}
	h.press(' ')
	h.idle()
	f = h.press('R', tcell.KeyCtrlU, "B36/S23", tcell.KeyEnter)
	if f.overlay != "rule" || !strings.Contains(f.text, "too many to copy") || f.rule != "B3/S23" {
		t.Errorf("R B36/S23: overlay %q, rule %s:\n%s", f.overlay, f.rule, f.text)
	}
	h.press(tcell.KeyEscape)
	if f = h.press('E', tcell.KeyEnter); !strings.Contains(f.msg, "too many to copy") {
		t.Errorf("E Enter: message %q, want too many to copy", f.msg)
	}
	out := filepath.Join(t.TempDir(), "huge.rle")
	if f = h.press('s', tcell.KeyCtrlU, out, tcell.KeyEnter); !strings.Contains(f.msg, "too many to write") {
		t.Errorf("s: message %q, want too many to write", f.msg)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("s wrote %s", out)
	}
	g := f.gen
	if f = h.press('c'); f.pop != "0" || f.gen != g || f.engine != "sparse" {
		t.Errorf("c: gen %s pop %s on %s, want gen %s pop 0 on sparse", f.gen, f.pop, f.engine, g)
	}
}

// tenEngine is an engine that names no step base.
type tenEngine struct{ engine.Engine }

func (tenEngine) Name() string { return "bitwise" }

// TestStepBase: the step's base follows the engine, 2 on hashlife and 10
// elsewhere, and a change of engine converts the exponent so that the step
// stays about the same size, within the new base's fastest.
func TestStepBase(t *testing.T) {
	r, _ := engine.ParseRule("B3/S23")
	hl, _ := hashlife.New(r, hashlife.Options{})
	ten := tenEngine{}
	for _, c := range []struct {
		from, to engine.Engine
		exp      int // on from
		base     int // of to
		want     int // the exponent on to
		n        uint64
	}{
		{ten, ten, 3, 10, 3, 1000},
		{hl, hl, 3, 2, 3, 8},
		{ten, hl, 3, 2, 10, 1 << 10}, // 10^3 is about 2^10
		{hl, ten, 10, 10, 3, 1000},
		{ten, hl, 12, 2, 40, 1 << 40}, // 10^12 is about 2^40
		{hl, ten, 40, 10, 12, 1e12},
		{hl, hl, 60, 2, 60, 1 << 60},
		{hl, ten, 60, 10, 12, 1e12}, // 2^60 is past 10^12, the fastest on base 10
		{hl, ten, -2, 10, -2, 1},    // delays stay as they are
		{ten, hl, -2, 2, -2, 1},
		{ten, hl, 0, 2, 0, 1},
		{ten, hl, 1, 2, 3, 8},
		{hl, ten, 1, 10, 0, 1},
		{hl, ten, 2, 10, 1, 10},
	} {
		u := &controller{cur: world{Eng: c.from, Gen0: new(big.Int)}, exp: c.exp}
		u.base()
		u.cur.Eng = c.to
		b := u.base()
		n, _ := u.step()
		if b != c.base || u.exp != c.want || n != c.n {
			t.Errorf("%s to %s, exp %d: base %d exp %d step %d; want base %d exp %d step %d", c.from.Name(), c.to.Name(), c.exp, b, u.exp, n, c.base, c.want, c.n)
		}
	}
	// + stops at 2^60 on hashlife.
	u := &controller{cur: world{Eng: hl, Gen0: new(big.Int)}, exp: maxExp2}
	u.runeKey('+')
	if u.exp != maxExp2 {
		t.Errorf("+ at 2^60: exp %d", u.exp)
	}
}

// TestPlaneAutoSwitch runs a glider on the plane at 10^3 generations a
// frame: while its steps take no time it stays on the sparse engine; once
// each seems to take a second, the UI moves it to hashlife and says so,
// and there, slow too at the same step, it does not move back.
func TestPlaneAutoSwitch(t *testing.T) {
	clock := &stepClock{}
	glider := rle(t, "x = 3, y = 3\nbo$2bo$3o!\n")
	h := start(t, 60, 20, Options{Pattern: glider, Settings: planeSettings, Engines: planeEngines, AutoSwitch: true, PauseAtSettle: true, stepClock: clock.now})
	h.wait("the glider to be seen moving", func(f frame) bool { return !f.running && strings.Contains(f.msg, "moving") })
	h.press('+', '+', '+', ' ')
	f := h.wait("a few steps", func(f frame) bool { return gen(t, f) >= 5000 })
	if f.engine != "sparse" || f.msg != "" {
		t.Fatalf("steps that take no time: engine %s, message %q; want sparse and none", f.engine, f.msg)
	}
	clock.set(time.Second)
	const msg = "sparse could not keep up with 10^3 gens a frame: switched to hashlife"
	f = h.wait("the switch", func(f frame) bool { return f.msg != "" })
	if f.msg != msg || f.engine != "hashlife" || f.step != "step 2^10" || f.pop != "5" {
		t.Fatalf("message %q on %s, %s, pop %s; want %q on hashlife, step 2^10", f.msg, f.engine, f.step, f.pop, msg)
	}
	g := gen(t, f)
	f = h.wait("slow steps on hashlife", func(f frame) bool { return gen(t, f) >= g+8*1024 })
	if f.engine != "hashlife" || f.msg != msg {
		t.Errorf("after slow steps on hashlife: on %s, message %q; want hashlife, %q", f.engine, f.msg, msg)
	}
}

// TestWatchStart: a universe the loader started off the protocol engine,
// because it would not keep up at once (see universe.Settings.Rate, which
// the UI sets to its 30 gens/s unless set), runs on the faster engine from
// the start, and the status bar says why.
func TestWatchStart(t *testing.T) {
	// A soup: it takes the settle detector long to see it settle at a
	// generation a frame, and the message stays.
	var b strings.Builder
	b.WriteString("x = 40, y = 20, rule = B3/S23:T200,100\n")
	rng := rand.New(rand.NewPCG(5, 5))
	for y := range 20 {
		for range 40 {
			b.WriteByte("bo"[rng.IntN(2)])
		}
		if y < 19 {
			b.WriteString("$\n")
		}
	}
	soup := rle(t, b.String()+"!\n")
	s := planeSettings
	s.Rate = 1e12 // that no engine keeps up with; the UI's own is 30
	h := start(t, 100, 20, Options{Pattern: soup, Settings: s, Engines: fastFirst, AutoSwitch: true})
	var asked float64
	h.do(func(u *controller) { asked = u.settings(universe.Size{}).Rate })
	if asked != 1e12 {
		t.Errorf("the UI asked the loader for %g gens/s, want the settings' 1e12", asked)
	}
	h.do(func(u *controller) { u.opts.Settings.Rate = 0; asked = u.settings(universe.Size{}).Rate })
	if asked != 30 {
		t.Errorf("the UI asked the loader for %g gens/s, want 30", asked)
	}
	const msg = "protocol would not keep up with 1e+12 gens/s: started on bitwise"
	f := h.wait("the start", func(f frame) bool { return f.msg == msg })
	if f.engine != "bitwise" || f.msg != msg || !strings.Contains(f.text, msg) {
		t.Errorf("started on %s, message %q; want bitwise, %q:\n%s", f.engine, f.msg, msg, f.text)
	}
	// The same soup opened with o, and as the file the UI starts with
	// (life soup.rle): the status bar says why beside what else it says.
	path := filepath.Join(t.TempDir(), "soup.rle")
	if err := os.WriteFile(path, []byte(b.String()+"!\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.do(func(u *controller) { u.opts.Settings.Rate = 1e12 })
	h.press('o', tcell.KeyCtrlU, path, tcell.KeyEnter)
	f = h.tasked()
	if want := "opened " + path + "; " + msg; f.engine != "bitwise" || f.msg != want {
		t.Errorf("opened with o: on %s, message %q; want bitwise, %q", f.engine, f.msg, want)
	}
	h = start(t, 100, 20, Options{Path: path, Settings: s, Engines: fastFirst, AutoSwitch: true})
	f = h.wait("the start from the file", func(f frame) bool { return !f.task && f.engine != "" })
	if f.engine != "bitwise" || f.msg != msg {
		t.Errorf("started from the file on %s, message %q; want bitwise, %q", f.engine, f.msg, msg)
	}
}
