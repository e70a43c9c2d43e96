package bitwise

import "math/bits"

// Loading a row's cells from words at once, as a reader hands a row of an
// RLE file on (patterns.RowSink): a word of the row goes into the grid's
// or a tile's word with a shift, instead of a call a run.

// eachRun calls fn for each run of set bits of row, bit i of row[j]
// standing for column x+64*j+i, from left to right, runs that go on from
// one word into the next joined.
func eachRun(x int64, row []uint64, fn func(x, n int64)) {
	var rx, rn int64 // the run being gathered
	for j, w := range row {
		c := x + 64*int64(j)
		for w != 0 {
			a := bits.TrailingZeros64(w)
			n := bits.TrailingZeros64(^(w >> a)) // a+n <= 64
			if a+n == 64 {
				w = 0
			} else {
				w &^= (1<<n - 1) << a
			}
			if rn > 0 && rx+rn == c+int64(a) {
				rn += int64(n)
				continue
			}
			if rn > 0 {
				fn(rx, rn)
			}
			rx, rn = c+int64(a), int64(n)
		}
	}
	if rn > 0 {
		fn(rx, rn)
	}
}

// rowSpan returns the columns of row's first and last live cells, bit i
// of row[j] standing for column x+64*j+i, and false when it has none.
func rowSpan(x int64, row []uint64) (first, last int64, ok bool) {
	j0 := 0
	for j0 < len(row) && row[j0] == 0 {
		j0++
	}
	if j0 == len(row) {
		return 0, 0, false
	}
	j1 := len(row) - 1
	for row[j1] == 0 {
		j1--
	}
	return x + 64*int64(j0) + int64(bits.TrailingZeros64(row[j0])),
		x + 64*int64(j1) + 63 - int64(bits.LeadingZeros64(row[j1])), true
}

// SetRow makes alive the cells of row y that row's bits say, bit i of
// row[j] standing for the cell (y, x+64*j+i), as SetRun would run by run.
// A row that lies inside the grid without wrapping goes in a word at a
// time.
func (e *Engine) SetRow(y, x int64, row []uint64) {
	first, last, ok := rowSpan(x, row)
	if !ok {
		return
	}
	yy, x0, ok0 := e.place(y, first)
	_, x1, ok1 := e.place(y, last)
	if e.sp.ring || e.windowed() || !ok0 || !ok1 || int64(x1-x0) != last-first {
		eachRun(x, row, func(x, n int64) { e.SetRun(y, x, n) })
		return
	}
	// Column x of the row is the grid's column xx, which may be
	// negative: only the row's cells, from first to last, lie in it.
	xx := int64(x0) - (first - x)
	h := e.g.h
	for j, w := range row {
		if w == 0 {
			continue
		}
		c := xx + 64*int64(j) // the grid's column of w's bit 0
		i, sh := c>>6, uint(c&63)
		if lo := w << sh; lo != 0 {
			e.cur[int(i)*h+yy] |= lo
			e.tiles.edit(int(i), yy)
		}
		if sh != 0 {
			if hi := w >> (64 - sh); hi != 0 {
				e.cur[int(i+1)*h+yy] |= hi
				e.tiles.edit(int(i+1), yy)
			}
		}
	}
	e.settled = false
}

// SetRow makes alive the cells of row y that row's bits say, bit i of
// row[j] standing for the cell (y, x+64*j+i), as SetRun would run by run,
// a word at a time. Cells outside the universe are left dead.
func (e *Plane) SetRow(y, x int64, row []uint64) {
	first, last, ok := rowSpan(x, row)
	if !ok {
		return
	}
	if y < -1<<62 || y >= 1<<62 || first < -1<<62 || last >= 1<<62 {
		eachRun(x, row, func(x, n int64) { e.SetRun(y, x, n) })
		return
	}
	for j, w := range row {
		if w == 0 {
			continue
		}
		c := x + 64*int64(j) // the column of w's bit 0
		k, r, sh := split(y, c)
		if lo := w << uint(sh); lo != 0 {
			e.orWord(k, r, lo)
		}
		if sh != 0 {
			if hi := w >> (64 - uint(sh)); hi != 0 {
				e.orWord(tileKey{k.Y, k.X + 1}, r, hi)
			}
		}
	}
}

// orWord makes alive the cells of bits in row r of tile k, which lies
// inside the universe.
func (e *Plane) orWord(k tileKey, r int, bits uint64) {
	t := e.tileFor(k)
	w := &t.buf[e.par][1+r]
	if *w|bits != *w {
		*w |= bits
		e.touch(t, r)
		e.syncHalos(t, r)
	}
}
