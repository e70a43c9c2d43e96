package classify

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Shift moves the positions of r's objects dy rows down and dx columns
// right: from an engine's coordinates to Golly's, say.
func (r *Result) Shift(dy, dx int64) {
	for i := range r.Objects {
		r.Objects[i].Y += dy
		r.Objects[i].X += dx
	}
}

// WriteFields writes r as life identify does: for each object a line
// "object=N" and its fields ([Object.Fields]), N from 1, then a line of
// r's own fields ([Result.Fields]), separated by spaces.
func (r *Result) WriteFields(w io.Writer) error {
	var b strings.Builder
	for i, o := range r.Objects {
		fmt.Fprintf(&b, "object=%d %s\n", i+1, strings.Join(o.Fields(), " "))
	}
	b.WriteString(strings.Join(r.Fields(), " ") + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes r as life identify --json does, one JSON object a
// line: for each object its fields and "object": N, N from 1, then r
// without its objects, with "objects": how many there are (none for a
// pattern of one object).
func (r *Result) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	for i, o := range r.Objects {
		if err := enc.Encode(struct {
			N int `json:"object"`
			Object
		}{i + 1, o}); err != nil {
			return err
		}
	}
	whole := *r
	whole.Objects = nil
	return enc.Encode(struct {
		*Result
		Objects int `json:"objects,omitempty"`
	}{&whole, len(r.Objects)})
}
