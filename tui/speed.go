package tui

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"
)

// Speeds: + and - move along a ladder of speeds in small steps, as Golly's
// step exponent does. From 0 up, the run goes flat out, a step of base^exp
// generations a frame (base 2 on hashlife, 10 elsewhere); below 0 it runs
// a generation at a time at most at the rates of [rates], 1000 down to 1
// generation a second, in steps of 1, 2, 5, 10, ... A jump that takes
// longer than [longJob] shows "computing..." with a spinner on the status
// bar until it is done, and Esc cancels it; g goes to a generation.

// rates are the generations a second of the exponents -1, -2, ...
var rates = [...]int{1000, 500, 200, 100, 50, 20, 10, 5, 2, 1}

// longJob is how long a step may take before the status bar says it is
// computing, and spinEvery how often its spinner turns.
const (
	longJob   = 200 * time.Millisecond
	spinEvery = 100 * time.Millisecond
)

// spinner is the spinner's frames.
var spinner = []rune("|/-\\")

// step returns the generations a step of the run takes and the delay
// before it: base^exp flat out, or one generation at the exponent's rate.
func (u *controller) step() (uint64, time.Duration) {
	if u.exp < 0 {
		return 1, time.Second / time.Duration(rates[-u.exp-1])
	}
	b := uint64(u.base())
	n := uint64(1)
	for range u.exp {
		n *= b
	}
	return n, 0
}

// speedUp moves one speed up the ladder.
func (u *controller) speedUp() {
	u.exp = min(u.exp+1, maxExpFor(u.base()))
	u.newSpeed()
}

// slowDown moves one speed down the ladder.
func (u *controller) slowDown() {
	u.base() // the exponent in the current engine's base
	u.exp = max(u.exp-1, minExp)
	u.newSpeed()
}

// newSpeed makes a run take the new speed at once: a generation waiting
// its delay at the old rate is dropped, and the run goes on.
func (u *controller) newSpeed() {
	u.due = time.Time{}
	if u.running && u.busy && u.jobDelay > 0 {
		u.dropJob()
	}
}

// runDelay returns how long the run's next generation waits: the rest of
// its period at the exponent's rate, counted from when the last one was
// due, so that the rate holds however long each step takes.
func (u *controller) runDelay(period time.Duration) time.Duration {
	now := time.Now()
	if u.due.IsZero() || u.due.Before(now.Add(-period)) {
		u.due = now.Add(period) // a run starts, or fell behind: start afresh
	}
	d := max(u.due.Sub(now), 0)
	u.due = u.due.Add(period)
	return d
}

// speedText says what the status bar shows of the speed: "step 2^3", or
// "max 20 gen/s".
func (u *controller) speedText() string {
	if u.exp < 0 {
		return fmt.Sprintf("max %d gen/s", rates[-u.exp-1])
	}
	return fmt.Sprintf("step %d^%d", u.base(), u.exp)
}

// stepReq is a step asked for (n, Tab, g): n generations from the current
// world, or from the starting pattern.
type stepReq struct {
	n         uint64
	fromStart bool
}

// computing reports whether a step has been in flight for longer than
// longJob, so that the status bar says so.
func (u *controller) computing() bool {
	return u.busy && u.stepping && time.Since(u.sentAt) >= longJob
}

// cancelJump cancels the job in flight and the steps queued, and pauses.
func (u *controller) cancelJump() {
	u.pause()
	u.queue, u.pending = u.queue[:0], 0
	u.msg = "cancelled: still at gen " + readable(u.cur.Gen())
}

// clock turns the spinner: it wakes when a job is handed out, and while
// one is in flight asks the event loop every spinEvery, from longJob on,
// to redraw with the spinner turned. It returns when ctx is cancelled.
func (u *controller) clock(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-u.wake:
		}
		t := time.NewTimer(longJob)
		for more := true; more; {
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
			u.app.QueueUpdate(func() { more = u.tick() })
			t.Reset(spinEvery)
		}
	}
}

// poke wakes the clock to watch the job just handed out.
func (u *controller) poke() {
	select {
	case u.wake <- struct{}{}:
	default:
	}
}

// tick turns the spinner and redraws when a step or a task has been in
// flight for longer than longJob, and reports whether one is still in
// flight. It runs on the event loop.
func (u *controller) tick() bool {
	if u.quitting || !u.busy {
		return false
	}
	if u.computing() || u.task != nil && time.Since(u.taskAt) >= longJob {
		u.spin++
		u.app.ForceDraw()
	}
	return true
}

// taskText says what the status bar shows of a task that has taken longer
// than longJob: what it does, for how long, and how far it has got, with
// the spinner.
func (u *controller) taskText() string {
	t := u.task
	if t == nil || time.Since(u.taskAt) < longJob {
		return ""
	}
	s := fmt.Sprintf("%s %c %.1f s", t.what, spinner[u.spin%len(spinner)], time.Since(u.taskAt).Seconds())
	if u.taskTotal > 0 {
		s += fmt.Sprintf(", %d%%", u.taskDone*100/u.taskTotal)
	}
	return s + " (Esc cancels)"
}

// stateText says what the status bar shows of the run's state:
// "running", "paused", or "computing... (Esc cancels)" with the spinner.
func (u *controller) stateText() string {
	switch {
	case u.computing():
		return fmt.Sprintf("computing... %c (Esc cancels)", spinner[u.spin%len(spinner)])
	case u.running:
		return "running"
	}
	return "paused"
}

// askGoTo asks for a generation to go to.
func (u *controller) askGoTo() {
	cur := u.cur.Gen()
	u.prompt("goto", "Go to generation", "generation: ", cur.String(), func(s string) (string, bool) {
		target, from, err := u.goToPlan(s)
		if err != nil {
			return err.Error(), false
		}
		n := new(big.Int).Sub(target, from.Gen())
		if from.Eng != u.cur.Eng {
			return fmt.Sprintf("back to the start (gen %s), then %s generations", from.Gen(), n), true
		}
		return fmt.Sprintf("%s generations forward", n), true
	}, func(s string) error {
		target, from, err := u.goToPlan(s)
		if err != nil {
			return err
		}
		n := new(big.Int).Sub(target, from.Gen())
		if n.Sign() == 0 {
			u.msg = "at gen " + readable(target) + " already"
			return nil
		}
		if u.running {
			u.pause()
		}
		u.queue = append(u.queue, stepReq{n: n.Uint64(), fromStart: from.Eng != u.cur.Eng})
		u.pending++
		u.kick()
		return nil
	})
}

// goToPlan works out how to reach the generation text names: from the
// current world, forward, or from the starting pattern.
func (u *controller) goToPlan(text string) (target *big.Int, from world, err error) {
	target, ok := new(big.Int).SetString(strings.ReplaceAll(strings.TrimSpace(text), ",", ""), 10)
	if !ok || target.Sign() < 0 {
		return nil, from, errors.New("want a generation: a whole number from 0")
	}
	from = u.cur
	if target.Cmp(u.cur.Gen()) < 0 {
		from = u.start
		if target.Cmp(u.start.Gen()) < 0 {
			return nil, from, fmt.Errorf("gen %s is before the starting pattern's, %s", target, u.start.Gen())
		}
	}
	if n := new(big.Int).Sub(target, from.Gen()); !n.IsUint64() {
		return nil, from, fmt.Errorf("%s generations are more than a jump takes (at most %d)", n, uint64(1<<64-1))
	}
	return target, from, nil
}
