package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/life-go/life/engine"
)

// MaxZoom is the largest number of pixels a side a cell can take.
const MaxZoom = 64

// MaxShift bounds a zoomed-out scale: at least one pixel for every
// 2^MaxShift x 2^MaxShift block of cells.
const MaxShift = 30

// Scale is how large a cell is drawn. The zero Scale is one pixel a cell.
type Scale struct {
	zoom  int  // pixels a side per cell, minus one; used when shift == 0
	shift uint // one pixel per 2^shift x 2^shift cells when > 0
}

// PixelsPerCell returns the scale that draws each cell as an n x n square
// of pixels, 1 <= n <= [MaxZoom].
func PixelsPerCell(n int) Scale {
	if n < 1 || n > MaxZoom {
		panic(fmt.Sprintf("render: PixelsPerCell(%d) out of range 1-%d", n, MaxZoom))
	}
	return Scale{zoom: n - 1}
}

// CellsPerPixel returns the scale that draws each 2^k x 2^k block of cells
// as one pixel, 0 <= k <= [MaxShift].
func CellsPerPixel(k uint) Scale {
	if k > MaxShift {
		panic(fmt.Sprintf("render: CellsPerPixel(%d) out of range 0-%d", k, MaxShift))
	}
	return Scale{shift: k}
}

// ParseScale reads a scale: a whole number of pixels a cell from 1 to
// [MaxZoom] ("4"), or a fraction 1/2^k ("1/4" or "0.25") for one pixel per
// 2^k x 2^k block of cells.
func ParseScale(s string) (Scale, error) {
	bad := func(why string) (Scale, error) {
		return Scale{}, fmt.Errorf("scale %q: %s", s, why)
	}
	t := strings.TrimSpace(s)
	if n, err := strconv.Atoi(t); err == nil {
		if n < 1 || n > MaxZoom {
			return bad(fmt.Sprintf("want 1 to %d pixels a cell, or a fraction such as 1/4", MaxZoom))
		}
		return PixelsPerCell(n), nil
	}
	var f float64
	if num, den, ok := strings.Cut(t, "/"); ok {
		a, err1 := strconv.Atoi(strings.TrimSpace(num))
		b, err2 := strconv.Atoi(strings.TrimSpace(den))
		if err1 != nil || err2 != nil || a < 1 || b < 1 {
			return bad("want a whole number of pixels a cell (4), or 1/2, 1/4, 1/8, ...")
		}
		f = float64(a) / float64(b)
	} else {
		var err error
		if f, err = strconv.ParseFloat(t, 64); err != nil || !(f > 0) {
			return bad("want a whole number of pixels a cell (4), or 1/2, 1/4, 1/8, ...")
		}
	}
	if f >= 1 {
		if f != math.Trunc(f) || f > MaxZoom {
			return bad(fmt.Sprintf("above 1 a scale is a whole number of pixels a cell, 1 to %d", MaxZoom))
		}
		return PixelsPerCell(int(f)), nil
	}
	k := math.Log2(1 / f)
	if k != math.Trunc(k) || k > MaxShift {
		return bad(fmt.Sprintf("below 1 a scale is 1/2, 1/4, 1/8, ... down to 1/2^%d (a pixel a square block of cells)", MaxShift))
	}
	return CellsPerPixel(uint(k)), nil
}

// Zoom returns the pixels a side per cell, or 1 when zoomed out.
func (s Scale) Zoom() int {
	if s.shift > 0 {
		return 1
	}
	return s.zoom + 1
}

// Shift returns k when one pixel shows a 2^k x 2^k block of cells, and 0
// when a cell takes one pixel or more.
func (s Scale) Shift() uint { return s.shift }

// String returns the scale as [ParseScale] reads it: "4" or "1/4".
func (s Scale) String() string {
	if s.shift > 0 {
		return "1/" + strconv.FormatUint(1<<s.shift, 10)
	}
	return strconv.Itoa(s.zoom + 1)
}

// Pixels returns the size in pixels of a viewport of w x h cells: at a
// zoomed-out scale, a partial block at the right or bottom edge takes a
// whole pixel. ok is false when either side is above [MaxSide].
func (s Scale) Pixels(w, h int64) (pw, ph int64, ok bool) {
	if w < 0 || h < 0 {
		return 0, 0, false
	}
	if s.shift > 0 {
		// (n-1)>>k+1, as n+2^k-1 overflows for a box as wide as the
		// reach, 2^63-1 cells.
		pw = max(w-1, -1)>>s.shift + 1
		ph = max(h-1, -1)>>s.shift + 1
	} else {
		z := int64(s.zoom + 1)
		if w > MaxSide || h > MaxSide {
			return 0, 0, false
		}
		pw, ph = w*z, h*z
	}
	return pw, ph, pw <= MaxSide && ph <= MaxSide
}

// FitScale returns the largest scale, from maxZoom pixels a cell down to a
// pixel for 2^MaxShift x 2^MaxShift cells, at which a picture of the
// viewport r is at most side pixels a side and an animation of frames
// frames passes [CheckGIF]; the smallest scale when none does.
func FitScale(r engine.Rect, side int64, maxZoom, frames int) Scale {
	fits := func(s Scale) bool {
		w, h, ok := s.Pixels(r.W, r.H)
		return ok && w <= side && h <= side && CheckGIF(r, s, frames) == nil
	}
	for z := maxZoom; z > 1; z-- {
		if s := PixelsPerCell(z); fits(s) {
			return s
		}
	}
	for k := uint(0); k < MaxShift; k++ {
		if s := CellsPerPixel(k); fits(s) {
			return s
		}
	}
	return CellsPerPixel(MaxShift)
}

// ParseRect reads "X,Y,W,H": a rectangle's top-left cell and its size in
// cells, each coordinate within ±2^60, the size from 1.
func ParseRect(s string) (engine.Rect, error) {
	f := strings.Split(s, ",")
	var v [4]int64
	ok := len(f) == 4
	for i := 0; ok && i < 4; i++ {
		var err error
		v[i], err = strconv.ParseInt(strings.TrimSpace(f[i]), 10, 64)
		ok = err == nil && v[i] > -1<<60 && v[i] < 1<<60
	}
	if !ok || v[2] < 1 || v[3] < 1 {
		return engine.Rect{}, fmt.Errorf("%q: want X,Y,W,H, the top-left cell and the size in cells, such as -20,-10,40,20", s)
	}
	return engine.Rect{X: v[0], Y: v[1], W: v[2], H: v[3]}, nil
}
