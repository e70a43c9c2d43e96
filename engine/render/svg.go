package render

import (
	"bufio"
	"fmt"
	"image/color"
	"io"
	"slices"
	"strconv"

	"github.com/life-go/life/engine"
)

// SVG writes the cells of c inside r to w as an SVG drawing in theme t's
// colours, s pixels a cell at its natural size. Its user units are cells,
// with (0, 0) at r's top-left corner; each row of live cells is one path
// element with a rectangle for every run of neighbouring cells, so the file
// grows with the runs, not with the cells. It returns a [*SizeError], and
// writes nothing, when r holds more than [MaxPixels] cells or the drawing's
// natural size passes [MaxSide].
func SVG(w io.Writer, c Cells, r engine.Rect, s Scale, t Theme) error {
	if err := CheckSVG(r, s); err != nil {
		return err
	}
	pw, ph, _ := s.Pixels(r.W, r.H)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" shape-rendering="crispEdges">`+"\n", pw, ph, r.W, r.H)
	fmt.Fprintf(bw, `<rect width="%d" height="%d" fill="%s"/>`+"\n", r.W, r.H, hex(t.Dead))
	fmt.Fprintf(bw, `<g fill="%s">`+"\n", hex(t.Live))
	var (
		row = int64(-1)
		xs  []int64
		buf []byte
	)
	flush := func() {
		if len(xs) == 0 {
			return
		}
		slices.Sort(xs)
		buf = append(buf[:0], `<path d="`...)
		for i := 0; i < len(xs); {
			j := i + 1
			for j < len(xs) && xs[j] <= xs[j-1]+1 {
				j++
			}
			n := xs[j-1] + 1 - xs[i]
			buf = append(buf, 'M')
			buf = strconv.AppendInt(buf, xs[i], 10)
			buf = append(buf, ' ')
			buf = strconv.AppendInt(buf, row, 10)
			buf = append(buf, 'h')
			buf = strconv.AppendInt(buf, n, 10)
			buf = append(buf, "v1h-"...)
			buf = strconv.AppendInt(buf, n, 10)
			buf = append(buf, 'z')
			i = j
		}
		buf = append(buf, "\"/>\n"...)
		bw.Write(buf)
		xs = xs[:0]
	}
	c.Visit(r, func(y, x int64) {
		if y-r.Y != row {
			flush()
			row = y - r.Y
		}
		xs = append(xs, x-r.X)
	})
	flush()
	bw.WriteString("</g>\n</svg>\n")
	return bw.Flush()
}

// CheckSVG returns a [*SizeError] when an SVG drawing of the viewport r at
// scale s would be too large: more than [MaxPixels] cells, or a natural size
// that passes the limits of [Check]. It returns nil otherwise.
func CheckSVG(r engine.Rect, s Scale) error {
	if err := Check(r, s); err != nil {
		return err
	}
	if r.W > MaxPixels/r.H {
		return &SizeError{r.W, r.H, s, fmt.Sprintf("more than the %d cells a drawing may show", MaxPixels)}
	}
	return nil
}

// hex returns c as #rrggbb.
func hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
