package patterns

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ReadRLE reads a pattern in Golly's RLE format from r; name is the file's
// name for error messages. It accepts what Golly accepts: '#' comment lines
// (#N name, #O author, #C and #c comments; others are kept as comments), the
// header line "x = W, y = H, rule = R" (rule optional), run counts before
// 'b', 'o' and '$', white space and line breaks anywhere in the cell data,
// and a missing '!' at the end. Text after '!' is ignored. Errors are
// [*Error]s placed at the offending character.
func ReadRLE(name string, r io.Reader) (*Pattern, error) {
	p := &rleParser{file: name, in: bufio.NewReader(r), line: 1, col: 0}
	return p.parse()
}

// rleParser is a small state machine over the input that tracks the line
// and column of each character it reads.
type rleParser struct {
	file      string
	in        *bufio.Reader
	line, col int // of the character last read
	prevCol   int
	pat       Pattern
	cells     Builder
}

const eof = -1

// next returns the next byte, or eof.
func (p *rleParser) next() int {
	c, err := p.in.ReadByte()
	if err != nil {
		return eof
	}
	if c == '\n' {
		p.line++
		p.prevCol, p.col = p.col, 0
	} else {
		p.col++
	}
	return int(c)
}

// backup steps back over the byte next returned last (one byte at most).
func (p *rleParser) backup(c int) {
	if c == eof {
		return
	}
	_ = p.in.UnreadByte()
	if c == '\n' {
		p.line--
		p.col = p.prevCol
	} else {
		p.col--
	}
}

func (p *rleParser) errorf(line, col int, format string, args ...any) error {
	return &Error{File: p.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// restOfLine returns the rest of the current line, without its line break.
func (p *rleParser) restOfLine() string {
	var b strings.Builder
	for {
		c := p.next()
		if c == eof || c == '\n' {
			return strings.TrimRight(b.String(), "\r")
		}
		b.WriteByte(byte(c))
	}
}

func (p *rleParser) parse() (*Pattern, error) {
	header := false
	for {
		c := p.next()
		switch {
		case c == eof:
			if !header {
				return nil, p.errorf(0, 0, "no RLE header line (\"x = W, y = H\") and no cells")
			}
			p.pat.Runs = p.cells.Runs()
			return &p.pat, nil
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		case c == '#' && p.col == 1:
			p.comment()
		case c == 'x' && !header:
			p.backup(c)
			if err := p.header(); err != nil {
				return nil, err
			}
			header = true
		case !header:
			return nil, p.errorf(p.line, p.col, "unexpected %s before the header line, want \"x = W, y = H\" or a '#' comment", quote(c))
		default:
			p.backup(c)
			if err := p.body(); err != nil {
				return nil, err
			}
			p.pat.Runs = p.cells.Runs()
			return &p.pat, nil
		}
	}
}

// comment reads a '#' line; the '#' has been read.
func (p *rleParser) comment() {
	kind := p.next()
	if kind == '\n' || kind == eof {
		return
	}
	text := strings.TrimSpace(p.restOfLine())
	switch kind {
	case 'N':
		p.pat.Name = text
	case 'O':
		p.pat.Author = text
	case 'C', 'c':
		p.pat.Comments = append(p.pat.Comments, text)
	default:
		p.pat.Comments = append(p.pat.Comments, strings.TrimSpace(string(rune(kind))+" "+text))
	}
}

// header reads "x = W, y = H, rule = R". The rule runs to the end of the
// line, since a bounded-grid suffix has a comma of its own.
func (p *rleParser) header() error {
	line, startCol := p.line, p.col+1
	text := p.restOfLine()
	const want = "want \"x = W, y = H, rule = R\""
	seen := map[string]bool{}
	i := 0 // index into text
	skip := func() {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
			i++
		}
	}
	for {
		skip()
		if i == len(text) {
			break
		}
		keyCol := startCol + i
		eq := strings.IndexByte(text[i:], '=')
		comma := strings.IndexByte(text[i:], ',')
		if eq < 0 || comma >= 0 && comma < eq {
			return p.errorf(line, keyCol, "header field %q has no '=', %s", strings.TrimSpace(strings.SplitN(text[i:], ",", 2)[0]), want)
		}
		key := strings.ToLower(strings.TrimSpace(text[i : i+eq]))
		i += eq + 1
		skip()
		valueCol := startCol + i
		var value string
		if key == "rule" {
			value, i = strings.TrimSpace(text[i:]), len(text)
		} else if end := strings.IndexByte(text[i:], ','); end >= 0 {
			value, i = strings.TrimSpace(text[i:i+end]), i+end+1
		} else {
			value, i = strings.TrimSpace(text[i:]), len(text)
		}
		if key == "" {
			return p.errorf(line, keyCol, "header field with no name before '=', %s", want)
		}
		if seen[key] {
			return p.errorf(line, keyCol, "header field %q appears twice", key)
		}
		seen[key] = true
		switch key {
		case "x", "y":
			n, err := strconv.ParseInt(value, 10, 64)
			if err != nil || n < 0 {
				return p.errorf(line, valueCol, "header %s = %q is not a size, want a whole number from 0", key, value)
			}
			if n > MaxCoord {
				return p.errorf(line, valueCol, "header %s = %s is more than the limit of %d", key, value, int64(MaxCoord))
			}
			if key == "x" {
				p.pat.W = n
			} else {
				p.pat.H = n
			}
		case "rule":
			p.pat.Rule = value
		default:
			// Golly ignores fields it does not know; so do we.
		}
	}
	if !seen["x"] || !seen["y"] {
		return p.errorf(line, startCol, "header line needs both x and y, %s", want)
	}
	return nil
}

// body reads the cell data up to '!' or the end.
func (p *rleParser) body() error {
	var y, x int64
	var count int64
	countLine, countCol := 0, 0
	for {
		c := p.next()
		switch {
		case c >= '0' && c <= '9':
			if countLine == 0 {
				countLine, countCol = p.line, p.col
			}
			d := int64(c - '0')
			if count > (MaxCoord-d)/10 {
				return p.errorf(countLine, countCol, "run count is more than the limit of %d", int64(MaxCoord))
			}
			count = count*10 + d
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			continue
		case c == '#' && p.col == 1 && countLine == 0:
			p.comment()
			continue
		case c == eof || c == '!':
			if countLine != 0 {
				return p.errorf(countLine, countCol, "run count %d is not followed by 'b', 'o' or '$'", count)
			}
			return nil
		}
		n := int64(1)
		if countLine != 0 {
			if count == 0 {
				return p.errorf(countLine, countCol, "run count 0, want 1 or more")
			}
			n = count
		}
		count, countLine = 0, 0
		switch c {
		case 'b', '.':
			x += n
		case 'o', 'A':
			p.cells.Add(y, x, n)
			x += n
		case '$':
			y += n
			x = 0
		default:
			switch {
			case c >= 'B' && c <= 'X' || c >= 'p' && c <= 'y':
				return p.errorf(p.line, p.col, "unexpected %s: multi-state cells are not supported, only 'b' (dead) and 'o' (alive)", quote(c))
			}
			return p.errorf(p.line, p.col, "unexpected %s, want a run count, 'b', 'o', '$' or '!'", quote(c))
		}
		if x > MaxCoord || y > MaxCoord {
			return p.errorf(p.line, p.col, "pattern reaches past the limit of %d cells from its corner", int64(MaxCoord))
		}
	}
}

func quote(c int) string {
	if c == eof {
		return "end of file"
	}
	return strconv.QuoteRune(rune(c))
}

// maxLine is the longest line of cell data WriteRLE writes, as Golly.
const maxLine = 70

// WriteRLE writes p in Golly's RLE format: #N, #O and #C lines, the header
// with the rule (B3/S23 when p has none), and the cells in lines of at most
// 70 characters, ending with '!'. The header's size is the pattern's
// bounding box, and the cells are written relative to its corner.
func WriteRLE(w io.Writer, p *Pattern) error {
	bw := bufio.NewWriter(w)
	if p.Name != "" {
		fmt.Fprintf(bw, "#N %s\n", p.Name)
	}
	if p.Author != "" {
		fmt.Fprintf(bw, "#O %s\n", p.Author)
	}
	for _, c := range p.Comments {
		fmt.Fprintf(bw, "#C %s\n", c)
	}
	rule := p.Rule
	if rule == "" {
		rule = "B3/S23"
	}
	top, left, h, wd, ok := p.Bounds()
	if !ok {
		top, left = 0, 0
	}
	fmt.Fprintf(bw, "x = %d, y = %d, rule = %s\n", wd, h, rule)
	line := 0
	emit := func(n int64, tag byte) {
		tok := string(tag)
		if n > 1 {
			tok = strconv.FormatInt(n, 10) + tok
		}
		if line+len(tok) > maxLine {
			bw.WriteByte('\n')
			line = 0
		}
		bw.WriteString(tok)
		line += len(tok)
	}
	row, col := top, left
	for _, r := range p.Runs {
		if r.Y > row {
			emit(r.Y-row, '$')
			row, col = r.Y, left
		}
		if r.X > col {
			emit(r.X-col, 'b')
		}
		emit(r.N, 'o')
		col = r.X + r.N
	}
	emit(1, '!')
	bw.WriteByte('\n')
	return bw.Flush()
}
