package quadtree

import "fmt"

// The tree node by node, for the readers and writers of macrocell files
// (patterns.TreeSink, patterns.Tree): handles are node indices, valid
// until the tree next steps.

// MakeLeaf makes the leaf of cells l and returns its handle.
func (t *Tree) MakeLeaf(l Leaf) uint32 { return t.s.leaf(l) }

// MakeNode makes the node of depth d (2^d cells square) from four handles
// of depth d-1, 0 standing for an empty quadrant, and returns its handle.
func (t *Tree) MakeNode(d int, kids [4]uint32) (uint32, error) {
	s := t.s
	if d <= int(s.leafLevel) || d > MaxLevel-8 {
		return 0, fmt.Errorf("%s: node depth %d, want %d to %d", t.name, d, s.leafLevel+1, MaxLevel-8)
	}
	for i, k := range kids {
		if k == 0 {
			kids[i] = s.emptyNode(uint8(d - 1))
		} else if int(k) >= s.size || int(s.at(k).level) != d-1 {
			return 0, fmt.Errorf("%s: handle %d is not a node of depth %d", t.name, k, d-1)
		}
	}
	return s.find(kids[0], kids[1], kids[2], kids[3], uint8(d)), nil
}

// Graft adds the cells of the tree whose root is handle h, of depth d, to
// the tree's, placed as Golly places a macrocell root of that depth: its
// top-left cell at (-2^(d-1)+1, -2^(d-1)).
func (t *Tree) Graft(h uint32, d int) error {
	if h == 0 {
		return nil
	}
	s := t.s
	if int(h) >= s.size || int(s.at(h).level) != d || d <= int(s.leafLevel) {
		return fmt.Errorf("%s: handle %d is not a node of depth %d", t.name, h, d)
	}
	t.flush()
	t.setRoot(s.union(t.root, h))
	return nil
}

// union returns the node holding the cells of both a and b, two roots
// centred on the origin, of any levels; b's cells not in state 0 win.
func (s *store) union(a, b uint32) uint32 {
	for s.at(a).level < s.at(b).level {
		a = s.expand(a)
	}
	for s.at(b).level < s.at(a).level {
		b = s.expand(b)
	}
	return s.merge(a, b)
}

// merge returns the node holding the cells of a and b, of one level.
func (s *store) merge(a, b uint32) uint32 {
	switch {
	case a == b || s.isEmpty(b):
		return a
	case s.isEmpty(a):
		return b
	}
	na, nb := *s.at(a), *s.at(b)
	if na.level == s.leafLevel {
		return s.leaf(s.leaves.Merge(s.leafOf(a), s.leafOf(b)))
	}
	return s.find(s.merge(na.nw, nb.nw), s.merge(na.ne, nb.ne), s.merge(na.sw, nb.sw), s.merge(na.se, nb.se), na.level)
}

// Walk calls leaf and node for each distinct node of the pattern that has
// a cell in a state but 0, children before parents, the root last, as the
// macrocell writer asks (patterns.Tree): a node's children are given as
// the numbers of the calls that introduced them, from 1, and 0 for an
// empty quadrant. The root is the smallest, a level above the leaves' or
// more, that holds the pattern, placed as [Tree.Graft] places it; its
// depth is returned. The walk costs what the distinct nodes cost,
// whatever the population. It stops at the first error leaf or node
// returns.
func (t *Tree) Walk(leaf func(l Leaf) error, node func(depth int, kids [4]uint32) error) (int, error) {
	t.flush()
	s := t.s
	root := t.root
	for s.inner(root) {
		root = s.centre(root)
	}
	depth := int(s.at(root).level)
	if s.isEmpty(root) {
		return depth, nil
	}
	num := make([]uint32, s.size) // the number written, or 0
	next := uint32(0)
	var walk func(i uint32) (uint32, error)
	walk = func(i uint32) (uint32, error) {
		if num[i] != 0 {
			return num[i], nil
		}
		if s.isEmpty(i) {
			return 0, nil
		}
		n := *s.at(i)
		if n.level == s.leafLevel {
			if err := leaf(s.leafOf(i)); err != nil {
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
