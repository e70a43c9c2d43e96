package ghash_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/rulegen"
)

// TestEdits makes random edits, runs and single cells in random states
// (0 included), overlapping one another, sometimes reading a cell between
// them (which builds the edits gathered so far): the cells are those a
// map given the same edits in order holds, the later edit of a cell
// winning.
func TestEdits(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 3))
	for round := range 40 {
		e := newRule(t, "345/2/6")
		want := map[[2]int64]uint8{}
		y0, x0 := int64(rng.IntN(100)-50), int64(rng.IntN(100)-50)
		if round%4 == 3 {
			y0, x0 = maxReach-20, -maxReach
		}
		for range 200 {
			y, x := y0+int64(rng.IntN(20)), x0+int64(rng.IntN(40))
			switch rng.IntN(4) {
			case 0:
				n := int64(1 + rng.IntN(30))
				e.SetRun(y, x, n)
				for c := x; c < x+n; c++ {
					want[[2]int64{y, c}] = 1
				}
			case 1:
				alive := rng.IntN(2) == 0
				e.SetCell(y, x, alive)
				want[[2]int64{y, x}] = map[bool]uint8{false: 0, true: 1}[alive]
			default:
				s := uint8(rng.IntN(6))
				e.SetState(y, x, engine.State(s))
				want[[2]int64{y, x}] = s
			}
			if rng.IntN(20) == 0 {
				y, x := y0+int64(rng.IntN(20)), x0+int64(rng.IntN(40))
				if got := e.State(y, x); got != engine.State(want[[2]int64{y, x}]) {
					t.Fatalf("round %d: cell (%d, %d) in state %d, want %d", round, y, x, got, want[[2]int64{y, x}])
				}
			}
		}
		var cells []rulegen.StateCell
		for c, s := range want {
			if s != 0 && c[0] <= maxReach && c[1] <= maxReach {
				cells = append(cells, rulegen.StateCell{Y: c[0], X: c[1], S: s})
			}
		}
		slices.SortFunc(cells, func(a, b rulegen.StateCell) int {
			if a.Y != b.Y {
				return int(a.Y - b.Y)
			}
			return int(a.X - b.X)
		})
		if got := stateCells(e); !slices.Equal(got, cells) {
			t.Fatalf("round %d: cells %v, want %v", round, got, cells)
		}
		if got := e.Population().Int64(); got != int64(len(cells)) {
			t.Fatalf("round %d: population %d, want %d", round, got, len(cells))
		}
	}
}
