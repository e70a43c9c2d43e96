package rulegen

import (
	"bufio"
	"cmp"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/life-go/life/engine"
)

// Rules and soups of many states, for the tests that compare the engines of
// Generations and Larger than Life rules with bgolly.

// GenerationsFamilies are the families of the two-state rules a
// Generations rule may be built on.
var GenerationsFamilies = []engine.Family{engine.LifeLike, engine.Isotropic, engine.Map, engine.HexagonalFamily, engine.VonNeumannFamily}

// States returns a random number of states from 2 to max, small ones
// (the interesting ones) the likeliest.
func States(rng *rand.Rand, max int) int {
	switch rng.IntN(4) {
	case 0:
		return 2 + rng.IntN(3)
	case 1:
		return max
	}
	return 2 + rng.IntN(max-1)
}

// Generations returns a random Generations rule of family f's two-state
// rule (without B0, which Generations refuses) and n states, in one of the
// notations Golly reads: "S/B/n", "B../S../n" in either case, "MAP.../n".
func Generations(rng *rand.Rand, f engine.Family, n int) string {
	for {
		text := Text(rng, f, Options{})
		r, err := engine.ParseRule(text)
		if err != nil || r.B0() {
			continue
		}
		name := r.Name()
		if strings.HasPrefix(name, "MAP") {
			return fmt.Sprintf("%s/%d", name, n)
		}
		nb := ""
		if k := name[len(name)-1]; k == 'H' || k == 'V' {
			nb, name = string(k), name[:len(name)-1]
		}
		birth, survival, _ := strings.Cut(name, "/")
		birth, survival = birth[1:], survival[1:]
		switch rng.IntN(4) {
		case 0:
			return fmt.Sprintf("B%s/S%s/%d%s", birth, survival, n, nb)
		case 1:
			return strings.ToLower(fmt.Sprintf("b%s/s%s/%d%s", birth, survival, n, nb))
		}
		return fmt.Sprintf("%s/%s/%d%s", survival, birth, n, nb)
	}
}

// LtL returns a random Larger than Life rule of range 1 to maxRange, with
// limits about the neighbourhood's size, in MCell's notation or, now and
// then, Kellie Evans's: shapes M, N and C, the middle cell counted or not,
// C0, C2 or decay through up to 256 states. b0 allows births from 0 (for
// bounded grids).
func LtL(rng *rand.Rand, maxRange int, b0 bool) string {
	r := 1 + rng.IntN(maxRange)
	shape := "MNC"[rng.IntN(3)]
	l := engine.LtL{Range: r, Shape: map[byte]engine.Neighborhood{'M': engine.Moore, 'N': engine.VonNeumann, 'C': engine.Circular}[shape]}
	size := l.Size()
	limits := func() (int, int) {
		lo := 1 + rng.IntN(max(1, size/3))
		hi := lo + rng.IntN(max(1, size/3))
		return lo, min(hi, size)
	}
	bmin, bmax := limits()
	if b0 && rng.IntN(3) == 0 {
		bmin = 0
	}
	smin, smax := limits()
	if rng.IntN(8) == 0 && bmin > 0 {
		return fmt.Sprintf("%d,%d,%d,%d,%d", r, bmin, bmax, smin, smax)
	}
	c := 0
	switch rng.IntN(4) {
	case 0:
		c = []int{1, 2, 256}[rng.IntN(3)]
	case 1, 2:
		c = 3 + rng.IntN(20)
	}
	return fmt.Sprintf("R%d,C%d,M%d,S%d..%d,B%d..%d,N%c", r, c, rng.IntN(2), smin, smax, bmin, bmax, shape)
}

// StateCell is a cell in state S (1 to 255).
type StateCell struct {
	Y, X int64
	S    uint8
}

// StateSoup returns the cells of a random w x h soup of the given density
// for a rule of n states, row by row: most of them in state 1, the others
// in any state.
func StateSoup(rng *rand.Rand, w, h int, density float64, n int) []StateCell {
	var cells []StateCell
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if rng.Float64() < density {
				s := uint8(1)
				if n > 2 && rng.IntN(3) == 0 {
					s = uint8(1 + rng.IntN(n-1))
				}
				cells = append(cells, StateCell{int64(y), int64(x), s})
			}
		}
	}
	return cells
}

// StateLetters returns the extended RLE's letters for state s: "." for 0,
// "A" to "X" for 1 to 24, then "pA" to "pX", "qA", ... "yO" for 255.
func StateLetters(s uint8) string {
	switch {
	case s == 0:
		return "."
	case s <= 24:
		return string(rune('A' + s - 1))
	}
	k := int(s) - 25
	return string(rune('p'+k/24)) + string(rune('A'+k%24))
}

// StatesRLE writes cells, which lie in a w x h box with (0, 0) its top-left
// corner, row by row, as an extended RLE file for rule with the box's
// top-left corner at Golly's (x0, y0).
func StatesRLE(cells []StateCell, w, h int, x0, y0 int64, rule string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "#CXRLE Pos=%d,%d\nx = %d, y = %d, rule = %s\n", x0, y0, w, h, rule)
	col := 0
	put := func(n int64, s string) {
		t := s
		if n > 1 {
			t = strconv.FormatInt(n, 10) + s
		}
		if col+len(t) > 70 {
			b.WriteByte('\n')
			col = 0
		}
		b.WriteString(t)
		col += len(t)
	}
	y, x := int64(0), int64(0)
	for i := 0; i < len(cells); {
		c := cells[i]
		if c.Y > y {
			put(c.Y-y, "$")
			y, x = c.Y, 0
		}
		if c.X > x {
			put(c.X-x, ".")
		}
		n := int64(1)
		for i+int(n) < len(cells) && cells[i+int(n)] == (StateCell{c.Y, c.X + n, c.S}) {
			n++
		}
		put(n, StateLetters(c.S))
		x = c.X + n
		i += int(n)
	}
	put(1, "!")
	b.WriteByte('\n')
	return b.String()
}

// StatesResult is what bgolly reports of a run of a rule of many states.
type StatesResult struct {
	Pops  map[int]int64
	Rule  string      // the rule bgolly wrote, canonical
	Cells []StateCell // relative to the top-left corner of their box
}

// RunStates is [Golly.Run] for a pattern of many states: it runs bgolly's
// algorithm algo ("Generations", "Larger than Life") on the file text
// (written with extension ext, ".rle" or ".mcl") and reads back the
// populations, the rule and the cells with their states.
func (g *Golly) RunStates(text, ext, algo string, gens, step int) (StatesResult, error) {
	g.n++
	in := filepath.Join(g.dir, fmt.Sprintf("in%d%s", g.n, ext))
	out := filepath.Join(g.dir, fmt.Sprintf("out%d.rle", g.n))
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		return StatesResult{}, err
	}
	defer os.Remove(in)
	defer os.Remove(out)
	return g.RunFile(in, out, algo, gens, step)
}

// RunFile runs bgolly's algorithm algo on the file in, writing out, for
// gens generations, and reads back what [Golly.RunStates] does.
func (g *Golly) RunFile(in, out, algo string, gens, step int) (StatesResult, error) {
	args := []string{"-a", algo, "-m", strconv.Itoa(gens), "-i", strconv.Itoa(step), "-o", out, in}
	msg, err := exec.Command(g.path, args...).CombinedOutput()
	if err != nil || strings.Contains(string(msg), "Fatal error") {
		return StatesResult{}, fmt.Errorf("bgolly %s: %v: %s", strings.Join(args, " "), err, msg)
	}
	r := StatesResult{Pops: map[int]int64{}}
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
	data, err := os.ReadFile(out)
	if err != nil {
		return r, err
	}
	r.Rule, r.Cells, err = ReadStatesRLE(string(data))
	return r, err
}

// ReadStatesRLE reads the rule and the cells, with their states, of an RLE
// file as bgolly writes it (two-state or extended).
func ReadStatesRLE(s string) (rule string, cells []StateCell, err error) {
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<26)
	var body strings.Builder
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if strings.HasPrefix(line, "x ") || strings.HasPrefix(line, "x=") {
			if _, r, ok := strings.Cut(line, "rule = "); ok {
				rule = r
			}
			continue
		}
		body.WriteString(line)
	}
	var y, x, n int64
	prefix := -1
	for _, c := range body.String() {
		k := max(n, 1)
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int64(c-'0')
			continue
		case c >= 'p' && c <= 'y':
			prefix = int(c - 'p')
			continue
		case c == 'b' || c == '.':
			x += k
		case c == 'o' || c >= 'A' && c <= 'X':
			st := 1
			if c != 'o' {
				st = int(c-'A') + 1
			}
			if prefix >= 0 {
				st = 25 + prefix*24 + int(c-'A')
				prefix = -1
			}
			for range k {
				cells = append(cells, StateCell{y, x, uint8(st)})
				x++
			}
		case c == '$':
			y += k
			x = 0
		case c == '!':
			return rule, cells, nil
		default:
			return rule, nil, fmt.Errorf("unexpected %q in bgolly's RLE", c)
		}
		n = 0
	}
	return rule, cells, nil
}

// NormalizeStates is [Normalize] for cells with states.
func NormalizeStates(cells []StateCell) []StateCell {
	if len(cells) == 0 {
		return nil
	}
	y0, x0 := cells[0].Y, cells[0].X
	for _, c := range cells {
		y0, x0 = min(y0, c.Y), min(x0, c.X)
	}
	out := make([]StateCell, len(cells))
	for i, c := range cells {
		out[i] = StateCell{c.Y - y0, c.X - x0, c.S}
	}
	sortStates(out)
	return out
}

func sortStates(cells []StateCell) {
	slices.SortFunc(cells, func(a, b StateCell) int {
		if a.Y != b.Y {
			return cmp.Compare(a.Y, b.Y)
		}
		return cmp.Compare(a.X, b.X)
	})
}

// Write runs bgolly's algorithm algo on the file in for gens generations
// and has it write the result to out, in the format out's extension names
// (".rle", ".mc"), without reading it back.
func (g *Golly) Write(in, out, algo string, gens int) error {
	args := []string{"-a", algo, "-m", strconv.Itoa(gens), "-i", "1", "-o", out, in}
	msg, err := exec.Command(g.path, args...).CombinedOutput()
	if err != nil || strings.Contains(string(msg), "Fatal error") {
		return fmt.Errorf("bgolly %s: %v: %s", strings.Join(args, " "), err, msg)
	}
	return nil
}
