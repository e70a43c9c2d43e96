package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const (
	gliderRLE = "x = 3, y = 3\nbo$2bo$3o!"
	gunRLE    = "x = 36, y = 9, rule = B3/S23\n24bo$22bobo$12b2o6b2o12b2o$11bo3bo4b2o12b2o$2o8bo5bo3b2o$2o8bo3bob2o4bobo$10bo5bo7bo$11bo3bo$12b2o!"
)

// universe returns a protocol engine on a w x h torus holding the RLE
// pattern with its top-left cell at (y, x), stepped gens generations.
func universe(t testing.TB, rle string, w, h int, y, x int64, gens uint64) engine.Engine {
	t.Helper()
	p, err := patterns.Read("test.rle", strings.NewReader(rle))
	if err != nil {
		t.Fatal(err)
	}
	r := engine.Life
	r.Topology = engine.TorusOf(w, h)
	e, err := engine.NewProtocol(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.Cells(func(py, px int64) { e.SetCell(y+py, x+px, true) })
	if err := e.Step(context.Background(), gens); err != nil {
		t.Fatal(err)
	}
	return e
}

// soup returns a w x h torus filled by a fixed pseudo-random sequence,
// about a third of its cells alive.
func soup(t testing.TB, w, h int) engine.Engine {
	r := engine.Life
	r.Topology = engine.TorusOf(w, h)
	e, err := engine.NewProtocol(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := uint32(7)
	for y := range h {
		for x := range w {
			s = s*1664525 + 1013904223
			if s>>24 < 85 {
				e.SetCell(int64(y), int64(x), true)
			}
		}
	}
	return e
}

// golden compares got with testdata/name, or rewrites it with -update.
// same says whether two contents are equal.
func golden(t *testing.T, name string, got []byte, same func(want, got []byte) error) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if err := same(want, got); err != nil {
		os.WriteFile(filepath.Join(t.TempDir(), name), got, 0o644)
		t.Errorf("%s: %v", name, err)
	}
}

// samePixels reports whether two PNG files decode to the same colours,
// pixel for pixel.
func samePixels(want, got []byte) error {
	a, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		return fmt.Errorf("golden: %v", err)
	}
	b, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		return fmt.Errorf("got: %v", err)
	}
	if a.Bounds() != b.Bounds() {
		return fmt.Errorf("size %v, want %v", b.Bounds(), a.Bounds())
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if ca, cb := color.RGBAModel.Convert(a.At(x, y)), color.RGBAModel.Convert(b.At(x, y)); ca != cb {
				return fmt.Errorf("pixel (%d, %d) is %v, want %v", x, y, cb, ca)
			}
		}
	}
	return nil
}

func sameBytes(want, got []byte) error {
	if !bytes.Equal(want, got) {
		return fmt.Errorf("differs:\n%s\nwant:\n%s", got, want)
	}
	return nil
}

// pictures are the golden pictures: a pattern, a viewport and a scale.
var pictures = []struct {
	name  string
	eng   func(t testing.TB) engine.Engine
	r     engine.Rect
	scale string
	theme Theme
}{
	{"glider-1", func(t testing.TB) engine.Engine { return universe(t, gliderRLE, 8, 8, 1, 1, 0) }, engine.Rect{X: 0, Y: 0, W: 5, H: 5}, "1", Light},
	{"glider-8", func(t testing.TB) engine.Engine { return universe(t, gliderRLE, 8, 8, 1, 1, 1) }, engine.Rect{X: 0, Y: 0, W: 5, H: 5}, "8", Light},
	{"glider-8-dark", func(t testing.TB) engine.Engine { return universe(t, gliderRLE, 8, 8, 1, 1, 2) }, engine.Rect{X: 0, Y: 0, W: 5, H: 5}, "8", Dark},
	{"gun-3", func(t testing.TB) engine.Engine { return universe(t, gunRLE, 64, 48, 2, 2, 60) }, engine.Rect{X: 0, Y: 0, W: 64, H: 48}, "3", Light},
	{"gun-half-dark", func(t testing.TB) engine.Engine { return universe(t, gunRLE, 64, 48, 2, 2, 60) }, engine.Rect{X: 0, Y: 0, W: 64, H: 48}, "1/2", Dark},
	{"soup-quarter", func(t testing.TB) engine.Engine { return soup(t, 64, 64) }, engine.Rect{X: 0, Y: 0, W: 62, H: 61}, "0.25", Light},
}

func TestPNGGolden(t *testing.T) {
	for _, p := range pictures {
		t.Run(p.name, func(t *testing.T) {
			s, err := ParseScale(p.scale)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := PNG(&b, p.eng(t), p.r, s, p.theme); err != nil {
				t.Fatal(err)
			}
			golden(t, p.name+".png", b.Bytes(), samePixels)
		})
	}
}

func TestSVGGolden(t *testing.T) {
	for _, p := range pictures {
		t.Run(p.name, func(t *testing.T) {
			s, _ := ParseScale(p.scale)
			e := p.eng(t)
			var b bytes.Buffer
			if err := SVG(&b, e, p.r, s, p.theme); err != nil {
				t.Fatal(err)
			}
			golden(t, p.name+".svg", b.Bytes(), sameBytes)
			w, h, cells := parseSVG(t, b.Bytes())
			if w != p.r.W || h != p.r.H {
				t.Errorf("viewBox %d x %d, want %d x %d", w, h, p.r.W, p.r.H)
			}
			if want := cellsOf(e, p.r); !maps.Equal(cells, want) {
				t.Errorf("the SVG holds %d cells %v, want %d %v", len(cells), cells, len(want), want)
			}
		})
	}
}

// runPath is a run of live cells as [SVG] writes it.
var runPath = regexp.MustCompile(`^M(\d+) (\d+)h(\d+)v1h-(\d+)z`)

// parseSVG reads back an SVG drawing: its viewBox size and its live cells,
// relative to the viewport.
func parseSVG(t *testing.T, data []byte) (w, h int64, cells map[[2]int64]bool) {
	t.Helper()
	var doc struct {
		ViewBox string `xml:"viewBox,attr"`
		Rect    struct {
			Fill string `xml:"fill,attr"`
		} `xml:"rect"`
		G struct {
			Fill  string `xml:"fill,attr"`
			Paths []struct {
				D string `xml:"d,attr"`
			} `xml:"path"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Sscanf(doc.ViewBox, "0 0 %d %d", &w, &h); err != nil {
		t.Fatalf("viewBox %q: %v", doc.ViewBox, err)
	}
	cells = map[[2]int64]bool{}
	for _, p := range doc.G.Paths {
		for d := p.D; d != ""; {
			m := runPath.FindStringSubmatch(d)
			if m == nil || m[3] != m[4] {
				t.Fatalf("path %q: cannot read %q", p.D, d)
			}
			x, _ := strconv.ParseInt(m[1], 10, 64)
			y, _ := strconv.ParseInt(m[2], 10, 64)
			n, _ := strconv.ParseInt(m[3], 10, 64)
			for i := range n {
				cells[[2]int64{y, x + i}] = true
			}
			d = d[len(m[0]):]
		}
	}
	return w, h, cells
}

// cellsOf returns the live cells of e inside r, relative to r.
func cellsOf(e engine.Engine, r engine.Rect) map[[2]int64]bool {
	cells := map[[2]int64]bool{}
	for y := range r.H {
		for x := range r.W {
			if e.Cell(r.Y+y, r.X+x) {
				cells[[2]int64{y, x}] = true
			}
		}
	}
	return cells
}

// TestImageMatchesCells checks every pixel against the cells it shows,
// through Cell alone: a whole cell at scales 1 and up, a shade by the
// fraction of live cells in the block when zoomed out, including the
// partial blocks at the right and bottom edges and a viewport that starts
// off the grid's corner.
func TestImageMatchesCells(t *testing.T) {
	testImageMatchesCells(t, soup(t, 40, 40))
	// In bands of a few rows of blocks.
	defer func(b int64) { blockBand = b }(blockBand)
	blockBand = 7
	testImageMatchesCells(t, soup(t, 40, 40))
	testImageMatchesCells(t, cellCounter{soup(t, 40, 40)})
}

// TestImageBlockCounter does the same with an engine that counts blocks
// its own way, as HashLife and the bitwise engine do.
func TestImageBlockCounter(t *testing.T) {
	testImageMatchesCells(t, cellCounter{soup(t, 40, 40)})
}

// cellCounter counts blocks cell by cell through Cell, within the 40 x 40
// grid.
type cellCounter struct{ engine.Engine }

func (c cellCounter) CountBlocks(r engine.Rect, k uint, dst []uint64) {
	cols := (r.W + 1<<k - 1) >> k
	rows := (r.H + 1<<k - 1) >> k
	clear(dst[:rows*cols])
	for y := max(r.Y, 0); y < min(r.Y+r.H, 40); y++ {
		for x := max(r.X, 0); x < min(r.X+r.W, 40); x++ {
			if c.Cell(y, x) {
				dst[((y-r.Y)>>k)*cols+(x-r.X)>>k]++
			}
		}
	}
}

func testImageMatchesCells(t *testing.T, e engine.Engine) {
	for _, scale := range []string{"1", "2", "5", "1/2", "1/4", "1/8", "1/64"} {
		for _, r := range []engine.Rect{{X: 0, Y: 0, W: 40, H: 40}, {X: 3, Y: 5, W: 29, H: 23}, {X: -6, Y: -2, W: 17, H: 50}} {
			s, err := ParseScale(scale)
			if err != nil {
				t.Fatal(err)
			}
			img, err := Image(e, r, s, Light)
			if err != nil {
				t.Fatal(err)
			}
			z, side := int64(s.Zoom()), int64(1)<<s.Shift()
			for py := range int64(img.Rect.Dy()) {
				for px := range int64(img.Rect.Dx()) {
					var live, area int64
					for y := py / z * side; y < min((py/z+1)*side, r.H); y++ {
						for x := px / z * side; x < min((px/z+1)*side, r.W); x++ {
							area++
							// Cells off the torus's grid are drawn dead.
							gy, gx := r.Y+y, r.X+x
							if gy >= 0 && gy < 40 && gx >= 0 && gx < 40 && e.Cell(gy, gx) {
								live++
							}
						}
					}
					L := int64(s.Levels())
					want := (live*L + area - 1) / area
					if got := int64(img.Pix[py*int64(img.Stride)+px]); got != want {
						t.Fatalf("scale %s, %v: pixel (%d, %d) is %d, want %d (%d of %d cells)", scale, r, px, py, got, want, live, area)
					}
				}
			}
		}
	}
}

func TestParseScale(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1", "1"}, {"4", "4"}, {"64", "64"}, {"4.0", "4"}, {" 2 ", "2"},
		{"1/1", "1"}, {"1/2", "1/2"}, {"1/4", "1/4"}, {"0.25", "1/4"}, {"0.125", "1/8"}, {"2/8", "1/4"}, {"1/1073741824", "1/1073741824"},
	} {
		s, err := ParseScale(tc.in)
		if err != nil || s.String() != tc.want {
			t.Errorf("ParseScale(%q) = %v, %v; want %s", tc.in, s, err, tc.want)
		}
	}
	for _, tc := range []struct{ in, msg string }{
		{"0", `scale "0": want 1 to 64 pixels a cell, or a fraction such as 1/4`},
		{"65", `scale "65": want 1 to 64 pixels a cell, or a fraction such as 1/4`},
		{"x", `scale "x": want a whole number of pixels a cell (4), or 1/2, 1/4, 1/8, ...`},
		{"-0.5", `scale "-0.5": want a whole number of pixels a cell (4), or 1/2, 1/4, 1/8, ...`},
		{"1/0", `scale "1/0": want a whole number of pixels a cell (4), or 1/2, 1/4, 1/8, ...`},
		{"1.5", `scale "1.5": above 1 a scale is a whole number of pixels a cell, 1 to 64`},
		{"1/3", `scale "1/3": below 1 a scale is 1/2, 1/4, 1/8, ... down to 1/2^30 (a pixel a square block of cells)`},
		{"1/2147483648", `scale "1/2147483648": below 1 a scale is 1/2, 1/4, 1/8, ... down to 1/2^30 (a pixel a square block of cells)`},
	} {
		if _, err := ParseScale(tc.in); err == nil || err.Error() != tc.msg {
			t.Errorf("ParseScale(%q): %v, want %s", tc.in, err, tc.msg)
		}
	}
}

func TestTooLarge(t *testing.T) {
	e := universe(t, gliderRLE, 8, 8, 1, 1, 0)
	for _, tc := range []struct {
		r     engine.Rect
		scale string
		msg   string
	}{
		{engine.Rect{W: 10000, H: 10000}, "4", "10000 x 10000 cells at scale 4: the picture would be more than 32768 pixels wide or high"},
		{engine.Rect{W: 10000, H: 10000}, "1", "10000 x 10000 cells at scale 1: the picture would be 10000 x 10000 pixels, more than the 67108864 (8192 x 8192) allowed"},
		{engine.Rect{W: 1 << 40, H: 1}, "1/1024", "1099511627776 x 1 cells at scale 1/1024: the picture would be more than 32768 pixels wide or high"},
		{engine.Rect{W: 0, H: 5}, "1", "0 x 5 cells at scale 1: the viewport is empty"},
	} {
		s, _ := ParseScale(tc.scale)
		var b bytes.Buffer
		err := PNG(&b, e, tc.r, s, Light)
		var se *SizeError
		if !errors.As(err, &se) || err.Error() != tc.msg || b.Len() != 0 {
			t.Errorf("%v at %s: %v, wrote %d bytes; want %s", tc.r, tc.scale, err, b.Len(), tc.msg)
		}
		if _, err := NewGIF(tc.r, s, Light); err == nil || err.Error() != tc.msg {
			t.Errorf("NewGIF %v at %s: %v", tc.r, tc.scale, err)
		}
	}
	// SVG: vector, so the cells count rather than the pixels.
	s, _ := ParseScale("1/8")
	err := SVG(new(bytes.Buffer), e, engine.Rect{W: 10000, H: 10000}, s, Light)
	if err == nil || err.Error() != "10000 x 10000 cells at scale 1/8: more than the 67108864 cells a drawing may show" {
		t.Errorf("SVG: %v", err)
	}
	// A product of sides that would overflow an int64.
	s, _ = ParseScale("1/1073741824")
	err = SVG(new(bytes.Buffer), e, engine.Rect{W: 1 << 40, H: 1 << 40}, s, Light)
	if err == nil || err.Error() != "1099511627776 x 1099511627776 cells at scale 1/1073741824: more than the 67108864 cells a drawing may show" {
		t.Errorf("SVG: %v", err)
	}
	// GIFs: frames.
	r := engine.Rect{W: 100, H: 100}
	for _, tc := range []struct {
		frames int
		msg    string
	}{
		{10001, "100 x 100 cells at scale 1: 10001 frames are more than the 10000 a GIF may have"},
	} {
		if err := CheckGIF(r, PixelsPerCell(1), tc.frames); err == nil || err.Error() != tc.msg {
			t.Errorf("%d frames: %v", tc.frames, err)
		}
	}
	if err := CheckGIF(engine.Rect{W: 4000, H: 4000}, PixelsPerCell(1), 20); err == nil || err.Error() != "4000 x 4000 cells at scale 1: 20 frames of 4000 x 4000 pixels are more than the 268435456 pixels a GIF may have in all" {
		t.Errorf("GIF pixels: %v", err)
	}
}

// frames decodes an animated GIF and returns its frames composed as a
// viewer shows them, each as the set of pixels in the Live colour.
func frames(t *testing.T, data []byte, live color.Color) (w, h int, out []map[[2]int]bool, g *gif.GIF) {
	t.Helper()
	g, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	canvas := image.NewRGBA(image.Rect(0, 0, g.Config.Width, g.Config.Height))
	lr, lg, lb, _ := live.RGBA()
	for _, f := range g.Image {
		for y := f.Rect.Min.Y; y < f.Rect.Max.Y; y++ {
			for x := f.Rect.Min.X; x < f.Rect.Max.X; x++ {
				if _, _, _, a := f.At(x, y).RGBA(); a != 0 {
					canvas.Set(x, y, f.At(x, y))
				}
			}
		}
		cells := map[[2]int]bool{}
		for y := range g.Config.Height {
			for x := range g.Config.Width {
				r, gg, b, _ := canvas.At(x, y).RGBA()
				if r == lr && gg == lg && b == lb {
					cells[[2]int{y, x}] = true
				}
			}
		}
		out = append(out, cells)
	}
	return g.Config.Width, g.Config.Height, out, g
}

// TestGIFGliderOnTorus records a glider crossing an 8 x 8 torus, a frame a
// generation for 33 generations, and checks every frame against the cells
// of the generation it shows: the glider goes round and is home at 32.
func TestGIFGliderOnTorus(t *testing.T) {
	e := universe(t, gliderRLE, 8, 8, 0, 0, 0)
	g, err := NewGIF(engine.Rect{W: 8, H: 8}, PixelsPerCell(2), Dark)
	if err != nil {
		t.Fatal(err)
	}
	var want []map[[2]int]bool
	for gen := range 33 {
		if gen > 0 {
			if err := e.Step(context.Background(), 1); err != nil {
				t.Fatal(err)
			}
		}
		if err := g.Add(e); err != nil {
			t.Fatal(err)
		}
		px := map[[2]int]bool{}
		for c := range cellsOf(e, engine.Rect{W: 8, H: 8}) {
			for dy := range 2 {
				for dx := range 2 {
					px[[2]int{int(c[0])*2 + dy, int(c[1])*2 + dx}] = true
				}
			}
		}
		want = append(want, px)
	}
	var b bytes.Buffer
	if err := g.Encode(&b); err != nil {
		t.Fatal(err)
	}
	w, h, got, dec := frames(t, b.Bytes(), Dark.Live)
	if w != 16 || h != 16 || len(got) != 33 {
		t.Fatalf("%d x %d pixels, %d frames; want 16 x 16, 33", w, h, len(got))
	}
	for i := range got {
		if !equalPixels(got[i], want[i]) {
			t.Errorf("frame %d: %v, want %v", i, got[i], want[i])
		}
	}
	if !equalPixels(got[0], got[32]) || equalPixels(got[0], got[16]) {
		t.Error("the glider is not home after 32 generations, or was home too soon")
	}
	if dec.Delay[0] != 8 || dec.Delay[32] != 100 || dec.LoopCount != 0 {
		t.Errorf("delays %d ... %d, loop count %d; want 8 ... 100, 0", dec.Delay[0], dec.Delay[32], dec.LoopCount)
	}
	// Later frames are only the rectangle that changed.
	if r := dec.Image[1].Rect; r.Dx() >= 16 && r.Dy() >= 16 {
		t.Errorf("frame 1 is %v, the whole picture", r)
	}
}

func equalPixels(a, b map[[2]int]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for c := range a {
		if !b[c] {
			return false
		}
	}
	return true
}

// TestGIFStillAndMoving checks a recording whose frames do not change (a
// block) and one whose viewport moves with a glider.
func TestGIFStillAndMoving(t *testing.T) {
	e := universe(t, "x = 2, y = 2\n2o$2o!", 8, 8, 3, 3, 0)
	g, _ := NewGIF(engine.Rect{W: 8, H: 8}, PixelsPerCell(1), Light)
	for range 3 {
		if err := g.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := g.Encode(&b); err != nil {
		t.Fatal(err)
	}
	_, _, got, _ := frames(t, b.Bytes(), Light.Live)
	if len(got) != 3 || len(got[2]) != 4 {
		t.Errorf("%d frames, %d live pixels at the end; want 3, 4", len(got), len(got[len(got)-1]))
	}

	// A glider moves one cell down and right every 4 generations; a
	// viewport moved with it sees the same picture.
	e = universe(t, gliderRLE, 32, 32, 1, 1, 0)
	g, _ = NewGIF(engine.Rect{W: 5, H: 5}, PixelsPerCell(1), Light)
	for i := range int64(5) {
		g.MoveTo(i, i)
		if err := g.Add(e); err != nil {
			t.Fatal(err)
		}
		e.Step(context.Background(), 4)
	}
	b.Reset()
	g.Encode(&b)
	_, _, got, _ = frames(t, b.Bytes(), Light.Live)
	for i := range got {
		if !equalPixels(got[i], got[0]) || len(got[i]) != 5 {
			t.Errorf("frame %d: %v, want %v", i, got[i], got[0])
		}
	}
	if err := new(GIF).Encode(&b); err == nil {
		t.Error("an empty GIF was encoded")
	}
}

// BenchmarkPNG1024 renders a 1024 x 1024 region of a soup to PNG at scale
// 1, and zoomed out at 1/4.
func BenchmarkPNG1024(b *testing.B) {
	e := soup(b, 1024, 1024)
	for _, scale := range []string{"1", "1/4"} {
		s, _ := ParseScale(scale)
		b.Run("scale="+strings.ReplaceAll(scale, "/", ":"), func(b *testing.B) {
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := PNG(&buf, e, engine.Rect{W: 1024, H: 1024}, s, Light); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size), "bytes/op-file")
		})
	}
}
