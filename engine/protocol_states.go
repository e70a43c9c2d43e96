package engine

import (
	"context"
	"fmt"
	"math/big"

	"github.com/life-go/life/grid"
)

// ProtocolStates is the protocol engine for rules of many states
// (Generations, Larger than Life): the same per-cell step logic through the
// same wire, each cell's state 0 to 255 carried by Query and Transition,
// the grid a byte a cell ([grid.States]). A Larger than Life rule's step
// logic asks about every cell within its range: the neighbourhood is the
// queries. It runs grids bounded both ways; on a topology other than a
// plain torus the grid sits inside a ring as wide as the rule's range,
// filled before each generation with what the topology joins beyond each
// edge (dead cells beyond a plane's), and cleared after.
type ProtocolStates struct {
	g      *grid.States // the universe, inside the ring
	rule   Rule
	step   StepFunc
	custom bool
	ring   int // the ring's width: 0 on a plain torus
	w, h   int // the universe's size
	gen    big.Int
}

// checkProtocolStates returns nil when the protocol engine runs the rule
// of many states r: on a grid bounded both ways.
func checkProtocolStates(r Rule) error {
	t := r.Topology
	if !t.Bounded() {
		return fmt.Errorf("the %s is %w by the protocol engine for rules of many states: give a grid bounded both ways", TopologyWords(t), ErrUnsupported)
	}
	ring := 0
	if !t.IsTorus() {
		ring = r.Range()
	}
	if err := grid.CheckSize(t.W+2*ring, t.H+2*ring); err != nil {
		return err
	}
	_, err := grid.NewStates(TorusOf(1, 1), 1, 1)
	return err
}

// NewProtocolStates returns a protocol engine for the rule of many states
// r with every cell dead. step is the per-cell step logic; nil means the
// seed's, [StepCell] of r. Step logic of the caller's own runs on plain
// tori only, as on [Protocol].
func NewProtocolStates(r Rule, step StepFunc) (*ProtocolStates, error) {
	if err := checkProtocolStates(r); err != nil {
		return nil, err
	}
	t := r.Topology
	p := &ProtocolStates{rule: r, step: step, custom: step != nil, w: t.W, h: t.H}
	if !t.IsTorus() {
		if step != nil {
			return nil, fmt.Errorf("%w: %v", ErrUnsupported, errCustomRing)
		}
		p.ring = r.Range()
	}
	if p.step == nil {
		p.step = StepCell(r)
	}
	g, err := grid.NewStates(TorusOf(t.W+2*p.ring, t.H+2*p.ring), t.W+2*p.ring, t.H+2*p.ring)
	if err != nil {
		return nil, err
	}
	p.g = g
	return p, nil
}

// Name returns "protocol".
func (p *ProtocolStates) Name() string { return "protocol" }

// CustomStep reports whether the engine runs step logic of its maker's own.
func (p *ProtocolStates) CustomStep() bool { return p.custom }

// Rule returns the engine's rule.
func (p *ProtocolStates) Rule() Rule { return p.rule }

// Generation returns the generation count.
func (p *ProtocolStates) Generation() *big.Int { return new(big.Int).Set(&p.gen) }

// SetGeneration sets the generation count.
func (p *ProtocolStates) SetGeneration(g *big.Int) { p.gen.Set(g) }

// Population returns the number of cells in any state but 0.
func (p *ProtocolStates) Population() *big.Int { return big.NewInt(int64(p.g.Population())) }

// Step advances n generations through the channel driver, told the step
// logic's reach (the rule's range) unless it is the caller's own: on a
// plain torus all at once, on the other topologies a generation at a time,
// the ring filled before each.
func (p *ProtocolStates) Step(ctx context.Context, n uint64) error {
	d := Driver{}
	if !p.custom {
		d.Reach = StepReach(p.rule)
	}
	for n > 0 {
		run := n
		if p.ring > 0 {
			run = 1
			p.fillRing()
		}
		done, err := d.RunStates(ctx, p.g, p.rule.States(), p.step, run)
		if p.ring > 0 {
			p.clearRing()
		}
		p.gen.Add(&p.gen, new(big.Int).SetUint64(done))
		if err != nil {
			return err
		}
		n -= done
	}
	return nil
}

// fillRing sets every cell of the ring to the state of the cell the
// topology joins there, or 0.
func (p *ProtocolStates) fillRing() {
	r, gw := p.ring, p.g.Width()
	cells := p.g.Cells()
	for gy := 0; gy < p.g.Height(); gy++ {
		for gx := 0; gx < gw; gx++ {
			y, x := gy-r, gx-r
			if y >= 0 && y < p.h && x >= 0 && x < p.w {
				if gx == r {
					gx += p.w - 1 // skip the grid's own row
				}
				continue
			}
			s := uint8(0)
			if yy, xx, ok := p.rule.Topology.Wrap(y, x, p.h, p.w); ok {
				s = cells[(yy+r)*gw+xx+r]
			}
			cells[gy*gw+gx] = s
		}
	}
}

// clearRing makes every cell of the ring dead.
func (p *ProtocolStates) clearRing() {
	r, gw := p.ring, p.g.Width()
	cells := p.g.Cells()
	for gy := 0; gy < p.g.Height(); gy++ {
		row := cells[gy*gw : (gy+1)*gw]
		if gy < r || gy >= r+p.h {
			clear(row)
			continue
		}
		clear(row[:r])
		clear(row[r+p.w:])
	}
}

// place maps (y, x) onto the grid as the topology joins its edges; ok is
// false beyond a bounded plane's.
func (p *ProtocolStates) place(y, x int64) (int, int, bool) {
	if y < -1<<40 || y > 1<<40 || x < -1<<40 || x > 1<<40 {
		if !p.rule.Topology.IsTorus() {
			return 0, 0, false
		}
		y, x = y%int64(p.h), x%int64(p.w)
	}
	yy, xx, ok := p.rule.Topology.Wrap(int(y), int(x), p.h, p.w)
	return yy + p.ring, xx + p.ring, ok
}

// State returns the state of the cell at (y, x).
func (p *ProtocolStates) State(y, x int64) State {
	yy, xx, ok := p.place(y, x)
	if !ok {
		return Dead
	}
	return State(p.g.Cells()[yy*p.g.Width()+xx])
}

// SetState gives the cell at (y, x) state s; outside a bounded plane, or
// for a state the rule has not, it does nothing.
func (p *ProtocolStates) SetState(y, x int64, s State) {
	if yy, xx, ok := p.place(y, x); ok && int(s) < p.rule.States() {
		p.g.Cells()[yy*p.g.Width()+xx] = uint8(s)
	}
}

// Cell reports whether the cell at (y, x) is in any state but 0.
func (p *ProtocolStates) Cell(y, x int64) bool { return p.State(y, x) != Dead }

// SetCell puts the cell at (y, x) in state 1, or 0.
func (p *ProtocolStates) SetCell(y, x int64, alive bool) {
	s := Dead
	if alive {
		s = Alive
	}
	p.SetState(y, x, s)
}

// Bounds returns the bounding box of the cells not in state 0.
func (p *ProtocolStates) Bounds() (Rect, bool) {
	b, ok := p.g.Bounds()
	b.X -= int64(p.ring)
	b.Y -= int64(p.ring)
	return b, ok
}

// Visit calls fn for every cell not in state 0 inside r, row by row.
func (p *ProtocolStates) Visit(r Rect, fn func(y, x int64)) {
	p.VisitStates(r, func(y, x int64, _ State) { fn(y, x) })
}

// VisitStates calls fn for every cell not in state 0 inside r, with its
// state, row by row.
func (p *ProtocolStates) VisitStates(r Rect, fn func(y, x int64, s State)) {
	y0, y1 := max(r.Y, 0), min(r.Y+r.H, int64(p.h))
	x0, x1 := max(r.X, 0), min(r.X+r.W, int64(p.w))
	gw := int64(p.g.Width())
	cells, ring := p.g.Cells(), int64(p.ring)
	for y := y0; y < y1; y++ {
		row := cells[(y+ring)*gw+ring:]
		for x := x0; x < x1; x++ {
			if s := row[x]; s != 0 {
				fn(y, x, State(s))
			}
		}
	}
}

// Clone returns an independent copy.
func (p *ProtocolStates) Clone() Engine {
	c := *p
	c.g = p.g.Clone()
	c.gen = big.Int{}
	c.gen.Set(&p.gen)
	return &c
}

// String describes the engine for logs and test failures.
func (p *ProtocolStates) String() string {
	return fmt.Sprintf("protocol %s gen %s pop %d", p.rule, p.gen.String(), p.g.Population())
}

var _ BlockCounter = (*ProtocolStates)(nil)

// CountBlocks implements [BlockCounter]: it counts the cells in state 1,
// the live ones (the others are history), in the 2^k x 2^k blocks of r,
// clipped to r.
func (p *ProtocolStates) CountBlocks(r Rect, k uint, dst []uint64) {
	cols := max(r.W-1, -1)>>k + 1 // r.W+1<<k-1 could overflow
	rows := max(r.H-1, -1)>>k + 1
	clear(dst[:rows*cols])
	p.VisitStates(r, func(y, x int64, s State) {
		if s == Alive {
			dst[((y-r.Y)>>k)*cols+(x-r.X)>>k]++
		}
	})
}
