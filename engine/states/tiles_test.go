package states

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/rulegen"
)

// spaceshipRules are Generations rules rich in spaceships and long-lived
// debris, so that tiles fall quiet and wake up again as things cross
// them: Brian's Brain, Star Wars, Sawfish's, Delta's, Steeplechase's.
var spaceshipRules = []string{"/2/3", "345/2/4", "3458/37/4", "345/3/6", "345/26/5"}

// TestTilesAgainstFull runs random Generations rules on random bounded
// grids of every topology, most large enough for many tiles, from a few
// small soups scattered over them (on the edges too), with random edits
// between generations, on the engine that steps only the tiles near a
// change and skips whole periods once the pattern repeats, in steps of
// random sizes, and on one that steps every cell every generation, one
// at a time, and checks that their grids are equal after every step.
func TestTilesAgainstFull(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 7))
	n := 40
	if testing.Short() || raceEnabled {
		n = 8
	}
	periodic := 0
	for i := range n {
		var text string
		if i%2 == 0 {
			text = spaceshipRules[rng.IntN(len(spaceshipRules))]
		} else {
			f := rulegen.GenerationsFamilies[rng.IntN(len(rulegen.GenerationsFamilies))]
			text = rulegen.Generations(rng, f, rulegen.States(rng, 12))
		}
		var top string
		for {
			top = rulegen.Topology(rng, 1, []int{30, 300}[rng.IntN(2)])
			if !strings.Contains(top, ":T0,") && !strings.HasSuffix(top, ",0") && !strings.Contains(top, ":P0,") {
				break
			}
		}
		r, err := engine.ParseRule(text + top)
		if err != nil {
			t.Fatalf("%s%s: %v", text, top, err)
		}
		tiled, err := NewGenerations(r)
		if err != nil {
			t.Fatalf("%s: %v", r, err)
		}
		full, _ := NewGenerations(r)
		full.full, full.cyc.off = true, true
		w, h := r.Topology.W, r.Topology.H
		set := func(y, x int64, s engine.State) {
			tiled.SetState(y, x, s)
			full.SetState(y, x, s)
		}
		for range 1 + rng.IntN(6) {
			sw, sh := 1+rng.IntN(min(w, 12)), 1+rng.IntN(min(h, 12))
			y0, x0 := int64(rng.IntN(h)), int64(rng.IntN(w))
			for _, c := range rulegen.StateSoup(rng, sw, sh, 0.3+0.4*rng.Float64(), r.States()) {
				set(y0+c.Y, x0+c.X, engine.State(c.S))
			}
		}
		gens := 50 + rng.IntN(1000)
		for g := 0; g < gens; {
			if rng.IntN(40) == 0 {
				for range 1 + rng.IntN(20) {
					set(int64(rng.IntN(h)), int64(rng.IntN(w)), engine.State(rng.IntN(r.States())))
				}
			}
			k := 1
			if rng.IntN(4) == 0 {
				k = 1 + rng.IntN(200)
			}
			tiled.Step(context.Background(), uint64(k))
			for range k {
				full.Step(context.Background(), 1)
			}
			g += k
			if !tiled.g.Equal(full.g) || tiled.gen.Cmp(&full.gen) != 0 {
				t.Fatalf("%s: generation %d: the tiled engine's %d cells at generation %s differ from the full engine's %d (period %d)", r, g, tiled.g.Population(), &tiled.gen, full.g.Population(), tiled.cyc.period)
			}
		}
		if tiled.cyc.period > 0 {
			periodic++
		}
	}
	t.Logf("%d patterns of %d found to repeat", periodic, n)
	if periodic < n/4 {
		t.Errorf("only %d patterns of %d were found to repeat", periodic, n)
	}
}

// TestLtLCycles runs random Larger than Life rules (ranges 1 to 4, every
// neighbourhood, decay, B0) on small random tori and bounded planes, from
// random soups, with random edits, on the engine that skips whole periods
// once the pattern repeats, in steps of random sizes, and on one that
// steps every generation, one at a time, and checks that their grids are
// equal after every step.
func TestLtLCycles(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 8))
	n := 30
	if testing.Short() || raceEnabled {
		n = 6
	}
	periodic := 0
	for range n {
		text := rulegen.LtL(rng, 4, true)
		r, err := engine.ParseRule(text + ":T30,30")
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		l, _ := r.LtL()
		w, h := 2*l.Range+rng.IntN(30), 2*l.Range+rng.IntN(30)
		r, err = engine.ParseRule(fmt.Sprintf("%s:%c%d,%d", text, "TP"[rng.IntN(2)], w, h))
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		a, err := NewLtL(r)
		if err != nil {
			t.Fatalf("%s: %v", r, err)
		}
		b, _ := NewLtL(r)
		b.cyc.off = true
		set := func(y, x int64, s engine.State) {
			a.SetState(y, x, s)
			b.SetState(y, x, s)
		}
		for _, c := range rulegen.StateSoup(rng, w, h, 0.2+0.5*rng.Float64(), r.States()) {
			set(c.Y, c.X, engine.State(c.S))
		}
		gens := 50 + rng.IntN(500)
		for g := 0; g < gens; {
			if rng.IntN(40) == 0 {
				for range 1 + rng.IntN(5) {
					set(int64(rng.IntN(h)), int64(rng.IntN(w)), engine.State(rng.IntN(r.States())))
				}
			}
			k := 1
			if rng.IntN(4) == 0 {
				k = 1 + rng.IntN(100)
			}
			a.Step(context.Background(), uint64(k))
			for range k {
				b.Step(context.Background(), 1)
			}
			g += k
			if !a.g.Equal(b.g) || a.gen.Cmp(&b.gen) != 0 {
				t.Fatalf("%s: generation %d: %d cells at generation %s, stepping every generation %d (period %d)", r, g, a.g.Population(), &a.gen, b.g.Population(), a.cyc.period)
			}
		}
		if a.cyc.period > 0 {
			periodic++
		}
	}
	t.Logf("%d patterns of %d found to repeat", periodic, n)
	if periodic < n/4 {
		t.Errorf("only %d patterns of %d were found to repeat", periodic, n)
	}
}

// TestCountRow checks the count kernel against the table's on random rows
// of random lengths, for random Generations rules of every family that
// have a count table (the outer-totalistic ones), and that the Life-like
// rules all have one and Golly's isotropic rules with letters not.
func TestCountRow(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 9))
	counted := 0
	for range 200 {
		f := rulegen.GenerationsFamilies[rng.IntN(len(rulegen.GenerationsFamilies))]
		text := rulegen.Generations(rng, f, rulegen.States(rng, 256))
		r, err := engine.ParseRule(text + ":T16,16")
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		e, err := NewGenerations(r)
		if err != nil {
			t.Fatal(err)
		}
		if f == engine.LifeLike && e.count == nil {
			t.Errorf("%s: Life-like without a count table", text)
		}
		if e.count == nil {
			continue
		}
		counted++
		n := rng.IntN(70)
		plane := func() []uint8 {
			p := make([]uint8, n+2)
			for i := range p {
				p[i] = b2u(rng.IntN(3) == 0)
			}
			return p
		}
		up, mid, dn := plane(), plane(), plane()
		src := make([]uint8, n)
		for i := range src {
			if rng.IntN(2) == 0 {
				src[i] = uint8(rng.IntN(r.States()))
			}
			// The plane's middle row is the row's cells in state 1.
			mid[i+1] = b2u(src[i] == 1)
		}
		want, got := make([]uint8, n), make([]uint8, n)
		e.row(up, mid, dn, src, want)
		e.countRow(up, mid, dn, src, got)
		if !slices.Equal(got, want) {
			t.Fatalf("%s: row %v over %v under %v: count kernel %v, table %v", text, src, up, dn, got, want)
		}
	}
	if counted < 25 {
		t.Errorf("only %d rules of 200 with a count table", counted)
	}
	r, _ := engine.ParseRule("2-a3/3/4")
	if e, _ := NewGenerations(r); e != nil && e.count != nil {
		t.Error("2-a3/3/4 has a count table")
	}
}

// TestActivate checks which tiles a change on each edge of the middle
// tile of 3 x 3 wakes: the tile itself when anything in it changed, and
// beyond it only the tiles next to the edge where a cell joined or left
// state 1 (a corner cell lies on two edges, and is its own bit too).
func TestActivate(t *testing.T) {
	// The tiles woken (as "y,x") by each edge bit of the middle tile.
	want := map[uint8][]string{
		edgeN:  {"0,1"},
		edgeS:  {"2,1"},
		edgeW:  {"1,0"},
		edgeE:  {"1,2"},
		edgeNW: {"0,0"},
		edgeNE: {"0,2"},
		edgeSW: {"2,0"},
		edgeSE: {"2,2"},
	}
	for bit, beyond := range want {
		for _, changed := range []bool{false, true} {
			tl := tiles{tw: 3, th: 3, changed: make([]bool, 9), active: make([]bool, 9), edges: make([]uint8, 9), ringHit: make([]bool, 9)}
			tl.edges[4], tl.changed[4] = bit, changed
			tl.activate()
			var got []string
			for i, a := range tl.active {
				if a {
					got = append(got, fmt.Sprintf("%d,%d", i/3, i%3))
				}
			}
			w := slices.Clone(beyond)
			if changed {
				w = append(w, "1,1")
			}
			slices.Sort(w)
			if !slices.Equal(got, w) {
				t.Errorf("edges %08b, changed %v: woke %v, want %v", bit, changed, got, w)
			}
		}
	}
	// A border cell that changed wakes the tiles next to it, once.
	tl := tiles{tw: 3, th: 3, changed: make([]bool, 9), active: make([]bool, 9), edges: make([]uint8, 9), ringHit: make([]bool, 9)}
	tl.ringHit[2] = true
	tl.activate()
	if !tl.active[2] || slices.Index(tl.active[3:], true) >= 0 || tl.active[0] || tl.active[1] || tl.ringHit[2] {
		t.Errorf("ring hit on tile 0,2: active %v, ringHit left %v", tl.active, tl.ringHit[2])
	}
}

// TestCompareEdges checks the edges compare records for one cell of the
// middle tile of 3 x 3 that changed: the edges it lies on when it joined
// or left state 1, none when it only aged.
func TestCompareEdges(t *testing.T) {
	const w, h = 3 * tileW, 3 * tileH
	y0, x0, y1, x1 := tileH, tileW, 2*tileH-1, 2*tileW-1
	for _, c := range []struct {
		y, x     int
		from, to uint8
		want     uint8
	}{
		{y0, x0, 0, 1, edgeN | edgeW | edgeNW},
		{y0, x1, 1, 2, edgeN | edgeE | edgeNE},
		{y1, x0, 0, 1, edgeS | edgeW | edgeSW},
		{y1, x1, 1, 2, edgeS | edgeE | edgeSE},
		{y0 + 3, x0, 0, 1, edgeW},
		{y0 + 3, x1, 0, 1, edgeE},
		{y0, x0 + 5, 0, 1, edgeN},
		{y1, x0 + 5, 0, 1, edgeS},
		{y0 + 3, x0 + 5, 0, 1, 0},
		{y0, x0, 2, 3, 0},
		{y1, x1, 3, 0, 0},
	} {
		tl := tiles{w: w, h: h, tw: 3, th: 3, changed: make([]bool, 9), edges: make([]uint8, 9)}
		cur, next := make([]uint8, w*h), make([]uint8, w*h)
		cur[c.y*w+c.x], next[c.y*w+c.x] = c.from, c.to
		tl.compare(cur, next, 1, 0, w)
		if !tl.changed[4] || tl.edges[4] != c.want || tl.changed[3] || tl.changed[5] || tl.edges[3]|tl.edges[5] != 0 {
			t.Errorf("cell %d,%d from %d to %d: changed %v, edges %08b, want %08b", c.y, c.x, c.from, c.to, tl.changed[3:6], tl.edges[4], c.want)
		}
	}
	// A tile one row high and one column wide lies on all its edges.
	tl := tiles{w: tileW + 1, h: tileH + 1, tw: 2, th: 2, changed: make([]bool, 4), edges: make([]uint8, 4)}
	cur, next := make([]uint8, tl.w*tl.h), make([]uint8, tl.w*tl.h)
	next[tl.w*tl.h-1] = 1
	tl.compare(cur, next, 1, 0, tl.w)
	if !tl.changed[3] || tl.edges[3] != edgeAll || tl.changed[2] {
		t.Errorf("the corner cell of a 1 x 1 tile: changed %v, edges %08b, want %08b", tl.changed[2:], tl.edges[3], edgeAll)
	}
}
