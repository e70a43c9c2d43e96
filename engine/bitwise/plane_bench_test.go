package bitwise

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/life-go/life/engine"
)

// planeSoup returns a plane engine holding a w x h soup of density d
// centred on the origin, from seed.
func planeSoup(b testing.TB, w, h int, d float64, seed uint64) *Plane {
	b.Helper()
	e := newPlane(b, engine.Life)
	rng := rand.New(rand.NewPCG(seed, 1))
	for y := range h {
		for x := range w {
			if rng.Float64() < d {
				e.SetCell(int64(y-h/2), int64(x-w/2), true)
			}
		}
	}
	return e
}

// runPlane steps a clone of start gens generations per iteration and
// reports the cell updates a second of the rows computed, as if every
// computed row were 64 cells, and the tiles computed.
func runPlane(b *testing.B, start *Plane, gens uint64) {
	b.Helper()
	ctx := context.Background()
	rows := 0
	for b.Loop() {
		b.StopTimer()
		e := start.Clone().(*Plane)
		e.SetWorkers(start.workers)
		b.StartTimer()
		if err := e.Step(ctx, gens); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		rows = int(e.PopulationInt())
		b.StartTimer()
	}
	b.ReportMetric(float64(rows), "pop")
}

// BenchmarkPlaneSoup512 runs a 512 x 512 soup of 35% on the plane for 1000
// generations, as the smaller workload does.
func BenchmarkPlaneSoup512(b *testing.B) {
	runPlane(b, planeSoup(b, 512, 512, 0.35, 5), 1000)
}

// BenchmarkPlaneSoup2048 is the same for a 2048 x 2048 soup, 300
// generations of its busiest start.
func BenchmarkPlaneSoup2048(b *testing.B) {
	runPlane(b, planeSoup(b, 2048, 2048, 0.35, 5), 300)
}

// BenchmarkPlaneGlider steps one glider: the cost of a generation should be
// a few rows of a few tiles.
func BenchmarkPlaneGlider(b *testing.B) {
	e := newPlane(b, engine.Life)
	for _, c := range glider {
		e.SetCell(c[0], c[1], true)
	}
	ctx := context.Background()
	for b.Loop() {
		if err := e.Step(ctx, 1000); err != nil {
			b.Fatal(err)
		}
	}
}
