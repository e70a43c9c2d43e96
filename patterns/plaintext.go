package patterns

import (
	"bufio"
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
func readPlaintext(name string, data []byte) (*Pattern, error) {
	l := newLexer(name, data)
	var pat Pattern
	var cells Builder
	var y int64
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
			default:
				pat.Comments = append(pat.Comments, strings.TrimSpace(body))
			}
			continue
		}
		row := strings.TrimRight(text, " \t")
		if row == "" && !started {
			continue
		}
		started = true
		if y >= MaxCoord {
			return nil, l.errorf(line, 1, "more than the limit of %d rows", int64(MaxCoord))
		}
		for i := 0; i < len(row); i++ {
			switch row[i] {
			case 'O', '*':
				cells.Add(y, int64(i), 1)
			case '.':
			default:
				return nil, l.errorf(line, i+1, "unexpected %s in a row of cells, want 'O' or '*' (alive) or '.' (dead)", quote(int(row[i])))
			}
		}
		if len(cells.runs) > runLimit {
			return nil, l.errorf(line, 1, "more than the limit of %d runs of live cells", runLimit)
		}
		y++
	}
	pat.Runs = cells.Runs()
	pat.W, pat.H = pat.Size()
	return &pat, nil
}

// maxPlaintext bounds the characters of cells WritePlaintext writes, since
// a huge sparse pattern would take a line per row and a character per cell.
const maxPlaintext = 1 << 28

// WritePlaintext writes p as a LifeWiki .cells file: "!Name:", "!Author:"
// and "!Rule:" lines when p has them, a '!' line for each comment, then its
// bounding box, a row a line, 'O' alive and '.' dead, each line ending at
// its last live cell. Positions and generations are not kept. A pattern
// whose box would take more than 2^28 characters is an error.
func WritePlaintext(w io.Writer, p *Pattern) error {
	top, left, h, _, ok := p.Bounds()
	if ok {
		size := h
		for _, r := range p.Runs {
			size += r.X + r.N - left
			if size > maxPlaintext {
				break
			}
		}
		if size > maxPlaintext {
			return fmt.Errorf("pattern too large for plaintext (more than %d characters); write RLE or macrocell", maxPlaintext)
		}
	}
	bw := bufio.NewWriter(w)
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
	for _, r := range p.Runs {
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
