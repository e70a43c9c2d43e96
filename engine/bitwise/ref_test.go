package bitwise

import (
	"math/rand/v2"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/grid"
)

// board is the tests' own plain reference: one bool a cell, stepped the
// obvious way, on a torus or a bounded plane.
type board struct {
	w, h    int
	bounded bool
	cells   []bool
	gen     int // the generation, whose parity chooses a B0 rule's phase
}

func newBoard(w, h int, bounded bool) *board {
	return &board{w: w, h: h, bounded: bounded, cells: make([]bool, w*h)}
}

func (b *board) at(y, x int) bool {
	if b.bounded {
		if y < 0 || y >= b.h || x < 0 || x >= b.w {
			return false
		}
		return b.cells[y*b.w+x]
	}
	return b.cells[grid.Mod(y, b.h)*b.w+grid.Mod(x, b.w)]
}

// step returns the next generation under r, counting the eight neighbours
// one by one (on a small torus some of them are the same cell, counted as
// often as it is a neighbour, as the protocol engine counts it). A rule
// with B0 steps as Golly emulates it, with the rule of the generation's
// parity ([engine.Rule.Phase]).
func (b *board) step(r engine.Rule) *board {
	r = r.Phase(b.gen%2 == 1)
	n := newBoard(b.w, b.h, b.bounded)
	n.gen = b.gen + 1
	for y := 0; y < b.h; y++ {
		for x := 0; x < b.w; x++ {
			count := 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if (dy != 0 || dx != 0) && b.at(y+dy, x+dx) {
						count++
					}
				}
			}
			n.cells[y*b.w+x] = r.Next(b.cells[y*b.w+x], count)
		}
	}
	return n
}

func (b *board) torus() *grid.Torus {
	t, err := grid.New(b.w, b.h)
	if err != nil {
		panic(err)
	}
	for i, c := range b.cells {
		if c {
			t.Assign(i/b.w, i%b.w, true)
		}
	}
	return t
}

func boardOf(t *grid.Torus, bounded bool) *board {
	b := newBoard(t.Width(), t.Height(), bounded)
	for y, x := range t.Live() {
		b.cells[y*b.w+x] = true
	}
	return b
}

// soup returns a random torus of the given size and density.
func soup(rng *rand.Rand, w, h int, density float64) *grid.Torus {
	t, err := grid.New(w, h)
	if err != nil {
		panic(err)
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if rng.Float64() < density {
				t.Assign(y, x, true)
			}
		}
	}
	return t
}

// randomRule returns a random Life-like rule; b0 says whether it has B0.
func randomRule(rng *rand.Rand, b0 bool) engine.Rule {
	r := engine.Rule{Birth: uint16(rng.IntN(1<<9)) &^ 1, Survive: uint16(rng.IntN(1 << 9))}
	if b0 {
		r.Birth |= 1
	}
	return r
}
