package universe

import (
	"io"
	"math/big"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// Pattern returns the universe's live cells as a pattern, as Golly saves
// one: with the header's name, author and comments; with the engine's
// rule, and its bounded-grid suffix unless the torus only stands in for
// the plane; and, when xrle is set or the pattern was loaded with a
// position, with its position in Golly's coordinates and its generation
// (the file's, plus the generations run): Golly's #CXRLE line, which its
// GUI writes (its "Save Extended RLE" option is on by default) and bgolly
// does not.
func (u Universe) Pattern(xrle bool) *patterns.Pattern {
	r := u.Eng.Rule()
	if u.Implied {
		r.Topology = engine.Topology{}
	}
	out := &patterns.Pattern{Rule: r.String()}
	h := u.Header
	if h != nil {
		out.Name, out.Author, out.Comments = h.Name, h.Author, h.Comments
	}
	var b patterns.Builder
	if box, ok := u.Eng.Bounds(); ok {
		u.Eng.Visit(box, func(y, x int64) { b.Add(y, x, 1) })
	}
	out.Runs = b.Runs()
	if xrle || h != nil && h.Positioned {
		out.Positioned, out.OriginY, out.OriginX = true, u.OffY, u.OffX
		gen := u.Gen()
		if h != nil && h.Gen != "" {
			if g, ok := new(big.Int).SetString(h.Gen, 10); ok {
				gen.Add(gen, g)
			}
		}
		if gen.Sign() > 0 {
			out.Gen = gen.String()
		}
	}
	return out
}

// WriteTo writes the universe, as [Universe.Pattern] makes it, to w in the
// format a file named path holds: the format its extension names (.rle,
// .mc, .cells, .lif, with .gz after it to compress; see
// [patterns.FormatFor]), RLE for "".
func (u Universe) WriteTo(w io.Writer, path string, xrle bool) error {
	write := patterns.WriteRLE
	if path != "" {
		var err error
		if write, err = patterns.WriterFor(path); err != nil {
			return err
		}
	}
	return write(w, u.Pattern(xrle))
}

// Save writes the universe to the file path, as [Universe.WriteTo] does,
// atomically (see [WriteFile]).
func (u Universe) Save(path string, xrle bool) error {
	if _, _, err := patterns.FormatFor(path); err != nil {
		return err
	}
	return WriteFile(path, func(w io.Writer) error { return u.WriteTo(w, path, xrle) })
}
