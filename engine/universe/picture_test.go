package universe

import (
	"bytes"
	"context"
	"errors"
	"image/gif"
	"image/png"
	"math"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/render"
	"github.com/life-go/life/patterns"
)

func TestPictureFormat(t *testing.T) {
	for name, want := range map[string]string{"a.png": "png", "b.GIF": "gif", "dir.x/c.svg": "svg"} {
		if got, err := PictureFormat(name); got != want || err != nil {
			t.Errorf("%s: %q, %v; want %q", name, got, err, want)
		}
	}
	for _, name := range []string{"a.bmp", "png", ""} {
		if _, err := PictureFormat(name); err == nil || err.Error() != name+": want a file name ending in .png, .gif or .svg" {
			t.Errorf("%q: %v", name, err)
		}
	}
}

func TestGIFFrames(t *testing.T) {
	u := func(n uint64) *uint64 { return &n }
	for _, c := range []struct {
		name        string
		gens        *uint64
		every       uint64
		frames      *uint64
		last, count uint64
		err         string
	}{
		{"neither", nil, 1, nil, 99, 100, ""},
		{"neither, every 3", nil, 3, nil, 297, 100, ""},
		{"gens", u(8), 1, nil, 8, 9, ""},
		{"gens, every 3", u(10), 3, nil, 10, 4, ""},
		{"gens 0", u(0), 2, nil, 0, 1, ""},
		{"frames", nil, 2, u(5), 8, 5, ""},
		{"both", u(20), 2, u(5), 20, 5, ""},
		{"both, exactly", u(8), 2, u(5), 8, 5, ""},
		{"every 0", nil, 0, nil, 0, 0, "--every: want a whole number of generations from 1"},
		{"frames 0", nil, 1, u(0), 0, 0, "--frames: want a whole number of frames from 1"},
		{"too many frames", nil, 1, u(render.MaxFrames + 1), 0, 0, "10001 frames are more than the 10000 a GIF may have; give fewer --frames or more --every"},
		{"too many gens", u(1e6), 1, nil, 0, 0, "1000001 frames are more than the 10000 a GIF may have; give fewer --frames or more --every"},
		{"gens past 2^64 frames", u(math.MaxUint64), 1, nil, 0, 0, "18446744073709551616 frames are more than the 10000 a GIF may have; give fewer --frames or more --every"},
		{"uncountable", nil, math.MaxUint64, u(3), 0, 0, "--frames 3, one every 18446744073709551615 generations, are more generations than can be counted"},
		{"gens too few", u(3), 2, u(5), 0, 0, "--frames 5, one every 2 generations, need --gens 8 or more, not 3"},
	} {
		last, count, err := GIFFrames(c.gens, c.every, c.frames)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("%s: error %v, want %q", c.name, err, c.err)
			}
			continue
		}
		if err != nil || last != c.last || count != c.count {
			t.Errorf("%s: %d, %d, %v; want %d, %d", c.name, last, count, err, c.last, c.count)
		}
	}
}

// plainSteps steps as a picture's caller would, recording what it was
// asked.
type plainSteps struct {
	whole, parts []uint64
	grown        uint64
}

func (s *plainSteps) Step(ctx context.Context, u *Universe, n uint64) error {
	s.whole = append(s.whole, n)
	return u.Eng.Step(ctx, n)
}

func (s *plainSteps) StepEngine(ctx context.Context, e engine.Engine, n uint64) error {
	s.parts = append(s.parts, n)
	if n == 0 {
		return nil
	}
	return e.Step(ctx, n)
}

func (s *plainSteps) Grow(n uint64) { s.grown += n }

// gliderUniverse is a glider on the plane, loaded as life render loads it.
func gliderUniverse(t *testing.T) Universe {
	t.Helper()
	p, err := patterns.ReadRLE("glider", strings.NewReader("x = 3, y = 3\nbo$2bo$3o!\n"))
	if err != nil {
		t.Fatal(err)
	}
	u, err := Load(p, "glider", Settings{Engine: "auto", Plane: true, Gens: 8})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestDraw(t *testing.T) {
	ctx := context.Background()
	scale := render.PixelsPerCell(2)
	// A PNG fitted to the glider after 8 generations: 3 x 3 cells and
	// a margin of one, 2 pixels a cell.
	u := gliderUniverse(t)
	var st plainSteps
	enc, err := Picture{Format: "png", Gens: 8, Scale: &scale, Theme: render.Themes[0]}.Draw(ctx, &u, "glider", &st)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := enc(&b); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil || img.Bounds().Dx() != 10 || img.Bounds().Dy() != 10 || u.Gen().Int64() != 8 || len(st.whole) != 1 {
		t.Errorf("PNG %v, %v; generation %v, steps %v", img.Bounds(), err, u.Gen(), st.whole)
	}
	// A GIF of 5 frames, one every 2 generations: the start, then the
	// frames, each stepped as a part of the run on the same engine.
	u = gliderUniverse(t)
	st = plainSteps{}
	enc, err = Picture{Format: "gif", Gens: 10, Every: 2, Frames: 5, Theme: render.Themes[0]}.Draw(ctx, &u, "glider", &st)
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := enc(&b); err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(&b)
	if err != nil || len(g.Image) != 5 || len(st.whole) != 0 || len(st.parts) != 5 || st.parts[0] != 2 {
		t.Errorf("GIF %v: %d frames; steps %v, parts %v", err, len(g.Image), st.whole, st.parts)
	}
	// Too large for the renderer, known from Rect: refused before the
	// run, as a usage error.
	u = gliderUniverse(t)
	st = plainSteps{}
	huge := engine.Rect{W: 1 << 20, H: 1 << 20}
	_, err = Picture{Format: "png", Gens: 8, Scale: &scale, Rect: &huge}.Draw(ctx, &u, "glider", &st)
	var ue UsageError
	if !errors.As(err, &ue) || !strings.HasPrefix(err.Error(), "render: ") || !strings.HasSuffix(err.Error(), "; choose a smaller --scale or --rect") || len(st.whole) != 0 {
		t.Errorf("too large: %v, steps %v", err, st.whole)
	}
	// Cancelled: the error names the pattern and the generation.
	u = gliderUniverse(t)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = Picture{Format: "png", Gens: 8}.Draw(cancelled, &u, "glider", &cancelSteps{})
	if !errors.Is(err, context.Canceled) || err.Error() != "glider: stopped at generation 0: context canceled" {
		t.Errorf("cancelled: %v", err)
	}
}

// cancelSteps fails every step with the context's error.
type cancelSteps struct{ plainSteps }

func (s *cancelSteps) Step(ctx context.Context, u *Universe, n uint64) error { return ctx.Err() }

func TestPictureSettings(t *testing.T) {
	base := func(out string, given ...string) PictureSettings {
		ps := PictureSettings{Out: out, Scale: "auto", Theme: render.Themes[0].Name, Every: 1, Delay: render.DefaultDelay, Given: map[string]bool{}}
		for _, g := range given {
			ps.Given[g] = true
		}
		return ps
	}
	// A PNG at 4 pixels a cell of a rectangle, in the dark theme.
	ps := base("a.PNG", "gens", "scale", "rect", "theme")
	ps.Gens, ps.Scale, ps.Rect, ps.Theme = 7, "4", "-5,-5,20,20", "dark"
	p, err := ps.Picture()
	if err != nil || p.Format != "png" || p.Gens != 7 || p.Scale == nil || *p.Scale != render.PixelsPerCell(4) ||
		p.Rect == nil || *p.Rect != (engine.Rect{X: -5, Y: -5, W: 20, H: 20}) || p.Theme.Name != "dark" || p.Frames != 0 {
		t.Errorf("PNG: %+v, %v", p, err)
	}
	// A GIF: the frames from --gens, the generations from --frames.
	ps = base("a.gif", "gens", "every")
	ps.Gens, ps.Every = 10, 5
	if p, err := ps.Picture(); err != nil || p.Format != "gif" || p.Gens != 10 || p.Every != 5 || p.Frames != 3 || p.Scale != nil || p.Delay != render.DefaultDelay {
		t.Errorf("GIF from --gens: %+v, %v", p, err)
	}
	ps = base("a.gif", "frames", "follow")
	ps.Frames, ps.Follow = 4, true
	if p, err := ps.Picture(); err != nil || p.Gens != 3 || p.Frames != 4 || !p.Follow {
		t.Errorf("GIF from --frames: %+v, %v", p, err)
	}
	for _, c := range []struct {
		ps   PictureSettings
		want string
	}{
		{base(""), "want -o FILE, a file name ending in .png, .gif or .svg"},
		{base("a.bmp"), "-o a.bmp: want a file name ending in .png, .gif or .svg"},
		{func() PictureSettings { ps := base("a.png"); ps.Scale = "0"; return ps }(), "--scale: "},
		{func() PictureSettings { ps := base("a.png"); ps.Theme = "nope"; return ps }(), `--theme: unknown theme "nope", want one of ` + render.ThemeNames()},
		{func() PictureSettings { ps := base("a.png"); ps.Rect = "1,2"; return ps }(), "--rect: "},
		{base("a.svg", "every"), "--every is for a GIF, and -o a.svg is not one"},
		{base("a.png", "delay"), "--delay is for a GIF, and -o a.png is not one"},
		{func() PictureSettings { ps := base("a.gif", "every"); ps.Every = 0; return ps }(), "--every: want a whole number of generations from 1"},
		{func() PictureSettings { ps := base("a.gif", "delay"); ps.Delay = -1; return ps }(), "--delay -1ns: want from 0 to 10m55.35s, the longest a GIF frame may show"},
		{func() PictureSettings { ps := base("a.gif", "frames"); ps.Frames = 0; return ps }(), "--frames: want a whole number of frames from 1"},
	} {
		if _, err := c.ps.Picture(); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.ps, err, c.want)
		}
	}
}
