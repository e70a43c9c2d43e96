package engine

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/life-go/life/grid"
)

func mustParse(t *testing.T, s string) *grid.Torus {
	t.Helper()
	g, err := grid.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// answering is step logic that asks what the seed's step_cell asks, in its
// order, logs each query with the answer it got, and emits what
// StepCell(Life) would.
func answering(log *[]string) StepFunc {
	return func(c Conn, y, x int) {
		ask := func(q Query) State {
			s := c.Query(q.Y, q.X)
			*log = append(*log, fmt.Sprintf("%v -> %v", q, s))
			return s
		}
		state := ask(Query{y, x})
		n := 0
		for _, d := range [8][2]int{{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}} {
			if ask(Query{y + d[0], x + d[1]}) == Alive {
				n++
			}
		}
		t := Transition{y, x, GameLogic(&Life, state, n)}
		*log = append(*log, t.String())
		c.Transition(t.Y, t.X, t.State)
	}
}

func TestTranscript1x1(t *testing.T) {
	// A lone live cell on a 1 x 1 torus is its own eight neighbours: every
	// query wraps to (0, 0), it counts 8, and it dies.
	g := mustParse(t, "*")
	msgs, err := Transcript(g, StepCell(Life))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Query(y=0, x=0)",
		"Query(y=1, x=0)", "Query(y=1, x=1)", "Query(y=0, x=1)", "Query(y=-1, x=1)",
		"Query(y=-1, x=0)", "Query(y=-1, x=-1)", "Query(y=0, x=-1)", "Query(y=1, x=-1)",
		`Transition(y=0, x=0, state="-")`,
		"TICK",
	}
	if got := strings.Join(msgStrings(msgs), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("transcript:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func msgStrings(msgs []Msg) []string {
	var s []string
	for _, m := range msgs {
		s = append(s, m.String())
	}
	return s
}

func TestTranscript3x3Corners(t *testing.T) {
	// On a 3 x 3 torus every cell neighbours every other; the corner
	// (0, 0) asks about (-1, -1), which the grid answers from (2, 2).
	g := mustParse(t, `
		*--
		---
		--*`)
	msgs, err := Transcript(g, StepCell(Life))
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 9*10+1 {
		t.Fatalf("%d messages, want 91 (10 a cell and a TICK)", len(msgs))
	}
	first := strings.Join(msgStrings(msgs[:10]), "\n")
	want := strings.Join([]string{
		"Query(y=0, x=0)",
		"Query(y=1, x=0)", "Query(y=1, x=1)", "Query(y=0, x=1)", "Query(y=-1, x=1)",
		"Query(y=-1, x=0)", "Query(y=-1, x=-1)", "Query(y=0, x=-1)", "Query(y=1, x=-1)",
		`Transition(y=0, x=0, state="-")`,
	}, "\n")
	if first != want {
		t.Errorf("cell (0, 0):\n%s\nwant:\n%s", first, want)
	}
	last := strings.Join(msgStrings(msgs[80:]), "\n")
	want = strings.Join([]string{
		"Query(y=2, x=2)",
		"Query(y=3, x=2)", "Query(y=3, x=3)", "Query(y=2, x=3)", "Query(y=1, x=3)",
		"Query(y=1, x=2)", "Query(y=1, x=1)", "Query(y=2, x=1)", "Query(y=3, x=1)",
		`Transition(y=2, x=2, state="-")`,
		"TICK",
	}, "\n")
	if last != want {
		t.Errorf("cell (2, 2):\n%s\nwant:\n%s", last, want)
	}

	// The answers: the corner's neighbour (-1, -1) is the live (2, 2).
	var log []string
	if _, err := LiveAGeneration(g, answering(&log)); err != nil {
		t.Fatal(err)
	}
	wantAnswers := []string{
		"Query(y=0, x=0) -> *",
		"Query(y=1, x=0) -> -", "Query(y=1, x=1) -> -", "Query(y=0, x=1) -> -", "Query(y=-1, x=1) -> -",
		"Query(y=-1, x=0) -> -", "Query(y=-1, x=-1) -> *", "Query(y=0, x=-1) -> -", "Query(y=1, x=-1) -> -",
		`Transition(y=0, x=0, state="-")`,
	}
	if !slices.Equal(log[:10], wantAnswers) {
		t.Errorf("answers:\n%s\nwant:\n%s", strings.Join(log[:10], "\n"), strings.Join(wantAnswers, "\n"))
	}
}

func TestSeedBlinker(t *testing.T) {
	// The seed's example: a blinker on a 5 x 5 torus.
	g := mustParse(t, `
		-----
		-----
		-***-
		-----
		-----`)
	vertical := mustParse(t, `
		-----
		--*--
		--*--
		--*--
		-----`)
	start := g.Clone()
	for gen, want := range []*grid.Torus{vertical, start} {
		if _, err := Run(context.Background(), g, StepCell(Life), 1); err != nil {
			t.Fatal(err)
		}
		if !g.Equal(want) {
			t.Errorf("generation %d:\n%vwant:\n%v", gen+1, g, want)
		}
	}
}

func TestGliderComesHome(t *testing.T) {
	g := mustParse(t, `
		-*------
		--*-----
		***-----
		--------
		--------
		--------
		--------
		--------`)
	start := g.Clone()
	for _, bands := range []int{1, 2, 3, 8} {
		h := start.Clone()
		for gen := 1; gen <= 32; gen++ {
			if _, err := RunBands(context.Background(), h, StepCell(Life), 1, bands); err != nil {
				t.Fatal(err)
			}
			if home := h.Equal(start); home != (gen == 32) {
				t.Fatalf("bands=%d: at generation %d the glider is home: %v", bands, gen, home)
			}
		}
	}
	// And in one run of 32 generations.
	if n, err := Run(context.Background(), g, StepCell(Life), 32); err != nil || n != 32 || !g.Equal(start) {
		t.Errorf("Run 32: n=%d err=%v\n%v", n, err, g)
	}
}

// reference is a plain Life-like step written independently of the
// protocol: count the eight neighbours with modulo arithmetic and look the
// rule up.
func reference(g *grid.Torus, birth, survive uint16) *grid.Torus {
	h, w := g.Height(), g.Width()
	next, _ := grid.New(w, h)
	at := func(y, x int) int {
		if g.Query(((y%h)+h)%h, ((x%w)+w)%w) {
			return 1
		}
		return 0
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			n := 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if dy != 0 || dx != 0 {
						n += at(y+dy, x+dx)
					}
				}
			}
			set := birth
			if at(y, x) == 1 {
				set = survive
			}
			next.Assign(y, x, set>>n&1 == 1)
		}
	}
	return next
}

func randomGrid(r *rand.Rand, w, h int, density float64) *grid.Torus {
	g, _ := grid.New(w, h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if r.Float64() < density {
				g.Assign(y, x, true)
			}
		}
	}
	return g
}

// TestDifferential runs the protocol engine, through the channel driver with
// several band counts and through the synchronous driver, against the
// reference on random soups and random Life-like rules (B0 included), and
// compares every cell of every generation.
func TestDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(40, 2))
	sizes := [][2]int{{1, 1}, {1, 7}, {9, 1}, {2, 2}, {3, 3}, {63, 5}, {64, 4}, {65, 6}, {130, 3}, {17, 70}, {100, 1}, {1, 100}}
	rules := []Rule{Life, {Birth: 1 << 0, Survive: 1 << 8}, {Birth: 1<<3 | 1<<6, Survive: 1<<2 | 1<<3}}
	for range 5 {
		rules = append(rules, Rule{Birth: uint16(r.IntN(1 << 9)), Survive: uint16(r.IntN(1 << 9))})
	}
	gens := 6
	if testing.Short() || raceEnabled {
		gens = 3
	}
	for _, size := range sizes {
		for _, rule := range rules {
			w, h := size[0], size[1]
			t.Run(fmt.Sprintf("%dx%d/%s", w, h, rule), func(t *testing.T) {
				start := randomGrid(r, w, h, r.Float64())
				step := StepCell(rule)
				want := start.Clone()
				viaSync := start.Clone()
				// The channel driver with several band counts, told the
				// step's reach (1), more than it (3, beyond small tori),
				// or nothing.
				type chanRun struct {
					d Driver
					g *grid.Torus
				}
				var viaChan []chanRun
				bandCounts, reaches := []int{1, 2, 3, 5}, []int{0, 1, 3}
				if raceEnabled {
					bandCounts, reaches = []int{1, 3}, []int{0, 1}
				}
				for _, bands := range bandCounts {
					for _, reach := range reaches {
						viaChan = append(viaChan, chanRun{Driver{Bands: bands, Reach: reach}, start.Clone()})
					}
				}
				for gen := 1; gen <= gens; gen++ {
					want = reference(want, rule.Birth, rule.Survive)
					var err error
					if viaSync, err = LiveAGeneration(viaSync, step); err != nil {
						t.Fatal(err)
					}
					if !viaSync.Equal(want) {
						t.Fatalf("sync driver, generation %d:\n%vwant:\n%v", gen, viaSync, want)
					}
					for _, c := range viaChan {
						d, g := c.d, c.g
						if _, err := d.Run(context.Background(), g, step, 1); err != nil {
							t.Fatal(err)
						}
						if !g.Equal(want) {
							t.Fatalf("channel driver, %d bands, reach %d, generation %d:\n%vwant:\n%v", d.Bands, d.Reach, gen, g, want)
						}
					}
				}
				// All the generations in one run, across generation boundaries.
				whole := start.Clone()
				if n, err := Run(context.Background(), whole, step, uint64(gens)); err != nil || n != uint64(gens) {
					t.Fatalf("Run: %d generations, %v", n, err)
				}
				if !whole.Equal(want) {
					t.Fatalf("one run of %d generations:\n%vwant:\n%v", gens, whole, want)
				}
			})
		}
	}
}

// TestPluggableStep runs step logic that is not the seed's, with another
// neighbourhood (the four cells two steps away) and another rule (parity),
// through both drivers unchanged.
func TestPluggableStep(t *testing.T) {
	parity := func(c Conn, y, x int) {
		s := c.Query(y, x)
		n := 0
		for _, q := range [][2]int{{y + 2, x}, {y - 2, x}, {y, x + 2}, {y, x - 2}} {
			if c.Query(q[0], q[1]) == Alive {
				n++
			}
		}
		c.Transition(y, x, s^State(n&1))
	}
	ref := func(g *grid.Torus) *grid.Torus {
		next := g.Clone()
		for y := 0; y < g.Height(); y++ {
			for x := 0; x < g.Width(); x++ {
				n := 0
				for _, q := range [][2]int{{y + 2, x}, {y - 2, x}, {y, x + 2}, {y, x - 2}} {
					if g.Query(q[0], q[1]) {
						n++
					}
				}
				next.Assign(y, x, g.Query(y, x) != (n%2 == 1))
			}
		}
		return next
	}
	r := rand.New(rand.NewPCG(7, 7))
	g := randomGrid(r, 37, 23, 0.4)
	want := g.Clone()
	for gen := 1; gen <= 5; gen++ {
		want = ref(want)
		if _, err := RunBands(context.Background(), g, parity, 1, 3); err != nil {
			t.Fatal(err)
		}
		if !g.Equal(want) {
			t.Fatalf("generation %d:\n%vwant:\n%v", gen, g, want)
		}
	}
}

func TestStepContract(t *testing.T) {
	g := mustParse(t, "-*-\n---\n")
	for _, tc := range []struct {
		name string
		step StepFunc
		msg  string
	}{
		{"another cell", func(c Conn, y, x int) { c.Transition(y, x+1, Alive) },
			`step logic for cell (y=0, x=0) emitted Transition(y=0, x=1, state="*"), for another cell`},
		{"none", func(c Conn, y, x int) { c.Query(y, x) },
			"step logic for cell (y=0, x=0) emitted no transition"},
		{"two", func(c Conn, y, x int) { c.Transition(y, x, Alive); c.Transition(y, x, Dead) },
			"step logic for cell (y=0, x=0) emitted more than one transition"},
		{"bad state", func(c Conn, y, x int) { c.Transition(y, x, 7) },
			"step logic for cell (y=0, x=0) emitted state 7, want 0 or 1"},
		// The first transition that breaks the contract decides.
		{"bad state, then good", func(c Conn, y, x int) { c.Transition(y, x, 7); c.Transition(y, x, Alive) },
			"step logic for cell (y=0, x=0) emitted state 7, want 0 or 1"},
		{"good, then bad state", func(c Conn, y, x int) { c.Transition(y, x, Alive); c.Transition(y, x, 7) },
			"step logic for cell (y=0, x=0) emitted more than one transition"},
		{"good, then another cell", func(c Conn, y, x int) { c.Transition(y, x, Dead); c.Transition(y+1, x, Dead) },
			`step logic for cell (y=0, x=0) emitted Transition(y=1, x=0, state="-"), for another cell`},
		{"later cell", func(c Conn, y, x int) {
			if y == 1 && x == 2 {
				c.Query(y, x)
				return
			}
			c.Transition(y, x, c.Query(y, x))
		}, "step logic for cell (y=1, x=2) emitted no transition"},
	} {
		if _, err := LiveAGeneration(g, tc.step); err == nil || err.Error() != tc.msg {
			t.Errorf("%s, sync driver: %v, want %q", tc.name, err, tc.msg)
		}
		h := g.Clone()
		if n, err := RunBands(context.Background(), h, tc.step, 3, 1); err == nil || err.Error() != tc.msg || n != 0 || !h.Equal(g) {
			t.Errorf("%s, channel driver: n=%d err=%v, want %q and the grid untouched", tc.name, n, err, tc.msg)
		}
	}
	panicky := func(c Conn, y, x int) {
		if y == 1 && x == 2 {
			panic("boom")
		}
		c.Transition(y, x, Dead)
	}
	const msg = "step logic for cell (y=1, x=2) panicked: boom"
	if _, err := RunBands(context.Background(), g.Clone(), panicky, 1, 2); err == nil || err.Error() != msg {
		t.Errorf("panic: %v, want %q", err, msg)
	}
}

// TestCancelAndNoLeaks cancels runs at various points inside a synctest
// bubble, which fails the test if any goroutine is left behind, and checks
// that the grid holds the last whole generation.
func TestCancelAndNoLeaks(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	start := randomGrid(r, 20, 12, 0.35)
	for _, cancelAt := range []int{0, 1, 100, 240, 500, 2000} {
		synctest.Test(t, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if cancelAt == 0 {
				cancel() // before the run starts
			}
			calls := 0
			step := func(c Conn, y, x int) {
				calls++ // bands run one at a time here: bands=1
				if calls == cancelAt {
					cancel()
				}
				StepCell(Life)(c, y, x)
			}
			g := start.Clone()
			n, err := RunBands(ctx, g, step, 10, 1)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancel at call %d: err = %v", cancelAt, err)
			}
			want := start.Clone()
			for range n {
				want = reference(want, Life.Birth, Life.Survive)
			}
			if !g.Equal(want) {
				t.Errorf("cancel at call %d: grid is not generation %d", cancelAt, n)
			}
		})
	}
	synctest.Test(t, func(t *testing.T) {
		g := start.Clone()
		if _, err := RunBands(context.Background(), g, StepCell(Life), 7, 4); err != nil {
			t.Fatal(err)
		}
	})
	// A band that fails while the others wait for the driver, or are still
	// stepping, or have more generations to go: every goroutine ends.
	for _, failAt := range []int{0, 5, 11} {
		synctest.Test(t, func(t *testing.T) {
			step := func(c Conn, y, x int) {
				if y == failAt && x == 3 {
					panic("boom")
				}
				StepCell(Life)(c, y, x)
			}
			g := start.Clone()
			n, err := Driver{Bands: 4, Reach: 1}.Run(context.Background(), g, step, 10)
			want := fmt.Sprintf("step logic for cell (y=%d, x=3) panicked: boom", failAt)
			if err == nil || err.Error() != want || n != 0 || !g.Equal(start) {
				t.Errorf("n=%d err=%v, want %q and the grid untouched", n, err, want)
			}
		})
	}
	// Cancelled while the driver waits for a band's transitions.
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		release := make(chan struct{})
		step := func(c Conn, y, x int) {
			if y == 0 && x == 0 {
				cancel()
				<-release // the band holds on until the driver has seen the cancel
			}
			StepCell(Life)(c, y, x)
		}
		done := make(chan error)
		go func() {
			_, err := Driver{Bands: 3, Reach: 1}.Run(ctx, start.Clone(), step, 5)
			done <- err
		}()
		synctest.Wait() // the driver is blocked: its select sees the cancel
		close(release)
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}

func TestProtocolEngine(t *testing.T) {
	r, _ := ParseRule("B3/S23:T8,8")
	p, err := NewProtocol(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]int64{{0, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}} {
		p.SetCell(c[0], c[1], true)
	}
	before := p.Clone()
	if err := p.Step(context.Background(), 4); err != nil {
		t.Fatal(err)
	}
	if p.Generation().Int64() != 4 || p.Population().Int64() != 5 {
		t.Errorf("after 4: %v", p)
	}
	if !p.Cell(3, 2) || !p.Cell(1+8, 2+8*100) {
		t.Errorf("the glider did not move by (1, 1):\n%v", p.Torus())
	}
	if b, ok := p.Bounds(); !ok || b != (Rect{X: 1, Y: 1, W: 3, H: 3}) {
		t.Errorf("Bounds = %v", b)
	}
	if before.Generation().Int64() != 0 || before.Population().Int64() != 5 || !before.Cell(0, 1) {
		t.Error("Clone is not independent")
	}
	if _, err := NewProtocol(Life, nil); err == nil || !errors.Is(err, ErrUnsupported) {
		t.Errorf("plane: %v", err)
	}
}

func BenchmarkProtocol256(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	g := randomGrid(r, 256, 256, 0.3)
	step := StepCell(Life)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Run(context.Background(), g, step, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(256*256)*float64(b.N)/b.Elapsed().Seconds(), "cells/s")
}

// vonNeumann is custom step logic: B2/S (a cell is born with exactly two of
// its four orthogonal neighbours alive, and nothing survives), asked in the
// order n, e, s, w.
func vonNeumann(c Conn, y, x int) {
	c.Query(y, x)
	n := 0
	for _, state := range [4]State{c.Query(y+1, x), c.Query(y, x+1), c.Query(y-1, x), c.Query(y, x-1)} {
		if state == Alive {
			n++
		}
	}
	next := Dead
	if n == 2 {
		next = Alive
	}
	c.Transition(y, x, next)
}

// BenchmarkDriver runs generations of a 256 x 256 soup through the
// drivers: the channel driver as the protocol engine runs the seed's step
// logic (told its reach), told nothing of it, with custom step logic, and
// the synchronous driver.
func BenchmarkDriver(b *testing.B) {
	g := randomGrid(rand.New(rand.NewPCG(1, 1)), 256, 256, 0.3)
	for _, bc := range []struct {
		name string
		run  func(g *grid.Torus) error
	}{
		{"seed", func(g *grid.Torus) error {
			_, err := Driver{Reach: StepReach(Life)}.Run(context.Background(), g, StepCell(Life), 1)
			return err
		}},
		{"seed-reach-unknown", func(g *grid.Torus) error {
			_, err := Run(context.Background(), g, StepCell(Life), 1)
			return err
		}},
		{"von-neumann", func(g *grid.Torus) error {
			_, err := Driver{Reach: 1}.Run(context.Background(), g, vonNeumann, 1)
			return err
		}},
		{"sync", func(g *grid.Torus) error {
			next, err := LiveAGeneration(g, StepCell(Life))
			if err == nil {
				g.CopyFrom(next)
			}
			return err
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			g := g.Clone()
			for b.Loop() {
				if err := bc.run(g); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(256*256)*float64(b.N)/b.Elapsed().Seconds(), "cells/s")
		})
	}
}

// TestProtocolSetRun: a run of cells set at once is the run set cell by
// cell, wrapping at the edges, from any coordinates.
func TestProtocolSetRun(t *testing.T) {
	r, _ := ParseRule("B3/S23:T130,3")
	for _, run := range [][3]int64{{0, 0, 1}, {1, 5, 60}, {2, 63, 2}, {0, 60, 70}, {1, 120, 20}, {-1, -3, 5}, {4, 129, 1}, {0, 7, 130}, {2, 7, 500}, {1, 0, 128}} {
		a, _ := NewProtocol(r, nil)
		b, _ := NewProtocol(r, nil)
		a.SetRun(run[0], run[1], run[2])
		for i := range min(run[2], 130) {
			b.SetCell(run[0], run[1]+i, true)
		}
		if !a.Torus().Equal(b.Torus()) {
			t.Errorf("SetRun%v:\n%vwant:\n%v", run, a.Torus(), b.Torus())
		}
	}
}
