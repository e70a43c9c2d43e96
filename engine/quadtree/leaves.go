package quadtree

// Leaf holds the cells of a leaf in 128 bits, laid out as its engine's
// [Leaves] likes; the store keeps them in a node's four words (Lo in nw
// and ne, Hi in sw and se) and never looks inside.
type Leaf struct{ Lo, Hi uint64 }

// Kind names a population: the cells in any state but 0 ([Occupied]: the
// population Golly shows), or those in state 1 ([Live]: what a viewer
// shades; the other states are history). For two-state rules they are one.
type Kind uint8

const (
	Occupied Kind = iota
	Live
)

// Side names a side of a square, for [Leaves.Edge].
type Side uint8

const (
	Top Side = iota
	Bottom
	Left
	Right
)

// Leaves is what an engine brings to the core: the rule at the bottom of
// the recursion and the layout of its leaves. Offsets within a leaf count
// from its top-left cell, rows down and columns right, from 0 to 2^L-1
// for leaves of level L. Only Step and Centre are on the step's hot path;
// the others serve edits and views.
type Leaves interface {
	// Step returns the central leaf of the square of four leaves nw, ne,
	// sw, se, gens generations on (1 to 2^(L-1)) from a generation of
	// the given parity (0 or 1; 1 only for rules whose phases alternate,
	// see [Config.Alternates]).
	Step(nw, ne, sw, se Leaf, gens int, parity uint) Leaf
	// Centre returns the central leaf of the square of four leaves: the
	// se quadrant of nw, the sw of ne, the ne of sw and the nw of se.
	Centre(nw, ne, sw, se Leaf) Leaf
	// Count returns the number of cells of l of the given kind in its
	// rows above y and columns left of x, 0 <= y, x <= 2^L.
	Count(l Leaf, kind Kind, y, x int) uint64
	// State returns the state of the cell of l at (y, x).
	State(l Leaf, y, x int) uint8
	// SetRow returns l with the cells of row y from column x0 to x1-1 in
	// state st.
	SetRow(l Leaf, y, x0, x1 int, st uint8) Leaf
	// Row returns the cells of row y of l in a state but 0 as a mask:
	// column c in bit c.
	Row(l Leaf, y int) uint64
	// Edge returns the row (side Top or Bottom) or column (Left, Right) of
	// l's cell in a state but 0 farthest towards side among those in rows
	// y0 to y1 and columns x0 to x1 (inclusive), or -1 when there is none.
	Edge(l Leaf, side Side, y0, y1, x0, x1 int) int
	// Merge returns a with the cells of b in a state but 0 put over it.
	Merge(a, b Leaf) Leaf
}
