package main

import (
	"context"
	"errors"
	"flag"
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
	"github.com/life-go/life/engine/universe"
)

func init() {
	register(command{"render", "draw a run as a PNG, an animated GIF or an SVG", runRender})
}

const renderUsage = `Usage: life render [flags] -o OUT.png|OUT.gif|OUT.svg PATTERN|-

Reads the pattern file PATTERN (or standard input for -), runs it as
life run does (a pattern without a bounded-grid suffix on the unbounded
plane, on the engine auto picks, unless --torus WxH or --engine says
otherwise; see life run --help), and
draws it into OUT, whose name says the format:

  OUT.png  the final generation, as a PNG image
  OUT.svg  the final generation, as an SVG drawing (rows of runs)
  OUT.gif  the run animated: --frames frames, one every --every
           generations, the last one at generation --gens

The picture shows the rectangle --rect gives, in Golly's coordinates
(the pattern as read has its top-left cell at -(w/2),-(h/2)), or else
the live cells with a margin: those of the final generation for a PNG or
an SVG, and of every frame for a GIF. With --follow the GIF's rectangle
moves with the centre of the live cells instead.

--scale is pixels a cell (1 to %d), or 1/2, 1/4, ... for a pixel a block
of cells, shaded by how many are alive; auto picks the largest scale up to
8 that keeps the picture within %d pixels a side.

A picture of more than %d pixels a side or %d in all, or a GIF of
more than %d frames, is refused: before the run when --rect gives its
size, else as soon as its size is known, and always before anything is
drawn. OUT is written through a temporary file and a rename: on any error
or an interrupt an existing OUT is untouched.

Exit status: 0 on success, 2 on bad usage or bad input, 1 on other
failures.

Flags:
`

// autoSide is the most pixels a side that --scale auto allows, and
// autoZoom the most pixels a cell.
const (
	autoSide = 1024
	autoZoom = 8
)

// defaultFrames is the number of frames a GIF has when neither --frames
// nor --gens says.
const defaultFrames = 100

// renderJob is life render once its flags are read.
type renderJob struct {
	universe.Settings
	format string // "png", "gif" or "svg"
	out    string
	scale  *render.Scale // nil for auto
	theme  render.Theme
	rect   *engine.Rect // in Golly's coordinates; nil to fit
	every  uint64
	frames uint64
	follow bool
	delay  time.Duration
	quiet  bool
}

func runRender(e *env) int {
	fs := flag.NewFlagSet("life render", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	gens := fs.Uint64("gens", 0, "advance `N` generations: the final one is drawn, or a GIF's last frame")
	every := fs.Uint64("every", 1, "GIF: a frame every `K` generations")
	frames := fs.Uint64("frames", 0, fmt.Sprintf("GIF: `F` frames (default: gens/every+1, or %d without --gens)", defaultFrames))
	scale := fs.String("scale", "auto", "`S` pixels a cell (4), or a fraction 1/2^k (1/4 or 0.25) for a pixel a block of cells")
	rect := fs.String("rect", "", "draw the cells `X,Y,W,H`: top-left cell (Golly's coordinates) and size, instead of fitting the pattern")
	theme := fs.String("theme", render.Themes[0].Name, "the colours: `THEME` is "+render.ThemeNames())
	follow := fs.Bool("follow", false, "GIF: move the picture with the centre of the live cells")
	delay := fs.Duration("delay", render.DefaultDelay, "GIF: show each frame for `D`")
	quiet := fs.Bool("quiet", false, "show no progress bar (one shows on a terminal when a run takes more than a second)")
	rule := fs.String("rule", "", "run under `RULE` instead of the file's, as life run does")
	torus := fs.String("torus", "", "run on a `WxH` torus when the rule has no bounded-grid suffix")
	eng := fs.String("engine", "auto", "the `ENGINE`: "+engineNames())
	out := fs.String("o", "", "write the picture to `FILE`; its extension, .png, .gif or .svg, says the format")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), renderUsage, render.MaxZoom, autoSide, render.MaxSide, render.MaxPixels, render.MaxFrames)
		fs.PrintDefaults()
	}
	pos, code, ok := parseCommand(fs, e.args)
	if !ok {
		return code
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if len(pos) != 1 {
		fs.Usage()
		return report(e, usageError{Err: fmt.Errorf("render: want one PATTERN (a file, or - for standard input), got %d arguments", len(pos))})
	}
	j := &renderJob{
		Settings: universe.Settings{Rule: *rule, Torus: *torus, Engine: *eng, Gens: *gens, Plane: true},
		out:      *out, every: *every, frames: *frames, follow: *follow, delay: *delay, quiet: *quiet,
	}
	if err := j.check(set, *scale, *rect, *theme); err != nil {
		return report(e, usageError{Err: fmt.Errorf("render: %w", err)})
	}
	return report(e, j.run(e.ctx, e, pos[0]))
}

// check reads and checks the flags that need more than the flag package
// does, and works out the generations and frames of a GIF.
func (j *renderJob) check(set map[string]bool, scale, rect, theme string) error {
	if j.out == "" {
		return errors.New("want -o FILE, a file name ending in .png, .gif or .svg")
	}
	switch ext := strings.ToLower(filepath.Ext(j.out)); ext {
	case ".png", ".gif", ".svg":
		j.format = ext[1:]
	default:
		return fmt.Errorf("-o %s: want a file name ending in .png, .gif or .svg", j.out)
	}
	if scale != "auto" {
		s, err := render.ParseScale(scale)
		if err != nil {
			return fmt.Errorf("--scale: %w", err)
		}
		j.scale = &s
	}
	t, ok := render.ThemeNamed(theme)
	if !ok {
		return fmt.Errorf("--theme: unknown theme %q, want one of %s", theme, render.ThemeNames())
	}
	j.theme = t
	if rect != "" {
		r, err := render.ParseRect(rect)
		if err != nil {
			return fmt.Errorf("--rect: %w", err)
		}
		j.rect = &r
	}
	if j.format != "gif" {
		for _, name := range []string{"every", "frames", "follow", "delay"} {
			if set[name] {
				return fmt.Errorf("--%s is for a GIF, and -o %s is not one", name, j.out)
			}
		}
		return nil
	}
	if j.every < 1 {
		return errors.New("--every: want a whole number of generations from 1")
	}
	if j.delay < 0 || j.delay > render.MaxDelay {
		return fmt.Errorf("--delay %v: want from 0 to %v, the longest a GIF frame may show", j.delay, render.MaxDelay)
	}
	tooMany := func(frames string) error {
		return fmt.Errorf("%s frames are more than the %d a GIF may have; give fewer --frames or more --every", frames, render.MaxFrames)
	}
	if set["frames"] {
		if j.frames < 1 {
			return errors.New("--frames: want a whole number of frames from 1")
		}
		if j.frames > render.MaxFrames {
			return tooMany(strconv.FormatUint(j.frames, 10))
		}
		if j.frames-1 > math.MaxUint64/j.every {
			return fmt.Errorf("--frames %d, one every %d generations, are more generations than can be counted", j.frames, j.every)
		}
	}
	switch {
	case !set["frames"] && !set["gens"]:
		j.frames = defaultFrames
		j.Gens = (j.frames - 1) * j.every
	case !set["frames"]:
		if j.Gens/j.every >= render.MaxFrames {
			return tooMany(new(big.Int).Add(new(big.Int).SetUint64(j.Gens/j.every), big.NewInt(1)).String())
		}
		j.frames = j.Gens/j.every + 1
	case !set["gens"]:
		j.Gens = (j.frames - 1) * j.every
	case (j.frames-1)*j.every > j.Gens:
		return fmt.Errorf("--frames %d, one every %d generations, need --gens %d or more, not %d", j.frames, j.every, (j.frames-1)*j.every, j.Gens)
	}
	return nil
}

// checkSize refuses a picture of the viewport r, in the engine's
// coordinates, at scale s, as the renderer would; [tooLarge] says what to
// do about it.
func (j *renderJob) checkSize(r engine.Rect, s render.Scale) error {
	switch j.format {
	case "gif":
		return render.CheckGIF(r, s, int(j.frames))
	case "svg":
		return render.CheckSVG(r, s)
	}
	return render.Check(r, s)
}

// scaleFor returns --scale, or for auto the largest scale up to autoZoom
// pixels a cell that draws the viewport r within autoSide pixels a side and
// within the renderer's limits (see [render.FitScale]).
func (j *renderJob) scaleFor(r engine.Rect) render.Scale {
	if j.scale != nil {
		return *j.scale
	}
	return render.FitScale(r, autoSide, autoZoom, int(j.frames))
}

// run loads the pattern, runs it and writes the picture.
func (j *renderJob) run(ctx context.Context, e *env, path string) error {
	if err := universe.CheckWritable(j.out); err != nil {
		return err
	}
	j.Settings.Ctx = ctx
	u, head, name, err := universe.LoadPath(path, e.stdin, j.Settings)
	if err != nil {
		return err
	}
	limitMemory(u.Eng, j.Settings)
	notice(e, head)
	eng := u.Eng
	var view engine.Rect
	if j.rect != nil {
		// --rect is in Golly's coordinates.
		view = *j.rect
		view.X -= u.OffX
		view.Y -= u.OffY
		// Refuse what is known to be too large before any work.
		if err := tooLarge(j.checkSize(view, j.scaleFor(view))); err != nil {
			return err
		}
	}
	stopped := func(eng engine.Engine, err error) error {
		if ctx.Err() != nil {
			return fmt.Errorf("%s: stopped at generation %s: %w", name, eng.Generation(), err)
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	if j.format == "gif" {
		return j.gif(ctx, e, name, eng, view, stopped)
	}
	if err := advance(ctx, e, &u, j.Settings, j.Gens, 0, j.quiet); err != nil {
		return stopped(u.Eng, err)
	}
	eng = u.Eng // auto may have switched engines
	if j.rect == nil {
		b, ok := eng.Bounds()
		view = universe.Fit(eng, b, ok)
	}
	s := j.scaleFor(view)
	if err := tooLarge(j.checkSize(view, s)); err != nil {
		return err
	}
	return j.write(ctx, name, func(w io.Writer) error {
		if j.format == "svg" {
			return render.SVG(w, eng, view, s, j.theme)
		}
		return render.PNG(w, eng, view, s, j.theme)
	})
}

// write writes the picture to -o through writeFileAtomic; an interrupt
// while it is being encoded leaves no file, as one during the run does.
func (j *renderJob) write(ctx context.Context, name string, encode func(w io.Writer) error) error {
	return universe.WriteFileContext(ctx, j.out, func(w io.Writer) error {
		if err := encode(w); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("%s: stopped before %s was written: %w", name, j.out, err)
		}
		return nil
	})
}

// frameBudget is the recording's budget of runs for frames kept while the
// viewport that fits them is found (see [universe.Recording]); tests make it
// small.
var frameBudget int64 = universe.FrameBudget

// gif records the run as an animated GIF (see [universe.Record]): its
// frames show the viewport view (--rect), or one that fits the live cells
// of the first frame and moves with them (--follow), or one that fits the
// live cells of every frame.
func (j *renderJob) gif(ctx context.Context, e *env, name string, eng engine.Engine, view engine.Rect, stopped func(engine.Engine, error) error) error {
	st := newStepper(e, j.Gens, j.quiet)
	defer st.Finish()
	rec := universe.Recording{
		Start:  j.Gens - (j.frames-1)*j.every,
		Every:  j.every,
		Frames: j.frames,
		View:   view,
		Follow: j.follow,
		Scale: func(v engine.Rect) (render.Scale, error) {
			s := j.scaleFor(v)
			return s, j.checkSize(v, s)
		},
		Theme: j.theme,
		Delay: j.delay,
		Step: func(ctx context.Context, src engine.Engine, n uint64) error {
			if err := st.StepEngine(ctx, src, n); err != nil {
				return stopped(src, err)
			}
			return nil
		},
		Replay: st.Grow,
		Budget: frameBudget,
	}
	if j.scale != nil {
		// Refuse as soon as the frames so far are too large.
		rec.Check = func(v engine.Rect) error { return j.checkSize(v, *j.scale) }
	}
	g, err := universe.Record(ctx, eng, rec)
	if err != nil {
		return tooLarge(err)
	}
	st.Finish()
	return j.write(ctx, name, g.Encode)
}

// tooLarge turns a refusal of the renderer into a message that says what to
// do about it; other errors, and nil, it returns as they are.
func tooLarge(err error) error {
	var se *render.SizeError
	if errors.As(err, &se) {
		return usageError{Err: fmt.Errorf("render: %w; choose a smaller --scale or --rect", err)}
	}
	return err
}
