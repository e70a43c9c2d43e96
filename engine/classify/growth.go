package classify

import (
	"context"

	"github.com/life-go/life/engine"
)

// growthHyp is a pattern whose population has been seen to grow
// regularly, watched for a few periods to tell a gun from a puffer.
type growthHyp struct {
	period, gain int64
	settled      int64
	t0           int64
	rests        []Cells       // what is left without escaping ships, every period from t0
	boxes        []engine.Rect // and its bounding box
}

// minGrowthWindow is the fewest generations over which the population must
// have grown regularly.
const minGrowthWindow = 128

// maxGrowthChecks is how many periods of growth the classifier watches to
// tell a gun from a puffer.
const maxGrowthChecks = 4

// maxShipPeriod is the longest period of the spaceships that growth is
// looked at without.
const maxShipPeriod = 64

// watchGrowth watches the population for linear or quadratic growth, and
// a growing pattern's remainder (without its escaping spaceships) for
// whether it stays in place (a gun) or moves (a puffer). cells is nil for
// a generation with too many cells to visit.
func (c *classifier) watchGrowth(ctx context.Context, t int64, cells Cells) (*Result, error) {
	if g := c.growth; g != nil {
		if t != g.t0+g.period*int64(len(g.rests)) {
			return nil, nil
		}
		if cells == nil {
			return c.grows(g, t, Grows), nil
		}
		rest, err := c.remainder(ctx, cells)
		if err != nil {
			return nil, err
		}
		box, _ := rest.Bounds()
		g.rests, g.boxes = append(g.rests, rest), append(g.boxes, box)
		n := int64(len(g.rests) - 1)
		if rest.Equal(g.rests[0]) {
			// The core repeats in place every n periods of growth.
			g.period, g.gain = n*g.period, n*g.gain
			return c.grows(g, t, Gun), nil
		}
		if n%2 == 0 {
			// The remainder's front has moved the same over the last
			// two stretches of n/2 periods: a puffer.
			m := n / 2
			b0, b1, b2 := g.boxes[0], g.boxes[m], g.boxes[n]
			if d1 := edges(b0, b1); d1 == edges(b1, b2) {
				// d1: left, right, top, bottom.
				dx, okx := front(d1[0], d1[1])
				dy, oky := front(d1[2], d1[3])
				if okx && oky && (dx != 0 || dy != 0) {
					g.period, g.gain = m*g.period, m*g.gain
					r := c.grows(g, t, Puffer)
					r.DX, r.DY, r.Speed = dx, dy, Speed(dx, dy, g.period)
					return r, nil
				}
			}
		}
		if n == maxGrowthChecks {
			return c.grows(g, t, Grows), nil
		}
		return nil, nil
	}
	if !c.growthCheck(t) {
		return nil, nil
	}
	p, d, quad := c.popGrowth(t)
	if p == 0 {
		return nil, nil
	}
	g := &growthHyp{period: p, gain: d, t0: t, settled: c.growthStart(t, p, d, quad)}
	if quad {
		return c.grows(g, t, Breeder), nil
	}
	c.growth = g
	if cells == nil {
		return c.grows(g, t, Grows), nil
	}
	rest, err := c.remainder(ctx, cells)
	if err != nil {
		return nil, err
	}
	box, _ := rest.Bounds()
	g.rests, g.boxes = []Cells{rest}, []engine.Rect{box}
	return nil, nil
}

// growthCheck reports whether generation t is one where the population is
// looked at for growth.
func (c *classifier) growthCheck(t int64) bool { return t >= 64 && t%32 == 0 }

// edges returns how far each edge of a box moved from a to b: left,
// right, top, bottom.
func edges(a, b engine.Rect) [4]int64 {
	return [4]int64{b.X - a.X, b.X + b.W - a.X - a.W, b.Y - a.Y, b.Y + b.H - a.Y - a.H}
}

// front returns how far the front moves along an axis whose low and high
// edges moved lo and hi: ok is false when the pattern spreads both ways.
func front(lo, hi int64) (int64, bool) {
	switch {
	case lo == 0:
		return hi, true
	case hi == 0:
		return lo, true
	case lo == hi:
		return lo, true
	}
	return 0, false
}

// grows returns the result for growth of the given kind.
func (c *classifier) grows(g *growthHyp, t int64, k Kind) *Result {
	return &Result{Kind: k, Period: g.period, Growth: g.gain, Settled: c.gen(g.settled), Gens: t}
}

// popGrowth looks at the populations up to generation t for the least
// period p over which they grow by a constant d > 0 (for 3 periods), or
// whose growth grows by a constant d > 0 (quad; for 2 periods).
func (c *classifier) popGrowth(t int64) (p, d int64, quad bool) {
	pop := c.pops
	for p := int64(1); p <= maxGrowthPeriod && 4*p <= t && p+minGrowthWindow <= t; p++ {
		d := pop[t] - pop[t-p]
		if d <= 0 {
			continue
		}
		linear := true
		for u := t - 1; u > t-max(3*p, minGrowthWindow) && linear; u-- {
			linear = pop[u]-pop[u-p] == d
		}
		if linear {
			return p, d, false
		}
		d2 := d - (pop[t-p] - pop[t-2*p])
		if d2 <= 0 {
			continue
		}
		quadratic := true
		for u := t - 1; u > t-max(2*p, minGrowthWindow-p) && quadratic; u-- {
			quadratic = pop[u]-2*pop[u-p]+pop[u-2*p] == d2 && pop[u] > pop[u-p]
		}
		if quadratic {
			return p, d2, true
		}
	}
	return 0, 0, false
}

// growthStart returns the first generation from which the populations up
// to t follow the growth found.
func (c *classifier) growthStart(t, p, d int64, quad bool) int64 {
	pop := c.pops
	s := t
	if quad {
		for s-1-2*p >= 0 && pop[s-1]-2*pop[s-1-p]+pop[s-1-2*p] == d {
			s--
		}
		return s - 2*p
	}
	for s-1-p >= 0 && pop[s-1]-pop[s-1-p] == d {
		s--
	}
	return s - p
}

// remainder returns cells without the spaceships that are escaping from
// the rest.
func (c *classifier) remainder(ctx context.Context, cells Cells) (Cells, error) {
	if c.ships == nil {
		c.ships = &isolator{fresh: c.iso.fresh, maxPeriod: maxShipPeriod, reach: c.opts.Reach}
	}
	var ships []placed
	var shipCells, static []Cells
	for _, g := range clusters(cells, c.iso.sep()) {
		if len(g) <= 64 {
			o, err := c.ships.isolate(ctx, g)
			if err != nil {
				return nil, err
			}
			if o != nil && o.moving() {
				ships = append(ships, placed{o, topLeft(g)})
				shipCells = append(shipCells, g)
				continue
			}
		}
		static = append(static, g)
	}
	rest := Union(static...)
	box, ok := rest.Bounds()
	if !ok {
		return Union(shipCells...), nil
	}
	still := placed{&object{period: 1, box: engine.Rect{W: box.W, H: box.H}}, Point{box.Y, box.X}}
	keep := []Cells{rest}
	for i, s := range ships {
		away := !mayMeet(s, still, c.iso.sep())
		for j, o := range ships {
			if j != i && away && !escaping([]placed{s, o}, c.iso.sep()) {
				away = false
			}
		}
		if !away {
			keep = append(keep, shipCells[i])
		}
	}
	return Union(keep...), nil
}
