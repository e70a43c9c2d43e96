// Package quadtree is the core the HashLife engines share (package
// hashlife for two-state rules, package ghash for Generations rules):
// Bill Gosper's algorithm over a quadtree of canonical nodes, generic over
// the leaves, which each engine brings as a [Leaves].
//
// Every distinct square of 2^k x 2^k cells is stored once, in hash tables
// of the package's own (one for each level, open addressed): nodes live in
// one slice, in blocks of one level each, and are named by uint32 indices,
// which the tables hold with a part of each node's hash. A leaf is a square of 2^L x 2^L cells
// held in 128 bits ([Leaf]), laid out as its engine likes: package
// hashlife keeps 8 x 8 cells a bit each, package ghash 4 x 4 cells a byte
// each. Each node of level k > L memoises its result: its central 2^(k-1) x 2^(k-1) square 2^(k-2)
// generations on, so that a pattern with repeating structure advances by
// astronomically many generations at once; a second memo slot holds the
// result for a smaller step, 2^j generations with j < k-2, which the step
// exponent chooses ([Tree.StepPow2]). At the bottom of the recursion the
// engine's [Leaves.Step] advances the centre of four leaves by bit logic
// or a table: the one place the two engines' speeds differ.
//
// A [Tree] is the universe an engine shows: the root centred on the
// origin, the generation count, the edits gathered and built at once, and
// everything a viewer asks (cells and their states, bounds, visits,
// block counts, populations), within the reach of ±(2^62-1) either way.
// A memory limit bounds the node cache: when a step reaches it, the cache
// is garbage collected in place (nodes never move: the step in progress
// pins what it holds), keeping the pattern, the work in progress and as
// many memoised results as fit, and the step goes on; when too little is
// freed, the step is split into smaller ones, and a pattern that cannot
// take even one generation within the limit gets [ErrMemory].
//
// Only [Leaves.Step] and [Leaves.Centre] are called on the step's hot path,
// once a base case (an interface call: a call through a type parameter's
// method would go through the dictionary just the same); the store, the
// recursion and the memo are concrete code.
//
// The files by role: store.go holds the nodes and their hash tables, gc.go
// the garbage collection and the memory accounting, step.go the recursive
// memoised step, tree.go the [Tree] and its stepping, build.go the edits
// built in bulk, view.go the cells, bounds, visits and block counts a
// viewer needs, tree_io.go the tree node by node for macrocell files, and
// leaves.go what an engine's leaves provide.
package quadtree
