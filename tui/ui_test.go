package tui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/patterns"
)

// testSettings are the tests' settings unless a test gives its own: the
// protocol engine, on the rule's torus or one that fills the window, with
// the pattern in the middle.
var testSettings = universe.Settings{Engine: "protocol"}

// writeFile is a plain writer for the tests' saves.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// frame is what the after-draw hook saw on the event loop.
type frame struct {
	keys     int // key events the UI had seen
	idle     bool
	running  bool
	gen, pop string
	rule     string
	engine   string
	step     string
	msg      string
	overlay  string
	scale    Scale
	text     string // the screen
	task     bool   // a task is queued or in flight (see controller.runTask)
}

// harness runs the whole UI on a simulation screen. Every draw records a
// frame; the test waits for frames, never for time.
type harness struct {
	t       testing.TB
	sim     tcell.SimulationScreen
	u       *controller
	sent    int
	mu      sync.Mutex
	last    frame
	changed chan struct{}
	errc    chan error
}

// start runs the UI on a w x h simulation screen with opts (whose Load,
// Screen and WriteFile it fills in when unset), and waits for the first
// draw.
func start(t testing.TB, w, h int, opts Options) *harness {
	t.Helper()
	sim := newSim(t, w, h)
	hs := &harness{t: t, sim: sim, changed: make(chan struct{}), errc: make(chan error, 1)}
	opts.Screen = sim
	if opts.Settings.Engine == "" {
		opts.Settings = testSettings
	}
	if opts.WriteFile == nil {
		opts.WriteFile = writeFile
	}
	if opts.Engines == nil {
		opts.Engines = algos("protocol")
	}
	if opts.gollyDirs == nil {
		opts.gollyDirs = []string{} // o lists Golly's patterns only when a test asks
	}
	opts.NoColor = true
	opts.afterDraw = func(u *controller, s tcell.Screen) {
		s.Show() // the hook runs before tview's Show
		st := u.statusLine()
		f := frame{keys: u.keys, idle: !u.running && !u.busy && u.pending == 0, running: u.running,
			gen: st.gen, pop: st.pop, rule: st.rule, engine: st.engine, step: st.step, msg: u.msg, overlay: u.overlay, scale: u.board.Scale(), task: u.task != nil || len(u.tasks) > 0,
			text: screenText(sim)}
		hs.mu.Lock()
		hs.last = f
		close(hs.changed)
		hs.changed = make(chan struct{})
		hs.mu.Unlock()
	}
	u, err := newUI(opts)
	if err != nil {
		t.Fatal(err)
	}
	hs.u = u
	go func() { hs.errc <- u.run(context.Background()) }()
	t.Cleanup(func() {
		select {
		case <-hs.errc:
		default:
			hs.do(func(u *controller) { u.quit() }) // q might ask first
			hs.wait("the UI to return", nil)
		}
	})
	hs.wait("the first draw", func(f frame) bool { return f.gen != "" })
	return hs
}

// wait waits until a frame satisfies cond, and returns it; a nil cond
// waits for Run to return. It fails the test after a generous time (a
// minute: the race detector on a loaded machine is slow) rather than hang.
func (h *harness) wait(what string, cond func(frame) bool) frame {
	h.t.Helper()
	timeout := time.NewTimer(60 * time.Second)
	defer timeout.Stop()
	for {
		h.mu.Lock()
		f, ch := h.last, h.changed
		h.mu.Unlock()
		if cond == nil {
			select {
			case err := <-h.errc:
				if err != nil {
					h.t.Errorf("Run: %v", err)
				}
				h.errc <- err
				return f
			case <-timeout.C:
				h.t.Fatalf("timed out waiting for %s", what)
			}
		}
		if cond(f) {
			return f
		}
		select {
		case <-ch:
		case <-timeout.C:
			h.t.Fatalf("timed out waiting for %s; last frame:\n%+v\n%s", what, f, f.text)
		}
	}
}

// press injects keys, one at a time, each a rune, a tcell.Key or a string
// of runes, and waits after each until the UI has handled it and drawn.
func (h *harness) press(keys ...any) frame {
	h.t.Helper()
	var f frame
	for _, k := range keys {
		switch k := k.(type) {
		case rune:
			h.key(tcell.KeyRune, k)
		case tcell.Key:
			h.key(k, 0)
		case string:
			for _, r := range k {
				h.key(tcell.KeyRune, r)
			}
		default:
			h.t.Fatalf("press %T", k)
		}
		f = h.wait(fmt.Sprintf("key %d (%v)", h.sent, k), func(f frame) bool { return f.keys >= h.sent })
	}
	return f
}

func (h *harness) key(k tcell.Key, r rune) {
	h.sent++
	h.sim.InjectKey(k, r, tcell.ModNone)
}

// idle waits until the run is paused and no job is in flight.
func (h *harness) idle() frame {
	h.t.Helper()
	return h.wait("idle", func(f frame) bool { return f.idle })
}

// tasked waits until no task is queued or in flight: a file opened,
// saved or listed, off the event loop.
func (h *harness) tasked() frame {
	h.t.Helper()
	return h.wait("the tasks", func(f frame) bool { return !f.task })
}

// do runs f on the event loop and waits for it.
func (h *harness) do(f func(u *controller)) {
	h.u.tapp.QueueUpdate(func() { f(h.u) })
}

// cells returns the live cells of the current world, relative to their
// bounding box, as RLE.
func (h *harness) cells() string {
	var s strings.Builder
	h.do(func(u *controller) {
		patterns.WriteRLE(&s, bare(u.cur.Pattern(false)))
	})
	return s.String()
}

// bare returns p's cells alone, as RLE writes them without a name,
// comments, rule or position.
func bare(p *patterns.Pattern) *patterns.Pattern {
	return &patterns.Pattern{Runs: p.Runs}
}

func rle(t *testing.T, text string) *patterns.Pattern {
	t.Helper()
	p, err := patterns.ReadRLE("test", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPlayPauseStep runs the acorn, pauses it, and steps it by one
// generation and by steps of 10^1.
func TestPlayPauseStep(t *testing.T) {
	h := start(t, 60, 20, Options{})
	f := h.wait("generation 5", func(f frame) bool { return gen(t, f) >= 5 })
	if !strings.Contains(f.text, "running") {
		t.Errorf("the status bar does not say running:\n%s", f.text)
	}
	h.press(' ')
	f = h.idle()
	g := gen(t, f)
	if !strings.Contains(f.text, "paused") || !strings.Contains(f.text, "Gen "+f.gen) {
		t.Errorf("the status bar does not say paused at gen %s:\n%s", f.gen, f.text)
	}
	h.press('n')
	if f = h.idle(); gen(t, f) != g+1 {
		t.Errorf("n: gen %s, want %d", f.gen, g+1)
	}
	h.press('.')
	if f = h.idle(); gen(t, f) != g+2 {
		t.Errorf(".: gen %s, want %d", f.gen, g+2)
	}
	h.press(tcell.KeyTab)
	if f = h.idle(); gen(t, f) != g+3 {
		t.Errorf("Tab at 10^0: gen %s, want %d", f.gen, g+3)
	}
	if f = h.press('+'); f.step != "step 10^1" {
		t.Errorf("+: the status bar says %q, want step 10^1", f.step)
	}
	h.press(tcell.KeyTab)
	if f = h.idle(); gen(t, f) != g+13 {
		t.Errorf("Tab at 10^1: gen %s, want %d", f.gen, g+13)
	}
	// Below full speed, the ladder of rates: 1000, 500, 200, ... 1 gen/s.
	want := []string{"step 10^0", "max 1000 gen/s", "max 500 gen/s", "max 200 gen/s", "max 100 gen/s", "max 50 gen/s",
		"max 20 gen/s", "max 10 gen/s", "max 5 gen/s", "max 2 gen/s", "max 1 gen/s", "max 1 gen/s"}
	for _, w := range want {
		if f = h.press('-'); f.step != w {
			t.Errorf("-: the status bar says %q, want %q", f.step, w)
		}
	}
	if !strings.Contains(f.text, "max 1 gen/s") {
		t.Errorf("the status bar does not show the speed:\n%s", f.text)
	}
	for range 4 {
		f = h.press('+')
	}
	if f.step != "max 20 gen/s" {
		t.Errorf("+ x4: the status bar says %q, want max 20 gen/s", f.step)
	}
	h.press(' ')
	f = h.wait("a slow generation", func(f frame) bool { return gen(t, f) > g+13 })
	h.press(' ')
	g = gen(t, h.idle())
	// At the slowest speed a run waits a second before each generation;
	// pausing drops the waiting job at once, so the generation does not
	// move.
	h.press('-', '-', '-', '-', '-', ' ', ' ')
	if f = h.idle(); gen(t, f) != g || f.step != "max 1 gen/s" {
		t.Errorf("run and pause at %s: gen %s, want %d", f.step, f.gen, g)
	}
}

// TestBackUndoRedo steps, goes back through the rewind history, and undoes
// and redoes steps, checking the cells each time.
func TestBackUndoRedo(t *testing.T) {
	h := start(t, 60, 20, Options{})
	h.press(' ')
	g := gen(t, h.idle())
	c0 := h.cells()
	h.press('n')
	h.idle()
	c1 := h.cells()
	h.press('n', 'n')
	if f := h.idle(); gen(t, f) != g+3 {
		t.Fatalf("gen %s, want %d", f.gen, g+3)
	}
	if f := h.press('b'); gen(t, f) != g+2 {
		t.Errorf("b: gen %s, want %d", f.gen, g+2)
	}
	if f := h.press('b'); gen(t, f) != g+1 || h.cells() != c1 {
		t.Errorf("b b: gen %s, want %d with the cells of gen %d", f.gen, g+1, g+1)
	}
	// Undo the three steps, one by one.
	h.press('u', 'u')
	if f := h.press(tcell.KeyCtrlZ); gen(t, f) != g || h.cells() != c0 {
		t.Errorf("u u Ctrl-Z: gen %s, want %d with its cells", f.gen, g)
	}
	if f := h.press(tcell.KeyCtrlY); gen(t, f) != g+1 || h.cells() != c1 {
		t.Errorf("Ctrl-Y: gen %s, want %d with its cells", f.gen, g+1)
	}
	if f := h.press('r'); gen(t, f) != 0 || f.pop != "7" {
		t.Errorf("r: gen %s pop %s, want the acorn at 0", f.gen, f.pop)
	}
}

// TestZoomPan zooms through the scales, pans, and fits the acorn.
func TestZoomPan(t *testing.T) {
	// The engine is held back: the acorn's first step waits at the gate
	// and Space drops it, so that f fits the acorn as loaded, however
	// fast the machine.
	gate := make(chan struct{})
	wrap := func(w world) world {
		w.Eng = gated{w.Eng, gate}
		return w
	}
	h := start(t, 60, 20, Options{wrap: wrap})
	h.press(' ')
	h.idle()
	want := []Scale{ScaleSingle, ScaleDouble, ScaleDouble}
	for i, w := range want {
		if f := h.press(']'); f.scale != w {
			t.Errorf("] #%d: scale %v, want %v", i+1, f.scale, w)
		}
	}
	for _, w := range []Scale{ScaleSingle, ScaleHalf, ScaleBraille, BlockScale(2), BlockScale(3)} {
		f := h.press('[')
		if f.scale != w {
			t.Errorf("[: scale %v, want %v", f.scale, w)
		}
	}
	var y0, x0, y1, x1 int64
	h.do(func(u *controller) { y0, x0 = u.board.Centre() })
	h.press('l', 'j', tcell.KeyRight, tcell.KeyDown)
	h.do(func(u *controller) { y1, x1 = u.board.Centre() })
	if y1 <= y0 || x1 <= x0 {
		t.Errorf("panning right and down moved the centre from (%d, %d) to (%d, %d)", y0, x0, y1, x1)
	}
	h.press('m')
	h.do(func(u *controller) { y1, x1 = u.board.Centre() })
	if y1 != 18 || x1 != 30 {
		t.Errorf("m: centre (%d, %d), want the 60 x 36 torus's middle (18, 30)", y1, x1)
	}
	// The acorn as it starts: how far it grew before the pause depends
	// on the machine.
	if f := h.press('r', 'f'); f.scale != ScaleDouble {
		t.Errorf("f: scale %v, want %v for the small acorn:\n%s", f.scale, ScaleDouble, f.text)
	}
}

// TestEdit clears the universe, toggles cells with the cursor, and undoes.
func TestEdit(t *testing.T) {
	h := start(t, 60, 20, Options{})
	h.press(' ')
	h.idle()
	if f := h.press('c'); f.pop != "0" {
		t.Fatalf("c: pop %s, want 0", f.pop)
	}
	f := h.press('e')
	if !strings.Contains(f.text, "EDIT") {
		t.Errorf("e: no EDIT in the status bar:\n%s", f.text)
	}
	h.press('x', tcell.KeyRight, 'x', tcell.KeyRight, 'x')
	if f = h.press('x'); f.pop != "2" {
		t.Errorf("three cells toggled on, one off: pop %s, want 2", f.pop)
	}
	if got, want := h.cells(), "x = 2, y = 1, rule = B3/S23\n2o!\n"; got != want {
		t.Errorf("cells:\n%s\nwant\n%s", got, want)
	}
	var y, x int64
	var alive bool
	h.do(func(u *controller) { y, x = u.cursorY, u.cursorX; alive = u.cur.Eng.Cell(y, x-1) })
	if !alive {
		t.Errorf("the cell left of the cursor (%d, %d) is dead", y, x)
	}
	if f = h.press('u'); f.pop != "3" {
		t.Errorf("u: pop %s, want 3", f.pop)
	}
	h.press(tcell.KeyEscape)
}

// mouse injects mouse events; sync then waits until they are handled.
func (h *harness) mouse(x, y int, b tcell.ButtonMask) { h.sim.InjectMouse(x, y, b, tcell.ModNone) }

// sync waits until every event injected so far has been handled: F12,
// which the UI ignores, comes through the same queue after them.
func (h *harness) sync() frame { return h.press(tcell.KeyF12) }

// TestMouse draws and erases with the buttons, zooms with the wheel and
// pans with a middle-button drag.
func TestMouse(t *testing.T) {
	h := start(t, 60, 20, Options{})
	h.press(' ', 'c', ']') // paused, empty, one column a cell
	var bx, by int
	h.do(func(u *controller) { bx, by, _, _ = u.board.GetInnerRect() })
	// A left drag over three cells draws them; one undo takes the stroke.
	h.mouse(bx+10, by+5, tcell.Button1)
	h.mouse(bx+11, by+5, tcell.Button1)
	h.mouse(bx+12, by+5, tcell.Button1)
	h.mouse(bx+12, by+5, tcell.ButtonNone)
	if f := h.sync(); f.pop != "3" {
		t.Errorf("a left drag over three cells: pop %s, want 3", f.pop)
	}
	h.mouse(bx+11, by+5, tcell.Button2)
	h.mouse(bx+11, by+5, tcell.ButtonNone)
	if f := h.sync(); f.pop != "2" {
		t.Errorf("a right click on a live cell: pop %s, want 2", f.pop)
	}
	h.press('u')
	if f := h.press('u'); f.pop != "0" {
		t.Errorf("two undos: pop %s, want 0", f.pop)
	}
	// The wheel zooms about the pointer.
	h.mouse(bx+10, by+5, tcell.WheelDown)
	if f := h.sync(); f.scale != ScaleHalf {
		t.Errorf("wheel down: scale %v, want %v", f.scale, ScaleHalf)
	}
	h.mouse(bx+10, by+5, tcell.WheelUp)
	if f := h.sync(); f.scale != ScaleSingle {
		t.Errorf("wheel up: scale %v, want %v", f.scale, ScaleSingle)
	}
	// A middle drag 5 columns left and 2 rows up pans by as many cells.
	var y0, x0, y1, x1 int64
	h.do(func(u *controller) { y0, x0 = u.board.Centre() })
	h.mouse(bx+20, by+8, tcell.Button3)
	h.mouse(bx+15, by+6, tcell.Button3)
	h.mouse(bx+15, by+6, tcell.ButtonNone)
	h.sync()
	h.do(func(u *controller) { y1, x1 = u.board.Centre() })
	if y1-y0 != 2 || x1-x0 != 5 {
		t.Errorf("a middle drag by (-5, -2): the centre moved by (%d, %d), want (5, 2)", x1-x0, y1-y0)
	}
}

// TestOpenSave saves the pattern, opens a file, fails to open a broken one,
// and fails to save to a missing directory, losing nothing.
func TestOpenSave(t *testing.T) {
	dir := t.TempDir()
	glider := filepath.Join(dir, "glider.rle")
	if err := os.WriteFile(glider, []byte("#N Glider\nx = 3, y = 3\nbo$2bo$3o!\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.rle")
	if err := os.WriteFile(bad, []byte("x = 3, y = 3\nbo$2bz$3o!\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := start(t, 80, 24, Options{PatternsDir: dir})
	h.press(' ')
	h.idle()
	h.press('o', tcell.KeyCtrlU, glider, tcell.KeyEnter)
	f := h.idle()
	if f.pop != "5" || f.gen != "0" || !strings.Contains(f.text, "Pop 5") {
		t.Fatalf("opened %s: gen %s pop %s, want 0 and 5:\n%s", glider, f.gen, f.pop, f.text)
	}
	// A broken file: the error has its line and column, and the glider stays.
	h.press('o', tcell.KeyCtrlU, bad, tcell.KeyEnter)
	f = h.idle()
	if !strings.Contains(f.msg, bad+":2:") || f.pop != "5" {
		t.Errorf("opening %s: message %q, pop %s; want the error's position and the glider kept", bad, f.msg, f.pop)
	}
	h.press('n')
	h.idle()
	out := filepath.Join(dir, "out.rle")
	h.press('s', tcell.KeyCtrlU, out, tcell.KeyEnter)
	if f = h.idle(); !strings.Contains(f.msg, "saved 5 cells") {
		t.Errorf("save: message %q", f.msg)
	}
	p, err := patterns.ReadFile(out)
	if err != nil || p.Population() != 5 || p.Rule != "B3/S23" || p.Name != "Glider" {
		t.Errorf("saved %s: %+v, %v; want the glider's 5 cells, B3/S23 without a suffix, its name", out, p, err)
	}
	// Saving again asks before overwriting; n keeps the file.
	h.press('s', tcell.KeyCtrlU, out, tcell.KeyEnter)
	if f = h.idle(); f.overlay != "confirm" {
		t.Fatalf("saving over %s: overlay %q, want confirm", out, f.overlay)
	}
	if f = h.press('n'); f.msg != "not saved" {
		t.Errorf("n: message %q", f.msg)
	}
	h.press('s', tcell.KeyCtrlU, out, tcell.KeyEnter, 'y')
	if f = h.idle(); !strings.Contains(f.msg, "saved") {
		t.Errorf("y: message %q", f.msg)
	}
	// An unwritable place: the error shows, and the universe is kept.
	missing := filepath.Join(dir, "no", "such", "dir.rle")
	h.press('s', tcell.KeyCtrlU, missing, tcell.KeyEnter)
	if f = h.idle(); !strings.Contains(f.msg, "save:") || f.pop != "5" || f.gen != "1" {
		t.Errorf("saving to %s: message %q, gen %s pop %s", missing, f.msg, f.gen, f.pop)
	}
	// The patterns directory is listed: Tab to the list, Enter opens the
	// first entry after the built-ins.
	h.press('o', tcell.KeyTab)
	h.tasked() // the directory listed
	for range patterns.Library() {
		h.press(tcell.KeyDown)
	}
	h.press(tcell.KeyEnter)
	if f = h.idle(); !strings.Contains(f.msg, "bad.rle:2:") {
		t.Errorf("opening bad.rle from the list: message %q", f.msg)
	}
	h.press('o', tcell.KeyTab, tcell.KeyEnter) // the first built-in, the acorn
	if f = h.idle(); f.pop != "7" {
		t.Errorf("the built-in acorn: pop %s", f.pop)
	}
}

// TestRuleChange types a rule, seeing errors as it goes, and switches to it.
func TestRuleChange(t *testing.T) {
	h := start(t, 60, 20, Options{})
	h.press(' ')
	h.idle()
	// Back to generation 0, where the acorn fits the 20 x 10 grid below
	// however far it ran before the pause.
	pop := h.press('r').pop
	f := h.press('R', tcell.KeyCtrlU, "B9")
	if !strings.Contains(f.text, "digit greater than neighborhood allows") {
		t.Errorf("typing B9: no error shown:\n%s", f.text)
	}
	if f = h.press(tcell.KeyEnter); f.overlay != "rule" {
		t.Errorf("Enter on B9 closed the prompt")
	}
	h.press(tcell.KeyBackspace2, "36/S23")
	f = h.press(tcell.KeyEnter)
	if f.rule != "B36/S23:T60,36" || f.overlay != "" || f.pop != pop {
		t.Errorf("rule B36/S23: rule %s, overlay %q, pop %s", f.rule, f.overlay, f.pop)
	}
	f = h.press('R', tcell.KeyCtrlU, "B3/S23:T20,10", tcell.KeyEnter)
	if f.rule != "B3/S23:T20,10" || f.pop == "0" {
		t.Errorf("rule B3/S23:T20,10: rule %s, pop %s", f.rule, f.pop)
	}
	if f = h.press('u'); f.rule != "B36/S23:T60,36" {
		t.Errorf("u: rule %s", f.rule)
	}
	// A grid no engine runs: the error shows in the prompt, which stays
	// open.
	f = h.press('R', tcell.KeyCtrlU, "B3/S23:T3000000,3000000", tcell.KeyEnter)
	if f.overlay != "rule" || !strings.Contains(f.text, "more than the limit") || f.rule != "B36/S23:T60,36" {
		t.Errorf("rule B3/S23:T3000000,3000000: overlay %q, rule %s:\n%s", f.overlay, f.rule, f.text)
	}
	h.press(tcell.KeyEscape)
	f = h.press('E', tcell.KeyEnter)
	if f.overlay != "" || !strings.Contains(f.text, "protocol") {
		t.Errorf("E Enter: overlay %q", f.overlay)
	}
}

// TestSettles checks that runs stop by themselves and say why.
func TestSettles(t *testing.T) {
	for _, c := range []struct{ name, rle, want string }{
		{"blinker", "x = 3, y = 1\n3o!\n", "oscillator xp2_7, period 2, from gen 0"},
		{"block", "x = 2, y = 2\n2o$2o!\n", "still life xs4_33 from gen 0"},
		{"glider", "x = 3, y = 3\nbo$2bo$3o!\n", "spaceship xq4_153, c/4 diagonal, moving (1,1) every 4, from gen 0"},
		{"glider up and left", "x = 3, y = 3\n3o$o$bo!\n", "spaceship xq4_153, c/4 diagonal, moving (-1,-1) every 4, from gen 0"},
		{"lwss", "x = 5, y = 4\nbo2bo$o4b$o3bo$4o!\n", "spaceship xq4_6frc, c/2 orthogonal, moving (-2,0) every 4, from gen 0"},
		{"pair", "x = 2, y = 1\n2o!\n", "dies at gen 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := start(t, 80, 12, Options{Pattern: rle(t, c.rle), Name: c.name, PauseAtSettle: true})
			f := h.idle()
			if f.msg != c.want || !strings.Contains(f.text, c.want) {
				t.Errorf("message %q, want %q:\n%s", f.msg, c.want, f.text)
			}
		})
	}
}

// panelRows returns the rows of a screen that the focused panel (or
// dialog) covers, from its top border to its bottom one.
func panelRows(text string) []string {
	var rows []string
	for _, l := range strings.Split(text, "\n") {
		if i := strings.IndexAny(l, "║╔╚"); i >= 0 {
			rows = append(rows, l[i:])
		}
	}
	return rows
}

// TestHelpAndInfo shows the help at 80 x 24 (a bug once: the key column
// was clipped there, for want of 96 columns, and single-letter keys were
// invisible), scrolls it to its end, where q and what it does share a
// line, and shows the pattern's information.
func TestHelpAndInfo(t *testing.T) {
	h := start(t, 80, 24, Options{})
	h.press(' ')
	h.idle()
	f := h.press('?')
	if f.overlay != "help" {
		t.Fatalf("?: overlay %q", f.overlay)
	}
	rows := panelRows(f.text)
	if len(rows) != 24 {
		t.Fatalf("?: the help takes %d rows, want all 24:\n%s", len(rows), f.text)
	}
	golden(t, "help-80x24", strings.Join(rows, "\n")+"\n")
	for _, want := range []string{"║   n  .             one generation", "║   g                go to a generation", "more lines below"} {
		if !strings.Contains(f.text, want) {
			t.Errorf("?: no %q in the help:\n%s", want, f.text)
		}
	}
	f = h.press(tcell.KeyEnd)
	golden(t, "help-80x24-end", strings.Join(panelRows(f.text), "\n")+"\n")
	if !regexp.MustCompile(`║   q +quit \(asks first when there are unsaved edits\)`).MatchString(f.text) || !strings.Contains(f.text, "more above") {
		t.Errorf("End: no q and its meaning on one line, or no note of what is above:\n%s", f.text)
	}
	if f = h.press(tcell.KeyEscape); f.overlay != "" {
		t.Errorf("Esc: overlay %q", f.overlay)
	}
	if f = h.press('i'); !strings.Contains(f.text, "Charles Corderman") || !strings.Contains(f.text, "File:   built-in acorn") {
		t.Errorf("i: no author or file shown:\n%s", f.text)
	}
	h.press('i')
}

// TestInfoScrolls shows the information of a pattern with more comments
// than 80 x 24 holds (a bug once: they pushed the name, file and rule off
// the screen, and the panel could not scroll): the name, file, rule and
// size come first, the frame says how much is below, and the last
// comment, wrapped, scrolls into view.
func TestInfoScrolls(t *testing.T) {
	var b strings.Builder
	b.WriteString("#N Long story\n#O Someone\n")
	for i := range 40 {
		fmt.Fprintf(&b, "#C comment %d: a line long enough that it has to wrap at eighty columns, which it does here\n", i)
	}
	b.WriteString("#C the end\nx = 3, y = 3\nbo$2bo$3o!\n")
	h := start(t, 80, 24, Options{Pattern: rle(t, b.String()), Name: "story.rle"})
	h.press(' ')
	h.idle()
	f := h.press('i')
	rows := panelRows(f.text)
	if len(rows) != 24 || !strings.Contains(rows[1], "Name:   Long story") || !strings.Contains(rows[2], "File:   story.rle") ||
		!strings.Contains(rows[4], "Rule:   B3/S23") || !strings.Contains(rows[5], "Size:   3 x 3, 5 cells as loaded") {
		t.Fatalf("i: want the name, file, author, rule and size on top:\n%s", f.text)
	}
	if !strings.Contains(rows[23], "more lines below") {
		t.Errorf("i: the frame does not say what is below:\n%s", f.text)
	}
	f = h.press(tcell.KeyEnd)
	if !strings.Contains(f.text, "║ the end") || !strings.Contains(f.text, "║ comment 39: a line long enough that it has to wrap at eighty columns, which ║") ||
		!strings.Contains(f.text, "║ it does here") {
		t.Errorf("End: the last comments are not in view, wrapped:\n%s", f.text)
	}
	f = h.press(tcell.KeyHome, tcell.KeyPgDn)
	if !strings.Contains(panelRows(f.text)[0], "lines 22-43") {
		t.Errorf("Home PgDn: the title does not say which lines show:\n%s", f.text)
	}
	if f = h.press('q'); f.overlay != "" {
		t.Errorf("q: overlay %q", f.overlay)
	}
}

// TestResize shrinks the screen to 1 x 1 and back while running: at each
// size the UI draws, and the run goes on. The engine is held back, a
// generation at a time, so that the run neither settles (and pauses
// itself) nor races ahead of the test.
func TestResize(t *testing.T) {
	gate := make(chan struct{})
	wrap := func(w world) world {
		w.Eng = gated{w.Eng, gate}
		return w
	}
	h := start(t, 60, 20, Options{wrap: wrap})
	for _, s := range [][2]int{{12, 4}, {1, 1}, {3, 2}, {60, 20}} {
		h.sim.SetSize(s[0], s[1])
		h.sim.PostEventWait(tcell.NewEventResize(s[0], s[1]))
		atSize := func(f frame) bool {
			return len(strings.Split(strings.TrimSuffix(f.text, "\n"), "\n")) == s[1]
		}
		g := gen(t, h.wait(fmt.Sprintf("a draw at %d x %d", s[0], s[1]), atSize))
		gate <- struct{}{} // one generation passes
		h.wait(fmt.Sprintf("a generation at %d x %d", s[0], s[1]), func(f frame) bool { return atSize(f) && gen(t, f) > g })
	}
	f := h.press(' ')
	if !strings.Contains(f.text, "Gen ") {
		t.Errorf("after resizing back:\n%s", f.text)
	}
}

// TestQuit checks that q returns from Run, at once when nothing was
// edited (running is not an edit), and after asking when something was;
// Ctrl-C copies, and no longer quits.
func TestQuit(t *testing.T) {
	h := start(t, 30, 10, Options{})
	h.wait("a few generations", func(f frame) bool { return gen(t, f) >= 3 })
	if f := h.press(tcell.KeyCtrlC); !strings.HasPrefix(f.msg, "copy: no selection") {
		t.Errorf("Ctrl-C: message %q, want copy's", f.msg)
	}
	h.key(tcell.KeyRune, 'q')
	h.wait("Run to return", nil)

	h = start(t, 60, 10, Options{})
	h.press(' ', 'e', 'x') // an edit
	f := h.press('q')
	if f.overlay != "confirm" || !strings.Contains(f.text, "unsaved edits. Quit anyway? (y/n)") {
		t.Fatalf("q after an edit: overlay %q:\n%s", f.overlay, f.text)
	}
	if f = h.press('n'); f.overlay != "" || f.msg != "not quitting: s saves" {
		t.Errorf("n: overlay %q, message %q", f.overlay, f.msg)
	}
	// Saved, it quits at once.
	out := filepath.Join(t.TempDir(), "edited.rle")
	h.press('s', tcell.KeyCtrlU, out, tcell.KeyEnter)
	h.idle()
	h.key(tcell.KeyRune, 'q')
	h.wait("Run to return", nil)

	h = start(t, 60, 10, Options{})
	h.press(' ', 'e', 'x', 'q')
	h.key(tcell.KeyRune, 'y') // it quits: no frame may follow
	h.wait("Run to return", nil)

	// The parent context cancelled ends the UI too.
	sim := newSim(t, 30, 10)
	u, err := newUI(Options{Screen: sim, Settings: testSettings})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := u.run(ctx); err != nil {
		t.Errorf("run: %v", err)
	}
}

// algos returns the registry's engines of the names given, in that order.
func algos(names ...string) []*engine.Algo {
	var as []*engine.Algo
	for _, name := range names {
		a, err := engine.Lookup(name)
		if err != nil {
			panic(err)
		}
		as = append(as, a)
	}
	return as
}

// TestUILibrary checks that every pattern of the built-in library, which o
// lists first, opens in the UI.
func TestUILibrary(t *testing.T) {
	u := &controller{opts: Options{Settings: testSettings}}
	for _, e := range patterns.Library() {
		w, err := u.loadPattern(e.Pattern(), "built-in "+e.Name, universe.Size{W: 120, H: 80})
		if err != nil || w.Eng.Population().Sign() == 0 {
			t.Errorf("%s: %v, population %v", e.Name, err, w.Eng.Population())
		}
	}
}

// TestRuleNarrowTorus asks for a torus one cell wide and 2 x 10^9 high,
// whose rows would take 16 GB: the prompt says so and the run goes on, as
// it was (it crashed, leaving the terminal raw).
func TestRuleNarrowTorus(t *testing.T) {
	h := start(t, 60, 20, Options{})
	h.press(' ')
	before := h.idle()
	f := h.press('R', tcell.KeyCtrlU, "B3/S23:T1,2000000000", tcell.KeyEnter)
	if !strings.Contains(f.text, "MiB") {
		t.Errorf("no error shown:\n%s", f.text)
	}
	f = h.press(tcell.KeyEscape)
	if f.rule != before.rule || f.overlay != "" {
		t.Errorf("after Esc: rule %s overlay %q, want %s", f.rule, f.overlay, before.rule)
	}
}

// TestQuitWhileSaving quits while a save is being written, which the test
// holds back: the UI waits for the file, then quits; and q twice cancels
// the save, which keeps nothing, and quits as soon as the write returns.
func TestQuitWhileSaving(t *testing.T) {
	for _, twice := range []bool{false, true} {
		gate := make(chan struct{}, 1)
		write := func(path string, w func(io.Writer) error) error {
			<-gate
			return atomicWrite(path, w)
		}
		out := filepath.Join(t.TempDir(), "out.rle")
		h := start(t, 60, 20, Options{WriteFile: write})
		h.press(' ')
		h.idle()
		h.press('s', tcell.KeyCtrlU, out, tcell.KeyEnter)
		f := h.press('q')
		if want := "quitting once the file is written (q again quits now)"; f.msg != want || !f.task {
			t.Fatalf("q while saving: message %q, task %v; want %q", f.msg, f.task, want)
		}
		if twice {
			h.press('q') // cancels the save: the write ends with nothing kept
		}
		gate <- struct{}{}
		h.wait("Run to return", nil)
		if _, err := os.Stat(out); (err == nil) == twice {
			t.Errorf("q twice %v: %s written: %v", twice, out, err == nil)
		}
	}
}
