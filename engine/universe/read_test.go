package universe

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/life-go/life/patterns"
)

// soupRLE returns a random w x h soup as RLE with the given header size and
// rule.
func soupRLE(w, h int, header, rule string) string {
	r := rand.New(rand.NewPCG(5, 9))
	var b strings.Builder
	b.WriteString(header + ", rule = " + rule + "\n")
	col := 0
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := byte('b')
			if r.IntN(10) < 3 {
				c = 'o'
			}
			b.WriteByte(c)
			if col++; col == 70 {
				b.WriteByte('\n')
				col = 0
			}
		}
		b.WriteByte('$')
	}
	b.WriteString("!\n")
	return b.String()
}

// TestReadStreams checks which patterns' cells Read hands straight to the
// engine as they are read (those whose header places them: an RLE's
// declared size, a position on the plane) on the fastest engine, and that
// it gives what Load of the whole pattern gives, whichever way its cells
// went, on that engine and on the protocol engine (which does not run the
// plane: a torus stands in for it).
func TestReadStreams(t *testing.T) {
	for _, tc := range []struct {
		name, rle string
		streams   bool
	}{
		{"torus of the soup's size", soupRLE(300, 200, "x = 300, y = 200", "B3/S23:T300,200"), true},
		{"larger torus", soupRLE(300, 200, "x = 300, y = 200", "B36/S23:T500,300"), true},
		{"cells past the declared size", soupRLE(300, 200, "x = 200, y = 200", "B3/S23:T400,400"), false},
		{"the plane", soupRLE(300, 200, "x = 300, y = 200", "B3/S23"), true},
		{"positioned on the plane", "#CXRLE Pos=-7,12 Gen=3\nx = 3, y = 3\nbo$2bo$3o!\n", true},
		{"positioned on a torus", "#CXRLE Pos=-7,12\nx = 3, y = 3, rule = B3/S23:T20,30\nbo$2bo$3o!\n", false},
		{"Life 1.06, positioned", "#Life 1.06\n0 0\n1 1\n-1 1\n", true},
		{"macrocell, positioned", "[M2] (golly 3.3)\n#R B3/S23\n$$$$$$*$$\n.*$\n4 1 0 2 0\n", true},
		// A plaintext pattern's size, which centres it, is known only
		// at its end: its cells are gathered, then placed.
		{"plaintext", "!Name: x\n.O\nOO\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, s := range []Settings{{Engine: "auto", Plane: true}, {Engine: "protocol", Plane: true}} {
				u, h, streamed, err := read(tc.name, strings.NewReader(tc.rle), s)
				if err != nil {
					t.Fatal(err)
				}
				if s.Engine == "auto" && streamed != tc.streams {
					t.Errorf("%s: streamed %v, want %v", s.Engine, streamed, tc.streams)
				}
				p, err := patterns.Read(tc.name, strings.NewReader(tc.rle))
				if err != nil {
					t.Fatal(err)
				}
				want, err := Load(p, tc.name, s)
				if err != nil {
					t.Fatal(err)
				}
				if got, want := rleOf(t, u), rleOf(t, want); got != want {
					t.Errorf("%s: read\n%.300s\nwant\n%.300s", s.Engine, got, want)
				}
				if w, h0 := p.Size(); h.W != w || h.H != h0 {
					t.Errorf("%s: header size %d x %d, want %d x %d", s.Engine, h.W, h.H, w, h0)
				}
			}
		})
	}
}

// rleOf returns u as Golly's GUI would save it.
func rleOf(t *testing.T, u Universe) string {
	t.Helper()
	var b strings.Builder
	if err := u.WriteTo(&b, "", true); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
