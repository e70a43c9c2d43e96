//go:build goexperiment.simd && amd64

package bitwise

import (
	"simd/archsimd"
	"unsafe"
)

// The SIMD kernel, built with GOEXPERIMENT=simd: the run kernel of rows.go
// on eight rows at once in AVX-512 registers (four in AVX2 ones), with
// Go's experimental simd/archsimd. A column's rows are consecutive words,
// so the rows above and below a block of rows are the same words loaded
// one word earlier and one later, and the words beside them the same rows
// of the columns beside it: a block needs nine loads, no shuffles. The
// adders and the rule are those of kernel.go and rule.go, lane by lane.
// Rows left over at the end of a run go through the portable kernel.
//
// The kernel is chosen once, at start-up, from what the CPU has: AVX-512
// with VBMI2 (whose concatenating shifts give a cell's west and east
// neighbours in one instruction each), AVX-512, AVX2, or the portable
// kernel on a CPU with none of them.

// simdKind says which SIMD kernel the CPU runs.
type simdKind int

const (
	simdNone   simdKind = iota
	simdAVX2            // 4 rows a block
	simdAVX512          // 8 rows a block
	simdVBMI2           // 8 rows a block, concatenating shifts
)

var simdUse = func() simdKind {
	switch x := archsimd.X86; {
	case x.AVX512() && x.AVX512VBMI2():
		return simdVBMI2
	case x.AVX512():
		return simdAVX512
	case x.AVX2():
		return simdAVX2
	}
	return simdNone
}()

// kernelName names the kernel in use.
var kernelName = [...]string{
	simdNone:   "portable",
	simdAVX2:   "avx2",
	simdAVX512: "avx512",
	simdVBMI2:  "avx512-vbmi2",
}[simdUse]

// stepRun steps a run (see rows.go) with the SIMD kernel the CPU runs, and
// the rows left over, fewer than a block, with the portable one.
func stepRun(l *logic, left, cur, right, out []uint64) (chg, lft, rgt uint64) {
	n := len(out)
	left, cur, right = left[:n+2], cur[:n+2], right[:n+2]
	var done int
	switch simdUse {
	case simdVBMI2:
		done, chg, lft, rgt = run512(l, true, left, cur, right, out)
	case simdAVX512:
		done, chg, lft, rgt = run512(l, false, left, cur, right, out)
	case simdAVX2:
		done, chg, lft, rgt = run256(l, left, cur, right, out)
	}
	if done < n {
		c, lf, r := stepRunPortable(l, left[done:], cur[done:], right[done:], out[done:])
		chg |= c << done
		lft |= lf << done
		rgt |= r << done
	}
	return chg, lft, rgt
}

// kernelBlock is how many rows the kernel steps at once: runs of a
// multiple of it go through the SIMD kernel whole.
var kernelBlock = [...]int{simdNone: 1, simdAVX2: 4, simdAVX512: 8, simdVBMI2: 8}[simdUse]

// run512 steps the whole blocks of 8 rows of a run in AVX-512 registers and
// returns how many rows that was and their masks; vbmi2 says the CPU has
// the concatenating shifts.
func run512(l *logic, vbmi2 bool, left, cur, right, out []uint64) (done int, chg, lft, rgt uint64) {
	n := len(out) &^ 7
	if n == 0 {
		return 0, 0, 0, 0
	}
	var zero archsimd.Uint64x8
	// Rows i to i+9 of the columns are read for the block at i: within
	// their n+2 words.
	pl, pc, pr, po := unsafe.Pointer(&left[0]), unsafe.Pointer(&cur[0]), unsafe.Pointer(&right[0]), unsafe.Pointer(&out[0])
	at := func(p unsafe.Pointer, i int) *[8]uint64 { return (*[8]uint64)(unsafe.Add(p, 8*i)) }
	// sum3 is innerSum3 on rows i to i+7 of the three columns.
	// Go 1.26 encodes ShiftAllRight with a count register loaded by a
	// legacy SSE instruction, which is slow among AVX-512 ones (see
	// stepRun's comment): right shifts are rotations masked instead.
	one, top := archsimd.BroadcastUint64x8(1), archsimd.BroadcastUint64x8(1<<63)
	sum3 := func(i int) (lo, hi archsimd.Uint64x8) {
		c := archsimd.LoadUint64x8(at(pc, i))
		lw := archsimd.LoadUint64x8(at(pl, i))
		rw := archsimd.LoadUint64x8(at(pr, i))
		west := c.ShiftAllLeft(1).Or(lw.RotateAllLeft(1).And(one))
		east := c.RotateAllRight(1).AndNot(top).Or(rw.ShiftAllLeft(63))
		we := west.Xor(east)
		return we.Xor(c), west.And(east).Or(we.And(c))
	}
	sum3v := func(i int) (lo, hi archsimd.Uint64x8) {
		c := archsimd.LoadUint64x8(at(pc, i))
		west := c.ShiftAllLeftConcat(1, archsimd.LoadUint64x8(at(pl, i)))
		east := c.ShiftAllRightConcat(1, archsimd.LoadUint64x8(at(pr, i)))
		we := west.Xor(east)
		return we.Xor(c), west.And(east).Or(we.And(c))
	}
	for i := 0; i < n; i += 8 {
		var alo, ahi, mlo, mhi, blo, bhi archsimd.Uint64x8
		if vbmi2 {
			alo, ahi = sum3v(i)
			mlo, mhi = sum3v(i + 1)
			blo, bhi = sum3v(i + 2)
		} else {
			alo, ahi = sum3(i)
			mlo, mhi = sum3(i + 1)
			blo, bhi = sum3(i + 2)
		}
		// add3, lane by lane.
		am := alo.Xor(mlo)
		x0 := am.Xor(blo)
		k := alo.And(mlo).Or(blo.And(am))
		ahm := ahi.Xor(mhi)
		t := ahm.Xor(bhi)
		u := ahi.And(mhi).Or(bhi.And(ahm))
		x1 := t.Xor(k)
		v := t.And(k)
		x2 := u.Xor(v)
		s := archsimd.LoadUint64x8(at(pc, i+1))
		var next archsimd.Uint64x8
		if l.life {
			next = x1.Xor(x2).And(x0.Xor(x2)).And(x0.Or(s))
		} else {
			next = next8(l, x0, x1, x2, u.And(v), s)
		}
		old := archsimd.LoadUint64x8(at(po, i))
		next.Store(at(po, i))
		d := next.Xor(old)
		chg |= uint64(d.NotEqual(zero).ToBits()) << i
		lft |= uint64(d.ShiftAllLeft(63).NotEqual(zero).ToBits()) << i
		rgt |= uint64(d.AsInt64x8().Less(zero.AsInt64x8()).ToBits()) << i
	}
	// The rest of Go uses SSE instructions, which run slowly while the
	// upper halves of the vector registers are dirty.
	archsimd.ClearAVXUpperBits()
	return n, chg, lft, rgt
}

// wordOf8 and wordOf4 are the rule's two constant words, all zeros and
// all ones, as vectors: the logic's words, each one or the other, are
// loaded from them. (Broadcast from the words themselves, they went
// through XMM registers, which Go 1.26 spilled with legacy SSE stores
// among the AVX-512 instructions: the generic kernel ran 10 times slower
// than the portable one.)
var (
	wordOf8 = [2]archsimd.Uint64x8{archsimd.BroadcastUint64x8(0), archsimd.BroadcastUint64x8(^uint64(0))}
	wordOf4 = [2]archsimd.Uint64x4{archsimd.BroadcastUint64x4(0), archsimd.BroadcastUint64x4(^uint64(0))}
)

// next8 is [logic.next] on AVX-512 words, the rule's constant words
// loaded as vectors (see wordOf8).
func next8(l *logic, x0, x1, x2, x3, s archsimd.Uint64x8) archsimd.Uint64x8 {
	c := func(w uint64) archsimd.Uint64x8 { return wordOf8[w&1] }
	mux := func(sel, a, b archsimd.Uint64x8) archsimd.Uint64x8 { return a.Xor(sel.And(a.Xor(b))) }
	leaf := func(s, m int) archsimd.Uint64x8 { return c(l.leaf[s][m]).Xor(x0.And(c(l.flip[s][m]))) }
	d0, d1, d2, d3 := leaf(0, 0), leaf(0, 2), leaf(0, 4), leaf(0, 6)
	a0, a1, a2, a3 := leaf(1, 0), leaf(1, 2), leaf(1, 4), leaf(1, 6)
	d0, d2 = mux(x1, d0, d1), mux(x1, d2, d3)
	a0, a2 = mux(x1, a0, a1), mux(x1, a2, a3)
	d0, a0 = mux(x2, d0, d2), mux(x2, a0, a2)
	res := mux(s, d0, a0)
	e8 := mux(s, c(l.sum8[0]), c(l.sum8[1]))
	e9 := mux(s, c(l.sum9[0]), c(l.sum9[1]))
	return mux(x3, res, mux(x0, e8, e9))
}

// run256 is run512 for AVX2: blocks of 4 rows.
func run256(l *logic, left, cur, right, out []uint64) (done int, chg, lft, rgt uint64) {
	n := len(out) &^ 3
	if n == 0 {
		return 0, 0, 0, 0
	}
	var zero archsimd.Int64x4
	pl, pc, pr, po := unsafe.Pointer(&left[0]), unsafe.Pointer(&cur[0]), unsafe.Pointer(&right[0]), unsafe.Pointer(&out[0])
	at := func(p unsafe.Pointer, i int) *[4]uint64 { return (*[4]uint64)(unsafe.Add(p, 8*i)) }
	// Right shifts by a vector of counts: see run512.
	one, s63 := archsimd.BroadcastUint64x4(1), archsimd.BroadcastUint64x4(63)
	sum3 := func(i int) (lo, hi archsimd.Uint64x4) {
		c := archsimd.LoadUint64x4(at(pc, i))
		lw := archsimd.LoadUint64x4(at(pl, i))
		rw := archsimd.LoadUint64x4(at(pr, i))
		west := c.ShiftAllLeft(1).Or(lw.ShiftRight(s63))
		east := c.ShiftRight(one).Or(rw.ShiftAllLeft(63))
		we := west.Xor(east)
		return we.Xor(c), west.And(east).Or(we.And(c))
	}
	for i := 0; i < n; i += 4 {
		alo, ahi := sum3(i)
		mlo, mhi := sum3(i + 1)
		blo, bhi := sum3(i + 2)
		am := alo.Xor(mlo)
		x0 := am.Xor(blo)
		k := alo.And(mlo).Or(blo.And(am))
		ahm := ahi.Xor(mhi)
		t := ahm.Xor(bhi)
		u := ahi.And(mhi).Or(bhi.And(ahm))
		x1 := t.Xor(k)
		v := t.And(k)
		x2 := u.Xor(v)
		s := archsimd.LoadUint64x4(at(pc, i+1))
		var next archsimd.Uint64x4
		if l.life {
			next = x1.Xor(x2).And(x0.Xor(x2)).And(x0.Or(s))
		} else {
			next = next4(l, x0, x1, x2, u.And(v), s)
		}
		old := archsimd.LoadUint64x4(at(po, i))
		next.Store(at(po, i))
		d := next.Xor(old).AsInt64x4()
		chg |= uint64(d.NotEqual(zero).ToBits()) << i
		lft |= uint64(d.ShiftAllLeft(63).Less(zero).ToBits()) << i
		rgt |= uint64(d.Less(zero).ToBits()) << i
	}
	archsimd.ClearAVXUpperBits()
	return n, chg, lft, rgt
}

// next4 is [logic.next] on AVX2 words, the rule's constant words loaded
// as vectors (see wordOf8).
func next4(l *logic, x0, x1, x2, x3, s archsimd.Uint64x4) archsimd.Uint64x4 {
	c := func(w uint64) archsimd.Uint64x4 { return wordOf4[w&1] }
	mux := func(sel, a, b archsimd.Uint64x4) archsimd.Uint64x4 { return a.Xor(sel.And(a.Xor(b))) }
	leaf := func(s, m int) archsimd.Uint64x4 { return c(l.leaf[s][m]).Xor(x0.And(c(l.flip[s][m]))) }
	d0, d1, d2, d3 := leaf(0, 0), leaf(0, 2), leaf(0, 4), leaf(0, 6)
	a0, a1, a2, a3 := leaf(1, 0), leaf(1, 2), leaf(1, 4), leaf(1, 6)
	d0, d2 = mux(x1, d0, d1), mux(x1, d2, d3)
	a0, a2 = mux(x1, a0, a1), mux(x1, a2, a3)
	d0, a0 = mux(x2, d0, d2), mux(x2, a0, a2)
	res := mux(s, d0, a0)
	e8 := mux(s, c(l.sum8[0]), c(l.sum8[1]))
	e9 := mux(s, c(l.sum9[0]), c(l.sum9[1]))
	return mux(x3, res, mux(x0, e8, e9))
}
