package patterns

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unsafe"
)

// MaxDepth is the deepest macrocell node a reader accepts: a node of depth
// d is 2^d cells square. A root deeper than 63 is read only into a
// [TreeSink] (HashLife grows that far after some 2^60 generations); read
// as cells, its live cells must lie within [MaxPos] of the origin.
const MaxDepth = 127

// maxCellDepth is the deepest root whose cells are listed as runs: its
// offsets from its corner fit an int64.
const maxCellDepth = 63

// sniffMacrocell reports whether a file starting with the line first is a
// macrocell file, as Golly decides: it starts with '['.
func sniffMacrocell(first string) bool { return strings.HasPrefix(first, "[") }

// mcNode is a macrocell node as read, when its cells are wanted: a leaf's
// rows, or four children.
type mcNode struct {
	leaf [8]uint8 // row 0 at the top; bit 7 is the leftmost cell
	// states is a leaf of many states (depth 1): the states of its 2 x 2
	// cells, nw, ne, sw, se.
	states [4]uint8
	kids   [4]uint32 // nw, ne, sw, se; 0 is empty
	pop    uint64    // live cells, saturating past the cell limit
	depth  uint8
}

// mcTree is what the reader keeps of the nodes read: their depths, and
// either the nodes themselves (to list their cells) or the handles a
// TreeSink gave them, 4 bytes a node.
type mcTree struct {
	depth   []uint8
	nodes   []mcNode // when the cells are wanted
	handles []uint32 // when a TreeSink takes the nodes
	sink    TreeSink
	maxPop  uint64
}

// addLeaf adds the leaf of rows and pop live cells, read on line.
func (t *mcTree) addLeaf(l *lexer, line int, rows [8]uint8, pop uint64) error {
	t.depth = append(t.depth, 3)
	if t.sink == nil {
		t.nodes = append(t.nodes, mcNode{leaf: rows, pop: pop, depth: 3})
		return nil
	}
	h, err := t.sink.Leaf(rows)
	if err != nil {
		return l.errorf(line, 1, "%v", err)
	}
	t.handles = append(t.handles, h)
	return nil
}

// add adds node n, read on line.
func (t *mcTree) add(l *lexer, line int, n mcNode) error {
	t.depth = append(t.depth, n.depth)
	if t.sink == nil {
		t.nodes = append(t.nodes, n)
		return nil
	}
	var h uint32
	var err error
	if n.depth == 3 {
		h, err = t.sink.Leaf(n.leaf)
	} else {
		var kids [4]uint32
		for k, id := range n.kids {
			kids[k] = t.handles[id]
		}
		h, err = t.sink.Node(int(n.depth), kids)
	}
	if err != nil {
		return l.errorf(line, 1, "%v", err)
	}
	t.handles = append(t.handles, h)
	return nil
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
func readMacrocell(name string, data []byte, o *ReadOptions) (*Pattern, error) {
	rd := newReading(name, o)
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
	// Node 0 is the empty node of any depth.
	tree := &mcTree{depth: []uint8{0}, maxPop: uint64(min(rd.lim.Cells, rd.lim.Runs)) + 1}
	root, rootLine := 0, 0
	multi := false // leaves of many states, "1 NW NE SW SE"
	begun := false
	// begin hands the pattern to the sink before the first node, with the
	// origin at (0, 0): the cells, when the sink takes cells, come in
	// Golly's coordinates. Then the sink says whether it takes the tree.
	begin := func() error {
		begun = true
		if err := rd.begin(&pat); err != nil {
			return err
		}
		if rd.tree != nil && rd.tree.TakesTree() {
			tree.sink = rd.tree
			tree.handles = append(make([]uint32, 0, cap(tree.depth)), 0)
		} else {
			tree.nodes = []mcNode{{}}
		}
		return nil
	}
	// The node lines, millions in a large file, are read without a copy
	// or an allocation each; the '#' lines, whose text is kept, are
	// copied.
	if n := int64(bytes.Count(data, []byte{'\n'})) + 1; n > 0 {
		n = min(n, rd.lim.Nodes+1)
		tree.depth = slices.Grow(tree.depth, int(n))
	}
	for {
		raw, line, ok := l.readLineBytes()
		if !ok {
			break
		}
		for len(raw) > 0 && (raw[len(raw)-1] == ' ' || raw[len(raw)-1] == '\t') {
			raw = raw[:len(raw)-1]
		}
		if len(raw) == 0 {
			continue
		}
		t := unsafe.String(&raw[0], len(raw)) // not kept: see the '#' case
		if t[0] == '#' {
			t = strings.Clone(t)
		}
		if t[0] != '#' && !begun {
			if err := begin(); err != nil {
				return nil, err
			}
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
				pat.RuleLine, pat.RuleCol = line, 3+len(t[2:])-len(strings.TrimLeft(t[2:], " \t"))
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
			continue
		case c == '.' || c == '*' || c == '$':
			if multi {
				return nil, l.errorf(line, 1, "an 8 x 8 leaf in a macrocell file of many states (its leaves are \"1 NW NE SW SE\" states)")
			}
			rows, pop, bad := leafRows(t)
			if bad >= 0 {
				return nil, leafError(l, t, line, bad)
			}
			if err := tree.addLeaf(l, line, rows, pop); err != nil {
				return nil, err
			}
		case c >= '0' && c <= '9':
			n, err := mcBranch(l, t, line, tree)
			if err != nil {
				return nil, err
			}
			if n.depth == 1 {
				multi = true
				if tree.sink != nil {
					return nil, l.errorf(line, 1, "a leaf of many states (\"1 NW NE SW SE\") in a file read as a tree of two states")
				}
			}
			if n.depth < 4 && !multi {
				return nil, l.errorf(line, 1, "node depth %d, want 4 to %d", n.depth, MaxDepth)
			}
			if err := tree.add(l, line, n); err != nil {
				return nil, err
			}
			root, rootLine = len(tree.depth)-1, line
		default:
			return nil, l.errorf(line, 1, "unexpected %s at the start of a line, want a leaf ('.', '*' or '$'), a node (\"D NW NE SW SE\") or '#'", quote(int(c)))
		}
		if n := int64(len(tree.depth)) - 1; n > rd.lim.Nodes {
			return nil, l.errorf(line, 1, "more than the limit of %d nodes", rd.lim.Nodes)
		}
		if len(tree.depth)&0xfff == 0 {
			if err := rd.cancelled(); err != nil {
				return nil, err
			}
		}
	}
	if !begun {
		if err := begin(); err != nil {
			return nil, err
		}
	}
	if root == 0 {
		rd.finish(&pat)
		return &pat, nil
	}
	d := int(tree.depth[root])
	if tree.sink != nil {
		if err := rd.tree.Root(tree.handles[root], d); err != nil {
			return nil, l.errorf(rootLine, 1, "node %d, the whole pattern: %v", root, err)
		}
		return &pat, nil
	}
	if d > maxCellDepth {
		return nil, l.errorf(rootLine, 1, "node %d, the whole pattern, has depth %d: read as cells, a root may have depth %d at most", root, d, maxCellDepth)
	}
	if pop := tree.nodes[root].pop; pop >= tree.maxPop {
		return nil, l.errorf(rootLine, 1, "node %d, the whole pattern, has more than the limit of %d live cells", root, tree.maxPop-1)
	}
	// The cells are listed from the root's top-left corner, Golly's
	// (-2^(d-1)+1, -2^(d-1)), then placed: no sum leaves an int64.
	var b Builder
	mcCells(tree.nodes, uint32(root), 0, 0, &b)
	pat.Runs = b.Runs()
	pat.States = b.States()
	top, left, h, w, _ := pat.Bounds()
	half := int64(1) << (d - 1) // at most 2^62
	// Golly's row of the top cell is top+1-half, its column left-half.
	if top-half+1 < -MaxPos || left-half < -MaxPos || top-half+h > MaxPos || left-half+w-1 > MaxPos {
		return nil, l.errorf(rootLine, 1, "node %d, the whole pattern, has live cells past the limit of %d cells from the origin", root, int64(MaxPos))
	}
	for i := range pat.Runs {
		pat.Runs[i].Y -= top
		pat.Runs[i].X -= left
	}
	pat.OriginY, pat.OriginX = top-half+1, left-half
	pat.W, pat.H = w, h
	if rd.keep == nil {
		// A sink that takes no tree takes the cells as runs, in Golly's
		// coordinates (Begin saw the origin at (0, 0)).
		for i, r := range pat.Runs {
			if err := rd.stateRun(l, pat.OriginY+r.Y, pat.OriginX+r.X, r.N, pat.StateOf(i)); err != nil {
				return nil, err
			}
		}
		pat.Runs, pat.States = nil, nil
		pat.OriginY, pat.OriginX, pat.W, pat.H = 0, 0, 0, 0
	}
	return &pat, nil
}

// leafRows reads a leaf line t: its rows (row 0 at the top, bit 7 the
// leftmost cell) and live cells, and the index of the first byte that is
// wrong, or -1 (see leafError).
func leafRows(t string) (rows [8]uint8, pop uint64, bad int) {
	x, y := 0, 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '*':
			if x > 7 || y > 7 {
				return rows, pop, i
			}
			rows[y] |= 0x80 >> x
			pop++
			x++
		case '.':
			x++
		case '$':
			x = 0
			y++
		default:
			return rows, pop, i
		}
	}
	return rows, pop, -1
}

// leafError is the error of leaf line t at its byte bad (see leafRows).
func leafError(l *lexer, t string, line, bad int) error {
	if t[bad] == '*' {
		return l.errorf(line, bad+1, "'*' outside the leaf's 8 x 8 cells, want at most 8 cells a row and 8 rows")
	}
	return l.errorf(line, bad+1, "unexpected %s in a leaf, want '.', '*' or '$'", quote(int(t[bad])))
}

// mcBranch reads a node line "D NW NE SW SE".
func mcBranch(l *lexer, t string, line int, tree *mcTree) (mcNode, error) {
	var n mcNode
	var vals [5]int64
	var cols [5]int
	k := 0
	for i := 0; i < len(t); {
		if isBlank(int(t[i])) {
			i++
			continue
		}
		j := i
		for j < len(t) && !isBlank(int(t[j])) {
			j++
		}
		if k == 5 {
			return n, l.errorf(line, 1, "node line with more than 5 numbers, want 5: depth and four node numbers")
		}
		f := t[i:j]
		v, err := strconv.ParseInt(f, 10, 64)
		if err != nil || v < 0 {
			if err != nil && strings.Trim(f, "0123456789") == "" {
				return n, l.errorf(line, i+1, "node number %s is more than the limit of %d", f, MaxNodes)
			}
			return n, l.errorf(line, i+1, "unexpected %q in a node line, want a whole number", f)
		}
		vals[k], cols[k] = v, i+1
		k++
		i = j
	}
	if k != 5 {
		return n, l.errorf(line, 1, "node line with %d numbers, want 5: depth and four node numbers", k)
	}
	if vals[0] == 1 {
		// A leaf of many states: the states of its 2 x 2 cells.
		n.depth = 1
		for k := 0; k < 4; k++ {
			if vals[k+1] > 255 {
				return n, l.errorf(line, cols[k+1], "state %d, want 0 to 255", vals[k+1])
			}
			n.states[k] = uint8(vals[k+1])
			if vals[k+1] != 0 {
				n.pop++
			}
		}
		return n, nil
	}
	if vals[0] < 2 || vals[0] > MaxDepth {
		return n, l.errorf(line, cols[0], "node depth %d, want 4 to %d", vals[0], MaxDepth)
	}
	n.depth = uint8(vals[0])
	for k := 0; k < 4; k++ {
		id := vals[k+1]
		if id >= int64(len(tree.depth)) {
			return n, l.errorf(line, cols[k+1], "node %d is not defined yet, want a number from 0 to %d", id, len(tree.depth)-1)
		}
		if id != 0 && tree.depth[id] != n.depth-1 {
			return n, l.errorf(line, cols[k+1], "node %d has depth %d, want depth %d in a node of depth %d", id, tree.depth[id], n.depth-1, n.depth)
		}
		n.kids[k] = uint32(id)
		if tree.nodes != nil {
			n.pop += tree.nodes[id].pop
		}
	}
	n.pop = min(n.pop, tree.maxPop)
	return n, nil
}

// mcCells adds the live cells of node id, whose top-left cell is at
// (y, x), to b.
func mcCells(nodes []mcNode, id uint32, y, x int64, b *Builder) {
	n := &nodes[id]
	if id == 0 || n.pop == 0 {
		return
	}
	if n.depth == 1 {
		for k, st := range n.states {
			if st == 1 {
				b.Add(y+int64(k/2), x+int64(k%2), 1)
			} else if st > 1 {
				b.AddState(y+int64(k/2), x+int64(k%2), 1, st)
			}
		}
		return
	}
	if n.depth == 3 && n.kids == [4]uint32{} {
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
	return formatWriter(Format{Write: writeMacrocell}, false)(nil, w, p, nil, Limits{})
}

// writeMacrocell writes p as WriteMacrocell does, with the cells of src:
// node by node when src is a [Tree], which costs what the tree's distinct
// nodes cost whatever its cells; else from its runs.
func writeMacrocell(w io.Writer, p *Pattern, src Source, lim Limits) error {
	if ss, ok := src.(StateSource); ok && ss.ManyStates() {
		return writeMacrocellStates(w, p, ss, lim)
	}
	bw := flushing(w)
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
	if t, ok := src.(Tree); ok {
		var buf []byte
		_, err := t.WalkTree(func(rows [8]uint8) error {
			buf = appendLeaf(buf[:0], rows)
			_, err := bw.Write(buf)
			return err
		}, func(d int, kids [4]uint32) error {
			buf = strconv.AppendInt(buf[:0], int64(d), 10)
			for _, k := range kids {
				buf = append(buf, ' ')
				buf = strconv.AppendUint(buf, uint64(k), 10)
			}
			buf = append(buf, '\n')
			_, err := bw.Write(buf)
			return err
		})
		if err != nil {
			return err
		}
		return bw.Flush()
	}
	top, left, h, wd, ok := src.Bounds()
	if ok {
		var runs []Run
		y0, x0 := p.TopLeft()
		err := src.EachRun(func(r Run) error {
			if int64(len(runs)) >= lim.Runs {
				return fmt.Errorf("more than the limit of %d runs of live cells: %w", lim.Runs, ErrTooLarge)
			}
			runs = append(runs, Run{r.Y + y0, r.X + x0, r.N})
			return nil
		})
		if err != nil {
			return err
		}
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
		half := int64(1) << (d - 1)
		mw := &mcWriter{w: bw, ids: map[mcKey]int{}, byContent: map[string]int{}}
		mw.node(d, -half+1, -half, runs)
	}
	return bw.Flush()
}

// appendLeaf appends a leaf's line: its rows to the last with a live
// cell, each to its last live cell, '*' alive, '.' dead, '$' after each.
func appendLeaf(buf []byte, rows [8]uint8) []byte {
	last := 7
	for last > 0 && rows[last] == 0 {
		last--
	}
	for r := 0; r <= last; r++ {
		row := rows[r]
		for ; row != 0; row <<= 1 {
			if row&0x80 != 0 {
				buf = append(buf, '*')
			} else {
				buf = append(buf, '.')
			}
		}
		buf = append(buf, '$')
	}
	return append(buf, '\n')
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
		m.w.Write(appendLeaf(nil, key.leaf))
	} else {
		fmt.Fprintf(m.w, "%d %d %d %d %d\n", d, key.kids[0], key.kids[1], key.kids[2], key.kids[3])
	}
	return m.next
}

// writeMacrocellStates writes a pattern of many states as Golly's
// Generations writes macrocell: leaves of depth 1, "1 NW NE SW SE" the
// states of 2 x 2 cells, nodes "D NW NE SW SE" above them, children first,
// each distinct node once; the root the smallest that holds the pattern,
// covering columns -2^(D-1) to 2^(D-1)-1 and rows -2^(D-1)+1 to 2^(D-1).
// The cells are those of src, within lim's cells.
func writeMacrocellStates(w io.Writer, p *Pattern, src StateSource, lim Limits) error {
	bw := flushing(w)
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
	top, left, h, wd, ok := src.Bounds()
	if !ok {
		return bw.Flush()
	}
	y0, x0 := p.TopLeft()
	top, left = top+y0, left+x0
	bottom, right := top+h-1, left+wd-1
	d := 1
	for {
		half := int64(1) << (d - 1)
		if left >= -half && right < half && top >= -half+1 && bottom <= half {
			break
		}
		d++
	}
	var cells []mcCell
	err := src.EachStateRun(func(r Run, s uint8) error {
		if int64(len(cells))+r.N > lim.Cells {
			return fmt.Errorf("more than the limit of %d cells of many states for macrocell: %w", lim.Cells, ErrTooLarge)
		}
		for x := r.X; x < r.X+r.N; x++ {
			cells = append(cells, mcCell{r.Y + y0, x + x0, s})
		}
		return nil
	})
	if err != nil {
		return err
	}
	half := int64(1) << (d - 1)
	sw := &mcStateWriter{w: bw, ids: map[mcKey]int{}}
	sw.node(d, -half+1, -half, cells)
	return bw.Flush()
}

// mcCell is a cell of many states for the writer.
type mcCell struct {
	y, x int64
	s    uint8
}

type mcStateWriter struct {
	w    *bufio.Writer
	ids  map[mcKey]int
	next int
}

// node writes the node of depth d whose top-left cell is (y, x), holding
// cells (all inside it), after its children, unless an equal one was
// written before; it returns its number, 0 for an empty node.
func (m *mcStateWriter) node(d int, y, x int64, cells []mcCell) int {
	if len(cells) == 0 {
		return 0
	}
	var key mcKey
	key.depth = d
	if d == 1 {
		var st [4]uint8
		for _, c := range cells {
			st[(c.y-y)*2+(c.x-x)] = c.s
		}
		key.leaf = [8]uint8{st[0], st[1], st[2], st[3]}
		if id, ok := m.ids[key]; ok {
			return id
		}
		m.next++
		m.ids[key] = m.next
		fmt.Fprintf(m.w, "1 %d %d %d %d\n", st[0], st[1], st[2], st[3])
		return m.next
	}
	h := int64(1) << (d - 1)
	var q [4][]mcCell
	for _, c := range cells {
		k := 0
		if c.x >= x+h {
			k |= 1
		}
		if c.y >= y+h {
			k |= 2
		}
		q[k] = append(q[k], c)
	}
	key.kids = [4]int{
		m.node(d-1, y, x, q[0]), m.node(d-1, y, x+h, q[1]),
		m.node(d-1, y+h, x, q[2]), m.node(d-1, y+h, x+h, q[3]),
	}
	if id, ok := m.ids[key]; ok {
		return id
	}
	m.next++
	m.ids[key] = m.next
	fmt.Fprintf(m.w, "%d %d %d %d %d\n", d, key.kids[0], key.kids[1], key.kids[2], key.kids[3])
	return m.next
}
