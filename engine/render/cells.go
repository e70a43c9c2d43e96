package render

import "github.com/life-go/life/engine"

// Cells is what the renderer reads: the live cells inside a rectangle, as
// [engine.Engine.Visit] gives them. Every engine is one; so is anything that
// keeps a generation's cells, such as a snapshot a UI draws from. When it
// is also an [engine.BlockCounter], a zoomed-out picture counts blocks
// through it.
type Cells = engine.Visitor
