package bitwise

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/life-go/life/engine"
)

// FuzzStep checks the engine against the tests' plain reference on any
// small universe, rule and soup, with a few cells edited half way: run it
// with go test -fuzz FuzzStep. The seeds run with the other tests.
func FuzzStep(f *testing.F) {
	f.Add(uint8(1), uint8(1), uint16(0b1000), uint16(0b1100), false, uint64(1), uint8(5), uint8(1))
	f.Add(uint8(63), uint8(2), uint16(0b1), uint16(0), false, uint64(2), uint8(9), uint8(3))
	f.Add(uint8(65), uint8(33), uint16(0b1001000), uint16(0b1100), true, uint64(3), uint8(40), uint8(2))
	f.Add(uint8(130), uint8(17), uint16(0b111111111), uint16(0b100000000), false, uint64(4), uint8(20), uint8(1))
	f.Add(uint8(200), uint8(70), uint16(0b11), uint16(0b1101), true, uint64(5), uint8(30), uint8(4))
	f.Fuzz(func(t *testing.T, w, h uint8, birth, survive uint16, bounded bool, seed uint64, gens, workers uint8) {
		if w == 0 || h == 0 {
			return
		}
		rule := engine.Rule{Birth: birth & 0x1ff, Survive: survive & 0x1ff}
		rule.Topology = engine.Topology{Kind: engine.Torus, W: int(w), H: int(h)}
		if bounded {
			rule.Topology.Kind = engine.BoundedPlane
		}
		rng := rand.New(rand.NewPCG(seed, 9))
		g := soup(rng, int(w), int(h), rng.Float64())
		ref := boardOf(g, bounded)
		e := mustFrom(t, rule, g)
		e.SetWorkers(int(workers % 4))
		e.span = 1
		for gen := 1; gen <= int(gens%64); gen++ {
			if gen == int(gens%64)/2 {
				y, x := rng.IntN(int(h)), rng.IntN(int(w))
				ref.cells[y*int(w)+x] = !ref.cells[y*int(w)+x]
				e.SetCell(int64(y), int64(x), ref.cells[y*int(w)+x])
			}
			ref = ref.step(rule)
			if err := e.Step(context.Background(), 1); err != nil {
				t.Fatal(err)
			}
			if got, want := e.Torus(), ref.torus(); !got.Equal(want) {
				t.Fatalf("%s, generation %d: %s", rule, gen, firstDiff(got, want))
			}
		}
	})
}
