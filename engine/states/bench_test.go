package states_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/rulegen"
)

// benchSoup returns an engine for rule text with a soup of the given
// density over the whole of its bounded grid.
func benchSoup(b *testing.B, name, text string, density float64) engine.Engine {
	r, err := engine.ParseRule(text)
	if err != nil {
		b.Fatal(err)
	}
	e, err := engine.New(name, r, engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	for _, c := range rulegen.StateSoup(rng, r.Topology.W, r.Topology.H, density, r.States()) {
		engine.SetStateOf(e, c.Y, c.X, engine.State(c.S))
	}
	return e
}

// BenchmarkBriansBrain steps Brian's Brain on a 1024 x 1024 torus soup.
func BenchmarkBriansBrain(b *testing.B) {
	e := benchSoup(b, "generations", "/2/3:T1024,1024", 0.5)
	b.ResetTimer()
	for range b.N {
		e.Step(context.Background(), 1)
	}
	b.ReportMetric(float64(b.N)*1024*1024/b.Elapsed().Seconds(), "cells/s")
}

// BenchmarkBosco steps Bosco's Rule on a 500 x 500 torus soup.
func BenchmarkBosco(b *testing.B) {
	e := benchSoup(b, "ltl", "R5,C0,M1,S34..58,B34..45,NM:T500,500", 0.5)
	b.ResetTimer()
	for range b.N {
		e.Step(context.Background(), 1)
	}
	b.ReportMetric(float64(b.N)*500*500/b.Elapsed().Seconds(), "cells/s")
}

// BenchmarkBosco1000 runs Bosco's Rule on a 500 x 500 torus soup for 1000
// generations, the soup thinning out as it goes.
func BenchmarkBosco1000(b *testing.B) {
	for range b.N {
		b.StopTimer()
		e := benchSoup(b, "ltl", "R5,C0,M1,S34..58,B34..45,NM:T500,500", 0.5)
		b.StartTimer()
		e.Step(context.Background(), 1000)
	}
}

// BenchmarkLtLShapes steps Larger than Life rules of each neighbourhood
// at ranges 1 to 50 on a 256 x 256 torus soup, the limits a third to a
// half of the neighbourhood for births and a quarter to a half for
// survival, so that the soup stays busy: the cost of a cell by shape and
// range.
func BenchmarkLtLShapes(b *testing.B) {
	for _, shape := range []string{"M", "N", "C"} {
		for _, r := range []int{1, 2, 3, 4, 5, 8, 10, 20, 50} {
			rule, err := engine.ParseRule(fmt.Sprintf("R%d,C0,M0,S0..1,B1..1,N%s", r, shape))
			if err != nil {
				b.Fatal(err)
			}
			l, _ := rule.LtL()
			n := l.Size()
			text := fmt.Sprintf("R%d,C0,M1,S%d..%d,B%d..%d,N%s:T256,256", r, n/4, n/2, n/3, n/2, shape)
			b.Run(fmt.Sprintf("N%s/R%d", shape, r), func(b *testing.B) {
				e := benchSoup(b, "ltl", text, 0.4)
				b.ResetTimer()
				for range b.N {
					e.Step(context.Background(), 1)
				}
				b.ReportMetric(float64(b.N)*256*256/b.Elapsed().Seconds(), "cells/s")
			})
		}
	}
}
