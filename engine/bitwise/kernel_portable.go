//go:build !goexperiment.simd || !amd64

package bitwise

// kernelName names the kernel in use: this build has only the portable one.
const kernelName = "portable"

// stepRun steps a run with the portable kernel (see rows.go).
func stepRun(l *logic, left, cur, right, out []uint64) (chg, lft, rgt uint64) {
	return stepRunPortable(l, left, cur, right, out)
}

// kernelBlock is how many rows the kernel steps at once: one.
const kernelBlock = 1
