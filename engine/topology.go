package engine

import (
	"errors"
	"fmt"

	"github.com/life-go/life/grid"
)

// Topology is a universe's shape and size as Golly's bounded-grid suffix
// gives it (":T30,20"); see [grid.Topology], where the joins of its edges
// live.
type Topology = grid.Topology

// TopologyKind is the shape of a universe, named by the letter Golly uses in
// a bounded-grid suffix.
type TopologyKind = grid.Kind

// The topologies Golly knows. Plane, the unbounded plane, has no suffix.
const (
	Plane        = grid.PlaneKind
	BoundedPlane = grid.BoundedPlaneKind
	Torus        = grid.TorusKind
	Klein        = grid.KleinKind
	CrossSurface = grid.CrossSurfaceKind
	Sphere       = grid.SphereKind
)

// TorusOf returns the topology of a plain w x h torus.
func TorusOf(w, h int) Topology { return grid.TorusOf(w, h) }

// ErrUnsupported is wrapped by the errors of topologies and rules that are
// valid in Golly but that an engine does not run.
var ErrUnsupported = errors.New("not supported yet")

// TopologyWords describes t in words: "torus", "torus with a shift", "tube
// (a torus unbounded in one direction)", "bounded plane", "Klein bottle"...
func TopologyWords(t Topology) string {
	switch {
	case t.Kind == Torus && (t.W == 0 || t.H == 0):
		return "tube (a torus unbounded in one direction)"
	case t.Kind == BoundedPlane && (t.W == 0 || t.H == 0):
		return "plane bounded in one direction"
	case t.Kind == Torus && (t.ShiftW != 0 || t.ShiftH != 0):
		return "torus with a shift"
	case t.Kind == Klein && (t.ShiftW != 0 || t.ShiftH != 0):
		return "Klein bottle with a shift"
	}
	return t.Kind.String()
}

// maxSide is the largest side Golly accepts in a bounded-grid suffix.
const maxSide = 2000000000

// parseTopology reads what follows the ':' of a bounded-grid suffix as
// Golly's setgridsize does, with its error messages: ":T30,20", ":P30,0",
// ":T0,20" (a tube), ":T30+5,20", ":K30*,20", ":K30,20*+1", ":C30,20",
// ":S30". A single side means a square; ":", ":T" and ":T0,0" are the
// plane. The result is canonical (see [grid.Topology]).
func parseTopology(s string) (Topology, error) {
	if s == "" {
		return Topology{}, nil // ":" is the plane
	}
	var t Topology
	switch c := s[0] | 0x20; c {
	case 't', 'p', 'k', 'c', 's':
		t.Kind = TopologyKind(c &^ 0x20)
	default:
		return Topology{}, fmt.Errorf("unknown grid topology %q, want P, T, K, C or S", s[0])
	}
	p := s[1:]
	if p == "" {
		return Topology{}, nil // ":T" alone is the plane, as in Golly.
	}
	number := func(what string) (int, error) {
		i, n := 0, 0
		for i < len(p) && p[i] >= '0' && p[i] <= '9' {
			if n = n*10 + int(p[i]-'0'); n > maxSide {
				return 0, fmt.Errorf("%s %s... is more than %d", what, p[:i+1], maxSide)
			}
			i++
		}
		p = p[i:]
		return n, nil
	}
	shift := func(side int, what string) (int, error) {
		neg := p[0] == '-'
		p = p[1:]
		n, err := number("shift")
		if err != nil {
			return 0, err
		}
		if side > 0 {
			n %= side
		}
		if neg {
			n = -n
		}
		return n, nil
	}
	var err error
	if t.W, err = number("width"); err != nil {
		return Topology{}, err
	}
	if p != "" && p[0] == '*' {
		if t.Kind != Klein {
			return Topology{}, errors.New("only specify a twist for a Klein bottle")
		}
		t.TwistW, p = true, p[1:]
	}
	if p != "" && (p[0] == '+' || p[0] == '-') {
		switch {
		case t.Kind == BoundedPlane:
			return Topology{}, errors.New("plane can't have a shift")
		case t.Kind == Sphere:
			return Topology{}, errors.New("sphere can't have a shift")
		case t.Kind == CrossSurface:
			return Topology{}, errors.New("cross-surface can't have a shift")
		case t.Kind == Klein && !t.TwistW:
			return Topology{}, errors.New("shift must be on twisted edges")
		case t.W == 0:
			return Topology{}, errors.New("can't shift infinite width")
		}
		if t.ShiftW, err = shift(t.W, "width"); err != nil {
			return Topology{}, err
		}
	}
	if p != "" && p[0] == ',' && t.Kind != Sphere {
		p = p[1:]
	} else if p != "" {
		return Topology{}, fmt.Errorf("unexpected %q after grid width", p)
	}
	if (t.Kind == Klein || t.Kind == CrossSurface || t.Kind == Sphere) && t.W == 0 {
		return Topology{}, errors.New("given topology can't have an infinite width")
	}
	if p == "" {
		t.H = t.W // ":T100" is ":T100,100", and ":S100" a sphere
	} else {
		if t.H, err = number("height"); err != nil {
			return Topology{}, err
		}
		if p != "" && p[0] == '*' {
			if t.Kind != Klein {
				return Topology{}, errors.New("only specify a twist for a Klein bottle")
			}
			if t.TwistW {
				return Topology{}, errors.New("Klein bottle can't have both horizontal and vertical twists")
			}
			t.TwistH, p = true, p[1:]
		}
		if p != "" && (p[0] == '+' || p[0] == '-') {
			switch {
			case t.Kind == BoundedPlane:
				return Topology{}, errors.New("plane can't have a shift")
			case t.Kind == CrossSurface:
				return Topology{}, errors.New("cross-surface can't have a shift")
			case t.Kind == Klein && !t.TwistH:
				return Topology{}, errors.New("shift must be on twisted edges")
			case t.ShiftW != 0:
				return Topology{}, errors.New("can't have both horizontal and vertical shifts")
			case t.H == 0:
				return Topology{}, errors.New("can't shift infinite height")
			}
			if t.ShiftH, err = shift(t.H, "height"); err != nil {
				return Topology{}, err
			}
		}
		if p != "" {
			return Topology{}, fmt.Errorf("unexpected %q after grid height", p)
		}
	}
	if (t.Kind == Klein || t.Kind == CrossSurface) && t.H == 0 {
		return Topology{}, errors.New("Klein bottle or cross-surface can't have an infinite height")
	}
	if t.Kind == Klein && !t.TwistW && !t.TwistH {
		t.TwistH = true // ":K10,20" is ":K10,20*"
	}
	if (t.ShiftW != 0 || t.ShiftH != 0) && (t.W == 0 || t.H == 0) {
		return Topology{}, errors.New("shifting is not allowed if either grid dimension is unbounded")
	}
	if t.Kind == Klein {
		// Every shift of a twisted side is a shift of 1, and only an
		// even side can have one.
		t.ShiftW = b2i(t.ShiftW != 0 && t.W%2 == 0)
		t.ShiftH = b2i(t.ShiftH != 0 && t.H%2 == 0)
	}
	if t.W == 0 && t.H == 0 {
		return Topology{}, nil // ":T0,0" is the unbounded plane.
	}
	return t, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
