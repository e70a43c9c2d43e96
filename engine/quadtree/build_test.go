package quadtree

import (
	"math"
	"slices"
	"testing"
)

// TestResolve sorts out gathered edits: clipped to the reach, sorted,
// apart, the later of two overlapping edits winning, adjacent edits of one
// state merged.
func TestResolve(t *testing.T) {
	const m = maxReach
	type e = edit
	// seq numbers the edits in the order they were made.
	numbered := func(es ...edit) []edit {
		for i := range es {
			es[i].seq = uint32(i)
		}
		return es
	}
	for _, tc := range []struct {
		name string
		in   []edit
		want [][4]int64 // y, x, n, state
	}{
		{"apart", numbered(e{y: 1, x: 5, n: 2, st: 1}, e{y: 0, x: 0, n: 3, st: 2}), [][4]int64{{0, 0, 3, 2}, {1, 5, 2, 1}}},
		{"adjacent merged", numbered(e{y: 0, x: 3, n: 2, st: 1}, e{y: 0, x: 0, n: 3, st: 1}), [][4]int64{{0, 0, 5, 1}}},
		{"adjacent of other states", numbered(e{y: 0, x: 3, n: 2, st: 1}, e{y: 0, x: 0, n: 3, st: 2}), [][4]int64{{0, 0, 3, 2}, {0, 3, 2, 1}}},
		{"later inside", numbered(e{y: 0, x: 0, n: 10, st: 1}, e{y: 0, x: 4, n: 2, st: 0}), [][4]int64{{0, 0, 4, 1}, {0, 4, 2, 0}, {0, 6, 4, 1}}},
		{"earlier inside", numbered(e{y: 0, x: 4, n: 2, st: 0}, e{y: 0, x: 0, n: 10, st: 1}), [][4]int64{{0, 0, 10, 1}}},
		{"a cell set twice", numbered(e{y: 2, x: 2, n: 1, st: 1}, e{y: 2, x: 2, n: 1, st: 3}, e{y: 2, x: 2, n: 1, st: 0}), [][4]int64{{2, 2, 1, 0}}},
		{"overlaps", numbered(e{y: 0, x: 0, n: 4, st: 1}, e{y: 0, x: 2, n: 4, st: 2}, e{y: 0, x: 1, n: 2, st: 3}),
			[][4]int64{{0, 0, 1, 1}, {0, 1, 2, 3}, {0, 3, 3, 2}}},
		{"clipped", numbered(e{y: m - rowShift, x: m - 1, n: math.MaxInt64, st: 1}, e{y: m, x: 0, n: 1, st: 1}, e{y: 0, x: math.MinInt64, n: 2, st: 1}),
			[][4]int64{{m - rowShift, m - 1, 2, 1}}},
	} {
		var got [][4]int64
		for _, d := range resolve(tc.in, nil) {
			got = append(got, [4]int64{d.y, d.x, d.n, int64(d.st)})
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
