package grid

import (
	"fmt"
	"strconv"
)

// Kind is the shape of a universe, named by the letter Golly uses in a
// bounded-grid suffix (see Golly's Help/bounded.html).
type Kind byte

// The topologies Golly knows. Plane, the unbounded plane, has no suffix.
const (
	PlaneKind        Kind = 0
	BoundedPlaneKind Kind = 'P'
	TorusKind        Kind = 'T'
	KleinKind        Kind = 'K'
	CrossSurfaceKind Kind = 'C'
	SphereKind       Kind = 'S'
)

// String names the topology in words.
func (k Kind) String() string {
	switch k {
	case PlaneKind:
		return "plane"
	case BoundedPlaneKind:
		return "bounded plane"
	case TorusKind:
		return "torus"
	case KleinKind:
		return "Klein bottle"
	case CrossSurfaceKind:
		return "cross-surface"
	case SphereKind:
		return "sphere"
	}
	return fmt.Sprintf("topology %q", byte(k))
}

// Topology is a universe's shape and size as Golly's bounded-grid suffix
// gives it (":T30,20"). A side of 0 is unbounded (infinite) in that
// direction: a tube (":T0,20"), a plane bounded on one side (":P30,0"), or,
// with both sides 0, the unbounded plane.
//
// ShiftW is the shift written after the width (":T30+5,20"): a cell that
// leaves across the top or bottom edge comes back ShiftW columns along.
// ShiftH is the shift written after the height (":T30,20-2"), for the left
// and right edges. TwistW twists the top and bottom edges of a Klein bottle
// (":K30*,20"): a cell leaving across them comes back mirrored left to
// right; TwistH does the same for the left and right edges (":K30,20*").
// A cross-surface has both edges twisted; a sphere joins the top edge to
// the left one and the right edge to the bottom one.
//
// Values are canonical as [Topology.String] writes them: a torus's shift
// is less than its side in magnitude, a Klein bottle's is 1 and only on its
// twisted side when that side is even, and Kind alone says a cross-surface
// or a sphere is twisted or joined (TwistW and TwistH are false for them).
type Topology struct {
	Kind           Kind
	W, H           int
	ShiftW, ShiftH int
	TwistW, TwistH bool
}

// TorusOf returns the topology of a plain w x h torus.
func TorusOf(w, h int) Topology { return Topology{Kind: TorusKind, W: w, H: h} }

// String returns the bounded-grid suffix as Golly writes it (":T30,20",
// ":T30+5,20", ":K30*,20", ":S30"), or "" for the unbounded plane.
func (t Topology) String() string {
	if t.Kind == PlaneKind {
		return ""
	}
	side := func(n int, twist bool, shift int) string {
		s := strconv.Itoa(n)
		if twist {
			s += "*"
		}
		if shift > 0 {
			s += "+" + strconv.Itoa(shift)
		} else if shift < 0 {
			s += strconv.Itoa(shift)
		}
		return s
	}
	if t.Kind == SphereKind {
		return ":S" + strconv.Itoa(t.W)
	}
	return ":" + string(rune(t.Kind)) + side(t.W, t.TwistW, t.ShiftW) + "," + side(t.H, t.TwistH, t.ShiftH)
}

// IsTorus reports whether t is a plain torus bounded in both directions,
// without shifts.
func (t Topology) IsTorus() bool {
	return t.Kind == TorusKind && t.W > 0 && t.H > 0 && t.ShiftW == 0 && t.ShiftH == 0
}

// Bounded reports whether t is bounded in both directions: a grid of
// t.W x t.H cells.
func (t Topology) Bounded() bool { return t.Kind != PlaneKind && t.W > 0 && t.H > 0 }

// Wraps reports whether t joins its edges in some way other than a plain
// torus's or a plane's: a shifted torus, a Klein bottle, a cross-surface or
// a sphere, whose joins [Topology.Wrap] works out cell by cell.
func (t Topology) Wraps() bool {
	switch t.Kind {
	case TorusKind:
		return t.ShiftW != 0 || t.ShiftH != 0
	case KleinKind, CrossSurfaceKind, SphereKind:
		return true
	}
	return false
}

// Wrap maps the cell (y, x) of a grid w cells wide and h high whose edges
// are joined as t says onto the cell of the grid it stands for, with ok
// false when it stands for no cell and is dead. Rows and columns count from
// 0 at the top left; (y, x) may be anywhere, inside the grid (returned as
// it is) or beyond it.
//
// The joins are Golly's, for the ring of cells just outside the grid that
// range-1 rules see (Golly's CreateBorderCells, checked against bgolly):
//   - a side of a torus wraps round, after the shift of the edge crossed;
//   - a twisted side of a Klein bottle or cross-surface comes back
//     mirrored, and a shifted twisted side (an even one) mirrored and then
//     moved a cell left (or up);
//   - a sphere's top edge is its left edge and its bottom edge its right
//     one: the cell above (y=0, x) is (x, 0) and the one right of (y,
//     x=w-1) is (h-1, y);
//   - beyond a bounded plane's edges, and beyond the edges of a side of t
//     that is unbounded (of which the grid is a window w or h cells long),
//     cells are dead.
//
// Cells farther out are joined as if crossing the edges again, a side at a
// time (the corners of a sphere's ring, which Golly joins to the grid's own
// corners, are the exception). w and h must be positive.
func (t Topology) Wrap(y, x, h, w int) (yy, xx int, ok bool) {
	if uint(y) < uint(h) && uint(x) < uint(w) {
		return y, x, true
	}
	switch t.Kind {
	case PlaneKind, BoundedPlaneKind:
		return 0, 0, false
	case TorusKind:
		if t.W == 0 {
			if uint(x) >= uint(w) {
				return 0, 0, false
			}
			return Mod(y, h), x, true
		}
		if t.H == 0 {
			if uint(y) >= uint(h) {
				return 0, 0, false
			}
			return y, Mod(x, w), true
		}
		if t.ShiftW != 0 {
			// Crossing the top or bottom edge k times shifts k*ShiftW.
			k := Mod(floorDiv(y, h), w)
			return Mod(y, h), Mod(Mod(x, w)+k*t.ShiftW, w), true
		}
		k := Mod(floorDiv(x, w), h)
		return Mod(Mod(y, h)+k*t.ShiftH, h), Mod(x, w), true
	case KleinKind:
		if t.TwistW {
			k := floorDiv(y, h)
			y, x = Mod(y, h), Mod(x, w)
			if k&1 != 0 {
				x = w - 1 - x - t.ShiftW
			}
			return y, Mod(x, w), true
		}
		k := floorDiv(x, w)
		y, x = Mod(y, h), Mod(x, w)
		if k&1 != 0 {
			y = h - 1 - y - t.ShiftH
		}
		return Mod(y, h), x, true
	case CrossSurfaceKind:
		// Both joins mirror; crossing a corner of the ring crosses
		// both, which brings it back to the grid's own corner there,
		// as Golly joins it.
		ky := floorDiv(y, h)
		y = Mod(y, h)
		if ky&1 != 0 {
			x = w - 1 - x // before the wrap below: a corner crosses both
		}
		kx := floorDiv(x, w)
		x = Mod(x, w)
		if kx&1 != 0 {
			y = h - 1 - y
		}
		return y, x, true
	case SphereKind:
		return sphereWrap(y, x, h, w)
	}
	return 0, 0, false
}

// sphereWrap is Wrap for a sphere (w == h): the top edge is joined to the
// left edge and the bottom edge to the right one, and the corners of the
// ring to the grid's own corners, as Golly joins them.
func sphereWrap(y, x, h, w int) (int, int, bool) {
	for range 4 {
		switch {
		case (y < 0 || y >= h) && (x < 0 || x >= w):
			// A corner: the grid's own corner there.
			return min(max(y, 0), h-1), min(max(x, 0), w-1), true
		case y < 0:
			// Above (0, x) is (x, 0); farther up, farther right.
			y, x = x, -1-y
		case x < 0:
			y, x = -1-x, y
		case y >= h:
			// Below (h-1, x) is (x, w-1).
			y, x = x, w-1-(y-h)
		case x >= w:
			y, x = h-1-(x-w), y
		default:
			return y, x, true
		}
	}
	return 0, 0, false
}

// floorDiv returns a divided by n, rounded down; n > 0.
func floorDiv(a, n int) int {
	q := a / n
	if a%n < 0 {
		q--
	}
	return q
}
