package classify

import (
	"context"

	"github.com/life-go/life/engine"
)

// object is a pattern that repeats by itself from the phase it was given:
// after period generations it has the same cells moved dy rows and dx
// columns.
type object struct {
	period int64
	dy, dx int64
	// phases[k] is the object k generations after the phase it was
	// given, relative to that phase's bounding box's top-left cell.
	phases []Cells
	// box holds every phase of one period, in the same coordinates.
	box  engine.Rect
	code string // the apgcode, once computed
}

// moving reports whether the object is a spaceship.
func (o *object) moving() bool { return o.dx != 0 || o.dy != 0 }

// at returns the object's cells gen generations after the phase it was
// given, placed with that phase's top-left cell at origin. gen may be
// negative.
func (o *object) at(gen int64, origin Point) Cells {
	k, n := floorDivMod(gen, o.period)
	return o.phases[n].Shift(origin.Y+k*o.dy, origin.X+k*o.dx)
}

// hashAt returns the hash of o.at(gen, origin) without building it.
func (o *object) hashAt(gen int64, origin Point) uint64 {
	k, n := floorDivMod(gen, o.period)
	dy, dx := origin.Y+k*o.dy, origin.X+k*o.dx
	var h uint64
	for _, p := range o.phases[n] {
		h += cellHash(p.Y+dy, p.X+dx)
	}
	return h
}

// floorDivMod returns the floor of a/b and the remainder in [0, b).
func floorDivMod(a, b int64) (int64, int64) {
	q, r := a/b, a%b
	if r < 0 {
		q, r = q-1, r+b
	}
	return q, r
}

// apgcode returns the object's apgcode.
func (o *object) apgcode() string {
	if o.code == "" {
		o.code = Apgcode(o.phases, o.moving())
	}
	return o.code
}

// kind says what sort of object it is.
func (o *object) kind() Kind {
	switch {
	case o.moving():
		return Spaceship
	case o.period == 1:
		return Still
	}
	return Oscillator
}

// isolator runs patterns by themselves, to see whether they repeat, and
// remembers what it found for each shape.
type isolator struct {
	fresh     func() (engine.Engine, error)
	eng       engine.Engine
	maxPeriod int64
	reach     int64              // the neighbourhood's radius; 0 means 1
	widen     bool               // decompose retries with groups joined
	cache     map[string]*object // by the shape's Key; nil for "does not repeat"
}

// isolationMargin is the least room an object run by itself on a bounded
// universe has on every side.
const isolationMargin = 32

// clearer is implemented by engines that kill every cell at once.
type clearer interface{ Clear() }

// clearEngine kills every live cell of e.
func clearEngine(e engine.Engine) {
	if c, ok := e.(clearer); ok {
		c.Clear()
		return
	}
	if box, ok := e.Bounds(); ok {
		var cells []Point
		e.Visit(box, func(y, x int64) { cells = append(cells, Point{y, x}) })
		for _, p := range cells {
			e.SetCell(p.Y, p.X, false)
		}
	}
}

// isolate returns the object that cells, in place, are in one phase of,
// or nil when, run by themselves, they do not come back to the same shape
// within the isolator's longest period.
func (s *isolator) isolate(ctx context.Context, cells Cells) (*object, error) {
	shape, _ := cells.Normal()
	key := shape.Key()
	if o, ok := s.cache[key]; ok {
		return o, nil
	}
	if s.eng == nil {
		e, err := s.fresh()
		if err != nil {
			return nil, err
		}
		s.eng = e
	} else {
		clearEngine(s.eng)
	}
	e := s.eng
	// On a bounded universe the object runs in its middle, away from the
	// edges, wherever it was found: only its shape matters.
	box, _ := cells.Bounds()
	if t := e.Rule().Topology; t.W > 0 && t.H > 0 && box.W+2*isolationMargin <= int64(t.W) && box.H+2*isolationMargin <= int64(t.H) {
		cells = cells.Shift(int64(t.H/2)-box.H/2-box.Y, int64(t.W/2)-box.W/2-box.X)
	}
	for _, p := range cells {
		e.SetCell(p.Y, p.X, true)
	}
	origin := topLeft(cells)
	phases := []Cells{shape}
	limit := int64(4*len(cells) + 64)
	var found *object
	for k := int64(1); k <= s.maxPeriod; k++ {
		if err := e.Step(ctx, 1); err != nil {
			return nil, err
		}
		now := All(e)
		if len(now) == 0 || int64(len(now)) > limit {
			break
		}
		n, at := now.Normal()
		if n.Equal(shape) {
			found = &object{period: k, dy: at.Y - origin.Y, dx: at.X - origin.X, phases: phases}
			break
		}
		phases = append(phases, now.Shift(-origin.Y, -origin.X))
	}
	if found != nil {
		box, _ := Union(found.phases...).Bounds()
		found.box = box
	}
	if s.cache == nil {
		s.cache = map[string]*object{}
	}
	s.cache[key] = found
	return found, nil
}
