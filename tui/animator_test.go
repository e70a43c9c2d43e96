package tui

import (
	"context"
	"math/big"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/life-go/life/engine"
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
		w := world{eng: e, gen0: big.NewInt(100)}
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
		if r.err != nil || r.world.gen().Int64() != 132 || w.gen().Int64() != 100 {
			t.Fatalf("result gen %v (err %v), job's world gen %v; want 132 and 100", r.world.gen(), r.err, w.gen())
		}
		if r.fp.shape != r.fp0.shape || r.fp.y != r.fp0.y || r.fp.x != r.fp0.x {
			t.Errorf("after 32 generations on an 8 x 8 torus the glider is not home: %+v, was %+v", r.fp, r.fp0)
		}

		start := time.Now()
		jobs <- job{world: r.world, n: 1, delay: 2 * time.Second}
		r = <-results
		if waited := time.Since(start); waited != 2*time.Second || r.world.gen().Int64() != 133 {
			t.Errorf("a job delayed 2s: waited %v, gen %v", waited, r.world.gen())
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
