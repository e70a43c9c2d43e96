package bench

import (
	"slices"
	"testing"
)

// TestMT checks the generator against Python's: random.Random(5)'s first
// getrandbits(32) and random() values, and random.Random(1)'s (from
// python3, the anchors' mksoup.py's interpreter).
func TestMT(t *testing.T) {
	m := newMT(5)
	var got []uint32
	for range 5 {
		got = append(got, m.uint32())
	}
	if want := []uint32{2675342405, 1097127993, 3185950873, 1539898300, 3415330359}; !slices.Equal(got, want) {
		t.Errorf("Random(5).getrandbits(32): %v, want %v", got, want)
	}
	for seed, want := range map[uint32][]float64{5: {0.6229016948897019, 0.7417869892607294, 0.7951935655656966}, 1: {0.13436424411240122, 0.8474337369372327}} {
		m := newMT(seed)
		for i, w := range want {
			if f := m.float64(); f != w {
				t.Errorf("Random(%d).random() #%d = %v, want %v", seed, i, f, w)
			}
		}
	}
}
