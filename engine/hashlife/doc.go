// Package hashlife is a HashLife engine for every two-state rule family on
// the unbounded plane, after Bill Gosper's algorithm as Golly's hlifealgo
// implements it. Outer-totalistic Moore rules step their leaves by
// bit-parallel adders; the others through a table of the next states of
// the central 2 x 2 cells of every 4 x 4 square, built from the rule as
// Golly builds its own.
//
// The universe is a quadtree of canonical nodes: every distinct square of
// 2^k x 2^k cells is stored once, in a hash table of the package's own
// (nodes live in one slice and are named by uint32 indices; the table
// chains indices through the nodes). The leaves are 8 x 8 squares packed
// into a uint64. Each node of level k >= 4 memoises its result: its central
// 2^(k-1) x 2^(k-1) square 2^(k-2) generations on, so that a pattern with
// repeating structure advances by astronomically many generations at once.
// A second memo slot holds the result for a smaller step, 2^j generations
// with j < k-2, which the step exponent chooses ([Engine.StepPow2]).
//
// Coordinates are int64, row first (y, x), as everywhere in the engine
// package; the root square is always centred on the origin. Generation
// counts and populations are exact at any size (math/big where 64 bits no
// longer hold). A memory limit ([Options.MaxMemory]) bounds the node cache:
// when it is reached during a step, the cache is garbage collected in
// place (nodes never move: the step in progress pins what it holds),
// keeping the pattern, the work in progress and as many memoised results
// as fit, and the step goes on; when too little is freed, the step is
// split into smaller ones, and a pattern that cannot take even one
// generation within the limit gets [ErrMemory], never a crash.
//
// The files by role: node.go holds the nodes and their hash table, leaf.go
// the base case on 16 x 16 cells, step.go the recursive
// memoised step, gc.go the garbage collection, build.go the bulk loading
// from runs, view.go the cells, bounds, visits and block counts a viewer
// needs, and hashlife.go the [Engine] that ties them to engine.Engine.
package hashlife
