package states

import (
	"context"
	"fmt"
	"math/big"
	"sync"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/grid"
)

func init() {
	engine.Register(engine.Algo{
		Name:       "ltl",
		Summary:    "Larger than Life with running sums (a cell costs the same at any range), bands on every core (tori, bounded planes, and the plane in a grid that grows and shrinks)",
		Families:   []engine.Family{engine.LargerThanLife},
		Topologies: []engine.TopologyKind{engine.Torus, engine.BoundedPlane, engine.Plane},
		StepBase:   10,
		Caps:       engine.BlockCounts,
		Rank:       20,
		Check:      checkLtL,
		New:        func(r engine.Rule, _ engine.Options) (engine.Engine, error) { return NewLtL(r) },
	})
}

func checkLtL(r engine.Rule) error {
	if r.Family() != engine.LargerThanLife {
		return fmt.Errorf("%s rules are %w by the ltl engine", r.Family(), engine.ErrUnsupported)
	}
	t := r.Topology
	if t.Kind != engine.Plane && !t.Bounded() {
		return fmt.Errorf("the %s is %w by the ltl engine: give a torus, a bounded plane or the unbounded plane", engine.TopologyWords(t), engine.ErrUnsupported)
	}
	if t.Kind == engine.Plane && r.B0() {
		return fmt.Errorf("B0 is not allowed if universe is unbounded (%s)", r)
	}
	return nil
}

// LtL is the engine of Larger than Life rules on tori and bounded planes.
type LtL struct {
	board
	l     engine.LtL
	torus bool

	// The region stepped, in grid coordinates: rows y0 to y1-1, columns
	// x0 to x1-1; the cells outside it are dead and stay so.
	plane  []uint8 // the cells in state 1 of the region grown by m on every side
	pw, ph int     // the plane's size
	m      int     // the plane's margin: the range, plus one
	dr, dl []int32 // prefix sums along the plane's diagonals (von Neumann)
	rp     []int32 // prefix sums along the plane's rows (the circle)
	widths []int   // the circle's half-width in each row, dy = -r..r

	box  grid.Rect // the live cells' bounding box, when live
	live bool
}

// NewLtL returns an engine for the Larger than Life rule r on a torus or a
// bounded plane, every cell dead.
func NewLtL(r engine.Rule) (*LtL, error) {
	if err := checkLtL(r); err != nil {
		return nil, err
	}
	b, err := newBoard("ltl", r)
	if err != nil {
		return nil, err
	}
	l, _ := r.LtL()
	e := &LtL{board: b, l: l, torus: r.Topology.IsTorus() && !b.unbounded}
	for dy := -l.Range; dy <= l.Range; dy++ {
		e.widths = append(e.widths, l.Width(dy))
	}
	return e, nil
}

// Step advances n generations.
func (e *LtL) Step(ctx context.Context, n uint64) error {
	box, ok := e.g.Bounds()
	if !ok && e.l.Bmin > 0 {
		e.gen.Add(&e.gen, new(big.Int).SetUint64(n))
		return ctx.Err()
	}
	e.box, e.live = box, ok
	if !e.unbounded {
		return e.run(ctx, e, n)
	}
	// On the unbounded plane: before each generation, make sure the
	// window holds the live cells' box grown by the range, and shrink it
	// when the pattern has shrunk to a small part of it.
	var next []uint8
	for ; n > 0; n-- {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !e.live {
			e.gen.Add(&e.gen, new(big.Int).SetUint64(n))
			return nil
		}
		r := int64(e.l.Range)
		w, h := e.g.Width(), e.g.Height()
		b := e.box
		need := int64(b.W+2*e.l.Range+2) * int64(b.H+2*e.l.Range+2)
		if b.Y < e.l.Range+1 || b.X < e.l.Range+1 || b.Y+b.H+e.l.Range+1 > h || b.X+b.W+e.l.Range+1 > w ||
			int64(w)*int64(h) > 16*need && int64(w)*int64(h) > windowSide*windowSide {
			pad := max(2*r+2, int64(max(b.W, b.H))/2, windowSide/4)
			if err := e.include(engine.Rect{Y: int64(b.Y) + e.oy, X: int64(b.X) + e.ox, W: int64(b.W), H: int64(b.H)}, pad); err != nil {
				if err := e.include(engine.Rect{Y: int64(b.Y) + e.oy, X: int64(b.X) + e.ox, W: int64(b.W), H: int64(b.H)}, r+1); err != nil {
					return err
				}
			}
			bb, _ := e.g.Bounds()
			e.box = bb
		}
		if len(next) != len(e.g.Cells()) {
			next = make([]uint8, len(e.g.Cells()))
		}
		e.generation(e.g.Cells(), next)
		next = e.g.Swap(next)
		e.gen.Add(&e.gen, big.NewInt(1))
	}
	return nil
}

// generation makes next from cur: the cells of the live cells' box grown
// by the range (the whole grid with B0, or across a torus's edge).
func (e *LtL) generation(cur, next []uint8) {
	w, h, r := e.g.Width(), e.g.Height(), e.l.Range
	y0, y1, x0, x1 := 0, h, 0, w
	if e.l.Bmin > 0 {
		if !e.live {
			clear(next)
			return
		}
		b := e.box
		y0, y1 = b.Y-r, b.Y+b.H+r
		x0, x1 = b.X-r, b.X+b.W+r
		if e.torus {
			if y0 < 0 || y1 > h {
				y0, y1 = 0, h
			}
			if x0 < 0 || x1 > w {
				x0, x1 = 0, w
			}
		} else {
			y0, y1, x0, x1 = max(y0, 0), min(y1, h), max(x0, 0), min(x1, w)
		}
	}
	e.fill(cur, y0, y1, x0, x1)
	switch e.l.Shape {
	case engine.VonNeumann:
		e.diagonals()
	case engine.Circular:
		e.rows()
	}
	clear(next)
	type box struct{ top, bottom, left, right int }
	boxes := make([]box, 0, 16)
	var mu sync.Mutex
	bands(y0, y1, max(16, r), func(a, b int) {
		bx := box{top: -1, left: w}
		switch e.l.Shape {
		case engine.Moore:
			e.moore(cur, next, a, b, y0, x0, x1, &bx.top, &bx.bottom, &bx.left, &bx.right)
		case engine.VonNeumann:
			e.diamond(cur, next, a, b, y0, x0, x1, &bx.top, &bx.bottom, &bx.left, &bx.right)
		default:
			e.circle(cur, next, a, b, y0, x0, x1, &bx.top, &bx.bottom, &bx.left, &bx.right)
		}
		mu.Lock()
		boxes = append(boxes, bx)
		mu.Unlock()
	})
	e.live = false
	top, bottom, left, right := h, -1, w, -1
	for _, b := range boxes {
		if b.top < 0 {
			continue
		}
		e.live = true
		top, bottom = min(top, b.top), max(bottom, b.bottom)
		left, right = min(left, b.left), max(right, b.right)
	}
	if e.live {
		e.box.Y, e.box.H, e.box.X, e.box.W = top, bottom-top+1, left, right-left+1
	}
}

// fill copies the cells in state 1 of rows y0 to y1-1 and columns x0 to
// x1-1, grown by the margin, into the plane: across a torus's edges its far
// side, beyond a plane's dead cells.
func (e *LtL) fill(cur []uint8, y0, y1, x0, x1 int) {
	w, h := e.g.Width(), e.g.Height()
	e.m = e.l.Range + 1
	m := e.m
	e.pw, e.ph = x1-x0+2*m, y1-y0+2*m
	if cap(e.plane) < e.pw*e.ph {
		e.plane = make([]uint8, e.pw*e.ph)
	}
	e.plane = e.plane[:e.pw*e.ph]
	pw := e.pw
	bands(0, e.ph, 64, func(a, b int) {
		for py := a; py < b; py++ {
			dst := e.plane[py*pw : (py+1)*pw]
			y := y0 - m + py
			if e.torus {
				y = mod(y, h)
			} else if y < 0 || y >= h {
				clear(dst)
				continue
			}
			row := cur[y*w : (y+1)*w]
			for px := range dst {
				x := x0 - m + px
				if uint(x) >= uint(w) {
					if !e.torus {
						dst[px] = 0
						continue
					}
					x = mod(x, w)
				}
				dst[px] = b2u(row[x] == 1)
			}
		}
	})
}

func mod(a, n int) int {
	a %= n
	if a < 0 {
		a += n
	}
	return a
}

// decide returns the next state of a cell in state s with count cells in
// state 1 in its neighbourhood, itself included when it is in state 1.
func (e *LtL) decide(s uint8, count int32) uint8 {
	l := &e.l
	switch s {
	case 0:
		if int(count) >= l.Bmin && int(count) <= l.Bmax {
			return 1
		}
		return 0
	case 1:
		if !l.Middle {
			count--
		}
		if int(count) >= l.Smin && int(count) <= l.Smax {
			return 1
		}
	}
	if s == 0 || int(s)+1 >= e.n {
		return 0
	}
	return s + 1
}

// emit writes the next state of the cell at (y, x) and grows the band's
// box of live cells.
func (e *LtL) emit(cur, next []uint8, y, x int, count int32, top, bottom, left, right *int) {
	i := y*e.g.Width() + x
	s := e.decide(cur[i], count)
	if s == 0 {
		return
	}
	next[i] = s
	if *top < 0 {
		*top = y
	}
	*bottom = y
	*left, *right = min(*left, x), max(*right, x)
}

// moore counts Moore's neighbourhood for rows a to b-1 (columns x0 to
// x1-1) with running sums: a sum of 2r+1 rows for every column of the
// plane, moved down a row at a time, and a window of 2r+1 of them moved
// along the row.
func (e *LtL) moore(cur, next []uint8, a, b, y0, x0, x1 int, top, bottom, left, right *int) {
	r, m, pw := e.l.Range, e.m, e.pw
	cols := make([]int32, pw)
	// The plane's row of cell row y is y-y0+m; its neighbourhood's rows
	// are y-y0+m-r to y-y0+m+r.
	first := a - y0 + m - r
	for py := first; py <= first+2*r; py++ {
		row := e.plane[py*pw : (py+1)*pw]
		for px, v := range row {
			cols[px] += int32(v)
		}
	}
	n := x1 - x0
	for y := a; y < b; y++ {
		// The window for column x (plane column x-x0+m) is columns
		// x-x0+m-r to x-x0+m+r.
		var sum int32
		for px := m - r; px <= m+r; px++ {
			sum += cols[px]
		}
		for i := 0; i < n; i++ {
			if i > 0 {
				sum += cols[m+r+i] - cols[m-r-1+i]
			}
			e.emit(cur, next, y, x0+i, sum, top, bottom, left, right)
		}
		if y+1 < b {
			in := e.plane[(y-y0+m+r+1)*pw:][:pw]
			out := e.plane[(y-y0+m-r)*pw:][:pw]
			for px := range cols {
				cols[px] += int32(in[px]) - int32(out[px])
			}
		}
	}
}

// diagonals makes the prefix sums along the plane's diagonals: dr along
// the down-right ones, dl along the down-left ones.
func (e *LtL) diagonals() {
	pw, ph := e.pw, e.ph
	if cap(e.dr) < pw*ph {
		e.dr, e.dl = make([]int32, pw*ph), make([]int32, pw*ph)
	}
	e.dr, e.dl = e.dr[:pw*ph], e.dl[:pw*ph]
	p, dr, dl := e.plane, e.dr, e.dl
	for py := 0; py < ph; py++ {
		for px := 0; px < pw; px++ {
			i := py*pw + px
			v := int32(p[i])
			dr[i], dl[i] = v, v
			if py > 0 {
				if px > 0 {
					dr[i] += dr[i-pw-1]
				}
				if px+1 < pw {
					dl[i] += dl[i-pw+1]
				}
			}
		}
	}
}

// seg returns the sum of the plane's cells along a diagonal segment from
// (ya, xa) down to (yb, xb) (plane coordinates, yb >= ya), down-right when
// xb >= xa, else down-left.
func (e *LtL) seg(ya, xa, yb, xb int) int32 {
	pw := e.pw
	if xb >= xa {
		s := e.dr[yb*pw+xb]
		if ya > 0 && xa > 0 {
			s -= e.dr[(ya-1)*pw+xa-1]
		}
		return s
	}
	s := e.dl[yb*pw+xb]
	if ya > 0 && xa+1 < pw {
		s -= e.dl[(ya-1)*pw+xa+1]
	}
	return s
}

// diamond counts von Neumann's neighbourhood for rows a to b-1 (columns x0
// to x1-1): the first cell's diamond directly, and each next one by adding
// the two diagonal edges it gains and taking away the two it loses.
func (e *LtL) diamond(cur, next []uint8, a, b, y0, x0, x1 int, top, bottom, left, right *int) {
	r, m, pw := e.l.Range, e.m, e.pw
	// (cy, cx): the plane's coordinates of the cell (a, x0).
	cy, cx := a-y0+m, m
	var d int32
	for dy := -r; dy <= r; dy++ {
		wd := r - max(dy, -dy)
		for dx := -wd; dx <= wd; dx++ {
			d += int32(e.plane[(cy+dy)*pw+cx+dx])
		}
	}
	n := x1 - x0
	for y := a; y < b; y++ {
		py := y - y0 + m
		if y > a {
			// Down a row from (py-1, cx): gain the bottom edges of
			// the new diamond, lose the top edges of the old one.
			o := py - 1
			d += e.seg(o+1, cx-r, o+1+r, cx) + e.seg(o+1, cx+r, o+r, cx+1)
			d -= e.seg(o-r, cx, o, cx-r) + e.seg(o-r+1, cx+1, o, cx+r)
		}
		s := d
		for i := 0; i < n; i++ {
			px := cx + i
			if i > 0 {
				// Right a column from (py, px-1).
				o := px - 1
				s += e.seg(py-r, o+1, py, o+1+r) + e.seg(py+1, o+r, py+r, o+1)
				s -= e.seg(py-r, o, py, o-r) + e.seg(py+1, o-r+1, py+r, o)
			}
			e.emit(cur, next, y, x0+i, s, top, bottom, left, right)
		}
	}
}

// rows makes the prefix sums along the plane's rows: rp[py*(pw+1)+px] is
// the number of cells in state 1 left of column px.
func (e *LtL) rows() {
	pw, ph := e.pw, e.ph
	n := (pw + 1) * ph
	if cap(e.rp) < n {
		e.rp = make([]int32, n)
	}
	e.rp = e.rp[:n]
	for py := 0; py < ph; py++ {
		row := e.plane[py*pw : (py+1)*pw]
		out := e.rp[py*(pw+1) : (py+1)*(pw+1)]
		out[0] = 0
		for px, v := range row {
			out[px+1] = out[px] + int32(v)
		}
	}
}

// circle counts the circular neighbourhood for rows a to b-1 (columns x0
// to x1-1) from the prefix sums along the rows: two of them for each of
// its 2r+1 rows.
func (e *LtL) circle(cur, next []uint8, a, b, y0, x0, x1 int, top, bottom, left, right *int) {
	r, m, stride := e.l.Range, e.m, e.pw+1
	n := x1 - x0
	for y := a; y < b; y++ {
		py := y - y0 + m
		for i := 0; i < n; i++ {
			px := m + i
			var s int32
			for k, wd := range e.widths {
				row := e.rp[(py-r+k)*stride:]
				s += row[px+wd+1] - row[px-wd]
			}
			e.emit(cur, next, y, x0+i, s, top, bottom, left, right)
		}
	}
}

// Clone returns an independent copy.
func (e *LtL) Clone() engine.Engine {
	c := *e
	c.board = e.board.clone()
	c.plane, c.dr, c.dl, c.rp = nil, nil, nil, nil
	return &c
}
