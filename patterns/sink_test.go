package patterns

import (
	"bytes"
	"compress/gzip"
	"errors"
	"slices"
	"strings"
	"testing"
)

// runSink keeps the runs handed to it.
type runSink struct{ runs []Run }

func (s *runSink) AddRun(y, x, n int64) error {
	s.runs = append(s.runs, Run{y, x, n})
	return nil
}

func TestReadTo(t *testing.T) {
	const src = "#N two rows\nx = 9, y = 3, rule = B3/S23:T20,20\n2o2b3o$\n#C among the cells\n9o$bo!\n"
	want, err := Read("t.rle", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var header Pattern
	sink := &runSink{}
	p, err := ReadTo("t.rle", strings.NewReader(src), func(h *Pattern) (Sink, error) {
		header = *h
		return sink, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sink.runs, want.Runs) || len(p.Runs) != 0 {
		t.Errorf("streamed %v (kept %v), want %v", sink.runs, p.Runs, want.Runs)
	}
	if header.Name != "two rows" || header.W != 9 || header.H != 3 || header.Rule != "B3/S23:T20,20" || len(header.Runs) != 0 {
		t.Errorf("start saw %+v", header)
	}
	if !slices.Equal(p.Comments, want.Comments) {
		t.Errorf("comments %q, want %q", p.Comments, want.Comments)
	}
	// start may decline: the runs are then kept as Read keeps them.
	p, err = ReadTo("t.rle", strings.NewReader(src), func(*Pattern) (Sink, error) { return nil, nil })
	if err != nil || !slices.Equal(p.Runs, want.Runs) {
		t.Errorf("declined: err %v runs %v", err, p.Runs)
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
		p, err := ReadTo(name, bytes.NewReader(data), func(h *Pattern) (Sink, error) { return sink, nil })
		if err != nil || !slices.Equal(sink.runs, want.Runs) || len(p.Runs) != 0 || p.Name != want.Name {
			t.Errorf("%s: %v, streamed %v, want %v", name, err, sink.runs, want.Runs)
		}
	}
	// Errors come as Read gives them, before the sink's.
	_, err = ReadTo("bad.rle", strings.NewReader("x = 3, y = 3\n2z!"), func(*Pattern) (Sink, error) { return &runSink{}, nil })
	if err == nil || err.Error() != "bad.rle:2:2: unexpected 'z', want a run count, 'b', 'o', '$' or '!'" {
		t.Errorf("bad: %v", err)
	}
	// An error of start's or of the sink's is returned.
	stop := errors.New("stop")
	if _, err := ReadTo("t.rle", strings.NewReader(src), func(*Pattern) (Sink, error) { return nil, stop }); err != stop {
		t.Errorf("start's error: %v", err)
	}
	if _, err := ReadTo("t.rle", strings.NewReader(src), func(*Pattern) (Sink, error) { return failing{stop}, nil }); err != stop {
		t.Errorf("the sink's error: %v", err)
	}
}

type failing struct{ err error }

func (f failing) AddRun(y, x, n int64) error { return f.err }
