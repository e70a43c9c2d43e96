// Package engine holds the protocol that drives Life: messages, per-cell
// step logic, the drivers that run it, Life-like rules, and the [Engine]
// interface that every algorithm implements.
//
// Where to look:
//
//   - The protocol: the seed's [Query], [Transition] and [Tick] and the
//     typed batches the channel wire carries, [QueryRows], [AnswerRows] and
//     [TransitionRows] (msg.go); [Conn], what step logic talks to, with
//     [StepCell], [StepFunc] and [Simulate] (step.go; Conn's methods and
//     the driver's side of it in conn.go); the drivers [LiveAGeneration]
//     and [Transcript] (sync.go) and [Driver] and [Run] (driver.go, with
//     [Driver.Tap] to read the wire); and [Protocol], the engine that runs
//     them.
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
//	c.Transition(y, x, GameLogic(&r, state, neighbors))
//
// [StepCell] is exactly that; any [StepFunc] in the same ask-and-emit style
// (another neighbourhood, another rule) runs unchanged. [Simulate] walks the
// cells; once every cell has made its transition the generation ends with a
// [Tick]. The step logic talks to a [Conn], which answers each Query from
// the current generation, wrapping its coordinates, and takes each
// Transition for the progeny. Conn is a concrete type that every driver
// shares, so that its Query is inlined into the step logic: a query costs a
// few instructions, not a call.
//
// The messages are a closed set ([Msg]) with the seed's names and readable
// String methods: [Query], [Transition] and [Tick] one cell at a time, as
// [Transcript] records them, and their batches on the wire.
//
// # Rules and universes
//
// A [Rule] is a neighbourhood (the queries a cell's step asks, in the order
// of [Neighborhood.Offsets]), two states, and a transition from the answers
// to the next state: every two-state family Golly's QuickLife and HashLife
// run, in Golly's notations ([ParseRule]) and under Golly's canonical names
// ([Rule.String]), each reducible to a [Table] over the 3 x 3 block. Rules
// with B0 run as Golly emulates them ([Rule.Phase]). A rule's [Topology] is
// one of Golly's bounded grids or the plane; the protocol engine answers
// every query with its wrap by stepping, on topologies other than a plain
// torus, the grid inside a ring of cells filled with what the topology
// joins there ([Protocol]).
//
// # The drivers
//
// A driver owns the grids, a wrap-around [grid.Torus] and its progeny. Two
// drivers run the same step logic, both through Simulate:
//
//   - [LiveAGeneration], synchronous, in the caller's goroutine: the seed's
//     live_a_generation, and the reference for tests. [Transcript] is the
//     same with every message recorded.
//   - [Driver] (and [Run]), on channels: bands of rows run in worker
//     goroutines on every core, and the driver, which alone owns the grids,
//     talks to them only in the protocol's messages. A message per query
//     would cost as much as the Python original, so they travel in batches.
//
// # The wire
//
// A generation of the channel driver, band by band (see [Driver]):
//
//	band 0 -> Query(y=-1..1, x=0..2)                  QueryRows: the rows band 0 needs
//	band 0 <- Answer(y=-1..1, states="*--|-*-|--*")   AnswerRows: their states
//	band 1 -> Query(y=0..2, x=0..2)                   ... every band's, in order
//	band 1 <- Answer(y=0..2, states="-*-|--*|*--")
//	          ...                                     the bands step their cells
//	band 0 -> Transition(y=0, x=0..2, state="***")    TransitionRows: band 0's cells
//	band 0 -> TICK                                    Tick: band 0 is done
//	band 1 -> Transition(y=1, x=0..2, state="***")
//	band 1 -> TICK
//
// A band asks for its own rows and the step logic's reach either side
// ([StepReach]; every row when the reach is unknown). The answer is a
// read-only view of the driver's copy of the generation, a byte a cell
// (made once a generation, with the rows across the wrap repeated above
// and below), so a batch costs a few words whatever its size. The bands
// meet at the ticks: when every band has ticked, the progeny becomes the
// current grid. [Driver.Tap] reads the wire as a transcript. Each sender
// creates and closes its channel, every blocking send and receive watches
// a context, and no goroutine outlives a run.
//
// [Protocol] wraps the channel driver as an [Engine].
//
// Coordinates are row first, (y, x), as in the seed; north is y+1.
package engine
