package render

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"io"
	"time"

	"github.com/life-go/life/engine"
)

// Limits on an animation, checked by [CheckGIF] before any frame is drawn.
const (
	// MaxFrames is the most frames a GIF may have.
	MaxFrames = 10000
	// MaxGIFPixels is the most pixels a GIF's frames may have in all,
	// counted as whole frames, which bounds the memory a recording takes.
	MaxGIFPixels = 1 << 28
)

// DefaultDelay is how long a GIF shows each frame unless told otherwise.
const DefaultDelay = 80 * time.Millisecond

// MaxDelay is the longest a GIF shows a frame: 65535 hundredths of a
// second.
const MaxDelay = 65535 * 10 * time.Millisecond

// lastHold is how long a GIF shows its last frame at least, so that the
// loop's restart can be seen.
const lastHold = time.Second

// CheckGIF returns a [*SizeError] when an animation of the given number of
// frames of the viewport r at scale s would be too large, and nil
// otherwise.
func CheckGIF(r engine.Rect, s Scale, frames int) error {
	if err := Check(r, s); err != nil {
		return err
	}
	if frames > MaxFrames {
		return &SizeError{r.W, r.H, s, fmt.Sprintf("%d frames are more than the %d a GIF may have", frames, MaxFrames)}
	}
	pw, ph, _ := s.Pixels(r.W, r.H)
	if int64(frames)*pw*ph > MaxGIFPixels {
		return &SizeError{r.W, r.H, s, fmt.Sprintf("%d frames of %d x %d pixels are more than the %d pixels a GIF may have in all", frames, pw, ph, MaxGIFPixels)}
	}
	return nil
}

// GIF records an animation, one frame at a time, and encodes it as an
// animated GIF that loops forever. Every frame shows a viewport of the same
// size, which stays where it is unless [GIF.MoveTo] moves it. The first
// frame is stored whole; each later one as the smallest rectangle holding
// the pixels that changed, with the others transparent, which keeps files
// small. Each frame is compressed as it is added, and only its compressed
// bytes are kept until [GIF.Encode]: a recording costs about what the file
// does, plus two frames of pixels, not a frame of pixels per frame.
type GIF struct {
	r     engine.Rect
	s     Scale
	delay int // centiseconds
	pal   color.Palette
	clear uint8 // the transparent index
	// transparent says the palette has a transparent colour, index
	// clear, for the pixels a frame leaves as they were; a rule of 256
	// states takes the whole palette, and its frames are drawn whole
	// within their changed rectangle.
	transparent bool
	t           Theme
	states      bool // the frames are drawn a colour a state
	cur, next   *image.Paletted
	head        []byte   // the file's header, logical screen and colour table
	frames      [][]byte // each frame's control extension, descriptor and data
	buf         bytes.Buffer
}

// NewGIF returns an empty recording of the viewport r at scale s in theme
// t's colours, which shows each frame for [DefaultDelay]. It returns a
// [*SizeError] when one frame would be too large (see [Check]).
func NewGIF(r engine.Rect, s Scale, t Theme) (*GIF, error) {
	if err := Check(r, s); err != nil {
		return nil, err
	}
	pw, ph, _ := s.Pixels(r.W, r.H)
	pal := append(t.Palette(s), color.RGBA{})
	bounds := image.Rect(0, 0, int(pw), int(ph))
	g := &GIF{r: r, s: s, pal: pal, clear: uint8(len(pal) - 1), transparent: true, t: t,
		cur: image.NewPaletted(bounds, pal), next: image.NewPaletted(bounds, pal)}
	g.SetDelay(DefaultDelay)
	return g, nil
}

// SetDelay sets how long each frame is shown, rounded to the GIF's
// hundredths of a second, at least 2 (browsers slow faster animations
// down), and at most [MaxDelay].
func (g *GIF) SetDelay(d time.Duration) {
	g.delay = max(2, int((min(max(d, 0), MaxDelay)+5*time.Millisecond)/(10*time.Millisecond)))
	g.delay = min(g.delay, 65535)
}

// MoveTo moves the viewport's top-left corner to the cell (y, x) for the
// frames added after it; its size stays.
func (g *GIF) MoveTo(y, x int64) { g.r.Y, g.r.X = y, x }

// Add records the cells of c inside the viewport as the next frame. It
// returns a [*SizeError], and records nothing, when the frame would pass
// [MaxFrames] or [MaxGIFPixels]. When the first frame's cells are of a rule
// of many states, at a pixel or more a cell, every frame is drawn a colour
// a state, as [Image] draws them.
func (g *GIF) Add(c Cells) error {
	if err := CheckGIF(g.r, g.s, len(g.frames)+1); err != nil {
		return err
	}
	if len(g.frames) == 0 {
		if sc, ok := statePicture(c, g.s); ok {
			g.states = true
			g.pal = statePalette(sc.Rule(), g.t)
			if g.transparent = len(g.pal) < 256; g.transparent {
				g.pal = append(g.pal, color.RGBA{})
			}
			g.clear = uint8(len(g.pal) - 1)
			g.cur = image.NewPaletted(g.cur.Rect, g.pal)
			g.next = image.NewPaletted(g.next.Rect, g.pal)
		}
		g.paint(g.cur, c)
		return g.compress(g.cur)
	}
	g.paint(g.next, c)
	box := changed(g.cur, g.next)
	if box.Empty() {
		box = image.Rect(0, 0, 1, 1)
	}
	f := image.NewPaletted(box, g.pal)
	for y := box.Min.Y; y < box.Max.Y; y++ {
		was := g.cur.Pix[y*g.cur.Stride+box.Min.X : y*g.cur.Stride+box.Max.X]
		now := g.next.Pix[y*g.next.Stride+box.Min.X : y*g.next.Stride+box.Max.X]
		out := f.Pix[(y-box.Min.Y)*f.Stride:]
		for i, c := range now {
			if c == was[i] && g.transparent {
				out[i] = g.clear
			} else {
				out[i] = c
			}
		}
	}
	if err := g.compress(f); err != nil {
		return err
	}
	g.cur, g.next = g.next, g.cur
	return nil
}

// paint draws the cells of c inside the viewport onto dst.
func (g *GIF) paint(dst *image.Paletted, c Cells) {
	if sc, ok := c.(stateCells); ok && g.states {
		drawStates(dst, sc, g.r, g.s)
		return
	}
	draw(dst, c, g.r, g.s)
}

// compress encodes frame f as a GIF of one frame, and keeps what of it
// belongs to f: everything after the colour table but the trailer.
func (g *GIF) compress(f *image.Paletted) error {
	g.buf.Reset()
	one := gif.GIF{
		Image:    []*image.Paletted{f},
		Delay:    []int{g.delay},
		Disposal: []byte{gif.DisposalNone},
		Config:   image.Config{ColorModel: g.pal, Width: g.cur.Rect.Dx(), Height: g.cur.Rect.Dy()},
	}
	if err := gif.EncodeAll(&g.buf, &one); err != nil {
		return err
	}
	data := g.buf.Bytes()
	// The logical screen descriptor's packed byte gives the size of the
	// global colour table, which follows it.
	head := 6 + 7
	if packed := data[10]; packed&0x80 != 0 {
		head += 3 << ((packed & 7) + 1)
	}
	if len(data) < head+8 || data[head] != 0x21 || data[head+1] != 0xf9 || data[len(data)-1] != 0x3b {
		return fmt.Errorf("render: unexpected GIF encoding of a frame")
	}
	if g.head == nil {
		g.head = bytes.Clone(data[:head])
	}
	g.frames = append(g.frames, bytes.Clone(data[head:len(data)-1]))
	return nil
}

// changed returns the smallest rectangle holding every pixel where a and b,
// of the same bounds from (0, 0), differ.
func changed(a, b *image.Paletted) image.Rectangle {
	box := image.Rectangle{}
	w := a.Rect.Dx()
	for y := range a.Rect.Dy() {
		ra, rb := a.Pix[y*a.Stride:y*a.Stride+w], b.Pix[y*b.Stride:y*b.Stride+w]
		l := 0
		for l < w && ra[l] == rb[l] {
			l++
		}
		if l == w {
			continue
		}
		r := w
		for ra[r-1] == rb[r-1] {
			r--
		}
		box = box.Union(image.Rect(l, y, r, y+1))
	}
	return box
}

// Encode writes the recording to w as an animated GIF that loops forever.
// It fails when no frame was added.
func (g *GIF) Encode(w io.Writer) error {
	if len(g.frames) == 0 {
		return fmt.Errorf("render: a GIF needs at least one frame")
	}
	bw := bufio.NewWriter(w)
	bw.Write(g.head)
	if len(g.frames) > 1 {
		// The NETSCAPE2.0 application extension: loop forever.
		bw.Write([]byte{0x21, 0xff, 0x0b})
		bw.WriteString("NETSCAPE2.0")
		bw.Write([]byte{0x03, 0x01, 0x00, 0x00, 0x00})
	}
	for i, f := range g.frames {
		if i == len(g.frames)-1 {
			// The last frame is held longer: its control extension's
			// delay, bytes 4 and 5, little-endian.
			d := max(g.delay, int(lastHold/(10*time.Millisecond)))
			bw.Write(f[:4])
			bw.Write([]byte{byte(d), byte(d >> 8)})
			bw.Write(f[6:])
			continue
		}
		bw.Write(f)
	}
	bw.WriteByte(0x3b)
	return bw.Flush()
}
