package classify

import (
	"context"
	"math"

	"github.com/life-go/life/engine"
)

// hypothesis is a guess that generation ref is made of separate periodic
// objects, which each generation up to ref+confirm checks.
type hypothesis struct {
	ref     int64
	parts   []placed
	confirm int64
}

// predict returns the cells the objects have at generation t.
func predict(parts []placed, ref, t int64) Cells {
	sets := make([]Cells, len(parts))
	for i, p := range parts {
		sets[i] = p.o.at(t-ref, p.origin)
	}
	return Union(sets...)
}

// predictHash returns the hash of predict(parts, ref, t) when the objects'
// cells do not overlap, and its population.
func predictHash(parts []placed, ref, t int64) (uint64, int64) {
	var h uint64
	var n int64
	for _, p := range parts {
		h += p.o.hashAt(t-ref, p.origin)
		_, k := floorDivMod(t-ref, p.o.period)
		n += int64(len(p.o.phases[k]))
	}
	return h, n
}

// check compares generation t's cells with the prediction: ok false on a
// difference, done once the last generation to check has matched.
func (h *hypothesis) check(t int64, cells Cells) (ok, done bool) {
	if cells == nil || !predict(h.parts, h.ref, t).Equal(cells) {
		return false, false
	}
	return true, t >= h.ref+h.confirm
}

// hypothesise splits generation t into periodic objects, and returns the
// hypothesis that they never interact, or nil when they are not all
// periodic or some spaceship is not moving away from everything it could
// hit.
func (c *classifier) hypothesise(ctx context.Context, t int64, cells Cells) (*hypothesis, error) {
	parts, err := c.iso.decompose(ctx, cells)
	if err != nil || parts == nil {
		return nil, err
	}
	if !escaping(parts, c.iso.sep()) {
		return nil, nil
	}
	return &hypothesis{ref: t, parts: parts, confirm: min(confirmSpan(parts, c.iso.sep()), maxCheck)}, nil
}

// confirmSpan returns how many generations must match the prediction for
// the objects to be known not to interact: objects moving together whose
// boxes (a period of phases, widened by sep) touch can meet in any
// combination of their phases, so each group of such objects takes the
// least common multiple of its periods; the longest of those.
func confirmSpan(parts []placed, sep int64) int64 {
	parent := make([]int, len(parts))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	box := func(p placed) engine.Rect {
		b := p.o.box
		return engine.Rect{X: p.origin.X + b.X - sep, Y: p.origin.Y + b.Y - sep, W: b.W + 2*sep, H: b.H + 2*sep}
	}
	for i := range parts {
		for j := i + 1; j < len(parts); j++ {
			if !sameVelocity(parts[i].o, parts[j].o) {
				continue // checked by escaping
			}
			a, b := box(parts[i]), box(parts[j])
			if a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H {
				parent[find(i)] = find(j)
			}
		}
	}
	span := map[int]int64{}
	longest := int64(1)
	for i, p := range parts {
		r := find(i)
		span[r] = lcm(max(span[r], 1), p.o.period)
		longest = max(longest, span[r])
	}
	return longest
}

// escaping reports whether no two objects moving at different velocities
// ever come close enough to interact.
func escaping(parts []placed, sep int64) bool {
	for i := range parts {
		for j := i + 1; j < len(parts); j++ {
			a, b := parts[i], parts[j]
			if a.o.dx*b.o.period == b.o.dx*a.o.period && a.o.dy*b.o.period == b.o.dy*a.o.period {
				continue // the same velocity: checked over a period
			}
			if mayMeet(a, b, sep) {
				return false
			}
		}
	}
	return true
}

// mayMeet reports whether the boxes of a and b, each holding a period of
// its phases and widened by the reach of a generation and a period's
// motion, overlap at any time from now on.
func mayMeet(a, b placed, sep int64) bool {
	lo, hi := 0.0, math.Inf(1)
	axis := func(a0, a1, va, ma, b0, b1, vb, mb float64) {
		m := float64(sep) + ma + mb
		dv := va - vb
		// a0 + va t <= b1 + m + vb t  and  b0 - m + vb t <= a1 + va t
		for _, in := range [2][2]float64{{a0 - b1 - m, dv}, {b0 - m - a1, -dv}} {
			c, k := in[0], in[1] // c + k t <= 0
			switch {
			case k == 0:
				if c > 0 {
					lo, hi = 1, 0
				}
			case k > 0:
				hi = math.Min(hi, -c/k)
			default:
				lo = math.Max(lo, -c/k)
			}
		}
	}
	va := func(p placed) (float64, float64) {
		return float64(p.o.dx) / float64(p.o.period), float64(p.o.dy) / float64(p.o.period)
	}
	ax, ay := va(a)
	bx, by := va(b)
	ab, bb := a.o.box, b.o.box
	axis(float64(a.origin.X+ab.X), float64(a.origin.X+ab.X+ab.W-1), ax, float64(abs(a.o.dx)),
		float64(b.origin.X+bb.X), float64(b.origin.X+bb.X+bb.W-1), bx, float64(abs(b.o.dx)))
	axis(float64(a.origin.Y+ab.Y), float64(a.origin.Y+ab.Y+ab.H-1), ay, float64(abs(a.o.dy)),
		float64(b.origin.Y+bb.Y), float64(b.origin.Y+bb.Y+bb.H-1), by, float64(abs(b.o.dy)))
	return lo <= hi
}
