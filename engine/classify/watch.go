package classify

import (
	"math/big"

	"github.com/life-go/life/engine"
)

// Frame sums up one generation for a [Watcher]: its cells relative to
// their bounding box and where the box is. Computing it visits every live
// cell once, so the UI computes it outside its event loop.
type Frame struct {
	cells Cells // normalised
	shape uint64
	top   Point
	// none says the generation had too many live cells to visit: the
	// watcher skips it.
	none bool
}

// MaxWatch is the most live cells a [Frame] holds: a generation with more
// is skipped by the watcher (the cells of the generations it keeps to
// compare are bounded so).
const MaxWatch = 1 << 18

// maxRing is the most live cells of the frames kept for apgcodes.
const maxRing = 1 << 12

// FrameOf returns e's frame, or one that the watcher skips when e has
// more than MaxWatch live cells.
func FrameOf(e engine.Engine) Frame {
	pop := e.Population()
	if !pop.IsInt64() || pop.Int64() > MaxWatch {
		return Frame{none: true}
	}
	norm, top := All(e).Normal()
	return Frame{cells: norm, shape: norm.Hash(), top: top}
}

// Watcher tells, generation by generation, when a run has settled: died
// out, or come back to an earlier generation's cells in place (a still
// life or an oscillator) or moved (a spaceship), with a period of at most
// [WatchPeriod]. It is the UI's settle detector: [Classify] without the
// separation into objects, fed one frame a generation in order. A gap in
// the generations starts it afresh. Matches of hashes are confirmed cell by
// cell. A Watcher is used by one goroutine.
type Watcher struct {
	stack []entry // keep-minima, as in Classify
	ring  []Frame // the last WatchPeriod frames, for the apgcode
	last  int64
	valid bool
}

// WatchPeriod is the longest period a [Watcher] names with an apgcode;
// it finds longer ones too, within the keep-minima stack.
const WatchPeriod = 64

// Reset forgets every generation seen.
func (w *Watcher) Reset() { *w = Watcher{} }

// Last returns the generation of the last frame added, and false when
// none has been since the last reset or gap.
func (w *Watcher) Last() (int64, bool) { return w.last, w.valid }

// Add records generation gen's frame and returns the result once the run
// has settled, or nil while it has not.
func (w *Watcher) Add(gen int64, f Frame) *Result {
	if f.none {
		w.Reset()
		w.last, w.valid = gen, true
		w.stack, w.ring = nil, nil
		return nil
	}
	if !w.valid || gen != w.last+1 {
		w.stack, w.ring = w.stack[:0], w.ring[:0]
	}
	w.last, w.valid = gen, true
	if len(f.cells) == 0 {
		return &Result{Kind: Dies, Settled: big.NewInt(gen)}
	}
	for len(w.stack) > 0 && w.stack[len(w.stack)-1].shape > f.shape {
		w.stack = w.stack[:len(w.stack)-1]
	}
	for i := len(w.stack) - 1; i >= 0 && w.stack[i].shape == f.shape; i-- {
		prev := w.stack[i]
		if !prev.cells.Equal(f.cells) {
			continue
		}
		p := gen - prev.gen
		dy, dx := f.top.Y-prev.top.Y, f.top.X-prev.top.X
		// Walk back to the first generation of the cycle, as far as the
		// frames kept reach, comparing cells.
		at := func(g int64) *Frame {
			if g == gen {
				return &f
			}
			if k := int64(len(w.ring)) - (gen - g); k >= 0 && k < int64(len(w.ring)) {
				return &w.ring[k]
			}
			return nil
		}
		start := prev.gen
		for {
			a, b := at(start-1), at(start-1+p)
			if a == nil || b == nil || a.cells == nil || b.cells == nil ||
				b.top.Y-a.top.Y != dy || b.top.X-a.top.X != dx || !a.cells.Equal(b.cells) {
				break
			}
			start--
		}
		r := &Result{Period: p, DX: dx, DY: dy, Speed: Speed(dx, dy, p), Settled: big.NewInt(start)}
		o := &object{period: p, dy: dy, dx: dx}
		r.Kind = o.kind()
		if p <= int64(len(w.ring)) {
			for _, fr := range w.ring[len(w.ring)-int(p):] {
				if fr.cells == nil {
					o.phases = nil
					break
				}
				o.phases = append(o.phases, fr.cells.Shift(fr.top.Y, fr.top.X))
			}
			if o.phases != nil {
				r.Apgcode = o.apgcode()
			}
		}
		return r
	}
	w.stack = append(w.stack, entry{f.shape, gen, f.cells, f.top})
	if len(w.ring) == WatchPeriod {
		w.ring = append(w.ring[:0], w.ring[1:]...)
	}
	if len(f.cells) > maxRing {
		f.cells = nil // too big to keep for an apgcode
	}
	w.ring = append(w.ring, f)
	return nil
}

// Same reports whether f and g hold the same cells in the same place.
func (f Frame) Same(g Frame) bool {
	return f.none == g.none && f.top == g.top && f.cells.Equal(g.cells)
}
