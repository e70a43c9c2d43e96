package bitwise

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/life-go/life/engine"
)

// rowSetterEngine is an engine with SetRun and SetRow.
type rowSetterEngine interface {
	engine.Engine
	SetRun(y, x, n int64)
	SetRow(y, x int64, row []uint64)
}

// randomRow returns 1 to 4 words of random runs, the first and last not 0.
func randomRow(rng *rand.Rand) []uint64 {
	row := make([]uint64, 1+rng.IntN(4))
	for j := range row {
		switch rng.IntN(4) {
		case 0: // empty
		case 1:
			row[j] = ^uint64(0)
		default:
			row[j] = rng.Uint64() & rng.Uint64()
		}
	}
	row[0] |= 1 << rng.IntN(64)
	row[len(row)-1] |= 1 << rng.IntN(64)
	return row
}

// checkSetRow loads the same random rows into a and b, a through SetRow
// and b run by run through SetRun, at the columns and rows at, and checks
// that they hold the same cells, then and after a few generations (so that
// SetRow marks what it edits as SetRun does).
func checkSetRow(t *testing.T, name string, a, b rowSetterEngine, early bool, at func(*rand.Rand) (int64, int64), rng *rand.Rand) {
	t.Helper()
	// Rows on engines just made (when early), then, after two
	// generations (when only what changed or was edited is stepped),
	// more rows.
	for gen := range 6 {
		if gen == 0 && early || gen == 2 {
			for range 30 {
				y, x := at(rng)
				row := randomRow(rng)
				a.SetRow(y, x, row)
				eachRun(x, row, func(x, n int64) { b.SetRun(y, x, n) })
			}
		}
		ca, cb := liveCells(a), liveCells(b)
		if !slices.Equal(ca, cb) {
			t.Fatalf("%s, generation %d: SetRow gave %d cells, SetRun %d", name, gen, len(ca), len(cb))
		}
		ctx := context.Background()
		ea, eb := a.Step(ctx, 1), b.Step(ctx, 1)
		if fmt.Sprint(ea) != fmt.Sprint(eb) {
			t.Fatalf("%s, generation %d: step after SetRow: %v, after SetRun: %v", name, gen, ea, eb)
		}
		if ea != nil {
			return // the edge of the plane's universe
		}
	}
}

// TestSetRow checks SetRow against SetRun on every kind of grid the
// bitwise engine runs, with rows inside, across and beyond the edges, and
// on the plane, with rows across tiles and at the edge of its universe.
func TestSetRow(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 13))
	for _, s := range []string{"B3/S23:T200,40", "B3/S23:T130,5", "B3/S23:T1000,300", "B3/S23:P200,40", "B3/S23:P0,40", "B3/S23:T0,40",
		"B3/S23:K200*,40", "B3/S23:S100", "B3/S23:C130,40", "B3/S23:T200+3,40"} {
		r, err := engine.ParseRule(s)
		if err != nil {
			t.Fatal(err)
		}
		for trial := range 5 {
			a, _ := New(r)
			b, _ := New(r)
			w, h := int64(r.Topology.W), int64(r.Topology.H)
			at := func(rng *rand.Rand) (int64, int64) {
				if trial == 0 && w > 0 {
					return rng.Int64N(h), rng.Int64N(w / 2) // inside, mostly
				}
				return rng.Int64N(h+20) - 10, rng.Int64N(w+400) - 200
			}
			checkSetRow(t, fmt.Sprintf("%s trial %d", s, trial), a, b, trial%2 == 0, at, rng)
		}
	}
	for trial := range 5 {
		a, b := newPlane(t, engine.Life), newPlane(t, engine.Life)
		at := func(rng *rand.Rand) (int64, int64) {
			k := rng.IntN(3)
			if trial < 2 {
				k = 0 // in the middle only
			}
			switch k {
			case 0:
				return rng.Int64N(300) - 150, rng.Int64N(600) - 300
			case 1: // at the edges of the universe
				return 1<<62 - 1 - rng.Int64N(3), 1<<62 - 64*rng.Int64N(5) - rng.Int64N(64)
			}
			return -1<<62 + rng.Int64N(3), -1<<62 - 64*3 + rng.Int64N(300)
		}
		checkSetRow(t, fmt.Sprintf("plane trial %d", trial), a, b, trial%2 == 0, at, rng)
	}
}
