package hashlife

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/life-go/life/patterns"
)

// benchGolly runs one of Golly's RLE patterns gens generations from a
// fresh engine each iteration, as a whole `life run` does.
func benchGolly(b *testing.B, file string, gens uint64) {
	path := filepath.Join(gollyPatterns, file)
	if _, err := os.Stat(path); err != nil {
		b.Skip("Golly's patterns are not installed")
	}
	p, err := patterns.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		e := newLife(b, Options{})
		load(e, p)
		if err := e.Step(context.Background(), gens); err != nil {
			b.Fatal(err)
		}
		e.Population()
	}
}

func BenchmarkLidka1e5(b *testing.B) { benchGolly(b, "Methuselahs/lidka-predecessor.rle", 100_000) }

func BenchmarkTicker1e9(b *testing.B) { benchGolly(b, "Guns/golly-ticker.rle", 1_000_000_000) }

func BenchmarkPingPong1e8(b *testing.B) {
	benchGolly(b, "Breeders/switch-engine-ping-pong.rle", 100_000_000)
}

// BenchmarkBreeder1e12 runs the breeder (testdata) 10^12 generations.
func BenchmarkBreeder1e12(b *testing.B) {
	p, err := patterns.ReadFile("testdata/breeder.rle")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		e := newLife(b, Options{})
		load(e, p)
		if err := e.Step(context.Background(), 1_000_000_000_000); err != nil {
			b.Fatal(err)
		}
		e.Population()
	}
}

// BenchmarkSoupSteps steps a random soup one generation at a time: the
// base case and the small-step memo, where HashLife is at its weakest.
func BenchmarkSoupSteps(b *testing.B) {
	e := newLife(b, Options{})
	soup(e, 256, 1)
	ctx := context.Background()
	for b.Loop() {
		if err := e.Step(ctx, 1); err != nil {
			b.Fatal(err)
		}
	}
}
