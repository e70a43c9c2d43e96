package render

import (
	"fmt"
	"image"
	"image/png"
	"io"

	"github.com/life-go/life/engine"
)

// Limits on the size of a picture, checked before any is drawn.
const (
	// MaxSide is the largest width or height of a picture, in pixels.
	MaxSide = 1 << 15
	// MaxPixels is the most pixels a picture may have (8192 x 8192), and
	// the most cells an SVG drawing may show.
	MaxPixels = 1 << 26
)

// SizeError reports a picture that would be too large to draw.
type SizeError struct {
	W, H  int64 // the viewport, in cells
	Scale Scale
	Why   string // what limit it passes
}

// Error says what is too large and why.
func (e *SizeError) Error() string {
	return fmt.Sprintf("%d x %d cells at scale %s: %s", e.W, e.H, e.Scale, e.Why)
}

// Check returns a [*SizeError] when a picture of the viewport r at scale s
// would pass [MaxSide] or [MaxPixels], and nil otherwise.
func Check(r engine.Rect, s Scale) error {
	if r.W < 1 || r.H < 1 {
		return &SizeError{r.W, r.H, s, "the viewport is empty"}
	}
	pw, ph, ok := s.Pixels(r.W, r.H)
	if !ok {
		return &SizeError{r.W, r.H, s, fmt.Sprintf("the picture would be more than %d pixels wide or high", MaxSide)}
	}
	if pw*ph > MaxPixels {
		return &SizeError{r.W, r.H, s, fmt.Sprintf("the picture would be %d x %d pixels, more than the %d (8192 x 8192) allowed", pw, ph, MaxPixels)}
	}
	return nil
}

// Image draws the cells of c inside the viewport r at scale s, in theme
// t's colours. It returns a [*SizeError], and draws nothing, when the
// picture would be too large (see [Check]).
func Image(c Cells, r engine.Rect, s Scale, t Theme) (*image.Paletted, error) {
	if err := Check(r, s); err != nil {
		return nil, err
	}
	pw, ph, _ := s.Pixels(r.W, r.H)
	if sc, ok := statePicture(c, s); ok {
		img := image.NewPaletted(image.Rect(0, 0, int(pw), int(ph)), statePalette(sc.Rule(), t))
		drawStates(img, sc, r, s)
		return img, nil
	}
	img := image.NewPaletted(image.Rect(0, 0, int(pw), int(ph)), t.Palette(s))
	draw(img, c, r, s)
	return img, nil
}

// PNG writes the cells of c inside r at scale s, in theme t's colours, to
// w as a PNG image.
func PNG(w io.Writer, c Cells, r engine.Rect, s Scale, t Theme) error {
	img, err := Image(c, r, s, t)
	if err != nil {
		return err
	}
	return png.Encode(w, img)
}

// draw paints the cells of c inside r onto dst, whose bounds start at
// (0, 0) and whose size is r's at scale s, as palette indices: 0 for dead,
// s.Levels() for live, and the shades between when zoomed out.
func draw(dst *image.Paletted, c Cells, r engine.Rect, s Scale) {
	clear(dst.Pix)
	if s.shift > 0 {
		drawBlocks(dst, c, r, s.shift)
		return
	}
	z := int64(s.zoom + 1)
	live := uint8(s.Levels())
	stride := int64(dst.Stride)
	if z == 1 {
		c.Visit(r, func(y, x int64) { dst.Pix[(y-r.Y)*stride+x-r.X] = live })
		return
	}
	c.Visit(r, func(y, x int64) {
		i := (y-r.Y)*z*stride + (x-r.X)*z
		row := dst.Pix[i : i+z]
		for j := range row {
			row[j] = live
		}
		for range z - 1 {
			i += stride
			copy(dst.Pix[i:i+z], row)
		}
	})
}

// blockBand is about how many blocks [drawBlocks] counts at once, so that
// its counts take a few megabytes whatever the picture's size. Tests make
// it small to draw in many bands.
var blockBand int64 = 1 << 18

// drawBlocks paints one pixel for every 2^k x 2^k block of cells, shaded by
// how many of them are alive, counting a band of rows of blocks at a time.
func drawBlocks(dst *image.Paletted, c Cells, r engine.Rect, k uint) {
	pw, ph := int64(dst.Rect.Dx()), int64(dst.Rect.Dy())
	band := max(1, blockBand/pw)
	counts := make([]uint64, band*pw)
	side := int64(1) << k
	n := uint64(shades)
	for py := int64(0); py < ph; py += band {
		rows := min(band, ph-py)
		sub := engine.Rect{X: r.X, Y: r.Y + py<<k, W: r.W, H: min(rows<<k, r.H-py<<k)}
		engine.CountBlocks(c, sub, k, counts)
		for i := range rows {
			bh := uint64(min(side, sub.H-i<<k))
			line := dst.Pix[(py+i)*int64(dst.Stride):]
			for j := range pw {
				c := counts[i*pw+j]
				if c == 0 {
					continue
				}
				area := bh * uint64(min(side, r.W-j<<k))
				line[j] = uint8(min(n, (c*n+area-1)/area))
			}
		}
	}
}
