package tui

import (
	"fmt"
	"hash/maphash"

	"github.com/life-go/life/engine"
)

// maxPeriod is the longest period the settle detector looks for.
const maxPeriod = 64

// fingerprint sums up one generation for the settle detector: the shape of
// the live cells, independent of where they are, and where they are.
type fingerprint struct {
	shape shape
	y, x  int64 // the bounding box's top-left cell
	// none says the generation had more than maxVisit live cells, too
	// many to visit every generation: the detector skips it.
	none bool
}

// maxVisit is the most live cells the UI visits one by one: for the settle
// detector each generation, and to copy a universe to another engine. A
// torus of 4096 x 4096 cells has no more; on the plane, HashLife reaches
// far more (a breeder has 10^21 after 10^12 generations), and the UI then
// leaves the detector out and refuses the copy.
const maxVisit = 1 << 24

// tooMany reports whether e has more than maxVisit live cells.
func tooMany(e engine.Engine) bool {
	pop := e.Population()
	return !pop.IsInt64() || pop.Int64() > maxVisit
}

// shape is a pattern up to translation: a hash of its cells relative to
// their bounding box, the box's size and the population.
type shape struct {
	hash uint64
	h, w int64
	pop  int64
}

// seed keys the fingerprints' hashes; one per process is enough.
var seed = maphash.MakeSeed()

// fingerprintOf returns e's fingerprint. It visits every live cell once, so
// the animator computes it, outside the event loop; with more than maxVisit
// it visits none, and returns a fingerprint with none set.
func fingerprintOf(e engine.Engine) fingerprint {
	if tooMany(e) {
		return fingerprint{none: true}
	}
	box, ok := e.Bounds()
	if !ok {
		return fingerprint{}
	}
	var h maphash.Hash
	h.SetSeed(seed)
	var buf [16]byte
	var pop int64
	e.Visit(box, func(y, x int64) {
		pop++
		putInt(buf[:8], y-box.Y)
		putInt(buf[8:], x-box.X)
		h.Write(buf[:])
	})
	return fingerprint{shape: shape{hash: h.Sum64(), h: box.H, w: box.W, pop: pop}, y: box.Y, x: box.X}
}

// putInt writes v into b[:8], little end first.
func putInt(b []byte, v int64) {
	for i := range 8 {
		b[i] = byte(v >> (8 * i))
	}
}

// settler tells when a run has settled: died out, become still, started to
// repeat with a period of at most maxPeriod, or become a lone spaceship. It
// is fed one fingerprint a generation, in order; a gap starts it afresh.
type settler struct {
	seen map[shape]seenAt
	ring []shape // the shapes of the last maxPeriod generations, oldest first
	last int64   // the generation of the last fingerprint, or -1
}

// seenAt is where and when a shape was last seen.
type seenAt struct{ gen, y, x int64 }

// reset forgets every generation seen.
func (s *settler) reset() {
	s.seen, s.ring, s.last = nil, nil, -1
}

// add records generation gen's fingerprint, and returns a message saying how
// the run settled, or "" while it has not.
func (s *settler) add(gen int64, fp fingerprint) string {
	if fp.none {
		s.seen, s.last = nil, gen // a gap: start afresh after it
		return ""
	}
	if s.seen == nil || gen != s.last+1 {
		s.seen, s.ring = map[shape]seenAt{}, s.ring[:0]
	}
	s.last = gen
	if fp.shape.pop == 0 {
		return fmt.Sprintf("died out at gen %d", gen)
	}
	if prev, ok := s.seen[fp.shape]; ok {
		p := gen - prev.gen
		switch {
		case prev.y == fp.y && prev.x == fp.x && p == 1:
			return fmt.Sprintf("still life at gen %d", prev.gen)
		case prev.y == fp.y && prev.x == fp.x:
			return fmt.Sprintf("period %d from gen %d", p, prev.gen)
		default:
			return fmt.Sprintf("moving (%d,%d) every %d", fp.x-prev.x, fp.y-prev.y, p)
		}
	}
	if len(s.ring) == maxPeriod {
		old := s.ring[0]
		if s.seen[old].gen == gen-maxPeriod {
			delete(s.seen, old)
		}
		s.ring = append(s.ring[:0], s.ring[1:]...)
	}
	s.ring = append(s.ring, fp.shape)
	s.seen[fp.shape] = seenAt{gen, fp.y, fp.x}
	return ""
}
