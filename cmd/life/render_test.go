package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/render"
)

// picture decodes the PNG at path and returns its size and the pixels in
// the theme's Live colour.
func picture(t *testing.T, path string, live color.Color) (w, h int, cells map[[2]int]bool) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img.Bounds().Dx(), img.Bounds().Dy(), liveIn(img, live)
}

func liveIn(img image.Image, live color.Color) map[[2]int]bool {
	cells := map[[2]int]bool{}
	lr, lg, lb, _ := live.RGBA()
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, b, _ := img.At(x, y).RGBA(); r == lr && g == lg && b == lb {
				cells[[2]int{y - img.Bounds().Min.Y, x - img.Bounds().Min.X}] = true
			}
		}
	}
	return cells
}

// animation decodes the GIF at path and returns its frames as a viewer
// shows them, each as its pixels in the Live colour.
func animation(t *testing.T, path string, live color.Color) (w, h int, frames []map[[2]int]bool) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	canvas := image.NewRGBA(image.Rect(0, 0, g.Config.Width, g.Config.Height))
	for _, f := range g.Image {
		draw.Draw(canvas, f.Rect, f, f.Rect.Min, draw.Over)
		frames = append(frames, liveIn(canvas, live))
	}
	return g.Config.Width, g.Config.Height, frames
}

func cellSet(cells ...[2]int) map[[2]int]bool {
	m := map[[2]int]bool{}
	for _, c := range cells {
		m[c] = true
	}
	return m
}

func TestRenderPNG(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "glider.png")
	// The glider after 4 generations has moved one cell down and right:
	// its box with a margin of one cell, at 1 pixel a cell.
	code, stdout, errs := life(t, "", "render", "--gens", "4", "--torus", "16x16", "--scale", "1", "-o", out, "testdata/glider.rle")
	if code != 0 || stdout != "" || errs != "" {
		t.Fatalf("exit %d %q %q", code, stdout, errs)
	}
	w, h, cells := picture(t, out, render.Light.Live)
	if want := cellSet([2]int{1, 2}, [2]int{2, 3}, [2]int{3, 1}, [2]int{3, 2}, [2]int{3, 3}); w != 5 || h != 5 || !maps.Equal(cells, want) {
		t.Errorf("%d x %d %v, want 5 x 5 %v", w, h, cells, want)
	}
	// A --rect in Golly's coordinates: the glider as read has its top-left
	// cell at (-1, -1). Dark, at 3 pixels a cell.
	code, _, errs = life(t, "", "render", "--torus", "16x16", "--rect", "-1,-1,3,3", "--scale", "3", "--theme", "dark", "-o", out, "testdata/glider.rle")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d %q", code, errs)
	}
	w, h, cells = picture(t, out, render.Dark.Live)
	if w != 9 || h != 9 || len(cells) != 5*9 || !cells[[2]int{0, 3}] || cells[[2]int{0, 0}] {
		t.Errorf("--rect: %d x %d, %d live pixels", w, h, len(cells))
	}
	// From standard input, flags after the pattern: a block.
	code, _, errs = life(t, "x = 2, y = 2\n2o$2o!", "render", "-", "-o", out, "--scale", "1")
	if w, h, cells = picture(t, out, render.Light.Live); code != 0 || errs != "" || w != 4 || h != 4 || len(cells) != 4 {
		t.Errorf("stdin: exit %d %q, %d x %d, %d live pixels", code, errs, w, h, len(cells))
	}
}

// TestRenderPlane checks that a pattern without a bounded-grid suffix runs
// on the unbounded plane: a glider 2^40 generations on, 2^38 cells down
// and right, far beyond any torus, still fits the picture, and --rect
// finds it there in Golly's coordinates.
func TestRenderPlane(t *testing.T) {
	out := filepath.Join(t.TempDir(), "far.png")
	code, _, errs := life(t, "", "render", "--gens", "1099511627776", "--scale", "1", "-o", out, "testdata/glider.rle")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d %q", code, errs)
	}
	w, h, cells := picture(t, out, render.Light.Live)
	if want := cellSet([2]int{1, 2}, [2]int{2, 3}, [2]int{3, 1}, [2]int{3, 2}, [2]int{3, 3}); w != 5 || h != 5 || !maps.Equal(cells, want) {
		t.Errorf("%d x %d %v, want 5 x 5 %v", w, h, cells, want)
	}
	const far = 1 << 38
	code, _, errs = life(t, "", "render", "--gens", "1099511627776", "--scale", "1", "--rect", fmt.Sprintf("%d,%d,3,3", far-1, far-1), "-o", out, "testdata/glider.rle")
	if w, h, cells = picture(t, out, render.Light.Live); code != 0 || errs != "" || w != 3 || h != 3 || len(cells) != 5 {
		t.Errorf("--rect at 2^38: exit %d %q, %d x %d, %d live pixels", code, errs, w, h, len(cells))
	}
}

func TestRenderSVG(t *testing.T) {
	out := filepath.Join(t.TempDir(), "gun.svg")
	code, _, errs := life(t, "", "render", "--torus", "80x60", "-o", out, "testdata/gosper.rle")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d %q", code, errs)
	}
	data, _ := os.ReadFile(out)
	var doc struct {
		Width   string `xml:"width,attr"`
		ViewBox string `xml:"viewBox,attr"`
		Paths   []struct {
			D string `xml:"d,attr"`
		} `xml:"g>path"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	// 36 x 9 cells and a margin of one, at the automatic 8 pixels a cell;
	// a path for each of the 9 rows.
	if doc.ViewBox != "0 0 38 11" || doc.Width != "304" || len(doc.Paths) != 9 {
		t.Errorf("viewBox %q, width %q, %d paths", doc.ViewBox, doc.Width, len(doc.Paths))
	}
}

// TestRenderGIFGlider records a glider going round an 8 x 8 torus: 33
// frames, the last the same as the first.
func TestRenderGIFGlider(t *testing.T) {
	out := filepath.Join(t.TempDir(), "glider.gif")
	code, _, errs := life(t, "", "render", "--gens", "32", "--torus", "8x8", "--scale", "2", "--rect", "-4,-4,8,8", "-o", out, "testdata/glider.rle")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d %q", code, errs)
	}
	w, h, frames := animation(t, out, render.Light.Live)
	if w != 16 || h != 16 || len(frames) != 33 {
		t.Fatalf("%d x %d, %d frames; want 16 x 16, 33", w, h, len(frames))
	}
	for i, f := range frames {
		if len(f) != 5*4 {
			t.Errorf("frame %d: %d live pixels, want 20", i, len(f))
		}
	}
	if !maps.Equal(frames[0], frames[32]) || maps.Equal(frames[0], frames[4]) {
		t.Error("the glider is not home after 32 generations, or did not move")
	}
	// Every 4 generations, 9 frames, fitted to all of them: the glider
	// crosses the whole torus, so the picture is all of it.
	code, _, errs = life(t, "", "render", "--every", "4", "--frames", "9", "--torus", "8x8", "--scale", "1", "-o", out, "testdata/glider.rle")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d %q", code, errs)
	}
	if w, h, frames = animation(t, out, render.Light.Live); w != 8 || h != 8 || len(frames) != 9 {
		t.Errorf("%d x %d, %d frames; want 8 x 8, 9", w, h, len(frames))
	}
	// The last 3 frames of 10 generations, and --follow: the glider stays
	// put in a picture of its size with a margin.
	code, _, errs = life(t, "", "render", "--gens", "10", "--frames", "3", "--every", "4", "--follow", "--scale", "1", "-o", out, "testdata/glider.rle")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d %q", code, errs)
	}
	if w, h, frames = animation(t, out, render.Light.Live); w != 5 || h != 5 || len(frames) != 3 || !maps.Equal(frames[0], frames[2]) {
		t.Errorf("--follow: %d x %d, %d frames; want 5 x 5, 3, the same", w, h, len(frames))
	}
}

// TestRenderGIFReplay checks that a GIF whose frames outgrow the memory
// kept for them, and are drawn in a second run, is the same, and that the
// progress bar grows to count that run.
func TestRenderGIFReplay(t *testing.T) {
	dir := t.TempDir()
	args := []string{"render", "--gens", "60", "--every", "3", "--torus", "64x48", "testdata/gosper.rle", "-o"}
	if code, _, errs := life(t, "", append(args, filepath.Join(dir, "kept.gif"))...); code != 0 {
		t.Fatalf("exit %d %q", code, errs)
	}
	defer func(b int64) { frameBudget = b }(frameBudget)
	frameBudget = 200 // runs: the gun and a few gliders
	fakeTerminal(t, 200*time.Millisecond)
	code, _, errs := life(t, "", append(args, filepath.Join(dir, "replayed.gif"))...)
	if code != 0 || !strings.Contains(errs, "/60)") || !strings.Contains(errs, "(119/120)") {
		t.Fatalf("exit %d %q", code, errs)
	}
	kept, _ := os.ReadFile(filepath.Join(dir, "kept.gif"))
	replayed, _ := os.ReadFile(filepath.Join(dir, "replayed.gif"))
	if len(kept) == 0 || !bytes.Equal(kept, replayed) {
		t.Errorf("kept frames make %d bytes, replayed ones %d, not the same", len(kept), len(replayed))
	}
}

// TestRenderGosperGIF checks the size of 200 generations of the Gosper gun
// at 4 pixels a cell, which the README reports.
func TestRenderGosperGIF(t *testing.T) {
	out := filepath.Join(t.TempDir(), "gun.gif")
	code, _, errs := life(t, "", "render", "--gens", "200", "--scale", "4", "--torus", "80x60", "-o", out, "testdata/gosper.rle")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d %q", code, errs)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("200 generations of the Gosper gun at scale 4: %d bytes", fi.Size())
	if fi.Size() > 200_000 {
		t.Errorf("%d bytes, want under 200 KB", fi.Size())
	}
	if w, h, frames := animation(t, out, render.Light.Live); w != 320 || h != 240 || len(frames) != 201 {
		t.Errorf("%d x %d, %d frames; want 320 x 240, 201", w, h, len(frames))
	}
}

// TestRenderEveryEngine draws the same pictures with every engine that runs
// the topology: a PNG zoomed in and zoomed out (where engines may count
// blocks their own way), an SVG and a GIF, on a torus and on a bounded plane.
func TestRenderEveryEngine(t *testing.T) {
	dir := t.TempDir()
	for _, topo := range []string{"B3/S23:T64,48", "B3/S23:P64,48"} {
		r, err := engine.ParseRule(topo)
		if err != nil {
			t.Fatal(err)
		}
		for _, out := range []string{"a.png", "a.gif", "a.svg", "b.png"} {
			var first []byte
			var firstName string
			for _, c := range engine.Algos() {
				if c.Runs(r) != nil {
					continue // the engine does not run this topology
				}
				path := filepath.Join(dir, c.Name+out)
				scale := "2"
				if out == "b.png" {
					scale = "1/4"
				}
				args := []string{"render", "--engine", c.Name, "--rule", topo, "--gens", "40", "--scale", scale, "-o", path, "testdata/gosper.rle"}
				if out == "a.gif" {
					args = append(args, "--every", "8")
				}
				code, _, errs := life(t, "", args...)
				if code != 0 || errs != "" {
					t.Fatalf("%s %s %s: exit %d %q", topo, c.Name, out, code, errs)
				}
				data, _ := os.ReadFile(path)
				if first == nil {
					first, firstName = data, c.Name
				} else if !bytes.Equal(data, first) {
					t.Errorf("%s: %s draws another %s than %s", topo, c.Name, out, firstName)
				}
			}
		}
	}
}

func TestRenderErrors(t *testing.T) {
	dir := t.TempDir()
	png := filepath.Join(dir, "out.png")
	gif := filepath.Join(dir, "out.gif")
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"testdata/glider.rle"}, "render: want -o FILE, a file name ending in .png, .gif or .svg"},
		{[]string{"-o", "out.jpg", "testdata/glider.rle"}, "render: -o out.jpg: want a file name ending in .png, .gif or .svg"},
		{[]string{"-o", png}, "render: want one PATTERN (a file, or - for standard input), got 0 arguments"},
		{[]string{"-o", png, "--scale", "1/3", "testdata/glider.rle"}, `render: --scale: scale "1/3": below 1 a scale is 1/2, 1/4, 1/8, ... down to 1/2^30 (a pixel a square block of cells)`},
		{[]string{"-o", png, "--theme", "sepia", "testdata/glider.rle"}, `render: --theme: unknown theme "sepia", want one of light, dark`},
		{[]string{"-o", png, "--rect", "1,2,3", "testdata/glider.rle"}, `render: --rect: "1,2,3": want X,Y,W,H, the top-left cell and the size in cells, such as -20,-10,40,20`},
		{[]string{"-o", png, "--rect", "0,0,0,5", "testdata/glider.rle"}, `render: --rect: "0,0,0,5": want X,Y,W,H, the top-left cell and the size in cells, such as -20,-10,40,20`},
		{[]string{"-o", png, "--every", "2", "testdata/glider.rle"}, "render: --every is for a GIF, and -o " + png + " is not one"},
		{[]string{"-o", png, "--follow", "testdata/glider.rle"}, "render: --follow is for a GIF, and -o " + png + " is not one"},
		{[]string{"-o", gif, "--every", "0", "testdata/glider.rle"}, "render: --every: want a whole number of generations from 1"},
		{[]string{"-o", gif, "--frames", "0", "testdata/glider.rle"}, "render: --frames: want a whole number of frames from 1"},
		{[]string{"-o", gif, "--frames", "10", "--every", "3", "--gens", "20", "testdata/glider.rle"}, "render: --frames 10, one every 3 generations, need --gens 27 or more, not 20"},
		{[]string{"-o", gif, "--frames", "20000", "testdata/glider.rle"}, "render: 20000 frames are more than the 10000 a GIF may have; give fewer --frames or more --every"},
		{[]string{"-o", gif, "--gens", "10001", "testdata/glider.rle"}, "render: 10002 frames are more than the 10000 a GIF may have; give fewer --frames or more --every"},
		{[]string{"-o", gif, "--gens", "18446744073709551615", "testdata/glider.rle"}, "render: 18446744073709551616 frames are more than the 10000 a GIF may have; give fewer --frames or more --every"},
		{[]string{"-o", gif, "--frames", "3", "--every", "18446744073709551615", "testdata/glider.rle"}, "render: --frames 3, one every 18446744073709551615 generations, are more generations than can be counted"},
		// Refused before the run, which would take a long while.
		{[]string{"-o", png, "--gens", "1000000000", "--rect", "0,0,9000,9000", "--scale", "4", "testdata/glider.rle"}, "render: 9000 x 9000 cells at scale 4: the picture would be more than 32768 pixels wide or high; choose a smaller --scale or --rect"},
		{[]string{"-o", gif, "--gens", "1000000000", "--every", "1000000", "--rect", "0,0,2000,2000", "--scale", "1", "testdata/glider.rle"}, "render: 2000 x 2000 cells at scale 1: 1001 frames of 2000 x 2000 pixels are more than the 268435456 pixels a GIF may have in all; choose a smaller --scale or --rect"},
		{[]string{"-o", gif, "--gens", "1000000000", "--every", "1000000", "--scale", "4", "testdata/soup256.rle"}, "render: 256 x 256 cells at scale 4: 1001 frames of 1024 x 1024 pixels are more than the 268435456 pixels a GIF may have in all; choose a smaller --scale or --rect"},
	} {
		code, _, errs := life(t, "", append([]string{"render"}, tc.args...)...)
		if i := strings.LastIndex(errs, "life: "); i > 0 {
			errs = errs[i:] // after the usage text
		}
		if code != 2 || errs != "life: "+tc.msg+"\n" {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant exit 2:\nlife: %s", tc.args, code, errs, tc.msg)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left behind: %v", entries)
	}
	code, _, errs := life(t, "", "render", "--help")
	if code != 0 || !strings.Contains(errs, "Usage: life render") || !strings.Contains(errs, "-scale S") {
		t.Errorf("--help: exit %d %q", code, errs)
	}
}

// TestRenderKeepsOldFile checks that a failed or interrupted render leaves
// an existing output file as it was, and no temporary file.
func TestRenderKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.gif")
	os.WriteFile(out, []byte("old"), 0o644)
	bad := filepath.Join(dir, "bad.rle")
	os.WriteFile(bad, []byte("x = 3, y = 3\nbo$2bz!"), 0o644)
	code, _, errs := life(t, "", "render", "-o", out, bad)
	if code != 2 || errs != "life: "+bad+":2:6: unexpected 'z', want a run count, 'b', 'o', '$' or '!'\n" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	// Interrupted: the context is cancelled before the first generation.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code = dispatch(&env{ctx: ctx, args: []string{"render", "--gens", "50", "--torus", "16x16", "-o", out, "testdata/glider.rle"}, stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr})
	if code != 1 || stderr.String() != "life: testdata/glider.rle: stopped while reading: context canceled\n" {
		t.Errorf("interrupted: exit %d, stderr %q", code, stderr.String())
	}
	// Interrupted with nothing to run: stopped before writing.
	stderr.Reset()
	code = dispatch(&env{ctx: cancelAfterLoad(), args: []string{"render", "--gens", "0", "--torus", "16x16", "-o", out, "testdata/glider.rle"}, stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr})
	if code != 1 || stderr.String() != "life: testdata/glider.rle: stopped before "+out+" was written: context canceled\n" {
		t.Errorf("interrupted before writing: exit %d, stderr %q", code, stderr.String())
	}
	if data, _ := os.ReadFile(out); string(data) != "old" {
		t.Errorf("the old file now holds %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files left behind: %v", entries)
	}
}

var update = flag.Bool("update", false, "rewrite testdata/gosper.gif, the README's animation")

// readmeGIF is the command in the README that made testdata/gosper.gif,
// run from the repository's root.
const readmeGIF = "render --gens 120 --every 2 --scale 4 --torus 100x100 -o gosper.gif cmd/life/testdata/gosper.rle"

// TestReadmeGIF checks that the README's command still makes the GIF the
// README shows, byte for byte; -update rewrites it.
func TestReadmeGIF(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "go run ./cmd/life "+readmeGIF+"\n") || !strings.Contains(string(readme), "](cmd/life/testdata/gosper.gif)") {
		t.Errorf("the README does not show %q and its GIF", readmeGIF)
	}
	out := filepath.Join(t.TempDir(), "gosper.gif")
	args := strings.Fields(readmeGIF)
	for i, a := range args {
		switch a {
		case "gosper.gif":
			args[i] = out
		case "cmd/life/testdata/gosper.rle":
			args[i] = "testdata/gosper.rle"
		}
	}
	if code, _, errs := life(t, "", args...); code != 0 {
		t.Fatalf("exit %d %q", code, errs)
	}
	got, _ := os.ReadFile(out)
	if *update {
		if err := os.WriteFile("testdata/gosper.gif", got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/gosper.gif")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the command makes a GIF of %d bytes, not the README's %d (go test -run ReadmeGIF -update rewrites it)", len(got), len(want))
	}
	if len(want) > 50_000 {
		t.Errorf("the README's GIF is %d bytes: keep it small", len(want))
	}
}

// cancelAfterLoad returns a context that is cancelled once a load has
// read its file: its Done channel is asked for first by the read, and
// reported done from the second Err on.
func cancelAfterLoad() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	return &lateCancel{Context: ctx, cancel: cancel}
}

type lateCancel struct {
	context.Context
	cancel context.CancelFunc
	errs   int
}

func (c *lateCancel) Err() error {
	if c.errs++; c.errs > 2 {
		c.cancel()
	}
	return c.Context.Err()
}

// TestRenderExtremes draws a pattern whose cells lie 2^62-1 from the
// origin every way: fitting it asks for a picture 2^63-1 cells wide, which
// is refused as too large (its size no longer wraps to a negative one), and
// a --rect about the origin draws the cells there.
func TestRenderExtremes(t *testing.T) {
	dir := t.TempDir()
	far := filepath.Join(dir, "far.lif")
	text := "#Life 1.06\n-4611686018427387903 -4611686018427387903\n4611686018427387903 4611686018427387903\n0 0\n1 0\n2 0\n"
	if err := os.WriteFile(far, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{"png", "svg"} {
		out := filepath.Join(dir, "x."+ext)
		code, _, errs := life(t, "", "render", "--engine", "hashlife", "-o", out, far)
		if want := "9223372036854775807 x 9223372036854775807 cells at scale 1/1073741824: the picture would be more than"; code != 2 || !strings.Contains(errs, want) {
			t.Errorf("%s: exit %d %q, want 2 and %q", ext, code, errs, want)
		}
	}
	out := filepath.Join(dir, "o.png")
	code, _, errs := life(t, "", "render", "--engine", "hashlife", "--scale", "1", "--rect", "-1,-1,5,3", "-o", out, far)
	if w, h, cells := picture(t, out, render.Light.Live); code != 0 || errs != "" || w != 5 || h != 3 || !maps.Equal(cells, cellSet([2]int{1, 1}, [2]int{1, 2}, [2]int{1, 3})) {
		t.Errorf("--rect about the origin: exit %d %q, %d x %d %v", code, errs, w, h, cells)
	}
}
