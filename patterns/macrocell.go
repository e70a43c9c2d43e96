package patterns

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"strings"
)

// MaxDepth is the deepest macrocell node a reader accepts: a node of depth
// d is 2^d cells square, and a root of depth MaxDepth holds every cell
// within [MaxPos] of the origin. Cells farther out are an error.
const MaxDepth = 61

// sniffMacrocell reports whether a file starting with the line first is a
// macrocell file, as Golly decides: it starts with '['.
func sniffMacrocell(first string) bool { return strings.HasPrefix(first, "[") }

// mcNode is a macrocell node as read: a leaf's rows, or four children.
type mcNode struct {
	depth int
	leaf  [8]uint8 // row 0 at the top; bit 7 is the leftmost cell
	kids  [4]int   // nw, ne, sw, se; 0 is empty
	pop   uint64   // live cells, saturating past runLimit
}

// readMacrocell reads a pattern in Golly's macrocell format from data, as
// Golly writes it: the "[M2]" header line, "#R" rule, "#G" generation and
// "#C" comment lines ("#N" and "#O" give the name and author, and other '#'
// lines are kept as comments), then the tree, one node a line, numbered
// from 1 in order. A leaf is an 8 x 8 square of cells, rows of '.' (dead)
// and '*' (alive) each ended by '$', top row first; a node "D NW NE SW SE"
// is a square of 2^D cells (D from 4) made of four nodes of depth D-1 that
// come before it, 0 standing for an empty one. The last node is the whole
// pattern; a root of depth D covers columns -2^(D-1) to 2^(D-1)-1 and rows
// -2^(D-1)+1 to 2^(D-1), as in Golly's HashLife. Errors are [*Error]s; a
// pattern of more than [MaxRuns] live cells is one, found before any cell
// is set.
func readMacrocell(name string, data []byte) (*Pattern, error) {
	l := newLexer(name, data)
	pat := Pattern{Positioned: true}
	text, line, _, ok := l.readLine()
	for ok && strings.TrimSpace(text) == "" {
		text, line, _, ok = l.readLine()
	}
	if !ok {
		return nil, &Error{File: name, Msg: "empty file, want the macrocell header \"[M2]\""}
	}
	if !strings.HasPrefix(text, "[M2]") {
		return nil, l.errorf(line, 1, "unexpected %q, want the macrocell header \"[M2]\"", text)
	}
	nodes := []mcNode{{}} // node 0 is the empty node of any depth
	root, rootLine := 0, 0
	for {
		text, line, _, ok := l.readLine()
		if !ok {
			break
		}
		t := strings.TrimRight(text, " \t")
		if t == "" {
			continue
		}
		switch c := t[0]; {
		case c == '#':
			if len(t) == 1 {
				continue
			}
			body := strings.TrimSpace(t[2:])
			switch t[1] {
			case 'R':
				if pat.Rule = cleanRule(body); pat.Rule == "" {
					return nil, l.errorf(line, 3, "#R line with no rule, want \"#R B3/S23\"")
				}
			case 'G':
				if body == "" || strings.Trim(body, "0123456789") != "" {
					return nil, l.errorf(line, 3, "#G %q, want a whole number from 0", body)
				}
				if len(body) > 1000 {
					return nil, l.errorf(line, 3, "#G has %d digits, more than the limit of 1000", len(body))
				}
				pat.Gen = canonicalGen(body)
			case 'C', 'c':
				pat.Comments = append(pat.Comments, body)
			case 'N':
				pat.Name = body
			case 'O':
				pat.Author = body
			default:
				pat.Comments = append(pat.Comments, strings.TrimSpace(t[1:]))
			}
		case c == '.' || c == '*' || c == '$':
			n, err := mcLeaf(l, t, line)
			if err != nil {
				return nil, err
			}
			nodes = append(nodes, n)
		case c >= '0' && c <= '9':
			n, err := mcBranch(l, t, line, nodes)
			if err != nil {
				return nil, err
			}
			nodes = append(nodes, n)
			root, rootLine = len(nodes)-1, line
		default:
			return nil, l.errorf(line, 1, "unexpected %s at the start of a line, want a leaf ('.', '*' or '$'), a node (\"D NW NE SW SE\") or '#'", quote(int(c)))
		}
		if len(nodes) > MaxRuns {
			return nil, l.errorf(line, 1, "more than the limit of %d nodes", MaxRuns)
		}
	}
	if root == 0 {
		return &pat, nil
	}
	if pop := nodes[root].pop; pop > uint64(runLimit) {
		return nil, l.errorf(rootLine, 1, "node %d, the whole pattern, has more than the limit of %d live cells", root, runLimit)
	}
	var cells Builder
	d := nodes[root].depth
	half := int64(1) << (d - 1)
	mcCells(nodes, root, -half+1, -half, &cells)
	pat.Runs = cells.Runs()
	pat.normalize()
	if pat.OriginX < -MaxPos || pat.OriginY < -MaxPos || pat.OriginX+pat.W-1 > MaxPos || pat.OriginY+pat.H-1 > MaxPos {
		return nil, l.errorf(rootLine, 1, "node %d, the whole pattern, has live cells past the limit of %d cells from the origin", root, int64(MaxPos))
	}
	return &pat, nil
}

// mcLeaf reads a leaf line.
func mcLeaf(l *lexer, t string, line int) (mcNode, error) {
	n := mcNode{depth: 3}
	x, y := 0, 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '*':
			if x > 7 || y > 7 {
				return n, l.errorf(line, i+1, "'*' outside the leaf's 8 x 8 cells, want at most 8 cells a row and 8 rows")
			}
			n.leaf[y] |= 0x80 >> x
			n.pop++
			x++
		case '.':
			x++
		case '$':
			x = 0
			y++
		default:
			return n, l.errorf(line, i+1, "unexpected %s in a leaf, want '.', '*' or '$'", quote(int(t[i])))
		}
	}
	return n, nil
}

// mcBranch reads a node line "D NW NE SW SE".
func mcBranch(l *lexer, t string, line int, nodes []mcNode) (mcNode, error) {
	var n mcNode
	fields, cols := []string{}, []int{}
	for i := 0; i < len(t); {
		if isBlank(int(t[i])) {
			i++
			continue
		}
		j := i
		for j < len(t) && !isBlank(int(t[j])) {
			j++
		}
		fields, cols = append(fields, t[i:j]), append(cols, i+1)
		i = j
	}
	if len(fields) != 5 {
		return n, l.errorf(line, 1, "node line with %d numbers, want 5: depth and four node numbers", len(fields))
	}
	vals := make([]int64, 5)
	for k, f := range fields {
		v, err := strconv.ParseInt(f, 10, 64)
		if err != nil || v < 0 {
			if err != nil && strings.Trim(f, "0123456789") == "" {
				return n, l.errorf(line, cols[k], "node number %s is more than the limit of %d", f, MaxRuns)
			}
			return n, l.errorf(line, cols[k], "unexpected %q in a node line, want a whole number", f)
		}
		vals[k] = v
	}
	if vals[0] < 3 {
		return n, l.errorf(line, cols[0], "node depth %d, want 4 to %d: multi-state macrocell files are not supported", vals[0], MaxDepth)
	}
	if vals[0] < 4 || vals[0] > MaxDepth {
		return n, l.errorf(line, cols[0], "node depth %d, want 4 to %d", vals[0], MaxDepth)
	}
	n.depth = int(vals[0])
	for k := 0; k < 4; k++ {
		id := vals[k+1]
		if id >= int64(len(nodes)) {
			return n, l.errorf(line, cols[k+1], "node %d is not defined yet, want a number from 0 to %d", id, len(nodes)-1)
		}
		if id != 0 && nodes[id].depth != n.depth-1 {
			return n, l.errorf(line, cols[k+1], "node %d has depth %d, want depth %d in a node of depth %d", id, nodes[id].depth, n.depth-1, n.depth)
		}
		n.kids[k] = int(id)
		n.pop += nodes[id].pop
	}
	n.pop = min(n.pop, uint64(runLimit)+1)
	return n, nil
}

// mcCells adds the live cells of node id, whose top-left cell is at
// (y, x), to b.
func mcCells(nodes []mcNode, id int, y, x int64, b *Builder) {
	n := &nodes[id]
	if id == 0 || n.pop == 0 {
		return
	}
	if n.depth == 3 {
		for r, bitsRow := range n.leaf {
			for bitsRow != 0 {
				c := bits.LeadingZeros8(bitsRow)
				k := bits.LeadingZeros8(^(bitsRow << c))
				b.Add(y+int64(r), x+int64(c), int64(k))
				bitsRow &^= uint8(0xff<<(8-k)) >> c
			}
		}
		return
	}
	h := int64(1) << (n.depth - 1)
	mcCells(nodes, n.kids[0], y, x, b)
	mcCells(nodes, n.kids[1], y, x+h, b)
	mcCells(nodes, n.kids[2], y+h, x, b)
	mcCells(nodes, n.kids[3], y+h, x+h, b)
}

// WriteMacrocell writes p in Golly's macrocell format, as Golly writes it:
// "[M2]", the "#R" rule (B3/S23 when p has none), "#G" when p has a
// generation, "#N", "#O" and "#C" lines (Golly ignores the first two), then
// the tree of the smallest root of depth 4 or more that holds the pattern
// where [Pattern.TopLeft] puts it, nodes numbered in the order Golly
// numbers them (children first, each distinct node once). An empty pattern
// has no nodes.
func WriteMacrocell(w io.Writer, p *Pattern) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("[M2] (life)\n")
	rule := p.Rule
	if rule == "" {
		rule = "B3/S23"
	}
	fmt.Fprintf(bw, "#R %s\n", rule)
	if p.Gen != "" {
		fmt.Fprintf(bw, "#G %s\n", p.Gen)
	}
	writeComments(bw, p, "#N ", "#O ", "#C ")
	top, left, h, wd, ok := p.Bounds()
	if ok {
		y0, x0 := p.TopLeft()
		top, left = top+y0, left+x0
		bottom, right := top+h-1, left+wd-1
		// A root of depth d covers x in [-2^(d-1), 2^(d-1)) and y in
		// [-2^(d-1)+1, 2^(d-1)].
		d := 4
		for {
			half := int64(1) << (d - 1)
			if left >= -half && right < half && top >= -half+1 && bottom <= half {
				break
			}
			d++
		}
		runs := make([]Run, len(p.Runs))
		for i, r := range p.Runs {
			runs[i] = Run{r.Y + y0, r.X + x0, r.N}
		}
		half := int64(1) << (d - 1)
		mw := &mcWriter{w: bw, ids: map[mcKey]int{}, byContent: map[string]int{}}
		mw.node(d, -half+1, -half, runs)
	}
	return bw.Flush()
}

// mcKey identifies a distinct node: a leaf's rows, or a depth and four
// children.
type mcKey struct {
	depth int
	leaf  [8]uint8
	kids  [4]int
}

type mcWriter struct {
	w         *bufio.Writer
	ids       map[mcKey]int
	byContent map[string]int // nodes of few runs by their runs
	next      int
}

// node writes the node of depth d whose top-left cell is (y, x), holding
// runs (sorted, all inside it), after its children, unless an equal node
// was written before; it returns the node's number, 0 for an empty one.
func (m *mcWriter) node(d int, y, x int64, runs []Run) int {
	if len(runs) == 0 {
		return 0
	}
	// A node with few runs is looked up by its content before its
	// children are built, so that long runs, which cross many equal
	// nodes, cost what their ends cost.
	var content string
	if len(runs) <= 64 {
		buf := binary.AppendUvarint(nil, uint64(d))
		for _, r := range runs {
			buf = binary.AppendUvarint(buf, uint64(r.Y-y))
			buf = binary.AppendUvarint(buf, uint64(r.X-x))
			buf = binary.AppendUvarint(buf, uint64(r.N))
		}
		content = string(buf)
		if id, ok := m.byContent[content]; ok {
			return id
		}
	}
	var key mcKey
	key.depth = d
	if d == 3 {
		for _, r := range runs {
			for c := r.X; c < r.X+r.N; c++ {
				key.leaf[r.Y-y] |= 0x80 >> (c - x)
			}
		}
	} else {
		h := int64(1) << (d - 1)
		split := 0
		for split < len(runs) && runs[split].Y < y+h {
			split++
		}
		for k, half := range [2][]Run{runs[:split], runs[split:]} {
			var west, east []Run
			for _, r := range half {
				switch {
				case r.X+r.N <= x+h:
					west = append(west, r)
				case r.X >= x+h:
					east = append(east, r)
				default:
					west = append(west, Run{r.Y, r.X, x + h - r.X})
					east = append(east, Run{r.Y, x + h, r.X + r.N - x - h})
				}
			}
			key.kids[2*k] = m.node(d-1, y+int64(k)*h, x, west)
			key.kids[2*k+1] = m.node(d-1, y+int64(k)*h, x+h, east)
		}
	}
	if id, ok := m.ids[key]; ok {
		if content != "" {
			m.byContent[content] = id
		}
		return id
	}
	m.next++
	m.ids[key] = m.next
	if content != "" {
		m.byContent[content] = m.next
	}
	if d == 3 {
		last := 7
		for key.leaf[last] == 0 {
			last--
		}
		for r := 0; r <= last; r++ {
			row := key.leaf[r]
			for c := 0; row != 0; c++ {
				if row&0x80 != 0 {
					m.w.WriteByte('*')
				} else {
					m.w.WriteByte('.')
				}
				row <<= 1
			}
			m.w.WriteByte('$')
		}
		m.w.WriteByte('\n')
	} else {
		fmt.Fprintf(m.w, "%d %d %d %d %d\n", d, key.kids[0], key.kids[1], key.kids[2], key.kids[3])
	}
	return m.next
}
