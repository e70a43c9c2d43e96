package states

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/big"
	"math/bits"
	"sync"

	"github.com/life-go/life/engine"
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

	box  irect // the live cells' bounding box, when live
	live bool

	liveRows []int32 // prefix sums of the plane's rows' cells in state 1
	old      []bool  // whether each row of the region has a cell above state 1

	// Strips of stripW plane columns, a bit each, nw words a row:
	// liveMask holds each plane row's strips with a cell in state 1,
	// agedMask each region row's strips with a cell above state 1 (for
	// Moore's neighbourhood without B0, which steps only the strips near
	// them).
	nw                 int
	liveMask, agedMask []uint64

	// rowLive says of each grid row whether the last generation left a
	// cell in it not in state 0, when rowsOf is the grid's array that
	// generation made (the Moore step, without B0, keeps it): fill skips
	// the rows it knows are dead.
	rowLive []bool
	rowsOf  *uint8
}

// stripW is the width of the strips of plane columns whose cells the
// Moore step skips when no cell in state 1 is within the range of them.
const stripW = 16

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
	e.rowsOf = nil // the cells may have been edited since
	box, ok := gridBox(e.g)
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
			e.rowsOf = nil
			if err := e.include(engine.Rect{Y: int64(b.Y) + e.oy, X: int64(b.X) + e.ox, W: int64(b.W), H: int64(b.H)}, pad); err != nil {
				if err := e.include(engine.Rect{Y: int64(b.Y) + e.oy, X: int64(b.X) + e.ox, W: int64(b.W), H: int64(b.H)}, r+1); err != nil {
					return err
				}
			}
			bb, _ := gridBox(e.g)
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

// smallDiamond is the largest range at which von Neumann's diamond is
// counted as the circle is, from prefix sums along its 2r+1 rows, rather
// than from the diagonals' (eight lookups with their edge tests a cell,
// and a pass more over the plane): the rows' cost grows with the range,
// the diagonals' does not (callgrind, the whole BenchmarkLtLShapes/NN
// run of 10 generations: rows 68M instructions against 83M at range 8,
// 76M against 83M at 10, 113M against 85M at 20). Golly counts diamonds
// directly up to range 4.
const smallDiamond = 12

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
	diagonal := e.l.Shape == engine.VonNeumann && r > smallDiamond
	switch {
	case diagonal:
		e.diagonals()
	case e.l.Shape != engine.Moore:
		e.rows()
	}
	clear(next)
	keep := e.l.Shape == engine.Moore && e.l.Bmin > 0
	e.rowsOf = nil
	if keep {
		if cap(e.rowLive) < h {
			e.rowLive = make([]bool, h)
		}
		e.rowLive = e.rowLive[:h]
		clear(e.rowLive)
	}
	boxes := make([]rowBox, 0, 16)
	var mu sync.Mutex
	bands(y0, y1, max(16, r), func(a, b int) {
		bx := rowBox{top: -1, left: w}
		switch {
		case e.l.Shape == engine.Moore:
			e.moore(cur, next, a, b, y0, x0, x1, &bx)
		case diagonal:
			e.diamond(cur, next, a, b, y0, x0, x1, &bx)
		default:
			e.circle(cur, next, a, b, y0, x0, x1, &bx)
		}
		mu.Lock()
		boxes = append(boxes, bx)
		mu.Unlock()
	})
	if keep && len(next) > 0 {
		e.rowsOf = &next[0]
	}
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
	known := e.rowsOf != nil && len(cur) > 0 && e.rowsOf == &cur[0]
	if cap(e.liveRows) < e.ph+1 {
		e.liveRows = make([]int32, e.ph+1)
	}
	e.liveRows = e.liveRows[:e.ph+1]
	if cap(e.old) < y1-y0 {
		e.old = make([]bool, y1-y0)
	}
	e.old = e.old[:y1-y0]
	masks := e.l.Shape == engine.Moore && e.l.Bmin > 0
	if masks {
		e.nw = (pw + 64*stripW - 1) / (64 * stripW)
		e.liveMask = grow(e.liveMask, e.ph*e.nw)
		e.agedMask = grow(e.agedMask, (y1-y0)*e.nw)
	}
	bands(0, e.ph, 64, func(a, b int) {
		for py := a; py < b; py++ {
			dst := e.plane[py*pw : (py+1)*pw]
			y := y0 - m + py
			if e.torus {
				y = mod(y, h)
			}
			if y < 0 || y >= h || known && !e.rowLive[y] {
				// Beyond a plane's edge, or a row the last generation
				// left dead.
				clear(dst)
				e.liveRows[py+1] = 0
				if k := py - m; k >= 0 && k < y1-y0 {
					e.old[k] = false
				}
				if masks {
					clear(e.liveMask[py*e.nw : (py+1)*e.nw])
					if k := py - m; k >= 0 && k < y1-y0 {
						clear(e.agedMask[k*e.nw : (k+1)*e.nw])
					}
				}
				continue
			}
			row := cur[y*w : (y+1)*w]
			var live int32
			var old bool
			lo, hi := x0-m, x1+m // the grid columns the plane row holds
			if !e.torus || lo >= 0 && hi <= w {
				// Inside the grid, dead beyond it.
				a, b := max(lo, 0), min(hi, w)
				clear(dst[:a-lo])
				clear(dst[b-lo:])
				live, old = ones(dst[a-lo:b-lo], row[a:b])
			} else {
				// Across a torus's edges: the grid row's segments in
				// turn, from column lo modulo the width.
				c := mod(lo, w)
				for px := 0; px < len(dst); {
					k := min(w-c, len(dst)-px)
					l, o := ones(dst[px:px+k], row[c:c+k])
					live, old = live+l, old || o
					px, c = px+k, 0
				}
			}
			e.liveRows[py+1] = live
			k := py - m
			if k >= 0 && k < y1-y0 {
				e.old[k] = old
			}
			if masks {
				strips(e.liveMask[py*e.nw:(py+1)*e.nw], dst, live != 0)
				if k >= 0 && k < y1-y0 {
					agedStrips(e.agedMask[k*e.nw:(k+1)*e.nw], row[x0:x1], m, old)
				}
			}
		}
	})
	// Prefix sums: liveRows[py] is the cells in state 1 above plane row py.
	e.liveRows[0] = 0
	for py := 1; py <= e.ph; py++ {
		e.liveRows[py] += e.liveRows[py-1]
	}
}

// ones sets dst[i] to 1 where src[i] is in state 1 and to 0 elsewhere,
// eight cells a word, and returns how many it set and whether any cell of
// src is in a state above 1.
func ones(dst, src []uint8) (live int32, old bool) {
	const lsb, low7 = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f
	i := 0
	var above uint64
	for ; i+8 <= len(src); i += 8 {
		v := binary.LittleEndian.Uint64(src[i:])
		if v == 0 {
			binary.LittleEndian.PutUint64(dst[i:], 0)
			continue
		}
		above |= v &^ lsb
		t := v ^ lsb // bytes that were 1 are 0
		// High bit of each byte set where t's byte is 0.
		z := ^((t&low7 + low7) | t) &^ low7
		eq := z >> 7
		binary.LittleEndian.PutUint64(dst[i:], eq)
		live += int32(bits.OnesCount64(eq))
	}
	old = above != 0
	for ; i < len(src); i++ {
		s := src[i]
		v := b2u(s == 1)
		dst[i] = v
		live += int32(v)
		old = old || s > 1
	}
	return live, old
}

// grow returns s resized to n words, reusing its array when it can.
func grow(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n)
	}
	return s[:n]
}

// strips sets the bits of mask for the strips of row (a plane row of 0s
// and 1s) that hold a 1; any says whether the row holds one at all.
func strips(mask []uint64, row []uint8, any bool) {
	clear(mask)
	if !any {
		return
	}
	for k, c := 0, 0; c < len(row); k, c = k+1, c+stripW {
		seg := row[c:min(c+stripW, len(row))]
		var v uint64
		if len(seg) == stripW {
			v = binary.LittleEndian.Uint64(seg) | binary.LittleEndian.Uint64(seg[8:])
		} else {
			for _, b := range seg {
				v |= uint64(b)
			}
		}
		if v != 0 {
			mask[k/64] |= 1 << (k % 64)
		}
	}
}

// agedStrips sets the bits of mask for the strips of plane columns that
// hold a cell of the region row src (whose first cell is plane column m)
// in a state above 1; any says whether src holds one at all.
func agedStrips(mask []uint64, src []uint8, m int, any bool) {
	clear(mask)
	if !any {
		return
	}
	for i, s := range src {
		if s > 1 {
			k := (i + m) / stripW
			mask[k/64] |= 1 << (k % 64)
		}
	}
}

func mod(a, n int) int {
	a %= n
	if a < 0 {
		a += n
	}
	return a
}

// rowBox is the box of the live cells a band of rows has written.
type rowBox struct{ top, bottom, left, right int }

// add grows the box by row y's cells from x0+lo to x0+hi (none if lo > hi).
func (b *rowBox) add(y, x0, lo, hi int) {
	if lo > hi {
		return
	}
	if b.top < 0 {
		b.top = y
	}
	b.bottom = y
	b.left, b.right = min(b.left, x0+lo), max(b.right, x0+hi)
}

// decideRow writes the next states of a row's cells, src, into dst: counts
// holds each cell's number of cells in state 1 in its neighbourhood,
// itself included when it is in state 1. It returns the first and last
// cells written live (lo > hi for none).
func (e *LtL) decideRow(src, dst []uint8, counts []int32) (lo, hi int) {
	l := &e.l
	bmin, bspan := int32(l.Bmin), uint32(l.Bmax-l.Bmin)
	// A cell in state 1 counts itself; without the middle it must not.
	smin, sspan := int32(l.Smin), uint32(l.Smax-l.Smin)
	if !l.Middle {
		smin++
	}
	decay, n := uint8(0), e.n
	if n > 2 {
		decay = 2
	}
	lo, hi = len(src), -1
	dst = dst[:len(src)]
	counts = counts[:len(src)]
	for i, s := range src {
		c := counts[i]
		var ns uint8
		switch s {
		case 0:
			if uint32(c-bmin) <= bspan {
				ns = 1
			}
		case 1:
			ns = decay
			if uint32(c-smin) <= sspan {
				ns = 1
			}
		default:
			if int(s)+1 < n {
				ns = s + 1
			}
		}
		if ns != 0 {
			dst[i] = ns
			lo, hi = min(lo, i), i
		}
	}
	return lo, hi
}

// mooreRow is decideRow for Moore's neighbourhood, the counts made as it
// goes: the first cell's is sum, and each next cell's gains in[i] and loses
// out[i].
func (e *LtL) mooreRow(src, dst []uint8, in, out []int32, sum int32) (lo, hi int) {
	l := &e.l
	bmin, bspan := int32(l.Bmin), uint32(l.Bmax-l.Bmin)
	smin, sspan := int32(l.Smin), uint32(l.Smax-l.Smin)
	if !l.Middle {
		smin++
	}
	decay, n := uint8(0), e.n
	if n > 2 {
		decay = 2
	}
	lo, hi = len(src), -1
	dst = dst[:len(src)]
	in, out = in[:len(src)], out[:len(src)]
	// Where the window holds no cell in state 1 and nothing is born from
	// none, only cells above state 1 change: with two states, none.
	skip := bmin > 0 && n == 2
	for i := 0; i < len(src); i++ {
		if i > 0 {
			sum += in[i] - out[i]
		}
		if sum == 0 && skip {
			// The window is empty: it stays so until a column with a
			// cell in state 1 enters it.
			for i+1 < len(src) && in[i+1] == 0 {
				i++
			}
			continue
		}
		s := src[i]
		var ns uint8
		switch s {
		case 0:
			if uint32(sum-bmin) > bspan {
				continue
			}
			ns = 1
		case 1:
			ns = decay
			if uint32(sum-smin) <= sspan {
				ns = 1
			}
		default:
			if int(s)+1 < n {
				ns = s + 1
			}
		}
		if ns != 0 {
			dst[i] = ns
			lo, hi = min(lo, i), i
		}
	}
	return lo, hi
}

// quiet reports whether row y (grid coordinates, of the region starting
// at row y0) can only be dead next: no cell in state 1 within the range of
// it, none in a state above 1 in it, and no births from nothing.
func (e *LtL) quiet(y, y0 int) bool {
	if e.l.Bmin == 0 || e.old[y-y0] {
		return false
	}
	r, m := e.l.Range, e.m
	py := y - y0 + m
	return e.liveRows[py+r+1]-e.liveRows[py-r] == 0
}

// moore counts Moore's neighbourhood for rows a to b-1 (columns x0 to
// x1-1) with running sums: a sum of 2r+1 rows for every column of the
// plane, moved down a row at a time, and a window of 2r+1 of them moved
// along the row. It visits only the strips of columns within the range of
// a cell in state 1 or holding a cell above state 1 (every cell with B0):
// in the debris of a soup most of a row is far from any live cell.
func (e *LtL) moore(cur, next []uint8, a, b, y0, x0, x1 int, bx *rowBox) {
	if e.l.Bmin == 0 {
		e.mooreAll(cur, next, a, b, y0, x0, x1, bx)
		return
	}
	r, m, pw, w, nw := e.l.Range, e.m, e.pw, e.g.Width(), e.nw
	cols := make([]int32, pw)
	act := make([]uint64, nw)
	tmp := make([]uint64, nw)
	n := x1 - x0
	// The plane's row of cell row y is y-y0+m; its neighbourhood's rows
	// are y-y0+m-r to y-y0+m+r. Only the strips with a cell in state 1 in
	// a row add to the columns' sums: the others add nothing.
	first := a - y0 + m - r
	for py := first; py <= first+2*r; py++ {
		row := e.plane[py*pw : (py+1)*pw]
		eachStrip(e.liveMask[py*nw:(py+1)*nw], pw, func(c0, c1 int) {
			for px := c0; px < c1; px++ {
				cols[px] += int32(row[px])
			}
		})
	}
	// A cell can change only if a cell in state 1 is within the range of
	// it (its strip is within d strips of one) or it is above state 1.
	d := (r + stripW - 1) / stripW
	for y := a; y < b; y++ {
		py := y - y0 + m
		clear(act)
		for q := py - r; q <= py+r; q++ {
			for i, v := range e.liveMask[q*nw : (q+1)*nw] {
				act[i] |= v
			}
		}
		spread(act, tmp, d)
		for i, v := range e.agedMask[(y-y0)*nw : (y-y0+1)*nw] {
			act[i] |= v
		}
		src, dst := cur[y*w+x0:y*w+x1], next[y*w+x0:y*w+x1]
		rowLive := false
		eachStrip(act, pw, func(c0, c1 int) {
			// The row's cells in plane columns c0 to c1-1.
			c0, c1 = max(c0, m), min(c1, m+n)
			if c0 >= c1 {
				return
			}
			var sum int32
			for px := c0 - r; px <= c0+r; px++ {
				sum += cols[px]
			}
			i0, i1 := c0-m, c1-m
			lo, hi := e.mooreRow(src[i0:i1], dst[i0:i1], cols[c0+r:], cols[c0-r-1:], sum)
			bx.add(y, x0, i0+lo, i0+hi)
			rowLive = rowLive || lo <= hi
		})
		e.rowLive[y] = rowLive
		if y+1 < b {
			pin, pout := py+r+1, py-r
			in := e.plane[pin*pw:][:pw]
			out := e.plane[pout*pw:][:pw]
			for i := range tmp {
				tmp[i] = e.liveMask[pin*nw+i] | e.liveMask[pout*nw+i]
			}
			eachStrip(tmp, pw, func(c0, c1 int) {
				for px := c0; px < c1; px++ {
					cols[px] += int32(in[px]) - int32(out[px])
				}
			})
		}
	}
}

// eachStrip calls fn with the plane columns c0 to c1-1 of each run of
// strips set in mask, within a plane pw columns wide.
func eachStrip(mask []uint64, pw int, fn func(c0, c1 int)) {
	n := len(mask) * 64
	for k := 0; k < n; {
		v := mask[k/64] >> (k % 64)
		if v == 0 {
			k = (k/64 + 1) * 64
			continue
		}
		k += bits.TrailingZeros64(v)
		// Strip k is set: the run ends at the next strip that is not.
		j := k
		for j < n {
			z := ^mask[j/64] >> (j % 64)
			if z == 0 {
				j = (j/64 + 1) * 64
				continue
			}
			j += bits.TrailingZeros64(z)
			break
		}
		fn(min(k*stripW, pw), min(j*stripW, pw))
		k = j
	}
}

// spread sets in mask the bits within d of a set bit (d < 64), using tmp
// (as long as mask) as scratch.
func spread(mask, tmp []uint64, d int) {
	for done := 0; done < d; {
		s := min(max(done, 1), d-done)
		copy(tmp, mask)
		for i := range mask {
			l := tmp[i]<<s | tmp[i]>>s
			if i > 0 {
				l |= tmp[i-1] >> (64 - s)
			}
			if i+1 < len(tmp) {
				l |= tmp[i+1] << (64 - s)
			}
			mask[i] |= l
		}
		done += s
	}
}

// mooreAll is moore for rules with B0, where every cell may change: a sum
// of 2r+1 rows for every column of the plane, moved down a row at a time,
// and a window of 2r+1 of them moved along each row.
func (e *LtL) mooreAll(cur, next []uint8, a, b, y0, x0, x1 int, bx *rowBox) {
	r, m, pw, w := e.l.Range, e.m, e.pw, e.g.Width()
	cols := make([]int32, pw)
	n := x1 - x0
	first := a - y0 + m - r
	for py := first; py <= first+2*r; py++ {
		if e.liveRows[py+1] == e.liveRows[py] {
			continue
		}
		row := e.plane[py*pw : (py+1)*pw]
		for px, v := range row {
			cols[px] += int32(v)
		}
	}
	for y := a; y < b; y++ {
		var sum int32
		for px := m - r; px <= m+r; px++ {
			sum += cols[px]
		}
		in, out := cols[m+r:m+r+n], cols[m-r-1:m-r-1+n]
		lo, hi := e.mooreRow(cur[y*w+x0:y*w+x1], next[y*w+x0:y*w+x1], in, out, sum)
		bx.add(y, x0, lo, hi)
		if y+1 < b {
			pin, pout := y-y0+m+r+1, y-y0+m-r
			if e.liveRows[pin+1] != e.liveRows[pin] || e.liveRows[pout+1] != e.liveRows[pout] {
				in := e.plane[pin*pw:][:pw]
				out := e.plane[pout*pw:][:pw]
				for px := range cols {
					cols[px] += int32(in[px]) - int32(out[px])
				}
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
func (e *LtL) diamond(cur, next []uint8, a, b, y0, x0, x1 int, bx *rowBox) {
	r, m, pw, w := e.l.Range, e.m, e.pw, e.g.Width()
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
	counts := make([]int32, n)
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
			counts[i] = s
		}
		lo, hi := e.decideRow(cur[y*w+x0:y*w+x1], next[y*w+x0:y*w+x1], counts)
		bx.add(y, x0, lo, hi)
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
func (e *LtL) circle(cur, next []uint8, a, b, y0, x0, x1 int, bx *rowBox) {
	r, m, stride, w := e.l.Range, e.m, e.pw+1, e.g.Width()
	n := x1 - x0
	counts := make([]int32, n)
	for y := a; y < b; y++ {
		if e.quiet(y, y0) {
			continue
		}
		// Row by row of the neighbourhood, along the whole row of
		// cells: the row's cells from px-wd to px+wd are the prefix
		// sum at px+wd+1 less the one at px-wd.
		py := y - y0 + m
		clear(counts)
		for k, wd := range e.widths {
			row := e.rp[(py-r+k)*stride : (py-r+k+1)*stride]
			hi, lo := row[m+wd+1:m+wd+1+n], row[m-wd:m-wd+n]
			for i := range counts {
				counts[i] += hi[i] - lo[i]
			}
		}
		lo, hi := e.decideRow(cur[y*w+x0:y*w+x1], next[y*w+x0:y*w+x1], counts)
		bx.add(y, x0, lo, hi)
	}
}

// Clone returns an independent copy.
func (e *LtL) Clone() engine.Engine {
	c := *e
	c.board = e.board.clone()
	c.plane, c.dr, c.dl, c.rp = nil, nil, nil, nil
	return &c
}
