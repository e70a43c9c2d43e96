package patterns

import (
	"maps"
	"testing"
)

// This file holds a small, plain stepper for the library's tests: Conway's
// Life (B3/S23) on a bit-packed torus, one generation at a time by the
// textbook rule, skipping the words far from any live cell. Package
// patterns imports no engine, and the long runs the library's facts need
// (acorn's 5206 generations on a 4096 x 4096 torus) are too slow on the
// protocol engine; this stepper is short enough to check by eye, and is
// checked below against the rule counted out cell by cell. cmd/life checks
// the same facts again through life run on the bitwise engine.

// torus is a w x h torus of cells, w a multiple of 64; bit j of word
// y*stride+i is the cell (y, 64*i+j).
type torus struct {
	w, h, stride int
	cur, nxt     []uint64
	live         []bool // live[y]: row y of cur has a live cell
}

func newTorus(w, h int) *torus {
	w = (w + 63) &^ 63
	s := w / 64
	return &torus{w: w, h: h, stride: s, cur: make([]uint64, s*h), nxt: make([]uint64, s*h), live: make([]bool, h)}
}

func (t *torus) set(y, x int) {
	y, x = ((y%t.h)+t.h)%t.h, ((x%t.w)+t.w)%t.w
	t.cur[y*t.stride+x/64] |= 1 << (x % 64)
	t.live[y] = true
}

func (t *torus) get(y, x int) bool {
	y, x = ((y%t.h)+t.h)%t.h, ((x%t.w)+t.w)%t.w
	return t.cur[y*t.stride+x/64]>>(x%64)&1 != 0
}

// step advances one generation.
func (t *torus) step() {
	s, h := t.stride, t.h
	nextLive := make([]bool, h)
	for y := 0; y < h; y++ {
		dst := t.nxt[y*s : (y+1)*s]
		up, dn := (y+h-1)%h, (y+1)%h
		if !t.live[up] && !t.live[y] && !t.live[dn] {
			clear(dst)
			continue
		}
		rows := [3][]uint64{t.cur[up*s : (up+1)*s], t.cur[y*s : (y+1)*s], t.cur[dn*s : (dn+1)*s]}
		any := false
		for i := 0; i < s; i++ {
			l, r := (i+s-1)%s, (i+1)%s
			var around uint64
			for _, row := range rows {
				around |= row[l] | row[i] | row[r]
			}
			if around == 0 {
				dst[i] = 0
				continue
			}
			// Count the eight neighbours of the 64 cells at once: s0 and
			// s1 are the count's low bits, s2 says it is 4 or more.
			var s0, s1, s2 uint64
			add := func(v uint64) {
				c0 := s0 & v
				s0 ^= v
				c1 := s1 & c0
				s1 ^= c0
				s2 |= c1
			}
			for k, row := range rows {
				west := row[i]<<1 | row[l]>>63 // the cell to the left of each
				east := row[i]>>1 | row[r]<<63 // the cell to the right of each
				add(west)
				add(east)
				if k != 1 {
					add(row[i])
				}
			}
			alive := rows[1][i]
			dst[i] = s1 &^ s2 & (s0 | alive) // 3 neighbours, or 2 and alive
			any = any || dst[i] != 0
		}
		nextLive[y] = any
	}
	t.cur, t.nxt, t.live = t.nxt, t.cur, nextLive
}

func (t *torus) population() int {
	n := 0
	for y, l := range t.live {
		if !l {
			continue
		}
		for _, w := range t.cur[y*t.stride : (y+1)*t.stride] {
			for ; w != 0; w &= w - 1 {
				n++
			}
		}
	}
	return n
}

// cells returns the live cells as a set of (y, x).
func (t *torus) cells() map[[2]int]bool {
	m := map[[2]int]bool{}
	for y, l := range t.live {
		if !l {
			continue
		}
		for i, w := range t.cur[y*t.stride : (y+1)*t.stride] {
			for j := 0; w != 0; j, w = j+1, w>>1 {
				if w&1 != 0 {
					m[[2]int{y, 64*i + j}] = true
				}
			}
		}
	}
	return m
}

// place puts p's cells on t with its top-left corner at (y0, x0).
func (t *torus) place(p *Pattern, y0, x0 int) {
	p.Cells(func(y, x int64) { t.set(y0+int(y), x0+int(x)) })
}

// TestStepperAgainstNaive checks the bit-packed stepper, cell for cell,
// against the rule counted out neighbour by neighbour, on a random soup on
// a torus two words wide, so that neighbours cross words and wrap.
func TestStepperAgainstNaive(t *testing.T) {
	const w, h = 128, 40
	tor := newTorus(w, h)
	seed := uint64(1)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			seed = seed*6364136223846793005 + 1442695040888963407
			if seed>>61 < 3 {
				tor.set(y, x)
			}
		}
	}
	for gen := 1; gen <= 30; gen++ {
		want := map[[2]int]bool{}
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				n := 0
				for dy := -1; dy <= 1; dy++ {
					for dx := -1; dx <= 1; dx++ {
						if (dy != 0 || dx != 0) && tor.get(y+dy, x+dx) {
							n++
						}
					}
				}
				if n == 3 || n == 2 && tor.get(y, x) {
					want[[2]int{y, x}] = true
				}
			}
		}
		tor.step()
		if got := tor.cells(); !maps.Equal(got, want) {
			t.Fatalf("generation %d: %d cells, want %d", gen, len(got), len(want))
		}
	}
}
