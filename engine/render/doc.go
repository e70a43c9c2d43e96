// Package render draws a Life universe as pictures people can share: PNG
// images, animated GIFs and SVG drawings, in a light or a dark [Theme].
//
// Every function reads the universe through [Cells], the Visit method of
// the [engine.Engine] interface, alone, so it draws what any engine holds, on
// any topology, and any snapshot of one. A picture shows one rectangle of
// cells, the viewport, in the engine's coordinates, at a [Scale]: a whole
// number of pixels a side per cell, or, zoomed out, one pixel per square
// block of 2^k x 2^k cells, shaded by how many of them are alive (counted as
// [engine.CountBlocks] does, by the engine itself when it can).
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
//
// # For the terminal UI
//
// The UI's P key (save a PNG of the current view) is one call, made by the
// animator goroutine that owns the engine, or on a clone or any snapshot
// with a Visit method (see [Cells]) that the board already holds:
//
//	err := render.PNG(w, eng, view, render.PixelsPerCell(1), render.Light)
//
// where view is the board's rectangle of cells and the scale one that
// matches its zoom (the UI gives each column of the board about 4 pixels:
// 4 a cell at one cell a character, [CellsPerPixel] k-2 at 2^k x 2^k
// cells a character). The G key (record the next N generations) is a
// [GIF] filled frame by frame as the animator steps, then encoded:
//
//	g, err := render.NewGIF(view, scale, render.Dark) // a *SizeError if too large
//	for range n {
//		eng.Step(ctx, 1)
//		g.Add(eng)
//	}
//	err = g.Encode(w)
//
// [CheckGIF] refuses an N that is too large before any stepping. Write the
// file through a temporary file and a rename, as the command line's
// writeFileAtomic does, so that a failure leaves no partial picture.
package render
