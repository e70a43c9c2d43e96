package tui

import (
	"bytes"
	"context"
	"image/gif"
	"io"
	"math/big"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/render"
	"github.com/rivo/tview"
)

// fakeApp is an app whose updates run at once on the caller's goroutine,
// recorded in order.
type fakeApp struct {
	mu    sync.Mutex
	calls []string
}

var _ app = (*fakeApp)(nil)

func (f *fakeApp) record(s string) {
	f.mu.Lock()
	f.calls = append(f.calls, s)
	f.mu.Unlock()
}

func (f *fakeApp) QueueUpdate(fn func()) *tview.Application {
	f.record("update")
	fn()
	return nil
}

func (f *fakeApp) QueueUpdateDraw(fn func()) *tview.Application {
	f.record("update+draw")
	fn()
	return nil
}

func (f *fakeApp) ForceDraw() *tview.Application               { f.record("draw"); return nil }
func (f *fakeApp) SetFocus(tview.Primitive) *tview.Application { return nil }
func (f *fakeApp) Stop()                                       { f.record("stop") }

// TestAnimator steps a glider on an 8 x 8 torus through the animator and a
// fake app: after 32 generations it is home, the job's own world is
// untouched, and a delayed job waits its delay on synctest's fake clock.
// Cancelling ends the animator, and closing the jobs channel does too.
func TestAnimator(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		glider := rle(t, "x = 3, y = 3\nbo$2bo$3o!\n")
		e := place(t, glider, engine.Rule{Birth: engine.Life.Birth, Survive: engine.Life.Survive, Topology: engine.TorusOf(8, 8)}, 1, 1, 0)
		w := world{Eng: e, Gen0: big.NewInt(100)}
		jobs := make(chan job)
		results := make(chan result, 1)
		fa := &fakeApp{}
		a := &animator{app: fa, jobs: jobs, deliver: func(r result) { results <- r }}
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan struct{})
		go func() {
			defer close(done)
			a.run(ctx)
		}()

		jobs <- job{world: w, n: 32, detect: true, first: true}
		r := <-results
		if r.err != nil || r.world.Gen().Int64() != 132 || w.Gen().Int64() != 100 {
			t.Fatalf("result gen %v (err %v), job's world gen %v; want 132 and 100", r.world.Gen(), r.err, w.Gen())
		}
		if !r.fp.Same(r.fp0) {
			t.Errorf("after 32 generations on an 8 x 8 torus the glider is not home: %+v, was %+v", r.fp, r.fp0)
		}

		start := time.Now()
		jobs <- job{world: r.world, n: 1, delay: 2 * time.Second}
		r = <-results
		if waited := time.Since(start); waited != 2*time.Second || r.world.Gen().Int64() != 133 {
			t.Errorf("a job delayed 2s: waited %v, gen %v", waited, r.world.Gen())
		}

		// A job cancelled in its delay is dropped; the animator returns.
		jobs <- job{world: r.world, n: 1, delay: time.Hour}
		synctest.Wait()
		cancel()
		<-done
		if len(results) != 0 {
			t.Errorf("a cancelled job delivered a result")
		}

		// Closing the jobs channel ends a fresh animator too.
		jobs2 := make(chan job)
		done2 := make(chan struct{})
		go func() {
			defer close(done2)
			(&animator{app: fa, jobs: jobs2, deliver: func(result) {}}).run(t.Context())
		}()
		close(jobs2)
		<-done2
	})
}

// TestAnimatorRecords runs a recording job on the animator and a fake app:
// the progress of the first frame is reported (the fake clock stands still,
// so no later one is), the result is the world stepped n generations, and
// the GIF written has n frames. A recording whose job is cancelled writes
// nothing.
func TestAnimatorRecords(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		glider := rle(t, "x = 3, y = 3\nbo$2bo$3o!\n")
		e := place(t, glider, engine.Rule{Birth: engine.Life.Birth, Survive: engine.Life.Survive, Topology: engine.TorusOf(8, 8)}, 1, 1, 0)
		w := world{Eng: e, Gen0: big.NewInt(10)}
		var file bytes.Buffer
		writes := 0
		write := func(path string, f func(io.Writer) error) error {
			writes++
			file.Reset()
			return f(&file)
		}
		rec := &recording{view: view{world: w, rect: engine.Rect{W: 8, H: 8}, scale: render.PixelsPerCell(1)}, n: 4, theme: render.Light, path: "x.gif", write: write}
		jobs := make(chan job)
		results := make(chan result, 1)
		var progress []uint64
		a := &animator{app: &fakeApp{}, jobs: jobs, deliver: func(r result) { results <- r },
			progress: func(j job, frames uint64) { progress = append(progress, frames) }}
		done := make(chan struct{})
		go func() {
			defer close(done)
			a.run(t.Context())
		}()
		jobs <- job{world: w, n: 4, rec: rec}
		r := <-results
		if r.err != nil || r.world.Gen().Int64() != 14 || writes != 1 || rec.size != int64(file.Len()) {
			t.Fatalf("result gen %v, err %v, %d writes of %d bytes (size %d); want gen 14, one write", r.world.Gen(), r.err, writes, file.Len(), rec.size)
		}
		if len(progress) != 1 || progress[0] != 1 {
			t.Errorf("progress %v, want [1]", progress)
		}
		g, err := gif.DecodeAll(&file)
		if err != nil || len(g.Image) != 4 {
			t.Fatalf("the GIF: %v, %d frames; want 4", err, len(g.Image))
		}
		if want := "recorded gens 11 to 14, 4 frames of 8 x 8 pixels (" + strconv.Itoa(int(rec.size)) + " bytes), to x.gif"; rec.recorded() != want {
			t.Errorf("message %q, want %q", rec.recorded(), want)
		}

		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		jobs <- job{ctx: ctx, world: w, n: 4, rec: rec}
		if r = <-results; r.err == nil || writes != 1 {
			t.Errorf("a cancelled recording: err %v, %d writes; want an error and no write", r.err, writes)
		}
		close(jobs)
		<-done
	})
}
