package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/big"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/render"
	"github.com/life-go/life/patterns"
)

func init() {
	register(command{"render", "draw a run as a PNG, an animated GIF or an SVG", runRender})
}

const renderUsage = `Usage: life render [flags] -o OUT.png|OUT.gif|OUT.svg PATTERN|-

Reads the pattern file PATTERN (or standard input for -), runs it as
life run does (a pattern without a bounded-grid suffix on the unbounded
plane, with hashlife, unless --torus WxH or --engine says otherwise), and
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
	setup
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
	origin engine.Rect // where Golly's 0,0 is in the engine's coordinates
	grid   engine.Rect // a bounded grid's cells, or empty on the plane
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
		return report(e, usageError{fmt.Errorf("render: want one PATTERN (a file, or - for standard input), got %d arguments", len(pos))})
	}
	j := &renderJob{
		setup: setup{rule: *rule, torus: *torus, engine: *eng, gens: *gens, plane: true},
		out:   *out, every: *every, frames: *frames, follow: *follow, delay: *delay, quiet: *quiet,
	}
	if err := j.check(set, *scale, *rect, *theme); err != nil {
		return report(e, usageError{fmt.Errorf("render: %w", err)})
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
		r, err := parseRect(rect)
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
		j.gens = (j.frames - 1) * j.every
	case !set["frames"]:
		if j.gens/j.every >= render.MaxFrames {
			return tooMany(new(big.Int).Add(new(big.Int).SetUint64(j.gens/j.every), big.NewInt(1)).String())
		}
		j.frames = j.gens/j.every + 1
	case !set["gens"]:
		j.gens = (j.frames - 1) * j.every
	case (j.frames-1)*j.every > j.gens:
		return fmt.Errorf("--frames %d, one every %d generations, need --gens %d or more, not %d", j.frames, j.every, (j.frames-1)*j.every, j.gens)
	}
	return nil
}

// parseRect reads "X,Y,W,H": a top-left cell and a size in cells.
func parseRect(s string) (engine.Rect, error) {
	f := strings.Split(s, ",")
	var v [4]int64
	ok := len(f) == 4
	for i := 0; ok && i < 4; i++ {
		var err error
		v[i], err = strconv.ParseInt(strings.TrimSpace(f[i]), 10, 64)
		ok = err == nil && v[i] > -1<<60 && v[i] < 1<<60
	}
	if !ok || v[2] < 1 || v[3] < 1 {
		return engine.Rect{}, fmt.Errorf("%q: want X,Y,W,H, the top-left cell and the size in cells, such as -20,-10,40,20", s)
	}
	return engine.Rect{X: v[0], Y: v[1], W: v[2], H: v[3]}, nil
}

// checkSize refuses a picture of the viewport r, in the engine's
// coordinates, at scale s, as the renderer would, with a message that says
// what to do about it.
func (j *renderJob) checkSize(r engine.Rect, s render.Scale) error {
	switch j.format {
	case "gif":
		return tooLarge(render.CheckGIF(r, s, int(j.frames)))
	case "svg":
		return tooLarge(render.CheckSVG(r, s))
	}
	return tooLarge(render.Check(r, s))
}

// scaleFor returns --scale, or for auto the largest scale up to autoZoom
// pixels a cell that draws the viewport r within autoSide pixels a side and
// within the renderer's limits.
func (j *renderJob) scaleFor(r engine.Rect) render.Scale {
	if j.scale != nil {
		return *j.scale
	}
	fits := func(s render.Scale) bool {
		w, h, ok := s.Pixels(r.W, r.H)
		return ok && w <= autoSide && h <= autoSide && render.CheckGIF(r, s, int(j.frames)) == nil
	}
	for z := autoZoom; z > 1; z-- {
		if s := render.PixelsPerCell(z); fits(s) {
			return s
		}
	}
	for k := uint(0); k < render.MaxShift; k++ {
		if s := render.CellsPerPixel(k); fits(s) {
			return s
		}
	}
	return render.CellsPerPixel(render.MaxShift)
}

// fit returns the viewport, in the engine's coordinates, that shows the
// live cells in box with a margin (within the edges of a bounded grid), or
// a small one at the middle of the universe when there are none (ok
// false).
func (j *renderJob) fit(box engine.Rect, ok bool) engine.Rect {
	if !ok {
		box = engine.Rect{X: j.origin.X, Y: j.origin.Y, W: 1, H: 1}
	}
	m := max(1, max(box.W, box.H)/32)
	r := engine.Rect{X: box.X - m, Y: box.Y - m, W: box.W + 2*m, H: box.H + 2*m}
	if g := j.grid; g.W > 0 && g.H > 0 {
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

// run loads the pattern, runs it and writes the picture.
func (j *renderJob) run(ctx context.Context, e *env, path string) error {
	if err := checkWritable(j.out); err != nil {
		return err
	}
	_, name, u, err := readAndLoad(e, path, j.setup)
	if err != nil {
		return err
	}
	eng := u.eng
	// Golly's coordinates put the middle of a bounded grid at 0,0; the
	// engines count from its corner (and on the plane, from 0,0 too).
	t := eng.Rule().Topology
	j.origin = engine.Rect{X: int64(t.W / 2), Y: int64(t.H / 2)}
	j.grid = engine.Rect{W: int64(t.W), H: int64(t.H)}
	var view engine.Rect
	if j.rect != nil {
		view = *j.rect
		view.X += j.origin.X
		view.Y += j.origin.Y
		// Refuse what is known to be too large before any work.
		if err := j.checkSize(view, j.scaleFor(view)); err != nil {
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
	if err := advance(ctx, e, eng, j.gens, 0, j.quiet); err != nil {
		return stopped(eng, err)
	}
	if j.rect == nil {
		view = j.fit(eng.Bounds())
	}
	s := j.scaleFor(view)
	if err := j.checkSize(view, s); err != nil {
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
	return writeFileAtomic(ctx, j.out, func(w io.Writer) error {
		if err := encode(w); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("%s: stopped before %s was written: %w", name, j.out, err)
		}
		return nil
	})
}

// frameBudget bounds the memory, in runs of live cells (24 bytes each),
// that keeps a GIF's frames while the run finds the viewport that fits them
// all: 64 MiB. Frames past it are not kept: the run is replayed from a copy
// of its start to draw them. Tests make it small.
var frameBudget int64 = 64 << 20 / 24

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

// gif records the run as an animated GIF. Its frames show the viewport
// view (--rect), or one that fits the live cells of the first frame and
// moves with them (--follow), or one that fits the live cells of every
// frame: then the frames are kept as the run goes, and drawn once it is
// known, or, if they outgrow frameBudget, drawn in a second run from a
// copy of the start.
func (j *renderJob) gif(ctx context.Context, e *env, name string, eng engine.Engine, view engine.Rect, stopped func(engine.Engine, error) error) error {
	start := j.gens - (j.frames-1)*j.every
	st := newStepper(e, j.gens, j.quiet)
	defer st.finish()
	// next steps src on to the generation of frame i.
	next := func(src engine.Engine, i uint64) error {
		n := j.every
		if i == 0 {
			n = start
		}
		if err := st.step(ctx, src, n); err != nil {
			return stopped(src, err)
		}
		return nil
	}
	var (
		kept   []frame
		replay engine.Engine // a copy of the start, when frames are not kept
	)
	if j.rect == nil && !j.follow {
		replay = eng.Clone()
		budget := frameBudget
		keep := true
		var box engine.Rect
		var ok bool
		for i := range j.frames {
			if err := next(eng, i); err != nil {
				return err
			}
			b, bok := eng.Bounds()
			box, ok = union(box, ok, b, bok)
			if j.scale != nil {
				// Refuse as soon as the frames so far are too large.
				if err := j.checkSize(j.fit(box, ok), *j.scale); err != nil {
					return err
				}
			}
			if keep {
				var f frame
				if f, keep = keepFrame(eng, &budget); keep {
					kept = append(kept, f)
				} else {
					kept = nil
					st.grow(j.gens) // for the replay
				}
			}
		}
		view = j.fit(box, ok)
		if keep {
			g, err := j.newGIF(view)
			if err != nil {
				return err
			}
			for _, f := range kept {
				if err := g.Add(f); err != nil {
					return tooLarge(err)
				}
			}
			st.finish()
			return j.write(ctx, name, g.Encode)
		}
		eng = replay
	}
	var (
		g      *render.GIF
		dy, dx int64 // with --follow, the viewport's place from the cells' centre
	)
	for i := range j.frames {
		if err := next(eng, i); err != nil {
			return err
		}
		b, ok := eng.Bounds()
		if i == 0 {
			if j.follow {
				if j.rect == nil {
					view = j.fit(b, ok)
				}
				dy, dx = view.Y-(b.Y+b.H/2), view.X-(b.X+b.W/2)
				if !ok {
					dy, dx = -view.H/2, -view.W/2 // centre the cells when they come
				}
			}
			var err error
			if g, err = j.newGIF(view); err != nil {
				return err
			}
		} else if ok && j.follow {
			g.MoveTo(b.Y+b.H/2+dy, b.X+b.W/2+dx)
		}
		if err := g.Add(eng); err != nil {
			return tooLarge(err)
		}
	}
	st.finish()
	return j.write(ctx, name, g.Encode)
}

// newGIF starts a recording of the viewport view at --scale, or the
// automatic scale for it, or refuses it as too large.
func (j *renderJob) newGIF(view engine.Rect) (*render.GIF, error) {
	s := j.scaleFor(view)
	if err := j.checkSize(view, s); err != nil {
		return nil, err
	}
	g, err := render.NewGIF(view, s, j.theme)
	if err != nil {
		return nil, tooLarge(err)
	}
	g.SetDelay(j.delay)
	return g, nil
}

// tooLarge turns a refusal of the renderer into a message that says what to
// do about it; other errors, and nil, it returns as they are.
func tooLarge(err error) error {
	var se *render.SizeError
	if errors.As(err, &se) {
		return usageError{fmt.Errorf("render: %w; choose a smaller --scale or --rect", err)}
	}
	return err
}
