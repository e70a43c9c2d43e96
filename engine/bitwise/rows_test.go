package bitwise

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/life-go/life/engine"
)

// kernelInput returns random columns for a run of n rows.
func kernelInput(rng *rand.Rand, n int) (left, cur, right, out []uint64) {
	col := func(k int) []uint64 {
		s := make([]uint64, k)
		for i := range s {
			s[i] = rng.Uint64() & rng.Uint64()
		}
		return s
	}
	return col(n + 2), col(n + 2), col(n + 2), col(n)
}

// TestKernels checks the kernel this build runs (a SIMD one, in a build
// with GOEXPERIMENT=simd on a CPU that has it) against the portable one,
// row for row and mask for mask, on runs of every length and random
// rules.
func TestKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 3))
	rules := []engine.Rule{engine.Life}
	for range 30 {
		rules = append(rules, randomRule(rng, true))
	}
	for _, r := range rules {
		l := newLogic(r)
		for n := 0; n <= 64; n++ {
			left, cur, right, out := kernelInput(rng, n)
			want := append([]uint64(nil), out...)
			wc, wl, wr := stepRunPortable(l, left, cur, right, want)
			c, lf, rt := stepRun(l, left, cur, right, out)
			for i := range out {
				if out[i] != want[i] {
					t.Fatalf("%s, %d rows, kernel %s: row %d is %#x, want %#x", r, n, Kernel(), i, out[i], want[i])
				}
			}
			if c != wc || lf != wl || rt != wr {
				t.Fatalf("%s, %d rows, kernel %s: masks %#x %#x %#x, want %#x %#x %#x", r, n, Kernel(), c, lf, rt, wc, wl, wr)
			}
		}
	}
}

// TestPortableKernel checks the portable kernel against the board
// reference on a 64-column strip with its neighbours.
func TestPortableKernel(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 7))
	for range 20 {
		// The engines step a B0 rule as the rule of its phase
		// ([engine.Rule.Phase]), as the reference board does.
		r := randomRule(rng, true).Phase(false)
		l := newLogic(r)
		n := 1 + rng.IntN(64)
		left, cur, right, out := kernelInput(rng, n)
		old := append([]uint64(nil), out...)
		chg, lft, rgt := stepRunPortable(l, left, cur, right, out)
		b := newBoard(3*64, n+2, true)
		for y := range n + 2 {
			for x := range 64 {
				b.cells[y*b.w+x] = left[y]>>x&1 != 0
				b.cells[y*b.w+64+x] = cur[y]>>x&1 != 0
				b.cells[y*b.w+128+x] = right[y]>>x&1 != 0
			}
		}
		next := b.step(r)
		for i := range n {
			var want uint64
			for x := range 64 {
				if next.cells[(i+1)*b.w+64+x] {
					want |= 1 << x
				}
			}
			if out[i] != want {
				t.Fatalf("%s: row %d is %#x, want %#x", r, i, out[i], want)
			}
			d := want ^ old[i]
			if chg>>i&1 != b2u(d != 0) || lft>>i&1 != d&1 || rgt>>i&1 != d>>63 {
				t.Fatalf("%s: masks of row %d wrong", r, i)
			}
		}
	}
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// BenchmarkKernel steps a 64-row run under Life and under a rule through
// the generic logic, with the kernel this build runs.
func BenchmarkKernel(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, rule := range []string{"B3/S23", "B36/S23"} {
		r, _ := engine.ParseRule(rule)
		l := newLogic(r)
		left, cur, right, out := kernelInput(rng, 64)
		b.Run(fmt.Sprintf("%s/%s", Kernel(), rule), func(b *testing.B) {
			for b.Loop() {
				stepRun(l, left, cur, right, out)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(64*b.N), "ns/row")
		})
	}
}
