package quadtree

import (
	"cmp"
	"context"
	"fmt"
	"slices"
)

// rowShift: Golly's macrocell root of depth d covers the rows -2^(d-1)+1
// to 2^(d-1), one row lower than a square centred on the origin. So that
// the tree written to a macrocell file is the engine's own tree node for
// node, and a file's tree is the engine's as read, the tree keeps row y of
// Golly's universe as row y-rowShift of its nodes, whose roots are
// centred on the origin. Every method taking or giving a row converts.
const rowShift = 1

// edit is a run of n cells of row y (in the tree's rows), from column x
// rightwards, set to state st; seq orders the edits, a later one winning
// where they overlap.
type edit struct {
	y, x, n int64
	seq     uint32
	st      uint8
}

// SetRun puts n cells of row y, from column x rightwards, in state 1.
// Edits are gathered and built into the tree all at once before the tree
// next needs its cells (or when [Tree.Build] is called), in the order they
// were made: a pattern costs what its runs and the nodes along their ends
// cost, so a run of 2^40 cells costs about what a short one does. Cells
// out of reach (a row or column more than 2^62-1 from the origin, see
// [Tree.Reach]) are left alone.
func (t *Tree) SetRun(y, x, n int64) { t.setRun(y, x, n, 1) }

// SetCell puts the cell at (y, x) in state 1 (alive) or 0, as
// [Tree.SetRun] does.
func (t *Tree) SetCell(y, x int64, alive bool) {
	var st uint8
	if alive {
		st = 1
	}
	t.setRun(y, x, 1, st)
}

// SetCellState puts the cell at (y, x) in state st, as [Tree.SetRun] does.
// A state the rule has not (st >= its number of states) leaves the cell
// alone.
func (t *Tree) SetCellState(y, x int64, st uint8) {
	if int(st) < t.states {
		t.setRun(y, x, 1, st)
	}
}

func (t *Tree) setRun(y, x, n int64, st uint8) {
	if n <= 0 {
		return
	}
	y -= rowShift
	if k := len(t.pending) - 1; k >= 0 {
		// A cell set again, as the UI's pencil does, replaces its edit.
		if p := &t.pending[k]; p.y == y && p.x == x && p.n == n {
			p.st = st
			return
		}
	}
	if len(t.pending) == cap(t.pending) && len(t.pending) >= maxPending {
		// Build what is gathered, so that a large pattern's runs
		// never all wait in memory: the tree holds them for less.
		t.flush()
	}
	t.pending = append(t.pending, edit{y, x, n, uint32(len(t.pending)), st})
}

// maxPending is how many edits are gathered before they are built: 2^16,
// 2 MiB.
const maxPending = 1 << 16

// flush builds the pending edits into the tree; it cannot be cancelled.
func (t *Tree) flush() {
	if len(t.pending) != 0 {
		_ = t.Build(context.Background())
	}
}

// Build builds the edits made since the last build into the tree,
// watching ctx: on cancellation it returns ctx's error and the tree keeps
// the cells it had before those edits. Every other method builds them
// first by itself; Build is for a loader that wants to cancel.
func (t *Tree) Build(ctx context.Context) error {
	if len(t.pending) == 0 {
		return nil
	}
	pending := t.pending
	t.pending = t.pending[:0]
	defer func() { t.pending = pending[:0] }() // the gathering space, reused
	if cap(t.resolved) < len(pending) {
		t.resolved = make([]edit, 0, len(pending)+len(pending)/8)
	}
	edits := resolve(pending, t.resolved[:0])
	defer func() { t.resolved = edits[:0] }()
	if len(edits) == 0 {
		return nil
	}
	s := t.s
	// Grow the root until it holds every edit.
	lo, hi := edits[0].x, edits[0].x+edits[0].n
	for _, d := range edits {
		lo, hi = min(lo, d.x), max(hi, d.x+d.n)
	}
	for {
		half := int64(1) << (s.at(t.root).level - 1)
		if edits[0].y >= -half && edits[len(edits)-1].y < half && lo >= -half && hi <= half {
			break
		}
		t.setRoot(s.expand(t.root))
	}
	b := &builder{name: t.name, s: s, edits: edits, ctx: ctx, full: map[fullKey]uint32{}}
	// The rows: each row's edits are edits[rows[i].lo:rows[i].hi].
	rows := make([]rowRange, 0, 64)
	for i := 0; i < len(edits); {
		j := i + 1
		for j < len(edits) && edits[j].y == edits[i].y {
			j++
		}
		rows = append(rows, rowRange{edits[i].y, int32(i), int32(j)})
		i = j
	}
	k := uint(s.at(t.root).level)
	half := int64(1) << (k - 1)
	var root uint32
	if err := b.catch(func() { root = b.node(t.root, k, -half, -half, rows) }); err != nil {
		return err
	}
	t.setRoot(root)
	s.tidy(t.root)
	return nil
}

// resolve clips edits to the reach and appends them to out sorted by row
// and column, apart, the later of two overlapping edits winning, and
// adjacent edits of one state merged. It sorts edits in place.
func resolve(edits, out []edit) []edit {
	k := 0
	for _, d := range edits {
		if d.y < -maxReach-rowShift || d.y > maxReach-rowShift || d.x < -maxReach || d.x > maxReach-d.n+1 {
			var ok bool
			if d, ok = clipEdit(d); !ok {
				continue
			}
		}
		edits[k] = d
		k++
	}
	edits = edits[:k]
	if !slices.IsSortedFunc(edits, cmpEdit) {
		slices.SortStableFunc(edits, cmpEdit)
	}
	for i := 0; i < len(edits); {
		// A row's edits: apart (the common case) they are kept in
		// order, else painted in the order they were made.
		j, apart := i+1, true
		for j < len(edits) && edits[j].y == edits[i].y {
			if edits[j].x < edits[j-1].x+edits[j-1].n {
				apart = false
			}
			j++
		}
		row := edits[i:j]
		if !apart {
			row = paint(row)
		}
		for _, d := range row {
			if m := len(out); m > 0 && out[m-1].y == d.y && out[m-1].st == d.st && out[m-1].x+out[m-1].n == d.x {
				out[m-1].n += d.n
				continue
			}
			out = append(out, d)
		}
		i = j
	}
	return out
}

// paint returns the cells of one row's edits, later ones over earlier
// ones, as new edits sorted by column and apart. It sorts row in place.
func paint(row []edit) []edit {
	slices.SortFunc(row, func(a, b edit) int { return cmp.Compare(a.seq, b.seq) })
	var out []edit
	for _, d := range row {
		end := d.x + d.n
		var next []edit
		for _, o := range out {
			oend := o.x + o.n
			if oend <= d.x || o.x >= end {
				next = append(next, o)
				continue
			}
			if o.x < d.x {
				next = append(next, edit{o.y, o.x, d.x - o.x, o.seq, o.st})
			}
			if oend > end {
				next = append(next, edit{o.y, end, oend - end, o.seq, o.st})
			}
		}
		out = append(next, d)
		slices.SortFunc(out, func(a, b edit) int { return cmp.Compare(a.x, b.x) })
	}
	return out
}

// clipEdit returns the part of d (rows in the tree's coordinates) that is
// in reach, and false when none is. No sum leaves an int64, whatever d.
func clipEdit(d edit) (edit, bool) {
	if d.n <= 0 || d.y < -maxReach-rowShift || d.y > maxReach-rowShift || d.x > maxReach {
		return edit{}, false
	}
	x := max(d.x, -maxReach)
	end := maxReach + 1 // past the last column in reach
	if d.x < 0 || d.n <= end-d.x {
		end = min(d.x+d.n, end) // d.x+d.n fits: d.x < 0 < d.n, or it is at most end
	}
	if x >= end {
		return edit{}, false
	}
	return edit{d.y, x, end - x, d.seq, d.st}, true
}

func cmpEdit(a, b edit) int {
	if a.y != b.y {
		return cmp.Compare(a.y, b.y)
	}
	return cmp.Compare(a.x, b.x)
}

// rowRange is one row of a node under construction: the edits
// edits[lo:hi], of which the node holds the parts within its columns.
type rowRange struct {
	y      int64
	lo, hi int32
}

// fullKey names an empty node whose rows from r0 to r1-1 (offsets from
// its top) are wholly set to state st: a long run, or a filled rectangle,
// is made of such nodes, built once each.
type fullKey struct {
	level  uint
	r0, r1 int64
	st     uint8
}

// builder builds edits, sorted and apart, into a tree.
type builder struct {
	name  string // the engine's, for errors
	s     *store
	edits []edit
	ctx   context.Context
	full  map[fullKey]uint32
	ticks int
	// scratch holds the row lists of the nodes being built, a pair per
	// level, reused.
	scratch [MaxLevel + 1][2][]rowRange
}

// cancelled unwinds a build.
type cancelled struct{ err error }

// catch runs f, returning the error a cancellation unwound it with.
func (b *builder) catch(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			c, ok := r.(cancelled)
			if !ok {
				panic(r)
			}
			err = c.err
		}
	}()
	f()
	return nil
}

// node returns node old, of level k with its top-left cell at (y0, x0),
// with the edits of rows (each row within the node's rows, in order) made
// within its columns.
func (b *builder) node(old uint32, k uint, y0, x0 int64, rows []rowRange) uint32 {
	s := b.s
	if len(rows) == 0 {
		return old
	}
	if b.ticks++; b.ticks&0x3fff == 0 && b.ctx != nil {
		if err := b.ctx.Err(); err != nil {
			panic(cancelled{fmt.Errorf("%s: building the pattern: %w", b.name, err)})
		}
	}
	if k == uint(s.leafLevel) {
		l := s.leafOf(old)
		side := int64(1) << k
		for _, r := range rows {
			for _, d := range b.edits[r.lo:r.hi] {
				a, z := max(d.x, x0), min(d.x+d.n, x0+side)
				if a < z {
					l = s.leaves.SetRow(l, int(r.y-y0), int(a-x0), int(z-x0), d.st)
				}
			}
		}
		return s.leaf(l)
	}
	if full, r0, r1, st := b.fullRows(x0, k, rows); full && s.isEmpty(old) {
		key := fullKey{k, r0 - y0, r1 - y0, st}
		if i, ok := b.full[key]; ok {
			return i
		}
		i := b.split(old, k, y0, x0, rows)
		b.full[key] = i
		return i
	}
	return b.split(old, k, y0, x0, rows)
}

// fullRows reports whether rows are consecutive and each wholly set to
// one state st across the 2^k columns from x0, and which rows they are.
// The edits are apart and merged, so a full row is one edit that holds
// the whole width.
func (b *builder) fullRows(x0 int64, k uint, rows []rowRange) (bool, int64, int64, uint8) {
	h := int64(1) << (k - 1)
	end := x0 + h + h // at most 2^62: the node is in the view
	st := b.edits[rows[0].lo].st
	for i, r := range rows {
		if i > 0 && r.y != rows[i-1].y+1 {
			return false, 0, 0, 0
		}
		if d := b.edits[r.lo]; r.hi-r.lo != 1 || d.x > x0 || d.x+d.n < end || d.st != st {
			return false, 0, 0, 0
		}
	}
	return true, rows[0].y, rows[len(rows)-1].y + 1, st
}

// split builds node old of level k anew from its four quadrants.
func (b *builder) split(old uint32, k uint, y0, x0 int64, rows []rowRange) uint32 {
	h := int64(1) << (k - 1)
	mid := 0
	for mid < len(rows) && rows[mid].y < y0+h {
		mid++
	}
	n := *b.s.at(old)
	kids := [4]uint32{n.nw, n.ne, n.sw, n.se}
	for half, part := range [2][]rowRange{rows[:mid], rows[mid:]} {
		west, east := b.scratch[k][0][:0], b.scratch[k][1][:0]
		for _, r := range part {
			ds := b.edits[r.lo:r.hi]
			if i, j := meet(ds, x0, x0+h); i < j {
				west = append(west, rowRange{r.y, r.lo + int32(i), r.lo + int32(j)})
			}
			if i, j := meet(ds, x0+h, x0+h+h); i < j {
				east = append(east, rowRange{r.y, r.lo + int32(i), r.lo + int32(j)})
			}
		}
		b.scratch[k][0], b.scratch[k][1] = west, east
		yq := y0 + int64(half)*h
		kids[2*half] = b.node(kids[2*half], k-1, yq, x0, west)
		kids[2*half+1] = b.node(kids[2*half+1], k-1, yq, x0+h, east)
	}
	return b.s.find(kids[0], kids[1], kids[2], kids[3], uint8(k))
}

// meet returns the edits of ds (one row's, sorted, apart) that meet the
// columns [lo, hi): ds[i:j].
func meet(ds []edit, lo, hi int64) (i, j int) {
	// i: the first edit ending after lo.
	i, j = 0, len(ds)
	for i < j {
		m := int(uint(i+j) >> 1)
		if ds[m].x+ds[m].n <= lo {
			i = m + 1
		} else {
			j = m
		}
	}
	// j: the first edit from i on starting at hi or after.
	k := len(ds)
	for j = i; j < k; {
		m := int(uint(j+k) >> 1)
		if ds[m].x < hi {
			j = m + 1
		} else {
			k = m
		}
	}
	return i, j
}
