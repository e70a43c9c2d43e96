package bitwise

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
)

// refRun is the run kernel's reference: each cell of the run looked up in
// rule r's table, one at a time, with the change masks from the words
// written over.
func refRun(r engine.Rule, left, cur, right, out []uint64) (chg, lft, rgt uint64) {
	t := r.Table()
	at := func(i, x int) int { // the cell of word i, column x (-1 to 64)
		switch x {
		case -1:
			return int(left[i] >> 63)
		case 64:
			return int(right[i] & 1)
		}
		return int(cur[i] >> x & 1)
	}
	for i := range out {
		var next uint64
		for x := range 64 {
			block := 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					block = block<<1 | at(i+1+dy, x+dx)
				}
			}
			if t.Alive(block) {
				next |= 1 << x
			}
		}
		d := next ^ out[i]
		out[i] = next
		if d != 0 {
			chg |= 1 << i
		}
		lft |= d & 1 << i
		rgt |= d >> 63 << i
	}
	return chg, lft, rgt
}

// TestRuleKernels checks the run kernels of every two-state family (the
// SIMD quads kernel too, in a build with GOEXPERIMENT=simd on a CPU that
// has it) against the reference, row for row and mask for mask, on runs
// of every length.
func TestRuleKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for _, f := range engine.TwoStateFamilies {
		for k := range 4 {
			r, text := randomFamilyRule(t, rng, f, 0.5)
			r = r.Phase(k%2 == 1)
			l := newLogic(r)
			t.Run(fmt.Sprintf("%v/%s", f, text), func(t *testing.T) {
				for n := 0; n <= 64; n++ {
					left, cur, right, out := kernelInput(rng, n)
					want := append([]uint64(nil), out...)
					wc, wl, wr := refRun(r, left, cur, right, want)
					c, lf, rt := stepRunRule(l, left, cur, right, out)
					for i := range out {
						if out[i] != want[i] {
							t.Fatalf("%d rows: row %d is %#x, want %#x", n, i, out[i], want[i])
						}
					}
					if c != wc || lf != wl || rt != wr {
						t.Fatalf("%d rows: masks %#x %#x %#x, want %#x %#x %#x", n, c, lf, rt, wc, wl, wr)
					}
				}
			})
		}
	}
}

// BenchmarkRuleKernels steps 64-row runs under a rule of each family with
// the run kernel this build runs for it (quads, SIMD or portable, the
// masked adders, the Moore kernel), in CPU time a row (getrusage) beside
// wall time.
func BenchmarkRuleKernels(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, rule := range []string{"B3/S23", "B3678/S34678", "B2-a/S12", "B3-kq4j/S2-n36c", "MAPeUSoh6pZJGEC/197RqTPdbDdmTqOAKmfJfpwXilW5zUPk9EzE4Ov0VauZ8zXFgTrD9HqqYI5F/38bPJxHKls+A", "B2/S34H", "B2/S013V", "W30"} {
		r, err := engine.ParseRule(rule)
		if err != nil {
			b.Fatal(err)
		}
		l := newLogic(r)
		left, cur, right, out := kernelInput(rng, 64)
		name := strings.ReplaceAll(rule, "/", "_")
		if len(name) > 12 {
			name = name[:12]
		}
		b.Run(name, func(b *testing.B) {
			c0 := cpuTime()
			for b.Loop() {
				stepRunRule(l, left, cur, right, out)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(64*b.N), "ns/row")
			b.ReportMetric(float64((cpuTime()-c0).Nanoseconds())/float64(64*b.N), "cpu-ns/row")
		})
	}
}

// TestTorusWholeWords runs random rules of every family, B0 among them,
// on tori a whole number of words wide, whose first and last strips step
// with the run kernels as the inner ones do, against the protocol engine:
// the same cells every few generations.
func TestTorusWholeWords(t *testing.T) {
	gens := 12
	if raceEnabled || testing.Short() {
		gens = 4
	}
	rng := rand.New(rand.NewPCG(23, 24))
	sizes := [][2]int{{64, 37}, {128, 70}, {192, 9}}
	for _, f := range engine.TwoStateFamilies {
		for k, s := range sizes {
			r, text := randomFamilyRule(t, rng, f, 0.4)
			r.Topology = engine.TorusOf(s[0], s[1])
			t.Run(fmt.Sprintf("%v/%d/%s", f, k, text), func(t *testing.T) {
				g := soup(rng, s[0], s[1], 0.4)
				e := mustFrom(t, r, g)
				p, err := engine.NewProtocol(r, nil)
				if err != nil {
					t.Fatal(err)
				}
				for y := range s[1] {
					for x := range s[0] {
						if g.Query(y, x) {
							p.SetCell(int64(y), int64(x), true)
						}
					}
				}
				for gen := 0; gen < gens; gen += 3 {
					if err := e.Step(context.Background(), 3); err != nil {
						t.Fatal(err)
					}
					if err := p.Step(context.Background(), 3); err != nil {
						t.Fatal(err)
					}
					if got, want := e.Torus(), p.Torus(); !got.Equal(want) {
						t.Fatalf("generation %d: %s", gen+3, firstDiff(got, want))
					}
				}
			})
		}
	}
}
