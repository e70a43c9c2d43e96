package universe

import (
	"context"
	"fmt"
	"math/big"
	"math/bits"
	"time"

	"github.com/life-go/life/engine"
)

// Runner advances a universe through a run of generations, as life run and
// life render do: in chunks, each a whole number of the engine's natural
// jumps (on an engine with [engine.Hyperspeed], the powers of two its own
// Step would take, so that watching a run costs it nothing), telling
// Progress after each. With Auto it is auto's mid-run switch: when the run
// on the current engine looks like lasting more than [TrialMin], it tries
// the other kind of engine for the plane (an engine with
// [engine.Hyperspeed] from an ordinary one, or back) on a copy, for a
// short while at growing intervals, and moves the run there when that
// engine's measured rate says it would finish in less than half the time.
// It does not try an engine with hyperspeed while the pattern is dense
// chaos ([DenseChaos]): HashLife would have to copy every cell and could
// not memoise them (on a chaotic MAP soup of a few million cells, a trial
// cost more than a second of CPU and tens of megabytes, and failed), so a
// soup stays on the ordinary engine until it has settled, as at load
// ([Long]).
// A Runner is used by one goroutine at a time.
type Runner struct {
	// Auto lets the runner switch engines mid-run (--engine auto).
	Auto bool
	// Unit, when not 0, is life run's --step: the run goes in steps of
	// Unit generations, each one jump of the engine (for a power of two
	// on an engine with hyperspeed, one StepPow2). The generations asked
	// of Run are a multiple of it.
	Unit uint64
	// Options are what an engine switched to is made with.
	Options engine.Options
	// Progress, when set, is called after each chunk.
	Progress func(Progress)
	// Switched, when set, is told each switch, in a sentence ("sparse
	// would take 3m20s more, hashlife 1.2s: switched to hashlife at
	// generation 1,024").
	Switched func(msg string)
	// Now is the clock; nil is time.Now.
	Now func() time.Time
	// ChunkTime is about how long a chunk of an engine without
	// hyperspeed takes; 0 is [ChunkTime].
	ChunkTime time.Duration
	// TrialAfter is how long a run goes before its first trial of the
	// other engine; 0 is [TrialAfter].
	TrialAfter time.Duration

	start, nextTrial time.Time
	recent           []sample
}

// The runner's timing.
const (
	// ChunkTime is about how long a chunk of a run on an engine without
	// hyperspeed takes.
	ChunkTime = 50 * time.Millisecond
	// TrialAfter is how long a run goes before auto first tries the other
	// engine; the trials after it come at doubling intervals. A trial
	// costs its time and the other engine's memory for a while: runs of
	// a second or two never pay for one.
	TrialAfter = time.Second
	// TrialMin: auto tries the other engine only when the run looks like
	// lasting at least this much longer.
	TrialMin = 2 * time.Second
	// TrialMemory bounds the cache of a trial on an engine with
	// [engine.MemoryLimit] (hashlife), below the run's own limit: a trial
	// that does not pay off costs its memory for nothing, and hashlife on
	// a chaotic pattern would fill tens of megabytes in the trial's
	// fraction of a second. A run that moves takes the engine on with
	// the run's own limit.
	TrialMemory = 4 << 20
	// MaxMove is the most live cells auto copies into an engine without
	// hyperspeed for a trial, one by one from the other's nodes.
	MaxMove = 1 << 24
	// MaxOrdinaryRate is about the most generations a second an engine
	// without hyperspeed steps, a glider alone (a generation costs it a
	// few hundred nanoseconds at least): a run going faster than half
	// this on hyperspeed is never tried on an ordinary engine.
	MaxOrdinaryRate = 4e6
)

// Progress is how far a run has got, after a chunk.
type Progress struct {
	// Done is the generations of the run done so far.
	Done uint64
	// Rate is the rate, in generations a second, of the chunks of about
	// the last half second; 0 after a switch of engine, until the new
	// engine has run a chunk.
	Rate float64
	// Elapsed is the time since the run began.
	Elapsed time.Duration
	// Left is what the rest of the run looks like taking: the
	// generations left at Rate, or on an engine with hyperspeed, whose
	// jumps cost about the same however long, as many jumps as are left
	// like the last; 0 when not known.
	Left time.Duration
}

// sample is a chunk done: when it ended and the generations it took.
type sample struct {
	at   time.Time
	gens uint64
}

func (r *Runner) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

// Run advances u n generations (a multiple of r.Unit when it is set). On
// cancellation it returns ctx's error, and u holds the last whole jump it
// reached. A switch replaces u.Eng (and u.Gen0): the caller reads the
// universe's generation with [Universe.Gen].
func (r *Runner) Run(ctx context.Context, u *Universe, n uint64) error {
	r.start = r.now()
	r.nextTrial = r.start.Add(r.trialAfter())
	r.recent = r.recent[:0]
	chunk := uint64(1) // generations (or units) a chunk, on an engine without hyperspeed
	for done := uint64(0); done < n; {
		left := n - done
		k, t0 := uint64(0), r.now()
		var err error
		hyper := hasHyperspeed(u.Eng)
		switch {
		case r.Unit != 0:
			units := max(min(left/r.Unit, chunk), 1)
			for i := uint64(0); i < units && err == nil; i++ {
				err = Jump(ctx, u.Eng, r.Unit)
				if err == nil {
					k += r.Unit
				}
			}
		case hyper:
			// The lowest power of two of what is left: Step takes them
			// in this order.
			k = left & -left
			err = Jump(ctx, u.Eng, k)
		default:
			k = min(left, chunk)
			err = stepChunk(ctx, u.Eng, k)
		}
		if err != nil {
			return err
		}
		done += k
		now := r.now()
		switch d := now.Sub(t0); {
		case d < r.chunkTime()/2 && chunk < 1<<40:
			chunk *= 2
		case d > 2*r.chunkTime() && chunk > 1:
			chunk /= 2
		}
		rate := r.rate(now, k)
		// What the rest looks like taking: at the rate of late, or on
		// hyperspeed, whose jumps cost about the same however long, as
		// many jumps as are left like the last.
		var stay time.Duration
		if rate > 0 {
			stay = time.Duration(min(float64(n-done)/rate, 1e9) * float64(time.Second))
		}
		if hyper && r.Unit == 0 {
			stay = time.Duration(bits.OnesCount64(n-done)) * now.Sub(t0)
		}
		if r.Progress != nil {
			r.Progress(Progress{Done: done, Rate: rate, Elapsed: now.Sub(r.start), Left: stay})
		}
		if r.Auto && done < n {
			moved, gens, err := r.consider(ctx, u, n-done, rate, stay, now)
			if err != nil {
				return err
			}
			if moved {
				done += gens
				r.recent = r.recent[:0]
				chunk = 1
				if r.Progress != nil && gens > 0 {
					r.Progress(Progress{Done: done, Elapsed: r.now().Sub(r.start)})
				}
			}
		}
	}
	return nil
}

// rate records a chunk of k generations that ended at now and returns the
// rate of the chunks of about the last half second.
func (r *Runner) rate(now time.Time, k uint64) float64 {
	r.recent = append(r.recent, sample{now, k})
	from := r.start
	if len(r.recent) > 1 {
		// Keep the chunks of the last half second, and one before them
		// for the time they started.
		i := 0
		for i < len(r.recent)-2 && now.Sub(r.recent[i+1].at) > 500*time.Millisecond {
			i++
		}
		r.recent = r.recent[i:]
		from = r.recent[0].at
	}
	var gens uint64
	for _, s := range r.recent[1:] {
		gens += s.gens
	}
	if len(r.recent) == 1 {
		gens = r.recent[0].gens
	}
	d := now.Sub(from).Seconds()
	if d <= 0 {
		return 0
	}
	return float64(gens) / d
}

func (r *Runner) chunkTime() time.Duration {
	if r.ChunkTime > 0 {
		return r.ChunkTime
	}
	return ChunkTime
}

func (r *Runner) trialAfter() time.Duration {
	if r.TrialAfter > 0 {
		return r.TrialAfter
	}
	return TrialAfter
}

// MaxMemoJump bounds the steps a chunk of a run is taken in on an engine
// that memoises steps of 2^k generations but has no [engine.Hyperspeed]
// (its step base is 2: Generations on the plane). Such an engine takes a
// step of n generations as the powers of two that make n up, each in one
// memoised jump; on a chaotic pattern a jump of 2^k caches the whole
// space-time of its 2^k generations, so large jumps fill the node cache
// and cost more than the same generations in small ones (Golly's
// Generations algorithm takes bgolly's -i 10000 in 625 steps of 16).
// A periodic pattern still runs fast: each step of MaxMemoJump is then
// found in the cache.
const MaxMemoJump = 1 << 8

// stepChunk advances e k generations: at most [MaxMemoJump] a step on an
// engine of step base 2 without hyperspeed, in one step on others.
func stepChunk(ctx context.Context, e engine.Engine, k uint64) error {
	if a := engine.AlgoOf(e); a == nil || a.StepBase != 2 {
		return e.Step(ctx, k)
	}
	for k > 0 {
		s := min(k, MaxMemoJump)
		if err := e.Step(ctx, s); err != nil {
			return err
		}
		k -= s
	}
	return nil
}

// hasHyperspeed reports whether e's engine has [engine.Hyperspeed] and
// its jumps.
func hasHyperspeed(e engine.Engine) bool {
	a := engine.AlgoOf(e)
	_, ok := e.(engine.Pow2Stepper)
	return ok && a != nil && a.Has(engine.Hyperspeed)
}

// Alternative returns the engine auto would move a universe on e to, for
// rule r with options o: on an engine with [engine.Hyperspeed], the
// fastest ordinary one that runs r; on an ordinary one, the fastest with
// hyperspeed. It is nil when there is none, or when the move would copy
// more cells than [MaxMove] one by one, or spread them wider than tiles
// hold ([HugeSide]).
func Alternative(e engine.Engine, o engine.Options) *engine.Algo {
	r := e.Rule()
	if !hasHyperspeed(e) {
		return hyperspeed(r, o)
	}
	a := ordinary(r, o)
	if a == nil {
		return nil
	}
	box, ok := e.Bounds()
	if ok && max(box.W, box.H) > HugeSide {
		return nil
	}
	if p := e.Population(); !p.IsInt64() || p.Int64() > MaxMove {
		return nil
	}
	return a
}

// consider is the mid-run switch, after a chunk that ended at now: when
// the run, left generations to go at rate, looks like lasting stay, more
// than TrialMin, and a trial is due, it tries the alternative engine on a
// copy for about an eighth of the run so far, and moves u to it when it
// would finish in less than half the time. It returns whether it moved
// and the generations the trial took (which the run has then done).
func (r *Runner) consider(ctx context.Context, u *Universe, left uint64, rate float64, stay time.Duration, now time.Time) (bool, uint64, error) {
	if now.Before(r.nextTrial) || rate <= 0 || stay < TrialMin {
		return false, 0, nil
	}
	if hasHyperspeed(u.Eng) && (rate > MaxOrdinaryRate/2 || 2*ordinaryAtLeast(u.Eng, left) > stay) {
		return false, 0, nil // no ordinary engine would go fast enough
	}
	elapsed := now.Sub(r.start)
	r.nextTrial = now.Add(elapsed) // the next trial when the run has doubled
	alt := r.trialAlgo(u.Eng)
	if alt == nil {
		return false, 0, nil
	}
	budget := max(elapsed/8, 20*time.Millisecond)
	trial, gens, took, err := r.try(ctx, *u, alt, left, budget)
	if err != nil || gens == 0 {
		return false, 0, err // a failed trial is no reason to stop
	}
	move := gens == left
	there := took // what the run would take on alt: the trial, when it finished it
	if !move {
		trialRate := float64(gens) / took.Seconds()
		there = time.Duration(float64(left-gens) / trialRate * float64(time.Second))
		move = 2*there < stay
	}
	if !move {
		return false, 0, nil
	}
	from := u.Eng.Name()
	if m, ok := trial.Eng.(interface{ SetMaxMemory(int64) }); ok {
		m.SetMaxMemory(r.Options.MaxMemory) // the run's own limit, no longer the trial's
	}
	*u = trial
	if r.Switched != nil {
		r.Switched(fmt.Sprintf("%s would take %s more, %s %s: switched to %s at generation %s",
			from, round(stay), alt.Name, round(there), alt.Name, Readable(u.Gen())))
	}
	return true, gens, nil
}

// trialAlgo returns the engine a trial from e would be on: the
// [Alternative], but none with hyperspeed from an ordinary engine while
// e's pattern is dense chaos ([DenseChaos]).
func (r *Runner) trialAlgo(e engine.Engine) *engine.Algo {
	if !hasHyperspeed(e) {
		box, ok := e.Bounds()
		if p := e.Population(); ok && p.IsInt64() && DenseChaos(p.Int64(), box) {
			return nil
		}
	}
	return Alternative(e, r.Options)
}

// ordinaryAtLeast returns about the least an engine without hyperspeed
// would take for left generations of e's pattern: a few hundred
// nanoseconds a generation, or a twentieth of a nanosecond a live cell,
// whichever is more (the sparse engine on chaos costs ten times that).
func ordinaryAtLeast(e engine.Engine, left uint64) time.Duration {
	perGen := 1 / MaxOrdinaryRate
	if p := e.Population(); p.IsInt64() {
		perGen = max(perGen, float64(p.Int64())*0.05e-9)
	} else {
		return time.Duration(1<<63 - 1)
	}
	return time.Duration(min(float64(left)*perGen, 1e18) * float64(time.Second))
}

// try copies u onto a new engine of a and runs it for about budget, at
// most left generations. It returns the universe on a, the generations
// run and the time they took. Only ctx's own cancellation is an error:
// a trial that fails otherwise ran no generations.
func (r *Runner) try(ctx context.Context, u Universe, a *engine.Algo, left uint64, budget time.Duration) (Universe, uint64, time.Duration, error) {
	opts := r.Options
	if a.Has(engine.MemoryLimit) && (opts.MaxMemory == 0 || opts.MaxMemory > TrialMemory) {
		opts.MaxMemory = TrialMemory
	}
	e, err := a.New(u.Eng.Rule(), opts)
	if err != nil {
		return u, 0, 0, nil
	}
	t := u.MoveTo(e)
	tctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	t0 := r.now()
	sub := Runner{Unit: r.Unit, Now: r.Now, ChunkTime: min(r.chunkTime(), budget/4)}
	err = sub.Run(tctx, &t, left)
	took := r.now().Sub(t0)
	if ctx.Err() != nil {
		return u, 0, 0, ctx.Err()
	}
	if err != nil && tctx.Err() == nil {
		return u, 0, 0, nil // the engine failed (out of memory, past its edge)
	}
	// A step cut short may have gone on past the last chunk: count what
	// the engine holds.
	gens := new(big.Int).Sub(t.Gen(), u.Gen()).Uint64()
	if r.Unit != 0 && gens%r.Unit != 0 {
		return u, 0, 0, nil // between two steps of the run: of no use
	}
	return t, gens, took, nil
}

// round rounds d for a message: to the millisecond below a second, to
// the tenth of a second below a minute, else to the second.
func round(d time.Duration) time.Duration {
	switch {
	case d < time.Second:
		return d.Round(time.Millisecond)
	case d < time.Minute:
		return d.Round(100 * time.Millisecond)
	}
	return d.Round(time.Second)
}

// Stopped returns the error err of a run of the pattern name, saying
// where the run stopped when it was cancelled (ctx is done): "NAME:
// stopped at generation GEN: ...", else "NAME: ...".
func Stopped(ctx context.Context, name string, gen *big.Int, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%s: stopped at generation %s: %w", name, gen, err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// Readable writes a number as the status bar and messages do: in full
// with commas up to 15 digits (1,024), else with four significant digits
// (1.302e21).
func Readable(n *big.Int) string {
	s := n.String()
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	if len(s) > 15 {
		f, _ := new(big.Float).SetInt(n).Float64()
		return fmt.Sprintf("%.4g", f)
	}
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
