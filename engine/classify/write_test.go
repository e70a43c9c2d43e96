package classify

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestWrite: two blocks, shifted to where a loader put them, written as
// fields (a line each, then the whole) and as JSON lines.
func TestWrite(t *testing.T) {
	r := classify(t, rle(t, "2o4b2o$2o4b2o!"), Options{})
	r.Shift(-1, -4)
	var b strings.Builder
	if err := r.WriteFields(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "object=1 kind=still period=1 apgcode=xs4_33 x=-4 y=-1 ") ||
		!strings.HasPrefix(lines[1], "object=2 kind=still period=1 apgcode=xs4_33 x=2 y=-1 ") ||
		lines[2] != strings.Join(r.Fields(), " ") {
		t.Errorf("fields:\n%s", b.String())
	}
	b.Reset()
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	lines = strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	var obj struct {
		N       int    `json:"object"`
		Apgcode string `json:"apgcode"`
		X, Y    int64
	}
	var whole struct {
		Kind    string `json:"kind"`
		Objects int    `json:"objects"`
	}
	if len(lines) != 3 || json.Unmarshal([]byte(lines[1]), &obj) != nil || json.Unmarshal([]byte(lines[2]), &whole) != nil ||
		obj != (struct {
			N       int    `json:"object"`
			Apgcode string `json:"apgcode"`
			X, Y    int64
		}{2, "xs4_33", 2, -1}) || whole.Kind != "still" || whole.Objects != 2 || len(r.Objects) != 2 {
		t.Errorf("JSON %+v %+v:\n%s", obj, whole, b.String())
	}
	// One object: a line alone, with no count of objects.
	r = classify(t, rle(t, "2o$2o!"), Options{})
	b.Reset()
	r.WriteJSON(&b)
	if strings.Count(b.String(), "\n") != 1 || strings.Contains(b.String(), "objects") {
		t.Errorf("one object: %s", b.String())
	}
}
