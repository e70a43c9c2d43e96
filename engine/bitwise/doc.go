// Package bitwise is a bit-parallel Life engine: it steps 64 cells with a
// handful of word operations, skips the tiles of the universe that have
// settled, and runs the rest on every core.
//
// # Storage
//
// The universe, W cells wide and H high, is cut into vertical strips 64
// columns wide; strip i holds columns 64i to 64i+63, one uint64 word a row,
// least significant bit first, and is stored as H consecutive words. The
// bits past the width in the last strip are always zero. The engine keeps
// two such buffers: the current generation and the one before it.
//
// # Stepping
//
// A word's next state is computed from its row and the rows above and below
// it in its own strip and the two strips beside it (see kernel.go). The
// cells of 64 blocks of 3 x 3 are added up at once by bit-sliced adders:
// each row's three cells make a 2-bit sum, and three rows' sums a 4-bit one
// held in four words, bit k of every cell's sum in word k. A cell's block
// sum is its live neighbours plus itself, so the rule is boolean logic on
// those four words and the cell's own state (see rule.go), and every
// Life-like rule, all 2^18 of them, runs the same way. Rules with B0 run as
// Golly emulates them ([engine.Rule.Phase]): each generation with the logic
// of the rule Golly runs from its parity, under which empty space stays
// empty.
//
// The edges are exact whatever the size: on a torus the strip left of strip
// 0 is the last one and its top bit is column W-1 wherever that falls in the
// word; on a bounded plane the cells beyond the edges are dead.
//
// # Skipping what does not change
//
// Each strip is cut into tiles of [tileRows] rows. When the engine writes a
// tile's next generation over the buffer that held the generation before the
// current one, it notes where the tile changed: whether generation t+1
// differs from generation t-1 anywhere, along each side, at each corner.
// When neither T nor the cells just around it changed in the last
// generation, T's next generation equals the one before the current, which
// the other buffer already holds, so T costs nothing: still lifes and
// period-2 oscillators (the blinkers that ash is full of) are skipped, and
// so is empty space; under the pair of rules of a B0 rule without Smax,
// which alternate, a tile that repeats every two generations still repeats.
// When nothing at all changed, generations just swap the buffers. Cells
// set by hand mark their tile edited, which steps it and its neighbours for
// two generations before it is trusted again. See tiles.go.
//
// # Parallelism
//
// Each generation lists the tiles to step and splits the list into jobs,
// which a fixed pool of worker goroutines, started by Step and ended before
// it returns, takes from a channel (see pool.go); a short list is stepped in
// the calling goroutine. Each
// tile's next generation is a function of the current generation alone, so
// the result is the same whatever the number of workers.
package bitwise
