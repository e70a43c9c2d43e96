package tui

import (
	"fmt"
	"math"
	"math/big"
	"sort"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/render"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/patterns"
	"github.com/rivo/tview"
)

// Scale is how many cells the board shows in one character. The scales run
// from the most zoomed in, [ScaleDouble], outwards; past [ScaleBraille] each
// scale is a block of 2^k cells across and 2^(k+1) down a character (a
// character is about twice as tall as it is wide, so the cells stay
// square), shaded by how many are alive. A rule of many states draws
// each state in its colour (Golly's gradient) at the finer scales, and
// from braille outwards each character in the colour of the youngest
// state in it, the shade counting the live cells (state 1) only; with
// NO_COLOR the states are glyphs at the finer scales, and outwards a
// character without a live cell is dim.
type Scale int

// The scales. [BlockScale] names the ones past ScaleBraille.
const (
	ScaleDouble  Scale = iota // one cell in two columns: square cells
	ScaleSingle               // one cell a character
	ScaleHalf                 // half blocks: 1 x 2 cells a character
	ScaleBraille              // braille: 2 x 4 cells a character
)

// maxBlockShift is the largest k of a 2^k x 2^k block scale.
const maxBlockShift = 40

// MaxScale is the most zoomed-out scale.
const MaxScale = ScaleBraille + maxBlockShift - 1

// BlockScale returns the scale of one character for 2^k cells across and
// 2^(k+1) down, for k from 2 to 40.
func BlockScale(k int) Scale { return ScaleBraille + Scale(k-1) }

// shift returns k of a block scale, and 0 for the others.
func (s Scale) shift() uint {
	if s <= ScaleBraille {
		return 0
	}
	return uint(s-ScaleBraille) + 1
}

// geometry returns how many columns one cell takes (2 at ScaleDouble, else
// 1) and how many cells one character holds across and down.
func (s Scale) geometry() (colsPerCell, across, down int64) {
	switch s {
	case ScaleDouble:
		return 2, 1, 1
	case ScaleSingle:
		return 1, 1, 1
	case ScaleHalf:
		return 1, 1, 2
	case ScaleBraille:
		return 1, 2, 4
	}
	k := s.shift()
	return 1, 1 << k, 2 << k
}

// String names the scale as the status bar shows it.
func (s Scale) String() string {
	switch s {
	case ScaleDouble:
		return "2 cols/cell"
	case ScaleSingle:
		return "1 col/cell"
	case ScaleHalf:
		return "half 1x2"
	case ScaleBraille:
		return "braille 2x4"
	}
	if k := s.shift(); k <= 10 {
		return fmt.Sprintf("1:%dx%d", 1<<k, 2<<k)
	} else {
		return fmt.Sprintf("1:2^%dx2^%d", k, k+1)
	}
}

// Snapshot is one generation of a universe, as the board draws it. Nothing
// modifies a snapshot or its engine once made, so the event loop may draw it
// while the animator steps a clone.
type Snapshot struct {
	Eng engine.Engine
	Gen *big.Int // the generation the status bar shows
	Pop *big.Int
}

// Board is the one custom primitive: it draws a [Snapshot] at a [Scale],
// centred on a cell, with an optional cursor. A bounded universe is drawn
// inside its edges, and the space outside them is shaded. Drawing costs what
// the board has in characters (at most 8 cell lookups each at the finer
// scales, one block count at the coarser ones), not what the universe has in
// cells.
//
// Board is used only on the event loop, like every tview primitive.
type Board struct {
	*tview.Box
	snap    *Snapshot
	scale   Scale
	cy, cx  int64 // the cell at the centre of the board
	cursor  bool
	ky, kx  int64 // the cursor's cell
	noColor bool
	counts  []uint64 // scratch for block counts
	young   []uint8  // scratch for the youngest state of each block

	overlay Overlay

	// pointer, when set, is told what the mouse does over the cells (see
	// [Pointer]).
	pointer func(p Pointer)
	// paste, when set, is handed text pasted into the terminal.
	paste func(text string)

	stroking  bool // a left or right button stroke is under way
	dragging  bool // a middle-button drag is under way
	dragY     int64
	dragX     int64
	lastPoint [2]int64 // the cell of the last Pointer sent
	pointed   bool     // a Pointer was sent since the last stroke began
}

// Overlay is what the board draws over the universe: a selection and a
// floating paste (see [Board.SetOverlay]).
type Overlay struct {
	// Sel is the selection; a rectangle without cells is none.
	Sel engine.Rect
	// Paste is the floating paste, or nil, with its cell (0, 0) at
	// (PasteY, PasteX). Its runs are sorted, as a pattern's are.
	Paste          *patterns.Pattern
	PasteY, PasteX int64
}

// PointerAction is what the mouse did over a cell.
type PointerAction int

// The pointer actions.
const (
	PointerMove    PointerAction = iota // it moved with no button down
	PointerPress                        // the left or right button went down
	PointerDrag                         // it moved with that button down
	PointerRelease                      // the button went up
)

// Pointer is the mouse over a cell of the board: where, what it did, and
// with which button (Left, else the right one) for presses and drags.
type Pointer struct {
	Y, X   int64
	Action PointerAction
	Left   bool
}

// NewBoard returns an empty board at [ScaleHalf]. noColor draws with
// attributes only, for NO_COLOR.
func NewBoard(noColor bool) *Board {
	return &Board{Box: quietBox(), scale: ScaleHalf, noColor: noColor}
}

// quietBox returns a Box whose DrawForSubclass does not fill its area with
// spaces first. The board paints every character of its area itself, and
// the application clears the screen before each draw, so the fill only
// doubled the cost of a frame. tview sets the option only for its own
// containers, so the Box is borrowed from a Flex.
func quietBox() *tview.Box { return tview.NewFlex().Box }

// SetPointerFunc sets the function told what the mouse does over the
// cells: presses and drags of the left and right buttons (once a cell),
// and moves with no button down (once a cell too). It is called on the
// event loop. The wheel and the middle button are the board's own: they
// zoom and pan.
func (b *Board) SetPointerFunc(f func(p Pointer)) { b.pointer = f }

// SetPasteFunc sets the function handed the text pasted into the
// terminal (bracketed paste) while the board has the focus. It is called
// on the event loop.
func (b *Board) SetPasteFunc(f func(text string)) { b.paste = f }

// PasteHandler hands pasted text to the paste function. It implements
// [tview.Primitive].
func (b *Board) PasteHandler() func(text string, setFocus func(p tview.Primitive)) {
	return b.WrapPasteHandler(func(text string, setFocus func(p tview.Primitive)) {
		if b.paste != nil {
			b.paste(text)
		}
	})
}

// SetOverlay sets the selection and the floating paste to draw over the
// universe.
func (b *Board) SetOverlay(o Overlay) { b.overlay = o }

// SetSnapshot sets the snapshot to draw.
func (b *Board) SetSnapshot(s *Snapshot) { b.snap = s }

// Snapshot returns the snapshot the board draws, or nil.
func (b *Board) Snapshot() *Snapshot { return b.snap }

// Scale returns the board's scale.
func (b *Board) Scale() Scale { return b.scale }

// SetScale sets the scale, clamped to [ScaleDouble, MaxScale].
func (b *Board) SetScale(s Scale) { b.scale = min(max(s, ScaleDouble), MaxScale) }

// Centre returns the cell at the centre of the board.
func (b *Board) Centre() (y, x int64) { return b.cy, b.cx }

// SetCentre puts the cell (y, x) at the centre of the board, clamped to
// ±[maxCentre].
func (b *Board) SetCentre(y, x int64) { b.cy, b.cx = clampCentre(y), clampCentre(x) }

// maxCentre bounds the coordinates of the board's centre, so that the view
// about it, at most 2^40 cells a character across a terminal, stays far
// inside int64 (and covers HashLife's reach of ±(2^62-1)): panning, dragging
// and zooming about the pointer go no further, and never overflow.
const maxCentre = 1 << 62

// clampCentre clamps v to ±maxCentre.
func clampCentre(v int64) int64 { return min(max(v, -maxCentre), maxCentre) }

// SetCursor shows the edit cursor at (y, x), or hides it when on is false.
func (b *Board) SetCursor(on bool, y, x int64) { b.cursor, b.ky, b.kx = on, y, x }

// view returns the cell at the board's top-left character and how many
// cells the board spans down and across, for an inner size of w x h
// characters. The top-left cell is a multiple of what a character holds, so
// that characters keep their cells as the view pans, and blocks line up
// with a bounded universe's edges.
func (b *Board) view(w, h int) (top, left, rows, cols int64) {
	cpc, across, down := b.scale.geometry()
	cols = int64(w) * across / cpc
	rows = int64(h) * down
	left = floorTo(b.cx-cols/2, across)
	top = floorTo(b.cy-rows/2, down)
	return top, left, rows, cols
}

// floorTo rounds v down to a multiple of m (a power of two).
func floorTo(v, m int64) int64 { return v &^ (m - 1) }

// CellAt returns the cell under the screen position (sx, sy), and false
// when the position is outside the board.
func (b *Board) CellAt(sx, sy int) (y, x int64, ok bool) {
	x0, y0, w, h := b.GetInnerRect()
	if sx < x0 || sy < y0 || sx >= x0+w || sy >= y0+h {
		return 0, 0, false
	}
	top, left, _, _ := b.view(w, h)
	cpc, across, down := b.scale.geometry()
	return top + int64(sy-y0)*down, left + int64(sx-x0)/cpc*across, true
}

// Styles of the board. The live cells take the terminal's own foreground,
// which suits dark and light terminals alike.
var (
	liveStyle    = tcell.StyleDefault
	outsideColor = tcell.ColorGray
	cursorColor  = tcell.ColorYellow
)

// outsideStr fills what lies beyond a bounded universe's edges.
const outsideStr = "·"

// shades are the zoomed-out characters, from empty to dense.
var shades = [5]string{" ", "░", "▒", "▓", "█"}

// shade returns the index in shades for a block whose live cells are the
// fraction d of it. Life is sparse, seldom above a third alive, so the
// steps double from a sixteenth: any life, above 1/16, above 1/8, above 1/4.
func shade(d float64) int {
	switch {
	case d <= 0:
		return 0
	case d <= 1.0/16:
		return 1
	case d <= 1.0/8:
		return 2
	case d <= 1.0/4:
		return 3
	}
	return 4
}

// Draw draws the board. It implements [tview.Primitive].
func (b *Board) Draw(screen tcell.Screen) {
	b.DrawForSubclass(screen, b)
	x0, y0, w, h := b.GetInnerRect()
	if w <= 0 || h <= 0 || b.snap == nil {
		return
	}
	eng := b.snap.Eng
	top, left, rows, cols := b.view(w, h)
	univ, bounded := universe.Bounds(eng)
	outside := liveStyle.Foreground(outsideColor)
	if b.noColor {
		outside = tcell.StyleDefault.Dim(true)
	}
	inside := func(y, x int64) bool {
		return !bounded || y >= univ.Y && y < univ.Y+univ.H && x >= univ.X && x < univ.X+univ.W
	}
	cpc, across, down := b.scale.geometry()
	if eng.Rule().MultiState() && down <= 2 && across == 1 {
		b.drawStates(screen, eng, x0, y0, w, h, top, left, cpc, down, inside, outside)
		b.drawCursor(screen, x0, y0, w, h, top, left)
		return
	}
	if eng.Rule().MultiState() && b.scale == ScaleBraille {
		b.drawStateDots(screen, eng, x0, y0, w, h, top, left, inside, outside)
		b.drawOverlay(screen, x0, y0, w, h, top, left)
		b.drawCursor(screen, x0, y0, w, h, top, left)
		return
	}
	if k := b.scale.shift(); k > 0 {
		b.drawBlocks(screen, eng, k, x0, y0, w, h, engine.Rect{X: left, Y: top, W: cols, H: rows}, univ, bounded, outside)
		b.drawOverlay(screen, x0, y0, w, h, top, left)
		b.drawCursor(screen, x0, y0, w, h, top, left)
		return
	}
	for r := 0; r < h; r++ {
		cy := top + int64(r)*down
		for c := 0; c < w; c++ {
			cx := left + int64(c)/cpc*across
			var dots uint8 // bit (dy*2+dx) for the cell at (cy+dy, cx+dx)
			in := false
			for dy := int64(0); dy < down; dy++ {
				for dx := int64(0); dx < across; dx++ {
					y, x := cy+dy, cx+dx
					if !inside(y, x) {
						continue
					}
					in = true
					if eng.Cell(y, x) {
						dots |= 1 << (dy*2 + dx)
					}
				}
			}
			if !in {
				screen.Put(x0+c, y0+r, outsideStr, outside)
				continue
			}
			screen.Put(x0+c, y0+r, glyph(b.scale, dots), liveStyle)
		}
	}
	b.drawOverlay(screen, x0, y0, w, h, top, left)
	b.drawCursor(screen, x0, y0, w, h, top, left)
}

// braille maps bit (dy*2+dx) of a 2 x 4 character to its braille dot.
var braille = [8]rune{0x01, 0x08, 0x02, 0x10, 0x04, 0x20, 0x40, 0x80}

// glyphs holds the characters of the finer scales as strings, which is
// what the screen stores: braille[dots] for every 2 x 4 pattern, half[dots]
// for every 1 x 2 one.
var glyphs = func() (g struct {
	braille [256]string
	half    [4]string
}) {
	for d := range 256 {
		r := rune(0x2800)
		for i := range 8 {
			if d>>i&1 != 0 {
				r |= braille[i]
			}
		}
		if r == 0x2800 {
			r = ' '
		}
		g.braille[d] = string(r)
	}
	g.half = [4]string{" ", "▀", "▄", "█"}
	return g
}()

// glyph returns the character for the live cells dots of one character at
// the finer scales.
func glyph(s Scale, dots uint8) string {
	switch s {
	case ScaleHalf:
		return glyphs.half[dots&1|dots>>1&2]
	case ScaleBraille:
		return glyphs.braille[dots]
	}
	if dots != 0 {
		return "█"
	}
	return " "
}

// drawBlocks draws the board zoomed out, one character for 2^k cells
// across and 2^(k+1) down, from the engine's block counts of 2^k x 2^k
// cells, two a character, which count the live cells (state 1 of a rule
// of many states, whose characters take the youngest state's colour).
func (b *Board) drawBlocks(screen tcell.Screen, eng engine.Engine, k uint, x0, y0, w, h int, view, univ engine.Rect, bounded bool, outside tcell.Style) {
	r := view
	if bounded {
		r = intersect(view, univ)
	}
	for row := 0; row < h; row++ {
		for col := 0; col < w; col++ {
			screen.Put(x0+col, y0+row, outsideStr, outside)
		}
	}
	if r.W <= 0 || r.H <= 0 {
		return
	}
	rows, cols := (r.H+1<<k-1)>>k, (r.W+1<<k-1)>>k
	if n := int(rows * cols); cap(b.counts) < n {
		b.counts = make([]uint64, n)
	}
	engine.CountBlocks(eng, r, k, b.counts)
	young := b.youngest(eng, r, k, rows, cols)
	var colors []tcell.Color
	if young != nil {
		colors = stateColors(eng.Rule())
	}
	// r's corner is a multiple of 2^(k+1) down and 2^k across, as view's
	// is, so its blocks pair up into whole characters.
	c0, r0 := int((r.X-view.X)>>k), int((r.Y-view.Y)>>(k+1))
	area := math.Ldexp(1, int(2*k+1))
	for i := int64(0); i < rows && r0+int(i/2) < h; i += 2 {
		for j := int64(0); j < cols && c0+int(j) < w; j++ {
			n := float64(b.counts[i*cols+j])
			if i+1 < rows {
				n += float64(b.counts[(i+1)*cols+j])
			}
			sx, sy := x0+c0+int(j), y0+r0+int(i/2)
			if young == nil {
				screen.Put(sx, sy, shades[shade(n/area)], liveStyle)
				continue
			}
			// Of many states: shaded by the live cells, in the colour
			// of the youngest state present; a character of older
			// states only shows in the lightest shade.
			s := young[i*cols+j]
			if i+1 < rows {
				s = minState(s, young[(i+1)*cols+j])
			}
			if s == 0 {
				screen.Put(sx, sy, " ", liveStyle)
				continue
			}
			screen.Put(sx, sy, shades[max(shade(n/area), 1)], b.stateStyle(colors, s))
		}
	}
}

// maxStateVisit is the most cells of many states the zoomed-out board visits
// a frame to find the states present in each block; beyond it only the
// live cells' counts show, in state 1's colour.
const maxStateVisit = 1 << 21

// youngest returns, for a rule of many states, the youngest state present
// (the lowest but 0; 0 for none) in each 2^k x 2^k block of r, rows x cols
// blocks, from a visit of the engine's cells, or from the live cells'
// counts alone (state 1 wherever one is) when the population passes
// maxStateVisit; nil for a rule of two states.
func (b *Board) youngest(eng engine.Engine, r engine.Rect, k uint, rows, cols int64) []uint8 {
	if !eng.Rule().MultiState() {
		return nil
	}
	n := int(rows * cols)
	if cap(b.young) < n {
		b.young = make([]uint8, n)
	}
	young := b.young[:n]
	if eng.Population().Cmp(big.NewInt(maxStateVisit)) > 0 {
		for i, c := range b.counts[:n] {
			young[i] = b2i(c > 0)
		}
		return young
	}
	clear(young)
	engine.VisitStatesOf(eng, r, func(y, x int64, s engine.State) {
		i := ((y-r.Y)>>k)*cols + (x-r.X)>>k
		young[i] = minState(young[i], uint8(s))
	})
	return young
}

// minState returns the lower of two states but 0, which stands for none.
func minState(a, b uint8) uint8 {
	if a == 0 || b != 0 && b < a {
		return b
	}
	return a
}

// stateStyle returns the style of a character whose youngest cell is in
// state s (1 or more), in colour: the state's colour; with NO_COLOR, dim
// when it holds no live cell.
func (b *Board) stateStyle(colors []tcell.Color, s uint8) tcell.Style {
	if b.noColor {
		return liveStyle.Dim(s > 1)
	}
	if int(s) > len(colors) {
		return liveStyle
	}
	return liveStyle.Foreground(colors[s-1])
}

// drawStateDots draws a universe of many states in braille, 2 x 4 cells a
// character: a dot for every cell not in state 0, in the colour of the
// youngest state among them (with NO_COLOR, dim when none is live).
func (b *Board) drawStateDots(screen tcell.Screen, eng engine.Engine, x0, y0, w, h int, top, left int64, inside func(y, x int64) bool, outside tcell.Style) {
	colors := stateColors(eng.Rule())
	for row := 0; row < h; row++ {
		cy := top + int64(row)*4
		for c := 0; c < w; c++ {
			cx := left + int64(c)*2
			var dots, young uint8
			in := false
			for dy := int64(0); dy < 4; dy++ {
				for dx := int64(0); dx < 2; dx++ {
					y, x := cy+dy, cx+dx
					if !inside(y, x) {
						continue
					}
					in = true
					if s := engine.StateOf(eng, y, x); s != 0 {
						dots |= 1 << (dy*2 + dx)
						young = minState(young, uint8(s))
					}
				}
			}
			switch {
			case !in:
				screen.Put(x0+c, y0+row, outsideStr, outside)
			case dots == 0:
				screen.Put(x0+c, y0+row, glyphs.braille[0], liveStyle)
			default:
				screen.Put(x0+c, y0+row, glyphs.braille[dots], b.stateStyle(colors, young))
			}
		}
	}
}

// Styles of the overlay: the selection's background, and the floating
// paste's cells.
var (
	selectColor = tcell.ColorNavy
	pasteColor  = tcell.ColorRed
)

// drawOverlay draws the selection and the floating paste over the cells
// drawn, in the characters they cover only.
func (b *Board) drawOverlay(screen tcell.Screen, x0, y0, w, h int, top, left int64) {
	o := b.overlay
	cpc, across, down := b.scale.geometry()
	// span returns the characters, clipped to the board, that cover r.
	span := func(r engine.Rect) (r1, r2, c1, c2 int, ok bool) {
		if r.W <= 0 || r.H <= 0 {
			return 0, 0, 0, 0, false
		}
		r1 = int(max(floorDiv(r.Y-top, down), 0))
		r2 = int(min(floorDiv(r.Y+r.H-1-top, down)+1, int64(h)))
		c1 = int(max(floorDiv(r.X-left, across)*cpc, 0))
		c2 = int(min((floorDiv(r.X+r.W-1-left, across)+1)*cpc, int64(w)))
		return r1, r2, c1, c2, r1 < r2 && c1 < c2
	}
	if r1, r2, c1, c2, ok := span(o.Sel); ok {
		for r := r1; r < r2; r++ {
			for c := c1; c < c2; c++ {
				ch, comb, style, _ := screen.GetContent(x0+c, y0+r)
				if b.noColor {
					style = style.Underline(true)
				} else {
					style = style.Background(selectColor)
				}
				screen.SetContent(x0+c, y0+r, ch, comb, style)
			}
		}
	}
	p := o.Paste
	if p == nil {
		return
	}
	pw, ph := p.Size()
	pr := engine.Rect{X: o.PasteX, Y: o.PasteY, W: pw, H: ph}
	r1, r2, c1, c2, ok := span(pr)
	if !ok {
		return
	}
	style := liveStyle.Bold(true)
	if b.noColor {
		style = style.Underline(true)
	} else {
		style = style.Foreground(pasteColor)
	}
	if k := b.scale.shift(); k > 0 {
		// Zoomed out: each character shaded by the paste's cells in it.
		counts := make([]float64, (r2-r1)*(c2-c1))
		for _, run := range p.Runs {
			y := o.PasteY + run.Y
			r := floorDiv(y-top, down)
			if r < int64(r1) || r >= int64(r2) {
				continue
			}
			for x := o.PasteX + run.X; x < o.PasteX+run.X+run.N; {
				c := floorDiv(x-left, across)
				end := min(left+(c+1)*across, o.PasteX+run.X+run.N) // the end of the run in this character
				if c >= int64(c1) && c < int64(c2) {
					counts[(int(r)-r1)*(c2-c1)+int(c)-c1] += float64(end - x)
				}
				if c >= int64(c2) {
					break
				}
				x = end
			}
		}
		area := float64(across * down)
		for r := r1; r < r2; r++ {
			for c := c1; c < c2; c++ {
				if n := counts[(r-r1)*(c2-c1)+c-c1]; n > 0 {
					screen.Put(x0+c, y0+r, shades[max(shade(n/area), 1)], style)
				}
			}
		}
		return
	}
	for r := r1; r < r2; r++ {
		cy := top + int64(r)*down
		for c := c1; c < c2; c++ {
			cx := left + int64(c)/cpc*across
			var dots uint8
			for dy := int64(0); dy < down; dy++ {
				for dx := int64(0); dx < across; dx++ {
					if pasteCell(p, cy+dy-o.PasteY, cx+dx-o.PasteX) {
						dots |= 1 << (dy*2 + dx)
					}
				}
			}
			if dots == 0 {
				continue
			}
			// The cells under the paste show through.
			for dy := int64(0); dy < down; dy++ {
				for dx := int64(0); dx < across; dx++ {
					if b.snap.Eng.Cell(cy+dy, cx+dx) {
						dots |= 1 << (dy*2 + dx)
					}
				}
			}
			screen.Put(x0+c, y0+r, glyph(b.scale, dots), style)
		}
	}
}

// pasteCell reports whether p's cell (y, x) is alive: a binary search of
// its runs, which are sorted by row and then column.
func pasteCell(p *patterns.Pattern, y, x int64) bool {
	runs := p.Runs
	i := sort.Search(len(runs), func(i int) bool {
		r := runs[i]
		return r.Y > y || r.Y == y && r.X > x
	})
	if i == 0 {
		return false
	}
	r := runs[i-1]
	return r.Y == y && x < r.X+r.N
}

// floorDiv returns a / m rounded down, for m > 0.
func floorDiv(a, m int64) int64 {
	q := a / m
	if a%m < 0 {
		q--
	}
	return q
}

// drawCursor shows the edit cursor, when on and visible, by reversing the
// character that holds its cell.
func (b *Board) drawCursor(screen tcell.Screen, x0, y0, w, h int, top, left int64) {
	if !b.cursor {
		return
	}
	cpc, across, down := b.scale.geometry()
	if b.ky < top || b.kx < left {
		return
	}
	r, c := (b.ky-top)/down, (b.kx-left)/across*cpc
	for i := int64(0); i < cpc; i++ {
		if r >= int64(h) || c+i >= int64(w) {
			return
		}
		sx, sy := x0+int(c+i), y0+int(r)
		ch, comb, style, _ := screen.GetContent(sx, sy)
		style = style.Reverse(true)
		if !b.noColor {
			style = style.Foreground(cursorColor)
		}
		screen.SetContent(sx, sy, ch, comb, style)
	}
}

// intersect returns the overlap of a and b, with a non-positive size when
// they do not overlap.
func intersect(a, b engine.Rect) engine.Rect {
	x, y := max(a.X, b.X), max(a.Y, b.Y)
	return engine.Rect{X: x, Y: y, W: min(a.X+a.W, b.X+b.W) - x, H: min(a.Y+a.H, b.Y+b.H) - y}
}

// Zoom zooms in (towards [ScaleDouble]) by steps scales, or out for a
// negative steps, keeping the centre.
func (b *Board) Zoom(steps int) { b.SetScale(b.scale - Scale(steps)) }

// Pan moves the view by dy rows and dx columns of characters.
func (b *Board) Pan(dy, dx int) {
	cpc, across, down := b.scale.geometry()
	cells := int64(dx) * across / cpc
	if cells == 0 && dx != 0 {
		cells = int64(dx / max(dx, -dx)) // half a cell rounds to one
	}
	b.SetCentre(b.cy+int64(dy)*down, b.cx+cells)
}

// Fit centres r on the board at the finest scale that shows all of it.
func (b *Board) Fit(r engine.Rect) {
	_, _, w, h := b.GetInnerRect()
	b.SetCentre(r.Y+r.H/2, r.X+r.W/2)
	for s := ScaleDouble; s <= MaxScale; s++ {
		b.scale = s
		if _, _, rows, cols := b.view(w, h); rows >= r.H && cols >= r.W {
			return
		}
	}
}

// MouseHandler handles the mouse: presses, drags and moves over the cells
// go to the pointer function (see [Board.SetPointerFunc]), the wheel
// zooms about the pointer, and a middle-button drag pans. It implements
// [tview.Primitive].
func (b *Board) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return b.WrapMouseHandler(func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (bool, tview.Primitive) {
		sx, sy := event.Position()
		y, x, in := b.CellAt(sx, sy)
		if !in && !b.dragging {
			return false, nil
		}
		// point tells the pointer function, once a cell for drags and
		// moves.
		point := func(a PointerAction, left bool) {
			if b.pointer == nil {
				return
			}
			if (a == PointerDrag || a == PointerMove) && b.pointed && b.lastPoint == [2]int64{y, x} {
				return
			}
			b.lastPoint, b.pointed = [2]int64{y, x}, true
			b.pointer(Pointer{Y: y, X: x, Action: a, Left: left})
		}
		buttons := event.Buttons()
		switch action {
		case tview.MouseLeftDown, tview.MouseRightDown:
			b.stroking = true
			point(PointerPress, action == tview.MouseLeftDown)
			return true, b
		case tview.MouseMiddleDown:
			b.dragging, b.dragY, b.dragX = true, y, x
			return true, b
		case tview.MouseMove:
			switch {
			case b.dragging && buttons&tcell.ButtonMiddle != 0:
				b.SetCentre(b.cy+b.dragY-y, b.cx+b.dragX-x)
				return true, b
			case b.stroking && buttons&(tcell.ButtonPrimary|tcell.ButtonSecondary) != 0 && in:
				point(PointerDrag, buttons&tcell.ButtonPrimary != 0)
				return true, b
			}
			b.dragging = false
			b.stroking = buttons&(tcell.ButtonPrimary|tcell.ButtonSecondary) != 0 && b.stroking
			if in && buttons == tcell.ButtonNone {
				point(PointerMove, false)
				return true, nil
			}
		case tview.MouseLeftUp, tview.MouseRightUp:
			b.stroking = false
			if in {
				point(PointerRelease, action == tview.MouseLeftUp)
			}
			return true, nil
		case tview.MouseMiddleUp:
			b.dragging = false
			return true, nil
		case tview.MouseScrollUp, tview.MouseScrollDown:
			if !in {
				return false, nil
			}
			if action == tview.MouseScrollUp {
				b.Zoom(1)
			} else {
				b.Zoom(-1)
			}
			// Keep the cell under the pointer where it was.
			if y2, x2, ok := b.CellAt(sx, sy); ok {
				b.SetCentre(b.cy+y-y2, b.cx+x-x2)
			}
			return true, nil
		}
		return false, nil
	})
}

// drawStates draws a rule of many states at the scales of a cell a
// character (or two columns) and of half blocks: each state in its colour,
// Golly's gradient (red to yellow for Generations, yellow to red for Larger
// than Life's decay), or, with NO_COLOR, state 1 as a full block and the
// older states as ever lighter shades. At half blocks the upper cell is the
// foreground and the lower one the background.
func (b *Board) drawStates(screen tcell.Screen, eng engine.Engine, x0, y0, w, h int, top, left, cpc, down int64, inside func(y, x int64) bool, outside tcell.Style) {
	r := eng.Rule()
	colors := stateColors(r)
	style := func(s engine.State) tcell.Color {
		if s == 0 || int(s) > len(colors) {
			return tcell.ColorDefault
		}
		return colors[s-1]
	}
	for row := 0; row < h; row++ {
		cy := top + int64(row)*down
		for c := 0; c < w; c++ {
			cx := left + int64(c)/cpc
			if !inside(cy, cx) {
				screen.Put(x0+c, y0+row, outsideStr, outside)
				continue
			}
			s := engine.StateOf(eng, cy, cx)
			if down == 1 {
				if s == 0 {
					screen.Put(x0+c, y0+row, " ", liveStyle)
				} else if b.noColor {
					screen.Put(x0+c, y0+row, ageGlyph(s, r.States()), liveStyle)
				} else {
					screen.Put(x0+c, y0+row, "█", liveStyle.Foreground(style(s)))
				}
				continue
			}
			var lo engine.State
			if inside(cy+1, cx) {
				lo = engine.StateOf(eng, cy+1, cx)
			}
			switch {
			case b.noColor:
				screen.Put(x0+c, y0+row, glyphs.half[b2i(s != 0)|b2i(lo != 0)<<1], liveStyle)
			case s == 0 && lo == 0:
				screen.Put(x0+c, y0+row, " ", liveStyle)
			case s == 0:
				screen.Put(x0+c, y0+row, "▄", liveStyle.Foreground(style(lo)))
			default:
				screen.Put(x0+c, y0+row, "▀", liveStyle.Foreground(style(s)).Background(style(lo)))
			}
		}
	}
}

// ageGlyph is the NO_COLOR character of state s of a rule of n states:
// state 1 a full block, the older states the shades, lighter with age.
func ageGlyph(s engine.State, n int) string {
	if s <= 1 {
		return "█"
	}
	older := []string{"▓", "▒", "░"}
	return older[min(len(older)-1, (int(s)-2)*len(older)/max(1, n-2))]
}

func b2i(v bool) uint8 {
	if v {
		return 1
	}
	return 0
}

// stateColors returns the terminal colours of states 1 to n-1 of r, as
// render draws them on a dark page: Golly's gradients read well on dark
// and light terminals alike.
func stateColors(r engine.Rule) []tcell.Color {
	var out []tcell.Color
	for _, c := range render.StateColors(r, render.Dark) {
		out = append(out, tcell.NewRGBColor(int32(c.R), int32(c.G), int32(c.B)))
	}
	return out
}
