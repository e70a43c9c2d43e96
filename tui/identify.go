package tui

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/classify"
	"github.com/life-go/life/engine/universe"
)

// Identify (I) and tracking (t): the animator classifies a clone of the
// current universe as life identify does, and the result shows in a panel;
// a spaceship found so (or by the settle detector) can be followed, the view
// moving with it.

// identifyState is the controller's part for I and t.
type identifyState struct {
	queued, running bool
	// world, when set, is what the queued job classifies instead of the
	// universe: the selection's cells alone, in an engine of their own.
	world *world
	last  *classify.Result // the last result of I or of the settle detector
	// tracking moves the view with the spaceship last found: from centre
	// at generation gen, v cells a generation.
	tracking       bool
	gen            float64
	cy, cx, vy, vx float64
}

// identify classifies the selection's cells, when there is a selection,
// or else the whole pattern: it pauses the run and queues the job for the
// animator.
func (u *controller) identify() {
	if u.ident.running || u.ident.queued {
		return
	}
	u.ident.world = nil
	what := "identifying"
	if u.sel.on {
		w, err := u.selectionWorld()
		if err != nil {
			u.msg = "identify: " + err.Error()
			return
		}
		u.ident.world = &w
		r := u.sel.rect()
		what = fmt.Sprintf("identifying the selection (%d x %d)", r.W, r.H)
	}
	u.pause()
	u.ident.queued = true
	u.msg = what + " (Esc cancels)"
	u.kick()
}

// selectionWorld returns the current world with the selection's live
// cells alone, in a new engine of the same algorithm and rule, so that
// what lies outside the selection takes no part in what it becomes.
func (u *controller) selectionWorld() (world, error) {
	r := u.sel.rect()
	if n := u.selPop(); !n.IsInt64() || n.Int64() > maxVisit {
		return world{}, fmt.Errorf("%s live cells in the selection are too many to copy (at most %d)", readable(n), maxVisit)
	}
	e, err := u.newEngine(engine.AlgoOf(u.cur.Eng), u.cur.Eng.Rule())
	if err != nil {
		return world{}, err
	}
	universe.Paste(e, universe.Copy(u.cur.Eng, r), r.Y, r.X, universe.PasteOr)
	w := u.cur
	w.Eng = e
	return w, nil
}

// identifyJob runs on the animator: it classifies w's engine, which is the
// animator's clone, within the classifier's default budget.
func identifyJob(ctx context.Context, w world) (*classify.Result, error) {
	r, err := classify.Classify(ctx, w.Eng, classify.Options{})
	if errors.Is(err, classify.ErrBudget) {
		err = nil
	}
	return r, err
}

// identified shows the result of I in a panel; it runs on the event loop.
func (u *controller) identified(r result) {
	u.ident.running = false
	if r.err != nil {
		u.msg = "identify: " + r.err.Error()
		return
	}
	res := r.ident
	u.ident.last = res
	u.msg = res.String()
	var b strings.Builder
	b.WriteString(res.String() + "\n\n")
	for _, f := range res.Fields() {
		b.WriteString(f + "\n")
	}
	const most = 12
	for i, o := range res.Objects {
		if i == most {
			fmt.Fprintf(&b, "... and %d more objects\n", len(res.Objects)-most)
			break
		}
		if i == 0 {
			b.WriteString("\n")
		}
		code := o.Apgcode
		if o.Speed != "" {
			code += " " + o.Speed
		}
		fmt.Fprintf(&b, "%s at (%d,%d)\n", code, o.X, o.Y)
	}
	if res.Kind == classify.Spaceship {
		b.WriteString("\nt follows it")
	}
	u.showText("identify", "Identify", strings.TrimRight(b.String(), "\n"))
}

// toggleTracking starts or stops following the spaceship last found.
func (u *controller) toggleTracking() {
	if u.ident.tracking {
		u.ident.tracking = false
		u.msg = "tracking off"
		return
	}
	r := u.ident.last
	if r == nil || r.Kind != classify.Spaceship {
		u.msg = "t tracks a spaceship: none found yet (I identifies the pattern; a run stops when it settles)"
		return
	}
	g := u.cur.Gen()
	gen, _ := g.Float64()
	cy, cx := u.board.Centre()
	u.ident.tracking = true
	u.ident.gen, u.ident.cy, u.ident.cx = gen, float64(cy), float64(cx)
	u.ident.vy, u.ident.vx = float64(r.DY)/float64(r.Period), float64(r.DX)/float64(r.Period)
	u.msg = fmt.Sprintf("tracking the %s spaceship (t stops)", r.Speed)
}

// track moves the view with the spaceship being tracked, for the current
// generation; it runs on the event loop after each result.
func (u *controller) track() {
	if !u.ident.tracking {
		return
	}
	gen, _ := u.cur.Gen().Float64()
	d := gen - u.ident.gen
	u.board.SetCentre(int64(math.Round(u.ident.cy+u.ident.vy*d)), int64(math.Round(u.ident.cx+u.ident.vx*d)))
}
