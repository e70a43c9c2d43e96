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
// natural size passes [MaxSide]. Cells of a rule of many states are drawn
// in the colour of their state ([StateColors]), a path for each state of a
// row.
func SVG(w io.Writer, c Cells, r engine.Rect, s Scale, t Theme) error {
	if err := CheckSVG(r, s); err != nil {
		return err
	}
	pw, ph, _ := s.Pixels(r.W, r.H)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" shape-rendering="crispEdges">`+"\n", pw, ph, r.W, r.H)
	fmt.Fprintf(bw, `<rect width="%d" height="%d" fill="%s"/>`+"\n", r.W, r.H, hex(t.Dead))
	if sc, ok := c.(stateCells); ok && sc.Rule().MultiState() {
		svgStates(bw, sc, r, t)
		bw.WriteString("</svg>\n")
		return bw.Flush()
	}
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

// svgStates writes the cells of c inside r, a path for the runs of each
// state in a row, filled with the state's colour.
func svgStates(bw *bufio.Writer, c stateCells, r engine.Rect, t Theme) {
	colors := StateColors(c.Rule(), t)
	row := int64(-1)
	var buf []byte
	// runs[s] holds the runs of state s in the row, as column pairs;
	// order lists the states in the order the row meets them.
	runs := make([][]int64, len(colors)+1)
	var order []engine.State
	flush := func() {
		for _, st := range order {
			xs := runs[st]
			buf = append(buf[:0], `<path fill="`...)
			buf = append(buf, hex(colors[st-1])...)
			buf = append(buf, `" d="`...)
			for i := 0; i < len(xs); i += 2 {
				n := xs[i+1] - xs[i]
				buf = append(buf, 'M')
				buf = strconv.AppendInt(buf, xs[i], 10)
				buf = append(buf, ' ')
				buf = strconv.AppendInt(buf, row, 10)
				buf = append(buf, 'h')
				buf = strconv.AppendInt(buf, n, 10)
				buf = append(buf, "v1h-"...)
				buf = strconv.AppendInt(buf, n, 10)
				buf = append(buf, 'z')
			}
			buf = append(buf, "\"/>\n"...)
			bw.Write(buf)
			runs[st] = xs[:0]
		}
		order = order[:0]
	}
	c.VisitStates(r, func(y, x int64, st engine.State) {
		if int(st) >= len(runs) {
			return
		}
		if y-r.Y != row {
			flush()
			row = y - r.Y
		}
		x -= r.X
		xs := runs[st]
		if n := len(xs); n > 0 && xs[n-1] == x {
			xs[n-1]++
		} else {
			if n == 0 {
				order = append(order, st)
			}
			xs = append(xs, x, x+1)
		}
		runs[st] = xs
	})
	flush()
}
