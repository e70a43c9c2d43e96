package universe

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/life-go/life/engine"
)

// calls records the calls of Step.
type calls struct {
	engine.Engine
	n []uint64
}

func (c *calls) Step(ctx context.Context, n uint64) error {
	c.n = append(c.n, n)
	return nil
}

// TestAdvancerChunks checks the chunks an Advancer steps in: one call
// without a report; with one, chunks that double while each takes less
// than half of ChunkTime, and stay while each takes longer.
func TestAdvancerChunks(t *testing.T) {
	c := &calls{}
	a := &Advancer{}
	if err := a.Step(context.Background(), c, 100); err != nil || !slices.Equal(c.n, []uint64{100}) || a.Done() != 100 {
		t.Errorf("no report: calls %v, done %d, %v", c.n, a.Done(), err)
	}
	for _, tc := range []struct {
		tick time.Duration // the clock moves on by tick at every reading
		want []uint64
	}{
		{5 * time.Millisecond, []uint64{1, 2, 4, 8, 16, 32, 37}},
		{60 * time.Millisecond, repeatN(1, 10)},
	} {
		now := time.Unix(0, 0)
		c, reports := &calls{}, 0
		a := &Advancer{Clock: func() time.Time { now = now.Add(tc.tick); return now }, Report: func(time.Time) { reports++ }}
		n := uint64(0)
		for _, k := range tc.want {
			n += k
		}
		if err := a.Step(context.Background(), c, n); err != nil || !slices.Equal(c.n, tc.want) || reports != len(tc.want) {
			t.Errorf("tick %v: calls %v, %d reports; want %v", tc.tick, c.n, reports, tc.want)
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
