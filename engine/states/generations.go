package states

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/big"
	"math/bits"

	"github.com/life-go/life/engine"
)

func init() {
	engine.Register(engine.Algo{
		Name:       "generations",
		Summary:    "Generations rules a byte a cell, 3 x 3 blocks rolled along rows, on every core (every bounded grid, and the plane in a window that follows the pattern)",
		Families:   []engine.Family{engine.Generations},
		Topologies: []engine.TopologyKind{engine.Torus, engine.BoundedPlane, engine.Klein, engine.CrossSurface, engine.Sphere, engine.Plane},
		StepBase:   10,
		Caps:       engine.BlockCounts,
		Rank:       20,
		Check:      checkGenerations,
		New:        func(r engine.Rule, _ engine.Options) (engine.Engine, error) { return NewGenerations(r) },
	})
}

func checkGenerations(r engine.Rule) error {
	if r.Family() != engine.Generations {
		return fmt.Errorf("%s rules are %w by the generations engine", r.Family(), engine.ErrUnsupported)
	}
	if t := r.Topology; t.Kind != engine.Plane && !t.Bounded() {
		return fmt.Errorf("the %s is %w by the generations engine: give a grid bounded both ways, or the unbounded plane", engine.TopologyWords(t), engine.ErrUnsupported)
	}
	_, err := newBoard("generations", r)
	return err
}

// Generations is the engine of Generations rules on bounded grids.
type Generations struct {
	board
	// next[s<<1|b] is the next state of a cell in state s whose block's
	// table entry is b.
	next  [512]uint8
	table [512]uint8 // the rule's table, a byte an entry
	// count, for a rule whose table depends only on the cell and how
	// many of its eight neighbours are in state 1 (every outer-totalistic
	// rule: Golly's 17 examples): count[s<<4|c] is the next state of a
	// cell in state s whose 3 x 3 block holds c cells in state 1, itself
	// included. Nil otherwise.
	count *[4096]uint8
	tiles
}

// NewGenerations returns an engine for the Generations rule r on a grid
// bounded both ways, every cell dead.
func NewGenerations(r engine.Rule) (*Generations, error) {
	if err := checkGenerations(r); err != nil {
		return nil, err
	}
	b, err := newBoard("generations", r)
	if err != nil {
		return nil, err
	}
	e := &Generations{board: b}
	t := r.Table()
	for i := range 512 {
		if t.Alive(i) {
			e.table[i] = 1
		}
	}
	for s := range 256 {
		for bit := range 2 {
			next := engine.Age(engine.State(s), b.n)
			if s <= 1 && bit == 1 {
				next = 1
			}
			e.next[s<<1|bit] = uint8(next)
		}
	}
	e.count = countTable(&e.table, &e.next)
	return e, nil
}

// countTable returns the count table of a rule whose table depends only on
// the middle cell and the number of its eight neighbours in state 1 (bit 4
// of an index is the middle), or nil.
func countTable(table *[512]uint8, next *[512]uint8) *[4096]uint8 {
	var by [2][9]int8
	for c := range by {
		for o := range by[c] {
			by[c][o] = -1
		}
	}
	for i, v := range table {
		c, o := i>>4&1, bits.OnesCount(uint(i)&^16)
		if by[c][o] < 0 {
			by[c][o] = int8(v)
		} else if by[c][o] != int8(v) {
			return nil
		}
	}
	t := new([4096]uint8)
	for s := range 256 {
		for c := range 16 {
			alive := false
			switch {
			case s == 0 && c <= 8:
				alive = by[0][c] == 1
			case s == 1 && c >= 1 && c <= 9:
				alive = by[1][c-1] == 1
			}
			t[s<<4|c] = next[s<<1|int(b2u(alive))]
		}
	}
	return t
}

// Step advances n generations. On the unbounded plane the window onto it
// grows, before each generation, to keep a dead cell between the pattern
// and its edge, and shrinks when the pattern takes a small part of it.
func (e *Generations) Step(ctx context.Context, n uint64) error {
	if !e.unbounded {
		n = e.skip(n)
	}
	for ; n > 0; n-- {
		if err := ctx.Err(); err != nil {
			return err
		}
		if e.unbounded {
			b, ok := gridBox(e.g)
			if !ok {
				e.gen.Add(&e.gen, new(big.Int).SetUint64(n))
				return nil
			}
			w, h := e.g.Width(), e.g.Height()
			need := int64(b.W+4) * int64(b.H+4)
			if b.Y < 2 || b.X < 2 || b.Y+b.H+2 > h || b.X+b.W+2 > w ||
				int64(w)*int64(h) > 16*need && int64(w)*int64(h) > windowSide*windowSide {
				pad := max(int64(max(b.W, b.H))/2, windowSide/4)
				if err := e.include(engine.Rect{Y: int64(b.Y) + e.oy, X: int64(b.X) + e.ox, W: int64(b.W), H: int64(b.H)}, pad); err != nil {
					if err := e.include(engine.Rect{Y: int64(b.Y) + e.oy, X: int64(b.X) + e.ox, W: int64(b.W), H: int64(b.H)}, 2); err != nil {
						return err
					}
				}
			}
		}
		if e.touched {
			e.cyc.reset()
		}
		e.generation()
		e.gen.Add(&e.gen, big.NewInt(1))
		if !e.unbounded {
			e.cyc.after(e.g.Cells())
			n = e.skip(n-1) + 1
		}
	}
	return nil
}

// Clone returns an independent copy.
func (e *Generations) Clone() engine.Engine {
	c := *e
	c.board = e.board.clone()
	c.tiles = tiles{}
	return &c
}

// generation steps the grid one generation: the tiles next to one that
// changed in the last generation (all of them after an edit), each row of
// a run of such tiles at once, and the state-1 plane brought up to date
// in the tiles that changed.
func (e *Generations) generation() {
	t := &e.tiles
	fresh := t.prepare(&e.board)
	cur := e.g.Cells()
	if fresh {
		t.fillPlane(cur, 0, e.g.Height(), 0, e.g.Width())
		t.fillBorder(cur)
	}
	t.activate()
	next := t.spare
	w, pw := t.w, t.w+2
	a := t.plane
	t.eachRun(func(ty, x0, x1 int) {
		y0, y1 := ty*tileH, min(ty*tileH+tileH, t.h)
		for y := y0; y < y1; y++ {
			up, mid, dn := a[y*pw+x0:y*pw+x1+2], a[(y+1)*pw+x0:(y+1)*pw+x1+2], a[(y+2)*pw+x0:(y+2)*pw+x1+2]
			if e.count != nil {
				e.countRow(up, mid, dn, cur[y*w+x0:y*w+x1], next[y*w+x0:y*w+x1])
			} else {
				e.row(up, mid, dn, cur[y*w+x0:y*w+x1], next[y*w+x0:y*w+x1])
			}
		}
		t.compare(cur, next, ty, x0, x1)
	})
	t.spare = e.g.Swap(next)
	t.update(next)
}

// row steps one row: up, mid and dn are the padded rows of the plane
// above, at and below it, src its states and dst where they go.
func (e *Generations) row(up, mid, dn, src, dst []uint8) {
	table, nx := &e.table, &e.next
	idx := uint(up[0])<<7 | uint(up[1])<<6 | uint(mid[0])<<4 | uint(mid[1])<<3 | uint(dn[0])<<1 | uint(dn[1])
	up, mid, dn = up[2:], mid[2:], dn[2:]
	dst = dst[:len(src)]
	up, mid, dn = up[:len(src)], mid[:len(src)], dn[:len(src)]
	for x, s := range src {
		idx = idx<<1&0b110110110 | uint(up[x])<<6 | uint(mid[x])<<3 | uint(dn[x])
		dst[x] = nx[uint(s)<<1|uint(table[idx&511])]
	}
}

// countRow is row for a rule with a count table: the 3 x 3 blocks' counts
// of eight cells at once, a byte each, from the column sums of the three
// plane rows (three loads of eight bytes and two additions) shifted by one
// and two cells; eight cells with no cell in state 1 about them and none
// above state 0 are left dead at once.
func (e *Generations) countRow(up, mid, dn, src, dst []uint8) {
	t := e.count
	n := len(src)
	dst = dst[:n]
	up, mid, dn = up[:n+2], mid[:n+2], dn[:n+2]
	i := 0
	if n >= 14 {
		// v0 holds the column sums of plane columns i to i+7 (the
		// cells i-1 to i+6), v1 the next eight.
		v0 := load8(up) + load8(mid) + load8(dn)
		for ; i+14 <= n; i += 8 {
			v1 := load8(up[i+8:i+16]) + load8(mid[i+8:i+16]) + load8(dn[i+8:i+16])
			c := v0 + (v0>>8 | v1<<56) + (v0>>16 | v1<<48)
			v0 = v1
			sv := src[i : i+8]
			if c|load8(sv) == 0 {
				binary.LittleEndian.PutUint64(dst[i:], 0)
				continue
			}
			dv := dst[i : i+8]
			dv[0] = t[(uint(sv[0])<<4|uint(c)&15)&4095]
			dv[1] = t[(uint(sv[1])<<4|uint(c>>8)&15)&4095]
			dv[2] = t[(uint(sv[2])<<4|uint(c>>16)&15)&4095]
			dv[3] = t[(uint(sv[3])<<4|uint(c>>24)&15)&4095]
			dv[4] = t[(uint(sv[4])<<4|uint(c>>32)&15)&4095]
			dv[5] = t[(uint(sv[5])<<4|uint(c>>40)&15)&4095]
			dv[6] = t[(uint(sv[6])<<4|uint(c>>48)&15)&4095]
			dv[7] = t[(uint(sv[7])<<4|uint(c>>56)&15)&4095]
		}
	}
	if i < n {
		e.row(up[i:], mid[i:], dn[i:], src[i:], dst[i:])
	}
}

func load8(b []uint8) uint64 { return binary.LittleEndian.Uint64(b) }

func b2u(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}
