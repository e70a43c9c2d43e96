// Package hashlife is a HashLife engine for every two-state rule family on
// the unbounded plane, after Bill Gosper's algorithm as Golly's hlifealgo
// implements it. Outer-totalistic Moore rules step their leaves by
// bit-parallel adders; the others through a table of the next states of
// the central 2 x 2 cells of every 4 x 4 square, built from the rule as
// Golly builds its own.
//
// The quadtree, its memoised steps, its memory limit and its views are
// package quadtree's, which package ghash shares: this package brings the
// leaves, 8 x 8 squares packed into a uint64, and the rule that steps the
// centre of four of them 1 to 4 generations at the bottom of the
// recursion ([quadtree.Leaves]). Coordinates are int64, row first (y, x),
// as everywhere in the engine package, and reach ±(2^62-1) either way;
// generation counts and populations are exact at any size.
//
// The files by role: leaf.go holds the rule and the leaves, tree.go the
// macrocell tree node by node (patterns.TreeSink and patterns.Tree), and
// hashlife.go the [Engine] that ties them to engine.Engine.
package hashlife
