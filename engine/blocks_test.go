package engine

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// visitOnly hides an engine's CountBlocks, so that [CountBlocks] falls back
// to visiting its cells.
type visitOnly struct{ Engine }

// TestProtocolCountBlocks compares the protocol engine's CountBlocks with
// the generic fallback on random grids of awkward widths and random
// rectangles, many partly or wholly off the grid, at block sizes from 1 to
// 2^7 cells a side.
func TestProtocolCountBlocks(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 65))
	for _, size := range [][2]int{{1, 1}, {5, 3}, {63, 7}, {64, 9}, {65, 11}, {127, 4}, {128, 5}, {130, 40}, {200, 33}} {
		w, h := size[0], size[1]
		p, err := NewProtocol(Rule{Birth: Life.Birth, Survive: Life.Survive, Topology: TorusOf(w, h)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		p.t.CopyFrom(randomGrid(rnd, w, h, 0.4))
		rects := []Rect{{W: int64(w), H: int64(h)}, {X: -3, Y: -2, W: int64(w) + 9, H: int64(h) + 5}, {X: int64(w), Y: 0, W: 5, H: 5}, {X: -10, Y: -10, W: 4, H: 4}}
		for range 40 {
			x, y := rnd.Int64N(int64(w)+40)-20, rnd.Int64N(int64(h)+40)-20
			rects = append(rects, Rect{X: x, Y: y, W: 1 + rnd.Int64N(int64(w)+30), H: 1 + rnd.Int64N(int64(h)+30)})
		}
		for _, r := range rects {
			for k := uint(0); k <= 7; k++ {
				n := int((r.W + 1<<k - 1) >> k * ((r.H + 1<<k - 1) >> k))
				got, want := make([]uint64, n+1), make([]uint64, n+1)
				for i := range got {
					got[i], want[i] = 99, 99 // stale counts, and a sentinel past the end
				}
				p.CountBlocks(r, k, got)
				CountBlocks(visitOnly{p}, r, k, want)
				if !slices.Equal(got, want) {
					t.Fatalf("%d x %d grid, %v, k %d:\n got %v\nwant %v", w, h, r, k, got, want)
				}
			}
		}
	}
}

// BenchmarkCountBlocks counts the blocks of a 4096 x 4096 soup, a third
// alive, as a 200 x 60 board zoomed out to 2^k x 2^k cells a character
// would, with the protocol engine's popcounts and with the fallback that
// visits the live cells.
func BenchmarkCountBlocks(b *testing.B) {
	const side = 4096
	p, err := NewProtocol(Rule{Birth: Life.Birth, Survive: Life.Survive, Topology: TorusOf(side, side)}, nil)
	if err != nil {
		b.Fatal(err)
	}
	p.t.CopyFrom(randomGrid(rand.New(rand.NewPCG(1, 2)), side, side, 0.33))
	for _, k := range []uint{2, 4, 6} {
		r := Rect{W: min(int64(200)<<k, side), H: min(int64(60)<<k, side)}
		dst := make([]uint64, (r.W>>k+1)*(r.H>>k+1))
		for _, c := range []struct {
			name string
			e    Engine
		}{{"popcount", p}, {"visit", visitOnly{p}}} {
			b.Run(fmt.Sprintf("k=%d/%s", k, c.name), func(b *testing.B) {
				for b.Loop() {
					CountBlocks(c.e, r, k, dst)
				}
			})
		}
	}
}
