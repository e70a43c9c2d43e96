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
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"runtime"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/bitwise"
)

// Kernel names the kernel the bit-parallel engines (bitwise, sparse) step
// their words with in this build on this CPU: "portable", or the SIMD
// instructions of a build with GOEXPERIMENT=simd ([bitwise.Kernel]).
func Kernel() string { return bitwise.Kernel() }

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
	// W and H, for a workload on the unbounded plane, are the size of
	// the square its start is counted over (a soup's); on a bounded grid
	// they are 0, and the universe's size counts.
	W, H int
}

// Cells returns the cells a generation of the workload counts as updated:
// those of its universe, or on the plane those of the square its start is
// counted over (W x H).
func (w Workload) Cells() float64 {
	if t := w.Rule.Topology; t.W > 0 && t.H > 0 {
		return float64(t.W) * float64(t.H)
	}
	return float64(w.W) * float64(w.H)
}

// Workloads returns the standard workloads: dense soups on small and large
// tori, a soup left to settle into ash and a sparse field of spaceships,
// smallest first; then, on the unbounded plane, the two soups
// (mksoup.py's), the acorn to its end and a field of methuselahs.
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
		{Name: "brain-1024", Summary: "50% soup, 1024x1024 torus, Brian's Brain (Generations /2/3)", Rule: rule("/2/3:T1024,1024"), Gens: 100,
			Fill: Soup(0.5, 6)},
		{Name: "bosco-500", Summary: "50% soup, 500x500 torus, Bosco's Rule (Larger than Life, range 5)", Rule: rule("R5,C0,M1,S34..58,B34..45,NM:T500,500"), Gens: 100,
			Fill: Soup(0.5, 7)},
		// The unbounded plane: the soups are mksoup.py's, cell for cell.
		{Name: "plane-soup-512", Summary: "35% soup on the plane, counted over 512x512 (mksoup.py 512 512 0.35 5)", Rule: engine.Life, W: 512, H: 512, Gens: 1000,
			Fill: PlaneSoup(512, 512, 0.35, 5)},
		{Name: "plane-soup-2048", Summary: "35% soup on the plane, counted over 2048x2048 (mksoup.py 2048 2048 0.35 5)", Rule: engine.Life, W: 2048, H: 2048, Gens: 2000,
			Fill: PlaneSoup(2048, 2048, 0.35, 5)},
		{Name: "acorn", Summary: "the acorn on the plane to its end, counted over 256x256", Rule: engine.Life, W: 256, H: 256, Gens: 5206,
			Fill: Shapes(Acorn)},
		{Name: "methuselahs-1024", Summary: "acorns, R-pentominoes and B-heptominoes every 64 cells, plane, counted over 1024x1024", Rule: engine.Life, W: 1024, H: 1024, Gens: 3000,
			Fill: Methuselahs(1024, 64)},
	}
}

// Methuselahs that run long from a few cells, as rows of 'o' and '.'.
var (
	Acorn       = []string{".o.....", "...o...", "oo..ooo"}
	RPentomino  = []string{".oo", "oo.", ".o."}
	BHeptomino  = []string{"o.oo", "ooo.", ".o.."}
	methuselahs = [][]string{Acorn, RPentomino, BHeptomino}
)

// PlaneSoup returns a Fill that puts on the plane the w x h soup of
// density d that the anchors' mksoup.py writes for seed ("mksoup.py h w d
// seed"), with the same generator, where Golly puts it: its top-left cell
// at (-(h/2), -(w/2)).
func PlaneSoup(w, h int, d float64, seed uint32) func(e engine.Engine) {
	return func(e engine.Engine) {
		rng := newMT(seed)
		y0, x0 := -int64(h/2), -int64(w/2)
		for y := range int64(h) {
			run := int64(0)
			for x := range int64(w) {
				if rng.float64() < d {
					run++
					continue
				}
				if run > 0 {
					setRun(e, y0+y, x0+x-run, run)
					run = 0
				}
			}
			if run > 0 {
				setRun(e, y0+y, x0+int64(w)-run, run)
			}
		}
	}
}

// Shapes returns a Fill that puts shape on the plane about the origin.
func Shapes(shape []string) func(e engine.Engine) {
	return func(e engine.Engine) { put(e, shape, -int64(len(shape)/2), -int64(len(shape[0])/2), false, false) }
}

// Methuselahs returns a Fill that puts a methuselah (an acorn, an
// R-pentomino or a B-heptomino, flipped at random) in every every x every
// square of a size x size field about the origin of the plane: they grow
// into one another.
func Methuselahs(size, every int64) func(e engine.Engine) {
	return func(e engine.Engine) {
		rng := rand.New(rand.NewPCG(7, 0x3e7))
		for y := -size / 2; y+every <= size/2; y += every {
			for x := -size / 2; x+every <= size/2; x += every {
				shape := methuselahs[rng.IntN(len(methuselahs))]
				put(e, shape, y+every/2, x+every/2, rng.IntN(2) == 0, rng.IntN(2) == 0)
			}
		}
	}
}

// put sets the cells of shape with its top-left corner at (y, x), flipped
// as asked.
func put(e engine.Engine, shape []string, y, x int64, flipY, flipX bool) {
	for dy, row := range shape {
		for dx, c := range row {
			if c != 'o' {
				continue
			}
			yy, xx := int64(dy), int64(dx)
			if flipY {
				yy = int64(len(shape)) - 1 - yy
			}
			if flipX {
				xx = int64(len(row)) - 1 - xx
			}
			e.SetCell(y+yy, x+xx, true)
		}
	}
}

// rule parses a workload's rule, which is known good.
func rule(text string) engine.Rule {
	r, err := engine.ParseRule(text)
	if err != nil {
		panic(err)
	}
	return r
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

// Row is one engine on one workload, as life bench prints it (and its
// --json writes it).
type Row struct {
	Workload    string  `json:"workload"`
	Engine      string  `json:"engine"`
	Gens        uint64  `json:"generations"`
	Seconds     float64 `json:"seconds"`
	CellsPerSec float64 `json:"cells_per_sec"`
	// PerCore is CellsPerSec over Cores, the cores the engines may use
	// (GOMAXPROCS).
	PerCore float64 `json:"cells_per_sec_per_core"`
	Cores   int     `json:"cores"`
	// Kernel names the kernel the bit-parallel engines ran ([Kernel]).
	Kernel     string  `json:"kernel"`
	Ratio      float64 `json:"ratio_to_protocol,omitempty"`
	Population string  `json:"population"`
}

// Table runs every engine of algos that runs a workload's rule on each of
// the workloads, within budget each (see [Measure]), and returns a row for
// each. The ratio is to the rate of the protocol engine, the engine that
// runs the protocol's step logic ([engine.CustomStep]), when it ran the
// workload.
func Table(ctx context.Context, workloads []Workload, algos []*engine.Algo, budget time.Duration) ([]Row, error) {
	var rows []Row
	for _, w := range workloads {
		first := len(rows)
		protocol := 0.0
		for _, a := range algos {
			if a.Runs(w.Rule) != nil {
				continue // not the engine's family or topology
			}
			eng, err := a.New(w.Rule, engine.Options{})
			if errors.Is(err, engine.ErrUnsupported) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("%s on %s: %w", a.Name, w.Name, err)
			}
			w.Fill(eng)
			res, err := Measure(ctx, eng, w.Cells(), w.Gens, budget)
			if err != nil {
				return nil, fmt.Errorf("%s on %s: %w", a.Name, w.Name, err)
			}
			if a.Has(engine.CustomStep) {
				protocol = res.CellsPerSec
			}
			cores := runtime.GOMAXPROCS(0)
			rows = append(rows, Row{Workload: w.Name, Engine: a.Name, Gens: res.Gens,
				Seconds: res.Elapsed.Seconds(), CellsPerSec: res.CellsPerSec, PerCore: res.CellsPerSec / float64(cores),
				Cores: cores, Kernel: Kernel(), Population: res.Population.String()})
		}
		if protocol > 0 {
			for i := first; i < len(rows); i++ {
				rows[i].Ratio = rows[i].CellsPerSec / protocol
			}
		}
	}
	return rows, nil
}
