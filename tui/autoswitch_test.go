package tui

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/bitwise"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/patterns"
)

// TestLate checks which frames count as clearly behind: those that
// achieve less than two thirds of the speed asked.
func TestLate(t *testing.T) {
	ms := time.Millisecond
	for _, c := range []struct {
		delay, took time.Duration
		want        bool
	}{
		{0, 0, false},
		{0, frameTime, false}, // on time
		{0, 49 * ms, false},   // over 2/3 of the frame rate: not clearly behind
		{0, 51 * ms, true},    // less than 2/3
		{0, 10 * time.Second, true},
		{250 * ms, 100 * ms, false}, // a generation every 350 ms for 250: 5/7
		{250 * ms, 126 * ms, true},
		{2 * time.Second, 900 * ms, false},
		{2 * time.Second, 1001 * ms, true},
	} {
		if got := late(c.delay, c.took); got != c.want {
			t.Errorf("late(delay %v, took %v) = %v, want %v", c.delay, c.took, got, c.want)
		}
	}
}

// TestPacer feeds the pacer frames and checks when it gives up on the
// engine: three late frames in a row that took a second at least.
func TestPacer(t *testing.T) {
	ms := time.Millisecond
	type frame struct{ delay, took time.Duration }
	for _, c := range []struct {
		name   string
		frames []frame
		want   int // the frame, from 1, at which add reports true; 0 for none
	}{
		{"on time", []frame{{0, 10 * ms}, {0, 30 * ms}, {0, 40 * ms}, {0, 20 * ms}, {0, 10 * ms}}, 0},
		{"three slow frames", []frame{{0, 400 * ms}, {0, 400 * ms}, {0, 400 * ms}, {0, 400 * ms}}, 3},
		{"two are not enough", []frame{{0, 5 * time.Second}, {0, 5 * time.Second}, {0, 10 * ms}, {0, 5 * time.Second}}, 0},
		{"a hiccup starts the count again", []frame{{0, 400 * ms}, {0, 400 * ms}, {0, 30 * ms}, {0, 400 * ms}, {0, 400 * ms}, {0, 400 * ms}}, 6},
		{"just late frames need a second", append(repeat(frame{0, 60 * ms}, 16), frame{0, 60 * ms}), 17},
		{"late against a delay", []frame{{500 * ms, 300 * ms}, {500 * ms, 300 * ms}, {500 * ms, 300 * ms}, {500 * ms, 300 * ms}}, 4},
		{"in time for the delay", []frame{{500 * ms, 200 * ms}, {500 * ms, 200 * ms}, {500 * ms, 200 * ms}, {500 * ms, 200 * ms}}, 0},
	} {
		var p pacer
		got := 0
		for i, f := range c.frames {
			if p.add(f.delay, f.took) && got == 0 {
				got = i + 1
			}
		}
		if got != c.want {
			t.Errorf("%s: gave up at frame %d, want %d", c.name, got, c.want)
		}
	}
}

func repeat[T any](v T, n int) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// TestSpeedText checks how messages name the speed asked.
func TestSpeedText(t *testing.T) {
	for _, c := range []struct {
		j    job
		want string
	}{
		{job{n: 1}, "10^0 gens a frame"},
		{job{n: 100}, "10^2 gens a frame"},
		{job{n: 1_000_000_000_000}, "10^12 gens a frame"},
		{job{n: 7}, "7 gens a frame"},
		{job{n: 1, delay: 500 * time.Millisecond}, "a generation every 500ms"},
		{job{n: 1 << 40}, "2^40 gens a frame"},
	} {
		b := 10
		if c.j.n == 1<<40 {
			b = 2
		}
		if got := speedText(c.j, b); got != c.want {
			t.Errorf("speedText(%+v) = %q, want %q", c.j, got, c.want)
		}
	}
}

// noRuns hides an engine's SetRun, so that CopyCells sets cell by cell.
type noRuns struct{ engine.Engine }

// TestMoveTo moves a soup from the protocol engine to the bitwise one, by
// runs and cell by cell: the same cells, rule and generation; and copies
// cells into a smaller torus, moved and clipped, as E and R do.
func TestMoveTo(t *testing.T) {
	r := engine.Rule{Birth: engine.Life.Birth, Survive: engine.Life.Survive, Topology: engine.TorusOf(70, 33)}
	soup := rle(t, "x = 9, y = 4\nb3o2b3o$o2bobo$3o2b2obo$obobobobo!\n")
	from := world{Eng: place(t, soup, r, 30, 65, 7), Gen0: big.NewInt(1000)} // across the seams
	for _, name := range []string{"runs", "cells"} {
		b, err := bitwise.New(r)
		if err != nil {
			t.Fatal(err)
		}
		var e engine.Engine = b
		if name == "cells" {
			e = noRuns{b}
		}
		to := from.MoveTo(e)
		if to.Eng.Rule() != r || to.Gen().Int64() != 1007 {
			t.Errorf("%s: rule %s gen %v, want %s and 1007", name, to.Eng.Rule(), to.Gen(), r)
		}
		if got, want := cellsOf(t, to), cellsOf(t, from); got != want || to.Eng.Population().Cmp(from.Eng.Population()) != 0 {
			t.Errorf("%s: cells\n%s\nwant\n%s", name, got, want)
		}
	}
	small, err := engine.NewProtocol(engine.Rule{Birth: r.Birth, Survive: r.Survive, Topology: engine.TorusOf(4, 3)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	line, err := engine.NewProtocol(engine.Rule{Birth: r.Birth, Survive: r.Survive, Topology: engine.TorusOf(8, 1)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for x := range int64(8) {
		line.SetCell(0, x, x != 3)
	}
	universe.CopyCells(small, line, 1, -2)
	var got []string
	small.Visit(engine.Rect{W: 4, H: 3}, func(y, x int64) { got = append(got, fmt.Sprint(y, x)) })
	if want := "1 0 1 2 1 3"; strings.Join(got, " ") != want {
		t.Errorf("copying 3o... moved by (1, -2) into 4 x 3: cells %q, want %q", got, want)
	}
}

// cellsOf returns w's cells as RLE, for comparisons.
func cellsOf(t *testing.T, w world) string {
	t.Helper()
	var b strings.Builder
	if err := patterns.WriteRLE(&b, bare(w.Pattern(false))); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// stepClock is a clock for the animator's steps that moves on by a step,
// which the test sets, at every reading: each Step seems to take the step.
type stepClock struct {
	mu   sync.Mutex
	t    time.Time
	step time.Duration
}

func (c *stepClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(c.step)
	return c.t
}

// set makes every later Step seem to take d.
func (c *stepClock) set(d time.Duration) {
	c.mu.Lock()
	c.step = d
	c.mu.Unlock()
}

// fastFirst are the engines as cmd/life lists them, fastest first.
var fastFirst = algos("bitwise", "protocol")

// switchMsg is what the status bar says when the run at 10^2 moves on.
const switchMsg = "protocol could not keep up with 10^2 gens a frame: switched to bitwise"

// TestAutoSwitch runs the acorn on the protocol engine with the automatic
// switch on. While its steps take no time it stays; once each seems to
// take a second, the UI moves to the bitwise engine and says so, and stays
// there. The cells are the protocol engine's, and undo and r
// bring back worlds from before the switch on the bitwise engine.
func TestAutoSwitch(t *testing.T) {
	clock := &stepClock{}
	h := start(t, 100, 20, Options{AutoSwitch: true, Engines: fastFirst, stepClock: clock.now})
	// 10^2 generations a step: the settle detector looks only at single
	// generations, so the run goes on and the message stays.
	h.press('+', '+')
	f := h.wait("a few steps", func(f frame) bool { return gen(t, f) >= 300 })
	if f.engine != "protocol" || f.msg != "" {
		t.Fatalf("steps that take no time: engine %s, message %q; want protocol and none", f.engine, f.msg)
	}
	h.press(' ')
	g0 := gen(t, h.idle())
	c0 := h.cells()
	clock.set(time.Second)
	h.press(' ')
	f = h.wait("the switch", func(f frame) bool { return f.msg != "" })
	if f.msg != switchMsg || f.engine != "bitwise" || !strings.Contains(f.text, switchMsg) || !strings.Contains(f.text, "  bitwise  ") {
		t.Fatalf("message %q, engine %s, want %q on bitwise:\n%s", f.msg, f.engine, switchMsg, f.text)
	}
	if g := gen(t, f); g < g0+300 {
		t.Errorf("switched at gen %d, before three slow steps from %d", g, g0)
	}
	g := gen(t, f)
	f = h.wait("steps on bitwise", func(f frame) bool { return gen(t, f) >= g+1000 })
	if f.engine != "bitwise" {
		t.Errorf("engine %s after the switch, want bitwise", f.engine)
	}
	h.press(' ')
	h.idle()
	// Undo goes back to where the run began, a protocol world, now on the
	// bitwise engine, which steps it as the protocol engine would.
	f = h.press('u')
	if gen(t, f) != g0 || f.engine != "bitwise" || h.cells() != c0 {
		t.Errorf("u: gen %s on %s, want gen %d on bitwise with its cells", f.gen, f.engine, g0)
	}
	h.press(tcell.KeyTab)
	f = h.idle()
	if got, want := h.cells(), acornAt(t, 100, 20, g0+100); gen(t, f) != g0+100 || got != want {
		t.Errorf("u Tab: gen %s on %s, cells\n%s\nwant gen %d with the protocol engine's\n%s", f.gen, f.engine, got, g0+100, want)
	}
	if f = h.press('r'); f.gen != "0" || f.pop != "7" || f.engine != "bitwise" {
		t.Errorf("r: gen %s pop %s on %s, want the acorn at 0 on bitwise", f.gen, f.pop, f.engine)
	}
	h.press(' ')
	f = h.wait("steps after r", func(f frame) bool { return gen(t, f) >= 1000 })
	if f.engine != "bitwise" || f.msg != "" {
		t.Errorf("running after r: engine %s, message %q", f.engine, f.msg)
	}
	// A new rule on the same board stays on the bitwise engine too.
	if f = h.press('R', tcell.KeyCtrlU, "B36/S23", tcell.KeyEnter); f.rule != "B36/S23:T100,36" || f.engine != "bitwise" {
		t.Errorf("rule B36/S23: rule %s on %s, want B36/S23:T100,36 on bitwise", f.rule, f.engine)
	}
}

// acornAt returns the acorn's cells at generation g on the torus of a
// w x h screen, stepped by the protocol engine.
func acornAt(t *testing.T, w, h, g int) string {
	t.Helper()
	p, name := defaultPattern()
	s := testSettings
	s.Fit = fitSize(w, h-statusLines)
	u, err := universe.Load(p, name, s)
	if err != nil {
		t.Fatal(err)
	}
	if err := u.Eng.Step(t.Context(), uint64(g)); err != nil {
		t.Fatal(err)
	}
	pat := bare(u.Pattern(false))
	var b strings.Builder
	patterns.WriteRLE(&b, pat)
	return b.String()
}

// TestNoAutoSwitch checks that the protocol engine stays however slow its
// steps seem when the engine was named (--engine protocol: no
// AutoSwitch), and when it was chosen with E; and that a pattern opened
// after E runs on the engine chosen.
func TestNoAutoSwitch(t *testing.T) {
	t.Run("named", func(t *testing.T) {
		clock := &stepClock{step: time.Second}
		h := start(t, 60, 20, Options{Engines: fastFirst, stepClock: clock.now})
		h.press('+', '+')
		f := h.wait("ten slow steps", func(f frame) bool { return gen(t, f) >= 1000 })
		if f.engine != "protocol" || f.msg != "" {
			t.Errorf("engine %s, message %q; want protocol and none", f.engine, f.msg)
		}
	})
	t.Run("chosen", func(t *testing.T) {
		clock := &stepClock{}
		h := start(t, 60, 20, Options{AutoSwitch: true, Engines: fastFirst, stepClock: clock.now})
		f := h.press('E')
		if !strings.Contains(f.text, "protocol (in use)") {
			t.Fatalf("E: no protocol in use offered:\n%s", f.text)
		}
		if f = h.press(tcell.KeyDown, tcell.KeyEnter); f.engine != "protocol" || f.msg != "engine protocol" {
			t.Fatalf("E Down Enter: engine %s, message %q", f.engine, f.msg)
		}
		clock.set(time.Second)
		h.press('+', '+')
		g := gen(t, h.wait("a step", func(f frame) bool { return f.step == "step 10^2" }))
		f = h.wait("ten slow steps", func(f frame) bool { return gen(t, f) >= g+1000 })
		if f.engine != "protocol" || f.msg != "" {
			t.Errorf("engine %s, message %q; want protocol and none", f.engine, f.msg)
		}
		// Choose bitwise: the built-in acorn, opened, runs on it too.
		if f = h.press('E', tcell.KeyEnter); f.engine != "bitwise" {
			t.Fatalf("E Enter: engine %s", f.engine)
		}
		h.press('o', tcell.KeyTab, tcell.KeyEnter)
		if f = h.tasked(); f.engine != "bitwise" || f.msg != "opened built-in acorn" {
			t.Errorf("opening the acorn: engine %s, message %q; want bitwise", f.engine, f.msg)
		}
	})
}

// BenchmarkMoveTo moves a 30% soup on a 1024 x 1024 torus from the
// protocol engine to the bitwise one, as the automatic switch does on the
// event loop.
func BenchmarkMoveTo(b *testing.B) {
	r := engine.Rule{Birth: engine.Life.Birth, Survive: engine.Life.Survive, Topology: engine.TorusOf(1024, 1024)}
	p, err := engine.NewProtocol(r, nil)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for y := range int64(1024) {
		for x := range int64(1024) {
			p.SetCell(y, x, rng.Float64() < 0.3)
		}
	}
	w := world{Eng: p, Gen0: new(big.Int)}
	for b.Loop() {
		e, err := bitwise.New(r)
		if err != nil {
			b.Fatal(err)
		}
		w.MoveTo(e)
	}
}

// parity is step logic of a caller's own on the von Neumann
// neighbourhood: a cell's next state is the parity of its four
// neighbours, north, east, south and west (Fredkin's replicator). It asks
// and emits in the seed's style.
func parity(c engine.Conn, y, x int) {
	alive := 0
	for _, d := range [4][2]int{{1, 0}, {0, 1}, {-1, 0}, {0, -1}} {
		if c.Query(y+d[0], x+d[1]) == engine.Alive {
			alive++
		}
	}
	next := engine.Dead
	if alive%2 == 1 {
		next = engine.Alive
	}
	c.Transition(y, x, next)
}

// TestCustomStepNeverSwitched runs step logic of the caller's own (a von
// Neumann rule, given as a StepFunc) with the automatic switch on, and
// makes every step seem to take a second: far behind the speed asked,
// the run stays on the protocol engine, says nothing of a switch, keeps
// its rule, and its cells are the step logic's, not B3/S23's. E offers no
// engine that would drop the step logic, and c keeps it.
func TestCustomStepNeverSwitched(t *testing.T) {
	clock := &stepClock{step: time.Second}
	s := universe.Settings{Engine: "auto", Watch: true, Step: parity}
	h := start(t, 60, 20, Options{AutoSwitch: true, Engines: fastFirst, Settings: s, stepClock: clock.now})
	f := h.press('+', '+')
	if f.step != "step 10^2" || !f.running {
		t.Fatalf("+ +: %s, running %v", f.step, f.running)
	}
	rule, g := f.rule, gen(t, f)
	f = h.wait("ten slow steps", func(f frame) bool { return gen(t, f) >= g+1000 })
	if f.engine != "protocol" || f.msg != "" || f.rule != rule {
		t.Errorf("ten steps that took a second each: engine %s, message %q, rule %s; want protocol, none, %s", f.engine, f.msg, f.rule, rule)
	}
	h.press(' ')
	f = h.idle()
	if f.engine != "protocol" || f.rule != rule {
		t.Errorf("paused: engine %s, rule %s", f.engine, f.rule)
	}
	// The cells are parity's at that generation.
	p, name := defaultPattern()
	ref := s
	ref.Fit = fitSize(60, 20-statusLines)
	want, err := universe.Load(p, name, ref)
	if err != nil {
		t.Fatal(err)
	}
	if err := want.Eng.Step(t.Context(), uint64(gen(t, f))); err != nil {
		t.Fatal(err)
	}
	if got, want := h.cells(), cellsOf(t, want); got != want {
		t.Errorf("gen %s: cells\n%s\nwant parity's\n%s", f.gen, got, want)
	}
	// E offers the protocol engine alone, the one that runs the step
	// logic; c clears onto it too.
	if f = h.press('E'); !strings.Contains(f.text, "protocol (in use)") || strings.Contains(f.text, "bitwise") {
		t.Errorf("E: want protocol alone offered:\n%s", f.text)
	}
	h.press(tcell.KeyEscape)
	h.press('c')
	var custom bool
	h.do(func(u *controller) { custom = engine.RunsCustomStep(u.cur.Eng) })
	if f = h.idle(); !custom || f.engine != "protocol" || f.pop != "0" {
		t.Errorf("c: engine %s pop %s, custom step %v; want an empty protocol engine with the step logic", f.engine, f.pop, custom)
	}
}
