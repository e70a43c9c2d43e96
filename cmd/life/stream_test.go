package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// soupRLE writes a random w x h soup as RLE with the given header size and
// rule, large enough that a copy of its cells would cost.
func soupRLE(t *testing.T, w, h int, header, rule string) string {
	t.Helper()
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
	path := filepath.Join(t.TempDir(), "soup.rle")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestStreamedLoadMatches checks that a large RLE file gives what the same
// file on standard input gives, whether its cells go straight into the
// engine (engine/universe's TestReadStreams says which do) or not.
func TestStreamedLoadMatches(t *testing.T) {
	for _, tc := range []struct {
		name, header, rule string
		streams            bool
	}{
		{"torus of the soup's size", "x = 1100, y = 1100", "B3/S23:T1100,1100", true},
		{"larger torus", "x = 1100, y = 1100", "B36/S23:T1500,1300", true},
		{"cells past the declared size", "x = 1000, y = 1100", "B3/S23:T1200,1200", false},
		{"the plane", "x = 1100, y = 1100", "B3/S23", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := soupRLE(t, 1100, 1100, tc.header, tc.rule)
			data, _ := os.ReadFile(path)
			// The protocol engine has no SetRun: once is enough.
			engines := []string{"auto"}
			if tc.streams && tc.rule == "B3/S23:T1100,1100" && !testing.Short() {
				engines = append(engines, "protocol")
			}
			for _, engine := range engines {
				code, fromFile, errs := life(t, "", "run", "--gens", "3", "--engine", engine, path)
				if code != 0 {
					t.Fatalf("%s: exit %d: %s", engine, code, errs)
				}
				code, fromStdin, errs := life(t, string(data), "run", "--gens", "3", "--engine", engine, "-")
				if code != 0 {
					t.Fatalf("%s, stdin: exit %d: %s", engine, code, errs)
				}
				if fromFile != fromStdin {
					t.Errorf("%s: the streamed load differs from the ordinary one", engine)
				}
			}
		})
	}
}
