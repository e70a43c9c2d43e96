package bitwise

// tileRows is the height of a tile: a tile is 64 columns (one strip) by
// tileRows rows, the unit of change tracking.
const tileRows = 32

// The bits of a tile's flag.
const (
	// changed says the tile's latest generation differs from the one two
	// before it (which the other buffer held until it was overwritten).
	changed uint8 = 1 << iota
	// edited says the tile was set by hand, or its other buffer is stale:
	// its latest generation is not the successor of the one before, so
	// it and its neighbours are stepped for two more generations.
	edited
)

// tiles tracks change tile by tile. Tile t is rows (t%rows)*tileRows to
// (t%rows+1)*tileRows-1 of strip t/rows, so that consecutive tiles run down
// a strip, as its words do.
type tiles struct {
	strips, rows int // tiles across and down
	// flag[t] says how tile t changed in the latest generation; next
	// receives the flags of the generation being computed, and the two
	// swap when it is done.
	flag, next []uint8
}

func newTiles(g geom) tiles {
	rows := (g.h + tileRows - 1) / tileRows
	n := g.strips * rows
	return tiles{strips: g.strips, rows: rows, flag: make([]uint8, n), next: make([]uint8, n)}
}

// count returns the number of tiles.
func (ts *tiles) count() int { return len(ts.flag) }

// editAll marks every tile edited.
func (ts *tiles) editAll() {
	for t := range ts.flag {
		ts.flag[t] |= edited
	}
}

// edit marks edited the tile holding row y of strip i.
func (ts *tiles) edit(i, y int) {
	ts.flag[i*ts.rows+y/tileRows] |= edited
}

// need reports whether tile (strip i, tile row r) must be stepped: whether
// it or any tile around it, wrapping round the edges, changed or was edited
// in the latest generation. Wrapping is right on a torus and merely
// cautious on a bounded plane.
func (ts *tiles) need(i, r int) bool {
	up, down := r-1, r+1
	if up < 0 {
		up = ts.rows - 1
	}
	if down == ts.rows {
		down = 0
	}
	left, right := i-1, i+1
	if left < 0 {
		left = ts.strips - 1
	}
	if right == ts.strips {
		right = 0
	}
	f := ts.flag
	return f[left*ts.rows+up]|f[left*ts.rows+r]|f[left*ts.rows+down]|
		f[i*ts.rows+up]|f[i*ts.rows+r]|f[i*ts.rows+down]|
		f[right*ts.rows+up]|f[right*ts.rows+r]|f[right*ts.rows+down] != 0
}

// stepTiles computes the next generation of tiles t0 to t1-1 from src into
// dst, which holds the generation before src's, skipping the tiles that
// cannot have changed (their next generation is what dst holds already),
// and writes their flags into ts.next. It returns how many tiles got a flag.
// Calls for disjoint ranges may run concurrently.
func (g *geom) stepTiles(l *logic, ts *tiles, dst, src []uint64, t0, t1 int) int {
	active := 0
	for t := t0; t < t1; {
		// The tiles of strip i in the range.
		i := t / ts.rows
		end := min(t1, (i+1)*ts.rows)
		var s sides
		found := false
		for ; t < end; t++ {
			r := t - i*ts.rows
			var f uint8
			if ts.need(i, r) {
				if !found {
					s, found = g.sidesOf(src, i), true
				}
				y0 := r * tileRows
				if g.stepRows(l, &s, g.strip(src, i), g.strip(dst, i), y0, min(y0+tileRows, g.h)) {
					f = changed
				}
				if ts.flag[t]&edited != 0 {
					f |= changed
				}
			}
			ts.next[t] = f
			if f != 0 {
				active++
			}
		}
	}
	return active
}
