package patterns

import (
	"fmt"
	"io"
	"strings"
)

// sniffPlaintext reports whether a file starting with the line first is
// plaintext: a '!' comment or a row of cells.
func sniffPlaintext(first string) bool {
	s := strings.TrimLeft(first, " \t") + "\n"
	return s[0] == '!' || s[0] == '.' || s[0] == 'O' || s[0] == '*'
}

// readPlaintext reads a pattern in the plaintext format of LifeWiki's .cells
// files from data: lines starting with '!' are comments ("!Name: ...",
// "!Author: ..." and "!Rule: ..." give the name, author and rule; a bare
// "!" only marks the file as plaintext), and every
// other line is a row of cells, 'O' or '*' alive and '.' dead. Blank lines
// before the first row are skipped; later ones are empty rows. The pattern
// has no position. Errors are [*Error]s.
func readPlaintext(name string, data []byte, o *ReadOptions) (*Pattern, error) {
	rd := newReading(name, o)
	l := newLexer(name, data)
	var pat Pattern
	var y, w, h int64 // the row, and the size of the live cells' box from (0, 0)
	started := false
	for {
		text, line, _, ok := l.readLine()
		if !ok {
			break
		}
		if strings.HasPrefix(text, "!") {
			body := text[1:]
			switch {
			case body == "":
				// A bare '!' marks a file as plaintext; an empty comment
				// is written "! ".
			case strings.HasPrefix(body, "Name:"):
				pat.Name = strings.TrimSpace(body[len("Name:"):])
			case strings.HasPrefix(body, "Author:"):
				pat.Author = strings.TrimSpace(body[len("Author:"):])
			case strings.HasPrefix(body, "Rule:"):
				pat.Rule = cleanRule(body[len("Rule:"):])
				pat.RuleLine, pat.RuleCol = line, 1+len("!Rule:")+len(body[len("Rule:"):])-len(strings.TrimLeft(body[len("Rule:"):], " \t"))
			default:
				pat.Comments = append(pat.Comments, strings.TrimSpace(body))
			}
			continue
		}
		row := strings.TrimRight(text, " \t")
		if row == "" && !started {
			continue
		}
		if !started {
			if err := rd.begin(&pat); err != nil {
				return nil, err
			}
			started = true
		}
		if y > MaxPos {
			return nil, l.errorf(line, 1, "more than the limit of %d rows", int64(MaxPos)+1)
		}
		// Each run is handed on as soon as it ends, within the budget,
		// so that one long line costs what its runs cost, checked as
		// they come.
		for i := 0; i < len(row); {
			switch row[i] {
			case 'O', '*':
				j := i + 1
				for j < len(row) && (row[j] == 'O' || row[j] == '*') {
					j++
				}
				l.line, l.col = line, i+1
				if err := rd.run(l, y, int64(i), int64(j-i)); err != nil {
					return nil, err
				}
				w, h = max(w, int64(j)), y+1
				i = j
			case '.':
				i++
			default:
				return nil, l.errorf(line, i+1, "unexpected %s in a row of cells, want 'O' or '*' (alive) or '.' (dead)", quote(int(row[i])))
			}
		}
		y++
	}
	if !started {
		if err := rd.begin(&pat); err != nil {
			return nil, err
		}
	}
	rd.finish(&pat)
	pat.W, pat.H = w, h
	return &pat, nil
}

// maxPlaintext bounds the characters of cells writePlaintext writes, since
// a huge sparse pattern would take a line per row and a character per cell.
const maxPlaintext = 1 << 28

var errPlaintextSize = fmt.Errorf("pattern too large for plaintext (more than %d characters): %w; write RLE or macrocell", maxPlaintext, ErrTooLarge)

// writePlaintext writes p (its cells from src) as a LifeWiki .cells file:
// "!Name:", "!Author:" and "!Rule:" lines when p has them, a '!' line for
// each comment, then its bounding box, a row a line, 'O' alive and '.' dead,
// each line ending at its last live cell. Positions and generations are not
// kept. A pattern whose box would take more than 2^28 characters is an
// error.
func writePlaintext(w io.Writer, p *Pattern, src Source, lim Limits) error {
	src = twoStateCells(src, "plaintext (.cells)")
	top, left, h, _, ok := src.Bounds()
	if ok && h > maxPlaintext {
		return errPlaintextSize
	}
	if err := checkCells(src, lim, "plaintext"); err != nil {
		return err
	}
	bw := flushing(w)
	header := false
	if p.Name != "" {
		fmt.Fprintf(bw, "!Name: %s\n", p.Name)
		header = true
	}
	if p.Author != "" {
		fmt.Fprintf(bw, "!Author: %s\n", p.Author)
		header = true
	}
	if p.Rule != "" {
		fmt.Fprintf(bw, "!Rule: %s\n", p.Rule)
		header = true
	}
	for _, c := range p.Comments {
		if c == "" || hasKeyPrefix(c, "Name:", "Author:", "Rule:") {
			c = " " + c // read back as a comment, not a field or a mark
		}
		bw.WriteString("!" + c + "\n")
		header = true
	}
	if !header {
		bw.WriteString("!\n") // a mark: an empty file is no pattern
	}
	row, col := top, left
	size := h
	err := src.EachRun(func(r Run) error {
		// The characters so far: a line end a row, and the row's cells
		// from its left edge; checked before they are written.
		c0 := col
		if r.Y > row {
			c0 = left
		}
		if size += r.X + r.N - c0; size > maxPlaintext {
			return errPlaintextSize
		}
		for ; row < r.Y; row++ {
			bw.WriteByte('\n')
			col = left
		}
		for ; col < r.X; col++ {
			bw.WriteByte('.')
		}
		for ; col < r.X+r.N; col++ {
			bw.WriteByte('O')
		}
		return nil
	})
	if err != nil {
		return err
	}
	if ok {
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func hasKeyPrefix(s string, keys ...string) bool {
	for _, k := range keys {
		if strings.HasPrefix(s, k) {
			return true
		}
	}
	return false
}
