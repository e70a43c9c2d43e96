package tui

import (
	"context"
	"time"

	"github.com/life-go/life/engine/classify"
)

// frameTime is the shortest time between two frames while running flat
// out: results that come faster are handed over without a redraw, and the
// next frame shows them.
const frameTime = time.Second / 30

// job asks the animator to step a clone of a world n generations, after
// waiting delay. A job whose ctx is cancelled still comes back, with an
// error, so that the controller knows the animator is idle again.
type job struct {
	ctx     context.Context // cancelled when the controller drops the job
	world   world
	n       uint64
	delay   time.Duration
	version uint64 // the controller's version when the job was made
	detect  bool   // compute the fingerprint for the settle detector
	first   bool   // and the fingerprint of world too
	run     bool   // a frame of the run, at the speed the user chose
	// undo marks a step asked for (n, Tab, g): its result is one undo
	// step, recorded when it is adopted. fromStart says its world is
	// the starting pattern (g, backwards).
	undo, fromStart bool
	// identify asks for the world to be classified (I) instead of
	// stepped; the result comes back in result.ident.
	identify bool
	// rec, when set, records the n generations as a GIF and writes it
	// (see [recording.run]) instead of stepping them at once.
	rec *recording
	// task, when set, is slow work other than stepping (reading or writing
	// a file) to do instead; the job has no world.
	task *task
}

// task is slow work that the animator does off the event loop: opening a
// pattern file, saving one, drawing a picture. run does the work,
// watching ctx, and returns what to do with its outcome on the event
// loop. A task is not dropped when the world changes; it has a context of
// its own, which Esc cancels.
type task struct {
	what   string // what it does, for messages: "opening glider.rle"
	save   bool   // it writes a file the user asked for: quitting waits for it
	run    func(ctx context.Context) (done func())
	ctx    context.Context
	cancel context.CancelFunc
}

// result is a job done.
type result struct {
	job   job
	world world          // the stepped clone; nobody modifies it any more
	fp    classify.Frame // when job.detect
	fp0   classify.Frame // of the job's world, when job.first
	err   error
	drawn bool             // handed over with QueueUpdateDraw
	took  time.Duration    // the time Step took, by the animator's clock
	done  func()           // a task's outcome, to run on the event loop
	ident *classify.Result // when job.identify
}

// animator is the one goroutine that steps engines. It takes jobs from the
// event loop, which owns the jobs channel and closes it on quit, steps a
// clone of the job's world outside the event loop, and hands the result to
// deliver on the event loop through QueueUpdateDraw. It returns when ctx is
// cancelled or jobs is closed, and then never touches the app again.
type animator struct {
	app     app
	jobs    <-chan job
	deliver func(result) // runs on the event loop
	// progress, when set, is told on the event loop how many frames of a
	// recording are done, at most once a frame time.
	progress func(j job, frames uint64)
	// now, when set, is the clock that times Step; nil is time.Now.
	now      func() time.Time
	lastDraw time.Time
}

// run is the animator's loop.
func (a *animator) run(ctx context.Context) {
	for {
		var j job
		var ok bool
		select {
		case <-ctx.Done():
			return
		case j, ok = <-a.jobs:
			if !ok {
				return
			}
		}
		jctx := j.ctx
		if jctx == nil {
			jctx = ctx
		}
		if j.delay > 0 {
			t := time.NewTimer(j.delay)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-jctx.Done(): // dropped: step nothing, report back
			case <-t.C:
			}
			t.Stop()
		}
		if j.task != nil {
			done := j.task.run(jctx)
			if ctx.Err() != nil {
				return
			}
			a.lastDraw = time.Now()
			a.app.QueueUpdateDraw(func() { a.deliver(result{job: j, done: done, drawn: true}) })
			continue
		}
		var fp0 classify.Frame
		if j.first {
			fp0 = fingerprintOf(j.world.Eng)
		}
		w := j.world.Clone()
		var err error
		var took time.Duration
		var ident *classify.Result
		switch {
		case j.identify:
			ident, err = identifyJob(jctx, w)
		case j.rec != nil:
			err = j.rec.run(jctx, w, func(frames uint64) { a.report(j, frames) })
		default:
			t0 := a.clock()
			err = w.Eng.Step(jctx, j.n)
			took = a.clock().Sub(t0)
		}
		if ctx.Err() != nil {
			return
		}
		r := result{job: j, world: w, err: err, fp0: fp0, took: took, ident: ident}
		if j.detect {
			r.fp = fingerprintOf(w.Eng)
		}
		if now := time.Now(); now.Sub(a.lastDraw) >= frameTime {
			a.lastDraw, r.drawn = now, true
			a.app.QueueUpdateDraw(func() { a.deliver(r) })
		} else {
			a.app.QueueUpdate(func() { a.deliver(r) })
		}
	}
}

// clock returns the time by the clock that times Step.
func (a *animator) clock() time.Time {
	if a.now != nil {
		return a.now()
	}
	return time.Now()
}

// report hands the progress of the recording job j to the event loop,
// with a draw, when a frame time has passed since the last draw; the last
// frame is left to the result.
func (a *animator) report(j job, frames uint64) {
	if a.progress == nil || frames == j.n {
		return
	}
	if now := time.Now(); now.Sub(a.lastDraw) >= frameTime {
		a.lastDraw = now
		a.app.QueueUpdateDraw(func() { a.progress(j, frames) })
	}
}
