package universe

import (
	"strings"
	"testing"

	"github.com/life-go/life/patterns"
)

// TestUILoader checks the topology and engine Load picks for the UI,
// which fits a torus that stands in for the plane to the window.
func TestUILoader(t *testing.T) {
	glider := "x = 3, y = 3\nbo$2bo$3o!\n"
	for _, c := range []struct {
		name, rle string
		s         Settings
		fit       Size
		want      string
		implied   bool
		engine    string
	}{
		{"fits the window", glider, Settings{}, Size{W: 120, H: 76}, "B3/S23:T120,76", true, "bitwise"},
		{"larger than the window", glider, Settings{Gens: 4}, Size{W: 2, H: 2}, "B3/S23:T13,13", true, "bitwise"},
		{"--torus", glider, Settings{Torus: "30x20"}, Size{W: 120, H: 76}, "B3/S23:T30,20", false, "bitwise"},
		{"suffix", "x = 3, y = 3, rule = B36/S23:T10,10\nbo$2bo$3o!\n", Settings{}, Size{W: 120, H: 76}, "B36/S23:T10,10", false, "bitwise"},
		// The UI's auto: the protocol engine where it runs the topology,
		// else the fastest; a named engine as named.
		{"auto, a torus", glider, Settings{Engine: "auto", Watch: true}, Size{W: 120, H: 76}, "B3/S23:T120,76", true, "protocol"},
		// The plane, as the UI asks for it: the sparse engine, whatever
		// the window; --torus, a suffix or an engine that does not run
		// it, a torus.
		{"plane", glider, Settings{Engine: "auto", Watch: true, Plane: true}, Size{W: 120, H: 76}, "B3/S23", false, "sparse"},
		{"plane, :T0,0", glider, Settings{Engine: "auto", Watch: true, Plane: true, Rule: "B3/S23:T0,0"}, Size{W: 2, H: 2}, "B3/S23", false, "sparse"},
		{"plane, --torus", glider, Settings{Engine: "auto", Watch: true, Plane: true, Torus: "30x20"}, Size{W: 120, H: 76}, "B3/S23:T30,20", false, "protocol"},
		{"plane, suffix", "x = 3, y = 3, rule = B36/S23:T10,10\nbo$2bo$3o!\n", Settings{Engine: "auto", Watch: true, Plane: true}, Size{W: 120, H: 76}, "B36/S23:T10,10", false, "protocol"},
		{"plane, --engine protocol", glider, Settings{Engine: "protocol", Watch: true, Plane: true}, Size{W: 120, H: 76}, "B3/S23:T120,76", true, "protocol"},
		{"auto, a bounded plane", glider, Settings{Engine: "auto", Watch: true, Rule: "B3/S23:P20,10"}, Size{W: 120, H: 76}, "B3/S23:P20,10", false, "protocol"},
		{"--engine bitwise", glider, Settings{Engine: "bitwise", Watch: true}, Size{W: 120, H: 76}, "B3/S23:T120,76", true, "bitwise"},
	} {
		p, err := patterns.ReadRLE(c.name, strings.NewReader(c.rle))
		if err != nil {
			t.Fatal(err)
		}
		s := c.s
		s.Fit = c.fit
		u, err := Load(p, c.name, s)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := u.Eng.Rule().String(); got != c.want || u.Implied != c.implied || u.Eng.Population().Int64() != 5 || u.Eng.Name() != c.engine {
			t.Errorf("%s: %s implied %v pop %v on %s, want %s implied %v pop 5 on %s", c.name, got, u.Implied, u.Eng.Population(), u.Eng.Name(), c.want, c.implied, c.engine)
		}
	}
}
