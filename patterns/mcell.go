package patterns

import (
	"strconv"
	"strings"
)

// MCell files (.mcl), Mirek Wojtowicz's format, read as Golly reads them
// (gollybase/readpattern.cpp's readmcell, checked against bgolly):
//
//	#MCell 4.20
//	#GAME Generations
//	#RULE 345/2/4
//	#BOARD 500x500
//	#WRAP 0
//	#D comment lines
//	#L 19.AA$19.ADAA$20.DBA...
//
// The first line starts with "#MCell". #GAME names the family: "Life"
// (its #RULE survival before birth, "23/3"), "Generations" ("345/2/4"),
// "Larger than Life" ("R5,C0,M1,S34..58,B34..45,NM"); MCell's HistoricalLife
// and weighted-Life rules that are Life are read as Golly reads them. A
// #BOARD makes the grid bounded, a torus with #WRAP 1 and a bounded plane
// otherwise: the rule gets the suffix (":T500,500", ":P500,500") and the
// pattern is centred on the grid as Golly centres it. #D lines are the
// comments; other lines starting with '#' (#SPEED, #CCOLORS, #PALETTE,
// ...) are MCell's display settings, and ignored. #L lines are the cells,
// runs of '.' (dead), 'A' to 'X' (states 1 to 24) and 'a' to 'j' followed
// by a letter (states 25 to 255), a count before each, '$' ending a row.
// Golly reads a state the rule does not have as state 1, and so does
// engine/universe: the pattern's ClampStates says so.

// sniffMCell reports whether a file starting with the line first is MCell.
func sniffMCell(first string) bool { return strings.HasPrefix(first, "#MCell") }

// readMCell reads the whole file, then hands its cells to o's sink when it
// has one: MCell files are small (MCell's boards).
func readMCell(name string, data []byte, o *ReadOptions) (*Pattern, error) {
	rd := newReading(name, o)
	l := newLexer(name, data)
	p, err := parseMCell(l, rd.lim.Runs)
	if err != nil {
		return nil, err
	}
	runs, states := p.Runs, p.States
	p.Runs, p.States = nil, nil
	if err := rd.begin(p); err != nil {
		return nil, err
	}
	for i, r := range runs {
		s := uint8(1)
		if states != nil {
			s = states[i]
		}
		if err := rd.stateRun(l, r.Y, r.X, r.N, s); err != nil {
			return nil, err
		}
	}
	rd.finish(p)
	return p, nil
}

// parseMCell reads an MCell file's header lines and cells, within
// runLimit runs.
func parseMCell(l *lexer, runLimit int64) (*Pattern, error) {
	pat := Pattern{ClampStates: true}
	var cells Builder
	var game, rule string
	wd, ht, wrap := int64(0), int64(0), int64(0)
	var y, x int64
	first := true
	for {
		text, line, col, ok := l.readLine()
		if !ok {
			break
		}
		if first {
			first = false
			if !strings.HasPrefix(text, "#MCell") {
				return nil, l.errorf(line, col, "not an MCell file: want #MCell on the first line")
			}
			continue
		}
		switch {
		case strings.TrimSpace(text) == "":
			continue
		case !strings.HasPrefix(text, "#"):
			return nil, l.errorf(line, col, "unexpected line %q: an MCell file's lines start with '#'", clip(text))
		case strings.HasPrefix(text, "#GAME"):
			// The rule says what Golly runs: WireWorld's "Rules
			// table" has "#GOLLY WireWorld", say.
			game = strings.TrimSpace(text[len("#GAME"):])
		case strings.HasPrefix(text, "#RULE") || strings.HasPrefix(text, "#GOLLY"):
			if rule != "" {
				continue // Golly takes the first.
			}
			skip := len("#RULE")
			if text[1] == 'G' {
				skip = len("#GOLLY")
			}
			body := text[skip:]
			trimmed := strings.TrimLeft(body, " \t")
			fields := strings.Fields(trimmed)
			if len(fields) == 0 {
				return nil, l.errorf(line, col, "empty %s line, want a rule", text[:skip])
			}
			rule = cleanRule(fields[0])
			switch {
			case strings.HasPrefix(rule, "1,0,1,0,0,0,1,0,0,0,0,0,0,2,2,1,1,2,2,2,2,2,0,2,2,2,1,2,2,2,2,2"):
				// MCell's HistoricalLife: Golly's LifeHistory.
				rule = "LifeHistory"
			case strings.HasPrefix(rule, "1,0,0,0,0,0,1,0,0,0,0,0,0,0,0,1,1"):
				// Weighted Life that is Life.
				rule = "B3/S23"
			}
		case strings.HasPrefix(text, "#BOARD"):
			w, h, ok := parseBoard(strings.TrimSpace(text[len("#BOARD"):]))
			if !ok {
				return nil, l.errorf(line, col, "bad #BOARD %q, want WIDTHxHEIGHT", clip(strings.TrimSpace(text[6:])))
			}
			wd, ht = w, h
			y, x = -(ht / 2), -(wd / 2)
		case strings.HasPrefix(text, "#WRAP"):
			v := strings.TrimSpace(text[len("#WRAP"):])
			if v != "0" && v != "1" {
				return nil, l.errorf(line, col, "bad #WRAP %q, want 0 (a plane) or 1 (a torus)", clip(v))
			}
			wrap = int64(v[0] - '0')
		case strings.HasPrefix(text, "#D"):
			if len(text) == 2 || text[2] == ' ' {
				pat.Comments = append(pat.Comments, strings.TrimSpace(strings.TrimPrefix(text[2:], " ")))
			}
		case strings.HasPrefix(text, "#L "):
			if err := mcellRow(l, text[3:], line, col+3, &cells, &y, &x, wd, runLimit); err != nil {
				return nil, err
			}
		}
	}
	if rule == "" {
		rule = "B3/S23"
		if game == "Generations" || game == "Larger than Life" {
			return nil, l.errorf(0, 0, "an MCell %s file needs a #RULE line", game)
		}
	}
	if wd > 0 || ht > 0 {
		if wrap == 1 {
			rule += ":T" + strconv.FormatInt(wd, 10) + "," + strconv.FormatInt(ht, 10)
		} else {
			rule += ":P" + strconv.FormatInt(wd, 10) + "," + strconv.FormatInt(ht, 10)
		}
	}
	pat.Rule = rule
	runs := cells.Runs()
	pat.States = cells.States()
	if len(runs) == 0 {
		pat.Positioned = true
		return &pat, nil
	}
	// The cells lie where they were read, in Golly's coordinates. On a
	// bounded grid Golly centres them: it shifts them down and right by
	// half the room left (plus one, as MCell does).
	top, left, h, w, _ := boundsOf(runs)
	y0, x0 := top, left
	if wd > 0 || ht > 0 {
		if sx, sy := (wd+1-w)/2, (ht+1-h)/2; sx > 0 || sy > 0 {
			y0, x0 = top+sy, left+sx
		}
	}
	for i := range runs {
		runs[i].Y -= top
		runs[i].X -= left
	}
	pat.Runs = runs
	pat.Positioned, pat.OriginY, pat.OriginX = true, y0, x0
	pat.W, pat.H = w, h
	return &pat, nil
}

// boundsOf returns the box of runs as Pattern.Bounds does.
func boundsOf(runs []Run) (y, x, h, w int64, ok bool) {
	p := Pattern{Runs: runs}
	return p.Bounds()
}

// parseBoard reads "WIDTHxHEIGHT".
func parseBoard(s string) (w, h int64, ok bool) {
	a, b, found := strings.Cut(strings.ToLower(s), "x")
	if !found {
		return 0, 0, false
	}
	w, err1 := strconv.ParseInt(a, 10, 64)
	h, err2 := strconv.ParseInt(b, 10, 64)
	if err1 != nil || err2 != nil || w < 0 || h < 0 || w > MaxPos || h > MaxPos {
		return 0, 0, false
	}
	return w, h, true
}

// mcellRow reads the cells of one #L line, text, which starts at (line,
// col), from row *y and column *x on.
func mcellRow(l *lexer, text string, line, col int, cells *Builder, y, x *int64, wd, runLimit int64) error {
	var n int64
	countCol := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= '0' && c <= '9':
			if countCol == 0 {
				countCol = col + i
			}
			if n > (MaxCoord-int64(c-'0'))/10 {
				return l.errorf(line, countCol, "run count is more than the limit of %d", int64(MaxCoord))
			}
			n = n*10 + int64(c-'0')
			continue
		case c <= ' ':
			continue
		}
		k := max(n, 1)
		if n == 0 && countCol != 0 {
			return l.errorf(line, countCol, "run count 0, want 1 or more")
		}
		n, countCol = 0, 0
		// x and y stay within ±(MaxPos+1), so that MaxPos+1-x and
		// MaxPos+1-y never overflow and no sum leaves an int64.
		switch {
		case c == '.':
			if k > MaxPos+1-*x {
				return l.errorf(line, col+i, "pattern reaches past the limit of %d cells from the origin", int64(MaxPos))
			}
			*x += k
		case c == '$':
			if k > MaxPos+1-*y {
				return l.errorf(line, col+i, "pattern reaches past the limit of %d cells from the origin", int64(MaxPos))
			}
			*y += k
			*x = -(wd / 2)
		case c >= 'A' && c <= 'X' || c >= 'a' && c <= 'j':
			state := 0
			if c >= 'a' {
				if i+1 >= len(text) || text[i+1] < 'A' || text[i+1] > 'X' {
					return l.errorf(line, col+i, "illegal multi-char state: %s must be followed by 'A' to 'X'", quote(int(c)))
				}
				state = 24 * int(c-'a'+1)
				i++
				c = text[i]
			}
			state += int(c-'A') + 1
			if state > 255 {
				return l.errorf(line, col+i, "state %d is more than 255", state)
			}
			if k > MaxPos+1-*x || *x < -MaxPos || *y > MaxPos || *y < -MaxPos {
				return l.errorf(line, col+i, "pattern reaches past the limit of %d cells from the origin", int64(MaxPos))
			}
			if state == 1 {
				cells.Add(*y, *x, k)
			} else {
				cells.AddState(*y, *x, k, uint8(state))
			}
			if int64(cells.Len()) > runLimit {
				return l.errorf(line, col+i, "more than the limit of %d runs of live cells", runLimit)
			}
			*x += k
		default:
			return l.errorf(line, col+i, "unexpected %s in an #L line, want a run count, '.', '$', 'A' to 'X' or 'a' to 'j' and a letter", quote(int(c)))
		}
	}
	if countCol != 0 {
		return l.errorf(line, countCol, "run count %d at the end of an #L line", n)
	}
	return nil
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
