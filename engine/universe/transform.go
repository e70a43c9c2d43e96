package universe

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/life-go/life/patterns"
)

// Transforms of a pattern as a rectangle of cells (the UI's floating
// paste, the clipboard): the rectangle is (0, 0) to the pattern's size
// ([patterns.Pattern.Size]), and a transform maps it onto itself, or for
// a rotation onto its transpose. The results keep no name, rule or
// position; their W and H are the rectangle's.

// transform returns p's cells mapped by f, in a rectangle of w x h.
func transform(p *patterns.Pattern, w, h int64, f func(y, x int64) (int64, int64)) *patterns.Pattern {
	var b patterns.Builder
	p.Cells(func(y, x int64) {
		ny, nx := f(y, x)
		b.Add(ny, nx, 1)
	})
	return &patterns.Pattern{W: w, H: h, Runs: b.Runs()}
}

// FlipLeftRight returns p mirrored left to right in its rectangle.
func FlipLeftRight(p *patterns.Pattern) *patterns.Pattern {
	w, h := p.Size()
	return transform(p, w, h, func(y, x int64) (int64, int64) { return y, w - 1 - x })
}

// FlipTopBottom returns p mirrored top to bottom in its rectangle.
func FlipTopBottom(p *patterns.Pattern) *patterns.Pattern {
	w, h := p.Size()
	return transform(p, w, h, func(y, x int64) (int64, int64) { return h - 1 - y, x })
}

// RotateClockwise returns p turned 90 degrees clockwise: its rectangle of
// w x h cells becomes one of h x w, and its top row its right column.
func RotateClockwise(p *patterns.Pattern) *patterns.Pattern {
	w, h := p.Size()
	return transform(p, h, w, func(y, x int64) (int64, int64) { return x, h - 1 - y })
}

// RotateAnticlockwise returns p turned 90 degrees anticlockwise: its top
// row becomes its left column.
func RotateAnticlockwise(p *patterns.Pattern) *patterns.Pattern {
	w, h := p.Size()
	return transform(p, h, w, func(y, x int64) (int64, int64) { return w - 1 - x, y })
}

// ClipText returns p as the clipboard holds it, as Golly copies a
// selection: RLE whose header gives the rectangle's size (x = W, y = H,
// the pattern's size) and rule, and whose cells start at the rectangle's
// top-left corner, so that empty margins survive a paste.
func ClipText(p *patterns.Pattern, rule string) string {
	w, h := p.Size()
	var b bytes.Buffer
	fmt.Fprintf(&b, "x = %d, y = %d, rule = %s\n", w, h, rule)
	line := 0
	emit := func(n int64, tag byte) {
		tok := string(tag)
		if n > 1 {
			tok = strconv.FormatInt(n, 10) + tok
		}
		if line+len(tok) > 70 {
			b.WriteByte('\n')
			line = 0
		}
		b.WriteString(tok)
		line += len(tok)
	}
	var row, col int64
	for _, r := range p.Runs {
		if r.Y > row {
			emit(r.Y-row, '$')
			row, col = r.Y, 0
		}
		if r.X > col {
			emit(r.X-col, 'b')
		}
		emit(r.N, 'o')
		col = r.X + r.N
	}
	emit(1, '!')
	b.WriteByte('\n')
	return b.String()
}

// ParseClip reads text pasted into the UI or copied to its clipboard: a
// pattern in any format package patterns reads (RLE, plaintext, Life
// 1.05 and 1.06, macrocell), without a file. Its rectangle is the RLE
// header's size (or, for the other formats, the cells' bounding box).
// Errors name the source ("clipboard:2:5: ..."). An empty pattern is an
// error too: there is nothing to paste.
func ParseClip(source, text string) (*patterns.Pattern, error) {
	// Terminals send a pasted line's end as a carriage return.
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	text = strings.TrimLeft(text, "\n")
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%s: no pattern to paste", source)
	}
	p, err := patterns.Read(source, strings.NewReader(text))
	if err != nil {
		return nil, err
	}
	if p.Population() == 0 {
		return nil, fmt.Errorf("%s: the pattern has no live cells", source)
	}
	return p, nil
}
