package patterns

import (
	"bytes"
	"compress/gzip"
	"errors"
	"slices"
	"strings"
	"testing"
)

// runSink keeps what it is handed.
type runSink struct {
	header *Pattern
	runs   []Run
	err    error // returned by Run
}

func (s *runSink) Begin(p *Pattern) error {
	h := *p
	s.header = &h
	return nil
}

func (s *runSink) Run(y, x, n int64) error {
	s.runs = append(s.runs, Run{y, x, n})
	return s.err
}

func TestReadWithSink(t *testing.T) {
	const src = "#N two rows\nx = 9, y = 3, rule = B3/S23:T20,20\n2o2b3o$\n#C among the cells\n9o$bo!\n"
	want, err := Read("t.rle", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	sink := &runSink{}
	p, err := ReadWith("t.rle", strings.NewReader(src), ReadOptions{Sink: sink})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sink.runs, want.Runs) || len(p.Runs) != 0 {
		t.Errorf("streamed %v (kept %v), want %v", sink.runs, p.Runs, want.Runs)
	}
	if h := sink.header; h.Name != "two rows" || h.W != 9 || h.H != 3 || h.Rule != "B3/S23:T20,20" || len(h.Runs) != 0 {
		t.Errorf("Begin saw %+v", h)
	}
	if !slices.Equal(p.Comments, want.Comments) {
		t.Errorf("comments %q, want %q", p.Comments, want.Comments)
	}
	// Other formats, and gzip, are read whole and handed on after.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(src))
	zw.Close()
	for name, data := range map[string][]byte{
		"gzip":      gz.Bytes(),
		"macrocell": []byte("[M2] (golly 3.3)\n#R B3/S23\n$$$$$$*$$\n"),
		"plaintext": []byte("!Name: x\n.O\nOO\n"),
	} {
		want, err := Read(name, bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		sink := &runSink{}
		p, err := ReadWith(name, bytes.NewReader(data), ReadOptions{Sink: sink})
		if err != nil || !slices.Equal(sink.runs, want.Runs) || len(p.Runs) != 0 || p.Name != want.Name {
			t.Errorf("%s: %v, streamed %v, want %v", name, err, sink.runs, want.Runs)
		}
	}
	// Errors come as Read gives them, before the sink's.
	_, err = ReadWith("bad.rle", strings.NewReader("x = 3, y = 3\n2z!"), ReadOptions{Sink: &runSink{}})
	if err == nil || err.Error() != "bad.rle:2:2: unexpected 'z', want a run count, 'b', 'o', '$' or '!'" {
		t.Errorf("bad: %v", err)
	}
	// An error of the sink's is returned.
	stop := errors.New("stop")
	if _, err := ReadWith("t.rle", strings.NewReader(src), ReadOptions{Sink: &runSink{err: stop}}); err != stop {
		t.Errorf("the sink's error: %v", err)
	}
}
