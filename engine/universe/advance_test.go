package universe

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/life-go/life/engine"
)

// calls records the calls of Step of an engine the registry does not know
// (an ordinary one).
type calls struct {
	engine.Engine
	n []uint64
}

func (c *calls) Name() string { return "calls" }

func (c *calls) Step(ctx context.Context, n uint64) error {
	c.n = append(c.n, n)
	return nil
}

// TestRunnerChunks checks the chunks a Runner steps an ordinary engine
// in: chunks that double while each takes less than half of ChunkTime,
// and stay while each takes longer, with a report after each.
func TestRunnerChunks(t *testing.T) {
	for _, tc := range []struct {
		tick time.Duration // the clock moves on by tick at every reading
		want []uint64
	}{
		{5 * time.Millisecond, []uint64{1, 2, 4, 8, 16, 32, 37}},
		{60 * time.Millisecond, repeatN(1, 10)},
	} {
		now := time.Unix(0, 0)
		c, reports := &calls{}, 0
		var last Progress
		r := &Runner{Now: func() time.Time { now = now.Add(tc.tick); return now }, Progress: func(p Progress) { reports++; last = p }}
		n := uint64(0)
		for _, k := range tc.want {
			n += k
		}
		u := Universe{Eng: c}
		if err := r.Run(context.Background(), &u, n); err != nil || !slices.Equal(c.n, tc.want) || reports != len(tc.want) || last.Done != n {
			t.Errorf("tick %v: calls %v, %d reports, last %+v; want %v", tc.tick, c.n, reports, last, tc.want)
		}
	}
}

func repeatN(v uint64, n int) []uint64 {
	s := make([]uint64, n)
	for i := range s {
		s[i] = v
	}
	return s
}
