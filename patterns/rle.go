package patterns

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ReadRLE reads a pattern in Golly's RLE format from r; name is the file's
// name for error messages. It accepts what Golly accepts, strictly:
//
//   - "#CXRLE Pos=X,Y Gen=N" lines at the start, which place the pattern's
//     top-left corner at (X, Y) and give its generation;
//   - '#' comment lines before and among the cells: #N name, #O author,
//     #C and #c comments, #r rule; others are kept as comments;
//   - the header line "x = W, y = H, rule = R" (rule optional), or no
//     header at all when the first line is plainly RLE cell data;
//   - run counts before 'b' (or '.'), 'o' (or 'A') and '$', white space and
//     line breaks between runs, and a missing '!' at the end. Text after
//     '!' is ignored.
//
// Extended RLE's letters for states ('.' for 0, 'A' to 'X' for 1 to 24,
// 'pA' to 'yO' for 25 to 255) give a pattern of many states
// ([Pattern.States]); in Golly's LifeHistory rule, states 1, 3 and 5 are
// read as alive and the others as dead, under B3/S23 with the same
// bounded-grid suffix, and the pattern's Notice says so. Errors are [*Error]s placed at the offending character.
func ReadRLE(name string, r io.Reader) (*Pattern, error) {
	data, err := readAll(name, r, DefaultLimits.Bytes, nil)
	if err != nil {
		return nil, err
	}
	return readRLE(name, data, &ReadOptions{})
}

func readRLE(name string, data []byte, o *ReadOptions) (*Pattern, error) {
	// Make room for the runs kept at once: runs of live cells are at
	// least two bytes apart ("o" and a 'b' or '$'), so half the data's
	// length bounds their number. Room never used is never touched, so it
	// costs address space, not memory.
	rd := newReading(name, &ReadOptions{Limits: o.Limits, Ctx: o.Ctx, Sink: o.Sink})
	rd.hint = len(data)/2 + 1
	if rd.keep != nil {
		rd.keepRuns()
	}
	p := &rleParser{lexer: newLexer(name, data), rd: rd}
	return p.parse(isPlainRLE(firstLine(data)))
}

// sniffRLE reports whether a file starting with the line first is RLE, as
// Golly decides: a '#' line, the header line, or plain RLE cell data.
func sniffRLE(first string) bool {
	s := strings.TrimLeft(first, " \t") + "\n"
	return s[0] == '#' || s[0] == 'x' && (len(s) == 1 || s[1] <= ' ' || s[1] == '=') || isPlainRLE(first)
}

// isPlainRLE reports whether line is RLE cell data with no header before
// it, as Golly guesses: only runs of 'b', 'o' and '$' with counts, and
// either a count or a final '!'.
func isPlainRLE(line string) bool {
	if t := strings.TrimLeft(line, " \t"); t == "" || t[0] == '!' {
		return false // a plaintext comment, as Golly decides
	}
	body, bang := line, false
	if i := strings.IndexByte(line, '!'); i >= 0 {
		body, bang = line[:i], true
		if strings.Trim(line[i+1:], " \t") != "" {
			return false
		}
	}
	prevDigit, digits := false, false
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c == ' ' || c == '\t':
			if prevDigit {
				return false
			}
		case c >= '0' && c <= '9':
			prevDigit, digits = true, true
		case c == 'b' || c == 'o' || c == '$':
			prevDigit = false
		default:
			return false
		}
	}
	return !prevDigit && (digits || bang)
}

// rleParser is a small state machine over the lexer.
type rleParser struct {
	*lexer
	rd      *reading
	pat     Pattern
	pend    Run   // the run being gathered, not handed on yet
	pendS   uint8 // pend's state
	begun   bool  // the sink's Begin has been called
	history bool  // the rule is LifeHistory
	maxY    int64 // below the lowest live cell's row
	maxX    int64 // right of the rightmost live cell
	posLine int   // where the #CXRLE Pos value is
	posCol  int
	rule    string // the rule as given, before any LifeHistory conversion
	// win gathers the live runs of the row winY from column winX for a
	// [RowSink] (see fastBody); words winLo to winHi hold cells when
	// winOn.
	row          []uint64 // fastRows's row, as wide as the header says
	win          [rowWords]uint64
	winY, winX   int64
	winLo, winHi int
	winOn        bool
}

// slowBody turns fastBody off, for the tests that check it against the
// general path.
var slowBody = false

// rowWords is how many words of a row fastBody gathers before it hands
// them on: 4096 cells.
const rowWords = 64

func (p *rleParser) parse(headerless bool) (*Pattern, error) {
	header := false
	leading := true // only #CXRLE lines so far
	bol := true     // only blanks since the start of the line
	for {
		c := p.next()
		switch {
		case c == eof:
			if !header {
				return nil, p.errorf(0, 0, "no RLE header line (\"x = W, y = H\") and no cells")
			}
			if err := p.begin(); err != nil {
				return nil, err
			}
			return p.finish()
		case c == '\n':
			bol = true
			continue
		case isBlank(c):
			continue
		case c == '#' && bol:
			if err := p.comment(leading); err != nil {
				return nil, err
			}
			bol = true
			continue
		case c == 'x' && bol && !header && !headerless && (isBlank(p.peek()) || p.peek() == '='):
			if err := p.header(p.line, p.col); err != nil {
				return nil, err
			}
			header = true
			bol = true
		case !header && !headerless:
			return nil, p.errorf(p.line, p.col, "unexpected %s before the header line, want \"x = W, y = H\" or a '#' comment", quote(c))
		default:
			p.backup()
			if err := p.begin(); err != nil {
				return nil, err
			}
			if err := p.body(bol); err != nil {
				return nil, err
			}
			return p.finish()
		}
		leading = false
	}
}

// begin hands the pattern so far to the sink, once the lines before the
// cells have been read; a pattern that has no cells begins at its end.
func (p *rleParser) begin() error {
	if p.begun {
		return nil
	}
	p.begun = true
	return p.rd.begin(&p.pat)
}

func (p *rleParser) finish() (*Pattern, error) {
	if p.pend.N > 0 {
		if err := p.rd.stateRun(p.lexer, p.pend.Y, p.pend.X, p.pend.N, p.pendS); err != nil {
			return nil, err
		}
		p.pend = Run{}
	}
	p.rd.finish(&p.pat)
	w, h := max(p.pat.W, p.maxX), max(p.pat.H, p.maxY)
	if p.pat.Positioned {
		// OriginX and OriginY are within MaxPos, so MaxPos-Origin fits.
		if w-1 > MaxPos-p.pat.OriginX || h-1 > MaxPos-p.pat.OriginY {
			return nil, p.errorf(p.posLine, p.posCol, "pattern of %d x %d cells at Pos=%d,%d reaches past the limit of %d cells from the origin", w, h, p.pat.OriginX, p.pat.OriginY, int64(MaxPos))
		}
	} else if p.maxX-1 > MaxPos || p.maxY-1 > MaxPos {
		// Golly puts a pattern without a position at the origin.
		return nil, p.errorf(0, 0, "pattern of %d x %d cells reaches past the limit of %d cells from the origin, where a pattern without #CXRLE Pos goes", p.maxX, p.maxY, int64(MaxPos))
	}
	if p.history {
		p.pat.Notice = fmt.Sprintf("%s: LifeHistory pattern read as Life (%s): states 1, 3 and 5 alive, 2, 4 and 6 dropped", p.file, p.pat.Rule)
	}
	return &p.pat, nil
}

// setRule records the rule given at (line, col), from the header or a #r
// line; a second one must agree with the first.
func (p *rleParser) setRule(rule string, line, col int) error {
	if p.rule != "" {
		if !strings.EqualFold(rule, p.rule) {
			return p.errorf(line, col, "rule %q differs from the rule %q given before, want one rule", rule, p.rule)
		}
		return nil
	}
	rule = cleanRule(rule) // as Golly drops a final comma
	p.rule = rule
	p.pat.Rule = rule
	p.pat.RuleLine, p.pat.RuleCol = line, col
	if name, suffix, _ := strings.Cut(rule, ":"); strings.EqualFold(strings.TrimSpace(name), "LifeHistory") {
		p.history = true
		p.pat.Rule = "B3/S23"
		if strings.Contains(rule, ":") {
			p.pat.Rule += ":" + suffix
		}
	}
	return nil
}

// comment reads a '#' line; the '#' has been read. leading says whether
// only #CXRLE lines came before, where Golly reads one.
func (p *rleParser) comment(leading bool) error {
	text, line, col, _ := p.readLine()
	if leading && strings.HasPrefix(text, "CXRLE") {
		return p.xrle(text[len("CXRLE"):], line, col+len("CXRLE"))
	}
	if text == "" {
		return nil
	}
	kind, body := text[0], strings.TrimSpace(text[1:])
	switch kind {
	case 'N':
		p.pat.Name = body
	case 'O':
		p.pat.Author = body
	case 'C', 'c':
		p.pat.Comments = append(p.pat.Comments, body)
	case 'r':
		rule, _, _ := strings.Cut(body, " ")
		if rule == "" {
			return p.errorf(line, col+1, "#r line with no rule, want \"#r B3/S23\"")
		}
		return p.setRule(rule, line, col+1+strings.Index(text[1:], rule))
	default:
		p.pat.Comments = append(p.pat.Comments, strings.TrimSpace(text))
	}
	return nil
}

// xrle reads the fields of a "#CXRLE" line: Pos=X,Y and Gen=N; Golly
// ignores others, and so do we. col is the column text starts in.
func (p *rleParser) xrle(text string, line, col int) error {
	i := 0
	for i < len(text) {
		if text[i] == ' ' || text[i] == '\t' {
			i++
			continue
		}
		end := i
		for end < len(text) && text[end] != ' ' && text[end] != '\t' {
			end++
		}
		field, fcol := text[i:end], col+i
		i = end
		key, value, _ := strings.Cut(field, "=")
		vcol := fcol + len(key) + 1
		switch key {
		case "Pos":
			xs, ys, ok := strings.Cut(value, ",")
			x, errx := strconv.ParseInt(xs, 10, 64)
			y, erry := strconv.ParseInt(ys, 10, 64)
			if !ok || errx != nil || erry != nil {
				return p.errorf(line, vcol, "#CXRLE Pos=%q, want Pos=X,Y with whole numbers", value)
			}
			if x > MaxPos || x < -MaxPos || y > MaxPos || y < -MaxPos {
				return p.errorf(line, vcol, "#CXRLE Pos=%s is more than the limit of %d from the origin", value, int64(MaxPos))
			}
			p.pat.Positioned, p.pat.OriginX, p.pat.OriginY = true, x, y
			p.posLine, p.posCol = line, vcol
		case "Gen":
			if value == "" || strings.Trim(value, "0123456789") != "" {
				return p.errorf(line, vcol, "#CXRLE Gen=%q, want Gen=N with N a whole number from 0", value)
			}
			if len(value) > 1000 {
				return p.errorf(line, vcol, "#CXRLE Gen has %d digits, more than the limit of 1000", len(value))
			}
			p.pat.Gen = canonicalGen(value)
		}
	}
	return nil
}

// canonicalGen drops leading zeros from a generation count; "0" is "".
func canonicalGen(digits string) string {
	return strings.TrimLeft(digits, "0")
}

// header reads "x = W, y = H, rule = R"; the 'x' has been read, at line
// and startCol.
func (p *rleParser) header(line, startCol int) error {
	rest, _, _, _ := p.readLine()
	text := "x" + rest
	const want = "want \"x = W, y = H, rule = R\""
	seen := map[string]bool{}
	i := 0 // index into text
	skip := func() {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
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
			// The rule runs to the end of the line, since a bounded-grid
			// suffix has a comma of its own; Golly drops a final comma.
			value, i = strings.TrimSpace(text[i:]), len(text)
			value = strings.TrimSpace(strings.TrimSuffix(value, ","))
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
			if value == "" {
				return p.errorf(line, valueCol, "header rule is empty, %s", want)
			}
			if err := p.setRule(value, line, valueCol); err != nil {
				return err
			}
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
// bol says whether only blanks come before it on its line. White space and
// line breaks may come anywhere, even inside a run count.
func (p *rleParser) body(bol bool) error {
	var y, x int64
	var count int64
	countLine, countCol := 0, 0
	for {
		for countLine == 0 && !slowBody {
			// fastRows reads whole rows, fastBody the rest of a row
			// (and, for a RowSink, stops at its end).
			at := p.cur.pos
			var err error
			if bol, err = p.fastRows(&y, &x, bol); err != nil {
				return err
			}
			if bol, err = p.fastBody(&y, &x, bol); err != nil {
				return err
			}
			if p.cur.pos == at {
				break
			}
		}
		c := p.next()
		switch {
		case c >= '0' && c <= '9':
			if countLine == 0 {
				countLine, countCol = p.line, p.col
			}
			d := int64(c - '0')
			if count > (MaxCoord-d)/10 { // count*10+d would pass MaxCoord
				return p.errorf(countLine, countCol, "run count is more than the limit of %d", int64(MaxCoord))
			}
			count = count*10 + d
			bol = false
			continue
		case c == '\n':
			bol = true
			continue
		case isBlank(c):
			continue
		case c == '#' && bol && countLine == 0:
			if err := p.comment(false); err != nil {
				return err
			}
			continue
		case c == eof || c == '!':
			if countLine != 0 {
				return p.errorf(countLine, countCol, "run count %d is not followed by 'b', 'o' or '$'", count)
			}
			return nil
		}
		bol = false
		n := int64(1)
		if countLine != 0 {
			if count == 0 {
				return p.errorf(countLine, countCol, "run count 0, want 1 or more")
			}
			n = count
		}
		count, countLine = 0, 0
		if err := p.apply(c, n, &y, &x); err != nil {
			return err
		}
	}
}

// fastBody reads the bulk of an RLE body straight from the bytes, without
// the lexer's bookkeeping byte by byte: run counts with their tags 'b', 'o'
// and '$', and line ends. It hands the live runs on as apply and
// stateRun would: the same runs (adjacent ones merged, through the
// pending run), within the same budget, with the same checks of
// cancellation; to a [RowSink] it hands them on a row's words at a time.
// It stops before anything else (a blank, '!', '#', another letter, a
// count not followed by its tag on its line, a count of 0 or of more than
// 15 digits, a run that would break a limit or reach past MaxCoord, a
// pending run of another state), which the general path then reads as it
// would have, errors included, and it hands on what it gathered before it
// returns. The lexer is left where it stopped, its line and column those
// of the byte it read last (backup must not follow). bol is the body's: whether only
// blanks came since the start of the line; fastBody returns it updated.
func (p *rleParser) fastBody(y, x *int64, bol bool) (bool, error) {
	l, rd := p.lexer, p.rd
	data := l.data
	s := &l.cur
	i := s.pos
	if p.pend.N > 0 && p.pendS != 1 {
		return bol, nil
	}
	// The column of data[j] on the current line is j-base.
	line, base := s.nextLine, s.pos-s.nextCol
	start := i
	cy, cx := *y, *x
	py, px, pn := p.pend.Y, p.pend.X, p.pend.N // the pending run
	maxCells, maxRuns := rd.lim.Cells, rd.lim.Runs
	runs, cells, ticks := rd.runs, rd.cells, rd.ticks
	maxY, maxX := p.maxY, p.maxX
	rows := rd.rows != nil
	var err error
loop:
	for i < len(data) {
		c := data[i]
		if c == '\n' || c == '\r' {
			i++
			if c == '\r' && i < len(data) && data[i] == '\n' {
				i++
			}
			line, base = line+1, i-1
			bol = true
			continue
		}
		j, n := i, int64(1)
		nl, nb := line, base // line and base after the token
		if c >= '0' && c <= '9' {
			// Line ends may break a count (as the soups of mksoup.py do).
			n = 0
			digits := 0
			for ; j < len(data); j++ {
				d := data[j]
				if d >= '0' && d <= '9' && digits < 15 {
					n = n*10 + int64(d-'0')
					digits++
					continue
				}
				if d == '\n' || d == '\r' {
					if d == '\r' && j+1 < len(data) && data[j+1] == '\n' {
						j++
					}
					nl, nb = nl+1, j
					continue
				}
				break
			}
			if j == len(data) || n == 0 {
				break
			}
			c = data[j]
		}
		switch c {
		case 'b':
			if n > MaxCoord-cx {
				break loop
			}
			cx += n
		case 'o':
			if n > MaxCoord-cx || cells+pn+n > maxCells {
				break loop // apply's or stateRun's errors, if any
			}
			if pn > 0 && py == cy && px+pn == cx {
				pn += n
				cx += n
				break
			}
			if pn > 0 {
				// Hand the pending run on, as stateRun.
				if runs >= maxRuns {
					break loop // stateRun's error
				}
				runs++
				cells += pn
				if ticks++; ticks&0xfff == 0 {
					if err = rd.cancelled(); err != nil {
						break loop
					}
				}
				maxY, maxX = py+1, max(maxX, px+pn) // rows come in order
				if off := px - p.winX; rows && p.winOn && py == p.winY && off&63+pn <= 64 && off < 64*rowWords {
					// Within a word of the row gathered.
					p.win[off>>6] |= ^uint64(0) >> (64 - pn) << (off & 63)
					p.winHi = int(off >> 6)
				} else if err = p.put(py, px, pn); err != nil {
					break loop
				}
			}
			py, px, pn = cy, cx, n
			cx += n
		case '$':
			if n > MaxCoord-1-cy {
				break loop
			}
			cy, cx = cy+n, 0
			if rows {
				// The next row may go the faster way, fastRows.
				i, line, base, bol = j+1, nl, nb, false
				break loop
			}
		default:
			break loop
		}
		i, line, base = j+1, nl, nb
		bol = false
	}
	*y, *x = cy, cx
	p.pend, p.pendS = Run{py, px, pn}, 1
	if pn > 0 {
		maxY, maxX = max(maxY, py+1), max(maxX, px+pn)
	}
	p.maxY, p.maxX = maxY, maxX
	rd.runs, rd.cells, rd.ticks = runs, cells, ticks
	if i > start {
		s.pos, s.nextLine, s.nextCol = i, line, i-base
		s.line, s.col = line, i-base-1
		l.line, l.col = s.line, s.col
		l.saved = *s
	}
	if ferr := p.flush(); err == nil {
		err = ferr
	}
	return bol, err
}

// maxRowWords bounds the width of the patterns fastRows reads: 2^16
// cells, a row in 8 KB.
const maxRowWords = 1 << 10

// fastRows reads whole rows of an RLE body for a [RowSink], faster than
// fastBody: a row's runs go straight into its words, counted as they come,
// and the row is handed on at its '$' once its totals are known to break
// no limit. It starts only at the start of a row (handing on a pending
// run of the row before first), and stops at the end of the last whole
// row it read: a row with anything in it that fastBody would stop at, or
// a run past the declared width, or whose runs and cells would break the
// budget, or whose '$' count would pass MaxCoord, is read from its start
// again by the other paths, which meet the same errors at the same places.
// It hands on every run of a row it read at the row's '$', where the
// general path keeps the last one pending until the next: the budget
// counts it earlier but fastRows checked it would fit. Cancellation is
// checked every 4096 runs. The lexer is left as fastBody leaves it.
func (p *rleParser) fastRows(y, x *int64, bol bool) (bool, error) {
	rd := p.rd
	if rd.rows == nil || *x != 0 || p.pat.W <= 0 || p.pat.W > 64*maxRowWords-64 {
		return bol, nil
	}
	if p.pend.N > 0 {
		// The last run of the row before: hand it on, as stateRun.
		if p.pendS != 1 || p.pend.Y >= *y || rd.runs >= rd.lim.Runs {
			return bol, nil
		}
		rd.runs++
		rd.cells += p.pend.N // within the limit: apply checked it
		if err := rd.sink.Run(p.pend.Y, p.pend.X, p.pend.N); err != nil {
			return bol, err
		}
		p.pend = Run{}
	}
	if p.row == nil {
		p.row = make([]uint64, (p.pat.W+63)/64+1)
	}
	win := p.row
	limit := 64 * int64(len(win))
	l := p.lexer
	data := l.data
	s := &l.cur
	i := s.pos
	line, base := s.nextLine, s.pos-s.nextCol // the column of data[j] is j-base
	cy := *y
	start := i
	var err error
rows:
	for i < len(data) {
		i0, line0, base0, bol0 := i, line, base, bol
		var cx, end, runs, cells, dy int64 // end: where the last run ended
		end = -1
		lo, hi := len(win), -1 // the words written
		for i < len(data) {
			c := data[i]
			if c == '\n' || c == '\r' {
				i++
				if c == '\r' && i < len(data) && data[i] == '\n' {
					i++
				}
				line, base = line+1, i-1
				bol = true
				continue
			}
			j, n := i, int64(1)
			if c >= '0' && c <= '9' {
				// Line ends may break a count (as the soups of mksoup.py do).
				n = 0
				digits, nl, nb := 0, line, base
				for ; j < len(data); j++ {
					d := data[j]
					if d >= '0' && d <= '9' && digits < 15 {
						n = n*10 + int64(d-'0')
						digits++
						continue
					}
					if d == '\n' || d == '\r' {
						if d == '\r' && j+1 < len(data) && data[j+1] == '\n' {
							j++
						}
						nl, nb = nl+1, j
						continue
					}
					break
				}
				if j == len(data) || n == 0 {
					break
				}
				c = data[j]
				line, base = nl, nb // a token not taken reads the row again
			}
			i, bol = j+1, false
			switch c {
			case 'b':
				cx += n
				continue
			case 'o':
				if n > limit-cx {
					break // past the width, or the row's end passes MaxCoord
				}
				if cx != end {
					runs++
				}
				cells += n
				a, b := int(cx>>6), int((cx+n-1)>>6)
				lo, hi = min(lo, a), max(hi, b)
				if a == b {
					win[a] |= ^uint64(0) >> (64 - n) << (cx & 63)
				} else {
					setBits(win[a:b+1], uint(cx&63), uint(cx&63)+uint(n))
				}
				cx += n
				end = cx
				continue
			case '$':
				dy = n
			}
			break
		}
		if dy == 0 || dy > MaxCoord-1-cy || rd.runs+runs > rd.lim.Runs || rd.cells+cells > rd.lim.Cells {
			// Not a whole row, or one that breaks a limit: read it
			// again from its start, the other way.
			if hi >= lo {
				clear(win[lo : hi+1])
			}
			i, line, base, bol = i0, line0, base0, bol0
			break rows
		}
		// Cancellation is checked every 4096 runs, as stateRun does.
		if ticks := rd.ticks + int(runs); ticks>>12 != rd.ticks>>12 {
			if err = rd.cancelled(); err != nil {
				break
			}
		}
		rd.ticks += int(runs)
		rd.runs += runs
		rd.cells += cells
		if runs > 0 {
			p.maxY, p.maxX = max(p.maxY, cy+1), max(p.maxX, end)
			words := win[lo : hi+1]
			err = rd.rows.Row(cy, 64*int64(lo), words)
			clear(words)
			if err != nil {
				break
			}
		}
		cy += dy
	}
	*y = cy
	if i > start {
		s.pos, s.nextLine, s.nextCol = i, line, i-base
		s.line, s.col = line, i-base-1
		l.line, l.col = s.line, s.col
		l.saved = *s
	}
	return bol, err
}

// put hands on a run of live cells that fastBody has accounted for: to a
// [RowSink] through the row's words it gathers, else to the sink.
func (p *rleParser) put(y, x, n int64) error {
	if p.rd.rows == nil {
		return p.rd.sink.Run(y, x, n)
	}
	if !p.winOn || y != p.winY || x+n > p.winX+64*rowWords {
		if err := p.flush(); err != nil {
			return err
		}
		if n > 64*rowWords/2 {
			return p.rd.sink.Run(y, x, n) // a long run as it is
		}
		p.winOn, p.winY, p.winX = true, y, x&^63
		p.winLo = int(x-p.winX) >> 6
	}
	// Runs of a row come left to right: x is past the runs before.
	off := x - p.winX
	a, b := uint(off&63), uint(off&63)+uint(n) // bits a to b-1 from word off>>6
	w := p.win[off>>6:]
	if b <= 64 {
		w[0] |= ^uint64(0) >> (64 - (b - a)) << a
		p.winHi = int(off >> 6)
		return nil
	}
	p.winHi = int(off>>6) + int((b-1)>>6)
	setBits(w[:(b+63)>>6], a, b)
	return nil
}

// setBits sets bits a to b-1 of the words w, a < 64, b <= 64*len(w).
func setBits(w []uint64, a, b uint) {
	if len(w) == 1 {
		w[0] |= ^uint64(0) >> (64 - (b - a)) << a
		return
	}
	w[0] |= ^uint64(0) << a
	for k := 1; k < len(w)-1; k++ {
		w[k] = ^uint64(0)
	}
	w[len(w)-1] |= ^uint64(0) >> (64*uint(len(w)) - b)
}

// flush hands the row gathered by put to the [RowSink] and empties it.
func (p *rleParser) flush() error {
	if !p.winOn {
		return nil
	}
	p.winOn = false
	words := p.win[p.winLo : p.winHi+1]
	err := p.rd.rows.Row(p.winY, p.winX+64*int64(p.winLo), words)
	clear(words)
	return err
}

// apply applies the tag c with run count n at row *y, column *x; the tag
// is the byte the lexer read last.
func (p *rleParser) apply(c int, n int64, y, x *int64) error {
	alive := false
	state := uint8(1)
	switch {
	case c == 'b' || c == '.':
	case c == 'o':
		alive = true
	case c == '$':
		if n > MaxCoord-1-*y { // a row's end, y+1, fits too
			return p.errorf(p.line, p.col, "pattern reaches past the limit of %d cells from its corner", int64(MaxCoord))
		}
		*y += n
		*x = 0
		return nil
	case p.history && c >= 'A' && c <= 'F':
		alive = c == 'A' || c == 'C' || c == 'E'
	case p.history && (c >= 'G' && c <= 'X' || c >= 'p' && c <= 'y'):
		return p.errorf(p.line, p.col, "unexpected %s: LifeHistory has states 'A' to 'F' only", quote(c))
	case c >= 'A' && c <= 'X':
		alive, state = true, uint8(c-'A'+1)
	case c >= 'p' && c <= 'y':
		// Extended RLE's states 25 to 255: 'p' to 'y' and a letter.
		line, col := p.line, p.col
		d := p.next()
		if d < 'A' || d > 'X' || c == 'y' && d > 'O' {
			if d == eof || d == '\n' {
				return p.errorf(line, col, "%s must be followed by a state letter, 'A' to %s", quote(c), map[bool]string{true: "'O'", false: "'X'"}[c == 'y'])
			}
			return p.errorf(p.line, p.col, "unexpected %s after %s: states 25 to 255 are 'pA' to 'yO'", quote(d), quote(c))
		}
		alive, state = true, uint8(25+24*(c-'p')+(d-'A'))
	default:
		return p.errorf(p.line, p.col, "unexpected %s, want a run count, 'b', 'o', '$' or '!'", quote(c))
	}
	if n > MaxCoord-*x {
		return p.errorf(p.line, p.col, "pattern reaches past the limit of %d cells from its corner", int64(MaxCoord))
	}
	if alive {
		if p.pend.N > 0 && p.pend.Y == *y && p.pend.X+p.pend.N == *x && p.pendS == state {
			p.pend.N += n
		} else {
			if p.pend.N > 0 {
				if err := p.rd.stateRun(p.lexer, p.pend.Y, p.pend.X, p.pend.N, p.pendS); err != nil {
					return err
				}
			}
			p.pend, p.pendS = Run{*y, *x, n}, state
		}
		if p.pend.N > p.rd.lim.Cells || p.rd.cells+p.pend.N > p.rd.lim.Cells {
			return p.errorf(p.line, p.col, "more than the limit of %d live cells", p.rd.lim.Cells)
		}
		p.maxY, p.maxX = max(p.maxY, *y+1), max(p.maxX, *x+n)
	}
	*x += n
	return nil
}

// maxLine is the longest line of cell data WriteRLE writes, as Golly.
const maxLine = 70

// WriteRLE writes p in Golly's RLE format: a "#CXRLE Pos=X,Y Gen=N" line
// when p is positioned or has a generation, #N, #O and #C lines, the header
// with the rule (B3/S23 when p has none), and the cells in lines of at most
// 70 characters, ending with '!'. The header's size is the pattern's
// bounding box, and the cells are written relative to its corner.
func WriteRLE(w io.Writer, p *Pattern) error { return RLEWriter(nil, w, p, nil, Limits{}) }

// writeRLE writes p with the cells of src, as WriteRLE says, row by row as
// src hands them on: the cells are never all in memory at once.
func writeRLE(w io.Writer, p *Pattern, src Source, lim Limits) error {
	if err := checkCells(src, lim, "RLE"); err != nil {
		return err
	}
	bw := flushing(w)
	top, left, h, wd, ok := src.Bounds()
	if !ok {
		top, left = 0, 0
	}
	if p.Positioned || p.Gen != "" {
		y0, x0 := p.TopLeft()
		fmt.Fprintf(bw, "#CXRLE Pos=%d,%d", x0+left, y0+top)
		if p.Gen != "" {
			fmt.Fprintf(bw, " Gen=%s", p.Gen)
		}
		bw.WriteByte('\n')
	}
	writeComments(bw, p, "#N ", "#O ", "#C ")
	rule := p.Rule
	if rule == "" {
		rule = "B3/S23"
	}
	fmt.Fprintf(bw, "x = %d, y = %d, rule = %s\n", wd, h, rule)
	line := 0
	var tok []byte
	emit := func(n int64, tag string) {
		tok = tok[:0]
		if n > 1 {
			tok = strconv.AppendInt(tok, n, 10)
		}
		tok = append(tok, tag...)
		if line+len(tok) > maxLine {
			bw.WriteByte('\n')
			line = 0
		}
		bw.Write(tok)
		line += len(tok)
	}
	row, col := top, left
	var cells int64
	// A pattern of many states is written in extended RLE, as Golly
	// writes it: '.' for dead cells and each state's letters.
	dead, ss, many := "b", StateSource(nil), false
	if ss, many = src.(StateSource); many && ss.ManyStates() {
		dead = "."
	} else {
		many = false
	}
	put := func(r Run, s uint8) error {
		if cells += r.N; cells > lim.Cells {
			return fmt.Errorf("more than the limit of %d cells for RLE: %w; write macrocell (.mc)", lim.Cells, ErrTooLarge)
		}
		if r.Y > row {
			emit(r.Y-row, "$")
			row, col = r.Y, left
		}
		if r.X > col {
			emit(r.X-col, dead)
		}
		if many {
			emit(r.N, StateLetters(s))
		} else {
			emit(r.N, "o")
		}
		col = r.X + r.N
		return nil
	}
	var err error
	if many {
		err = ss.EachStateRun(put)
	} else {
		err = src.EachRun(func(r Run) error { return put(r, 1) })
	}
	if err != nil {
		return err
	}
	emit(1, "!")
	bw.WriteByte('\n')
	return bw.Flush()
}

// writeComments writes p's name, author and comments on lines that start
// with the given prefixes; an empty name or author is not written.
func writeComments(w *bufio.Writer, p *Pattern, name, author, comment string) {
	if p.Name != "" {
		w.WriteString(name + p.Name + "\n")
	}
	if p.Author != "" {
		w.WriteString(author + p.Author + "\n")
	}
	for _, c := range p.Comments {
		w.WriteString(strings.TrimRight(comment+c, " ") + "\n")
	}
}

// StateLetters returns extended RLE's letters for state s, as Golly writes
// them: "." for 0, "A" to "X" for 1 to 24, "pA" to "pX" for 25 to 48, "qA"
// for 49, and so on to "yO" for 255.
func StateLetters(s uint8) string {
	switch {
	case s == 0:
		return "."
	case s <= 24:
		return string(rune('A' + s - 1))
	}
	k := int(s) - 25
	return string([]byte{byte('p' + k/24), byte('A' + k%24)})
}
