package render

import (
	"image/color"
	"strings"
)

// Theme is the colours of a picture: Dead for the background and the dead
// cells, Live for the live ones. Zoomed out, a block of cells that is partly
// alive takes a colour between the two.
type Theme struct {
	Name       string
	Dead, Live color.RGBA
}

// The themes.
var (
	// Light is dark cells on a white page.
	Light = Theme{Name: "light", Dead: color.RGBA{0xff, 0xff, 0xff, 0xff}, Live: color.RGBA{0x1b, 0x1f, 0x24, 0xff}}
	// Dark is green cells on a page nearly black.
	Dark = Theme{Name: "dark", Dead: color.RGBA{0x0e, 0x11, 0x16, 0xff}, Live: color.RGBA{0x5f, 0xd3, 0x8d, 0xff}}
)

// Themes lists the themes, the default first.
var Themes = []Theme{Light, Dark}

// ThemeNamed returns the theme called name, ignoring case, and false when
// there is none.
func ThemeNamed(name string) (Theme, bool) {
	for _, t := range Themes {
		if strings.EqualFold(t.Name, name) {
			return t, true
		}
	}
	return Theme{}, false
}

// ThemeNames returns the names of the themes, separated by commas.
func ThemeNames() string {
	names := make([]string, len(Themes))
	for i, t := range Themes {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}

// shades is how many colours a zoomed-out picture gives live cells: a block
// whose cells are all alive takes Live, and the others shades of it, from
// faint for a block with one live cell to strong for a nearly full one.
const shades = 4

// Levels returns the number of colours beside Dead at scale s: 1 (Live)
// when a cell takes one pixel or more, else 4, shades from faint for a block
// with one live cell to Live for a full one.
func (s Scale) Levels() int {
	if s.shift > 0 {
		return shades
	}
	return 1
}

// Palette returns the theme's colours at scale s: Dead at index 0, then the
// shades of live cells, ending with Live at index [Scale.Levels].
func (t Theme) Palette(s Scale) color.Palette {
	n := s.Levels()
	p := make(color.Palette, n+1)
	for i := range p {
		p[i] = mix(t.Dead, t.Live, i, n)
	}
	return p
}

// mix returns the colour i/n of the way from a to b.
func mix(a, b color.RGBA, i, n int) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8((int(x)*(n-i) + int(y)*i + n/2) / n) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 0xff}
}
