package engine

import (
	"context"
	"encoding/binary"
	"fmt"

	"github.com/life-go/life/grid"
)

// port is the driver's side of a [Conn]: the rows that answer the step
// logic's queries, where its transitions go, and the cell being stepped.
// Both drivers use it; the synchronous driver answers from the whole grid,
// a band worker from the rows the channel driver answered it.
type port struct {
	// cells holds rows of the current generation from row top (as the
	// step logic numbers rows, before wrapping), a byte a cell, row after
	// row.
	cells  []byte
	top    int
	rn     int // the rows in cells, or 0 while recording: Query's fast path reads these
	height int // the torus's
	width  int

	out    []byte // the transitions of rows y0 onwards, a byte a cell
	y0     int
	outRow int // offset in out of the row being stepped
	states int // the states a transition may give: 2, or a rule's of many

	// The cell being stepped: Simulate sets y, x and cx. A Transition
	// that keeps the contract sets x to ^len(odd), negative; any other
	// Transition is appended to odd.
	y, x, cx int
	odd      []Transition

	ctx context.Context // checked once a row; nil for none
	log []Msg           // if not nil, every query and transition is appended
}

// Query returns the state of the cell at (y, x), wrapped onto the torus,
// from the rows the driver answered. It is the seed's `state = yield
// Query(y, x)`.
//
// Query is the innermost loop of the protocol engine, kept within the
// compiler's inlining budget (TestHotPathInlined checks it): no calls, and
// nothing written but Transcript's record, off the common path. A store or
// a call on any path makes the compiler reload the port's fields at every
// query.
func (c Conn) Query(y, x int) State {
	p := c.p
	i := y - p.top
	if uint(i) >= uint(p.rn) {
		// Not one of the rows as asked (or recording, when rn is 0): wrap
		// with Python's modulo onto the torus, and so onto the rows asked
		// when they hold the row. A row beyond them, beyond the step
		// logic's reach, panics with an index out of range.
		if p.log != nil {
			p.log = append(p.log, Query{y, x})
		}
		i %= p.height
		i += p.height & (i >> 63)
	}
	if uint(x) >= uint(p.width) {
		x %= p.width
		x += p.width & (x >> 63)
	}
	return State(c.cells[i*p.width+x])
}

// Transition gives the cell at (y, x) its next state: the seed's `yield
// Transition(y, x, state)`. The step logic for a cell emits exactly one,
// for that cell; the driver reports any other use when the cell's step
// returns. Like Query, it is kept within the inlining budget.
func (c Conn) Transition(y, x int, s State) {
	p := c.p
	if p.log != nil {
		p.log = append(p.log, Transition{y, x, s})
	}
	if y != p.y || x != p.x || int(s) >= p.states {
		p.odd = append(p.odd, Transition{y, x, s})
		return
	}
	p.out[p.outRow+x] = byte(s)
	p.x = ^len(p.odd)
}

// pack writes src, a byte a cell, each 0 or 1, into dst, packed 64 cells a
// word as the grid packs its rows: eight cells a multiplication, a word
// a store.
func pack(dst []uint64, src []byte) {
	const lsb, gather = 0x0101010101010101, 0x0102040810204080
	i := 0
	for ; (i+1)*64 <= len(src); i++ {
		s := src[i*64 : i*64+64 : i*64+64]
		// Byte j's low bit goes to bit 56+j of the product: its top
		// byte holds the eight cells.
		g := func(k int) uint64 { return (binary.LittleEndian.Uint64(s[8*k:]) & lsb) * gather >> 56 }
		dst[i] = g(0) | g(1)<<8 | g(2)<<16 | g(3)<<24 | g(4)<<32 | g(5)<<40 | g(6)<<48 | g(7)<<56
	}
	if i*64 < len(src) {
		var w uint64
		for x, c := range src[i*64:] {
			w |= uint64(c&1) << x
		}
		dst[i] = w
	}
}

// unpack writes row, packed 64 cells a word as the grid packs them, into
// dst, a byte a cell.
func unpack(dst []byte, row []uint64) {
	w := len(dst)
	x := 0
	for ; x+8 <= w; x += 8 {
		binary.LittleEndian.PutUint64(dst[x:], spread[byte(row[x>>6]>>(x&63))])
	}
	for ; x < w; x++ {
		dst[x] = byte(row[x>>6] >> (x & 63) & 1)
	}
}

// spread[b] has byte i set to bit i of b.
var spread = func() (t [256]uint64) {
	for b := range t {
		for i := range 8 {
			t[b] |= uint64(b>>i&1) << (8 * i)
		}
	}
	return t
}()

// startRow readies the port for the cells of row y.
func (p *port) startRow(y int) { p.outRow = (y - p.y0) * p.width }

// poll returns the context's error once the run is cancelled.
func (p *port) poll() error {
	if p.ctx == nil {
		return nil
	}
	select {
	case <-p.ctx.Done():
		return p.ctx.Err()
	default:
		return nil
	}
}

// breach returns the error for the cell at (y, x), whose step logic did not
// emit exactly one transition, for itself, with a state that exists: the
// first transition that broke the contract decides.
func (p *port) breach(y, x int) error {
	if len(p.odd) == 0 {
		return fmt.Errorf("step logic for cell (y=%d, x=%d) emitted no transition", y, x)
	}
	switch t := p.odd[0]; {
	case t.Y != y || t.X != x:
		return fmt.Errorf("step logic for cell (y=%d, x=%d) emitted %v, for another cell", y, x, t)
	case p.x == -1: // after the cell's transition
		return fmt.Errorf("step logic for cell (y=%d, x=%d) emitted more than one transition", y, x)
	case p.states == 2:
		return fmt.Errorf("step logic for cell (y=%d, x=%d) emitted state %d, want 0 or 1", y, x, t.State)
	default:
		return fmt.Errorf("step logic for cell (y=%d, x=%d) emitted state %d, want 0 to %d", y, x, t.State, p.states-1)
	}
}

// panicked returns the error for step logic that panicked with v while
// stepping the cell at (y, x).
func (p *port) panicked(v any) error {
	return fmt.Errorf("step logic for cell (y=%d, x=%d) panicked: %v", p.y, p.cx, v)
}

// window is a generation's states, a byte a cell, row after row, with halo
// rows above and below that repeat the rows across the wrap: rows -halo to
// h+halo-1 as the step logic numbers them.
type window struct {
	cells      []byte
	h, w, halo int
}

func newWindow(h, w, halo int) *window {
	return &window{cells: make([]byte, (h+2*halo)*w), h: h, w: w, halo: halo}
}

// load makes the window hold g's states. It returns ctx's error, checked
// every few rows, when ctx is done first; ctx may be nil.
func (win *window) load(ctx context.Context, g *grid.Torus) error {
	for y := range win.h {
		if y&63 == 63 && ctx != nil && ctx.Err() != nil {
			return ctx.Err()
		}
		unpack(win.rows(y, 1), g.Row(y))
	}
	win.wrap()
	return nil
}

// loadStates makes the window hold g's states, a grid of many states.
func (win *window) loadStates(g *grid.States) {
	copy(win.rows(0, win.h), g.Cells())
	win.wrap()
}

// wrap copies the rows within the halo across the wrap.
func (win *window) wrap() {
	h, halo := win.h, win.halo
	for k := 1; k <= halo; k++ {
		copy(win.rows(-k, 1), win.rows(h-k, 1))
		copy(win.rows(h+k-1, 1), win.rows(k-1, 1))
	}
}

// rows returns the n rows from y, -halo <= y and y+n <= h+halo.
func (win *window) rows(y, n int) []byte {
	return win.cells[(y+win.halo)*win.w : (y+win.halo+n)*win.w]
}
