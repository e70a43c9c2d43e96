package hashlife

import (
	"encoding/binary"

	"github.com/life-go/life/engine/quadtree"
)

// Leaf makes the leaf of 8 x 8 cells rows (rows[0] at the top, bit 7 of a
// row its leftmost cell) and returns its handle, for a reader handing the
// engine a macrocell file's tree (patterns.TreeSink). Handles are node
// indices, valid until the engine next steps.
func (e *Engine) Leaf(rows [8]uint8) (uint32, error) {
	// Row r is byte r of the leaf's bits (see leafLevel).
	return e.MakeLeaf(quadtree.Leaf{Lo: binary.LittleEndian.Uint64(rows[:])}), nil
}

// Node makes the node of depth d (2^d cells square) from four handles of
// depth d-1, 0 standing for an empty quadrant, and returns its handle.
func (e *Engine) Node(d int, kids [4]uint32) (uint32, error) { return e.MakeNode(d, kids) }

// Root adds the cells of the tree whose root is handle h, of depth d, to
// the engine's, placed as Golly places a macrocell root of that depth: its
// top-left cell at (-2^(d-1)+1, -2^(d-1)).
func (e *Engine) Root(h uint32, d int) error { return e.Graft(h, d) }

// WalkTree calls leaf and node for each distinct node of the pattern that
// has a live cell, children before parents, the root last, as the
// macrocell writer asks (patterns.Tree): a node's children are given as
// the numbers of the calls that introduced them, from 1, and 0 for an
// empty quadrant. The root is the smallest of depth 4 or more that holds
// the pattern, placed as [Engine.Root] places it; its depth is returned.
// The walk costs what the distinct nodes cost, whatever the population.
// It stops at the first error leaf or node returns.
func (e *Engine) WalkTree(leaf func(rows [8]uint8) error, node func(depth int, kids [4]uint32) error) (int, error) {
	return e.Walk(func(l quadtree.Leaf) error {
		var rows [8]uint8
		binary.LittleEndian.PutUint64(rows[:], l.Lo)
		return leaf(rows)
	}, node)
}
