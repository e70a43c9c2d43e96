//go:build goexperiment.simd && amd64

package bitwise

import (
	"simd/archsimd"
	"unsafe"
)

// The SIMD table kernel, built with GOEXPERIMENT=simd for CPUs with
// AVX-512 VBMI, VBMI2 and GFNI: the 64 cells of a row looked up in the
// rule's 512-bit table at once, as bytes in a register. It steps every
// rule but Life and Wolfram's, which have faster kernels: the isotropic
// non-totalistic and MAP rules, and the totalistic rules of every
// neighbourhood, faster than their adders and logic.
//
// A cell's 3 x 3 block is 9 bits, one too many for a byte. The west and
// middle columns, 6 bits, index the 64-byte table (cellTable) with
// VPERMB, which reads the low 6 bits of each index byte and ignores the
// others; the byte found holds the next state for each of the 8 east
// columns, and the east column picks its bit (a second VPERMB gives
// 1 << east, and an AND leaves that bit or nothing).
//
// The bytes come from the rows, and go back to them, by transposing 8 x 8
// bit squares: GF2P8AFFINEQB with a constant diagonal matrix turns each
// quadword around its diagonal, so that after a byte permutation has
// gathered byte k of eight words into quadword k, byte x of the result
// holds bit x of each of the eight words. Transposing the rows above, at
// and below a pair of rows, and below that, each shifted west and as it
// is, gives the index bytes of the pair's upper row (bits 0 to 5; the row
// below, in bits 6 and 7, is ignored) and, rotated right by 2, of its
// lower one. The east columns of eight rows transpose into one byte a
// column, rotated right by a bit a row. The 8 rows of a block each leave
// a byte a column whose one bit a third GF2P8AFFINEQB moves to the row's
// bit; ORed together and transposed back, they are the block's 8 words.
// A block of 8 rows costs 6 transposes in and one out, 16 lookups, no
// scalar work but the change masks.

// useCells says whether the CPU runs the SIMD table kernel, and so
// whether rules other than Life and Wolfram's get a table of cells (see
// stepRunRule).
var useCells = func() bool {
	x := archsimd.X86
	return x.AVX512() && x.AVX512VBMI() && x.AVX512VBMI2() && x.AVX512GFNI()
}()

// cellsRun steps the whole blocks of 8 rows of a run (see runrule.go)
// through table c, and returns how many rows that was and their masks.
func cellsRun(c *cellTable, left, cur, right, out []uint64) (done int, chg, lft, rgt uint64) {
	n := len(out)
	return cells512(c, left[:n+2], cur[:n+2], right[:n+2], out)
}

// Byte permutations of the transposes. A transpose of eight words d0 to
// d7 gathers byte k of word b into byte 8k+7-b, for GF2P8AFFINEQB, which
// makes bit b of its result's byte 8k+i from bit i of byte 7-b of
// quadword k: bit b of byte x of the result is bit x of word b.
var (
	// quadsPair[p] gathers, from the 128 bytes of a block's own words
	// (0 to 63, the 8 rows from the one above the block) and its words
	// shifted west (64 to 127), the rows p to p+3 as words d0 to d7:
	// the west word of row p+k as d(2k), its own as d(2k+1).
	quadsPair [4]archsimd.Uint8x64
	// quadsEast gathers eight words, the rows east-shifted, as d0 to d7.
	quadsEast archsimd.Uint8x64
	// quadsBit is 1 << (i & 7) in byte i.
	quadsBit archsimd.Uint8x64
	// quadsTo[j] is the matrix that makes bit j of a byte the parity of
	// its bits, and its other bits clear.
	quadsTo [8]archsimd.Uint64x8
	// quadsRows gathers byte 8k+j into byte 8j+k.
	quadsRows archsimd.Uint8x64
)

func init() {
	var p [4][64]uint8
	var e, bit, rows [64]uint8
	for k := range 8 {
		for b := range 8 {
			e[8*k+7-b] = uint8(8*b + k)
			for j := range p {
				// Pair 3 reads the block's words 6 to 9 as the
				// second load's 4 to 7.
				row := min(2*j, 4) + b/2
				src := 8*row + k
				if b%2 == 0 {
					src += 64
				}
				p[j][8*k+7-b] = uint8(src)
			}
		}
	}
	for i := range bit {
		bit[i] = 1 << (i & 7)
		rows[8*(i%8)+i/8] = uint8(i)
	}
	for j := range quadsTo {
		quadsTo[j] = archsimd.BroadcastUint64x8(0xff << (8 * (7 - j)))
	}
	quadsRows = archsimd.LoadUint8x64(&rows)
	for j := range p {
		quadsPair[j] = archsimd.LoadUint8x64(&p[j])
	}
	quadsEast = archsimd.LoadUint8x64(&e)
	quadsBit = archsimd.LoadUint8x64(&bit)
}

// cells512 steps the whole blocks of 8 rows of a run and returns how many
// rows that was and their masks.
func cells512(ct *cellTable, left, cur, right, out []uint64) (done int, chg, lft, rgt uint64) {
	n := len(out) &^ 7
	if n == 0 {
		return 0, 0, 0, 0
	}
	pl, pc, pr, po := unsafe.Pointer(&left[0]), unsafe.Pointer(&cur[0]), unsafe.Pointer(&right[0]), unsafe.Pointer(&out[0])
	at := func(p unsafe.Pointer, i int) *[8]uint64 { return (*[8]uint64)(unsafe.Add(p, 8*i)) }
	var zero archsimd.Uint64x8
	// The index bytes of a quadword hold its columns in reverse order,
	// 8k+7 first (which the lookups do not mind): then the transpose
	// back to rows needs no reversing.
	fwd := archsimd.BroadcastUint64x8(0x0102040810204080).AsUint8x64()
	back := archsimd.BroadcastUint64x8(0x8040201008040201).AsUint8x64()
	cells := archsimd.LoadUint8x64((*[64]uint8)(ct))
	pair0, pair1, pair2, pair3 := quadsPair[0], quadsPair[1], quadsPair[2], quadsPair[3]
	east, bit, rows := quadsEast, quadsBit, quadsRows
	// transpose turns the 8 words that the permutation gathered around.
	transpose := func(g archsimd.Uint8x64) archsimd.Uint32x16 {
		return fwd.GaloisFieldAffineTransform(g.AsUint64x8(), 0).AsUint32x16()
	}
	// cell returns the next states of a row from its index bytes w (the
	// west and middle columns) and s (the east column), as bytes with a
	// bit set or clear, bit j set for a live cell: the byte looked up
	// and its east column's bit, the one bit left moved to bit j.
	cell := func(w, s archsimd.Uint32x16, j int) archsimd.Uint8x64 {
		t := cells.Permute(w.AsUint8x64())
		b := bit.Permute(s.AsUint8x64())
		return t.And(b).GaloisFieldAffineTransform(quadsTo[j], 0)
	}
	for i := 0; i < n; i += 8 {
		// The rows from the one above the block: i-1 to i+6 (words i
		// to i+7), and i+1 to i+8 for the block's last pair and last
		// two east columns.
		c0 := archsimd.LoadUint64x8(at(pc, i))
		c1 := archsimd.LoadUint64x8(at(pc, i+2))
		w0 := c0.ShiftAllLeftConcat(1, archsimd.LoadUint64x8(at(pl, i))).AsUint8x64()
		w1 := c1.ShiftAllLeftConcat(1, archsimd.LoadUint64x8(at(pl, i+2))).AsUint8x64()
		e0 := c0.ShiftAllRightConcat(1, archsimd.LoadUint64x8(at(pr, i))).AsUint8x64()
		e1 := c1.ShiftAllRightConcat(1, archsimd.LoadUint64x8(at(pr, i+2))).AsUint8x64()
		b0, b1 := c0.AsUint8x64(), c1.AsUint8x64()
		s0 := transpose(e0.Permute(east)) // bit k: row i-1+k
		s1 := transpose(e1.Permute(east)) // bit k: row i+1+k
		q := transpose(b0.ConcatPermute(w0, pair0))
		z := cell(q, s0, 0).Or(cell(q.RotateAllRight(2), s0.RotateAllRight(1), 1))
		q = transpose(b0.ConcatPermute(w0, pair1))
		z = z.Or(cell(q, s0.RotateAllRight(2), 2)).Or(cell(q.RotateAllRight(2), s0.RotateAllRight(3), 3))
		q = transpose(b0.ConcatPermute(w0, pair2))
		z = z.Or(cell(q, s0.RotateAllRight(4), 4)).Or(cell(q.RotateAllRight(2), s0.RotateAllRight(5), 5))
		q = transpose(b1.ConcatPermute(w1, pair3))
		z = z.Or(cell(q, s1.RotateAllRight(4), 6)).Or(cell(q.RotateAllRight(2), s1.RotateAllRight(5), 7))
		// Byte x of z holds column x's 8 new cells, bit j row i+j:
		// turned around, quadword k byte j is row j's byte k; a byte
		// permutation puts them in place.
		next := back.GaloisFieldAffineTransform(z.AsUint64x8(), 0).Permute(rows).AsUint64x8()
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
