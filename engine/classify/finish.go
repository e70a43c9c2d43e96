package classify

import (
	"context"
	"fmt"
	"slices"
)

// periodic finishes a run whose generation t repeats generation t0 moved
// (dy, dx): it collects a period of phases, splits the pattern into its
// objects, and finds where it settled.
func (c *classifier) periodic(ctx context.Context, t0, t, dy, dx int64) (*Result, error) {
	p := t - t0
	cells := All(c.e)
	origin := topLeft(cells)
	norm, _ := cells.Normal()
	phases := []Cells{norm}
	for k := int64(1); k < p; k++ {
		if err := c.e.Step(ctx, 1); err != nil {
			return nil, err
		}
		phases = append(phases, All(c.e).Shift(-origin.Y, -origin.X))
	}
	box, _ := Union(phases...).Bounds()
	whole := placed{&object{period: p, dy: dy, dx: dx, phases: phases, box: box}, origin}
	model := []placed{whole}
	if parts, err := c.iso.decompose(ctx, cells); err != nil {
		return nil, err
	} else if len(parts) > 1 && matches(parts, whole, p) {
		model = parts
	}
	return c.finish(ctx, model, t, t+p-1, &whole)
}

// matches reports whether parts evolve as whole does over n generations.
func matches(parts []placed, whole placed, n int64) bool {
	for k := range min(n, maxCheck) {
		if !predict(parts, 0, k).Equal(whole.o.at(k, whole.origin)) {
			return false
		}
	}
	return true
}

// settledObjects finishes a run whose hypothesis h was confirmed.
func (c *classifier) settledObjects(ctx context.Context, h *hypothesis) (*Result, error) {
	return c.finish(ctx, h.parts, h.ref, h.ref+h.confirm, nil)
}

// finish builds the result for a pattern that is, from generation ref on,
// the objects of model; whole, when not nil, is the pattern as one object.
// gens is the last generation the run stepped to.
func (c *classifier) finish(ctx context.Context, model []placed, ref, gens int64, whole *placed) (*Result, error) {
	slices.SortStableFunc(model, func(a, b placed) int { return comparePoints(a.origin, b.origin) })
	s, err := c.settleGen(ctx, model, ref)
	if err != nil {
		return nil, err
	}
	r := &Result{Settled: c.gen(s), Gens: gens}
	if whole == nil {
		whole = together(model)
	}
	if whole != nil {
		o := whole.o
		r.Kind, r.Period, r.DX, r.DY = o.kind(), o.period, o.dx, o.dy
		r.Speed = Speed(o.dx, o.dy, o.period)
		r.Apgcode = o.apgcode()
		st := stats(o)
		r.Stats = &st
	} else {
		r.Kind = Constellation
		r.Period = 1
		for _, p := range model {
			r.Period = lcm(r.Period, p.o.period)
		}
	}
	if len(model) > 1 || whole == nil {
		for _, p := range model {
			o := p.o
			at := o.at(s-ref, p.origin)
			top := topLeft(at)
			r.Objects = append(r.Objects, Object{
				Kind: o.kind(), Period: o.period, DX: o.dx, DY: o.dy,
				Speed: Speed(o.dx, o.dy, o.period), Apgcode: o.apgcode(),
				Y: top.Y, X: top.X, Pop: int64(len(at)), Stats: stats(o),
			})
		}
	}
	return r, nil
}

// together returns the objects of model as one object when they move
// together (all in place, or all at the same velocity), or nil.
func together(model []placed) *placed {
	n := int64(1)
	for _, p := range model {
		n = lcm(n, p.o.period)
		a := model[0].o
		if p.o.dx*a.period != a.dx*p.o.period || p.o.dy*a.period != a.dy*p.o.period {
			return nil
		}
	}
	if n > maxCheck {
		return nil
	}
	first := predict(model, 0, 0)
	origin := topLeft(first)
	phases := make([]Cells, n)
	for k := range n {
		phases[k] = predict(model, 0, k).Shift(-origin.Y, -origin.X)
	}
	last := predict(model, 0, n)
	top := topLeft(last)
	box, _ := Union(phases...).Bounds()
	return &placed{&object{period: n, dy: top.Y - origin.Y, dx: top.X - origin.X, phases: phases, box: box}, origin}
}

// settleGen returns the first generation from which the pattern is the
// objects of model, which it is at generation ref: it walks back while the
// hashes of the generations seen match the objects', then re-runs the
// pattern from the start and compares cells, so that a hash collision
// cannot make it too early.
func (c *classifier) settleGen(ctx context.Context, model []placed, ref int64) (int64, error) {
	s := ref
	for s > c.trimmedAt {
		h, n := predictHash(model, ref, s-1)
		if c.hashes[s-1] == 0 || c.pops[s-1] != n || c.hashes[s-1] != h {
			break
		}
		s--
	}
	if c.start == nil || s == ref || c.trimmed > 0 {
		return s, nil
	}
	e := c.start.Clone()
	if err := e.Step(ctx, uint64(s)); err != nil {
		return 0, err
	}
	for g := s; g < ref; g++ {
		if !All(e).Equal(predict(model, ref, g)) {
			s = g + 1
		}
		if err := e.Step(ctx, 1); err != nil {
			return 0, err
		}
	}
	return s, nil
}

// stats computes LifeViewer's statistics over one period of o.
func stats(o *object) Stats {
	var st Stats
	p := o.period
	st.MinPop = int64(len(o.phases[0]))
	var sum int64
	var w, h int64
	for _, ph := range o.phases {
		n := int64(len(ph))
		st.MinPop, st.MaxPop = min(st.MinPop, n), max(st.MaxPop, n)
		sum += n
		if b, ok := ph.Bounds(); ok {
			w, h = max(w, b.W), max(h, b.H)
		}
	}
	st.MeanPop = float64(sum) / float64(p)
	// Cells are taken in place (for a spaceship too, as LifeWiki counts
	// its heat).
	frame := func(k int64) Cells { return o.at(k, Point{}) }
	if !o.moving() {
		st.W, st.H = o.box.W, o.box.H
	} else {
		st.W, st.H = w, h
	}
	var changes int64
	seen := map[Point][]bool{}
	for k := range p {
		a, b := frame(k), frame(k+1)
		changes += int64(len(a) + len(b) - 2*len(intersect(a, b)))
		for _, q := range a {
			if seen[q] == nil {
				seen[q] = make([]bool, p)
			}
			seen[q][k] = true
		}
	}
	st.Heat = float64(changes) / float64(p)
	if len(seen) > 0 {
		st.Temperature = st.Heat / float64(len(seen))
	}
	if o.moving() || p == 1 {
		return st
	}
	var rotor, strict int64
	for _, alive := range seen {
		if slices.Contains(alive, false) {
			rotor++
			if cellPeriod(alive) == p {
				strict++
			}
		}
	}
	st.Volatility = float64(rotor) / float64(len(seen))
	st.StrictVolatility = float64(strict) / float64(len(seen))
	return st
}

// cellPeriod returns the least d dividing len(alive) with alive d-periodic.
func cellPeriod(alive []bool) int64 {
	n := len(alive)
	for d := 1; d < n; d++ {
		if n%d != 0 {
			continue
		}
		ok := true
		for i := d; i < n && ok; i++ {
			ok = alive[i] == alive[i-d]
		}
		if ok {
			return int64(d)
		}
	}
	return int64(n)
}

// Fields returns r as key=value pairs in a fixed order, as life identify
// writes them.
func (r *Result) Fields() []string {
	f := []string{"kind=" + string(r.Kind)}
	add := func(k string, v any) { f = append(f, fmt.Sprintf("%s=%v", k, v)) }
	switch r.Kind {
	case Dies, Unsettled:
	case Gun, Puffer, Breeder, Grows:
		add("period", r.Period)
		if r.Speed != "" {
			add("dx", r.DX)
			add("dy", r.DY)
			add("speed", quote(r.Speed))
		}
		add("growth", r.Growth)
	default:
		add("period", r.Period)
		if r.Kind == Spaceship {
			add("dx", r.DX)
			add("dy", r.DY)
			add("speed", quote(r.Speed))
		}
		if r.Apgcode != "" {
			add("apgcode", r.Apgcode)
		}
	}
	add("settled", r.Settled)
	if r.Kind == Unsettled {
		add("gens", r.Gens)
	}
	if r.Stats != nil {
		f = append(f, r.Stats.fields()...)
	}
	if len(r.Objects) > 0 {
		add("objects", len(r.Objects))
	}
	return f
}

// Fields returns o as key=value pairs, as life identify writes an object.
func (o *Object) Fields() []string {
	f := []string{"kind=" + string(o.Kind)}
	add := func(k string, v any) { f = append(f, fmt.Sprintf("%s=%v", k, v)) }
	add("period", o.Period)
	if o.Kind == Spaceship {
		add("dx", o.DX)
		add("dy", o.DY)
		add("speed", quote(o.Speed))
	}
	add("apgcode", o.Apgcode)
	add("x", o.X)
	add("y", o.Y)
	return append(f, o.Stats.fields()...)
}

func (s Stats) fields() []string {
	return []string{
		fmt.Sprintf("pop_min=%d", s.MinPop), fmt.Sprintf("pop_max=%d", s.MaxPop),
		fmt.Sprintf("pop_mean=%s", num(s.MeanPop)),
		fmt.Sprintf("box=%dx%d", s.W, s.H),
		fmt.Sprintf("heat=%s", num(s.Heat)), fmt.Sprintf("temperature=%s", num(s.Temperature)),
		fmt.Sprintf("volatility=%s", num(s.Volatility)), fmt.Sprintf("strict_volatility=%s", num(s.StrictVolatility)),
	}
}

// num writes a statistic with at most three decimals.
func num(v float64) string {
	s := fmt.Sprintf("%.3f", v)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}

// quote puts a value with spaces in double quotes.
func quote(s string) string {
	if slices.Contains([]byte(s), ' ') {
		return fmt.Sprintf("%q", s)
	}
	return s
}
