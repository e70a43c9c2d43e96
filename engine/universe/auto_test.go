package universe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// TestAutoAlgo checks the engine auto starts a pattern on before its cells
// are loaded: the ordinary fastest, and HashLife for a macrocell file,
// steps of 2^k generations and a pattern too big for tiles.
func TestAutoAlgo(t *testing.T) {
	torus, _ := engine.ParseRule("B3/S23:T64,64")
	for _, c := range []struct {
		name   string
		r      engine.Rule
		s      Settings
		w, h   int64
		format string
		want   string
		why    string
		far    bool
	}{
		{"a glider", engine.Life, Settings{}, 3, 3, "RLE", "sparse", "", false},
		{"a torus", torus, Settings{}, 3, 3, "RLE", "bitwise", "", false},
		{"macrocell", engine.Life, Settings{}, 3, 3, "macrocell", "hashlife", "a macrocell file", false},
		{"--step 2^10", engine.Life, Settings{Jump: 1024}, 3, 3, "RLE", "hashlife", "steps of 2^10 generations", false},
		{"--step 1000", engine.Life, Settings{Jump: 1000}, 3, 3, "RLE", "sparse", "", false},
		{"--step 1", engine.Life, Settings{Jump: 1}, 3, 3, "RLE", "sparse", "", false},
		{"ping-pong", engine.Life, Settings{}, 210515, 183739, "RLE", "hashlife", "a pattern 210515 x 183739 cells, too big for tiles", false},
		{"macrocell on a torus", torus, Settings{}, 3, 3, "macrocell", "bitwise", "", false},
		{"far", engine.Life, Settings{}, 3, 3, "Life 1.06", "hashlife", "a pattern more than 2^60 cells from the origin, beyond the tiles' reach", true},
		// Every two-state family, B0 with Smax and without, on the plane.
		{"isotropic", rule(t, "B2-a/S12"), Settings{}, 3, 3, "RLE", "sparse", "", false},
		{"MAP", rule(t, "MAPARYXfhZofugWaH7oaIDogBZofuhogOiAaIDogIAAgAAWaH7oaIDogGiA6ICAAIAAaIDogIAAgACAAIAAAAAAAA"), Settings{}, 3, 3, "RLE", "sparse", "", false},
		{"hexagonal", rule(t, "B2/S34H"), Settings{}, 3, 3, "RLE", "sparse", "", false},
		{"von Neumann", rule(t, "B1/S1V"), Settings{}, 3, 3, "RLE", "sparse", "", false},
		{"Wolfram", rule(t, "W110"), Settings{}, 3, 3, "RLE", "sparse", "", false},
		{"B0 without Smax", rule(t, "B013568/S01"), Settings{}, 3, 3, "RLE", "sparse", "", false},
		{"B0 with Smax", rule(t, "B0123478/S01234678"), Settings{}, 3, 3, "RLE", "sparse", "", false},
		{"Generations", rule(t, "3/23/3"), Settings{}, 3, 3, "RLE", "ghash", "", false},
	} {
		a, why, err := c.s.autoAlgo(c.r, c.w, c.h, c.format, c.far)
		if err != nil || a.Name != c.want || why != c.why {
			t.Errorf("%s: %v %q %v, want %s %q", c.name, a, why, err, c.want, c.why)
		}
	}
}

// rule returns the rule text names.
func rule(t *testing.T, text string) engine.Rule {
	t.Helper()
	r, err := engine.ParseRule(text)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestLong checks which runs are astronomically long for their patterns.
func TestLong(t *testing.T) {
	for _, c := range []struct {
		gens uint64
		pop  int64
		box  engine.Rect
		want bool
	}{
		{1_000_000_000, 5, engine.Rect{W: 3, H: 3}, true},                // a glider far
		{5206, 7, engine.Rect{W: 7, H: 3}, false},                        // acorn to its end
		{1_000_000_000, 6000, engine.Rect{W: 2993, H: 747}, true},        // golly-ticker
		{1_000_000_000, 1_500_000, engine.Rect{W: 2048, H: 2048}, false}, // a soup: chaos first
		{2000, 1_500_000, engine.Rect{W: 2048, H: 2048}, false},
		{1 << 20, 5, engine.Rect{W: 2000, H: 3}, false}, // 2^20 < 1024 x 2000
		{1 << 22, 5, engine.Rect{W: 2000, H: 3}, true},
	} {
		if got := Long(c.gens, c.pop, c.box); got != c.want {
			t.Errorf("Long(%d, %d, %v) = %v, want %v", c.gens, c.pop, c.box, got, c.want)
		}
	}
}

// TestLoadLong checks that auto moves a pattern run astronomically long
// to HashLife once its cells are loaded, and leaves dense chaos and short
// runs on the sparse engine.
func TestLoadLong(t *testing.T) {
	glider := "x = 3, y = 3\nbo$2bo$3o!\n"
	var soup strings.Builder
	soup.WriteString("x = 100, y = 100\n")
	rng := rand.New(rand.NewPCG(1, 2))
	for y := range 100 {
		for range 100 {
			if rng.IntN(2) == 0 {
				soup.WriteByte('o')
			} else {
				soup.WriteByte('b')
			}
		}
		if y < 99 {
			soup.WriteString("$\n")
		}
	}
	soup.WriteString("!\n")
	for _, c := range []struct {
		name, rle string
		gens      uint64
		engine    string
	}{
		{"a glider, 10^9", glider, 1_000_000_000, "hashlife"},
		{"a glider, 1000", glider, 1000, "sparse"},
		{"a soup, 10^9", soup.String(), 1_000_000_000, "sparse"},
		{"a soup, 1000", soup.String(), 1000, "sparse"},
	} {
		for _, stream := range []bool{false, true} {
			s := Settings{Engine: "auto", Plane: true, Gens: c.gens}
			var u Universe
			var err error
			if stream {
				u, _, err = Read(c.name, strings.NewReader(c.rle), s)
			} else {
				p, perr := patterns.ReadRLE(c.name, strings.NewReader(c.rle))
				if perr != nil {
					t.Fatal(perr)
				}
				u, err = Load(p, c.name, s)
			}
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if u.Eng.Name() != c.engine || u.Gen().Sign() != 0 {
				t.Errorf("%s (stream %v): on %s at generation %s, want %s at 0", c.name, stream, u.Eng.Name(), u.Gen(), c.engine)
			}
		}
	}
}

// jumpRecorder is a HashLife engine that records its jumps.
type jumpRecorder struct {
	engine.Engine
	jumps []uint
}

func (j *jumpRecorder) StepPow2(ctx context.Context, k uint) error {
	j.jumps = append(j.jumps, k)
	return j.Engine.(engine.Pow2Stepper).StepPow2(ctx, k)
}

func (j *jumpRecorder) Step(ctx context.Context, n uint64) error {
	panic("Step called: the runner splits no natural jumps")
}

// glider returns a universe holding a glider on e.
func gliderOn(t *testing.T, name string) Universe {
	t.Helper()
	p, err := patterns.ReadRLE("glider", strings.NewReader("x = 3, y = 3\nbo$2bo$3o!\n"))
	if err != nil {
		t.Fatal(err)
	}
	u, err := Load(p, "glider", Settings{Engine: name, Plane: true})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestRunnerJumps checks that the runner steps an engine with hyperspeed
// in the jumps its own Step takes, the powers of two of the run from the
// smallest, and in steps of the unit when it has one.
func TestRunnerJumps(t *testing.T) {
	u := gliderOn(t, "hashlife")
	rec := &jumpRecorder{Engine: u.Eng}
	u.Eng = rec
	var progress []uint64
	r := Runner{Progress: func(p Progress) { progress = append(progress, p.Done) }}
	if err := r.Run(context.Background(), &u, 1_000_000_000); err != nil {
		t.Fatal(err)
	}
	var want []uint
	for k := uint(0); k < 64; k++ {
		if 1_000_000_000>>k&1 != 0 {
			want = append(want, k)
		}
	}
	if !slices.Equal(rec.jumps, want) || len(progress) != len(want) || progress[len(progress)-1] != 1_000_000_000 {
		t.Errorf("jumps %v, progress %v; want jumps %v", rec.jumps, progress, want)
	}
	if g := u.Gen(); g.Cmp(big.NewInt(1_000_000_000)) != 0 || u.Eng.Population().Int64() != 5 {
		t.Errorf("generation %s population %s", g, u.Eng.Population())
	}
	rec.jumps = nil
	r = Runner{Unit: 1 << 10}
	if err := r.Run(context.Background(), &u, 5<<10); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rec.jumps, []uint{10, 10, 10, 10, 10}) {
		t.Errorf("--step 2^10: jumps %v", rec.jumps)
	}
}

// TestRunnerSwitchToHashlife runs a glider a billion generations from the
// sparse engine under auto: the runner tries HashLife, which finishes at
// once, and moves there, saying so once; the glider is where it should be.
func TestRunnerSwitchToHashlife(t *testing.T) {
	u := gliderOn(t, "sparse")
	var said []string
	r := Runner{Auto: true, TrialAfter: 20 * time.Millisecond, Switched: func(m string) { said = append(said, m) }}
	const gens = 1 << 30
	if err := r.Run(context.Background(), &u, gens); err != nil {
		t.Fatal(err)
	}
	if u.Eng.Name() != "hashlife" || len(said) != 1 || !strings.Contains(said[0], "switched to hashlife at generation ") {
		t.Fatalf("on %s, said %q", u.Eng.Name(), said)
	}
	if g := u.Gen(); g.Cmp(big.NewInt(gens)) != 0 {
		t.Fatalf("generation %s, want %d", g, gens)
	}
	// The glider moves a cell down and right every 4 generations.
	box, _ := u.Eng.Bounds()
	want := gliderOn(t, "hashlife")
	wb, _ := want.Eng.Bounds()
	if box.X != wb.X+gens/4 || box.Y != wb.Y+gens/4 || u.Eng.Population().Int64() != 5 {
		t.Errorf("the glider is at %v, want %v moved by %d", box, wb, gens/4)
	}
	// Without auto it stays where it is.
	u = gliderOn(t, "sparse")
	r = Runner{TrialAfter: time.Millisecond}
	if err := r.Run(context.Background(), &u, 1<<16); err != nil || u.Eng.Name() != "sparse" {
		t.Errorf("without auto: on %s, %v", u.Eng.Name(), err)
	}
}

// TestTrialPolicy checks which engine the runner would try mid-run: none
// with hyperspeed from the sparse engine while the pattern is dense
// chaos (a soup of Life, of an isotropic rule, of a MAP rule), HashLife
// once it is not (a glider; a field of blocks), and the sparse engine
// from HashLife whatever the pattern.
func TestTrialPolicy(t *testing.T) {
	soup := func(rule string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "x = 128, y = 128, rule = %s\n", rule)
		rng := rand.New(rand.NewPCG(5, 6))
		for y := range 128 {
			for range 128 {
				b.WriteByte("bo"[rng.IntN(2)])
			}
			if y < 127 {
				b.WriteString("$\n")
			}
		}
		return b.String() + "!\n"
	}
	// 64 x 64 blocks gap cells apart: 16,384 cells in a box of 506 x 506
	// for a gap of 8, one cell in 15.6 of it, dense; in 632 x 632 for 10,
	// one in 24.4, not.
	blocks := func(gap int) string {
		var b strings.Builder
		fmt.Fprintf(&b, "x = %d, y = %d\n", 64*gap-gap+2, 64*gap-gap+2)
		for r := range 64 {
			line := strings.Repeat(fmt.Sprintf("2o%db", gap-2), 63) + "2o"
			b.WriteString(line + "$" + line)
			if r < 63 {
				fmt.Fprintf(&b, "%d$", gap-1)
			}
		}
		return b.String() + "!\n"
	}
	for _, c := range []struct {
		name, rle, on, want string
	}{
		{"Life soup", soup("B3/S23"), "sparse", ""},
		{"isotropic soup", soup("B2-a/S12"), "sparse", ""},
		{"MAP soup", soup("MAPeUSoh6pZJGEC/197RqTPdbDdmTqOAKmfJfpwXilW5zUPk9EzE4Ov0VauZ8zXFgTrD9HqqYI5F/38bPJxHKls+A"), "sparse", ""},
		{"dense blocks", blocks(8), "sparse", ""},
		{"sparse blocks", blocks(10), "sparse", "hashlife"},
		{"glider", "x = 3, y = 3\nbo$2bo$3o!\n", "sparse", "hashlife"},
		{"Life soup on hashlife", soup("B3/S23"), "hashlife", "sparse"},
		{"MAP soup on hashlife", soup("MAPeUSoh6pZJGEC/197RqTPdbDdmTqOAKmfJfpwXilW5zUPk9EzE4Ov0VauZ8zXFgTrD9HqqYI5F/38bPJxHKls+A"), "hashlife", "sparse"},
	} {
		p, err := patterns.ReadRLE(c.name, strings.NewReader(c.rle))
		if err != nil {
			t.Fatal(err)
		}
		u, err := Load(p, c.name, Settings{Engine: c.on, Plane: true})
		if err != nil {
			t.Fatal(err)
		}
		var r Runner
		got := ""
		if a := r.trialAlgo(u.Eng); a != nil {
			got = a.Name
		}
		box, _ := u.Eng.Bounds()
		if got != c.want {
			t.Errorf("%s (%v cells in %d x %d) on %s: tries %q, want %q", c.name, u.Eng.Population(), box.W, box.H, c.on, got, c.want)
		}
	}
}

// TestRunnerSwitchToSparse runs a chaotic soup one generation a step from
// HashLife under auto: the runner tries the sparse engine, which is many
// times faster on chaos, and moves there; the result is the same cell for
// cell.
func TestRunnerSwitchToSparse(t *testing.T) {
	var b strings.Builder
	b.WriteString("x = 256, y = 256\n")
	rng := rand.New(rand.NewPCG(3, 4))
	for y := range 256 {
		for range 256 {
			b.WriteByte("bo"[rng.IntN(2)])
		}
		if y < 255 {
			b.WriteString("$\n")
		}
	}
	b.WriteString("!\n")
	p, err := patterns.ReadRLE("soup", strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	gens := uint64(4000)
	if raceEnabled {
		gens = 1500
	}
	u, err := Load(p, "soup", Settings{Engine: "hashlife", Plane: true})
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	r := Runner{Auto: true, Unit: 1, TrialAfter: 20 * time.Millisecond, Switched: func(m string) { said = append(said, m) }}
	if err := r.Run(context.Background(), &u, gens); err != nil {
		t.Fatal(err)
	}
	// The first trial finds the sparse engine many times faster (70x
	// here); a later one, timed on a loaded machine, may find otherwise
	// and switch back, which is the runner's right: the cells are checked
	// whichever engine the run ends on.
	if len(said) == 0 || !strings.Contains(said[0], "switched to sparse") {
		t.Fatalf("on %s, said %q", u.Eng.Name(), said)
	}
	ref, err := Load(p, "soup", Settings{Engine: "sparse", Plane: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := ref.Eng.Step(context.Background(), gens); err != nil {
		t.Fatal(err)
	}
	if got, want := cellsOf(u.Eng), cellsOf(ref.Eng); !slices.Equal(got, want) || u.Gen().Uint64() != gens {
		t.Errorf("generation %s: %d cells, want %d at %d", u.Gen(), len(got), len(want), gens)
	}
}

// cellsOf lists e's live cells.
func cellsOf(e engine.Engine) []string {
	var cs []string
	if box, ok := e.Bounds(); ok {
		e.Visit(box, func(y, x int64) { cs = append(cs, fmt.Sprint(y, x)) })
	}
	return cs
}

// TestWatchKeepsUp checks the UI's start on a bounded grid: the protocol
// engine when it keeps up with the rate asked, else the fastest engine,
// with the reason for the status bar.
func TestWatchKeepsUp(t *testing.T) {
	p, err := patterns.ReadRLE("glider", strings.NewReader("x = 3, y = 3, rule = B3/S23:T64,64\nbo$2bo$3o!\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		rate   float64
		engine string
		why    string
	}{
		{1e-3, "protocol", ""},
		{1e12, "bitwise", "protocol would not keep up with 1e+12 gens/s: started on bitwise"},
		{0, "protocol", ""},
	} {
		u, err := Load(p, "glider", Settings{Engine: "auto", Watch: true, Rate: c.rate})
		if err != nil {
			t.Fatal(err)
		}
		if u.Eng.Name() != c.engine || u.Why != c.why || u.Eng.Population().Int64() != 5 {
			t.Errorf("rate %g: on %s (%q), pop %s; want %s (%q)", c.rate, u.Eng.Name(), u.Why, u.Eng.Population(), c.engine, c.why)
		}
	}
}

// TestForJump checks the UI's jumps: one astronomically long for the
// pattern moves it to HashLife first; a short one, or one on HashLife
// already, leaves it where it is.
func TestForJump(t *testing.T) {
	u := gliderOn(t, "sparse")
	if w, why := ForJump(u, 1000, engine.Options{}); w.Eng != u.Eng || why != "" {
		t.Errorf("a jump of 1000: on %s, %q", w.Eng.Name(), why)
	}
	w, why := ForJump(u, 1<<40, engine.Options{})
	if w.Eng.Name() != "hashlife" || why != "sparse for a jump of 1,099,511,627,776 generations: switched to hashlife" || w.Eng.Population().Int64() != 5 {
		t.Errorf("a jump of 2^40: on %s, %q", w.Eng.Name(), why)
	}
	if v, why := ForJump(w, 1<<40, engine.Options{}); v.Eng != w.Eng || why != "" {
		t.Errorf("on hashlife already: on %s, %q", v.Eng.Name(), why)
	}
}

// TestMacrocellOnHashlife loads a glider saved as macrocell: auto puts it
// on HashLife, the same glider saved as RLE on the sparse engine.
func TestMacrocellOnHashlife(t *testing.T) {
	p, err := patterns.ReadRLE("glider", strings.NewReader("x = 3, y = 3\nbo$2bo$3o!\n"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, c := range []struct{ file, engine string }{{"g.mc", "hashlife"}, {"g.rle", "sparse"}} {
		w, err := patterns.WriterFor(c.file)
		if err != nil {
			t.Fatal(err)
		}
		path := dir + "/" + c.file
		if err := WriteFile(path, func(out io.Writer) error { return w(context.Background(), out, p, p, patterns.Limits{}) }); err != nil {
			t.Fatal(err)
		}
		u, _, _, err := LoadPath(path, nil, Settings{Engine: "auto", Plane: true, Gens: 100})
		if err != nil {
			t.Fatal(err)
		}
		if u.Eng.Name() != c.engine || u.Eng.Population().Int64() != 5 {
			t.Errorf("%s: on %s, population %s; want %s, 5", c.file, u.Eng.Name(), u.Eng.Population(), c.engine)
		}
	}
}

// TestPlaneOnlyEngineRefuses: an engine named that runs the plane alone
// (sparse, hashlife) and not the file's rule there says why, rather than
// refusing the torus that would stand in for the plane on other engines.
func TestPlaneOnlyEngineRefuses(t *testing.T) {
	for _, c := range []struct{ engine, rule, want string }{
		{"sparse", "3/23/3", "b0.rle: Generations rules are not supported yet by the sparse engine (it runs Life-like, isotropic non-totalistic, MAP, hexagonal, von Neumann, Wolfram 1-D)"},
		{"sparse", "R2,C0,M1,S2..3,B3..3,NM", "b0.rle: Larger than Life rules are not supported yet by the sparse engine (it runs Life-like, isotropic non-totalistic, MAP, hexagonal, von Neumann, Wolfram 1-D)"},
	} {
		p, err := patterns.ReadRLE("b0.rle", strings.NewReader("x = 3, y = 3, rule = "+c.rule+"\nbo$2bo$3o!\n"))
		if err != nil {
			t.Fatal(err)
		}
		_, err = Load(p, "b0.rle", Settings{Engine: c.engine, Plane: true, Gens: 5})
		var ie InputError
		if err == nil || err.Error() != c.want || !errors.As(err, &ie) {
			t.Errorf("%s on %s: error %v; want the input error %q", c.rule, c.engine, err, c.want)
		}
	}
	// On an engine that runs bounded grids too, a torus still stands in.
	p, _ := patterns.ReadRLE("b0.rle", strings.NewReader("x = 3, y = 3, rule = B2/S34H\nbo$2bo$3o!\n"))
	if _, err := Load(p, "b0.rle", Settings{Engine: "bitwise", Plane: true, Gens: 5}); err != nil {
		t.Errorf("B2/S34H on bitwise: %v", err)
	}
}

// TestFarToHashLife: under auto, a positioned file whose cells lie beyond
// FarCoord goes to HashLife, whose reach is 2^62-1, not to the sparse
// engine, whose universe ends at 2^62: in every positioned format, where
// the place is known at the header (RLE's Pos) or only from the cells
// (Life 1.06), and the glider then runs there.
func TestFarToHashLife(t *testing.T) {
	const far = 1<<62 - 40
	for name, text := range map[string]string{
		"far.rle":  fmt.Sprintf("#CXRLE Pos=%d,%d\nx = 3, y = 3, rule = B3/S23\nbo$2bo$3o!\n", int64(far), int64(far)),
		"far.lif":  fmt.Sprintf("#Life 1.06\n%d %d\n%d %d\n%d %d\n%d %d\n%d %d\n", far+1, far, far+2, far+1, far, far+2, far+1, far+2, far+2, far+2),
		"near.lif": "#Life 1.06\n1 0\n2 1\n0 2\n1 2\n2 2\n",
	} {
		u, _, err := Read(name, strings.NewReader(text), Settings{Engine: "auto", Plane: true, Gens: 100})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := "hashlife"
		if name == "near.lif" {
			want = "sparse"
		}
		if u.Eng.Name() != want {
			t.Errorf("%s: on %s, want %s", name, u.Eng.Name(), want)
		}
		if err := u.Eng.Step(context.Background(), 100); err != nil || u.Eng.Population().Int64() != 5 {
			t.Errorf("%s: 100 generations: %v, population %v", name, err, u.Eng.Population())
		}
	}
}

// stepRecorder is an engine that records the steps it is asked for.
type stepRecorder struct {
	engine.Engine
	steps []uint64
}

func (s *stepRecorder) Step(ctx context.Context, n uint64) error {
	s.steps = append(s.steps, n)
	return s.Engine.Step(ctx, n)
}

// TestRunnerCapsMemoJumps checks that the runner takes its chunks on an
// engine that memoises jumps of 2^k without hyperspeed (ghash) in steps of
// at most MaxMemoJump, and the same run ends where one step would.
func TestRunnerCapsMemoJumps(t *testing.T) {
	p, err := patterns.ReadRLE("bb", strings.NewReader("x = 4, y = 3, rule = /2/3\n.AB$A2.A$.B!\n"))
	if err != nil {
		t.Fatal(err)
	}
	load := func() Universe {
		u, err := Load(p, "bb", Settings{Engine: "ghash", Plane: true})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	u := load()
	rec := &stepRecorder{Engine: u.Eng}
	u.Eng = rec
	// Chunks double while they take under a chunk time: a long one lets
	// them grow past the cap at once.
	r := Runner{ChunkTime: time.Hour}
	const n = 5000
	if err := r.Run(context.Background(), &u, n); err != nil {
		t.Fatal(err)
	}
	sum := uint64(0)
	for _, s := range rec.steps {
		if s > MaxMemoJump {
			t.Fatalf("steps %v: one is over %d", rec.steps, MaxMemoJump)
		}
		sum += s
	}
	if sum != n || !slices.Contains(rec.steps, MaxMemoJump) {
		t.Errorf("steps %v: sum %d, want %d with steps of %d", rec.steps, sum, n, MaxMemoJump)
	}
	ref := load()
	if err := ref.Eng.Step(context.Background(), n); err != nil {
		t.Fatal(err)
	}
	if got, want := rec.Engine.Population(), ref.Eng.Population(); got.Cmp(want) != 0 {
		t.Errorf("population %s after %d, one step gives %s", got, n, want)
	}
}
