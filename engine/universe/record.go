package universe

import (
	"cmp"
	"context"
	"math"
	"slices"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/render"
	"github.com/life-go/life/patterns"
)

// Recording says which generations of a run become the frames of an
// animated GIF, which cells they show and how. [Record] runs it; life
// render's GIFs and the UI's G are both recordings.
type Recording struct {
	// Start is the generations stepped before the first frame, Every
	// those between frames (at least 1), and Frames the number of frames
	// (at least 1).
	Start, Every, Frames uint64
	// View is the viewport, in the engine's coordinates. When it is
	// empty (no width or height) the viewport fits the live cells: those
	// of every frame, or with Follow those of the first, and then moves
	// with the centre of the live cells.
	View   engine.Rect
	Follow bool
	// Scale returns the scale a viewport is drawn at, or an error when
	// the recording would be too large; it is called once, when the
	// viewport is known.
	Scale func(view engine.Rect) (render.Scale, error)
	// Check, when set, is called with the fitted viewport of the frames
	// so far as each frame is stepped, to refuse a recording too large as
	// soon as it is known to be, before the rest of the run.
	Check func(view engine.Rect) error
	// Theme is the colours; Delay how long each frame shows (0:
	// [render.DefaultDelay]).
	Theme render.Theme
	Delay time.Duration
	// Step advances an engine n generations; nil is the engine's own
	// Step. life render passes one that shows the run's progress.
	Step func(ctx context.Context, e engine.Engine, n uint64) error
	// Replay, when set, is told that the run is stepped again from its
	// start, n generations more (see Budget).
	Replay func(n uint64)
	// Progress, when set, is called after each frame with the number of
	// frames recorded so far.
	Progress func(frames uint64)
	// Budget bounds, in runs of live cells (24 bytes each), the memory
	// that keeps the frames while the viewport that fits them all is not
	// yet known; 0 means [FrameBudget]. Frames past it are not kept: the
	// run is replayed from a copy of its start to draw them.
	Budget int64
}

// FrameBudget is the default [Recording.Budget]: 64 MiB of runs.
const FrameBudget = 64 << 20 / 24

// Record steps eng through the recording's generations and returns the
// animation, for the caller to encode. eng is left at the generation of
// the last frame (of the replay, when there was one). On cancellation it
// returns the context's error within a generation of the engine's.
func Record(ctx context.Context, eng engine.Engine, rec Recording) (*render.GIF, error) {
	step := rec.Step
	if step == nil {
		step = func(ctx context.Context, e engine.Engine, n uint64) error {
			if n == 0 {
				return nil
			}
			return e.Step(ctx, n)
		}
	}
	// next steps src on to the generation of frame i.
	next := func(src engine.Engine, i uint64) error {
		n := rec.Every
		if i == 0 {
			n = rec.Start
		}
		return step(ctx, src, n)
	}
	progress := func(i uint64) {
		if rec.Progress != nil {
			rec.Progress(i + 1)
		}
	}
	view := rec.View
	fitting := view.W <= 0 || view.H <= 0
	if fitting && !rec.Follow {
		// Keep the frames while the run finds the viewport that fits
		// them all; draw them once it is known.
		replay := eng.Clone()
		budget := rec.Budget
		if budget == 0 {
			budget = FrameBudget
		}
		var kept []frame
		keep := true
		var box engine.Rect
		var ok bool
		for i := range rec.Frames {
			if err := next(eng, i); err != nil {
				return nil, err
			}
			b, bok := eng.Bounds()
			box, ok = union(box, ok, b, bok)
			if rec.Check != nil {
				if err := rec.Check(Fit(eng, box, ok)); err != nil {
					return nil, err
				}
			}
			if keep {
				var f frame
				if f, keep = keepFrame(eng, &budget); keep {
					kept = append(kept, f)
				} else if kept = nil; rec.Replay != nil {
					rec.Replay(rec.Start + (rec.Frames-1)*rec.Every)
				}
			}
			if keep {
				progress(i)
			}
		}
		view = Fit(eng, box, ok)
		if keep {
			g, err := newGIF(view, rec)
			if err != nil {
				return nil, err
			}
			for _, f := range kept {
				if err := g.Add(f); err != nil {
					return nil, err
				}
			}
			return g, nil
		}
		eng = replay
	}
	var (
		g      *render.GIF
		dy, dx int64 // with Follow, the viewport's place from the cells' centre
	)
	for i := range rec.Frames {
		if err := next(eng, i); err != nil {
			return nil, err
		}
		b, ok := eng.Bounds()
		if i == 0 {
			if rec.Follow {
				if fitting {
					view = Fit(eng, b, ok)
				}
				dy, dx = view.Y-(b.Y+b.H/2), view.X-(b.X+b.W/2)
				if !ok {
					dy, dx = -view.H/2, -view.W/2 // centre the cells when they come
				}
			}
			var err error
			if g, err = newGIF(view, rec); err != nil {
				return nil, err
			}
		} else if ok && rec.Follow {
			g.MoveTo(b.Y+b.H/2+dy, b.X+b.W/2+dx)
		}
		if err := g.Add(eng); err != nil {
			return nil, err
		}
		progress(i)
	}
	return g, nil
}

// newGIF starts a recording of the viewport view at the recording's
// scale for it.
func newGIF(view engine.Rect, rec Recording) (*render.GIF, error) {
	s, err := rec.Scale(view)
	if err != nil {
		return nil, err
	}
	g, err := render.NewGIF(view, s, rec.Theme)
	if err != nil {
		return nil, err
	}
	if rec.Delay > 0 {
		g.SetDelay(rec.Delay)
	}
	return g, nil
}

// Fit returns the viewport, in e's coordinates, that shows the live cells
// in box with a margin of a 32nd of its larger side (at least a cell),
// within the edges of a bounded grid; or, when there are none (ok false),
// a cell at the middle of the universe.
func Fit(e engine.Engine, box engine.Rect, ok bool) engine.Rect {
	t := e.Rule().Topology
	if !ok {
		box = engine.Rect{X: int64(t.W / 2), Y: int64(t.H / 2), W: 1, H: 1}
	}
	m := max(1, max(box.W, box.H)/32)
	m = min(m, (math.MaxInt64-max(box.W, box.H))/2) // a box as wide as the reach, 2^63-1, has none
	r := engine.Rect{X: box.X - m, Y: box.Y - m, W: box.W + 2*m, H: box.H + 2*m}
	if g, bounded := Bounds(e); bounded {
		// No margin beyond the edges of a bounded grid.
		x0, y0 := max(r.X, g.X), max(r.Y, g.Y)
		x1, y1 := min(r.X+r.W, g.X+g.W), min(r.Y+r.H, g.Y+g.H)
		if x1 > x0 && y1 > y0 {
			r = engine.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
		}
	}
	return r
}

// union returns the smallest rectangle holding a and b, either of which may
// be missing (ok false).
func union(a engine.Rect, aok bool, b engine.Rect, bok bool) (engine.Rect, bool) {
	switch {
	case !aok:
		return b, bok
	case !bok:
		return a, aok
	}
	x0, y0 := min(a.X, b.X), min(a.Y, b.Y)
	x1, y1 := max(a.X+a.W, b.X+b.W), max(a.Y+a.H, b.Y+b.H)
	return engine.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}, true
}

// frame is one generation's live cells, kept to draw later, as runs sorted
// by row and column. It is a [render.Cells].
type frame []patterns.Run

// Visit calls fn for every live cell of the frame inside r, row by row.
func (f frame) Visit(r engine.Rect, fn func(y, x int64)) {
	i, _ := slices.BinarySearchFunc(f, r.Y, func(run patterns.Run, y int64) int { return cmp.Compare(run.Y, y) })
	for _, run := range f[i:] {
		if run.Y >= r.Y+r.H {
			return
		}
		for x := max(run.X, r.X); x < min(run.X+run.N, r.X+r.W); x++ {
			fn(run.Y, x)
		}
	}
}

// keepFrame returns the live cells of eng as a frame and takes their size
// from budget, a number of runs; it returns false, and takes nothing, when
// they might not fit in it.
func keepFrame(eng engine.Engine, budget *int64) (frame, bool) {
	if pop := eng.Population(); !pop.IsInt64() || pop.Int64() > *budget {
		return nil, false
	}
	b, ok := eng.Bounds()
	if !ok {
		return nil, true
	}
	var runs patterns.Builder
	eng.Visit(b, func(y, x int64) { runs.Add(y, x, 1) })
	f := frame(runs.Runs())
	*budget -= int64(len(f))
	return f, true
}
