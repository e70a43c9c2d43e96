package engine

import "math/bits"

// RowRuns calls fn for each run of live cells of a row given as words, bit
// i of row[j] standing for column x+64*j+i, from left to right, runs that
// go on from one word into the next joined; it stops at fn's first error
// and returns it. It turns the rows a reader hands on (patterns.RowSink)
// back into runs for engines that take runs.
func RowRuns(x int64, row []uint64, fn func(x, n int64) error) error {
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
				if err := fn(rx, rn); err != nil {
					return err
				}
			}
			rx, rn = c+int64(a), int64(n)
		}
	}
	if rn > 0 {
		return fn(rx, rn)
	}
	return nil
}
