package tui

import (
	"fmt"
	"slices"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
)

// How long a run must fall behind before the UI leaves the protocol engine:
// lateFrames frames in a row, each clearly late, that took lateTime to step
// between them at least. The count rides out a pause of the machine's (a
// collection, another process); the time keeps a run of fast frames, each
// only just late, from deciding on a glimpse.
const (
	lateFrames = 3
	lateTime   = time.Second
)

// late reports whether a frame of a run, which waited delay and then took
// took to step its generations, fell clearly behind the speed asked of it:
// whether it achieved less than two thirds of the generations a second
// that the step asks for at the frame rate. Its budget is the frame time,
// or the delay between generations when that is longer.
func late(delay, took time.Duration) bool {
	budget := max(frameTime, delay)
	return 2*(delay+took) > 3*budget
}

// pacer watches the frames of a run and tells when the engine has fallen
// behind for good: [lateFrames] late frames in a row (see [late]) that
// took [lateTime] at least. It is pure logic; the controller feeds it.
type pacer struct {
	frames int           // late frames in a row
	took   time.Duration // the time they took to step
}

// add records a frame of the run that waited delay and took took to step,
// and reports whether the engine has fallen behind for good. An on-time
// frame starts the count again.
func (p *pacer) add(delay, took time.Duration) bool {
	if !late(delay, took) {
		p.reset()
		return false
	}
	p.frames++
	p.took += took
	return p.frames >= lateFrames && p.took >= lateTime
}

// reset forgets the late frames seen.
func (p *pacer) reset() { *p = pacer{} }

// speedText says what a job of the run on an engine of step base b asked
// for, for messages: "10^2 gens a frame" or "a generation every 500ms".
func speedText(j job, b int) string {
	if j.delay > 0 {
		return "a generation every " + j.delay.String()
	}
	k, n, base := 0, j.n, uint64(b)
	for n >= base && n%base == 0 {
		n /= base
		k++
	}
	if n != 1 {
		return fmt.Sprintf("%d gens a frame", j.n)
	}
	return fmt.Sprintf("%d^%d gens a frame", b, k)
}

// keepUp judges the run's frame r, just delivered, when the automatic
// switch is on, and moves the run to another engine when the one it is on
// has fallen behind for good: from the watched engine (the protocol
// engine) to the fastest that runs the topology, once; on the plane, to
// the other kind of engine auto has there ([universe.Alternative]: HashLife
// from the sparse engine, or back), unless the run left that one for
// falling behind at the same step or a larger one. An engine running step
// logic other than its rule's is never moved: another would run the rule.
// It runs on the event loop.
func (u *controller) keepUp(r result) {
	if !u.auto || !r.job.run || !u.running || engine.RunsCustomStep(r.world.Eng) {
		u.pace.reset()
		return
	}
	watched := u.isWatched(r.world.Eng)
	if watched && u.fast != nil {
		u.pace.reset()
		return
	}
	if !u.pace.add(r.job.delay, r.took) {
		return
	}
	u.pace.reset()
	from := engine.AlgoOf(u.cur.Eng)
	base := stepBase(u.cur.Eng)
	if watched {
		a, e, ok := u.faster(u.cur.Eng.Rule(), from)
		if !ok {
			return // nothing faster runs the topology: stay
		}
		u.cur, u.fast = u.cur.MoveTo(e), a
		u.settle.reset() // the detector starts again on the new engine's cells
		u.msg = fmt.Sprintf("%s could not keep up with %s: switched to %s", from.Name, speedText(r.job, base), a.Name)
		return
	}
	if _, bounded := universe.Bounds(u.cur.Eng); bounded || u.canSwitch() != nil {
		return
	}
	alt := universe.Alternative(u.cur.Eng, u.engineOptions())
	if alt == nil || !slices.Contains(u.engines(), alt) {
		return
	}
	if n, ok := u.left[alt]; ok && r.job.n >= n {
		return // it fell behind there already
	}
	e, ok := u.engineOf(alt, u.cur.Eng.Rule())
	if !ok {
		return
	}
	if u.left == nil {
		u.left = map[*engine.Algo]uint64{}
	}
	u.left[from] = r.job.n
	u.cur = u.cur.MoveTo(e)
	u.settle.reset()
	u.msg = fmt.Sprintf("%s could not keep up with %s: switched to %s", from.Name, speedText(r.job, base), alt.Name)
}

// forJump returns the current world ready for a job of n generations:
// under the automatic switch, moved first to an engine with hyperspeed
// (HashLife) when the jump is astronomically long for the pattern on an
// ordinary engine ([universe.ForJump]), the move made current and said in
// the status bar. It runs on the event loop.
func (u *controller) forJump(n uint64) world {
	if w, ok := u.hyper(u.cur, n); ok {
		u.cur = w
		u.settle.reset()
	}
	return u.cur
}

// hyper returns w moved to an engine with hyperspeed for a jump of n
// generations, as [controller.forJump] moves the current world, and
// reports whether it moved it, saying so in the status bar.
func (u *controller) hyper(w world, n uint64) (world, bool) {
	if !u.auto || u.canSwitch() != nil {
		return w, false
	}
	m, why := universe.ForJump(w, n, u.engineOptions())
	if why == "" || !slices.Contains(u.engines(), engine.AlgoOf(m.Eng)) {
		return w, false
	}
	u.msg = why
	return m, true
}

// why returns, under the automatic switch, why the loader started w on the
// engine it is on ([universe.Universe.Why]: "protocol would not keep up
// with 30 gens/s: started on bitwise"), for the status bar, or "".
func (u *controller) why(w world) string {
	if !u.auto {
		return ""
	}
	return w.Why
}

// joinMsg joins two messages for the status bar, either of which may be "".
func joinMsg(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "; " + b
}

// isWatched reports whether e is on the watched engine (see
// [controller.watched]) running its rule's own step logic: an engine the
// automatic switch may move away from.
func (u *controller) isWatched(e engine.Engine) bool {
	a := u.watched()
	return a != nil && e != nil && engine.AlgoOf(e) == a && !engine.RunsCustomStep(e)
}

// faster returns the engine the automatic switch moves to from the engine
// from for rule r, and an empty engine of it: the first of the UI's
// engines (fastest first), other than from, that runs r.
func (u *controller) faster(r engine.Rule, from *engine.Algo) (*engine.Algo, engine.Engine, bool) {
	for _, a := range u.engines() {
		if a == from {
			continue
		}
		if e, ok := u.engineOf(a, r); ok {
			return a, e, true
		}
	}
	return nil, nil, false
}

// onFast returns w on the engine the automatic switch moved to, when it
// has moved and w is still on the watched engine (a world from the undo
// or rewind history, or the starting one), converting it; else w.
func (u *controller) onFast(w world) world {
	if u.fast == nil || !u.isWatched(w.Eng) {
		return w
	}
	if e, ok := u.engineOf(u.fast, w.Eng.Rule()); ok {
		return w.MoveTo(e)
	}
	return w
}
