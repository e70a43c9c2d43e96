package classify

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/life-go/life/engine"
)

// Kind is what a pattern turns out to be.
type Kind string

// The kinds of pattern the classifier tells apart.
const (
	// Dies: every cell is dead from Settled on.
	Dies Kind = "dies"
	// Still: a still life (or several) from Settled on.
	Still Kind = "still"
	// Oscillator: the pattern repeats in place with Period.
	Oscillator Kind = "oscillator"
	// Spaceship: the pattern repeats moved by (DX, DY) every Period.
	Spaceship Kind = "spaceship"
	// Constellation: several objects that never interact and do not
	// repeat together within 4096 generations: some move away from the
	// rest (an ash with escaping gliders), or their periods' least common
	// multiple (Period) is longer.
	Constellation Kind = "constellation"
	// Gun: a stationary part repeats with GrowthPeriod and emits
	// spaceships that escape: the population grows linearly.
	Gun Kind = "gun"
	// Puffer: a moving part leaves debris behind: the population grows
	// linearly as the pattern travels at Speed.
	Puffer Kind = "puffer"
	// Breeder: the population grows quadratically.
	Breeder Kind = "breeder"
	// Grows: the population grows regularly (linearly), but neither a gun
	// nor a puffer was recognised.
	Grows Kind = "growth"
	// Unsettled: none of these within the budget of generations.
	Unsettled Kind = "unsettled"
)

// Stats are the statistics LifeViewer's Identify gives for a periodic
// pattern, over one period from the generation it settled.
type Stats struct {
	MinPop  int64   `json:"pop_min"`
	MaxPop  int64   `json:"pop_max"`
	MeanPop float64 `json:"pop_mean"`
	// W and H are the size of the bounding box of every phase together
	// (in place; for a spaceship, of one phase's box at its largest).
	W int64 `json:"width"`
	H int64 `json:"height"`
	// Heat is the mean number of cells that change state from one
	// generation to the next; Temperature is Heat divided by the number
	// of active cells (alive in at least one phase), in place.
	Heat        float64 `json:"heat"`
	Temperature float64 `json:"temperature"`
	// Volatility is the share of the active cells that change (the rotor
	// among rotor and stator); StrictVolatility the share whose own
	// period is the whole period. Both are 0 for a still life and left 0
	// for patterns that move.
	Volatility       float64 `json:"volatility"`
	StrictVolatility float64 `json:"strict_volatility"`
}

// Object is one of the separate objects a settled pattern is made of.
type Object struct {
	Kind   Kind  `json:"kind"`
	Period int64 `json:"period"`
	// DX and DY are how far it moves each period, rightwards and
	// downwards.
	DX      int64  `json:"dx"`
	DY      int64  `json:"dy"`
	Speed   string `json:"speed,omitempty"`
	Apgcode string `json:"apgcode"`
	// Y and X are its bounding box's top-left cell at generation Settled.
	Y   int64 `json:"y"`
	X   int64 `json:"x"`
	Pop int64 `json:"pop"` // at generation Settled
	Stats
}

// Result is what [Classify] found.
type Result struct {
	Kind Kind `json:"kind"`
	// Period is the generations after which the pattern repeats (the
	// least common multiple of its objects' for a constellation), or for
	// growth the period of its growth.
	Period int64 `json:"period,omitempty"`
	// DX and DY are how far a spaceship or a puffer moves each period.
	DX    int64  `json:"dx,omitempty"`
	DY    int64  `json:"dy,omitempty"`
	Speed string `json:"speed,omitempty"`
	// Apgcode is the whole pattern's apgcode when it repeats as a whole
	// (a still life, an oscillator or a spaceship), else "".
	Apgcode string `json:"apgcode,omitempty"`
	// Settled is the generation (as the engine counts) from which the
	// pattern is what Kind says: dead, periodic, or growing regularly.
	Settled *big.Int `json:"settled"`
	// Gens is how many generations the classifier ran.
	Gens int64 `json:"gens"`
	// Growth is the cells the population gains every Period (for a
	// breeder, the gain's own gain every Period).
	Growth int64 `json:"growth,omitempty"`
	// Stats are for a pattern that repeats as a whole (a still life, an
	// oscillator or a spaceship), else nil.
	*Stats
	// Objects are the separate objects of a settled pattern of more than
	// one, in the order of their top-left cells.
	Objects []Object `json:"objects,omitempty"`
}

// Options control [Classify]. The zero value is ready to use.
type Options struct {
	// MaxGens is the budget of generations; 0 means DefaultMaxGens.
	MaxGens int64
	// MaxPeriod is the longest period looked for in an object run by
	// itself; 0 means DefaultMaxPeriod.
	MaxPeriod int64
	// Fresh returns an empty engine of the same rule and universe, to run
	// objects by themselves. Nil clones the engine classified and clears
	// the clone.
	Fresh func() (engine.Engine, error)
	// NoSettle skips finding the exact generation the pattern settled
	// (Settled is then the generation where the classifier saw it
	// settled), which saves re-running the pattern: the census does.
	NoSettle bool
	// Trim, when not nil, is called every generation before the
	// classifier looks at it, and may kill cells (the census removes
	// spaceships about to leave a bounded universe). It returns how many
	// it killed; the classifier then starts watching afresh, counting the
	// cells killed in the population it watches for growth. An error
	// ends the run with it.
	Trim func(ctx context.Context, e engine.Engine, gen int64) (int64, error)
	// Reach is the radius of the rule's neighbourhood: 1 (the default,
	// for 0) for Moore, von Neumann and hexagonal neighbourhoods, r for a
	// Larger than Life range r. Cells up to 2*Reach apart are taken for
	// one object at first.
	Reach int64
	// MaxCells is the most live cells visited one by one each generation;
	// beyond it only the population is watched (which still finds growth).
	// 0 means DefaultMaxCells.
	MaxCells int64
}

// Defaults for [Options].
const (
	DefaultMaxGens   = 1 << 16
	DefaultMaxPeriod = 1024
	DefaultMaxCells  = 1 << 18
)

// ErrBudget is returned, with a Result of Kind Unsettled, when the budget
// of generations ran out before the pattern settled.
var ErrBudget = errors.New("the budget of generations ran out before the pattern settled")

// Classify runs e (which it steps; pass a clone to keep the original) and
// says what the pattern is. It steps one generation at a time, watching
// each for a repeat of an earlier one (Nivasch's keep-minima stack of
// position-independent hashes, as Golly's oscar does, every match then
// confirmed cell by cell), for an ash of separate periodic objects with
// spaceships escaping, and for regular growth. It returns [ErrBudget] with
// an Unsettled result when opts.MaxGens generations pass without an
// answer, and ctx's error when ctx is cancelled.
func Classify(ctx context.Context, e engine.Engine, opts Options) (*Result, error) {
	c := newClassifier(e, opts)
	return c.run(ctx)
}

// classifier holds a run's state.
type classifier struct {
	e     engine.Engine
	opts  Options
	gen0  *big.Int      // the engine's generation at the start
	start engine.Engine // a copy of it then, to re-run
	iso   *isolator

	// One entry a generation since the start:
	pops   []int64
	hashes []uint64 // of the cells in place; 0 for a generation not visited
	shapes []uint64 // of the cells relative to their bounding box
	tops   []Point  // the bounding box's top-left cell

	trimmed   int64 // cells killed by opts.Trim so far
	trimmedAt int64 // the last generation Trim killed any

	stack []entry // Nivasch's stack: shapes increasing from bottom to top
	runs  []int64 // runs[q]: generations in a row with pop(t) == pop(t-q)

	armed    int64 // the population's period, when it looks periodic
	big      bool  // the last generation had more than MaxCells cells
	hyp      *hypothesis
	nextTest int64
	growth   *growthHyp
	ships    *isolator // for the spaceships a growing pattern emits
	nextGrow int64
}

// entry is a generation on the keep-minima stack.
type entry struct {
	shape uint64
	gen   int64
	cells Cells // normalised
	top   Point
}

// maxPopPeriod is the longest period of the population that makes the
// classifier try to split the pattern into periodic objects.
const maxPopPeriod = 128

// maxGrowthPeriod is the longest period of growth looked for.
const maxGrowthPeriod = 1024

func newClassifier(e engine.Engine, opts Options) *classifier {
	if opts.MaxGens <= 0 {
		opts.MaxGens = DefaultMaxGens
	}
	if opts.MaxPeriod <= 0 {
		opts.MaxPeriod = DefaultMaxPeriod
	}
	if opts.MaxCells <= 0 {
		opts.MaxCells = DefaultMaxCells
	}
	c := &classifier{e: e, opts: opts, gen0: e.Generation(), runs: make([]int64, maxPopPeriod+1)}
	if !opts.NoSettle {
		c.start = e.Clone()
	}
	fresh := opts.Fresh
	if fresh == nil {
		fresh = func() (engine.Engine, error) {
			f := e.Clone()
			clearEngine(f)
			return f, nil
		}
	}
	// The census (NoSettle) keeps to one try at the separation, as
	// apgsearch's quick path does; identify and the UI widen it.
	c.iso = &isolator{fresh: fresh, maxPeriod: opts.MaxPeriod, reach: opts.Reach, widen: !opts.NoSettle}
	return c
}

// gen returns the engine's generation t generations after the start.
func (c *classifier) gen(t int64) *big.Int {
	return new(big.Int).Add(c.gen0, big.NewInt(t))
}

func (c *classifier) run(ctx context.Context) (*Result, error) {
	for t := int64(0); ; t++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if c.opts.Trim != nil {
			k, err := c.opts.Trim(ctx, c.e, t)
			if err != nil {
				return nil, err
			}
			if k > 0 {
				c.trimmed += k
				c.trimmedAt = t
				c.stack, c.hyp, c.growth = nil, nil, nil
				clear(c.runs)
			}
		}
		// Without the exact settling generation to find, generations are
		// looked at cell by cell only once the population has looked
		// periodic for a while, and at the growth checks; else the
		// population is counted from the cells visited.
		lazy := c.opts.NoSettle && c.armed == 0 && c.hyp == nil && c.growth == nil && !c.growthCheck(t) && !c.forcedTest(t)
		if lazy {
			c.stack = c.stack[:0] // a gap in the generations watched
		}
		var cells Cells
		var n int64
		if lazy || c.big {
			pop := c.e.Population()
			if !pop.IsInt64() {
				return c.unsettled(t), ErrBudget
			}
			n = pop.Int64()
			c.big = n > c.opts.MaxCells
		}
		if !lazy && !c.big {
			cells = All(c.e)
			n = int64(len(cells))
			if c.big = n > c.opts.MaxCells; c.big {
				cells = nil
			}
		}
		c.pops = append(c.pops, n+c.trimmed)
		if n == 0 {
			return c.dies(t), nil
		}
		q := c.popPeriod(t)
		c.armed = q
		if lazy || c.big {
			c.hashes = append(c.hashes, 0)
			c.shapes = append(c.shapes, 0)
			c.tops = append(c.tops, Point{})
		} else {
			norm, top := cells.Normal()
			c.hashes = append(c.hashes, cells.Hash())
			c.shapes = append(c.shapes, norm.Hash())
			c.tops = append(c.tops, top)
			if r, err := c.watch(ctx, t, q, cells, norm, top); r != nil || err != nil {
				return r, err
			}
		}
		if c.big {
			c.stack, c.hyp = c.stack[:0], nil
		}
		if r, err := c.watchGrowth(ctx, t, cells); r != nil || err != nil {
			return r, err
		}
		if t >= c.opts.MaxGens {
			return c.unsettled(t), ErrBudget
		}
		if err := c.e.Step(ctx, 1); err != nil {
			return nil, err
		}
	}
}

// watch looks at generation t's cells for a repeat and for separate
// periodic objects. It returns a result once the pattern has settled.
func (c *classifier) watch(ctx context.Context, t, q int64, cells, norm Cells, top Point) (*Result, error) {
	shape := c.shapes[t]
	// Nivasch: pop every entry greater than this one; an equal one on
	// top, with the same cells, is a repeat.
	for len(c.stack) > 0 && c.stack[len(c.stack)-1].shape > shape {
		c.stack = c.stack[:len(c.stack)-1]
	}
	for i := len(c.stack) - 1; i >= 0 && c.stack[i].shape == shape; i-- {
		if prev := c.stack[i]; prev.cells.Equal(norm) {
			return c.periodic(ctx, prev.gen, t, top.Y-prev.top.Y, top.X-prev.top.X)
		}
	}
	c.stack = append(c.stack, entry{shape, t, norm, top})

	// Separate objects: check the standing hypothesis, and make one when
	// the population has looked periodic for a while.
	if c.hyp != nil {
		ok, done := c.hyp.check(t, cells)
		switch {
		case !ok:
			c.hyp = nil
		case done:
			return c.settledObjects(ctx, c.hyp)
		}
	}
	if c.hyp == nil && (q > 0 && t >= c.nextTest || c.forcedTest(t)) {
		h, err := c.hypothesise(ctx, t, cells)
		if err != nil {
			return nil, err
		}
		if h == nil {
			c.nextTest = t + 2*q + 16
		} else if h.confirm == 0 {
			return c.settledObjects(ctx, h)
		}
		c.hyp = h
	}
	return nil, nil
}

// forcedTest reports whether generation t is one where the classifier
// tries to split the pattern into periodic objects whatever the population
// looks like (objects whose periods have a least common multiple beyond
// maxPopPeriod make it look aperiodic): generations 64, 128, 256, ...,
// then every 4096; for the census (NoSettle), which runs many soups that
// mostly settle with a periodic population, every 4096 only.
func (c *classifier) forcedTest(t int64) bool {
	switch {
	case t < 64:
		return false
	case t >= 4096 || c.opts.NoSettle:
		return t%4096 == 0
	}
	return t&(t-1) == 0
}

// popPeriod updates the runs of periodic population with generation t (once
// a generation) and
// returns the least q whose run covers 2q+8 generations, or 0.
func (c *classifier) popPeriod(t int64) int64 {
	found := int64(0)
	for q := int64(1); q <= maxPopPeriod; q++ {
		if t >= q && c.pops[t] == c.pops[t-q] {
			c.runs[q]++
		} else {
			c.runs[q] = 0
		}
		if found == 0 && c.runs[q] >= 2*q+8 {
			found = q
		}
	}
	return found
}

// dies is the result for a pattern first empty at generation t.
func (c *classifier) dies(t int64) *Result {
	return &Result{Kind: Dies, Settled: c.gen(t), Gens: t}
}

func (c *classifier) unsettled(t int64) *Result {
	return &Result{Kind: Unsettled, Settled: c.gen(t), Gens: t}
}

// String writes r in words, the words the UI's status bar uses too:
// "dies at gen 54", "still life xs4_33 from gen 3", "oscillator xp2_7,
// period 2, from gen 0", "spaceship xq4_153, c/4 diagonal, moving (1,1)
// every 4, from gen 0", "25 objects, period 4, from gen 1103", "gun,
// period 30, +5 cells every 30, from gen 0".
func (r *Result) String() string {
	code := ""
	if r.Apgcode != "" {
		code = " " + r.Apgcode
	}
	switch r.Kind {
	case Dies:
		return fmt.Sprintf("dies at gen %s", r.Settled)
	case Still:
		return fmt.Sprintf("still life%s from gen %s", code, r.Settled)
	case Oscillator:
		return fmt.Sprintf("oscillator%s, period %d, from gen %s", code, r.Period, r.Settled)
	case Spaceship:
		return fmt.Sprintf("spaceship%s, %s, moving (%d,%d) every %d, from gen %s", code, r.Speed, r.DX, r.DY, r.Period, r.Settled)
	case Constellation:
		return fmt.Sprintf("%d objects, period %d, from gen %s", len(r.Objects), r.Period, r.Settled)
	case Gun:
		return fmt.Sprintf("gun, period %d, +%d cells every %d, from gen %s", r.Period, r.Growth, r.Period, r.Settled)
	case Puffer:
		return fmt.Sprintf("puffer, %s, moving (%d,%d) and +%d cells every %d, from gen %s", r.Speed, r.DX, r.DY, r.Growth, r.Period, r.Settled)
	case Breeder:
		return fmt.Sprintf("breeder, period %d, growth +%d cells every %d each period, from gen %s", r.Period, r.Growth, r.Period, r.Settled)
	case Grows:
		return fmt.Sprintf("growth, +%d cells every %d, from gen %s", r.Growth, r.Period, r.Settled)
	}
	return fmt.Sprintf("not settled after %d gens", r.Gens)
}
