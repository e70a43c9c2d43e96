// Package ghash is a HashLife engine for Golly's Generations rules on the
// unbounded plane, as Golly's Generations algorithm (ghashbase) is one:
// Bill Gosper's algorithm with cells of up to 256 states.
//
// The universe is a quadtree of canonical nodes, each distinct square of
// 2^k x 2^k cells stored once in a hash table of the package's own (nodes
// live in one slice and are named by uint32 indices, the table chains
// indices through the nodes), as in package hashlife. The leaves are 4 x 4
// squares of cells, a byte a cell, a row in each of a node's four words;
// a node of level k >= 3 memoises its central 2^(k-1) x 2^(k-1) square
// 2^(k-2) generations on, and a second slot the result of a smaller step
// of 2^j generations ([Engine.StepPow2]), so that a pattern with repeating
// structure advances by astronomically many generations at once.
//
// A generation, at the bottom of the recursion, is that of the generations
// engine (package states): a cell's 3 x 3 block of state-1 cells is a 9-bit
// index into the rule's table, and the index and the cell's state pick its
// next state from one table of 512 entries (births and survival for states
// 0 and 1, ageing for the others).
//
// Coordinates are int64, row first (y, x), and the root square is centred
// on the origin. Generation counts and populations are exact at any size.
// A memory limit ([Options.MaxMemory]) bounds the node cache: a step that
// reaches it garbage collects the cache in place and goes on, a step that
// cannot is split in halves, and a pattern that cannot take one
// generation within the limit gets [ErrMemory].
//
// The files by role: node.go holds the nodes and their hash table, leaf.go
// the rule and the base case on 8 x 8 cells, step.go the recursive
// memoised step, gc.go the garbage collection, edit.go the cells set in
// bulk, view.go the cells, bounds, visits and block counts a viewer needs,
// and ghash.go the [Engine] that ties them to engine.StateEngine.
package ghash
