// Package bench holds the standard workloads engines are measured on, and
// the measuring: `life bench` runs every engine on them and prints a table,
// and the engine packages' benchmarks may use them too.
//
// A workload is a rule with its topology, a start, and a number of
// generations. Measure steps an engine through a workload's generations in
// chunks, stopping early at a time budget, so that a slow engine on a big
// workload still gives a rate without taking all day.
package bench

import (
	"context"
	"fmt"
	"math/big"
	"math/rand/v2"
	"time"

	"github.com/life-go/life/engine"
)

// Workload is a standard job for an engine.
type Workload struct {
	// Name names the workload on the command line ("dense-1024").
	Name string
	// Summary says what it is, in a few words.
	Summary string
	// Rule is the rule and the universe's topology.
	Rule engine.Rule
	// Gens is how many generations the workload runs.
	Gens uint64
	// Fill loads the start into e, an engine for Rule with every cell
	// dead. It uses SetRun when e has it.
	Fill func(e engine.Engine)
}

// Cells returns the number of cells in the workload's universe.
func (w Workload) Cells() float64 {
	return float64(w.Rule.Topology.W) * float64(w.Rule.Topology.H)
}

// Workloads returns the standard workloads, smallest first: dense soups on
// small and large tori, a soup left to settle into ash, and a sparse field of
// spaceships.
func Workloads() []Workload {
	life := func(w, h int) engine.Rule {
		r := engine.Life
		r.Topology = engine.TorusOf(w, h)
		return r
	}
	return []Workload{
		{Name: "dense-256", Summary: "30% soup, 256x256 torus, B3/S23", Rule: life(256, 256), Gens: 100,
			Fill: Soup(0.3, 1)},
		{Name: "dense-1024", Summary: "30% soup, 1024x1024 torus, B3/S23", Rule: life(1024, 1024), Gens: 100,
			Fill: Soup(0.3, 2)},
		{Name: "dense-4096", Summary: "30% soup, 4096x4096 torus, B3/S23", Rule: life(4096, 4096), Gens: 100,
			Fill: Soup(0.3, 3)},
		{Name: "settling-1024", Summary: "30% soup left to settle into ash, 1024x1024 torus", Rule: life(1024, 1024), Gens: 2000,
			Fill: Soup(0.3, 4)},
		{Name: "spaceships-2048", Summary: "gliders and LWSSs every 128 cells, 2048x2048 torus", Rule: life(2048, 2048), Gens: 1000,
			Fill: Spaceships(128)},
	}
}

// Lookup returns the workload named name.
func Lookup(name string) (Workload, error) {
	var names []string
	for _, w := range Workloads() {
		if w.Name == name {
			return w, nil
		}
		names = append(names, w.Name)
	}
	return Workload{}, fmt.Errorf("unknown workload %q, want one of %v", name, names)
}

// setRun makes n cells alive from (y, x) rightwards.
func setRun(e engine.Engine, y, x, n int64) {
	if rs, ok := e.(engine.RunSetter); ok {
		rs.SetRun(y, x, n)
		return
	}
	for i := range n {
		e.SetCell(y, x+i, true)
	}
}

// Soup returns a Fill that makes every cell of the universe alive with
// probability density, from a generator seeded with seed: the same seed
// gives the same soup.
func Soup(density float64, seed uint64) func(e engine.Engine) {
	return func(e engine.Engine) {
		t := e.Rule().Topology
		rng := rand.New(rand.NewPCG(seed, 0x50a7))
		for y := range int64(t.H) {
			run := int64(0)
			for x := range int64(t.W) {
				if rng.Float64() < density {
					run++
					continue
				}
				if run > 0 {
					setRun(e, y, x-run, run)
					run = 0
				}
			}
			if run > 0 {
				setRun(e, y, int64(t.W)-run, run)
			}
		}
	}
}

// Spaceships returns a Fill that puts a glider or a lightweight spaceship,
// in one of four directions, in every every x every square.
func Spaceships(every int64) func(e engine.Engine) {
	glider := []string{".o.", "..o", "ooo"}
	lwss := []string{".o..o", "o....", "o...o", "oooo."}
	return func(e engine.Engine) {
		t := e.Rule().Topology
		rng := rand.New(rand.NewPCG(5, 0x5417))
		for y := int64(0); y+every <= int64(t.H); y += every {
			for x := int64(0); x+every <= int64(t.W); x += every {
				ship := glider
				if rng.IntN(2) == 0 {
					ship = lwss
				}
				flipY, flipX := rng.IntN(2) == 0, rng.IntN(2) == 0
				for dy, row := range ship {
					for dx, c := range row {
						if c != 'o' {
							continue
						}
						yy, xx := int64(dy), int64(dx)
						if flipY {
							yy = int64(len(ship)) - 1 - yy
						}
						if flipX {
							xx = int64(len(row)) - 1 - xx
						}
						e.SetCell(y+every/2+yy, x+every/2+xx, true)
					}
				}
			}
		}
	}
}

// Result is what Measure found.
type Result struct {
	// Gens is how many generations were stepped: all that were asked for,
	// unless the budget ran out first.
	Gens uint64
	// Elapsed is the time the stepping took.
	Elapsed time.Duration
	// CellsPerSec is cell updates per second: the universe's cells times
	// Gens over Elapsed.
	CellsPerSec float64
	// Population is the live cells after the last generation.
	Population *big.Int
}

// Measure steps e gens generations, in chunks, and times it. It stops early
// once budget has passed (a budget of 0 means none), so a slow engine still
// gets a rate. cells is the number of cells in e's universe. It returns
// ctx's error if ctx is cancelled.
func Measure(ctx context.Context, e engine.Engine, cells float64, gens uint64, budget time.Duration) (Result, error) {
	var done uint64
	start := time.Now()
	chunk := uint64(1)
	for done < gens {
		n := min(chunk, gens-done)
		if err := e.Step(ctx, n); err != nil {
			return Result{}, err
		}
		done += n
		if budget > 0 && time.Since(start) >= budget {
			break
		}
		chunk = min(chunk*2, 64)
	}
	elapsed := time.Since(start)
	r := Result{Gens: done, Elapsed: elapsed, Population: e.Population()}
	if s := elapsed.Seconds(); s > 0 {
		r.CellsPerSec = cells * float64(done) / s
	}
	return r, nil
}
