package patterns

import (
	"bytes"
	"fmt"
	"strconv"
)

// eof is what [lexer.next] returns at the end of the input.
const eof = -1

// lexer walks a file's bytes one at a time and knows the line and column
// of each, counting from 1. A line ends at "\n", "\r\n" or a lone "\r", as
// in Golly; next returns each line end as '\n'.
type lexer struct {
	file  string
	data  []byte
	cur   lexState // after the byte next returned last
	saved lexState // before it, for backup
	// line and col are where the byte next returned last lies (for eof,
	// where the end is).
	line, col int
}

type lexState struct {
	pos               int
	nextLine, nextCol int // where the byte at pos lies
	line, col         int
}

func newLexer(file string, data []byte) *lexer {
	l := &lexer{file: file, data: data}
	l.cur = lexState{nextLine: 1, nextCol: 1}
	l.line, l.col = 1, 0
	return l
}

// next returns the next byte, '\n' for any line end, or eof.
func (l *lexer) next() int {
	l.saved = l.cur
	s := &l.cur
	l.line, l.col = s.nextLine, s.nextCol
	s.line, s.col = l.line, l.col
	if s.pos >= len(l.data) {
		return eof
	}
	c := l.data[s.pos]
	s.pos++
	if c == '\r' {
		if s.pos < len(l.data) && l.data[s.pos] == '\n' {
			s.pos++
		}
		c = '\n'
	}
	if c == '\n' {
		s.nextLine, s.nextCol = s.nextLine+1, 1
	} else {
		s.nextCol++
	}
	return int(c)
}

// backup steps back over the byte next returned last; it undoes one call
// of next only.
func (l *lexer) backup() {
	l.cur = l.saved
	l.line, l.col = l.cur.line, l.cur.col
}

// peek returns the byte next would return, without taking it.
func (l *lexer) peek() int {
	c := l.next()
	l.backup()
	return c
}

// readLine returns the rest of the current line without its line end, and
// the line's number and the column its first byte is in; ok is false at the
// end of the input.
func (l *lexer) readLine() (text string, line, col int, ok bool) {
	start := l.cur.pos
	line, col = l.cur.nextLine, l.cur.nextCol
	if start >= len(l.data) {
		return "", line, col, false
	}
	for {
		end := l.cur.pos
		c := l.next()
		if c == eof || c == '\n' {
			return string(l.data[start:end]), line, col, true
		}
	}
}

// readLineBytes is readLine without a copy: text is the input's own bytes,
// valid as long as the input, for a reader that keeps none of it (a
// macrocell file's millions of node lines). backup must not follow it.
func (l *lexer) readLineBytes() (text []byte, line int, ok bool) {
	start := l.cur.pos
	line = l.cur.nextLine
	if start >= len(l.data) {
		return nil, line, false
	}
	// A line without '\r' (the usual case) is found by IndexByte; the
	// lexer's bookkeeping is then set as next would have left it.
	rest := l.data[start:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 && !hasCR(rest[:i]) {
		s := &l.cur
		s.pos = start + i + 1
		s.line, s.col = s.nextLine, s.nextCol+i
		l.line, l.col = s.line, s.col
		s.nextLine, s.nextCol = s.nextLine+1, 1
		return rest[:i], line, true
	}
	for {
		end := l.cur.pos
		c := l.next()
		if c == eof || c == '\n' {
			return l.data[start:end], line, true
		}
	}
}

// hasCR reports whether b holds a '\r': a short line (a macrocell node's)
// is looked at byte by byte, cheaper than a call.
func hasCR(b []byte) bool {
	if len(b) > 16 {
		return bytes.IndexByte(b, '\r') >= 0
	}
	for _, c := range b {
		if c == '\r' {
			return true
		}
	}
	return false
}

// errorf returns an [*Error] at the given line and column.
func (l *lexer) errorf(line, col int, format string, args ...any) error {
	return &Error{File: l.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// quote names a byte for an error message: 'z', '\t', "end of line" or
// "end of file".
func quote(c int) string {
	switch {
	case c == eof:
		return "end of file"
	case c == '\n':
		return "end of line"
	case c < 0x80:
		return strconv.QuoteRune(rune(c))
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

// isBlank reports whether c is a space or a tab.
func isBlank(c int) bool { return c == ' ' || c == '\t' }
