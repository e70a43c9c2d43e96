package universe

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"math"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// farCells are cells at the corners and edges of the coordinates every
// reader accepts and HashLife reaches, ±patterns.MaxPos (2^62-1), with a
// few near the origin.
var farCells = func() map[[2]int64]bool {
	const m = patterns.MaxPos
	out := map[[2]int64]bool{}
	for _, c := range [][2]int64{{-m, -m}, {-m, m}, {m, -m}, {m, m}, {-m, 0}, {0, m}, {m - 1, -m}, {0, 0}, {0, 1}, {1, 0}} {
		out[c] = true
	}
	return out
}()

// farFiles returns farCells in every format that gives a position, as
// Golly would write them (the macrocell tree built by the patterns
// package's writer).
func farFiles(t *testing.T) map[string]string {
	t.Helper()
	const m = patterns.MaxPos
	var lif strings.Builder
	lif.WriteString("#Life 1.06\n")
	var l105 strings.Builder
	l105.WriteString("#Life 1.05\n")
	var b patterns.Builder
	for c := range farCells {
		fmt.Fprintf(&lif, "%d %d\n", c[1], c[0])
		fmt.Fprintf(&l105, "#P %d %d\n*\n", c[1], c[0])
		b.Add(c[0]+m, c[1]+m, 1)
	}
	p := &patterns.Pattern{Positioned: true, OriginY: -m, OriginX: -m, Runs: b.Runs()}
	var rle, mc bytes.Buffer
	if err := patterns.WriteRLE(&rle, p); err != nil {
		t.Fatal(err)
	}
	if err := patterns.WriteMacrocell(&mc, p); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"far.rle": rle.String(), "far.lif": lif.String(), "far105.lif": l105.String(), "far.mc": mc.String()}
}

// TestRoundTripExtremes reads cells 2^62-1 from the origin, in every
// direction, from every positioned format into HashLife, and writes them
// in every format: what life writes reads back as the same cells (the
// plaintext of so large a box is refused before it is written).
func TestRoundTripExtremes(t *testing.T) {
	var plane []string // the engines that run the plane
	for _, a := range engine.Algos() {
		if a.Runs(engine.Life) == nil {
			plane = append(plane, a.Name)
		}
	}
	if len(plane) < 2 {
		t.Errorf("engines on the plane: %v, want HashLife and the sparse engine at least", plane)
	}
	for _, eng := range plane {
		t.Run(eng, func(t *testing.T) { roundTripExtremes(t, eng) })
	}
}

func roundTripExtremes(t *testing.T, eng string) {
	s := Settings{Engine: eng, Plane: true}
	for name, text := range farFiles(t) {
		u, _, err := Read(name, strings.NewReader(text), s)
		if err != nil {
			t.Fatalf("%s: %v\n%.400s", name, err, text)
		}
		if got := engineCellSet(u.Eng); !maps.Equal(got, farCells) {
			t.Fatalf("%s: read %v, want %v", name, got, farCells)
		}
		// Read whole, as cells (a macrocell root of depth 63 too).
		p, err := patterns.Read(name, strings.NewReader(text))
		if err != nil {
			t.Fatalf("%s: read as cells: %v", name, err)
		}
		whole := map[[2]int64]bool{}
		y0, x0 := placed(p)
		p.Cells(func(y, x int64) { whole[[2]int64{y0 + y, x0 + x}] = true })
		if !maps.Equal(whole, farCells) {
			t.Fatalf("%s: read as cells %v, want %v", name, whole, farCells)
		}
		for _, f := range patterns.Formats() {
			if f.Write == nil || len(f.Exts) == 0 {
				continue
			}
			var out bytes.Buffer
			err := u.WriteTo(&out, "x"+f.Exts[0], false)
			if f.Name == "plaintext" {
				if !errors.Is(err, patterns.ErrTooLarge) {
					t.Errorf("%s as %s: %v, want ErrTooLarge", name, f.Name, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s as %s: %v", name, f.Name, err)
			}
			written := out.String()
			v, _, err := Read("back"+f.Exts[0], &out, s)
			if err != nil {
				t.Fatalf("%s as %s: reading back: %v\n%.400s", name, f.Name, err, written)
			}
			if got := engineCellSet(v.Eng); !maps.Equal(got, farCells) {
				t.Errorf("%s as %s: read back %v, want %v\n%.400s", name, f.Name, got, farCells, written)
			}
		}
	}
}

// TestRoundTripBigPopulation writes a population past 2^64 (the reach's
// top and bottom rows, whole, and more) as macrocell and reads it back:
// the same population and cells. RLE refuses it, before writing.
func TestRoundTripBigPopulation(t *testing.T) {
	const m = patterns.MaxPos
	r, _ := engine.ParseRule("B3/S23")
	e, err := engine.New("hashlife", r, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rs := e.(engine.RunSetter)
	for _, y := range []int64{-m, -1, 0, m} {
		rs.SetRun(y, -m, math.MaxInt64) // 2^63-1 cells each
	}
	want := "36893488147419103228" // 4 x (2^63-1)
	if got := e.Population().String(); got != want {
		t.Fatalf("population %s, want %s", got, want)
	}
	u := Universe{Eng: e}
	var out bytes.Buffer
	if err := u.WriteTo(&out, "big.rle", false); !errors.Is(err, patterns.ErrTooLarge) || out.Len() != 0 {
		t.Errorf("RLE: %v, %d bytes written, want ErrTooLarge and nothing", err, out.Len())
	}
	out.Reset()
	if err := u.WriteTo(&out, "big.mc", false); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	v, _, err := Read("big.mc", &out, Settings{Engine: "hashlife", Plane: true})
	if err != nil {
		t.Fatalf("reading back: %v\n%s", err, text)
	}
	if got := v.Eng.Population().String(); got != want {
		t.Errorf("read back a population of %s, want %s", got, want)
	}
	if b, ok := v.Eng.Bounds(); !ok || b != (engine.Rect{X: -m, Y: -m, W: math.MaxInt64, H: math.MaxInt64}) {
		t.Errorf("read back with bounds %+v %v, want the whole reach", b, ok)
	}
	for _, c := range [][2]int64{{-m, -m}, {m, m}, {-1, 5}, {0, -m}} {
		if !v.Eng.Cell(c[0], c[1]) {
			t.Errorf("cell %v dead after the round trip", c)
		}
	}
	if v.Eng.Cell(1, 0) || v.Eng.Cell(-m+1, m) {
		t.Error("a dead cell alive after the round trip")
	}
	if n := OutOfReach(v.Eng); n.Sign() != 0 {
		t.Errorf("%s cells out of reach, want none", n)
	}
	if n := CountIn(v.Eng, engine.Rect{X: -m, Y: -m, W: math.MaxInt64, H: math.MaxInt64}); n.String() != want {
		t.Errorf("CountIn the reach: %s, want %s", n, want)
	}
	if n := CountIn(v.Eng, engine.Rect{X: 0, Y: -1, W: math.MaxInt64, H: 2}); n.String() != "9223372036854775808" { // 2 x 2^62
		t.Errorf("CountIn from the origin: %s, want 2^63", n)
	}
}
