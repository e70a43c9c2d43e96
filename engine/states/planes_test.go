package states

import (
	"context"
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/rulegen"
)

// planes is the other layout issue 14 names for cells of many states: bit
// planes, 64 cells a word, state bit k of every cell in plane k, for an
// outer-totalistic Generations rule on a torus whose width is a multiple
// of 64. It exists to measure the choice of a byte a cell
// (BenchmarkLayout); TestPlanes checks it against the generations engine.
type planes struct {
	w, h, words int // words a row
	n           int // states
	p           [][]uint64
	born, surv  uint16 // the rule's birth and survival counts, a bit each
}

func newPlanes(r engine.Rule, w, h int) *planes {
	k := bits.Len(uint(r.States() - 1))
	p := &planes{w: w, h: h, words: w / 64, n: r.States()}
	for range k {
		p.p = append(p.p, make([]uint64, p.words*h))
	}
	t := r.Table()
	for c := range 9 {
		// A block of c neighbours in state 1: the first c of the eight
		// (bit 4 is the middle).
		i := 0
		for j, m := 0, 0; j < 9 && m < c; j++ {
			if j != 4 {
				i |= 1 << j
				m++
			}
		}
		if t.Alive(i) {
			p.born |= 1 << c
		}
		if t.Alive(i | 16) {
			p.surv |= 1 << c
		}
	}
	return p
}

func (p *planes) set(y, x int, s uint8) {
	i, b := y*p.words+x/64, uint(x%64)
	for k := range p.p {
		p.p[k][i] = p.p[k][i]&^(1<<b) | uint64(s>>k&1)<<b
	}
}

func (p *planes) get(y, x int) uint8 {
	i, b := y*p.words+x/64, uint(x%64)
	var s uint8
	for k := range p.p {
		s |= uint8(p.p[k][i]>>b&1) << k
	}
	return s
}

// one returns the word i of cells in state 1.
func (p *planes) one(i int) uint64 {
	v := p.p[0][i]
	for _, q := range p.p[1:] {
		v &^= q[i]
	}
	return v
}

// step advances one generation into the planes next.
func (p *planes) step(next [][]uint64) {
	wd := p.words
	ones := make([]uint64, wd*p.h)
	for i := range ones {
		ones[i] = p.one(i)
	}
	for y := range p.h {
		up, mid, dn := ((y+p.h-1)%p.h)*wd, y*wd, ((y+1)%p.h)*wd
		for x := range wd {
			l, r := (x+wd-1)%wd, (x+1)%wd
			var nb [8]uint64
			for k, row := range [3]int{up, mid, dn} {
				c := ones[row+x]
				w := c<<1 | ones[row+l]>>63
				e := c>>1 | ones[row+r]<<63
				if k == 1 {
					nb[6], nb[7] = w, e
				} else {
					nb[3*k/2], nb[3*k/2+1], nb[3*k/2+2] = w, c, e
				}
			}
			// Bit-sliced count of the eight neighbours: c0..c3.
			var c0, c1, c2, c3 uint64
			for _, v := range nb {
				t0 := c0 & v
				c0 ^= v
				t1 := c1 & t0
				c1 ^= t0
				t2 := c2 & t1
				c2 ^= t1
				c3 |= t2
			}
			var born, surv uint64
			for c := range 9 {
				m := ^uint64(0)
				for b, cb := range [4]uint64{c0, c1, c2, c3} {
					if c>>b&1 == 1 {
						m &= cb
					} else {
						m &^= cb
					}
				}
				if p.born>>c&1 == 1 {
					born |= m
				}
				if p.surv>>c&1 == 1 {
					surv |= m
				}
			}
			i := mid + x
			one := ones[i]
			var any uint64
			for _, q := range p.p {
				any |= q[i]
			}
			dead := ^any
			// Ageing: every cell above 0 but a survivor goes up one
			// (a ripple-carry increment across the planes), and a cell
			// that passes the last state dies.
			inc := any &^ (one & surv)
			carry := inc
			for k, q := range p.p {
				v := q[i]
				next[k][i] = v ^ carry
				carry &= v
			}
			// Past the last state (n-1, or the planes' end): dead.
			last := ^uint64(0)
			for k, q := range p.p {
				if (p.n-1)>>k&1 == 1 {
					last &= q[i]
				} else {
					last &^= q[i]
				}
			}
			die := last&inc | carry
			for k := range p.p {
				next[k][i] &^= die
			}
			// Births: dead cells in the birth counts become state 1.
			b := dead & born
			next[0][i] |= b
			for k := 1; k < len(p.p); k++ {
				next[k][i] &^= b
			}
		}
	}
}

// TestPlanes checks the bit planes against the generations engine on
// random outer-totalistic rules of 3 to 16 states, on a 128 x 64 torus
// soup, for 30 generations.
func TestPlanes(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 10))
	for range 10 {
		text := rulegen.Generations(rng, engine.LifeLike, 3+rng.IntN(14)) + ":T128,64"
		r, err := engine.ParseRule(text)
		if err != nil {
			t.Fatal(err)
		}
		e, err := NewGenerations(r)
		if err != nil {
			t.Fatal(err)
		}
		p := newPlanes(r, 128, 64)
		for _, c := range rulegen.StateSoup(rng, 128, 64, 0.5, r.States()) {
			e.SetState(c.Y, c.X, engine.State(c.S))
			p.set(int(c.Y), int(c.X), c.S)
		}
		next := make([][]uint64, len(p.p))
		for k := range next {
			next[k] = make([]uint64, len(p.p[k]))
		}
		for g := 1; g <= 30; g++ {
			e.Step(context.Background(), 1)
			p.step(next)
			p.p, next = next, p.p
			for y := range 64 {
				for x := range 128 {
					if got, want := p.get(y, x), e.g.Get(y, x); got != want {
						t.Fatalf("%s: generation %d: (%d, %d) in state %d on the planes, %d on the engine", text, g, y, x, got, want)
					}
				}
			}
		}
	}
}

// BenchmarkLayout steps Brian's Brain (/2/3) and Star Wars (345/2/4) and a
// rule of 64 states on a 1024 x 1024 torus soup, on one core, a byte a cell
// (the generations engine) and in bit planes (2, 2 and 6 planes).
func BenchmarkLayout(b *testing.B) {
	for _, text := range []string{"/2/3", "345/2/4", "345/2/64"} {
		r, err := engine.ParseRule(text + ":T1024,1024")
		if err != nil {
			b.Fatal(err)
		}
		soup := rulegen.StateSoup(rand.New(rand.NewPCG(1, 1)), 1024, 1024, 0.5, r.States())
		b.Run(text+"/bytes", func(b *testing.B) {
			e, _ := NewGenerations(r)
			for _, c := range soup {
				e.SetState(c.Y, c.X, engine.State(c.S))
			}
			b.ResetTimer()
			for range b.N {
				e.generation()
			}
			b.ReportMetric(float64(b.N)*1024*1024/b.Elapsed().Seconds(), "cells/s")
		})
		b.Run(text+"/planes", func(b *testing.B) {
			p := newPlanes(r, 1024, 1024)
			for _, c := range soup {
				p.set(int(c.Y), int(c.X), c.S)
			}
			next := make([][]uint64, len(p.p))
			for k := range next {
				next[k] = make([]uint64, len(p.p[k]))
			}
			b.ResetTimer()
			for range b.N {
				p.step(next)
				p.p, next = next, p.p
			}
			b.ReportMetric(float64(b.N)*1024*1024/b.Elapsed().Seconds(), "cells/s")
		})
	}
}
