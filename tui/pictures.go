package tui

import (
	"context"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/render"
	"github.com/life-go/life/engine/universe"
)

// Pictures: P saves a PNG of the view and G records the next N generations
// of it as an animated GIF, both through engine/render, as life render
// draws them.

// defaultGIFGens is the number of generations G offers to record.
const defaultGIFGens = 100

// pictureScale returns the renderer's scale for a picture of the board at
// s: about 4 pixels for each column of the board at every zoom, so that a
// picture of the view keeps its size as the board zooms. That is 8 pixels
// a cell at ScaleDouble, 4 at ScaleSingle and ScaleHalf, 2 at
// ScaleBraille, and at 2^k x 2^k cells a character one pixel a block of
// 2^(k-2) x 2^(k-2) cells, shaded by how many are alive.
func pictureScale(s Scale) render.Scale {
	switch s {
	case ScaleDouble:
		return render.PixelsPerCell(8)
	case ScaleSingle, ScaleHalf:
		return render.PixelsPerCell(4)
	case ScaleBraille:
		return render.PixelsPerCell(2)
	}
	return render.CellsPerPixel(min(s.shift()-2, render.MaxShift))
}

// ThemeFor returns the theme of pictures for a terminal whose COLORFGBG
// environment variable is colorfgbg ("15;0": white on black): [render.Dark]
// on a dark background, and [render.Light] on a light one or when it does
// not say.
func ThemeFor(colorfgbg string) render.Theme {
	f := strings.Split(colorfgbg, ";")
	bg, err := strconv.Atoi(f[len(f)-1])
	if err != nil || len(f) < 2 {
		return render.Light
	}
	if bg >= 0 && bg <= 6 || bg == 8 {
		return render.Dark
	}
	return render.Light
}

// theme returns the theme pictures are drawn in.
func (u *controller) theme() render.Theme {
	if u.opts.Theme.Name == "" {
		return render.Light
	}
	return u.opts.Theme
}

// view is what the board shows, as a picture draws it: a world, the cells
// of the universe in view, and the scale.
type view struct {
	world world
	rect  engine.Rect
	scale render.Scale
}

// currentView returns the view of the current world, or an error when no
// cell of the universe is in view.
func (u *controller) currentView() (view, error) {
	v := view{world: u.cur, rect: u.viewRect(), scale: pictureScale(u.board.Scale())}
	if v.rect.W <= 0 || v.rect.H <= 0 {
		return v, fmt.Errorf("no cell of the universe is in view")
	}
	return v, nil
}

// askFile asks for a file name, offering initial, and calls write with it,
// after asking before overwriting a file (n answers "not saved"). badExt
// says what is wrong with the name's extension, or "" when it will do.
func (u *controller) askFile(name, title, initial string, badExt func(ext string) string, write func(path string)) {
	u.prompt(name, title, "file: ", initial, func(s string) (string, bool) {
		s = strings.TrimSpace(s)
		if s == "" {
			return "want a file name", false
		}
		if msg := badExt(s); msg != "" {
			return msg, false
		}
		if _, err := os.Stat(s); err == nil {
			return "exists: you will be asked before it is overwritten", true
		}
		return "", true
	}, func(s string) error {
		path := strings.TrimSpace(s)
		if _, err := os.Stat(path); err == nil {
			u.confirm(fmt.Sprintf("%s exists. Overwrite it? (y/n)", path), "not saved", func() { write(path) })
			return nil
		}
		write(path)
		return nil
	})
}

// endingIn is an askFile check that wants the extension ext (".png").
func endingIn(ext string) func(string) string {
	return func(name string) string {
		if strings.ToLower(filepath.Ext(name)) != ext {
			return fmt.Sprintf("want a file name ending in %s", ext)
		}
		return ""
	}
}

// askPNG asks where to save a PNG of the view as it is now, and saves it.
func (u *controller) askPNG() {
	v, err := u.currentView()
	if err == nil {
		err = render.Check(v.rect, v.scale)
	}
	if err != nil {
		u.msg = "png: " + err.Error()
		return
	}
	u.askFile("png", "Save a PNG of the view", u.pictureName(v.world.Gen(), ".png"), endingIn(".png"), func(path string) { u.savePNG(path, v) })
}

// savePNG writes the view v to path as a PNG image, through the atomic
// writer.
func (u *controller) savePNG(path string, v view) {
	// The task's own engine: the board draws the world's meanwhile.
	eng, write, theme := v.world.Eng.Clone(), u.opts.WriteFile, u.theme()
	u.runSave("saving "+path, func(ctx context.Context) func() {
		err := write(path, func(w io.Writer) error {
			if err := render.PNG(w, eng, v.rect, v.scale, theme); err != nil {
				return err
			}
			return ctx.Err() // cancelled: the file is not kept
		})
		return func() {
			if err != nil {
				u.msg = "png: " + err.Error() + " (nothing was changed)"
				return
			}
			pw, ph, _ := v.scale.Pixels(v.rect.W, v.rect.H)
			u.msg = fmt.Sprintf("saved gen %s, %d x %d cells at scale %s (%d x %d pixels), to %s",
				v.world.Gen(), v.rect.W, v.rect.H, v.scale, pw, ph, path)
		}
	})
}

// recording is a GIF that G asked for: n generations of the view, written
// to path. The animator runs it as a job, with [recording.run].
type recording struct {
	view  view
	n     uint64
	theme render.Theme
	path  string
	write func(path string, write func(w io.Writer) error) error
	size  int64 // the file's size once written
}

// checkGIF returns the recording's size in pixels, or an error when it is
// too large.
func checkGIF(v view, n uint64) (pw, ph int64, err error) {
	if n < 1 || n > render.MaxFrames {
		return 0, 0, fmt.Errorf("want a whole number of generations from 1 to %d", render.MaxFrames)
	}
	if err := render.CheckGIF(v.rect, v.scale, int(n)); err != nil {
		return 0, 0, err
	}
	pw, ph, _ = v.scale.Pixels(v.rect.W, v.rect.H)
	return pw, ph, nil
}

// askGIF pauses the run and asks how many generations to record and where,
// then hands the recording to the animator.
func (u *controller) askGIF() {
	u.pause()
	v, err := u.currentView()
	if err == nil {
		_, _, err = checkGIF(v, 1)
	}
	if err != nil {
		u.msg = "gif: " + err.Error()
		return
	}
	from := new(big.Int).Add(v.world.Gen(), big.NewInt(1))
	parse := func(s string) uint64 {
		n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return 0
		}
		return n
	}
	u.prompt("gif", "Record a GIF of the view", "generations: ", strconv.Itoa(defaultGIFGens), func(s string) (string, bool) {
		n := parse(s)
		pw, ph, err := checkGIF(v, n)
		if err != nil {
			return err.Error(), false
		}
		to := new(big.Int).Add(v.world.Gen(), new(big.Int).SetUint64(n))
		return fmt.Sprintf("gens %s to %s, a frame each, %d x %d pixels", from, to, pw, ph), true
	}, func(s string) error {
		n := parse(s)
		u.askFile("gif-file", "Save the GIF", u.pictureName(v.world.Gen(), ".gif"), endingIn(".gif"), func(path string) {
			u.record(&recording{view: v, n: n, theme: u.theme(), path: path, write: u.opts.WriteFile})
		})
		return nil
	})
}

// record starts recording r from the current world: the run pauses, and
// the animator takes the recording as its next job. Like a step, the
// recording can be undone.
func (u *controller) record(r *recording) {
	u.pause()
	u.pushUndo()
	r.view.world = u.cur
	u.recQueued = r
	u.msg = fmt.Sprintf("recording %d generations to %s (Esc cancels)", r.n, r.path)
	u.kick()
}

// recordingActive reports whether a recording is queued or in flight.
func (u *controller) recordingActive() bool { return u.recQueued != nil || u.recording != nil }

// run records the next r.n generations of w, stepping w's engine (which
// the caller owns) one generation at a time and adding each to the GIF,
// and writes the GIF to r.path through r.write. It calls progress after
// each frame with the frames done. On cancellation it stops within a
// generation and writes nothing.
func (r *recording) run(ctx context.Context, w world, progress func(frames uint64)) error {
	g, err := universe.Record(ctx, w.Eng, universe.Recording{
		Start: 1, Every: 1, Frames: r.n,
		View:     r.view.rect,
		Scale:    func(engine.Rect) (render.Scale, error) { return r.view.scale, nil },
		Theme:    r.theme,
		Delay:    render.DefaultDelay,
		Progress: progress,
	})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return r.write(r.path, func(out io.Writer) error {
		c := &countingWriter{w: out}
		if err := g.Encode(c); err != nil {
			return err
		}
		r.size = c.n
		return ctx.Err() // cancelled while encoding: the file is not kept
	})
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// recorded returns the message for a recording written: from its world,
// stepped n generations.
func (r *recording) recorded() string {
	g := r.view.world.Gen()
	pw, ph, _ := r.view.scale.Pixels(r.view.rect.W, r.view.rect.H)
	return fmt.Sprintf("recorded gens %s to %s, %d frames of %d x %d pixels (%d bytes), to %s",
		new(big.Int).Add(g, big.NewInt(1)), new(big.Int).Add(g, new(big.Int).SetUint64(r.n)), r.n, pw, ph, r.size, r.path)
}
