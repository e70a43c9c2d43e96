package hashlife

import (
	"encoding/binary"
	"fmt"
)

// Leaf makes the leaf of 8 x 8 cells rows (rows[0] at the top, bit 7 of a
// row its leftmost cell) and returns its handle, for a reader handing the
// engine a macrocell file's tree (patterns.TreeSink). Handles are node
// indices, valid until the engine next steps.
func (e *Engine) Leaf(rows [8]uint8) (uint32, error) {
	// Row r is byte r of the leaf's bits (see leafBits).
	return e.s.leaf(binary.LittleEndian.Uint64(rows[:])), nil
}

// Node makes the node of depth d (2^d cells square) from four handles of
// depth d-1, 0 standing for an empty quadrant, and returns its handle.
func (e *Engine) Node(d int, kids [4]uint32) (uint32, error) {
	if d <= leafLevel || d > maxLevel-8 {
		return 0, fmt.Errorf("hashlife: node depth %d, want %d to %d", d, leafLevel+1, maxLevel-8)
	}
	s := e.s
	for i, k := range kids {
		if k == 0 {
			kids[i] = s.emptyNode(uint8(d - 1))
		} else if int(k) >= len(s.nodes) || int(s.nodes[k].level) != d-1 {
			return 0, fmt.Errorf("hashlife: handle %d is not a node of depth %d", k, d-1)
		}
	}
	return s.find(kids[0], kids[1], kids[2], kids[3], uint8(d)), nil
}

// Root adds the cells of the tree whose root is handle h, of depth d, to
// the engine's, placed as Golly places a macrocell root of that depth: its
// top-left cell at (-2^(d-1)+1, -2^(d-1)).
func (e *Engine) Root(h uint32, d int) error {
	if h == 0 {
		return nil
	}
	if int(h) >= len(e.s.nodes) || int(e.s.nodes[h].level) != d || d <= leafLevel {
		return fmt.Errorf("hashlife: handle %d is not a node of depth %d", h, d)
	}
	e.flush()
	e.setRoot(e.s.union(e.root, h))
	return nil
}

// WalkTree calls leaf and node for each distinct node of the pattern that
// has a live cell, children before parents, the root last, as the
// macrocell writer asks (patterns.Tree): a node's children are given as
// the numbers of the calls that introduced them, from 1, and 0 for an
// empty quadrant. The root is the smallest of depth 4 or more that holds
// the pattern, placed as [Engine.Root] places it; its depth is returned.
// The walk costs what the distinct nodes cost, whatever the population.
// It stops at the first error leaf or node returns.
func (e *Engine) WalkTree(leaf func(rows [8]uint8) error, node func(depth int, kids [4]uint32) error) (int, error) {
	e.flush()
	s := e.s
	root := e.root
	for s.inner(root) {
		root = s.centre(root)
	}
	depth := int(s.nodes[root].level)
	if s.isEmpty(root) {
		return depth, nil
	}
	num := make([]uint32, len(s.nodes)) // the number written, or 0
	next := uint32(0)
	var walk func(i uint32) (uint32, error)
	walk = func(i uint32) (uint32, error) {
		if num[i] != 0 {
			return num[i], nil
		}
		if s.isEmpty(i) {
			return 0, nil
		}
		n := s.nodes[i]
		if n.level == leafLevel {
			b := s.leafBits(i)
			var rows [8]uint8
			for r := range rows {
				rows[r] = uint8(b >> (8 * r))
			}
			if err := leaf(rows); err != nil {
				return 0, err
			}
		} else {
			var kids [4]uint32
			for k, c := range [4]uint32{n.nw, n.ne, n.sw, n.se} {
				var err error
				if kids[k], err = walk(c); err != nil {
					return 0, err
				}
			}
			if err := node(int(n.level), kids); err != nil {
				return 0, err
			}
		}
		next++
		num[i] = next
		return next, nil
	}
	_, err := walk(root)
	return depth, err
}
