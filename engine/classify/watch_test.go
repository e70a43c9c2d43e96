package classify

import (
	"context"
	"testing"

	"github.com/life-go/life/engine"
)

// TestWatcherCollision: two generations whose hashes are equal but whose
// cells differ are not taken for a repeat.
func TestWatcherCollision(t *testing.T) {
	var w Watcher
	a, b := rle(t, "2o$2o!"), rle(t, "3o!")
	if r := w.Add(0, Frame{cells: a, shape: 7}); r != nil {
		t.Fatalf("gen 0: %v", r)
	}
	if r := w.Add(1, Frame{cells: b, shape: 7}); r != nil {
		t.Errorf("a collision was taken for a repeat: %v", r)
	}
	if r := w.Add(2, Frame{cells: a, shape: 7}); r == nil || r.Period != 2 || r.Settled.Int64() != 0 {
		t.Errorf("a real repeat: %v", r)
	}
}

// TestWatcher feeds a glider's frames from generation 10: the watcher says
// it is a spaceship from generation 10, and a gap starts it afresh.
func TestWatcher(t *testing.T) {
	e := plane(t, engine.Life, rle(t, "bo$2bo$3o!"))
	var w Watcher
	var r *Result
	for g := int64(10); r == nil && g < 30; g++ {
		r = w.Add(g, FrameOf(e))
		e.Step(context.Background(), 1)
	}
	if r == nil || r.String() != "spaceship xq4_153, c/4 diagonal, moving (1,1) every 4, from gen 10" {
		t.Fatalf("got %v", r)
	}
	w.Add(100, FrameOf(e))
	if last, ok := w.Last(); !ok || last != 100 {
		t.Errorf("Last = %d, %v", last, ok)
	}
	if r := w.Add(102, FrameOf(e)); r != nil {
		t.Errorf("after a gap: %v", r)
	}
}
