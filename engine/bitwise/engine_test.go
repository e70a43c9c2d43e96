package bitwise

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/grid"
)

// awkward are the sides the differential tests try: around a word, around
// two, and a few others.
var awkward = []int{1, 2, 3, 63, 64, 65, 127, 128, 129, 200}

// torusRule gives r the topology of a w x h torus.
func torusRule(r engine.Rule, w, h int) engine.Rule {
	r.Topology = engine.TorusOf(w, h)
	return r
}

func mustFrom(t *testing.T, r engine.Rule, g *grid.Torus) *Engine {
	t.Helper()
	e, err := FromTorus(r, g)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// firstDiff describes the first cell where two tori differ.
func firstDiff(got, want *grid.Torus) string {
	for y := 0; y < want.Height(); y++ {
		for x := 0; x < want.Width(); x++ {
			if g, w := got.Query(y, x), want.Query(y, x); g != w {
				return fmt.Sprintf("cell (y=%d, x=%d) is %v, want %v (population %d, want %d)", y, x, g, w, got.Population(), want.Population())
			}
		}
	}
	return "no difference"
}

// TestProtocolDifferential steps random soups under random rules, B0 among
// them, on tori of awkward sizes, and checks every generation cell for cell
// against the protocol's synchronous reference, LiveAGeneration.
func TestProtocolDifferential(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 5))
	gens := 12
	type size struct{ w, h int }
	var sizes []size
	for _, w := range awkward {
		for _, h := range awkward {
			if w*h <= 64*65 || w == h || w == 1 || h == 1 {
				sizes = append(sizes, size{w, h})
			}
		}
	}
	sizes = append(sizes, size{1, 700}, size{700, 1}, size{1000, 3})
	if testing.Short() || raceEnabled {
		gens = 6
	}
	for n, s := range sizes {
		rule := engine.Life
		if n%4 != 0 {
			rule = randomRule(rng, n%3 == 0)
		}
		rule = torusRule(rule, s.w, s.h)
		t.Run(fmt.Sprintf("%dx%d/%s", s.w, s.h, rule), func(t *testing.T) {
			g := soup(rng, s.w, s.h, 0.2+0.6*rng.Float64())
			e := mustFrom(t, rule, g)
			e.span = 1 + rng.IntN(4) // several jobs even on small tori
			for gen := 1; gen <= gens; gen++ {
				var err error
				step := engine.StepCell(rule.Phase(gen%2 == 0)) // from generation gen-1
				if g, err = engine.LiveAGeneration(g, step); err != nil {
					t.Fatal(err)
				}
				if err := e.Step(context.Background(), 1); err != nil {
					t.Fatal(err)
				}
				if got := e.Torus(); !got.Equal(g) {
					t.Fatalf("generation %d: %s", gen, firstDiff(got, g))
				}
			}
			if e.Generation().Int64() != int64(gens) || e.PopulationInt() != int64(g.Population()) {
				t.Errorf("generation %v population %v, want %d and %d", e.Generation(), e.Population(), gens, g.Population())
			}
		})
	}
}

// TestReferenceAgreesWithProtocol checks the tests' own reference against
// the protocol's, so that the longer tests may use the faster one.
func TestReferenceAgreesWithProtocol(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 5))
	for _, s := range [][2]int{{1, 1}, {2, 3}, {5, 1}, {17, 9}, {65, 3}} {
		for range 4 {
			r := torusRule(randomRule(rng, rng.IntN(2) == 0), s[0], s[1])
			g := soup(rng, s[0], s[1], 0.5)
			want, err := engine.LiveAGeneration(g, engine.StepCell(r.Phase(false)))
			if err != nil {
				t.Fatal(err)
			}
			if got := boardOf(g, false).step(r).torus(); !got.Equal(want) {
				t.Fatalf("%dx%d %s: %s", s[0], s[1], r, firstDiff(got, want))
			}
		}
	}
}

// TestBoundedPlaneDifferential checks bounded planes, dead beyond the
// edges, against the tests' reference, every generation.
func TestBoundedPlaneDifferential(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	gens := 20
	if testing.Short() {
		gens = 8
	}
	for n, s := range [][2]int{{1, 1}, {1, 9}, {9, 1}, {2, 2}, {3, 63}, {63, 3}, {64, 64}, {65, 40}, {129, 17}, {200, 70}, {128, 1}} {
		rule := engine.Life
		if n%3 != 0 {
			rule = randomRule(rng, n%2 == 0)
		}
		rule.Topology = engine.Topology{Kind: engine.BoundedPlane, W: s[0], H: s[1]}
		t.Run(fmt.Sprintf("%dx%d/%s", s[0], s[1], rule), func(t *testing.T) {
			g := soup(rng, s[0], s[1], 0.4)
			ref := boardOf(g, true)
			e := mustFrom(t, rule, g)
			e.span = 1
			for gen := 1; gen <= gens; gen++ {
				ref = ref.step(rule)
				if err := e.Step(context.Background(), 1); err != nil {
					t.Fatal(err)
				}
				if got, want := e.Torus(), ref.torus(); !got.Equal(want) {
					t.Fatalf("generation %d: %s", gen, firstDiff(got, want))
				}
			}
		})
	}
}

// TestSettling runs soups long enough to settle, so that tiles are skipped,
// and edits cells now and then, checking every generation against the
// reference: skipping must never change a result.
func TestSettling(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 5))
	gens := 400
	if testing.Short() || raceEnabled {
		gens = 80
	}
	cases := []struct {
		w, h    int
		rule    string
		bounded bool
	}{
		{130, 100, "B3/S23", false},
		{200, 70, "B3/S23", true},
		{97, 131, "B36/S23", false},
		{100, 100, "B0/S8", false},       // B0: empty space flashes
		{70, 70, "B013/S0123458", false}, // B0 with S8: it does not
		{90, 40, "B2/S", true},           // explosive
		{64, 96, "B3678/S34678", false},  // Day & Night
	}
	for _, c := range cases {
		rule, err := engine.ParseRule(c.rule)
		if err != nil {
			t.Fatal(err)
		}
		kind := engine.Torus
		if c.bounded {
			kind = engine.BoundedPlane
		}
		rule.Topology = engine.Topology{Kind: kind, W: c.w, H: c.h}
		t.Run(rule.String(), func(t *testing.T) {
			g := soup(rng, c.w, c.h, 0.35)
			ref := boardOf(g, c.bounded)
			e := mustFrom(t, rule, g)
			e.span = 3
			skipped := false
			for gen := 1; gen <= gens; gen++ {
				if gen%37 == 0 {
					// Edit a few cells, as a user would.
					for range 3 {
						y, x := rng.IntN(c.h), rng.IntN(c.w)
						alive := rng.IntN(2) == 0
						ref.cells[y*c.w+x] = alive
						e.SetCell(int64(y), int64(x), alive)
					}
				}
				ref = ref.step(rule)
				if err := e.Step(context.Background(), 1); err != nil {
					t.Fatal(err)
				}
				for _, f := range e.tiles.flag {
					skipped = skipped || f == 0
				}
				if got, want := e.Torus(), ref.torus(); !got.Equal(want) {
					t.Fatalf("generation %d: %s", gen, firstDiff(got, want))
				}
			}
			t.Logf("some tiles skipped: %v; settled: %v", skipped, e.settled)
		})
	}
}

// TestSettledSwap checks the shortcut for a universe where nothing changes
// any more: a blinker and a block step by swapping buffers.
func TestSettledSwap(t *testing.T) {
	g, err := grid.Parse(`
--------
-***----
--------
--------
-----**-
-----**-
--------
--------`)
	if err != nil {
		t.Fatal(err)
	}
	r := torusRule(engine.Life, 8, 8)
	e := mustFrom(t, r, g)
	vertical := boardOf(g, false).step(r).torus()
	ctx := context.Background()
	for _, n := range []uint64{1, 1, 1, 2, 7, 1000, 1001} {
		before := e.Torus()
		if err := e.Step(ctx, n); err != nil {
			t.Fatal(err)
		}
		want := before
		if n%2 == 1 {
			if before.Equal(g) {
				want = vertical
			} else {
				want = g
			}
		}
		if got := e.Torus(); !got.Equal(want) {
			t.Fatalf("after %d more: got\n%vwant\n%v", n, got, want)
		}
	}
	if !e.settled {
		t.Error("a blinker and a block did not settle")
	}
	if got := e.Generation().Int64(); got != 3+2+7+1000+1001 {
		t.Errorf("generation %d", got)
	}
}

// TestWorkersAgree checks that the result does not depend on the number of
// workers or of jobs.
func TestWorkersAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 5))
	r := torusRule(engine.Life, 300, 200)
	g := soup(rng, 300, 200, 0.3)
	var want *grid.Torus
	for _, workers := range []int{1, 2, 3, 8} {
		for _, span := range []int{1, 5, 64} {
			e := mustFrom(t, r, g)
			e.SetWorkers(workers)
			e.span = span
			if err := e.Step(context.Background(), 60); err != nil {
				t.Fatal(err)
			}
			got := e.Torus()
			if want == nil {
				want = got
			} else if !got.Equal(want) {
				t.Fatalf("%d workers, spans of %d: %s", workers, span, firstDiff(got, want))
			}
		}
	}
}

// TestUnsupported checks the topologies New refuses (the plane) and takes
// (every bounded grid).
func TestUnsupported(t *testing.T) {
	for _, s := range []string{"B3/S23", "B2-a/S12:T0,0"} {
		r, err := engine.ParseRule(s)
		if err != nil {
			t.Fatal(err)
		}
		_, err = New(r)
		if !errors.Is(err, engine.ErrUnsupported) {
			t.Errorf("%s: error %v, want one wrapping ErrUnsupported", s, err)
		}
	}
	for _, s := range []string{"B3/S23:T1,1", "B0/S:P5,7", "B3/S23:K10*,10", "B3/S23:T10+1,10", "B3/S23:T10,0",
		"B3/S23:S10", "B3/S23:C10,10", "W30:P0,5", "B2/S34H:K7,6*+1"} {
		r, _ := engine.ParseRule(s)
		if _, err := New(r); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
}

// TestCellsAndRuns checks Cell, SetCell, SetRun, Bounds, Visit and
// CountBlocks on a torus and a bounded plane.
func TestCellsAndRuns(t *testing.T) {
	r := torusRule(engine.Life, 130, 5)
	e, _ := New(r)
	e.SetCell(-1, -1, true) // (4, 129)
	e.SetCell(7, 131, true) // (2, 1)
	if !e.Cell(4, 129) || !e.Cell(-3, -129) || !e.Cell(2, 1) {
		t.Error("SetCell does not wrap as Cell does")
	}
	e.SetRun(0, 120, 20) // 120..129 and 0..9
	e.SetRun(1, 60, 1000)
	if got := e.PopulationInt(); got != 2+20+130 {
		t.Errorf("population %d", got)
	}
	b, ok := e.Bounds()
	if want := (engine.Rect{X: 0, Y: 0, W: 130, H: 5}); !ok || b != want {
		t.Errorf("bounds %v", b)
	}
	var seen int
	e.Visit(engine.Rect{X: 125, Y: 0, W: 10, H: 1}, func(y, x int64) { seen++ })
	if seen != 5 {
		t.Errorf("visited %d cells, want 5", seen)
	}
	// CountBlocks against the generic one.
	rect := engine.Rect{X: -3, Y: -1, W: 140, H: 7}
	for k := uint(0); k < 8; k++ {
		cols, rows := (rect.W+1<<k-1)>>k, (rect.H+1<<k-1)>>k
		got, want := make([]uint64, rows*cols), make([]uint64, rows*cols)
		e.CountBlocks(rect, k, got)
		engine.CountBlocks(onlyEngine{e}, rect, k, want)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("CountBlocks k=%d: %v, want %v", k, got, want)
		}
	}

	bp, _ := engine.ParseRule("B3/S23:P10,4")
	f, _ := New(bp)
	f.SetCell(-1, 0, true)
	f.SetCell(0, 10, true)
	f.SetRun(3, -5, 7)
	f.SetRun(2, 8, 7)
	if got := f.PopulationInt(); got != 2+2 || !f.Cell(3, 1) || f.Cell(3, 2) || !f.Cell(2, 9) || f.Cell(-1, 0) {
		t.Errorf("bounded plane: population %d\n%v", got, f.Torus())
	}
	c := f.Clone()
	f.SetCell(0, 0, true)
	if c.Cell(0, 0) {
		t.Error("a clone shares cells")
	}
}

// onlyEngine hides the engine's own CountBlocks.
type onlyEngine struct{ engine.Engine }

// TestSpaceshipsComeHome sends spaceships across the seams of tori whose
// sides are not multiples of 64 or of the tile height, through tiles that
// are otherwise skipped: each must be back where it started, whole, after
// crossing the torus.
func TestSpaceshipsComeHome(t *testing.T) {
	cases := []struct {
		name  string
		w, h  int
		cells string
		gens  uint64 // how long it takes to come home
		pop   int64
	}{
		// A glider moves one cell diagonally in 4 generations:
		// home after 4*lcm(w, h).
		{"glider", 100, 70, ".o.\n..o\nooo", 4 * 700, 5},
		{"glider", 65, 33, ".o.\n..o\nooo", 4 * 65 * 33, 5},
		// A lightweight spaceship moves two cells in 4 generations.
		{"lwss", 130, 20, ".o..o\no....\no...o\noooo.", 2 * 130, 9},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s on %dx%d", c.name, c.w, c.h), func(t *testing.T) {
			e, err := New(torusRule(engine.Life, c.w, c.h))
			if err != nil {
				t.Fatal(err)
			}
			e.span = 1
			for y, row := range strings.Split(c.cells, "\n") {
				for x, ch := range row {
					if ch == 'o' {
						e.SetCell(int64(y+c.h-2), int64(x+c.w-3), true) // across both seams
					}
				}
			}
			start := e.Torus()
			for g := uint64(0); g < c.gens; g += 4 {
				if err := e.Step(context.Background(), 4); err != nil {
					t.Fatal(err)
				}
				if p := e.PopulationInt(); p != c.pop {
					t.Fatalf("generation %d: population %d, want %d\n%v", g+4, p, c.pop, e.Torus())
				}
			}
			if got := e.Torus(); !got.Equal(start) {
				t.Fatalf("not home after %d generations: %s", c.gens, firstDiff(got, start))
			}
		})
	}
}

// TestSkippingChangesNothing runs soups under random rules for many
// generations twice, once skipping tiles and once stepping every tile every
// generation (each marked edited), with the same edits now and then, and
// compares them every generation. The engine stepping everything was
// checked against the references above.
func TestSkippingChangesNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 5))
	gens := 600
	if testing.Short() || raceEnabled {
		gens = 200
	}
	sizes := [][2]int{{300, 200}, {129, 257}, {64, 96}, {1000, 40}, {40, 1000}}
	// Rules that settle in part, so that some tiles are skipped and
	// others not, and random ones, which mostly explode or die.
	settling := []string{"B3/S23", "B36/S23", "B0123478/S01234678", "B368/S245", "B3/S238", "B34/S34", "B35678/S5678"}
	for n := range 14 {
		s := sizes[n%len(sizes)]
		var rule engine.Rule
		if n < len(settling) {
			var err error
			if rule, err = engine.ParseRule(settling[n]); err != nil {
				t.Fatal(err)
			}
		} else {
			rule = randomRule(rng, n%3 == 0)
		}
		kind := engine.Torus
		if n%4 == 1 {
			kind = engine.BoundedPlane
		}
		rule.Topology = engine.Topology{Kind: kind, W: s[0], H: s[1]}
		t.Run(rule.String(), func(t *testing.T) {
			g := soup(rng, s[0], s[1], 0.1+0.4*rng.Float64())
			skip, all := mustFrom(t, rule, g), mustFrom(t, rule, g)
			skip.span, all.span = 2, 1000
			skip.SetWorkers(2)
			skipped := 0
			for gen := 1; gen <= gens; gen++ {
				if rng.IntN(50) == 0 {
					y, x, n := rng.Int64N(int64(s[1])), rng.Int64N(int64(s[0])), 1+rng.Int64N(80)
					skip.SetRun(y, x, n)
					all.SetRun(y, x, n)
					skip.SetCell(y+1, x, false)
					all.SetCell(y+1, x, false)
				}
				all.tiles.editAll()
				all.settled = false
				wasSettled := skip.settled
				if err := skip.Step(context.Background(), 1); err != nil {
					t.Fatal(err)
				}
				if err := all.Step(context.Background(), 1); err != nil {
					t.Fatal(err)
				}
				if wasSettled {
					skipped += skip.tiles.count()
				} else {
					skipped += skip.tiles.count() - len(skip.tiles.todo)
				}
				if gen%25 == 0 {
					checkPlan(t, skip)
				}
				if a, b := skip.Torus(), all.Torus(); !a.Equal(b) {
					t.Fatalf("generation %d: %s", gen, firstDiff(a, b))
				}
			}
			t.Logf("%d tile steps skipped of %d", skipped, gens*skip.tiles.count())
		})
	}
}

// TestSetRunExtremes checks runs far outside, and as long as an int64
// allows.
func TestSetRunExtremes(t *testing.T) {
	bp, _ := engine.ParseRule("B3/S23:P100,3")
	e, _ := New(bp)
	e.SetRun(0, -1<<62, 1<<62+5) // columns 0-4
	e.SetRun(1, 90, 1<<63-1)     // 90-99
	e.SetRun(2, -1<<63, 1<<63-1) // ends at -1
	e.SetRun(2, 1<<62, 1<<63-1)  // starts past the edge
	if got := e.PopulationInt(); got != 15 || !e.Cell(0, 4) || e.Cell(0, 5) || !e.Cell(1, 99) {
		t.Errorf("bounded plane: population %d\n%v", got, e.Torus())
	}
	f, _ := New(torusRule(engine.Life, 100, 3))
	f.SetRun(-1<<63, -1<<63, 1<<63-1) // a whole row, row 1
	f.SetRun(1<<62+1, 1<<62+7, 3)     // row 2
	if got := f.PopulationInt(); got != 103 {
		t.Errorf("torus: population %d\n%v", got, f.Torus())
	}
}

// checkPlan checks that plan lists the tiles that need says must be
// stepped.
func checkPlan(t *testing.T, e *Engine) {
	t.Helper()
	ts := &e.tiles
	var want []int32
	for i := 0; i < ts.strips; i++ {
		for r := 0; r < ts.rows; r++ {
			if ts.need(i, r) {
				want = append(want, int32(i*ts.rows+r))
			}
		}
	}
	if got := ts.plan(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("plan lists %d tiles, need %d", len(got), len(want))
	}
}

// TestProtocolEngine runs the protocol engine itself, through its channel
// driver, beside the bitwise one, a generation at a time and then several
// at once, comparing every cell.
func TestProtocolEngine(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 5))
	for n, s := range [][2]int{{1, 1}, {63, 65}, {129, 3}, {1, 130}, {200, 200}} {
		rule := torusRule(randomRule(rng, n%2 == 0), s[0], s[1])
		if n == 4 {
			rule = torusRule(engine.Life, s[0], s[1])
		}
		t.Run(rule.String(), func(t *testing.T) {
			p, err := engine.NewProtocol(rule, nil)
			if err != nil {
				t.Fatal(err)
			}
			g := soup(rng, s[0], s[1], 0.4)
			p.Torus().CopyFrom(g)
			e := mustFrom(t, rule, g)
			e.span = 2
			ctx := context.Background()
			for _, gens := range []uint64{1, 1, 1, 1, 7, 13} {
				if err := p.Step(ctx, gens); err != nil {
					t.Fatal(err)
				}
				if err := e.Step(ctx, gens); err != nil {
					t.Fatal(err)
				}
				if got, want := e.Torus(), p.Torus(); !got.Equal(want) {
					t.Fatalf("generation %v: %s", p.Generation(), firstDiff(got, want))
				}
				if e.Generation().Cmp(p.Generation()) != 0 || e.Population().Cmp(p.Population()) != 0 {
					t.Fatalf("generation %v population %v, protocol %v and %v", e.Generation(), e.Population(), p.Generation(), p.Population())
				}
			}
		})
	}
}

// TestNewThenSet fills engines made by New through SetRun and SetCell, as
// loading a pattern does, and checks them against the reference: without
// B0 New marks nothing to step, so only what was set may be stepped.
func TestNewThenSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 5))
	for n := range 8 {
		w, h := 1+rng.IntN(300), 1+rng.IntN(200)
		rule := randomRule(rng, n%4 == 3)
		if n%2 == 0 {
			rule = engine.Life
		}
		rule.Topology = engine.Topology{Kind: engine.Torus, W: w, H: h}
		if n%3 == 1 {
			rule.Topology.Kind = engine.BoundedPlane
		}
		t.Run(rule.String(), func(t *testing.T) {
			e, err := New(rule)
			if err != nil {
				t.Fatal(err)
			}
			e.span = 2
			ref := newBoard(w, h, rule.Topology.Kind == engine.BoundedPlane)
			for range 1 + rng.IntN(30) {
				y, x, k := rng.IntN(h), rng.IntN(w), 1+rng.IntN(10)
				e.SetRun(int64(y), int64(x), int64(k))
				for j := x; j < min(x+k, w); j++ {
					ref.cells[y*w+j] = true
				}
				if !ref.bounded {
					for j := w; j < x+k && j-w < w; j++ {
						ref.cells[y*w+j-w] = true
					}
				}
			}
			for gen := 1; gen <= 30; gen++ {
				ref = ref.step(rule)
				if err := e.Step(context.Background(), 1); err != nil {
					t.Fatal(err)
				}
				if got, want := e.Torus(), ref.torus(); !got.Equal(want) {
					t.Fatalf("generation %d: %s", gen, firstDiff(got, want))
				}
			}
		})
	}
}
