package grid

import (
	"strings"
	"testing"
)

// The ring of cells around small grids of every topology, as bgolly 3.3
// joins them: each letter is the grid cell (A, B, ... across and down) a
// cell of the ring stands for, '.' a dead one. They were found by running
// bgolly with MAP rules that copy one neighbour ("next = the cell above"),
// one generation on random soups, for each of the eight directions. They
// match Help/bounded.html's diagrams but for the Klein bottles with a
// shift, where bgolly moves the mirrored edge a cell the other way.
var rings = []struct {
	t    Topology
	ring string
}{
	{TorusOf(4, 3), `
L I J K L I
D A B C D A
H E F G H E
L I J K L I
D A B C D A`},
	{Topology{Kind: TorusKind, W: 4, H: 3, ShiftW: 1}, `
K L I J K L
D A B C D A
H E F G H E
L I J K L I
A B C D A B`},
	{Topology{Kind: TorusKind, W: 4, H: 3, ShiftH: 1}, `
H I J K L A
L A B C D E
D E F G H I
H I J K L A
L A B C D E`},
	{Topology{Kind: KleinKind, W: 4, H: 3, TwistW: true}, `
I L K J I L
D A B C D A
H E F G H E
L I J K L I
A D C B A D`},
	{Topology{Kind: KleinKind, W: 4, H: 3, TwistH: true}, `
D I J K L A
L A B C D I
H E F G H E
D I J K L A
L A B C D I`},
	{Topology{Kind: KleinKind, W: 4, H: 3, TwistW: true, ShiftW: 1}, `
L K J I L K
D A B C D A
H E F G H E
L I J K L I
D C B A D C`},
	{Topology{Kind: KleinKind, W: 3, H: 4, TwistH: true, ShiftH: 1}, `
L J K L J
I A B C G
F D E F D
C G H I A
L J K L J
I A B C G`},
	{Topology{Kind: CrossSurfaceKind, W: 4, H: 3}, `
A L K J I D
L A B C D I
H E F G H E
D I J K L A
I D C B A L`},
	{Topology{Kind: SphereKind, W: 3, H: 3}, `
A A D G C
A A B C G
B D E F H
C G H I I
G C F I I`},
	{Topology{Kind: BoundedPlaneKind, W: 4, H: 3}, `
. . . . . .
. A B C D .
. E F G H .
. I J K L .
. . . . . .`},
}

func TestWrapRing(t *testing.T) {
	for _, tc := range rings {
		w, h := tc.t.W, tc.t.H
		rows := strings.Split(strings.TrimSpace(tc.ring), "\n")
		for ry, row := range rows {
			for rx, f := range strings.Fields(row) {
				y, x := ry-1, rx-1
				yy, xx, ok := tc.t.Wrap(y, x, h, w)
				got := "."
				if ok {
					got = string(rune('A' + yy*w + xx))
				}
				if got != f {
					t.Errorf("%s: (y=%d, x=%d) joins %s (y=%d, x=%d), want %s", tc.t, y, x, got, yy, xx, f)
				}
			}
		}
	}
}

// TestWrapFarther checks that cells two or more grids away join as the ring
// does, a side at a time: on a torus with a shift, (y-h, x) is (y, x) moved
// back by the shift; on a Klein bottle crossing twice undoes the mirror.
func TestWrapFarther(t *testing.T) {
	for _, tc := range rings {
		if tc.t.Kind == SphereKind || tc.t.Kind == BoundedPlaneKind {
			continue
		}
		w, h := tc.t.W, tc.t.H
		for y := -1; y <= h; y++ {
			for x := -1; x <= w; x++ {
				y1, x1, _ := tc.t.Wrap(y, x, h, w)
				var y2, x2 int
				switch {
				case tc.t.Kind == TorusKind && tc.t.ShiftW != 0:
					y2, x2, _ = tc.t.Wrap(y+5*h, x-5*tc.t.ShiftW+7*w, h, w)
				case tc.t.Kind == TorusKind && tc.t.ShiftH != 0:
					y2, x2, _ = tc.t.Wrap(y-3*tc.t.ShiftH+11*h, x+3*w, h, w)
				default:
					y2, x2, _ = tc.t.Wrap(y+6*h, x+4*w, h, w)
				}
				if y1 != y2 || x1 != x2 {
					t.Errorf("%s: (y=%d, x=%d) joins (%d, %d), but a few turns on (%d, %d)", tc.t, y, x, y1, x1, y2, x2)
				}
			}
		}
	}
}

func TestWrapUnbounded(t *testing.T) {
	tube := Topology{Kind: TorusKind, W: 0, H: 3}
	for _, tc := range []struct {
		t          Topology
		h, w       int
		y, x       int
		wy, wx     int
		ok         bool
		whatItIsIn string
	}{
		{tube, 3, 10, -1, 2, 2, 2, true, "a tube wraps its bounded side"},
		{tube, 3, 10, 3, 9, 0, 9, true, "a tube wraps its bounded side"},
		{tube, 3, 10, 1, -1, 0, 0, false, "beyond the window onto a tube's unbounded side"},
		{Topology{Kind: TorusKind, W: 4, H: 0}, 10, 4, -1, -1, 0, 0, false, "beyond the window"},
		{Topology{Kind: TorusKind, W: 4, H: 0}, 10, 4, 2, -1, 2, 3, true, "a tube standing up"},
		{Topology{Kind: BoundedPlaneKind, W: 4, H: 0}, 10, 4, 2, 4, 0, 0, false, "a plane bounded on one side"},
		{Topology{}, 3, 10, -1, 0, 0, 0, false, "the plane's window"},
	} {
		y, x, ok := tc.t.Wrap(tc.y, tc.x, tc.h, tc.w)
		if ok != tc.ok || ok && (y != tc.wy || x != tc.wx) {
			t.Errorf("%s (%s): (y=%d, x=%d) joins (%d, %d, %v), want (%d, %d, %v)", tc.t, tc.whatItIsIn, tc.y, tc.x, y, x, ok, tc.wy, tc.wx, tc.ok)
		}
	}
}

func TestTopologyString(t *testing.T) {
	for _, tc := range []struct {
		t    Topology
		want string
	}{
		{Topology{}, ""},
		{TorusOf(30, 20), ":T30,20"},
		{Topology{Kind: TorusKind, W: 30, H: 20, ShiftW: 5}, ":T30+5,20"},
		{Topology{Kind: TorusKind, W: 30, H: 20, ShiftH: -2}, ":T30,20-2"},
		{Topology{Kind: TorusKind, W: 0, H: 68}, ":T0,68"},
		{Topology{Kind: KleinKind, W: 40, H: 20, TwistW: true}, ":K40*,20"},
		{Topology{Kind: KleinKind, W: 40, H: 20, TwistH: true, ShiftH: 1}, ":K40,20*+1"},
		{Topology{Kind: CrossSurfaceKind, W: 40, H: 20}, ":C40,20"},
		{Topology{Kind: SphereKind, W: 30, H: 30}, ":S30"},
		{Topology{Kind: BoundedPlaneKind, W: 30, H: 0}, ":P30,0"},
	} {
		if got := tc.t.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.t, got, tc.want)
		}
	}
}

func TestNewSpace(t *testing.T) {
	g, err := NewSpace(Topology{Kind: KleinKind, W: 4, H: 3, TwistW: true}, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	g.Assign(0, 0, true) // A
	if !g.Query(3, -1) || !g.Query(3, 3) || g.Query(-1, 0) {
		t.Errorf("the Klein bottle's A should be seen below the corner and L, not above itself:\n%s", g)
	}
	if g.Topology() != (Topology{Kind: KleinKind, W: 4, H: 3, TwistW: true}) {
		t.Errorf("topology %v", g.Topology())
	}
	if _, err := NewSpace(TorusOf(4, 3), 5, 3); err == nil {
		t.Error("a 5 x 3 grid for a 4 x 3 torus")
	}
	p, _ := NewSpace(Topology{Kind: BoundedPlaneKind, W: 4, H: 3}, 4, 3)
	p.Assign(-1, 0, true)
	if p.Population() != 0 {
		t.Error("Assign beyond a plane's edge set a cell")
	}
}
