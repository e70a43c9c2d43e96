package patterns

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

// recorder is a Sink that keeps what it is handed, and the pattern Start
// was called with.
type recorder struct {
	begun *Pattern
	runs  []Run
	err   error // Start's error
}

func (r *recorder) Begin(p *Pattern) error {
	c := *p
	r.begun = &c
	return r.err
}

func (r *recorder) Run(y, x, n int64) error {
	r.runs = append(r.runs, Run{y, x, n})
	return nil
}

func TestReadWithStart(t *testing.T) {
	const src = "#N two rows\nx = 9, y = 3, rule = B3/S23:T20,20\n2o2b3o$\n#C among the cells\n9o$bo!\n"
	want, err := Read("t.rle", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(src))
	zw.Close()
	for name, data := range map[string][]byte{"plain": []byte(src), "gzip": gz.Bytes()} {
		var rec recorder
		p, err := ReadWith("t.rle", bytes.NewReader(data), ReadOptions{Sink: &rec})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !slices.Equal(rec.runs, want.Runs) || len(p.Runs) != 0 {
			t.Errorf("%s: streamed %v (kept %v), want %v", name, rec.runs, p.Runs, want.Runs)
		}
		if h := rec.begun; h == nil || h.Name != "two rows" || h.W != 9 || h.H != 3 || h.Rule != "B3/S23:T20,20" {
			t.Errorf("%s: Start saw %+v", name, h)
		}
	}
	// Start sees where the rule is, to place its error there.
	rec := recorder{err: errors.New("no")}
	_, err = ReadWith("f.rle", strings.NewReader("#C x\nx = 3, y = 1, rule = B9/S23\n3o!"), ReadOptions{Sink: &rec})
	if err != rec.err || rec.begun.RuleLine != 2 || rec.begun.RuleCol != 22 {
		t.Errorf("Start's error: %v, rule at %d:%d", err, rec.begun.RuleLine, rec.begun.RuleCol)
	}
	for src, want := range map[string][2]int{
		"#r B3/S23\nx = 3, y = 1\n3o!":       {1, 4},
		"!Rule: B3/S23\nO":                   {1, 8},
		"#Life 1.05\n#R 23/3\n#P 0 0\n*":     {2, 4},
		"[M2] (golly)\n#R B3/S23\n*$\n":      {2, 4},
		"x = 1, y = 1, rule =  B3/S23\no!\n": {1, 23},
	} {
		var rec recorder
		if _, err := ReadWith("f", strings.NewReader(src), ReadOptions{Sink: &rec}); err != nil || rec.begun == nil {
			t.Fatalf("%q: %v", src, err)
		}
		if got := [2]int{rec.begun.RuleLine, rec.begun.RuleCol}; got != want {
			t.Errorf("%q: rule at %v, want %v", src, got, want)
		}
	}
}

// endless is an endless stream of one byte, counting what is read of it.
type endless struct {
	b    byte
	read int64
}

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.b
	}
	e.read += int64(len(p))
	return len(p), nil
}

func TestEndlessStream(t *testing.T) {
	// An endless stream fails at the byte limit, having read no more
	// than the limit and a buffer.
	for _, b := range []byte{0, 'o', '.', '*'} {
		src := &endless{b: b}
		lim := Limits{Bytes: 1 << 20}
		_, err := ReadWith("<stdin>", src, ReadOptions{Limits: lim})
		var pe *Error
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), "more than the limit of 1048576 bytes") {
			t.Errorf("byte %q: %v", b, err)
		}
		if src.read > lim.Bytes+1<<20 {
			t.Errorf("byte %q: read %d bytes", b, src.read)
		}
	}
	// A cancelled context stops the read of an endless stream.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadWith("<stdin>", &endless{b: 'o'}, ReadOptions{Ctx: ctx}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestLongLineBudget(t *testing.T) {
	// One long line of runs fails at the run limit as the runs arrive,
	// not at the line's end: the budget, not the line, bounds the cost.
	line := strings.Repeat("O.", 1<<12)
	for name, src := range map[string]string{
		"plaintext": "!\n" + line + "\n",
		"Life 1.05": "#Life 1.05\n#P 0 0\n" + strings.ReplaceAll(line, "O", "*") + "\n",
		"RLE":       "x = 0, y = 0\n" + strings.Repeat("ob", 1<<12) + "!",
	} {
		var rec recorder
		_, err := ReadWith(name, strings.NewReader(src), ReadOptions{Limits: Limits{Runs: 100}, Sink: &rec})
		if err == nil || !strings.Contains(err.Error(), "more than the limit of 100 runs") {
			t.Errorf("%s: %v", name, err)
		}
		if len(rec.runs) > 100 {
			t.Errorf("%s: %d runs handed on past the limit", name, len(rec.runs))
		}
	}
	// A run of 10^18 cells passes the cell limit.
	_, err := Read("f1.rle", strings.NewReader("x = 3, y = 3\n1000000000000000000o!\n"))
	if err == nil || err.Error() != "f1.rle:2:20: more than the limit of 1099511627776 live cells" {
		t.Errorf("long run: %v", err)
	}
}

func TestGzipTrailingGarbage(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	io.WriteString(zw, "x = 3, y = 1\n3o!\n")
	zw.Close()
	for name, tail := range map[string]string{"junk": "junk\n", "zeros": "\x00\x00\x00\x00", "none": ""} {
		p, err := Read(name, bytes.NewReader(append(slices.Clone(gz.Bytes()), tail...)))
		if err != nil || p.Population() != 3 {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Two members are one file, as gzip -c a b > c makes.
	var two bytes.Buffer
	for _, part := range []string{"x = 3, y = 1\n", "3o!\n"} {
		zw := gzip.NewWriter(&two)
		io.WriteString(zw, part)
		zw.Close()
	}
	if p, err := Read("two", &two); err != nil || p.Population() != 3 {
		t.Errorf("two members: %v", err)
	}
	if _, err := Read("cut", bytes.NewReader(gz.Bytes()[:len(gz.Bytes())-6])); err == nil || !strings.Contains(err.Error(), "gzip") {
		t.Errorf("cut: %v", err)
	}
}
