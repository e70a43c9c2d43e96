//go:build !goexperiment.simd || !amd64

package bitwise

// useCells says whether this build steps rules through their table of
// cells (see stepRunRule): it has no kernel for it.
const useCells = false

// cellsRun steps the runs of a table of cells: this build has no kernel
// for it, and steps none.
func cellsRun(c *cellTable, left, cur, right, out []uint64) (done int, chg, lft, rgt uint64) {
	return 0, 0, 0, 0
}

// maskedRun steps a run under a rule of the masked adders (see runrule.go)
// with the portable kernel: this build has no other.
func maskedRun(l *logic, left, cur, right, out []uint64) (chg, lft, rgt uint64) {
	return maskedRunPortable(l, left, cur, right, out)
}
