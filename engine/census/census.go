package census

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/classify"
)

// Config says which soups to census and how.
type Config struct {
	// Root is the seed: soup i is [Soup](Root, i).
	Root string
	// Rule is the rule (its topology is ignored: soups run on the plane).
	Rule engine.Rule
	// Soups is how many soups the whole search has: indices 0 to Soups-1.
	Soups int64
	// Shard and Shards: this run censuses the soups whose index is Shard
	// modulo Shards (0 <= Shard < Shards; Shards 0 means 1).
	Shard, Shards int
	// Workers is how many soups run at once; 0 means GOMAXPROCS.
	Workers int
	// Bounded returns an empty engine for the rule on a bounded plane (the
	// fast path); Plane one on the unbounded plane, for the soups whose
	// ash spreads too far for the bounded plane. Nil takes the fastest
	// engine the registry has for the universe (engine.New "auto"); when
	// none runs a bounded plane, soups run on the plane.
	Bounded, Plane func(r engine.Rule) (engine.Engine, error)
	// MaxGens is the most generations a soup runs; 0 means
	// DefaultMaxGens.
	MaxGens int64
	// Progress, when not nil, is called after each soup with the number
	// done so far, from the goroutine that called [Run].
	Progress func(done int64)
}

// DefaultMaxGens is how long a soup may take to settle before it counts
// as explosive.
const DefaultMaxGens = 1 << 15

// Sides are the sides of the bounded planes a soup runs on, the soup in
// the middle, each tried when the ash spreads too far for the one before,
// before the unbounded plane; spaceships are taken off a bounded plane
// when they come within Margin cells of its edge.
var Sides = []int{512, 2048}

// isolationSide is the side of the bounded plane on which a soup's objects
// run by themselves.
const isolationSide = 192

// Margin is how near a bounded plane's edge ash may come.
const Margin = 32

// Codes for soups that do not settle, as apgsearch names them.
const (
	Linear    = "zz_LINEAR"    // guns, puffers and other linear growth
	Quadratic = "zz_QUADRATIC" // breeders
	Explosive = "zz_EXPLOSIVE" // not settled within the budget
)

// Result is what one soup gave: its objects' apgcodes (with repeats; the
// spaceships that escaped included), or a zz_ code.
type Result struct {
	Index   int64
	Objects []string
	Gens    int64
}

// errEscape says a soup's ash came near the edge of its bounded plane.
var errEscape = errors.New("the soup's ash reached the edge of its bounded plane")

// runner runs soups one at a time with what it keeps between them.
type runner struct {
	cfg     Config
	bounded []*classify.Isolator // one for each of Sides
	plane   *classify.Isolator
}

// auto returns the registry's fastest engine for r.
func auto(r engine.Rule) (engine.Engine, error) { return engine.New("auto", r, engine.Options{}) }

// withEngines fills in cfg's engines from the registry, leaving Bounded nil
// when no engine runs a bounded plane of the rule.
func withEngines(cfg Config) Config {
	if cfg.Plane == nil {
		cfg.Plane = auto
	}
	if cfg.Bounded == nil {
		r := cfg.Rule
		r.Topology = engine.Topology{Kind: engine.BoundedPlane, W: Sides[0], H: Sides[0]}
		if _, err := auto(r); err == nil {
			cfg.Bounded = auto
		}
	}
	return cfg
}

func newRunner(cfg Config) *runner {
	r := &runner{cfg: cfg}
	mk := func(f func(engine.Rule) (engine.Engine, error), t engine.Topology) *classify.Isolator {
		if f == nil {
			return nil
		}
		rule := cfg.Rule
		rule.Topology = t
		return classify.NewIsolator(func() (engine.Engine, error) { return f(rule) }, classify.DefaultMaxPeriod)
	}
	for range Sides {
		r.bounded = append(r.bounded, mk(cfg.Bounded, engine.Topology{Kind: engine.BoundedPlane, W: isolationSide, H: isolationSide}))
	}
	r.plane = mk(cfg.Plane, engine.Topology{})
	return r
}

// RunSoup censuses soup i of cfg's search by itself.
func RunSoup(ctx context.Context, cfg Config, i int64) (Result, error) {
	return newRunner(withEngines(cfg)).run(ctx, i)
}

// run censuses soup i: on the bounded plane when there is one, taking off
// the spaceships that reach its edge, and again on the unbounded plane when
// anything else does.
func (r *runner) run(ctx context.Context, i int64) (Result, error) {
	if r.cfg.Bounded != nil {
		for k, side := range Sides {
			res, err := r.runOn(ctx, i, side, r.bounded[k])
			if !errors.Is(err, errEscape) || r.cfg.Plane == nil && k == len(Sides)-1 {
				return res, err
			}
		}
	}
	return r.runOn(ctx, i, 0, r.plane)
}

// runOn runs soup i on a bounded plane of the side given, or on the plane
// for side 0.
func (r *runner) runOn(ctx context.Context, i int64, side int, iso *classify.Isolator) (Result, error) {
	rule := r.cfg.Rule
	rule.Topology = engine.Topology{}
	mk, off, bounded := r.cfg.Plane, int64(0), side > 0
	if bounded {
		rule.Topology = engine.Topology{Kind: engine.BoundedPlane, W: side, H: side}
		mk, off = r.cfg.Bounded, int64(side/2-SoupSize/2)
	}
	e, err := mk(rule)
	if err != nil {
		return Result{}, err
	}
	if w, ok := e.(interface{ SetWorkers(int) }); ok {
		w.SetWorkers(1) // soups run in parallel, not a soup's tiles
	}
	for _, p := range Soup(r.cfg.Root, i) {
		e.SetCell(p.Y+off, p.X+off, true)
	}
	res := Result{Index: i}
	opts := classify.Options{MaxGens: r.cfg.MaxGens, NoSettle: true}
	if opts.MaxGens == 0 {
		opts.MaxGens = DefaultMaxGens
	}
	if bounded {
		opts.Trim = func(ctx context.Context, e engine.Engine, gen int64) (int64, error) {
			return r.trim(ctx, iso, e, int64(side), gen, &res)
		}
		// Objects run by themselves on a small bounded plane.
		small := rule
		small.Topology = engine.Topology{Kind: engine.BoundedPlane, W: isolationSide, H: isolationSide}
		opts.Fresh = func() (engine.Engine, error) { return mk(small) }
	} else if mk != nil {
		opts.Fresh = func() (engine.Engine, error) { return mk(rule) }
	}
	c, err := classify.Classify(ctx, e, opts)
	if err != nil && !errors.Is(err, classify.ErrBudget) {
		return Result{}, err
	}
	res.Gens = c.Gens
	switch c.Kind {
	case classify.Dies:
	case classify.Gun, classify.Puffer, classify.Grows:
		res.Objects = append(res.Objects, Linear)
	case classify.Breeder:
		res.Objects = append(res.Objects, Quadratic)
	case classify.Unsettled:
		res.Objects = append(res.Objects, Explosive)
	default:
		if len(c.Objects) == 0 {
			res.Objects = append(res.Objects, c.Apgcode)
		}
		for _, o := range c.Objects {
			res.Objects = append(res.Objects, o.Apgcode)
		}
	}
	return res, nil
}

// trim takes off the bounded plane, every 8 generations, the spaceships
// within Margin of its edge that are moving out, counting them in res; it
// returns errEscape when anything else comes that near.
func (r *runner) trim(ctx context.Context, iso *classify.Isolator, e engine.Engine, side, gen int64, res *Result) (int64, error) {
	if gen%8 != 0 {
		return 0, nil
	}
	box, ok := e.Bounds()
	if !ok || box.X >= Margin && box.Y >= Margin && box.X+box.W <= side-Margin && box.Y+box.H <= side-Margin {
		return 0, nil
	}
	var killed int64
	for _, g := range classify.Split(classify.All(e), 1) {
		b, _ := g.Bounds()
		left, right := b.X < Margin, b.X+b.W > side-Margin
		top, bottom := b.Y < Margin, b.Y+b.H > side-Margin
		if !left && !right && !top && !bottom {
			continue
		}
		p, err := iso.Periodic(ctx, g)
		if err != nil {
			return killed, err
		}
		if p == nil || !(left && p.DX < 0 || right && p.DX > 0 || top && p.DY < 0 || bottom && p.DY > 0) {
			return killed, errEscape
		}
		res.Objects = append(res.Objects, p.Apgcode)
		for _, c := range g {
			e.SetCell(c.Y, c.X, false)
		}
		killed += int64(len(g))
	}
	return killed, nil
}

// Run censuses cfg's soups on every core and returns the haul. The haul
// does not depend on the number of workers or on the order soups finish.
func Run(ctx context.Context, cfg Config) (*Haul, error) {
	shards := max(cfg.Shards, 1)
	if cfg.Shard < 0 || cfg.Shard >= shards {
		return nil, fmt.Errorf("shard %d of %d: want 0 <= shard < %d", cfg.Shard, shards, shards)
	}
	cfg = withEngines(cfg)
	workers := cfg.NumWorkers()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	indices := make(chan int64, workers)
	results := make(chan Result, workers)
	errs := make(chan error, workers)
	go func() {
		defer close(indices)
		for i := int64(cfg.Shard); i < cfg.Soups; i += int64(shards) {
			select {
			case indices <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		go func() {
			r := newRunner(cfg)
			for i := range indices {
				res, err := r.run(ctx, i)
				if err != nil {
					errs <- err
					return
				}
				select {
				case results <- res:
				case <-ctx.Done():
					errs <- ctx.Err()
					return
				}
			}
			errs <- nil
		}()
	}
	h := NewHaul(cfg.Root, cfg.Rule, cfg.Soups, shards, []int{cfg.Shard})
	var firstErr error
	running := workers
	var done int64
	for running > 0 {
		select {
		case res := <-results:
			h.Add(res)
			done++
			if cfg.Progress != nil {
				cfg.Progress(done)
			}
		case err := <-errs:
			running--
			if err != nil && firstErr == nil {
				firstErr = err
				cancel()
			}
		}
	}
	// Results sent before the last worker ended.
	for len(results) > 0 {
		h.Add(<-results)
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return h, nil
}

// RuleName writes a rule as apgsearch and Catagolue do: "b3s23".
func RuleName(r engine.Rule) string {
	r.Topology = engine.Topology{}
	return strings.ToLower(strings.ReplaceAll(r.String(), "/", ""))
}
