package patterns

import (
	"cmp"
	"context"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// rowSink is a RowSink that keeps what it is handed, rows as the runs of
// their bits, and checks Row's contract.
type rowSink struct {
	runSink
	rows    int
	states  []string
	t       *testing.T
	stopAt  int   // the Row call that fails, from 1; 0 for none
	stopErr error // its error
}

func (s *rowSink) Row(y, x int64, row []uint64) error {
	if x%64 != 0 || len(row) == 0 || row[0] == 0 || row[len(row)-1] == 0 {
		s.t.Errorf("Row(%d, %d, %x) breaks the contract", y, x, row)
	}
	if s.rows++; s.rows == s.stopAt {
		return s.stopErr
	}
	for j, w := range row {
		for w != 0 {
			a := bits.TrailingZeros64(w)
			n := bits.TrailingZeros64(^(w >> a))
			if a+n == 64 {
				w = 0
			} else {
				w &^= (1<<n - 1) << a
			}
			s.runs = append(s.runs, Run{y, x + 64*int64(j) + int64(a), int64(n)})
		}
	}
	return nil
}

func (s *rowSink) StateRun(y, x, n int64, st uint8) error {
	s.states = append(s.states, fmt.Sprint(y, x, n, st))
	return nil
}

// cellsOf returns the cells of runs as the fewest runs, in order.
func cellsOf(runs []Run) []Run {
	rs := slices.Clone(runs)
	slices.SortFunc(rs, func(a, b Run) int {
		if a.Y != b.Y {
			return cmp.Compare(a.Y, b.Y)
		}
		return cmp.Compare(a.X, b.X)
	})
	var out []Run
	for _, r := range rs {
		if k := len(out) - 1; k >= 0 && out[k].Y == r.Y && r.X <= out[k].X+out[k].N {
			out[k].N = max(out[k].N, r.X+r.N-out[k].X)
			continue
		}
		out = append(out, r)
	}
	return out
}

// randomRLE returns an RLE file of random runs: mostly the counts and tags
// of a soup, with now and then what fastBody leaves to the general path
// (blanks, counts broken by a line end, "\r\n" and lone "\r", '#' lines,
// state letters, '.', huge counts, a count of 0, bad bytes) and long runs.
func randomRLE(rng *rand.Rand) string {
	var b strings.Builder
	fmt.Fprintf(&b, "x = %d, y = %d, rule = B3/S23\n", 1+rng.IntN(200), 1+rng.IntN(50))
	tokens := 20 + rng.IntN(400)
	line := 0
	for range tokens {
		if rng.IntN(30) == 0 {
			switch rng.IntN(12) {
			case 0:
				b.WriteString(" ")
			case 1:
				b.WriteString([]string{"1\n2o", "3\r\n4b", "1\n\n0$"}[rng.IntN(3)])
			case 2:
				b.WriteString("\r\n")
			case 3:
				b.WriteString("\r")
			case 4:
				b.WriteString("\n#C a comment\n")
			case 5:
				b.WriteString("2A")
			case 6:
				b.WriteString("3.")
			case 7:
				fmt.Fprintf(&b, "%do", 1000+rng.IntN(9000))
			case 8:
				b.WriteString("1234567890123456b")
			case 9:
				if rng.IntN(10) == 0 {
					b.WriteString("0o")
				}
			case 10:
				if rng.IntN(10) == 0 {
					b.WriteString("z")
				}
			case 11:
				fmt.Fprintf(&b, "%d$", 2+rng.IntN(3))
			}
			continue
		}
		n := ""
		if k := rng.IntN(4); k > 0 {
			n = fmt.Sprint(1 + rng.IntN([]int{1, 9, 90, 900}[k]))
		}
		tag := "bbbooo$"[rng.IntN(7)]
		s := n + string(tag)
		if line += len(s); line > 70 {
			b.WriteString("\n")
			line = len(s)
		}
		b.WriteString(s)
	}
	if rng.IntN(4) > 0 {
		b.WriteString("!")
	}
	return b.String()
}

// readBoth reads src with fastBody and without it, into sink makers' sinks
// (nil for the Builder), and returns both results as text.
func readBoth(t *testing.T, src string, lim Limits, mk func() Sink) (fast, slow string) {
	t.Helper()
	read := func(slowPath bool) string {
		slowBody = slowPath
		defer func() { slowBody = false }()
		var sink Sink
		if mk != nil {
			sink = mk()
		}
		p, err := ReadWith("r.rle", strings.NewReader(src), ReadOptions{Limits: lim, Sink: sink})
		var runs []Run
		var states string
		switch s := sink.(type) {
		case *rowSink:
			runs, states = cellsOf(s.runs), fmt.Sprint(s.states)
		case *runSink:
			runs = cellsOf(s.runs)
		}
		if err != nil {
			// What a sink was handed before the error may differ by
			// the pending run (fastRows hands a row's last run on at
			// its end): the read is of no use then anyway.
			return fmt.Sprintf("error %v", err)
		}
		if sink == nil {
			runs = p.Runs // kept as they are, merges included
			states = fmt.Sprint(p.States)
		}
		return fmt.Sprintf("%dx%d gen %q notice %q comments %q\nruns %v\nstates %s", p.W, p.H, p.Gen, p.Notice, p.Comments, runs, states)
	}
	return read(false), read(true)
}

// TestRLEFastBody checks the RLE reader's fast path against its general
// one on random files: the same cells (and, kept in a Pattern, the same
// runs), the same errors, for a plain sink, a RowSink and none, and under
// tight limits of runs and cells.
func TestRLEFastBody(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 1))
	sinks := map[string]func() Sink{
		"builder": nil,
		"sink":    func() Sink { return &runSink{} },
		"rows":    func() Sink { return &rowSink{t: t} },
	}
	for i := range 400 {
		src := randomRLE(rng)
		lims := []Limits{{}, {Runs: int64(1 + rng.IntN(60))}, {Cells: int64(1 + rng.IntN(2000))}}
		for name, mk := range sinks {
			for _, lim := range lims {
				fast, slow := readBoth(t, src, lim, mk)
				if fast != slow {
					t.Fatalf("file %d, %s, limits %+v:\n%s\nfast path:\n%s\ngeneral path:\n%s", i, name, lim, src, fast, slow)
				}
			}
		}
	}
}

// TestRLEFastBodyStops checks that an error of a RowSink's Row and a
// cancelled read stop the fast path as they stop the general one.
func TestRLEFastBodyStops(t *testing.T) {
	var b strings.Builder
	b.WriteString("x = 64, y = 20000\n")
	for range 20000 {
		b.WriteString("o2b3o$")
	}
	src := b.String()
	stop := fmt.Errorf("sink full")
	sink := &rowSink{t: t, stopAt: 3, stopErr: stop}
	if _, err := ReadWith("r.rle", strings.NewReader(src), ReadOptions{Sink: sink}); err != stop {
		t.Errorf("Row's error: read returned %v, want %v", err, stop)
	}
	if sink.rows != 3 {
		t.Errorf("Row called %d times, want 3 (none after its error)", sink.rows)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadWith("r.rle", strings.NewReader(src), ReadOptions{Sink: &rowSink{t: t}, Ctx: ctx}); err != context.Canceled {
		t.Errorf("cancelled read returned %v, want %v", err, context.Canceled)
	}
}
