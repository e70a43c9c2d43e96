package main

import (
	"context"
	"fmt"
	"io"

	"github.com/life-go/life/engine/render"
	"github.com/life-go/life/engine/universe"
)

func init() {
	register(command{"render", "draw a run as a PNG, an animated GIF or an SVG", runRender})
}

// runRender is life render: its flags, resolved into a picture, then the run.
func runRender(e *env) int {
	fs := newFlags(e, "life render", fmt.Sprintf(renderUsage, render.MaxZoom, universe.AutoSide, render.MaxSide, render.MaxPixels, render.MaxFrames))
	gens := fs.Uint64("gens", 0, "advance `N` generations: the final one is drawn, or a GIF's last frame")
	every := fs.Uint64("every", 1, "GIF: a frame every `K` generations")
	frames := fs.Uint64("frames", 0, fmt.Sprintf("GIF: `F` frames (default: gens/every+1, or %d without --gens)", universe.DefaultFrames))
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
	maxMB := maxMemoryFlag(fs)
	pos, code, ok := parseCommand(fs, e.args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return badArgs(e, fs, "render: want one PATTERN (a file, or - for standard input), got %d arguments", len(pos))
	}
	if err := checkMaxMemory(*maxMB); err != nil {
		return report(e, err)
	}
	pic, err := universe.PictureSettings{Out: *out, Scale: *scale, Rect: *rect, Theme: *theme, Gens: *gens, Every: *every,
		Frames: *frames, Follow: *follow, Delay: *delay, Given: setFlags(fs)}.Picture()
	if err != nil {
		return report(e, usageError{Err: fmt.Errorf("render: %w", err)})
	}
	pic.Budget = frameBudget
	s := universe.Settings{Rule: *rule, Torus: *torus, Engine: *eng, Gens: pic.Gens, MaxMemory: *maxMB << 20, Plane: true}
	return report(e, renderRun(e.ctx, e, pos[0], s, pic, *out, *quiet))
}

// renderRun loads the pattern, runs it and writes the picture to out.
func renderRun(ctx context.Context, e *env, path string, s universe.Settings, pic universe.Picture, out string, quiet bool) error {
	if err := universe.CheckWritable(out); err != nil {
		return err
	}
	s.Ctx = ctx
	u, head, name, err := universe.LoadPath(path, e.stdin, s)
	if err != nil {
		return err
	}
	limitMemory(u.Eng, s)
	notice(e, head)
	st := newRun(e, s, pic.Gens, 0, quiet)
	defer st.Finish()
	encode, err := pic.Draw(ctx, &u, name, st)
	if err != nil {
		return err
	}
	st.Finish()
	return universe.WriteFileContext(ctx, out, func(w io.Writer) error {
		if err := encode(w); err != nil {
			return err
		}
		// An interrupt while the picture is encoded leaves no file, as
		// one during the run does.
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("%s: stopped before %s was written: %w", name, out, err)
		}
		return nil
	})
}

// frameBudget is the recording's budget of runs for frames kept while the
// viewport that fits them is found (see [universe.Recording]); tests make it
// small.
var frameBudget int64 = universe.FrameBudget
