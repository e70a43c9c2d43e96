package bitwise

import "sync/atomic"

// tileRows is the height of a tile: a tile is 64 columns (one strip) by
// tileRows rows, the unit of change tracking.
const tileRows = 16

// A tile's flag says where it changed in the latest generation: where its
// words differ from those of the generation two before, which the other
// buffer held until they were overwritten. A neighbour need not be stepped
// again unless the cells next to it changed: the row along its side, or
// the cell at its corner.
type tileFlag uint16

const (
	changed tileFlag = 1 << iota // any cell
	top                          // a cell of the top row
	bottom                       // a cell of the bottom row
	left                         // a cell of the left column
	right                        // a cell of the right column
	topLeft                      // the corner cells
	topRight
	bottomLeft
	bottomRight
	// edited says the tile was set by hand, or its other buffer is stale:
	// its latest generation is not the successor of the one before, so it
	// and its neighbours are stepped for two more generations.
	edited
)

// flagOf returns the flag of a tile whose words changed as c says; the
// tile's right column is bit rbit.
func flagOf(c change, rbit uint) tileFlag {
	if c.any == 0 {
		return 0
	}
	f := changed
	bit := func(w uint64, b uint, fl tileFlag) {
		if w>>b&1 != 0 {
			f |= fl
		}
	}
	if c.top != 0 {
		f |= top
	}
	if c.bottom != 0 {
		f |= bottom
	}
	bit(c.any, 0, left)
	bit(c.any, rbit, right)
	bit(c.top, 0, topLeft)
	bit(c.top, rbit, topRight)
	bit(c.bottom, 0, bottomLeft)
	bit(c.bottom, rbit, bottomRight)
	return f
}

// tiles tracks change tile by tile. Tile t is rows (t%rows)*tileRows to
// (t%rows+1)*tileRows-1 of strip t/rows, so that consecutive tiles run down
// a strip, as its words do.
type tiles struct {
	strips, rows int // tiles across and down
	// flag[t] says how tile t changed in the latest generation; next
	// receives the flags of the generation being computed, and the two
	// swap when it is done.
	flag, next []tileFlag
	// hot[i] is nonzero when some tile of strip i may have a flag, and
	// hotNext[i] the same for next; they swap with the flags. plan skips
	// whole strips with no hot strip beside them. Workers set hotNext
	// with atomic stores, as two may share a strip.
	hot, hotNext []uint32
	// todo lists the tiles to step in the generation being computed.
	todo []int32
}

func newTiles(g geom) tiles {
	rows := (g.h + tileRows - 1) / tileRows
	n := g.strips * rows
	return tiles{strips: g.strips, rows: rows, flag: make([]tileFlag, n), next: make([]tileFlag, n),
		hot: make([]uint32, g.strips), hotNext: make([]uint32, g.strips)}
}

// clone returns a copy of ts that shares no memory with it.
func (ts *tiles) clone() tiles {
	return tiles{strips: ts.strips, rows: ts.rows,
		flag: append([]tileFlag(nil), ts.flag...), next: append([]tileFlag(nil), ts.next...),
		hot: append([]uint32(nil), ts.hot...), hotNext: append([]uint32(nil), ts.hotNext...)}
}

// swap makes the flags of the generation just computed the latest.
func (ts *tiles) swap() {
	ts.flag, ts.next = ts.next, ts.flag
	ts.hot, ts.hotNext = ts.hotNext, ts.hot
}

// count returns the number of tiles.
func (ts *tiles) count() int { return len(ts.flag) }

// editAll marks every tile edited.
func (ts *tiles) editAll() {
	for t := range ts.flag {
		ts.flag[t] |= edited
	}
	for i := range ts.hot {
		ts.hot[i] = 1
	}
}

// edit marks edited the tile holding row y of strip i.
func (ts *tiles) edit(i, y int) {
	ts.flag[i*ts.rows+y/tileRows] |= edited
	ts.hot[i] = 1
}

// need reports whether tile (strip i, tile row r) must be stepped: whether
// it changed or was edited in the latest generation, or a neighbour, wrapping
// round the edges, changed next to it. Wrapping is right on a torus and
// merely cautious on a bounded plane. [tiles.plan] asks the same, faster.
func (ts *tiles) need(i, r int) bool {
	f := ts.flag
	if f[i*ts.rows+r] != 0 {
		return true
	}
	up, down := r-1, r+1
	if up < 0 {
		up = ts.rows - 1
	}
	if down == ts.rows {
		down = 0
	}
	l, rt := i-1, i+1
	if l < 0 {
		l = ts.strips - 1
	}
	if rt == ts.strips {
		rt = 0
	}
	l, c, rt := l*ts.rows, i*ts.rows, rt*ts.rows
	return f[c+up]&(bottom|edited)|f[c+down]&(top|edited)|
		f[l+r]&(right|edited)|f[rt+r]&(left|edited)|
		f[l+up]&(bottomRight|edited)|f[rt+up]&(bottomLeft|edited)|
		f[l+down]&(topRight|edited)|f[rt+down]&(topLeft|edited) != 0
}

// plan lists, in order, the tiles that must be stepped in the next
// generation (see [tiles.need]), and clears the next flags of the others,
// whose next generation is what the other buffer holds already. The list
// is ts.todo, reused from generation to generation.
func (ts *tiles) plan() []int32 {
	todo := ts.todo[:0]
	f, rows := ts.flag, ts.rows
	for i := 0; i < ts.strips; i++ {
		// Strips i-1 and i+1, wrapping round, and the first tiles of
		// the three.
		li, ri := i-1, i+1
		if i == 0 {
			li = ts.strips - 1
		}
		if i == ts.strips-1 {
			ri = 0
		}
		l, c, rt := li*rows, i*rows, ri*rows
		if ts.hot[li]|ts.hot[i]|ts.hot[ri] == 0 {
			// Nothing near changed: no tile of strip i is stepped,
			// and its next flags are zero once cleared.
			if ts.hotNext[i] != 0 {
				clear(ts.next[c : c+rows])
				ts.hotNext[i] = 0
			}
			continue
		}
		ts.hotNext[i] = 0 // stepTiles sets it again if need be
		for r := 0; r < rows; r++ {
			if f[c+r] == 0 {
				up, down := r-1, r+1
				if up < 0 {
					up = rows - 1
				}
				if down == rows {
					down = 0
				}
				if f[c+up]&(bottom|edited)|f[c+down]&(top|edited)|
					f[l+r]&(right|edited)|f[rt+r]&(left|edited)|
					f[l+up]&(bottomRight|edited)|f[rt+up]&(bottomLeft|edited)|
					f[l+down]&(topRight|edited)|f[rt+down]&(topLeft|edited) == 0 {
					ts.next[c+r] = 0
					continue
				}
			}
			todo = append(todo, int32(c+r))
		}
	}
	ts.todo = todo
	return todo
}

// maxRun is the most tiles stepped in one call of stepRows.
const maxRun = 64

// stepTiles computes the next generation of the tiles listed in todo, in
// the order plan lists them, from src into dst, which holds the generation
// before src's, and writes their flags into ts.next. Consecutive tiles of a
// strip are stepped in one run, so that the sums of the rows at their
// borders are not computed twice. It returns how many tiles got a flag.
// Calls for disjoint lists may run concurrently.
func (g *geom) stepTiles(l *logic, ts *tiles, dst, src []uint64, todo []int32) int {
	active := 0
	var s sides
	si := -1 // the strip whose sides s holds
	rbit := uint(63)
	var ch [maxRun]change
	for len(todo) > 0 {
		t := int(todo[0])
		i, r := t/ts.rows, t%ts.rows
		// The run: tiles t to t+n-1, in strip i.
		n := 1
		for n < len(todo) && n < maxRun && int(todo[n]) == t+n && r+n < ts.rows {
			n++
		}
		todo = todo[n:]
		if i != si {
			s, si = g.sidesOf(src, i), i
			rbit = 63
			if i == g.strips-1 {
				rbit = g.edge
			}
		}
		y0 := r * tileRows
		g.stepRows(l, &s, g.strip(src, i), g.strip(dst, i), y0, min(y0+n*tileRows, g.h), ch[:n])
		hot := false
		for k, c := range ch[:n] {
			f := flagOf(c, rbit)
			if ts.flag[t+k]&edited != 0 {
				f |= edited - 1 // every side, once more
			}
			ts.next[t+k] = f
			if f != 0 {
				active++
				hot = true
			}
		}
		if hot {
			atomic.StoreUint32(&ts.hotNext[i], 1)
		}
	}
	return active
}
