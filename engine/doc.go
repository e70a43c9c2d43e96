// Package engine holds the protocol that drives Life: messages, per-cell
// step logic, the drivers that run it, Life-like rules, and the [Engine]
// interface that every algorithm implements.
//
// Where to look:
//
//   - The protocol: [Query], [Transition] and [Tick] (msg.go), [StepCell]
//     and [StepFunc] (step.go), the drivers [LiveAGeneration] (sync.go) and
//     [Run] (driver.go), and [Protocol], the engine that runs them.
//   - The rules: [Rule], [ParseRule] and [Topology] (rule.go).
//   - The registry (registry.go): every engine registers an [Algo] (name,
//     summary, rule families, topologies, natural step base, capabilities
//     such as [CustomStep] and [BlockCounts], speed rank); [New], [Choose],
//     [Lookup] and [Algos] pick and list them. Nothing compares engine
//     names. The fast engines live below this package (engine/bitwise,
//     engine/hashlife) and register themselves.
//   - The universe layer, engine/universe, is the floor above: it turns
//     pattern files into running engines and back (placement, rule and
//     topology, #CXRLE), and records pictures; cmd/life and the UI use it.
//     This package imports no patterns and no UI.
//
// # The protocol
//
// It is the seed's coroutine Game of Life (Effective Python, item 40) in Go.
// Per-cell step logic asks for its cell and for each of the eight
// neighbours, counts, decides, and emits the cell's next state:
//
//	state := c.Query(y, x)                   // state = yield Query(y, x)
//	neighbors := CountNeighbors(c, y, x)     // yield from count_neighbors(y, x)
//	c.Transition(y, x, GameLogic(r, state, neighbors))
//
// [StepCell] is exactly that; any [StepFunc] in the same ask-and-emit style
// (another neighbourhood, another rule) runs unchanged. [Simulate] walks the
// cells; once every cell has made its transition the generation ends with a
// [Tick]. The messages, [Query], [Transition] and [Tick], are a closed set
// with the seed's names and readable String methods, so that a transcript of
// a run (see [Transcript]) reads like the seed's.
//
// # The drivers
//
// A driver answers each Query from the current grid, a wrap-around
// [grid.Torus], and assigns each Transition into the progeny. Two drivers
// run the same step logic:
//
//   - [LiveAGeneration], synchronous, in the caller's goroutine: the seed's
//     live_a_generation, and the reference for tests.
//   - [Run], on channels: bands of rows run in worker goroutines on every
//     core, and the driver, which alone owns the grids, answers them. A
//     message per query would cost as much as the Python original, so the
//     messages travel in batches: a band asks for a whole row at once (the
//     run of Queries for its cells) and caches the answer for the
//     generation, and hands in its Transitions packed, with its tick. The
//     bands meet at the generation boundary. Every blocking send and
//     receive watches a context, and no goroutine outlives a run.
//
// [Protocol] wraps the channel driver as an [Engine].
//
// Coordinates are row first, (y, x), as in the seed; north is y+1.
package engine
