//go:build goexperiment.simd && amd64

package bitwise

// quadsRun steps a run through quads q (see runrule.go).
func quadsRun(q *quadTable, left, cur, right, out []uint64) (chg, lft, rgt uint64) {
	return quadsRunPortable(q, left, cur, right, out)
}
