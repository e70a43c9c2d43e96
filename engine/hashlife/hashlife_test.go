package hashlife

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// newLife returns an engine for B3/S23 or fails the test.
func newLife(t testing.TB, opts Options) *Engine {
	t.Helper()
	e, err := New(engine.Life, opts)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// load places pattern p in e as Golly does: its top-left corner at
// (-(h/2), -(w/2)).
func load(e *Engine, p *patterns.Pattern) {
	w, h := p.Size()
	for _, r := range p.Runs {
		e.SetRun(r.Y-h/2, r.X-w/2, r.N)
	}
}

// cells returns the live cells e visits inside r, in order.
func cells(e engine.Engine, r engine.Rect) [][2]int64 {
	var out [][2]int64
	e.Visit(r, func(y, x int64) { out = append(out, [2]int64{y, x}) })
	return out
}

func TestNewRefuses(t *testing.T) {
	for _, text := range []string{"B3/S23:T10,10", "B3/S23:P10,10", "B2-a/S12:K10*,10"} {
		r, err := engine.ParseRule(text)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := New(r, Options{}); !errors.Is(err, engine.ErrUnsupported) {
			t.Errorf("%s: got %v, want an error wrapping ErrUnsupported", text, err)
		}
	}
	for _, text := range []string{"B3/S23:T0,0", "B03/S23", "W30", "B2/S34H"} {
		r, _ := engine.ParseRule(text)
		if _, err := New(r, Options{}); err != nil {
			t.Errorf("%s on the plane: %v", text, err)
		}
	}
}

func TestCellsBoundsVisit(t *testing.T) {
	e := newLife(t, Options{})
	if _, ok := e.Bounds(); ok {
		t.Error("empty universe has bounds")
	}
	set := [][2]int64{{-5, 3}, {0, 0}, {-1, -1}, {7, 8}, {1 << 40, -(1 << 41)}, {-(1 << 60), 1 << 60}, {3, -7}}
	for _, c := range set {
		e.SetCell(c[0], c[1], true)
	}
	for _, c := range set {
		if !e.Cell(c[0], c[1]) {
			t.Errorf("cell %v dead", c)
		}
	}
	if e.Cell(1, 1) || e.Cell(1<<40, 1<<40) || e.Cell(-(1<<62), 0) {
		t.Error("dead cell alive")
	}
	if got := e.Population().Int64(); got != int64(len(set)) {
		t.Errorf("population %d, want %d", got, len(set))
	}
	want := engine.Rect{Y: -(1 << 60), X: -(1 << 41), H: 1<<40 + 1<<60 + 1, W: 1<<60 + 1<<41 + 1}
	if b, ok := e.Bounds(); !ok || b != want {
		t.Errorf("bounds %+v, want %+v", b, want)
	}
	sorted := slices.Clone(set)
	slices.SortFunc(sorted, func(a, b [2]int64) int {
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		return cmp.Compare(a[1], b[1])
	})
	if got := cells(e, want); !slices.Equal(got, sorted) {
		t.Errorf("visit %v, want %v", got, sorted)
	}
	// A window: only the cells inside, in order.
	if got := cells(e, engine.Rect{Y: -5, X: -7, H: 9, W: 11}); !slices.Equal(got, [][2]int64{{-5, 3}, {-1, -1}, {0, 0}, {3, -7}}) {
		t.Errorf("window visit %v", got)
	}
	e.SetCell(-(1 << 60), 1<<60, false)
	e.SetCell(1<<40, -(1 << 41), false)
	want = engine.Rect{Y: -5, X: -7, H: 13, W: 16}
	if b, ok := e.Bounds(); !ok || b != want {
		t.Errorf("bounds %+v, want %+v", b, want)
	}
}

func TestSetRunMatchesSetCell(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	a, b := newLife(t, Options{}), newLife(t, Options{})
	a.SetCell(100, 100, true) // SetRun merges with what is there
	b.SetCell(100, 100, true)
	for range 300 {
		y, x, n := rng.Int64N(200)-100, rng.Int64N(400)-200, rng.Int64N(40)+1
		a.SetRun(y, x, n)
		for i := range n {
			b.SetCell(y, x+i, true)
		}
	}
	r := engine.Rect{Y: -300, X: -300, H: 600, W: 600}
	if ga, gb := cells(a, r), cells(b, r); !slices.Equal(ga, gb) {
		t.Errorf("SetRun gives %d cells, SetCell %d", len(ga), len(gb))
	}
	if a.Population().Cmp(b.Population()) != 0 {
		t.Errorf("populations %v and %v", a.Population(), b.Population())
	}
}

// visitOnly hides an engine's BlockCounter, so that engine.CountBlocks
// visits cells.
type visitOnly struct{ engine.Engine }

func TestCountBlocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	e := newLife(t, Options{})
	for range 2000 {
		e.SetCell(rng.Int64N(300)-150, rng.Int64N(300)-150, true)
	}
	for _, k := range []uint{0, 1, 3, 4, 6, 9} {
		for range 5 {
			r := engine.Rect{Y: rng.Int64N(300) - 160, X: rng.Int64N(300) - 160, H: rng.Int64N(300) + 1, W: rng.Int64N(300) + 1}
			rows, cols := (r.H+1<<k-1)>>k, (r.W+1<<k-1)>>k
			got, want := make([]uint64, rows*cols), make([]uint64, rows*cols)
			e.CountBlocks(r, k, got)
			engine.CountBlocks(visitOnly{e}, r, k, want)
			if !slices.Equal(got, want) {
				t.Fatalf("k=%d r=%+v: counts differ", k, r)
			}
		}
	}
}

// glider is a glider heading down and right, one cell each way every four
// generations.
var glider = [][2]int64{{0, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}}

func TestGliderFarAway(t *testing.T) {
	for _, k := range []uint{2, 10, 40, 61} {
		e := newLife(t, Options{})
		for _, c := range glider {
			e.SetCell(c[0], c[1], true)
		}
		if err := e.StepPow2(context.Background(), k); err != nil {
			t.Fatal(err)
		}
		d := int64(1) << (k - 2)
		if k >= 61 {
			// Out of reach of the coordinates, but not of the count.
			if e.Population().Int64() != 5 {
				t.Errorf("2^%d: population %v", k, e.Population())
			}
			continue
		}
		want := engine.Rect{Y: d, X: d, H: 3, W: 3}
		if b, ok := e.Bounds(); !ok || b != want {
			t.Errorf("2^%d: bounds %+v, want %+v", k, b, want)
		}
		for _, c := range glider {
			if !e.Cell(c[0]+d, c[1]+d) {
				t.Errorf("2^%d: cell %v dead", k, c)
			}
		}
		if g := e.Generation(); g.Cmp(new(big.Int).Lsh(big.NewInt(1), k)) != 0 {
			t.Errorf("generation %v", g)
		}
	}
}

// TestStepSizesAgree runs a methuselah by different step schedules: any n
// as powers of two, repeated hyperspeed jumps, single steps.
func TestStepSizesAgree(t *testing.T) {
	rpent := [][2]int64{{0, 1}, {0, 2}, {1, 0}, {1, 1}, {2, 1}}
	run := func(steps func(e *Engine) error) string {
		e := newLife(t, Options{})
		for _, c := range rpent {
			e.SetCell(c[0], c[1], true)
		}
		if err := steps(e); err != nil {
			t.Fatal(err)
		}
		b, _ := e.Bounds()
		return fmt.Sprintf("gen %v pop %v bounds %+v cells %v", e.Generation(), e.Population(), b, len(cells(e, b)))
	}
	ctx := context.Background()
	gens := uint64(1200)
	if raceEnabled {
		gens = 300
	}
	want := run(func(e *Engine) error {
		for range gens {
			if err := e.Step(ctx, 1); err != nil {
				return err
			}
		}
		return nil
	})
	for name, steps := range map[string]func(e *Engine) error{
		"all at once": func(e *Engine) error { return e.Step(ctx, gens) },
		"by 2^2": func(e *Engine) error {
			for range gens / 4 {
				if err := e.StepPow2(ctx, 2); err != nil {
					return err
				}
			}
			return nil
		},
		"by 3 then 2^k": func(e *Engine) error {
			if err := e.Step(ctx, 3); err != nil {
				return err
			}
			return e.Step(ctx, gens-3)
		},
	} {
		if got := run(steps); got != want {
			t.Errorf("%s: %s, want %s", name, got, want)
		}
	}
}

func TestBreederPastUint64(t *testing.T) {
	p, err := patterns.ReadFile("testdata/breeder.rle")
	if err != nil {
		t.Fatal(err)
	}
	e := newLife(t, Options{})
	load(e, p)
	if err := e.Step(context.Background(), 1_000_000_000_000); err != nil {
		t.Fatal(err)
	}
	if got, want := e.Population().String(), "1302083334180208337404"; got != want {
		t.Errorf("population %s, want %s", got, want)
	}
	if got := e.Generation().String(); got != "1000000000000" {
		t.Errorf("generation %s", got)
	}
	// Zoomed out: the blocks add up to the population.
	b, _ := e.Bounds()
	k := uint(32) // blocks of up to 2^64 cells
	rows, cols := (b.H+1<<k-1)>>k, (b.W+1<<k-1)>>k
	dst := make([]uint64, rows*cols)
	e.CountBlocks(b, k, dst)
	sum := new(big.Int)
	for _, v := range dst {
		sum.Add(sum, new(big.Int).SetUint64(v))
	}
	if sum.Cmp(e.Population()) != 0 {
		t.Errorf("blocks add up to %v, want %v", sum, e.Population())
	}
}

func TestClone(t *testing.T) {
	e := newLife(t, Options{})
	for _, c := range glider {
		e.SetCell(c[0], c[1], true)
	}
	c := e.Clone()
	if err := e.Step(context.Background(), 8); err != nil {
		t.Fatal(err)
	}
	if !c.Cell(0, 1) || c.Cell(2, 3) || c.Generation().Sign() != 0 {
		t.Error("the clone moved with the original")
	}
	if err := c.Step(context.Background(), 8); err != nil {
		t.Fatal(err)
	}
	b1, _ := e.Bounds()
	b2, _ := c.Bounds()
	if b1 != b2 || c.Population().Int64() != 5 {
		t.Errorf("clone %+v, original %+v", b2, b1)
	}
}

// soup fills an n x n square centred on the origin at random.
func soup(e *Engine, n int64, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	for y := range n {
		for x := range n {
			if rng.IntN(3) == 0 {
				e.SetRun(y-n/2, x-n/2, 1)
			}
		}
	}
}

// TestMemoryLimit runs a soup under a tight limit: the cache is garbage
// collected, never grows past the limit, and the answer is the one an
// unlimited engine gives.
func TestMemoryLimit(t *testing.T) {
	gens := uint64(2000)
	if raceEnabled {
		gens = 500
	}
	ctx := context.Background()
	free := newLife(t, Options{})
	soup(free, 64, 9)
	if err := free.Step(ctx, gens); err != nil {
		t.Fatal(err)
	}
	tight := newLife(t, Options{MaxMemory: 1 << 20})
	soup(tight, 64, 9)
	if err := tight.Step(ctx, gens); err != nil {
		t.Fatal(err)
	}
	if free.Population().Cmp(tight.Population()) != 0 {
		t.Errorf("population %v under the limit, %v without", tight.Population(), free.Population())
	}
	if tight.Collections() == 0 {
		t.Error("no garbage collection under the limit")
	}
	if n, limit := tight.Nodes(), tight.MaxNodes(); n > limit {
		t.Errorf("%d nodes, limit %d", n, limit)
	}
	if free.Nodes() <= tight.MaxNodes() {
		t.Errorf("the unlimited run took %d nodes: the limit of %d was not reached", free.Nodes(), tight.MaxNodes())
	}
}

// TestMemoryLimitTooSmall: a pattern that cannot step within the limit
// gives an error, not a crash, and the engine keeps its pattern.
func TestMemoryLimitTooSmall(t *testing.T) {
	e := newLife(t, Options{MaxMemory: 1 << 20})
	soup(e, 1024, 5)
	pop := e.Population()
	err := e.Step(context.Background(), 1)
	if !errors.Is(err, ErrMemory) {
		t.Fatalf("got %v, want ErrMemory", err)
	}
	if e.Population().Cmp(pop) != 0 || e.Generation().Sign() != 0 {
		t.Error("the failed step changed the pattern")
	}
}

// countdown is a context whose Err turns to Canceled after n calls.
type countdown struct {
	context.Context
	n int
}

func (c *countdown) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	e := newLife(t, Options{})
	soup(e, 32, 1)
	if err := e.Step(ctx, 100); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
	// Cancelled within a step: the engine holds a whole step, and goes on
	// as if nothing happened.
	want := newLife(t, Options{})
	soup(want, 64, 2)
	if err := want.Step(context.Background(), 1024); err != nil {
		t.Fatal(err)
	}
	e = newLife(t, Options{})
	soup(e, 64, 2)
	err := e.Step(&countdown{Context: context.Background(), n: 3}, 1024)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want Canceled", err)
	}
	rest := 1024 - e.Generation().Uint64()
	if err := e.Step(context.Background(), rest); err != nil {
		t.Fatal(err)
	}
	if e.Population().Cmp(want.Population()) != 0 {
		t.Errorf("population %v after a cancelled step, want %v", e.Population(), want.Population())
	}
}

// TestMemoryLimitMidStep takes one step of 2^11 generations of a soup
// under a limit far below what the step takes: collections in the middle
// of the step keep the work in progress, and the answer is the one an
// unlimited engine gives.
func TestMemoryLimitMidStep(t *testing.T) {
	ctx := context.Background()
	free := newLife(t, Options{})
	soup(free, 128, 4)
	if err := free.StepPow2(ctx, 11); err != nil {
		t.Fatal(err)
	}
	tight := newLife(t, Options{MaxMemory: 1 << 20})
	soup(tight, 128, 4)
	if err := tight.StepPow2(ctx, 11); err != nil {
		t.Fatal(err)
	}
	if free.Population().Cmp(tight.Population()) != 0 {
		t.Errorf("population %v under the limit, %v without", tight.Population(), free.Population())
	}
	b1, _ := free.Bounds()
	b2, _ := tight.Bounds()
	if b1 != b2 || !slices.Equal(cells(free, b1), cells(tight, b2)) {
		t.Error("the cells differ")
	}
	t.Logf("%d collections", tight.Collections())
	if tight.Collections() == 0 || tight.Nodes() > tight.MaxNodes() || free.Nodes() < 4*tight.MaxNodes() {
		t.Errorf("%d collections, %d nodes for a limit of %d; %d nodes without", tight.Collections(), tight.Nodes(), tight.MaxNodes(), free.Nodes())
	}
}
