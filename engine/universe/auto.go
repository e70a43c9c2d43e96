package universe

import (
	"context"
	"fmt"
	"math/big"
	"math/bits"
	"time"

	"github.com/life-go/life/engine"
)

// The automatic choice of engine ("auto", the default), as a Golly expert
// makes it. The registry ranks the engines for ordinary runs: on the
// unbounded plane the sparse engine, which steps only what changes and
// is many times faster than HashLife on soups, methuselahs and anything
// chaotic. An engine with [engine.Hyperspeed] (HashLife) takes over where
// memoisation wins:
//
//   - a macrocell file: HashLife's own format, and usually a pattern far
//     too big to step generation by generation;
//   - a step of 2^k generations (life run --step 2^10): HashLife's
//     natural jump;
//   - a pattern too big for tiles: one that spans more than [HugeSide]
//     cells (the switch engine ping-pong, 210,515 cells across);
//   - a run astronomically long for the pattern: at least
//     max([LongGens], [LongPerSide] x its width and height) generations of
//     a pattern that is not dense chaos (fewer than [DenseCells] cells,
//     or fewer than one cell in [DenseShare] of its bounding box): a gun
//     run 10^9 generations, say. A soup run long starts on the sparse
//     engine, which gets through its chaos far sooner, and moves on when
//     it has settled (see [Runner]).
//
// Between the two, [Runner] switches mid-run when the rates it measures
// say the other would finish sooner.

// The thresholds of the automatic choice.
const (
	// HugeSide is the width or height beyond which a pattern is too big
	// for tiles.
	HugeSide = 1 << 16
	// LongGens and LongPerSide: a run of at least max(LongGens,
	// LongPerSide x max(w, h)) generations is long for a w x h pattern.
	LongGens    = 1 << 20
	LongPerSide = 1024
	// DenseCells and DenseShare: a pattern of at least DenseCells live
	// cells, and at least one live cell in DenseShare of its bounding box,
	// is dense chaos.
	DenseCells = 4096
	DenseShare = 16
	// FarCoord: a pattern with a cell farther than this from the origin
	// on either axis is far, beyond what tiles are for (the sparse
	// engine's universe ends at 2^62): HashLife reaches 2^62-1.
	FarCoord = 1 << 60
)

// autoAlgo returns the engine auto starts a w x h pattern read in format
// on (s's Jump and Gens say what the run asks), with the reason when it is
// not the ordinary fastest one: the fastest that runs r (engine.Choose),
// or an engine with [engine.Hyperspeed] for a macrocell file, steps of
// 2^k generations, a pattern too big for tiles, or one far from the
// origin (far: see [FarCoord]). Whether the run is
// long is judged once the cells are loaded ([Settings.settle]).
func (s Settings) autoAlgo(r engine.Rule, w, h int64, format string, far bool) (*engine.Algo, string, error) {
	o := engine.Options{Step: s.Step, MaxMemory: s.MaxMemory}
	ordinary, err := engine.Choose(nil, r, o)
	if err != nil || ordinary.Has(engine.Hyperspeed) {
		return ordinary, "", err
	}
	hyper := hyperspeed(r, o)
	if hyper == nil {
		return ordinary, "", nil
	}
	switch {
	case format == "macrocell":
		return hyper, "a macrocell file", nil
	case s.Jump >= 2 && s.Jump&(s.Jump-1) == 0:
		return hyper, fmt.Sprintf("steps of 2^%d generations", bits.TrailingZeros64(s.Jump)), nil
	case max(w, h) > HugeSide:
		return hyper, fmt.Sprintf("a pattern %d x %d cells, too big for tiles", w, h), nil
	case far:
		return hyper, "a pattern more than 2^60 cells from the origin, beyond the tiles' reach", nil
	}
	return ordinary, "", nil
}

// toHyperspeed returns u moved onto a new engine of the fastest algorithm
// with [engine.Hyperspeed] that runs its rule with o, and the algorithm;
// false when there is none or it cannot be made.
func toHyperspeed(u Universe, o engine.Options) (Universe, *engine.Algo, bool) {
	hyper := hyperspeed(u.Eng.Rule(), o)
	if hyper == nil {
		return u, nil, false
	}
	e, err := hyper.New(u.Eng.Rule(), o)
	if err != nil {
		return u, nil, false
	}
	return u.MoveTo(e), hyper, true
}

// hyperspeed returns the fastest engine with [engine.Hyperspeed] that runs
// r with o, or nil.
func hyperspeed(r engine.Rule, o engine.Options) *engine.Algo {
	for _, a := range engine.Algos() {
		if a.Has(engine.Hyperspeed) && a.RunsWith(r, o) == nil {
			return a
		}
	}
	return nil
}

// ordinary returns the fastest engine without [engine.Hyperspeed] that
// runs r with o, or nil.
func ordinary(r engine.Rule, o engine.Options) *engine.Algo {
	for _, a := range engine.Algos() {
		if !a.Has(engine.Hyperspeed) && a.RunsWith(r, o) == nil {
			return a
		}
	}
	return nil
}

// Long reports whether a run of gens generations is astronomically long
// for a pattern of pop live cells whose bounding box is box: at least
// max([LongGens], [LongPerSide] x its width and height) generations, of a
// pattern that is not dense chaos (see [DenseCells]).
func Long(gens uint64, pop int64, box engine.Rect) bool {
	side := uint64(max(box.W, box.H))
	if gens < LongGens || side > 0 && gens/side < LongPerSide {
		return false
	}
	return !DenseChaos(pop, box)
}

// DenseChaos reports whether a pattern of pop live cells whose bounding
// box is box is dense chaos, where HashLife's memoisation does not pay: at
// least [DenseCells] live cells, and at least one in [DenseShare] of the
// box.
func DenseChaos(pop int64, box engine.Rect) bool {
	area := float64(box.W) * float64(box.H)
	return pop >= DenseCells && float64(pop)*DenseShare >= area
}

// settle moves a universe just loaded by auto onto an engine with
// [engine.Hyperspeed] when its run is long for it (see [Long]), or, for
// the UI (s.Watch), off the watched engine when it does not keep up (see
// [Settings.watch]), and returns why it did, or "".
func (s Settings) settle(u Universe) (Universe, string) {
	if !engine.IsAuto(s.Engine) {
		return u, ""
	}
	if far, why := s.offFar(u); why != "" {
		return far, why
	}
	if s.Watch {
		return s.watch(u)
	}
	if s.Gens == 0 || engine.AlgoOf(u.Eng).Has(engine.Hyperspeed) {
		return u, ""
	}
	box, ok := u.Eng.Bounds()
	pop := u.Eng.Population()
	if !ok || !pop.IsInt64() || !Long(s.Gens, pop.Int64(), box) {
		return u, ""
	}
	o := engine.Options{Step: s.Step, MaxMemory: s.MaxMemory}
	moved, _, ok := toHyperspeed(u, o)
	if !ok {
		return u, ""
	}
	return moved, fmt.Sprintf("%d generations of a %d x %d pattern", s.Gens, box.W, box.H)
}

// offFar moves u onto an engine with [engine.Hyperspeed] when its cells
// lie more than [FarCoord] from the origin on an ordinary engine (a
// positioned file's cells, whose place is known only once they are read),
// and says why; else it returns u and "".
func (s Settings) offFar(u Universe) (Universe, string) {
	if hasHyperspeed(u.Eng) || engine.RunsCustomStep(u.Eng) || u.Eng.Rule().Topology.Kind != engine.Plane {
		return u, ""
	}
	box, ok := u.Eng.Bounds()
	pop := u.Eng.Population()
	if !ok || !pop.IsInt64() || pop.Int64() > MaxMove {
		return u, ""
	}
	if !farSpan(box.Y, box.H) && !farSpan(box.X, box.W) {
		return u, ""
	}
	o := engine.Options{Step: s.Step, MaxMemory: s.MaxMemory}
	moved, _, ok := toHyperspeed(u, o)
	if !ok {
		return u, ""
	}
	return moved, "a pattern more than 2^60 cells from the origin, beyond the tiles' reach"
}

// ForJump returns u ready for a jump of n generations under auto (the UI's
// step, or its Tab): moved to an engine with [engine.Hyperspeed] when the
// jump is long for its pattern (see [Long]) and u is on an ordinary
// engine, with the reason; else u as it is and "". It copies at most
// [MaxMove] cells.
func ForJump(u Universe, n uint64, o engine.Options) (Universe, string) {
	if hasHyperspeed(u.Eng) || engine.RunsCustomStep(u.Eng) {
		return u, ""
	}
	box, ok := u.Eng.Bounds()
	pop := u.Eng.Population()
	if !ok || !pop.IsInt64() || pop.Int64() > MaxMove || !Long(n, pop.Int64(), box) {
		return u, ""
	}
	moved, hyper, ok := toHyperspeed(u, o)
	if !ok {
		return u, ""
	}
	return moved, fmt.Sprintf("%s for a jump of %s generations: switched to %s", u.Eng.Name(), Readable(new(big.Int).SetUint64(n)), hyper.Name)
}

// keepsUp reports whether e, on which a universe was just loaded, steps a
// generation fast enough for a run asking rate generations a second: it
// times one generation of a copy, which must take less than two thirds of
// the time a generation has (the UI's test of a frame that falls behind).
func keepsUp(e engine.Engine, rate float64) bool {
	c := e.Clone()
	t0 := time.Now()
	if err := c.Step(context.Background(), 1); err != nil {
		return false
	}
	return time.Since(t0).Seconds()*rate*3 < 2
}

// watch moves a universe just loaded on the watched engine (the UI's
// protocol engine) to the fastest that runs its rule when the watched one
// does not keep up at once with s.Rate generations a second (see
// [keepsUp]), and says why; else it returns u as it is and "".
func (s Settings) watch(u Universe) (Universe, string) {
	a := engine.AlgoOf(u.Eng)
	if s.Rate <= 0 || a == nil || !a.Has(engine.CustomStep) || engine.RunsCustomStep(u.Eng) || keepsUp(u.Eng, s.Rate) {
		return u, ""
	}
	o := engine.Options{MaxMemory: s.MaxMemory}
	fast, err := engine.Choose(nil, u.Eng.Rule(), o)
	if err != nil || fast == a {
		return u, ""
	}
	e, err := fast.New(u.Eng.Rule(), o)
	if err != nil {
		return u, ""
	}
	return u.MoveTo(e), fmt.Sprintf("%s would not keep up with %.3g gens/s: started on %s", a.Name, s.Rate, fast.Name)
}
