package universe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/render"
)

// The largest scale that [Picture]'s automatic scale picks: at most
// AutoZoom pixels a cell, and a picture within AutoSide pixels a side.
const (
	AutoSide = 1024
	AutoZoom = 8
)

// DefaultFrames is the number of frames a GIF has when neither its frames
// nor its last generation is given (see [GIFFrames]).
const DefaultFrames = 100

// Picture says what a run is drawn as (life render): a PNG or an SVG of
// its last generation, or an animated GIF of frames along it, at a scale,
// in colours, showing a rectangle of cells or fitted to the live ones.
// [Picture.Draw] runs a universe to it.
type Picture struct {
	// Format is "png", "gif" or "svg" (see [PictureFormat]).
	Format string
	// Gens is the generations run: the last one is drawn, or a GIF's
	// last frame.
	Gens uint64
	// Scale is the pixels a cell, or nil for the largest up to
	// [AutoZoom] that draws the rectangle within [AutoSide] pixels a
	// side and within the renderer's limits ([render.FitScale]).
	Scale *render.Scale
	Theme render.Theme
	// Rect is the cells shown, in Golly's coordinates, or nil to fit the
	// live cells: those of the last generation, or of every frame of a
	// GIF (with Follow, those of the first, and the rectangle then moves
	// with their centre).
	Rect *engine.Rect
	// Every and Frames are a GIF's: a frame every Every generations, the
	// last at generation Gens (see [GIFFrames]).
	Every, Frames uint64
	Follow        bool
	// Delay is how long each frame of a GIF shows.
	Delay time.Duration
	// Budget is the recording's [Recording.Budget].
	Budget int64
}

// PictureSettings are life render's choices as its command line gives
// them, which [PictureSettings.Picture] checks and resolves into a
// [Picture], as [Settings] are for the universe. Its errors name the
// flags.
type PictureSettings struct {
	// Out is the file written (-o), whose extension says the format.
	Out string
	// Scale is --scale: "auto", or pixels a cell or a fraction of one
	// ([render.ParseScale]).
	Scale string
	// Rect is --rect, X,Y,W,H in Golly's coordinates ([render.ParseRect]),
	// or "" to fit the live cells.
	Rect string
	// Theme names the colours ([render.ThemeNamed]).
	Theme string
	// Gens, Every and Frames are a run's generations and, for a GIF, a
	// frame every Every generations, Frames of them (see [GIFFrames]).
	Gens, Every, Frames uint64
	Follow              bool
	Delay               time.Duration
	// Given says which flags the command line gave, by name ("gens",
	// "frames", ...): those that only a GIF takes are refused for another
	// format, and of --gens and --frames the one not given is worked out
	// from the other.
	Given map[string]bool
}

// Picture checks ps and returns the picture it asks for, with its Gens
// worked out (for a GIF, from its frames); the universe is loaded for as
// many generations.
func (ps PictureSettings) Picture() (Picture, error) {
	if ps.Out == "" {
		return Picture{}, errors.New("want -o FILE, a file name ending in .png, .gif or .svg")
	}
	format, err := PictureFormat(ps.Out)
	if err != nil {
		return Picture{}, fmt.Errorf("-o %w", err)
	}
	p := Picture{Format: format, Gens: ps.Gens, Follow: ps.Follow, Delay: ps.Delay}
	if ps.Scale != "auto" {
		s, err := render.ParseScale(ps.Scale)
		if err != nil {
			return Picture{}, fmt.Errorf("--scale: %w", err)
		}
		p.Scale = &s
	}
	t, ok := render.ThemeNamed(ps.Theme)
	if !ok {
		return Picture{}, fmt.Errorf("--theme: unknown theme %q, want one of %s", ps.Theme, render.ThemeNames())
	}
	p.Theme = t
	if ps.Rect != "" {
		r, err := render.ParseRect(ps.Rect)
		if err != nil {
			return Picture{}, fmt.Errorf("--rect: %w", err)
		}
		p.Rect = &r
	}
	if format != "gif" {
		for _, name := range []string{"every", "frames", "follow", "delay"} {
			if ps.Given[name] {
				return Picture{}, fmt.Errorf("--%s is for a GIF, and -o %s is not one", name, ps.Out)
			}
		}
		return p, nil
	}
	if ps.Every < 1 {
		return Picture{}, errors.New("--every: want a whole number of generations from 1")
	}
	if ps.Delay < 0 || ps.Delay > render.MaxDelay {
		return Picture{}, fmt.Errorf("--delay %v: want from 0 to %v, the longest a GIF frame may show", ps.Delay, render.MaxDelay)
	}
	var gens, frames *uint64
	if ps.Given["gens"] {
		gens = &ps.Gens
	}
	if ps.Given["frames"] {
		frames = &ps.Frames
	}
	p.Every = ps.Every
	p.Gens, p.Frames, err = GIFFrames(gens, ps.Every, frames)
	return p, err
}

// PictureFormat returns the format a picture file's name says: "png",
// "gif" or "svg", from its extension in any case.
func PictureFormat(path string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".png", ".gif", ".svg":
		return ext[1:], nil
	}
	return "", fmt.Errorf("%s: want a file name ending in .png, .gif or .svg", path)
}

// GIFFrames works out when a GIF's frames are taken, a frame every every
// generations (at least 1), from what life render's flags give: with
// frames frames (nil when --frames is not given) and the last at
// generation gens (nil when --gens is not given). With neither, the GIF
// has [DefaultFrames] frames; with one, the other follows from it. It
// refuses more frames than [render.MaxFrames], and frames that --gens
// does not leave room for; its errors name the flags.
func GIFFrames(gens *uint64, every uint64, frames *uint64) (lastGen, count uint64, err error) {
	if every < 1 {
		return 0, 0, errors.New("--every: want a whole number of generations from 1")
	}
	tooMany := func(frames string) error {
		return fmt.Errorf("%s frames are more than the %d a GIF may have; give fewer --frames or more --every", frames, render.MaxFrames)
	}
	if frames != nil {
		f := *frames
		if f < 1 {
			return 0, 0, errors.New("--frames: want a whole number of frames from 1")
		}
		if f > render.MaxFrames {
			return 0, 0, tooMany(strconv.FormatUint(f, 10))
		}
		if f-1 > math.MaxUint64/every {
			return 0, 0, fmt.Errorf("--frames %d, one every %d generations, are more generations than can be counted", f, every)
		}
	}
	switch {
	case frames == nil && gens == nil:
		return (DefaultFrames - 1) * every, DefaultFrames, nil
	case frames == nil:
		if *gens/every >= render.MaxFrames {
			return 0, 0, tooMany(new(big.Int).Add(new(big.Int).SetUint64(*gens/every), big.NewInt(1)).String())
		}
		return *gens, *gens/every + 1, nil
	case gens == nil:
		return (*frames - 1) * every, *frames, nil
	case (*frames-1)*every > *gens:
		return 0, 0, fmt.Errorf("--frames %d, one every %d generations, need --gens %d or more, not %d", *frames, every, (*frames-1)*every, *gens)
	}
	return *gens, *frames, nil
}

// Stepper steps a picture's run: the whole run of a PNG or an SVG, which
// may switch engines, with Step; a GIF's recording, whose engine stays,
// with StepEngine, told of a replay with Grow. A progress.Stepper is
// one.
type Stepper interface {
	Step(ctx context.Context, u *Universe, n uint64) error
	StepEngine(ctx context.Context, e engine.Engine, n uint64) error
	Grow(n uint64)
}

// Draw runs u p.Gens generations with st and returns what encodes the
// picture, for the caller to write. A picture known to be too large for
// the renderer is refused as soon as it is known: before the run when
// p.Rect gives its size, during a GIF's run when p.Scale does, and always
// before anything is drawn; the refusal is a [UsageError] that says what
// to do about it. An error of the run names the pattern, name, and on
// cancellation the generation it stopped at. u is left at the last
// generation run (a switch of engine replaces u.Eng).
func (p Picture) Draw(ctx context.Context, u *Universe, name string, st Stepper) (encode func(w io.Writer) error, err error) {
	var view engine.Rect
	if p.Rect != nil {
		// Rect is in Golly's coordinates.
		view = *p.Rect
		view.X -= u.OffX
		view.Y -= u.OffY
		// Refuse what is known to be too large before any work.
		if err := tooLarge(p.check(view, p.scaleFor(view))); err != nil {
			return nil, err
		}
	}
	stopped := func(eng engine.Engine, err error) error { return Stopped(ctx, name, eng.Generation(), err) }
	if p.Format == "gif" {
		return p.gif(ctx, u.Eng, view, st, stopped)
	}
	if err := st.Step(ctx, u, p.Gens); err != nil {
		return nil, stopped(u.Eng, err)
	}
	eng := u.Eng // auto may have switched engines
	if p.Rect == nil {
		b, ok := eng.Bounds()
		view = Fit(eng, b, ok)
	}
	s := p.scaleFor(view)
	if err := tooLarge(p.check(view, s)); err != nil {
		return nil, err
	}
	return func(w io.Writer) error {
		if p.Format == "svg" {
			return render.SVG(w, eng, view, s, p.Theme)
		}
		return render.PNG(w, eng, view, s, p.Theme)
	}, nil
}

// gif records the run as an animated GIF (see [Record]): its frames show
// the viewport view (Rect), or one that fits the live cells of the first
// frame and moves with them (Follow), or one that fits the live cells of
// every frame.
func (p Picture) gif(ctx context.Context, eng engine.Engine, view engine.Rect, st Stepper, stopped func(engine.Engine, error) error) (func(w io.Writer) error, error) {
	rec := Recording{
		Start:  p.Gens - (p.Frames-1)*p.Every,
		Every:  p.Every,
		Frames: p.Frames,
		View:   view,
		Follow: p.Follow,
		Scale: func(v engine.Rect) (render.Scale, error) {
			s := p.scaleFor(v)
			return s, p.check(v, s)
		},
		Theme: p.Theme,
		Delay: p.Delay,
		Step: func(ctx context.Context, src engine.Engine, n uint64) error {
			if err := st.StepEngine(ctx, src, n); err != nil {
				return stopped(src, err)
			}
			return nil
		},
		Replay: st.Grow,
		Budget: p.Budget,
	}
	if p.Scale != nil {
		// Refuse as soon as the frames so far are too large.
		rec.Check = func(v engine.Rect) error { return p.check(v, *p.Scale) }
	}
	g, err := Record(ctx, eng, rec)
	if err != nil {
		return nil, tooLarge(err)
	}
	return g.Encode, nil
}

// check refuses a picture of the viewport r, in the engine's coordinates,
// at scale s, as the renderer would; [tooLarge] says what to do about it.
func (p Picture) check(r engine.Rect, s render.Scale) error {
	switch p.Format {
	case "gif":
		return render.CheckGIF(r, s, int(p.Frames))
	case "svg":
		return render.CheckSVG(r, s)
	}
	return render.Check(r, s)
}

// scaleFor returns p.Scale, or for auto the largest scale up to AutoZoom
// pixels a cell that draws the viewport r within AutoSide pixels a side
// and within the renderer's limits (see [render.FitScale]).
func (p Picture) scaleFor(r engine.Rect) render.Scale {
	if p.Scale != nil {
		return *p.Scale
	}
	return render.FitScale(r, AutoSide, AutoZoom, int(p.Frames))
}

// tooLarge turns a refusal of the renderer into a [UsageError] that says
// what to do about it; other errors, and nil, it returns as they are.
func tooLarge(err error) error {
	var se *render.SizeError
	if errors.As(err, &se) {
		return UsageError{Err: fmt.Errorf("render: %w; choose a smaller --scale or --rect", err)}
	}
	return err
}
