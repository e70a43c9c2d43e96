package patterns

import (
	"bufio"
	"fmt"
	"io"
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
func readLife(name string, data []byte) (*Pattern, error) {
	l := newLexer(name, data)
	pat := Pattern{Positioned: true}
	var cells Builder
	var x, y, left int64
	for {
		text, line, _, ok := l.readLine()
		if !ok {
			break
		}
		if len(cells.runs) > runLimit {
			return nil, l.errorf(line, 1, "more than the limit of %d runs of live cells", runLimit)
		}
		if strings.TrimRight(text, " \t") == "" {
			continue
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
			case 'R':
				pat.Rule = cleanRule(body)
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
			cells.Add(vals[1], vals[0], 1)
		case c == '.' || c == '*':
			row := strings.TrimRight(text, " \t")
			for i := 0; i < len(row); i++ {
				switch row[i] {
				case '*':
					cells.Add(y, x+int64(i), 1)
				case '.':
				default:
					return nil, l.errorf(line, i+1, "unexpected %s in a row of cells, want '*' (alive) or '.' (dead)", quote(int(row[i])))
				}
			}
			if x+int64(len(row)) > MaxPos || y+1 > MaxPos {
				return nil, l.errorf(line, 1, "row reaches past the limit of %d from the origin", int64(MaxPos))
			}
			y++
		default:
			return nil, l.errorf(line, 1, "unexpected %s at the start of a line, want '#', a cell's \"X Y\", or a row of '.' and '*'", quote(int(c)))
		}
	}
	pat.Runs = cells.Runs()
	pat.normalize()
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
				what = strconv.Quote(strings.Fields(text[start:])[0])
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

// WriteLife106 writes p in the Life 1.06 format: "#Life 1.06", its name,
// author and comments on "#D" lines, its rule on a "#R" line when it has
// one, then a line "X Y" for each live cell, in Golly's coordinates (see
// [Pattern.TopLeft]). Golly reads it back, ignoring the "#D" lines.
func WriteLife106(w io.Writer, p *Pattern) error {
	bw := bufio.NewWriter(w)
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
	var err error
	p.Cells(func(y, x int64) {
		if err == nil {
			_, err = fmt.Fprintf(bw, "%d %d\n", x0+x, y0+y)
		}
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}
