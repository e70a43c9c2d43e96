// Package tui is the terminal user interface of life: a tview application
// that animates a universe, steps it, edits it, and loads and saves pattern
// files.
//
// Its parts, one file each:
//
//   - [Board] (board.go) is the one custom primitive: it draws an immutable
//     [Snapshot] at a [Scale], from two columns a cell to one character for
//     2^k x 2^k cells, at a cost proportional to the screen's characters.
//   - The animator (animator.go) is the one goroutine that steps engines and
//     does all slow work. The event loop hands it a job; it steps a clone
//     outside the event loop, or runs a task (opening a pattern file,
//     listing the patterns directory, saving a pattern or a picture; Esc
//     cancels), and hands the result back with QueueUpdateDraw. No file is
//     read or written on the event loop.
//   - The controller (ui.go, keys.go, dialogs.go) owns the current universe
//     (a [universe.Universe]) and everything the keys change; it runs only
//     on the event loop, so it needs no locks. A universe in the controller
//     is never modified in place: an edit clones it first, which makes undo,
//     rewind and snapshots plain values.
//   - Pictures (pictures.go): P saves a PNG of the view, G records the next
//     N generations of it as a GIF, which the animator steps and writes as
//     a job; both draw through engine/render.
//   - The settle detector (settle.go) is the classifier's watcher
//     (engine/classify): it tells when a run has died out, become still,
//     started repeating, or is a lone spaceship, in the classifier's words.
//   - Editing as Golly's: the selection (selection.go), the clipboard
//     (clipboard.go: RLE, OSC 52, bracketed paste), the floating paste and
//     its modes (paste.go), the transforms and clears (transform.go), each
//     one undo step of the history (history.go), which keeps the pattern
//     file each state belongs to. The cell logic is engine/universe's.
//   - Speeds, go to generation and the clock that turns the spinner of a
//     long jump (speed.go); panels that fit and scroll (panels.go); the
//     open dialog (open.go); the names offered for files (names.go).
//   - The automatic engine switch (autoswitch.go) times the run's steps and,
//     when the protocol engine falls clearly behind the speed chosen, moves
//     the run to the faster engine (see [Options.AutoSwitch]).
//
// The UI does no Life logic of its own: loading a pattern onto an engine
// (rule, topology, Golly's placement), saving one back, recording a GIF and
// moving a universe to another engine are engine/universe's; choosing
// engines is the registry's (engine.Algos, by capability, never by name);
// the settle detector is engine/classify's.
//
// The package declares what it needs from its surroundings: the narrow app
// interface that *tview.Application satisfies, and [Options], through which
// cmd/life passes the universe settings (--rule, --torus, --engine), the
// engines, the patterns directory, the atomic file writer and the
// pictures' theme. It imports engine, engine/universe and patterns, never
// cmd/life.
package tui
