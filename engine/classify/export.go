package classify

import (
	"context"

	"github.com/life-go/life/engine"
)

// Split splits cells into groups of cells that are near one another (a
// chain of steps of at most two rows and columns): the candidates for
// separate objects.
func Split(c Cells) []Cells { return clusters(c, separation) }

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
