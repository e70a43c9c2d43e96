package patterns

import (
	"bytes"
	"compress/gzip"
	"slices"
	"strings"
	"testing"
)

func TestScanRLE(t *testing.T) {
	const src = "#N two rows\nx = 9, y = 3, rule = B3/S23:T20,20\n2o2b3o$\n#C among the cells\n9o$bo!\n"
	want, err := Read("t.rle", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []Run
	var header Pattern
	p, ok, err := ScanRLE("t.rle", []byte(src), func(p *Pattern) func(Run) {
		header = *p
		return func(r Run) { got = append(got, r) }
	})
	if !ok || err != nil {
		t.Fatalf("ok %v, err %v", ok, err)
	}
	if !slices.Equal(got, want.Runs) || len(p.Runs) != 0 {
		t.Errorf("streamed %v (kept %v), want %v", got, p.Runs, want.Runs)
	}
	if header.Name != "two rows" || header.W != 9 || header.H != 3 || header.Rule != "B3/S23:T20,20" {
		t.Errorf("start saw %+v", header)
	}
	if !slices.Equal(p.Comments, want.Comments) {
		t.Errorf("comments %q, want %q", p.Comments, want.Comments)
	}
	// start may decline: the runs are then kept as Read keeps them.
	p, ok, err = ScanRLE("t.rle", []byte(src), func(*Pattern) func(Run) { return nil })
	if !ok || err != nil || !slices.Equal(p.Runs, want.Runs) {
		t.Errorf("declined: ok %v err %v runs %v", ok, err, p.Runs)
	}
	// Not plain RLE: left to Read.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(src))
	zw.Close()
	for name, data := range map[string][]byte{
		"gzip":      gz.Bytes(),
		"macrocell": []byte("[M2] (golly 3.3)\n#R B3/S23\n$$$$$$*$$\n"),
		"plaintext": []byte("!Name: x\n.O\nOO\n"),
	} {
		if _, ok, _ := ScanRLE(name, data, nil); ok {
			t.Errorf("%s: scanned as RLE", name)
		}
	}
	// Errors come as Read gives them.
	_, ok, err = ScanRLE("bad.rle", []byte("x = 3, y = 3\n2z!"), func(*Pattern) func(Run) { return func(Run) {} })
	if !ok || err == nil || err.Error() != "bad.rle:2:2: unexpected 'z', want a run count, 'b', 'o', '$' or '!'" {
		t.Errorf("bad: ok %v, %v", ok, err)
	}
}
