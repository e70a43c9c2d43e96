package universe

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// picture returns the cells of e in r as rows of '.' and 'o'.
func picture(e engine.Engine, r engine.Rect) string {
	var b strings.Builder
	for y := r.Y; y < r.Y+r.H; y++ {
		for x := r.X; x < r.X+r.W; x++ {
			if e.Cell(y, x) {
				b.WriteByte('o')
			} else {
				b.WriteByte('.')
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// drawn returns an engine of the named kind (on the plane, or a torus for
// a rule with a suffix) with the cells of rows ('o' alive) from (y, x).
func drawn(t *testing.T, name, rule string, y, x int64, rows ...string) engine.Engine {
	t.Helper()
	r, err := engine.ParseRule(rule)
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine.New(name, r, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		for j, c := range row {
			if c == 'o' {
				e.SetCell(y+int64(i), x+int64(j), true)
			}
		}
	}
	return e
}

// rows joins rows as picture writes them.
func rows(rs ...string) string { return strings.Join(rs, "\n") + "\n" }

// edited are the engines the editing tests run on: the unbounded plane
// and a torus, on whose edges rectangles are clipped.
var edited = []struct{ name, rule string }{{"hashlife", "B3/S23"}, {"bitwise", "B3/S23:T12,10"}, {"protocol", "B3/S23:T12,10"}}

// TestCopyPaste copies a rectangle with empty margins and pastes it back
// in each mode over a pattern, checking every cell.
func TestCopyPaste(t *testing.T) {
	for _, k := range edited {
		t.Run(k.name, func(t *testing.T) {
			src := drawn(t, k.name, k.rule, 1, 1,
				".o.",
				"..o",
				"ooo")
			clip := Copy(src, engine.Rect{X: 0, Y: 0, W: 5, H: 4})
			if clip.W != 5 || clip.H != 4 || clip.Population() != 5 {
				t.Fatalf("Copy: %d x %d with %d cells, want 5 x 4 with 5", clip.W, clip.H, clip.Population())
			}
			under := []string{
				"ooooo",
				"o...o",
				"ooooo",
				".....",
			}
			for _, c := range []struct {
				mode PasteMode
				want string
			}{
				{PasteOr, rows("ooooo", "o.o.o", "ooooo", ".ooo.")},
				{PasteCopy, rows(".....", "..o..", "...o.", ".ooo.")},
				{PasteXor, rows("ooooo", "o.o.o", "ooo.o", ".ooo.")},
				{PasteAnd, rows(".....", ".....", "...o.", ".....")},
			} {
				e := drawn(t, k.name, k.rule, 2, 3, under...)
				if d := Paste(e, clip, 2, 3, c.mode); d != 0 {
					t.Errorf("%v: %d cells dropped", c.mode, d)
				}
				if got := picture(e, engine.Rect{X: 3, Y: 2, W: 5, H: 4}); got != c.want {
					t.Errorf("paste %v:\n%s\nwant\n%s", c.mode, got, c.want)
				}
				if got := CountIn(e, engine.Rect{X: -100, Y: -100, W: 200, H: 200}).Int64(); got != int64(strings.Count(c.want, "o")) {
					t.Errorf("paste %v: %d cells in all, want only those in the rectangle", c.mode, got)
				}
			}
		})
	}
}

// TestPasteClipped pastes across a torus's edge: the cells beyond it are
// left out and counted.
func TestPasteClipped(t *testing.T) {
	e := drawn(t, "bitwise", "B3/S23:T12,10", 0, 0)
	glider := Copy(drawn(t, "hashlife", "B3/S23", 0, 0, ".o.", "..o", "ooo"), engine.Rect{W: 3, H: 3})
	if d := Paste(e, glider, 8, 10, PasteOr); d != 4 {
		t.Errorf("a glider pasted at (8, 10) of a 12 x 10 torus: %d cells dropped, want 4", d)
	}
	if got := e.Population().Int64(); got != 1 || !e.Cell(8, 11) {
		t.Errorf("population %d, want the one cell at (8, 11)", got)
	}
}

// TestClearFillShrink clears inside and outside a rectangle, fills one at
// a density and shrinks one to its live cells.
func TestClearFillShrink(t *testing.T) {
	for _, k := range edited {
		t.Run(k.name, func(t *testing.T) {
			pic := []string{
				"oooo",
				"oooo",
				"oooo",
				"oooo",
			}
			r := engine.Rect{X: 2, Y: 2, W: 2, H: 2}
			e := drawn(t, k.name, k.rule, 1, 1, pic...)
			Clear(e, r)
			if got, want := picture(e, engine.Rect{X: 1, Y: 1, W: 4, H: 4}), rows("oooo", "o..o", "o..o", "oooo"); got != want {
				t.Errorf("Clear:\n%s\nwant\n%s", got, want)
			}
			e = drawn(t, k.name, k.rule, 1, 1, pic...)
			ClearOutside(e, r)
			if got, want := picture(e, engine.Rect{X: 1, Y: 1, W: 4, H: 4}), rows("....", ".oo.", ".oo.", "...."); got != want || e.Population().Int64() != 4 {
				t.Errorf("ClearOutside:\n%s\nwant\n%s", got, want)
			}
			if s, ok := Shrink(e, engine.Rect{X: 0, Y: 0, W: 8, H: 8}); !ok || s != r {
				t.Errorf("Shrink: %+v %v, want %+v", s, ok, r)
			}
			if _, ok := Shrink(e, engine.Rect{X: 5, Y: 5, W: 3, H: 3}); ok {
				t.Errorf("Shrink of an empty rectangle: ok")
			}
			// Fill at 0 clears, at 1 fills, at 0.5 about half.
			f := engine.Rect{X: 0, Y: 0, W: 10, H: 8}
			rnd := rand.New(rand.NewPCG(1, 2))
			Fill(e, f, 1, rnd)
			if got := CountIn(e, f).Int64(); got != 80 || e.Population().Int64() != 80 {
				t.Errorf("Fill at 1: %d cells, want 80", got)
			}
			Fill(e, f, 0, rnd)
			if got := e.Population().Int64(); got != 0 {
				t.Errorf("Fill at 0: %d cells, want 0", got)
			}
			Fill(e, f, 0.5, rnd)
			if got := e.Population().Int64(); got < 25 || got > 55 {
				t.Errorf("Fill at 0.5: %d cells of 80", got)
			}
		})
	}
}

// TestFlipRotate flips and rotates an L in a 3 x 2 rectangle as Golly
// does, and checks where the rotated rectangle lands.
func TestFlipRotate(t *testing.T) {
	for _, k := range edited {
		t.Run(k.name, func(t *testing.T) {
			r := engine.Rect{X: 4, Y: 3, W: 3, H: 2}
			l := []string{"o..", "ooo"}
			e := drawn(t, k.name, k.rule, 3, 4, l...)
			Flip(e, r, true)
			if got, want := picture(e, r), rows("..o", "ooo"); got != want {
				t.Errorf("flip left-right:\n%s\nwant\n%s", got, want)
			}
			Flip(e, r, false)
			if got, want := picture(e, r), rows("ooo", "..o"); got != want {
				t.Errorf("then top-bottom:\n%s\nwant\n%s", got, want)
			}
			// Golly: the middle (top + (h-1)/2, left + (w-1)/2) = (3, 5)
			// stays; a 3 x 2 rectangle at (4, 3) becomes 2 x 3 at (5, 2).
			e = drawn(t, k.name, k.rule, 3, 4, l...)
			e.SetCell(2, 5, true) // in the new rectangle only: overwritten
			n, err := Rotate(e, r, true)
			if want := (engine.Rect{X: 5, Y: 2, W: 2, H: 3}); err != nil || n != want {
				t.Fatalf("Rotate: %+v, %v; want %+v", n, err, want)
			}
			if got, want := picture(e, n), rows("oo", "o.", "o."); got != want || e.Population().Int64() != 4 {
				t.Errorf("rotated clockwise (population %d):\n%s\nwant\n%s", e.Population(), got, want)
			}
			back, err := Rotate(e, n, false)
			if err != nil || back != r {
				t.Errorf("rotating back: %+v, %v; want %+v", back, err, r)
			}
			if got, want := picture(e, r), rows(l...); got != want || e.Population().Int64() != 4 {
				t.Errorf("rotated back:\n%s\nwant\n%s", got, want)
			}
		})
	}
	// On a bounded grid a rotation that would leave it is refused.
	e := drawn(t, "bitwise", "B3/S23:T12,10", 0, 0, "oooooooooooo")
	r := engine.Rect{X: 0, Y: 0, W: 12, H: 1}
	if _, err := Rotate(e, r, true); err != ErrOutsideGrid || e.Population().Int64() != 12 {
		t.Errorf("rotating a 12 x 1 row of a 12 x 10 torus: %v, population %d", err, e.Population())
	}
}

// TestPatternTransforms turns a pattern as a rectangle: four quarter turns
// and two flips of each kind are the identity, and a turn is two flips.
func TestPatternTransforms(t *testing.T) {
	p := &patterns.Pattern{W: 4, H: 2, Runs: []patterns.Run{{Y: 0, X: 0, N: 1}, {Y: 1, X: 0, N: 3}}}
	same := func(a, b *patterns.Pattern) bool {
		aw, ah := a.Size()
		bw, bh := b.Size()
		return aw == bw && ah == bh && slices.Equal(a.Runs, b.Runs)
	}
	cw := RotateClockwise(p)
	if want := (&patterns.Pattern{W: 2, H: 4, Runs: []patterns.Run{{Y: 0, X: 0, N: 2}, {Y: 1, X: 0, N: 1}, {Y: 2, X: 0, N: 1}}}); !same(cw, want) {
		t.Errorf("clockwise: %+v, want %+v", cw, want)
	}
	q := p
	for range 4 {
		q = RotateClockwise(q)
	}
	if !same(q, p) {
		t.Errorf("four turns clockwise: %+v", q)
	}
	if a := RotateAnticlockwise(cw); !same(a, p) {
		t.Errorf("clockwise then anticlockwise: %+v", a)
	}
	if f := FlipLeftRight(FlipLeftRight(p)); !same(f, p) {
		t.Errorf("two flips left-right: %+v", f)
	}
	lr := FlipLeftRight(p)
	if want := (&patterns.Pattern{W: 4, H: 2, Runs: []patterns.Run{{Y: 0, X: 3, N: 1}, {Y: 1, X: 1, N: 3}}}); !same(lr, want) {
		t.Errorf("flip left-right: %+v, want %+v", lr, want)
	}
	// A half turn is both flips.
	if a, b := RotateClockwise(RotateClockwise(p)), FlipTopBottom(FlipLeftRight(p)); !same(a, b) {
		t.Errorf("half turn %+v, both flips %+v", a, b)
	}
}

// TestClipText writes a clip with margins as RLE and reads it back, and
// reads plaintext and headerless RLE as terminals paste them.
func TestClipText(t *testing.T) {
	p := &patterns.Pattern{W: 5, H: 4, Runs: []patterns.Run{{Y: 1, X: 2, N: 1}, {Y: 2, X: 3, N: 1}, {Y: 3, X: 1, N: 3}}}
	text := ClipText(p, "B3/S23")
	if want := "x = 5, y = 4, rule = B3/S23\n$2bo$3bo$b3o!\n"; text != want {
		t.Errorf("ClipText: %q, want %q", text, want)
	}
	q, err := ParseClip("clipboard", text)
	if err != nil || q.W != 5 || q.H != 4 || !slices.Equal(q.Runs, p.Runs) {
		t.Errorf("ParseClip(ClipText): %+v, %v", q, err)
	}
	for _, c := range []struct{ name, text string }{
		{"plaintext, carriage returns", "!Name: glider\r.O.\r..O\rOOO\r"},
		{"headerless RLE", "bo$2bo$3o!"},
		{"Life 1.06", "#Life 1.06\n1 0\n2 1\n0 2\n1 2\n2 2\n"},
	} {
		q, err := ParseClip("paste", c.text)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if w, h := q.Size(); w != 3 || h != 3 || q.Population() != 5 || q.Runs[0] != (patterns.Run{Y: 0, X: 1, N: 1}) {
			t.Errorf("%s: %d x %d, %+v", c.name, w, h, q.Runs)
		}
	}
	for _, c := range []struct{ text, want string }{
		{"", "paste: no pattern to paste"},
		{"x = 3, y = 3\n3b!\n", "paste: the pattern has no live cells"},
		{"x = 3, y = 3\nbo$2bz$3o!\n", "paste:2:"},
	} {
		if _, err := ParseClip("paste", c.text); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("ParseClip(%q): %v, want %s...", c.text, err, c.want)
		}
	}
}

// TestGenReadBack loads a pattern whose #CXRLE line gives a generation:
// the universe is at that generation, as Golly reads it (a bug once: the
// file's generation was ignored on load and only added when saving), and
// saving after three more writes it plus three.
func TestGenReadBack(t *testing.T) {
	p, err := patterns.ReadRLE("g.rle", strings.NewReader("#CXRLE Pos=-1,-1 Gen=1000000000000000000000\nx = 3, y = 3\nbo$2bo$3o!\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []Settings{{Engine: "hashlife", Plane: true}, {Engine: "bitwise", Torus: "16x16"}} {
		u, err := Load(p, "g.rle", s)
		if err != nil {
			t.Fatal(err)
		}
		if got := u.Gen().String(); got != "1000000000000000000000" {
			t.Errorf("%s: loaded at gen %s, want the file's 10^21", s.Engine, got)
		}
		if err := u.Eng.Step(t.Context(), 3); err != nil {
			t.Fatal(err)
		}
		if got := u.Pattern(true).Gen; got != "1000000000000000000003" {
			t.Errorf("%s: saved with Gen=%s, want 10^21+3", s.Engine, got)
		}
	}
}

// TestOutOfReach runs a glider on HashLife's plane past 2^64 generations,
// when it has travelled beyond ±(2^62-1) cells, out of reach of the
// engine's coordinates: OutOfReach counts its five cells, and none before
// (at 2^64-2^58 generations it is still 2^56 cells inside).
func TestOutOfReach(t *testing.T) {
	e := drawn(t, "hashlife", "B3/S23", 0, 0, ".o.", "..o", "ooo")
	if n := OutOfReach(e); n.Sign() != 0 {
		t.Errorf("at gen 0: %s out of reach", n)
	}
	for gen, n := range []uint64{1 << 63, 1<<62 + 1<<61 + 1<<60 + 1<<59 + 1<<58, 1 << 58} {
		if err := e.Step(t.Context(), n); err != nil {
			t.Fatal(err)
		}
		out := OutOfReach(e)
		if gen < 2 && out.Sign() != 0 {
			t.Errorf("after step %d: %s out of reach, want none", gen, out)
		}
		if gen == 2 && (out.Int64() != 5 || e.Population().Int64() != 5) {
			t.Errorf("at gen 2^64: %s of %s out of reach, want all 5", out, e.Population())
		}
	}
	if n := OutOfReach(drawn(t, "bitwise", "B3/S23:T12,10", 0, 0, "ooo")); n.Sign() != 0 {
		t.Errorf("a torus: %s out of reach", n)
	}
}

// TestLoadProgress loads a soup whole and reads it from RLE, counting the
// calls of Settings.Progress: done grows, of a total that stays, about a
// hundred times (runs placed, or rows of the declared size read), and the
// soup's cells are all placed.
func TestLoadProgress(t *testing.T) {
	var b patterns.Builder
	rnd := rand.New(rand.NewPCG(3, 4))
	for y := range int64(1000) {
		for x := range int64(300) {
			if rnd.Float64() < 0.5 {
				b.Add(y, x, 1)
			}
		}
	}
	p := &patterns.Pattern{Runs: b.Runs()}
	var text bytes.Buffer
	if err := patterns.WriteRLE(&text, p); err != nil {
		t.Fatal(err)
	}
	for _, how := range []string{"Load", "Read"} {
		var done, totals []int64
		s := Settings{Engine: "bitwise", Torus: "400x1100", Progress: func(d, total int64) {
			done, totals = append(done, d), append(totals, total)
		}}
		var u Universe
		var err error
		if how == "Load" {
			u, err = Load(p, "soup", s)
		} else {
			u, _, err = Read("soup.rle", bytes.NewReader(text.Bytes()), s)
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := u.Eng.Population().Int64(); got != p.Population() {
			t.Errorf("%s: %d cells, want %d", how, got, p.Population())
		}
		total := totals[0]
		if len(done) < 90 || len(done) > 110 || !slices.IsSorted(done) || slices.Max(totals) != total || slices.Min(totals) != total ||
			total-done[len(done)-1] > total/50 {
			t.Errorf("%s: %d reports, done %v of %v", how, len(done), done, totals)
		}
	}
}

// TestPosReadBack loads a positioned pattern on the plane and on a torus
// that stands in for it (the UI's window): saving writes back the
// position and the generation read, as Golly does.
func TestPosReadBack(t *testing.T) {
	p, err := patterns.ReadRLE("p.rle", strings.NewReader("#CXRLE Pos=-10,7 Gen=5\nx = 3, y = 3\nbo$2bo$3o!\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []Settings{{Engine: "hashlife", Plane: true}, {Engine: "bitwise", Fit: Size{W: 40, H: 30}}} {
		u, err := Load(p, "p.rle", s)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Pattern(true)
		top, left, _, _, _ := q.Bounds()
		if x, y := q.OriginX+left, q.OriginY+top; !q.Positioned || x != -10 || y != 7 || q.Gen != "5" || q.Population() != 5 {
			t.Errorf("%s: saved at (%d,%d) gen %q with %d cells, want (-10,7) gen 5 with 5", s.Engine, x, y, q.Gen, q.Population())
		}
		var b strings.Builder
		if err := patterns.WriteRLE(&b, q); err != nil || !strings.HasPrefix(b.String(), "#CXRLE Pos=-10,7 Gen=5\n") {
			t.Errorf("%s: written as %q, %v", s.Engine, b.String(), err)
		}
	}
}
