package patterns

import (
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
)

// sniffLife105 reports whether a file starting with the line first is Life
// 1.05: "#Life" other than 1.06, or a "#P X Y" line as WinLifeSearch
// writes.
func sniffLife105(first string) bool {
	return strings.HasPrefix(first, "#Li") && !strings.HasPrefix(first, "#Life 1.06") || strings.HasPrefix(first, "#P ")
}

// sniffLife106 reports whether a file starting with the line first is Life
// 1.06: "#Life 1.06", or a line of two coordinates.
func sniffLife106(first string) bool {
	if strings.HasPrefix(first, "#Life 1.06") {
		return true
	}
	f := strings.Fields(first)
	if len(f) != 2 {
		return false
	}
	_, errx := strconv.ParseInt(f[0], 10, 64)
	_, erry := strconv.ParseInt(f[1], 10, 64)
	return errx == nil && erry == nil
}

// readLife reads a pattern in Alan Hensel's Life 1.05 or Life 1.06 format
// from data, as Golly does (one reader serves both):
//
//   - "#Life 1.05" or "#Life 1.06" first;
//   - "#D" description lines, kept as comments ("#D Name: ..." and
//     "#D Author: ..." give the name and author);
//   - "#N" for the normal rules (B3/S23), "#R" with a rule;
//   - "#P X Y" to start a block of rows of '.' (dead) and '*' (alive) with
//     its top-left cell at (X, Y); a "#P" with no numbers goes on below
//     the block before;
//   - lines "X Y", one live cell each (the whole of Life 1.06).
//
// Coordinates are Golly's, so the pattern is positioned. Errors are
// [*Error]s.
func readLife(name string, data []byte, o *ReadOptions) (*Pattern, error) {
	rd := newReading(name, o)
	l := newLexer(name, data)
	pat := Pattern{Positioned: true}
	var x, y, left int64
	begun := false
	begin := func() error {
		if begun {
			return nil
		}
		begun = true
		return rd.begin(&pat)
	}
	var pend Run // the run being gathered from a row of cells
	flush := func() error {
		if pend.N == 0 {
			return nil
		}
		r := pend
		pend = Run{}
		return rd.run(l, r.Y, r.X, r.N)
	}
	add := func(y, x int64) error {
		if pend.N > 0 && pend.Y == y && pend.X+pend.N == x {
			pend.N++
			return nil
		}
		if err := flush(); err != nil {
			return err
		}
		pend = Run{y, x, 1}
		return nil
	}
	for {
		text, line, _, ok := l.readLine()
		if !ok {
			break
		}
		if strings.TrimRight(text, " \t") == "" {
			continue
		}
		if c := text[0]; c != '#' {
			if err := begin(); err != nil {
				return nil, err
			}
		}
		switch c := text[0]; {
		case c == '#':
			if len(text) == 1 {
				continue
			}
			body := text[2:]
			switch text[1] {
			case 'L':
				// The "#Life 1.05" header.
			case 'D':
				switch {
				case strings.HasPrefix(body, " Name: "):
					pat.Name = strings.TrimSpace(body[len(" Name: "):])
				case strings.HasPrefix(body, " Author: "):
					pat.Author = strings.TrimSpace(body[len(" Author: "):])
				default:
					pat.Comments = append(pat.Comments, strings.TrimSpace(body))
				}
			case 'N':
				pat.Rule = "B3/S23"
				pat.RuleLine, pat.RuleCol = line, 1
			case 'R':
				pat.Rule = cleanRule(body)
				pat.RuleLine, pat.RuleCol = line, 3+len(body)-len(strings.TrimLeft(body, " \t"))
				if pat.Rule == "" {
					return nil, l.errorf(line, 3, "#R line with no rule, want \"#R B3/S23\"")
				}
			case 'P':
				f := strings.Fields(body)
				if len(f) == 0 {
					x = left // go on below the block before
					continue
				}
				vals, err := coords(l, text, line, 2)
				if err != nil {
					return nil, err
				}
				x, y, left = vals[0], vals[1], vals[0]
			default:
				pat.Comments = append(pat.Comments, strings.TrimSpace(text[1:]))
			}
		case c == '-' || c >= '0' && c <= '9':
			vals, err := coords(l, text, line, 0)
			if err != nil {
				return nil, err
			}
			l.line, l.col = line, 1
			if err := add(vals[1], vals[0]); err != nil {
				return nil, err
			}
		case c == '.' || c == '*':
			row := strings.TrimRight(text, " \t")
			if int64(len(row))-1 > MaxPos-x || y > MaxPos {
				return nil, l.errorf(line, 1, "row reaches past the limit of %d from the origin", int64(MaxPos))
			}
			for i := 0; i < len(row); i++ {
				switch row[i] {
				case '*':
					l.line, l.col = line, i+1
					if err := add(y, x+int64(i)); err != nil {
						return nil, err
					}
				case '.':
				default:
					return nil, l.errorf(line, i+1, "unexpected %s in a row of cells, want '*' (alive) or '.' (dead)", quote(int(row[i])))
				}
			}
			y++
		default:
			return nil, l.errorf(line, 1, "unexpected %s at the start of a line, want '#', a cell's \"X Y\", or a row of '.' and '*'", quote(int(c)))
		}
	}
	if err := begin(); err != nil {
		return nil, err
	}
	if err := flush(); err != nil {
		return nil, err
	}
	rd.finish(&pat)
	if rd.keep != nil {
		pat.normalize()
	}
	return &pat, nil
}

// coords reads the two whole numbers "X Y" of text from byte from on, each
// within [MaxPos] of the origin, and nothing after them.
func coords(l *lexer, text string, line, from int) ([2]int64, error) {
	var vals [2]int64
	i := from
	for k := 0; k < 2; k++ {
		for i < len(text) && isBlank(int(text[i])) {
			i++
		}
		start := i
		if i < len(text) && text[i] == '-' {
			i++
		}
		for i < len(text) && text[i] >= '0' && text[i] <= '9' {
			i++
		}
		v, err := strconv.ParseInt(text[start:i], 10, 64)
		if err != nil || v > MaxPos || v < -MaxPos {
			what := "end of line"
			if start < len(text) {
				what = quote(int(text[start]))
				if f := strings.Fields(text[start:]); len(f) > 0 && strings.HasPrefix(text[start:], f[0]) {
					what = strconv.Quote(f[0])
				}
			}
			if err == nil || strings.Contains(err.Error(), "range") {
				return vals, l.errorf(line, start+1, "coordinate %s is more than the limit of %d from the origin", what, int64(MaxPos))
			}
			return vals, l.errorf(line, start+1, "unexpected %s, want %s coordinate (a whole number)", what, [2]string{"an X", "a Y"}[k])
		}
		vals[k] = v
	}
	if rest := strings.TrimLeft(text[i:], " \t"); rest != "" {
		return vals, l.errorf(line, len(text)-len(rest)+1, "unexpected %q after the coordinates, want the end of the line", rest)
	}
	return vals, nil
}

// writeLife106 writes p (its cells from src) in the Life 1.06 format: "#Life
// 1.06", its name, author and comments on "#D" lines, its rule on a "#R"
// line when it has one, then a line "X Y" for each live cell, in Golly's
// coordinates (see [Pattern.TopLeft]). Golly reads it back, ignoring the
// "#D" lines.
func writeLife106(w io.Writer, p *Pattern, src Source, lim Limits) error {
	src = twoStateCells(src, "Life 1.06")
	if err := checkCells(src, lim, "Life 1.06"); err != nil {
		return err
	}
	if c, ok := src.(Counted); ok {
		// Every cell takes a line of four bytes at least ("0 0\n").
		if n := c.LiveCells(); n.Cmp(big.NewInt(lim.Bytes/4)) > 0 {
			return fmt.Errorf("%s cells take more than the limit of %d bytes in Life 1.06: %w; write RLE or macrocell (.mc)", n, lim.Bytes, ErrTooLarge)
		}
	}
	bw := flushing(w)
	bw.WriteString("#Life 1.06\n")
	if p.Name != "" {
		fmt.Fprintf(bw, "#D Name: %s\n", p.Name)
	}
	if p.Author != "" {
		fmt.Fprintf(bw, "#D Author: %s\n", p.Author)
	}
	for _, c := range p.Comments {
		if hasKeyPrefix(c, "Name: ", "Author: ") {
			bw.WriteString("#D\t" + c + "\n") // read back as a comment, not a field
			continue
		}
		bw.WriteString(strings.TrimRight("#D "+c, " ") + "\n")
	}
	if p.Rule != "" {
		fmt.Fprintf(bw, "#R %s\n", p.Rule)
	}
	y0, x0 := p.TopLeft()
	var buf []byte
	var cells int64
	err := src.EachRun(func(r Run) error {
		if cells += r.N; cells > lim.Cells {
			return fmt.Errorf("more than the limit of %d cells for Life 1.06: %w; write macrocell (.mc)", lim.Cells, ErrTooLarge)
		}
		for x := r.X; x < r.X+r.N; x++ {
			buf = strconv.AppendInt(buf[:0], x0+x, 10)
			buf = append(buf, ' ')
			buf = strconv.AppendInt(buf, y0+r.Y, 10)
			buf = append(buf, '\n')
			if _, err := bw.Write(buf); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}
