package bitwise

import (
	"context"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/life-go/life/engine"
)

// benchSoup fills a w x h torus engine with a random soup.
func benchSoup(b testing.TB, rule string, w, h int, density float64, seed uint64) *Engine {
	b.Helper()
	r, err := engine.ParseRule(rule)
	if err != nil {
		b.Fatal(err)
	}
	r.Topology = engine.TorusOf(w, h)
	e, err := New(r)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if rng.Float64() < density {
				e.SetCell(int64(y), int64(x), true)
			}
		}
	}
	return e
}

// run steps e gens generations per iteration, from the same start each
// time, and reports cell updates per second.
func run(b *testing.B, e *Engine, gens uint64) {
	b.Helper()
	ctx := context.Background()
	start := e.Clone().(*Engine)
	cpu0 := cpuTime()
	for b.Loop() {
		b.StopTimer()
		copy(e.cur, start.cur)
		copy(e.prev, start.prev)
		e.tiles = start.tiles.clone()
		e.settled = start.settled
		b.StartTimer()
		if err := e.Step(ctx, gens); err != nil {
			b.Fatal(err)
		}
	}
	cells := float64(e.g.w) * float64(e.g.h) * float64(gens) * float64(b.N)
	b.ReportMetric(cells/b.Elapsed().Seconds(), "cells/s")
	// On a loaded machine the process's CPU time compares runs better
	// than the wall clock (it includes the resets between runs).
	b.ReportMetric(cells/(cpuTime()-cpu0).Seconds(), "cells/cpu-s")
}

// BenchmarkSoup1024 steps a fresh dense soup 20 generations.
func BenchmarkSoup1024(b *testing.B) {
	run(b, benchSoup(b, "B3/S23", 1024, 1024, 0.3, 1), 20)
}

// BenchmarkSoup4096 is the same on a 4096 x 4096 torus.
func BenchmarkSoup4096(b *testing.B) {
	run(b, benchSoup(b, "B3/S23", 4096, 4096, 0.3, 1), 5)
}

// BenchmarkDenseGeneric steps a soup under Day & Night, which stays busy,
// through the general rule logic.
func BenchmarkDenseGeneric(b *testing.B) {
	run(b, benchSoup(b, "B3678/S34678", 1024, 1024, 0.5, 1), 10)
}

// BenchmarkAsh steps a 1024 x 1024 soup that has been run 3000 generations
// and is mostly still lifes and blinkers.
func BenchmarkAsh(b *testing.B) {
	e := benchSoup(b, "B3/S23", 1024, 1024, 0.3, 1)
	if err := e.Step(context.Background(), 3000); err != nil {
		b.Fatal(err)
	}
	run(b, e, 100)
}

// BenchmarkSpaceships steps a sparse field of gliders and lightweight
// spaceships on a 2048 x 2048 torus.
func BenchmarkSpaceships(b *testing.B) {
	r := engine.Life
	r.Topology = engine.TorusOf(2048, 2048)
	e, err := New(r)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(2, 1))
	glider := [][2]int64{{0, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}}
	lwss := [][2]int64{{0, 1}, {0, 4}, {1, 0}, {2, 0}, {2, 4}, {3, 0}, {3, 1}, {3, 2}, {3, 3}}
	for y := int64(0); y < 2048; y += 64 {
		for x := int64(0); x < 2048; x += 64 {
			ship := glider
			if rng.IntN(2) == 0 {
				ship = lwss
			}
			for _, c := range ship {
				e.SetCell(y+c[0], x+c[1], true)
			}
		}
	}
	run(b, e, 100)
}

// BenchmarkLoneGlider steps a glider alone on a 16384 x 16384 torus: the
// cost of a generation should be the glider's, not the universe's.
func BenchmarkLoneGlider(b *testing.B) {
	r := engine.Life
	r.Topology = engine.TorusOf(16384, 16384)
	e, err := New(r)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range [][2]int64{{0, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}} {
		e.SetCell(c[0]+5000, c[1]+5000, true)
	}
	if err := e.Step(context.Background(), 4); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for b.Loop() {
		if err := e.Step(ctx, 100); err != nil {
			b.Fatal(err)
		}
	}
	if e.PopulationInt() != 5 {
		b.Fatalf("population %d", e.PopulationInt())
	}
	b.ReportMetric(16384*16384*100*float64(b.N)/b.Elapsed().Seconds(), "cells/s")
}

// BenchmarkHuge steps a 32768 x 32768 torus (a billion cells) holding a
// soup of about 36%, and reports the memory the process holds from the
// system, which must stay under 512 MiB.
func BenchmarkHuge(b *testing.B) {
	const n = 32768
	r := engine.Life
	r.Topology = engine.TorusOf(n, n)
	e, err := New(r)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 1))
	for y := range int64(n) {
		for x := int64(0); x < n; x += 64 {
			w := rng.Uint64()&rng.Uint64() | rng.Uint64()&rng.Uint64()&rng.Uint64()
			for w != 0 {
				s := int64(bits.TrailingZeros64(w))
				l := int64(bits.TrailingZeros64(^(w >> s)))
				e.SetRun(y, x+s, l)
				if s+l >= 64 {
					break
				}
				w &^= (^uint64(0) >> (64 - l)) << s
			}
		}
	}
	// No copy of the start to go back to: it would double the memory.
	ctx := context.Background()
	for b.Loop() {
		if err := e.Step(ctx, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(n)*float64(b.N)/b.Elapsed().Seconds(), "cells/s")
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.Sys)/(1<<20), "MiB-sys")
}

// BenchmarkFamilies steps the same fresh dense 1024 x 1024 soup 20
// generations under a rule of each family, so that their speeds compare
// with Life's (the first): outer-totalistic rules run on bit-sliced
// adders, the others through quads.
func BenchmarkFamilies(b *testing.B) {
	for _, rule := range []string{"B3/S23", "B3678/S34678", "B2-a/S12", "B3-kq4j/S2-n36c", "B2/S34H", "B2/S013V", "W30", "B03/S23", "B2-a/S12:K1024*,1024",
		"MAPARYXfhZofugWaH7oaIDogBZofuhogOiAaIDogIAAgAAWaH7oaIDogGiA6ICAAIAAaIDogIAAgACAAIAAAAAAAA"} {
		b.Run(rule, func(b *testing.B) {
			r, err := engine.ParseRule(rule)
			if err != nil {
				b.Fatal(err)
			}
			if r.Topology.Kind == engine.Plane {
				r.Topology = engine.TorusOf(1024, 1024)
			}
			e, err := New(r)
			if err != nil {
				b.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(1, 1))
			for y := range int64(1024) {
				for x := range int64(1024) {
					if rng.Float64() < 0.3 {
						e.SetCell(y, x, true)
					}
				}
			}
			run(b, e, 20)
		})
	}
}

// cpuTime returns the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
