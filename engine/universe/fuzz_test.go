package universe

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// FuzzLoad checks the one load path against the patterns package, and every
// writer against every reader, on the unbounded plane: whatever a file
// holds, streaming it into HashLife (a macrocell file as a tree) gives the
// cells that reading it whole gives, where Golly puts them; and what life
// writes of that engine, in every format, reads back as the same cells.
func FuzzLoad(f *testing.F) {
	old := patterns.DefaultLimits
	patterns.DefaultLimits.Runs, patterns.DefaultLimits.Nodes, patterns.DefaultLimits.Cells = 1<<14, 1<<14, 1<<20
	f.Cleanup(func() { patterns.DefaultLimits = old })
	for _, dir := range []string{"../../cmd/life/testdata", "../../patterns/testdata", "../../patterns/library"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, path := range files {
			if data, err := os.ReadFile(path); err == nil && len(data) < 1<<16 {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("#CXRLE Pos=2305843009213693940,-2305843009213693951\nx = 3, y = 2\n3o$o!"))
	f.Add([]byte("#Life 1.06\n-2305843009213693951 2305843009213693951\n0 0\n"))
	f.Add([]byte("#CXRLE Pos=4611686018427387900,-4611686018427387903\nx = 3, y = 2\n3o$o!"))
	f.Add([]byte("#Life 1.06\n-4611686018427387903 4611686018427387903\n4611686018427387903 -4611686018427387903\n0 0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		want, err := patterns.Read("f", bytes.NewReader(data))
		if err != nil || want.Population() > 1<<14 {
			return // the cell sets below would cost more than the search
		}
		s := Settings{Engine: "hashlife", Plane: true, Ctx: context.Background()}
		if want.Rule != "" {
			s.Rule = "B3/S23" // any rule: the cells are what is checked
		}
		u, _, err := Read("f", bytes.NewReader(data), s)
		if err != nil {
			return // a rule or a size the engine refuses
		}
		got := engineCellSet(u.Eng)
		wantCells := map[[2]int64]bool{}
		y0, x0 := placed(want)
		want.Cells(func(y, x int64) { wantCells[[2]int64{y0 + y, x0 + x}] = true })
		if !maps.Equal(got, wantCells) {
			t.Fatalf("streamed %d cells, read whole %d", len(got), len(wantCells))
		}
		for _, f := range patterns.Formats() {
			if f.Write == nil || len(f.Exts) == 0 {
				continue
			}
			write, _ := patterns.WriterFor("x" + f.Exts[0])
			var b bytes.Buffer
			if err := write(nil, &b, u.PatternHeader(false), u.Cells(), patterns.Limits{Bytes: 1 << 22}); err != nil {
				continue // past a writer's budget (plaintext of a far pattern)
			}
			// Read back as life reads: into the engine (a macrocell
			// file as a tree, whatever its population).
			text := b.String()
			v, _, err := Read("back", &b, s)
			if err != nil {
				t.Fatalf("%s: reading what was written: %v\n%.300s", f.Name, err, text)
			}
			back, wrote := engineCellSet(v.Eng), got
			if f.Name == "plaintext" || !want.Positioned {
				// Without a position, a pattern is its cells relative
				// to each other: where it goes is the reader's choice.
				back, wrote = relativeTo(back), relativeTo(wrote)
			}
			if !maps.Equal(back, wrote) {
				t.Fatalf("%s: read back %d cells, wrote %d\n%.300s", f.Name, len(back), len(wrote), text)
			}
		}
	})
}

// engineCellSet returns the live cells of eng.
func engineCellSet(eng engine.Engine) map[[2]int64]bool {
	cells := map[[2]int64]bool{}
	if box, ok := eng.Bounds(); ok {
		eng.Visit(box, func(y, x int64) { cells[[2]int64{y, x}] = true })
	}
	return cells
}

// relativeTo returns cells moved so that their box starts at (0, 0).
func relativeTo(cells map[[2]int64]bool) map[[2]int64]bool {
	first := true
	var top, left int64
	for c := range cells {
		if first || c[0] < top {
			top = c[0]
		}
		if first || c[1] < left {
			left = c[1]
		}
		first = false
	}
	out := make(map[[2]int64]bool, len(cells))
	for c := range cells {
		out[[2]int64{c[0] - top, c[1] - left}] = true
	}
	return out
}

// placed returns where the plane puts p's (0, 0): its position, or, for a
// pattern without one, its top-left corner centred on the origin by its
// size, as load does.
func placed(p *patterns.Pattern) (y, x int64) {
	if p.Positioned {
		return p.OriginY, p.OriginX
	}
	w, h := p.Size()
	return -h / 2, -w / 2
}
