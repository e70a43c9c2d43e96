package classify

import (
	"context"

	"github.com/life-go/life/engine"
)

// Split splits cells into groups of cells that are near one another (a
// chain of steps of at most 2*reach rows and columns; reach 0 means 1):
// the candidates for separate objects under a rule whose neighbourhood has
// that radius.
func Split(c Cells, reach int64) []Cells { return clusters(c, separation*max(reach, 1)) }

// Periodic is what an object run by itself turned out to be.
type Periodic struct {
	Period  int64
	DX, DY  int64 // per period
	Apgcode string
}

// Isolator runs patterns by themselves to see whether they repeat, and
// remembers the answer for each shape. It is used by one goroutine.
type Isolator struct{ s isolator }

// NewIsolator returns an isolator that runs patterns on the engines fresh
// returns (empty, of the rule and universe wanted), for up to maxPeriod
// generations.
func NewIsolator(fresh func() (engine.Engine, error), maxPeriod int64) *Isolator {
	return &Isolator{isolator{fresh: fresh, maxPeriod: maxPeriod}}
}

// Periodic returns what cells are when they repeat by themselves from
// this phase, or nil when they do not within the isolator's period.
func (s *Isolator) Periodic(ctx context.Context, cells Cells) (*Periodic, error) {
	o, err := s.s.isolate(ctx, cells)
	if err != nil || o == nil {
		return nil, err
	}
	return &Periodic{Period: o.period, DX: o.dx, DY: o.dy, Apgcode: o.apgcode()}, nil
}
