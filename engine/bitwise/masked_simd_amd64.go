//go:build goexperiment.simd && amd64

package bitwise

import (
	"simd/archsimd"
	"unsafe"

	"github.com/life-go/life/engine"
)

// The SIMD kernel of the masked adders' rules (masked.go: the hexagonal
// and von Neumann neighbourhoods' totalistic rules and Wolfram's), built
// with GOEXPERIMENT=simd for CPUs with AVX-512 and VBMI2: eight rows at
// once, as kernel_simd_amd64.go steps the Moore neighbourhood's, with the
// sums of masked.go and the logic of [next8].

// maskedSIMD says that the CPU runs the SIMD masked kernel.
var maskedSIMD = archsimd.X86.AVX512() && archsimd.X86.AVX512VBMI2()

// maskedRun steps a run under a rule of the masked adders (see
// runrule.go): whole blocks of 8 rows with the SIMD kernel when the CPU
// has it, the rest with the portable one.
func maskedRun(l *logic, left, cur, right, out []uint64) (chg, lft, rgt uint64) {
	n := len(out)
	done := 0
	if maskedSIMD {
		left, cur, right = left[:n+2], cur[:n+2], right[:n+2]
		done, chg, lft, rgt = masked512(l, left, cur, right, out)
	}
	if done < n {
		c, lf, r := maskedRunPortable(l, left[done:], cur[done:], right[done:], out[done:])
		chg |= c << done
		lft |= lf << done
		rgt |= r << done
	}
	return chg, lft, rgt
}

// masked512 steps the whole blocks of 8 rows of a run and returns how many
// rows that was and their masks.
func masked512(l *logic, left, cur, right, out []uint64) (done int, chg, lft, rgt uint64) {
	n := len(out) &^ 7
	if n == 0 {
		return 0, 0, 0, 0
	}
	pl, pc, pr, po := unsafe.Pointer(&left[0]), unsafe.Pointer(&cur[0]), unsafe.Pointer(&right[0]), unsafe.Pointer(&out[0])
	at := func(p unsafe.Pointer, i int) *[8]uint64 { return (*[8]uint64)(unsafe.Add(p, 8*i)) }
	var zero archsimd.Uint64x8
	// cells returns rows i to i+7 of the columns (the words i to i+7)
	// and their west and east neighbours.
	cells := func(i int) (w, c, e archsimd.Uint64x8) {
		c = archsimd.LoadUint64x8(at(pc, i))
		w = c.ShiftAllLeftConcat(1, archsimd.LoadUint64x8(at(pl, i)))
		e = c.ShiftAllRightConcat(1, archsimd.LoadUint64x8(at(pr, i)))
		return w, c, e
	}
	sum3 := func(x, y, z archsimd.Uint64x8) (lo, hi archsimd.Uint64x8) {
		xy := x.Xor(y)
		return xy.Xor(z), x.And(y).Or(xy.And(z))
	}
	// add3 is the package's add3, lane by lane, without the eights: the
	// masked neighbourhoods' sums are at most 7.
	add3 := func(alo, ahi, mlo, mhi, blo, bhi archsimd.Uint64x8) (x0, x1, x2 archsimd.Uint64x8) {
		am := alo.Xor(mlo)
		x0 = am.Xor(blo)
		k := alo.And(mlo).Or(blo.And(am))
		ahm := ahi.Xor(mhi)
		t := ahm.Xor(bhi)
		u := ahi.And(mhi).Or(bhi.And(ahm))
		return x0, t.Xor(k), u.Xor(t.And(k))
	}
	nbhd := l.nbhd
	for i := 0; i < n; i += 8 {
		aw, a, ae := cells(i)
		mw, m, me := cells(i + 1)
		_, b, be := cells(i + 2)
		var next archsimd.Uint64x8
		switch nbhd {
		case engine.Wolfram1D:
			next = m.Or(wolfram8(l, aw, a, ae))
		case engine.Hexagonal:
			// Above: the cell and its west; the row: three; below:
			// the cell and its east.
			mlo, mhi := sum3(mw, m, me)
			x0, x1, x2 := add3(aw.Xor(a), aw.And(a), mlo, mhi, b.Xor(be), b.And(be))
			next = next8(l, x0, x1, x2, zero, m)
		default: // von Neumann
			mlo, mhi := sum3(mw, m, me)
			x0, x1, x2 := add3(a, zero, mlo, mhi, b, zero)
			next = next8(l, x0, x1, x2, zero, m)
		}
		old := archsimd.LoadUint64x8(at(po, i))
		next.Store(at(po, i))
		d := next.Xor(old)
		chg |= uint64(d.NotEqual(zero).ToBits()) << i
		lft |= uint64(d.ShiftAllLeft(63).NotEqual(zero).ToBits()) << i
		rgt |= uint64(d.AsInt64x8().Less(zero.AsInt64x8()).ToBits()) << i
	}
	archsimd.ClearAVXUpperBits()
	return n, chg, lft, rgt
}

// wolfram8 is [logic.wolfram] on AVX-512 words, the rule's constant words
// loaded as vectors (see wordOf8).
func wolfram8(l *logic, nw, n, ne archsimd.Uint64x8) archsimd.Uint64x8 {
	f := func(k int) archsimd.Uint64x8 { return wordOf8[l.wolf[k]&1] }
	mux := func(sel, a, b archsimd.Uint64x8) archsimd.Uint64x8 { return a.Xor(sel.And(a.Xor(b))) }
	d0, d1, d2, d3 := mux(ne, f(0), f(1)), mux(ne, f(2), f(3)), mux(ne, f(4), f(5)), mux(ne, f(6), f(7))
	d0, d2 = mux(n, d0, d1), mux(n, d2, d3)
	return mux(nw, d0, d2)
}
