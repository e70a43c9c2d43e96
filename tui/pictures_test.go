package tui

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"io"
	"maps"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/render"
	"github.com/life-go/life/patterns"
)

func TestPictureScale(t *testing.T) {
	for _, c := range []struct {
		s    Scale
		want string
	}{
		{ScaleDouble, "8"}, {ScaleSingle, "4"}, {ScaleHalf, "4"}, {ScaleBraille, "2"},
		{BlockScale(2), "1"}, {BlockScale(3), "1/2"}, {BlockScale(10), "1/256"}, {MaxScale, "1/1073741824"},
	} {
		if got := pictureScale(c.s).String(); got != c.want {
			t.Errorf("pictureScale(%v) = %s, want %s", c.s, got, c.want)
		}
	}
}

func TestThemeFor(t *testing.T) {
	for in, want := range map[string]string{
		"": "light", "15;0": "dark", "0;15": "light", "7;8": "dark", "0;7": "light",
		"15;default;0": "dark", "default;default": "light", "12": "light", "15;4": "dark",
	} {
		if got := ThemeFor(in).Name; got != want {
			t.Errorf("ThemeFor(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestPictureName(t *testing.T) {
	for _, c := range []struct {
		patName, file, want string
	}{
		{"Gosper glider gun", "built-in gosper-glider-gun", "gosper-glider-gun-42.png"},
		{"", "dir/My Pattern.rle", "my-pattern-42.png"},
		{"", "<stdin>", "life-42.png"},
		{"***", "x.rle", "life-42.png"},
	} {
		u := &controller{start: world{Header: &patterns.Pattern{Name: c.patName}}, doc: &doc{name: c.file}}
		if got := u.pictureName(big.NewInt(42), ".png"); got != c.want {
			t.Errorf("%q from %q: %s, want %s", c.patName, c.file, got, c.want)
		}
	}
}

// gliderOnTorus is a glider on a 16 x 12 torus, which the board shows
// whole.
const gliderOnTorus = "#N Glider\nx = 3, y = 3, rule = B3/S23:T16,12\nbo$2bo$3o!\n"

// liveCells returns the cells of e inside r that are alive, relative to r.
func liveCells(e engine.Engine, r engine.Rect) map[[2]int]bool {
	cells := map[[2]int]bool{}
	e.Visit(r, func(y, x int64) { cells[[2]int{int(y - r.Y), int(x - r.X)}] = true })
	return cells
}

// pixelCells reads a picture at z pixels a cell back into cells: a cell is
// alive when all its pixels are the live colour, dead when none is, and
// anything else fails the test.
func pixelCells(t *testing.T, img image.Image, z int, live color.Color) map[[2]int]bool {
	t.Helper()
	lr, lg, lb, _ := live.RGBA()
	b := img.Bounds()
	cells := map[[2]int]bool{}
	for cy := 0; cy < b.Dy()/z; cy++ {
		for cx := 0; cx < b.Dx()/z; cx++ {
			n := 0
			for y := cy * z; y < (cy+1)*z; y++ {
				for x := cx * z; x < (cx+1)*z; x++ {
					if r, g, bb, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA(); r == lr && g == lg && bb == lb {
						n++
					}
				}
			}
			switch n {
			case z * z:
				cells[[2]int{cy, cx}] = true
			case 0:
			default:
				t.Fatalf("cell (%d, %d) is %d of %d pixels live", cy, cx, n, z*z)
			}
		}
	}
	return cells
}

// current returns the current world, read on the event loop.
func (h *harness) current() world {
	var w world
	h.do(func(u *controller) { w = u.cur })
	return w
}

// TestSavePNG saves pictures of the view with P: the default name is
// offered, the file holds the cells in view at 4 pixels a cell (and
// zoomed out, what the renderer draws of them), an existing file is only
// overwritten after asking, and a failure leaves the universe as it was.
func TestSavePNG(t *testing.T) {
	dir := t.TempDir()
	h := start(t, 80, 20, Options{Pattern: rle(t, gliderOnTorus), Name: "glider.rle", Theme: render.Dark})
	h.press(' ')
	f := h.idle()
	f = h.press('P')
	if f.overlay != "png" || !strings.Contains(f.text, "file: glider-"+f.gen+".png") {
		t.Fatalf("P: overlay %q, no default name glider-%s.png:\n%s", f.overlay, f.gen, f.text)
	}
	if f = h.press(tcell.KeyEscape); f.overlay != "" || f.msg != "" {
		t.Errorf("Esc: overlay %q, message %q", f.overlay, f.msg)
	}

	out := filepath.Join(dir, "view.png")
	h.press('P', tcell.KeyCtrlU, out, tcell.KeyEnter)
	f = h.tasked()
	if want := fmt.Sprintf("saved gen %s, 16 x 12 cells at scale 4 (64 x 48 pixels), to %s", f.gen, out); f.msg != want {
		t.Errorf("P: message %q, want %q", f.msg, want)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	w := h.current()
	if b := img.Bounds(); b.Dx() != 64 || b.Dy() != 48 {
		t.Fatalf("the PNG is %v, want 64 x 48", b)
	}
	if got, want := pixelCells(t, img, 4, render.Dark.Live), liveCells(w.Eng, engine.Rect{W: 16, H: 12}); !maps.Equal(got, want) || len(want) != 5 {
		t.Errorf("the PNG shows %v, want %v", got, want)
	}
	if r, g, b, _ := img.At(0, 0).RGBA(); color.RGBA64Model.Convert(render.Dark.Dead) != (color.RGBA64{uint16(r), uint16(g), uint16(b), 0xffff}) {
		t.Errorf("the background is not the dark theme's")
	}

	// An existing file: n keeps it, y overwrites it.
	if f = h.press('P', tcell.KeyCtrlU, out, tcell.KeyEnter); f.overlay != "confirm" {
		t.Fatalf("P over %s: overlay %q, want confirm", out, f.overlay)
	}
	if f = h.press('n'); f.msg != "not saved" {
		t.Errorf("n: message %q", f.msg)
	}
	h.press('[', '[', '[', '[') // braille, then 4 x 4, 8 x 8 and 16 x 16 cells a character
	h.press('P', tcell.KeyCtrlU, out, tcell.KeyEnter, 'y')
	f = h.tasked()
	if want := fmt.Sprintf("saved gen %s, 16 x 12 cells at scale 1/4 (4 x 3 pixels), to %s", f.gen, out); f.msg != want {
		t.Errorf("zoomed out, y: message %q, want %q", f.msg, want)
	}
	data, _ = os.ReadFile(out)
	var want bytes.Buffer
	render.PNG(&want, w.Eng, engine.Rect{W: 16, H: 12}, render.CellsPerPixel(2), render.Dark)
	if !bytes.Equal(data, want.Bytes()) {
		t.Errorf("zoomed out, the PNG is not the renderer's picture of the view")
	}

	// An unwritable place: the message says why, and nothing changes.
	missing := filepath.Join(dir, "no", "such", "view.png")
	h.press('P', tcell.KeyCtrlU, missing, tcell.KeyEnter)
	f = h.tasked()
	if want := fmt.Sprintf("png: open %s: no such file or directory (nothing was changed)", missing); f.msg != want || f.pop != "5" {
		t.Errorf("P to %s: message %q, pop %s; want %q, 5", missing, f.msg, f.pop, want)
	}
	// Only .png names are taken.
	if f = h.press('P', tcell.KeyCtrlU, "view.gif", tcell.KeyEnter); f.overlay != "png" || !strings.Contains(f.text, "want a file name ending in .png") {
		t.Errorf("P view.gif: overlay %q:\n%s", f.overlay, f.text)
	}
	h.press(tcell.KeyEscape)
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in %s, want view.png alone", len(entries), dir)
	}
}

// gifFrames decodes an animated GIF and returns its frames composed as a
// viewer shows them.
func gifFrames(t *testing.T, data []byte) (*gif.GIF, []*image.RGBA) {
	t.Helper()
	g, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	canvas := image.NewRGBA(image.Rect(0, 0, g.Config.Width, g.Config.Height))
	var out []*image.RGBA
	for _, f := range g.Image {
		for y := f.Rect.Min.Y; y < f.Rect.Max.Y; y++ {
			for x := f.Rect.Min.X; x < f.Rect.Max.X; x++ {
				if _, _, _, a := f.At(x, y).RGBA(); a != 0 {
					canvas.Set(x, y, f.At(x, y))
				}
			}
		}
		out = append(out, &image.RGBA{Pix: bytes.Clone(canvas.Pix), Stride: canvas.Stride, Rect: canvas.Rect})
	}
	return g, out
}

// TestRecordGIF records 12 generations of a glider with G: the GIF has 12
// frames of the view, each the cells of the next generation, the board
// ends at the last of them, and u takes the recording back.
func TestRecordGIF(t *testing.T) {
	dir := t.TempDir()
	h := start(t, 80, 20, Options{Pattern: rle(t, gliderOnTorus), Name: "glider.rle"})
	h.press(' ')
	f := h.idle()
	g0 := gen(t, f)
	w0 := h.current()

	f = h.press('G')
	if f.overlay != "gif" || !strings.Contains(f.text, fmt.Sprintf("gens %d to %d, a frame each, 64 x 48 pixels", g0+1, g0+100)) {
		t.Fatalf("G: overlay %q, no note of the default 100 generations:\n%s", f.overlay, f.text)
	}
	if f = h.press(tcell.KeyCtrlU, "0"); !strings.Contains(f.text, "want a whole number of generations from 1 to 10000") {
		t.Errorf("0 generations: no error shown:\n%s", f.text)
	}
	f = h.press(tcell.KeyCtrlU, "12", tcell.KeyEnter)
	if f.overlay != "gif-file" || !strings.Contains(f.text, fmt.Sprintf("file: glider-%d.gif", g0)) {
		t.Fatalf("12 Enter: overlay %q, no default name:\n%s", f.overlay, f.text)
	}
	out := filepath.Join(dir, "run.gif")
	h.press(tcell.KeyCtrlU, out, tcell.KeyEnter)
	f = h.wait("the recording", func(f frame) bool { return f.idle && strings.HasPrefix(f.msg, "recorded") })
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("recorded gens %d to %d, 12 frames of 64 x 48 pixels (%d bytes), to %s", g0+1, g0+12, fi.Size(), out); f.msg != want {
		t.Errorf("message %q, want %q", f.msg, want)
	}
	if gen(t, f) != g0+12 || f.running {
		t.Errorf("after recording: gen %s, running %v; want %d, paused", f.gen, f.running, g0+12)
	}
	data, _ := os.ReadFile(out)
	g, frames := gifFrames(t, data)
	if len(frames) != 12 || g.Config.Width != 64 || g.Config.Height != 48 {
		t.Fatalf("%d frames of %d x %d, want 12 of 64 x 48", len(frames), g.Config.Width, g.Config.Height)
	}
	e := w0.Eng.Clone()
	for i, fr := range frames {
		e.Step(context.Background(), 1)
		if got, want := pixelCells(t, fr, 4, render.Light.Live), liveCells(e, engine.Rect{W: 16, H: 12}); !maps.Equal(got, want) {
			t.Errorf("frame %d: %v, want gen %d's %v", i, got, g0+i+1, want)
		}
	}
	if f = h.press('u'); gen(t, f) != g0 {
		t.Errorf("u: gen %s, want %d", f.gen, g0)
	}
}

// gated is an engine whose Step waits for a token on gate for each
// generation, or for its context's end, so that a test holds a recording
// in flight as long as it likes.
type gated struct {
	engine.Engine
	gate chan struct{}
}

func (g gated) Step(ctx context.Context, n uint64) error {
	for range n {
		select {
		case <-g.gate:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := g.Engine.Step(ctx, 1); err != nil {
			return err
		}
	}
	return nil
}

func (g gated) Clone() engine.Engine { return gated{g.Engine.Clone(), g.gate} }

// TestRecordGIFCancel cancels recordings in flight with Esc, Space, an
// edit and q: no file is left, not even a temporary one, and the universe
// stays where the recording began.
func TestRecordGIFCancel(t *testing.T) {
	gate := make(chan struct{}, 100)
	wrap := func(w world) world {
		w.Eng = gated{w.Eng, gate}
		return w
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "run.gif")
	h := start(t, 80, 20, Options{Pattern: rle(t, gliderOnTorus), Name: "glider.rle", wrap: wrap, WriteFile: atomicWrite})
	h.press(' ') // the first step waits at the gate; pausing drops it
	f := h.idle()
	for _, cancel := range []any{tcell.KeyEscape, ' ', 'c', 'q'} {
		gate <- struct{}{} // one generation passes; the second waits
		h.press('G', tcell.KeyCtrlU, "5", tcell.KeyEnter, tcell.KeyCtrlU, out, tcell.KeyEnter)
		if f = h.wait("the recording", func(f frame) bool { return !f.idle }); !strings.HasPrefix(f.msg, "recording ") || !strings.HasSuffix(f.msg, " to "+out+" (Esc cancels)") {
			t.Errorf("recording: message %q", f.msg)
		}
		if cancel == 'q' {
			h.key(tcell.KeyRune, 'q') // it quits: no frame may follow
			h.wait("Run to return", nil)
		} else {
			f = h.press(cancel)
			if f.msg != "gif: recording cancelled; no file written" || f.gen != "0" {
				t.Errorf("%v: message %q, gen %s; want gen 0", cancel, f.msg, f.gen)
			}
			h.idle()
			if cancel == 'c' {
				// c put in an empty engine of its own, which nothing holds
				// back: bring back the held-back glider for the next case.
				h.press('r')
				h.idle()
			}
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("after cancelling with %v: %v in %s", cancel, entries, dir)
		}
		for len(gate) > 0 {
			<-gate
		}
	}
}

// atomicWrite writes through a temporary file and a rename, as cmd/life's
// writer does.
func atomicWrite(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}
