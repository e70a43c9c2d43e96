package ghash_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/ghash"
	"github.com/life-go/life/patterns"
)

// loadGolly returns an engine holding Golly's pattern file (a path under
// its Patterns folder) placed as Golly places it, or skips the test.
func loadGolly(tb testing.TB, file string, opts ghash.Options) *ghash.Engine {
	tb.Helper()
	p, err := patterns.ReadFile("/usr/share/golly/Patterns/" + file)
	if os.IsNotExist(err) {
		tb.Skip("Golly's patterns are not installed")
	}
	if err != nil {
		tb.Fatal(err)
	}
	r, err := engine.ParseRule(p.Rule)
	if err != nil {
		tb.Fatal(err)
	}
	e, err := ghash.New(r, opts)
	if err != nil {
		tb.Fatal(err)
	}
	y0, x0 := p.TopLeft()
	for i, run := range p.Runs {
		for x := run.X; x < run.X+run.N; x++ {
			e.SetState(y0+run.Y, x0+x, engine.State(p.StateOf(i)))
		}
	}
	return e
}

// BenchmarkSawfish steps Golly's Sawfish.rle (Generations 3458/37/4)
// 2^benchK generations in one jump from a fresh engine each time.
func BenchmarkSawfish(b *testing.B) {
	for range b.N {
		b.StopTimer()
		e := loadGolly(b, "Generations/Sawfish.rle", ghash.Options{})
		b.StartTimer()
		if err := e.StepPow2(context.Background(), benchK); err != nil {
			b.Fatal(err)
		}
	}
}

// benchK is the jump BenchmarkSawfish takes, 2^benchK generations:
// GHASH_BENCH_K, or 10.
var benchK = func() uint {
	k, err := strconv.Atoi(os.Getenv("GHASH_BENCH_K"))
	if err != nil {
		return 10
	}
	return uint(k)
}()
