package tui

import (
	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/classify"
)

// maxVisit is the most live cells the UI visits one by one to copy a
// universe to another engine. A torus of 4096 x 4096 cells has no more; on
// the plane, HashLife reaches far more (a breeder has 10^21 after 10^12
// generations), and the UI then refuses the copy. The settle detector
// ([classify.Watcher]) skips generations beyond [classify.MaxWatch].
const maxVisit = 1 << 24

// tooMany reports whether e has more than maxVisit live cells.
func tooMany(e engine.Engine) bool {
	pop := e.Population()
	return !pop.IsInt64() || pop.Int64() > maxVisit
}

// fingerprintOf returns e's frame for the settle detector. It visits every
// live cell once, so the animator computes it, outside the event loop.
func fingerprintOf(e engine.Engine) classify.Frame { return classify.FrameOf(e) }

// settler tells when a run has settled: the classifier's watcher, whose
// result the status bar shows in the classifier's words.
type settler struct {
	w      classify.Watcher
	result *classify.Result // how the run last settled
}

// reset forgets every generation seen.
func (s *settler) reset() { s.w.Reset() }

// seen reports whether the detector's last frame is of generation gen.
func (s *settler) seen(gen int64) bool {
	last, ok := s.w.Last()
	return ok && last == gen
}

// add records generation gen's frame, and returns a message saying how
// the run settled, or "" while it has not.
func (s *settler) add(gen int64, fp classify.Frame) string {
	if r := s.w.Add(gen, fp); r != nil {
		s.result = r
		return r.String()
	}
	return ""
}
