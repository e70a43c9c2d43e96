// Package universe is the middle floor between the front ends (cmd/life
// and the terminal UI) and the engines: the one place that turns a pattern
// into a running engine, turns an engine back into a pattern, and records
// a run's frames for pictures. Nothing above it places cells, resolves a
// rule or a topology, or converts between patterns and engines.
//
//   - Load: [Load] puts a [patterns.Pattern] on a new engine; [Read] does
//     it from a reader, handing the cells straight from the pattern reader
//     ([patterns.ReadWith], through a [patterns.Sink]) into the engine as
//     they are read, and a macrocell file's tree into HashLife's node by
//     node (a [patterns.TreeSink]); [LoadPath] and [ReadPattern] open a
//     file, standard input ("-") or a built-in pattern by name. Reading is
//     within patterns' budget ([patterns.DefaultLimits]) and, with
//     [Settings.Ctx], cancelled as the data arrives. [Settings] resolve the
//     rule and topology once, as Golly does: the file's bounded-grid
//     suffix, else --torus, else the unbounded plane when the engine runs
//     it, else a torus that stands in for the plane (fitted to the UI's
//     window, or the pattern with a margin). The engine comes from the
//     registry ([engine.New]): --engine, or auto, or for the UI the
//     engine that runs the protocol's step logic. Cells go where Golly
//     puts them: a positioned pattern (#CXRLE Pos, Life 1.06, macrocell)
//     where it says, another centred on Golly's origin.
//   - Save: [Universe.WriteTo] writes the engine in every format package
//     patterns writes, keeping the position and the generation as Golly's
//     #CXRLE line does, from [Universe.Cells] (the engine's cells visited
//     as the writer writes; HashLife's nodes for macrocell), never a copy
//     of every cell; [Universe.Pattern] makes a pattern of it;
//     [Universe.Save] writes a file atomically ([WriteFileContext]: an
//     unnamed temporary file, a symlink's target, a read-only file refused,
//     cancellation leaving the old file as it was); [ReadCells] reads a
//     file to write it again without running it.
//   - Record: [Record] steps an engine through a [Recording] and hands
//     each frame to the renderer (engine/render): life render's GIFs and
//     the UI's G are both recordings. A [Picture] is what life render
//     draws ([PictureSettings] resolve its flags): [Picture.Draw] runs a
//     universe to its last generation (or records a GIF's frames,
//     [GIFFrames]), fits the view and the scale, and refuses a picture
//     too large as soon as it is known to be.
//   - Run: a [Runner] advances a universe in chunks of the engine's
//     natural jumps, switching engines mid-run under auto; package
//     progress (engine/universe/progress) draws its bar on a terminal.
//   - Move: [Universe.MoveTo] moves a universe to a faster engine in the
//     same places (the UI's automatic switch and E), [Universe.Rehome] to
//     another rule or topology about the universe's middle (the UI's R).
//
// A [Universe] is a value: an engine, the generations run before it was
// made, where its cells lie in Golly's coordinates, and the pattern's
// header. Errors the user can mend are [UsageError]s (a setting) and
// [InputError]s (a pattern), for a command's exit status.
//
// The package imports engine, the engines (which register themselves),
// engine/render and patterns; it imports no UI.
package universe
