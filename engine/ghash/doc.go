// Package ghash is a HashLife engine for Golly's Generations rules on the
// unbounded plane, as Golly's Generations algorithm (ghashbase) is one:
// Bill Gosper's algorithm with cells of up to 256 states.
//
// The quadtree, its memoised steps, its memory limit and its views are
// package quadtree's, which package hashlife shares: this package brings
// the leaves, 4 x 4 squares of cells a byte each, and the rule that steps
// the centre of four of them 1 or 2 generations at the bottom of the
// recursion ([quadtree.Leaves]). A generation there is that of the
// generations engine (package states): a cell's 3 x 3 block of state-1
// cells is a 9-bit index into the rule's table, and the index and the
// cell's state pick its next state from one table of 512 entries (births
// and survival for states 0 and 1, ageing for the others).
//
// Coordinates are int64, row first (y, x), and reach ±(2^62-1) either way,
// as hashlife's. Generation counts and populations are exact at any size.
//
// The files by role: leaf.go holds the rule and the leaves, and ghash.go
// the [Engine] that ties them to engine.StateEngine.
package ghash
