package hashlife

import (
	"cmp"
	"context"
	"fmt"
	"slices"
)

// Golly's macrocell root of depth d covers the rows -2^(d-1)+1 to 2^(d-1),
// one row lower than a square centred on the origin. So that the tree
// written to a macrocell file is the engine's own tree node for node, and
// a file's tree is the engine's as read, the engine keeps row y of Golly's
// universe as row y-rowShift of its nodes, whose roots are centred on the
// origin. Every method taking or giving a row converts.
const rowShift = 1

// SetRun makes n cells alive in row y from column x rightwards. Runs are
// gathered and built into the tree all at once before the engine next
// needs its cells (or when [Engine.Build] is called): a pattern costs
// what its runs and the nodes along their ends cost, so a run of 2^40
// cells costs about what a short one does. Cells out of reach (a row or
// column more than 2^62-1 from the origin, see [maxReach]) are left alone.
func (e *Engine) SetRun(y, x, n int64) {
	if n > 0 {
		if len(e.pending) == cap(e.pending) && len(e.pending) >= maxPending {
			// Build what is gathered, so that a large pattern's runs
			// never all wait in memory: the tree holds them for less.
			e.flush()
		}
		e.pending = append(e.pending, run{y - rowShift, x, n})
	}
}

// maxPending is how many runs SetRun gathers before building them: 2^16,
// 1.5 MiB.
const maxPending = 1 << 16

// flush builds the pending runs into the tree; it cannot be cancelled.
func (e *Engine) flush() { _ = e.Build(context.Background()) }

// Build builds the runs set by SetRun since the last build into the tree,
// watching ctx: on cancellation it returns ctx's error and the engine
// keeps the cells it had before those runs. Every other method builds them
// first by itself; Build is for a loader that wants to cancel.
func (e *Engine) Build(ctx context.Context) error {
	if len(e.pending) == 0 {
		return nil
	}
	runs := e.pending
	e.pending = e.pending[:0]
	defer func() { e.pending = runs[:0] }() // the gathering space, reused
	// Clip to the reach, sort, and merge overlapping and adjacent runs.
	k := 0
	for _, r := range runs {
		if r, ok := clipRun(r); ok {
			runs[k] = r
			k++
		}
	}
	runs = runs[:k]
	if !slices.IsSortedFunc(runs, cmpRun) {
		slices.SortFunc(runs, cmpRun)
	}
	out := runs[:0]
	for _, r := range runs {
		if m := len(out); m > 0 && out[m-1].y == r.y && r.x <= out[m-1].x+out[m-1].n {
			last := &out[m-1]
			last.n = max(last.n, r.x+r.n-last.x)
			continue
		}
		out = append(out, r)
	}
	runs = out
	if len(runs) == 0 {
		return nil
	}
	// The smallest centred root that holds the runs.
	level := uint(leafLevel + 1)
	for {
		half := int64(1) << (level - 1)
		if runs[0].y >= -half && runs[len(runs)-1].y < half && minX(runs) >= -half && maxX(runs) <= half {
			break
		}
		level++
	}
	b := &builder{s: e.s, runs: runs, ctx: ctx, full: map[fullKey]uint32{}}
	// The rows: each row's runs are runs[rows[i].lo:rows[i].hi].
	rows := make([]rowRange, 0, 64)
	for i := 0; i < len(runs); {
		j := i + 1
		for j < len(runs) && runs[j].y == runs[i].y {
			j++
		}
		rows = append(rows, rowRange{runs[i].y, int32(i), int32(j)})
		i = j
	}
	half := int64(1) << (level - 1)
	var root uint32
	err := b.catch(func() { root = b.node(level, -half, -half, rows) })
	if err != nil {
		return err
	}
	e.setRoot(e.s.union(e.root, root))
	e.s.tidy(e.root)
	return nil
}

// clipRun returns the part of r (rows in the engine's coordinates) that
// is in reach, and false when none is. No sum leaves an int64, whatever r.
func clipRun(r run) (run, bool) {
	if r.n <= 0 || r.y < -maxReach-rowShift || r.y > maxReach-rowShift || r.x > maxReach {
		return run{}, false
	}
	x := max(r.x, -maxReach)
	end := maxReach + 1 // past the last column in reach
	if r.x < 0 || r.n <= end-r.x {
		end = min(r.x+r.n, end) // r.x+r.n fits: r.x < 0 < r.n, or it is at most end
	}
	if x >= end {
		return run{}, false
	}
	return run{r.y, x, end - x}, true
}

func cmpRun(a, b run) int {
	if a.y != b.y {
		return cmp.Compare(a.y, b.y)
	}
	return cmp.Compare(a.x, b.x)
}

func minX(runs []run) int64 {
	m := runs[0].x
	for _, r := range runs {
		m = min(m, r.x)
	}
	return m
}

func maxX(runs []run) int64 {
	m := runs[0].x + runs[0].n
	for _, r := range runs {
		m = max(m, r.x+r.n)
	}
	return m
}

// rowRange is one row of a node under construction: the runs
// runs[lo:hi], of which the node holds the parts within its columns.
type rowRange struct {
	y      int64
	lo, hi int32
}

// fullKey names a node all of whose rows from r0 to r1-1 (offsets from its
// top) are wholly alive and the others dead: a long run, or a filled
// rectangle, is made of such nodes, built once each.
type fullKey struct {
	level  uint
	r0, r1 int64
}

// builder builds a tree from sorted, merged runs.
type builder struct {
	s     *store
	runs  []run
	ctx   context.Context
	full  map[fullKey]uint32
	ticks int
	// scratch holds the row lists of the nodes being built, a pair per
	// level, reused.
	scratch [maxLevel + 1][2][]rowRange
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

// node returns the node of level k whose top-left cell is (y0, x0) and
// whose live cells are those of rows (each row within the node's rows,
// in order) within its columns.
func (b *builder) node(k uint, y0, x0 int64, rows []rowRange) uint32 {
	s := b.s
	if len(rows) == 0 {
		return s.emptyNode(uint8(k))
	}
	if b.ticks++; b.ticks&0x3fff == 0 && b.ctx != nil {
		if err := b.ctx.Err(); err != nil {
			panic(cancelled{fmt.Errorf("hashlife: building the pattern: %w", err)})
		}
	}
	if k == leafLevel {
		var bits uint64
		for _, r := range rows {
			for _, run := range b.runs[r.lo:r.hi] {
				a, z := max(run.x, x0), min(run.x+run.n, x0+8)
				if a < z {
					row := uint64(0xff>>(a-x0)) &^ uint64(0xff>>(z-x0))
					bits |= row << (8 * (r.y - y0))
				}
			}
		}
		return s.leaf(bits)
	}
	if full, r0, r1 := b.fullRows(x0, k, rows); full {
		key := fullKey{k, r0 - y0, r1 - y0}
		if i, ok := b.full[key]; ok {
			return i
		}
		i := b.split(k, y0, x0, rows)
		b.full[key] = i
		return i
	}
	return b.split(k, y0, x0, rows)
}

// fullRows reports whether rows are consecutive and each wholly alive
// across the 2^k columns from x0, and which rows they are. The runs are
// merged, so a full row is one run that holds the whole width.
func (b *builder) fullRows(x0 int64, k uint, rows []rowRange) (bool, int64, int64) {
	h := int64(1) << (k - 1)
	end := x0 + h + h // at most 2^62: the node is in the view
	for i, r := range rows {
		if i > 0 && r.y != rows[i-1].y+1 {
			return false, 0, 0
		}
		if run := b.runs[r.lo]; r.hi-r.lo != 1 || run.x > x0 || run.x+run.n < end {
			return false, 0, 0
		}
	}
	return true, rows[0].y, rows[len(rows)-1].y + 1
}

// split builds a node of level k from its four quadrants.
func (b *builder) split(k uint, y0, x0 int64, rows []rowRange) uint32 {
	h := int64(1) << (k - 1)
	mid := 0
	for mid < len(rows) && rows[mid].y < y0+h {
		mid++
	}
	var q [4]uint32
	for half, part := range [2][]rowRange{rows[:mid], rows[mid:]} {
		west, east := b.scratch[k][0][:0], b.scratch[k][1][:0]
		for _, r := range part {
			rs := b.runs[r.lo:r.hi]
			if i, j := meet(rs, x0, x0+h); i < j {
				west = append(west, rowRange{r.y, r.lo + int32(i), r.lo + int32(j)})
			}
			if i, j := meet(rs, x0+h, x0+h+h); i < j {
				east = append(east, rowRange{r.y, r.lo + int32(i), r.lo + int32(j)})
			}
		}
		b.scratch[k][0], b.scratch[k][1] = west, east
		yq := y0 + int64(half)*h
		q[2*half] = b.node(k-1, yq, x0, west)
		q[2*half+1] = b.node(k-1, yq, x0+h, east)
	}
	return b.s.find(q[0], q[1], q[2], q[3], uint8(k))
}

// meet returns the runs of rs (one row's, sorted, apart) that meet the
// columns [lo, hi): rs[i:j].
func meet(rs []run, lo, hi int64) (i, j int) {
	i, _ = slices.BinarySearchFunc(rs, lo, func(r run, x int64) int {
		if r.x+r.n <= x {
			return -1
		}
		return 1
	})
	j, _ = slices.BinarySearchFunc(rs[i:], hi, func(r run, x int64) int {
		if r.x < x {
			return -1
		}
		return 1
	})
	return i, i + j
}

// union returns the node holding the live cells of both a and b, two roots
// centred on the origin, of any levels.
func (s *store) union(a, b uint32) uint32 {
	for s.nodes[a].level < s.nodes[b].level {
		a = s.expand(a)
	}
	for s.nodes[b].level < s.nodes[a].level {
		b = s.expand(b)
	}
	return s.merge(a, b)
}

// merge returns the node holding the live cells of a and b, of one level.
func (s *store) merge(a, b uint32) uint32 {
	switch {
	case a == b || s.isEmpty(b):
		return a
	case s.isEmpty(a):
		return b
	}
	na, nb := s.nodes[a], s.nodes[b]
	if na.level == leafLevel {
		return s.leaf(s.leafBits(a) | s.leafBits(b))
	}
	return s.find(s.merge(na.nw, nb.nw), s.merge(na.ne, nb.ne), s.merge(na.sw, nb.sw), s.merge(na.se, nb.se), na.level)
}
