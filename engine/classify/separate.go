package classify

import (
	"context"
	"slices"
)

// clusters splits c into groups of cells chained together by steps of at
// most d rows and d columns. Groups come in the order of their first cell.
func clusters(c Cells, d int64) []Cells {
	index := make(map[Point]int32, len(c))
	for i, p := range c {
		index[p] = int32(i)
	}
	parent := make([]int32, len(c))
	for i := range parent {
		parent[i] = int32(i)
	}
	var find func(i int32) int32
	find = func(i int32) int32 {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, p := range c {
		// Only neighbours before p in the order: the rows above, and
		// the cells to the left on p's row.
		for dy := -d; dy <= 0; dy++ {
			for dx := -d; dx <= d; dx++ {
				if dy == 0 && dx >= 0 {
					break
				}
				j, ok := index[Point{p.Y + dy, p.X + dx}]
				if !ok {
					continue
				}
				a, b := find(int32(i)), find(j)
				if a != b {
					parent[max(a, b)] = min(a, b)
				}
			}
		}
	}
	groups := map[int32]int{}
	var out []Cells
	for i, p := range c {
		r := find(int32(i))
		g, ok := groups[r]
		if !ok {
			g = len(out)
			groups[r] = g
			out = append(out, nil)
		}
		out[g] = append(out[g], p)
	}
	return out
}

// placed is an object in one of its phases at a place: o.at(gen-ref, origin)
// is its cells at generation gen.
type placed struct {
	o      *object
	origin Point
}

// separation is how far apart (in rows or columns) cells may be and still
// be taken for one object at first, for a neighbourhood of radius 1: two
// cells with a dead cell between them may both be neighbours of a third.
// A neighbourhood of radius r takes 2r ([Options.Reach]).
const separation = 2

// maxCheck caps the generations over which a split of an object into parts
// is checked against the object's own evolution.
const maxCheck = 4096

// sep returns how far apart cells of one object may be at first.
func (s *isolator) sep() int64 { return separation * max(s.reach, 1) }

// decompose splits cells into the periodic objects they are made of. It
// returns nil when a part of them does not repeat by itself.
//
// Some objects have parts further apart than the separation in some phases
// (spaceships with tagalongs, oscillators whose sparks fly off): with
// s.widen, groups that do not repeat by themselves are tried again joined
// with the groups near them, out to 8 times the separation.
func (s *isolator) decompose(ctx context.Context, cells Cells) ([]placed, error) {
	d := s.sep()
	for {
		var out []placed
		failed := false
		for _, g := range clusters(cells, d) {
			parts, err := s.split(ctx, g)
			if err != nil {
				return nil, err
			}
			if parts == nil {
				failed = true
				if !s.widen || d >= 8*s.sep() {
					return nil, nil
				}
				break
			}
			out = append(out, parts...)
		}
		if !failed {
			return out, nil
		}
		d *= 2
	}
}

// split returns the independent objects that group g is made of (g itself
// when it is not a pseudo-object), or nil when g does not repeat.
func (s *isolator) split(ctx context.Context, g Cells) ([]placed, error) {
	o, err := s.isolate(ctx, g)
	if err != nil || o == nil {
		return nil, err
	}
	origin := topLeft(g)
	whole := placed{o, origin}
	if len(g) < 2 {
		return []placed{whole}, nil
	}
	// Pieces of the cells alive in any phase that touch one another (for
	// a spaceship, in this phase: two ships side by side that do not
	// interact are two ships, as apgsearch counts them).
	var pieces []Cells
	if o.moving() {
		pieces = clusters(g, 1)
	} else {
		var all []Cells
		for k := range o.phases {
			all = append(all, o.at(int64(k), origin))
		}
		pieces = clusters(Union(all...), 1)
	}
	if len(pieces) < 2 {
		return []placed{whole}, nil
	}
	// Peel off, one at a time, pieces that evolve as if the rest were not
	// there.
	var out []placed
	rest := g
	restObj := whole
	for len(pieces) > 1 {
		peeled := false
		for i, piece := range pieces {
			mine := intersect(rest, piece)
			others := subtract(rest, piece)
			if len(mine) == 0 || len(others) == 0 {
				continue
			}
			a, err := s.isolate(ctx, mine)
			if err != nil {
				return nil, err
			}
			if a == nil || !sameVelocity(a, o) {
				continue
			}
			b, err := s.isolate(ctx, others)
			if err != nil {
				return nil, err
			}
			if b == nil || !sameVelocity(b, o) {
				continue
			}
			pa, pb := placed{a, topLeft(mine)}, placed{b, topLeft(others)}
			if !sameEvolution(restObj, pa, pb) {
				continue
			}
			out = append(out, pa)
			rest, restObj = others, pb
			pieces = slices.Delete(slices.Clone(pieces), i, i+1)
			peeled = true
			break
		}
		if !peeled {
			break
		}
	}
	return append(out, restObj), nil
}

// sameVelocity reports whether a and b move at the same velocity (both in
// place, for one).
func sameVelocity(a, b *object) bool {
	return a.dx*b.period == b.dx*a.period && a.dy*b.period == b.dy*a.period
}

// sameEvolution reports whether a and b together evolve as w does, over
// the period of w and of each part (up to maxCheck generations).
func sameEvolution(w, a, b placed) bool {
	n := lcm(lcm(w.o.period, a.o.period), b.o.period)
	n = min(n, maxCheck)
	for k := range n {
		if !Union(a.o.at(k, a.origin), b.o.at(k, b.origin)).Equal(w.o.at(k, w.origin)) {
			return false
		}
	}
	return true
}

func lcm(a, b int64) int64 {
	if a == 0 || b == 0 {
		return max(a, b)
	}
	g := gcd(a, b)
	if a/g > (1<<62)/b {
		return 1 << 62
	}
	return a / g * b
}

// topLeft returns the top-left corner of c's bounding box.
func topLeft(c Cells) Point {
	box, _ := c.Bounds()
	return Point{box.Y, box.X}
}

// intersect returns the cells of c that are in d.
func intersect(c, d Cells) Cells {
	in := make(map[Point]bool, len(d))
	for _, p := range d {
		in[p] = true
	}
	var out Cells
	for _, p := range c {
		if in[p] {
			out = append(out, p)
		}
	}
	return out
}

// subtract returns the cells of c that are not in d.
func subtract(c, d Cells) Cells {
	in := make(map[Point]bool, len(d))
	for _, p := range d {
		in[p] = true
	}
	var out Cells
	for _, p := range c {
		if !in[p] {
			out = append(out, p)
		}
	}
	return out
}
