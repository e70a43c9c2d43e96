// Package render draws a Life universe as pictures people can share: PNG
// images, animated GIFs and SVG drawings, in a light or a dark [Theme].
//
// Every function reads the universe through the [engine.Engine] interface
// alone, so it draws what any engine holds, on any topology. A picture
// shows one rectangle of cells, the viewport, in the engine's coordinates,
// at a [Scale]: a whole number of pixels a side per cell, or, zoomed out, one
// pixel per square block of 2^k x 2^k cells, shaded by how many of them are
// alive (counted by [engine.CountBlocks]).
//
// Images are paletted, with the few colours a [Theme] gives, so that PNGs
// stay small and a GIF needs no colour quantising. A [GIF] keeps one
// viewport for all its frames unless told to move it, and stores each frame
// after the first as the rectangle that changed, with the pixels that did
// not change left transparent.
//
// The package imports no UI: the terminal UI and the command line call the
// same functions, and so look the same.
//
// Nothing here is safe for concurrent use with the engine it reads: call
// these functions from the goroutine that owns the engine, or on a
// [engine.Engine.Clone] of it.
package render
