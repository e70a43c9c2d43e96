package render

import (
	"image"
	"image/color"

	"github.com/life-go/life/engine"
)

// Rules of many states are drawn with a colour for each state, as Golly
// draws them by default: a gradient from state 1 to the last, red to yellow
// for Generations, yellow to red for Larger than Life's decay (Golly's
// generationsalgo and ltlalgo defaults). On the light theme the gradient is
// darkened by a quarter, so that yellow stays readable on white. Zoomed
// out, a block is shaded by its cells in state 1, the live ones, as a
// two-state picture is.

// stateCells is what a picture of many states reads: the cells with their
// states, and the rule that says how many there are. The engines of rules
// of many states are such ([engine.StateEngine]).
type stateCells interface {
	VisitStates(r engine.Rect, fn func(y, x int64, s engine.State))
	Rule() engine.Rule
}

// StateColors returns the colours of states 1 to n-1 of rule r in theme t,
// state 1 first: [Theme.Live] alone for a rule of two states.
func StateColors(r engine.Rule, t Theme) []color.RGBA {
	n := r.States()
	if n <= 2 && !r.MultiState() {
		return []color.RGBA{t.Live}
	}
	from, to := color.RGBA{0xff, 0, 0, 0xff}, color.RGBA{0xff, 0xff, 0, 0xff}
	if r.Family() == engine.LargerThanLife {
		from, to = to, from
	}
	if t.Name == Light.Name {
		dark := func(c color.RGBA) color.RGBA { return mix(c, color.RGBA{0, 0, 0, 0xff}, 1, 4) }
		from, to = dark(from), dark(to)
	}
	out := make([]color.RGBA, n-1)
	for i := range out {
		if len(out) == 1 {
			out[i] = from
			continue
		}
		out[i] = mix(from, to, i, len(out)-1)
	}
	return out
}

// statePicture reports whether c is drawn a colour a state at scale s: its
// cells have states, its rule more than two, and a cell takes a pixel or
// more.
func statePicture(c Cells, s Scale) (stateCells, bool) {
	sc, ok := c.(stateCells)
	if !ok || s.shift > 0 || !sc.Rule().MultiState() {
		return nil, false
	}
	return sc, true
}

// drawStates paints the cells of c inside r onto dst, as palette indices:
// 0 for dead, the state for the others.
func drawStates(dst *image.Paletted, c stateCells, r engine.Rect, s Scale) {
	clear(dst.Pix)
	z := int64(s.zoom + 1)
	stride := int64(dst.Stride)
	c.VisitStates(r, func(y, x int64, st engine.State) {
		i := (y-r.Y)*z*stride + (x-r.X)*z
		row := dst.Pix[i : i+z]
		for j := range row {
			row[j] = uint8(st)
		}
		for range z - 1 {
			i += stride
			copy(dst.Pix[i:i+z], row)
		}
	})
}

// statePalette is Dead, then the colour of each state.
func statePalette(r engine.Rule, t Theme) color.Palette {
	p := color.Palette{t.Dead}
	for _, c := range StateColors(r, t) {
		p = append(p, c)
	}
	return p
}
