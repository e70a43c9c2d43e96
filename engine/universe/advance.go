package universe

import (
	"context"
	"math"
	"time"

	"github.com/life-go/life/engine"
)

// ChunkTime is about how long one call of Step takes while an [Advancer]
// reports progress, so that a display of it moves smoothly.
const ChunkTime = 50 * time.Millisecond

// Advancer steps an engine through a run, possibly in several calls of
// [Advancer.Step]. With Report set it steps in chunks sized to take about
// [ChunkTime] each (doubling while they are quick, halving while they are
// slow) and reports after each; without, in one call. With Unit set the
// run goes in steps of Unit generations, each one [Jump] of the engine
// (life run's --step).
type Advancer struct {
	// Unit is the generations of a step, or 0 for none.
	Unit uint64
	// Report, when set, is called after each chunk with the time, by
	// Clock, at its end.
	Report func(now time.Time)
	// Clock tells the time that sizes the chunks; nil is time.Now.
	Clock func() time.Time
	done  uint64
	chunk uint64 // generations a call, or steps of Unit when Unit is set
}

// Done returns the generations stepped so far.
func (a *Advancer) Done() uint64 { return a.done }

func (a *Advancer) now() time.Time {
	if a.Clock != nil {
		return a.Clock()
	}
	return time.Now()
}

// Step advances eng n generations, a part of the run; for none it does
// nothing. On cancellation it returns ctx's error and eng holds the last
// whole generation (or step) it reached.
func (a *Advancer) Step(ctx context.Context, eng engine.Engine, n uint64) error {
	if n == 0 {
		return nil
	}
	if a.Report == nil && a.Unit == 0 {
		a.done += n
		return eng.Step(ctx, n)
	}
	if a.Report == nil {
		return a.steps(ctx, eng, n)
	}
	if a.chunk == 0 {
		a.chunk = 1
	}
	for n > 0 {
		var k uint64
		t0 := a.now()
		if a.Unit == 0 {
			k = min(n, a.chunk)
			if err := eng.Step(ctx, k); err != nil {
				return err
			}
			a.done += k
		} else {
			k = min(n, a.chunk*a.Unit) // chunk*Unit fits: chunk doubles only while it does
			k -= k % a.Unit
			if k == 0 {
				k = n
			}
			if err := a.steps(ctx, eng, k); err != nil {
				return err
			}
		}
		now := a.now()
		n -= k
		switch d := now.Sub(t0); {
		case d < ChunkTime/2 && a.chunk < math.MaxUint64/2/max(a.Unit, 1):
			a.chunk *= 2
		case d > 2*ChunkTime && a.chunk > 1:
			a.chunk /= 2
		}
		a.Report(now)
	}
	return nil
}

// steps advances eng n generations in steps of a.Unit, each one Jump; a
// remainder less than a step, which life run never leaves, is a last step
// of its own.
func (a *Advancer) steps(ctx context.Context, eng engine.Engine, n uint64) error {
	for n > 0 {
		k := min(n, a.Unit)
		if err := Jump(ctx, eng, k); err != nil {
			return err
		}
		n -= k
		a.done += k
	}
	return nil
}
