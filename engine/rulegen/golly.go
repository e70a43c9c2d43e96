package rulegen

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
)

// Golly runs Golly's bgolly, the reference the engines are compared with.
// Its methods may be called from several goroutines at once.
type Golly struct {
	path, dir string
	n         atomic.Int64 // runs so far, which name their files
}

// ErrNoGolly is returned by NewGolly when bgolly is not installed.
var ErrNoGolly = errors.New("bgolly is not installed (apt-get install golly)")

// NewGolly returns a runner of bgolly that keeps its files in dir.
func NewGolly(dir string) (*Golly, error) {
	p, err := exec.LookPath("bgolly")
	if err != nil {
		return nil, ErrNoGolly
	}
	return &Golly{path: p, dir: dir}, nil
}

// Result is what bgolly reports of a run.
type Result struct {
	// Pops[g] is the population at generation g, for every generation
	// bgolly printed.
	Pops map[int]int64
	// Cells are the live cells at the end, row by row, relative to the
	// top-left corner of their bounding box (bgolly writes no position).
	Cells []Cell
}

// Run writes rle to a file, runs bgolly's algorithm algo ("QuickLife" or
// "HashLife") on it for gens generations, printing the population every
// step generations, and reads back the populations and the cells it wrote
// at the end.
func (g *Golly) Run(rle, algo string, gens, step int) (Result, error) {
	n := g.n.Add(1)
	in := filepath.Join(g.dir, fmt.Sprintf("in%d.rle", n))
	out := filepath.Join(g.dir, fmt.Sprintf("out%d.rle", n))
	if err := os.WriteFile(in, []byte(rle), 0o644); err != nil {
		return Result{}, err
	}
	defer os.Remove(in)
	defer os.Remove(out)
	args := []string{"-a", algo, "-m", strconv.Itoa(gens), "-i", strconv.Itoa(step), "-o", out, in}
	msg, err := exec.Command(g.path, args...).CombinedOutput()
	if err != nil {
		return Result{}, fmt.Errorf("bgolly %s: %v: %s", strings.Join(args, " "), err, msg)
	}
	r := Result{Pops: map[int]int64{}}
	for _, line := range strings.Split(string(msg), "\n") {
		gen, pop, ok := strings.Cut(strings.TrimSpace(line), ": ")
		if !ok {
			continue
		}
		gi, err1 := strconv.Atoi(strings.ReplaceAll(gen, ",", ""))
		pi, err2 := strconv.ParseInt(strings.ReplaceAll(pop, ",", ""), 10, 64)
		if err1 == nil && err2 == nil {
			r.Pops[gi] = pi
		}
	}
	if strings.Contains(string(msg), "Fatal error") {
		return r, fmt.Errorf("bgolly %s: %s", strings.Join(args, " "), msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return r, err
	}
	r.Cells, err = readRLE(string(data))
	return r, err
}

// readRLE reads the cells of the two-state RLE file bgolly writes.
func readRLE(s string) ([]Cell, error) {
	sc := bufio.NewScanner(strings.NewReader(s))
	var body strings.Builder
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || strings.HasPrefix(line, "x ") || strings.HasPrefix(line, "x=") {
			continue
		}
		body.WriteString(line)
	}
	var cells []Cell
	var y, x, n int64
	for _, c := range body.String() {
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int64(c-'0')
			continue
		case c == 'b' || c == '.':
			x += max(n, 1)
		case c == 'o' || c == 'A':
			for range max(n, 1) {
				cells = append(cells, Cell{y, x})
				x++
			}
		case c == '$':
			y += max(n, 1)
			x = 0
		case c == '!':
			return cells, nil
		default:
			return nil, fmt.Errorf("unexpected %q in bgolly's RLE", c)
		}
		n = 0
	}
	return cells, nil
}

// Normalize returns cells sorted row by row and moved so that the top-left
// corner of their bounding box is (0, 0), as bgolly writes them.
func Normalize(cells []Cell) []Cell {
	if len(cells) == 0 {
		return nil
	}
	out := slices.Clone(cells)
	y0, x0 := out[0].Y, out[0].X
	for _, c := range out {
		y0, x0 = min(y0, c.Y), min(x0, c.X)
	}
	for i := range out {
		out[i].Y -= y0
		out[i].X -= x0
	}
	slices.SortFunc(out, func(a, b Cell) int {
		if a.Y != b.Y {
			return int(a.Y - b.Y)
		}
		return int(a.X - b.X)
	})
	return out
}
