package bitwise

// The run kernel: the one loop both engines of the package step their
// words with wherever a word has whole words on both sides and the rows
// above and below it at hand (the inside of a torus's strip, every tile of
// the plane). It adds up each cell's 3 x 3 block with the bit-sliced adders
// of kernel.go and hands the sums to the rule's logic (rule.go), so that a
// rule family taught to [logic] runs in both.
//
// A run is n <= 64 consecutive rows of a column 64 cells wide: out[i]
// receives the next state of row i, whose own word is cur[i+1], the rows
// above and below it cur[i] and cur[i+2], and the words beside them
// left[i..i+2] and right[i..i+2]. The kernel returns where the new words
// differ from those they overwrote, which is where the change tracking of
// both engines starts: bit i of chg is set when out[i] changed, of lft when
// its bit 0 did, of rgt when its bit 63 did.
//
// stepRun (kernel_portable.go, or kernel_simd_amd64.go in a SIMD build)
// steps a run; len(left), len(cur) and len(right) are n+2. It is a plain
// function, not a variable, so that what its callers pass it stays on
// their stacks.

// Kernel names the kernel the engines of this build step their words with
// on this CPU: "portable" (64-bit words, the default build) or, in a build
// with GOEXPERIMENT=simd, the SIMD instructions it uses.
func Kernel() string { return kernelName }

// stepRunPortable is the portable kernel: one word at a time, the sums of
// the rows above and at the row being computed carried from one row to the
// next, the masks gathered in their top bits, a row at a time. The loop
// indexes slices of exactly n words, so that it has no bounds checks
// (callgrind: 78 instructions a row, 90 with them).
func stepRunPortable(l *logic, left, cur, right, out []uint64) (chg, lft, rgt uint64) {
	n := len(out)
	if n == 0 {
		return 0, 0, 0
	}
	left, cur, right = left[:n+2], cur[:n+2], right[:n+2]
	if !l.life {
		return genericRun(l, left, cur, right, out)
	}
	alo, ahi := innerSum3(left[0], cur[0], right[0])
	mlo, mhi := innerSum3(left[1], cur[1], right[1])
	l2, c1, c2, r2 := left[2:n+2], cur[1:n+1], cur[2:n+2], right[2:n+2]
	for i, o := range out {
		blo, bhi := innerSum3(l2[i], c2[i], r2[i])
		x0, x1, x2, _ := add3(alo, ahi, mlo, mhi, blo, bhi)
		next := lifeNext(x0, x1, x2, c1[i])
		d := next ^ o
		out[i] = next
		chg = chg>>1 | (d|-d)&(1<<63)
		lft = lft>>1 | d<<63
		rgt = rgt>>1 | d&(1<<63)
		alo, ahi, mlo, mhi = mlo, mhi, blo, bhi
	}
	s := uint(64 - n)
	return chg >> s, lft >> s, rgt >> s
}

// genericRun is the portable kernel under any rule, through [logic.next].
func genericRun(l *logic, left, cur, right, out []uint64) (chg, lft, rgt uint64) {
	n := len(out)
	alo, ahi := innerSum3(left[0], cur[0], right[0])
	mlo, mhi := innerSum3(left[1], cur[1], right[1])
	l2, c1, c2, r2 := left[2:n+2], cur[1:n+1], cur[2:n+2], right[2:n+2]
	for i, o := range out {
		blo, bhi := innerSum3(l2[i], c2[i], r2[i])
		x0, x1, x2, x3 := add3(alo, ahi, mlo, mhi, blo, bhi)
		next := l.next(x0, x1, x2, x3, c1[i])
		d := next ^ o
		out[i] = next
		chg = chg>>1 | (d|-d)&(1<<63)
		lft = lft>>1 | d<<63
		rgt = rgt>>1 | d&(1<<63)
		alo, ahi, mlo, mhi = mlo, mhi, blo, bhi
	}
	s := uint(64 - n)
	return chg >> s, lft >> s, rgt >> s
}
