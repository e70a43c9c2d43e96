package universe

import (
	"io"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/patterns"
)

// Read reads a pattern from r (name is its file's name, for messages) and
// loads it as [Load] does. It is the one way a file becomes a universe:
// where the lines before the cells say enough to place them (an RLE
// header's declared size, or a position on the plane), the cells go
// straight from the reader into the engine as they are read, with no copy
// of them in between (for a dense 4096 x 4096 soup that copy is 84 MB, and
// touching it costs more than running the soup); otherwise, or when a
// cell falls outside the declared size, they are gathered and placed once
// the whole pattern is known. It returns the pattern's header, without
// its cells, for its Notice.
func Read(name string, r io.Reader, s Settings) (Universe, *patterns.Pattern, error) {
	u, h, _, err := read(name, r, s)
	return u, h, err
}

// read is Read, and reports whether the cells went straight into the
// engine.
func read(name string, r io.Reader, s Settings) (Universe, *patterns.Pattern, bool, error) {
	var st *streamer
	var serr error
	p, err := patterns.ReadTo(name, r, func(h *patterns.Pattern) (patterns.Sink, error) {
		st, serr = s.stream(h, name)
		if st == nil {
			return nil, nil // gather the cells: Load places them below
		}
		return st, nil
	})
	if err != nil {
		return Universe{}, nil, false, asInputError(err)
	}
	if st == nil || st.over != nil {
		// The header did not place the pattern, or its cells outgrew the
		// declared size: place the whole pattern, as gathered.
		if st != nil {
			p.Runs = st.over.Runs()
		} else if serr != nil {
			return Universe{}, nil, false, serr
		}
		u, err := Load(p, name, s)
		if err != nil {
			return Universe{}, nil, false, err
		}
		return u, u.Header, false, nil
	}
	u := st.l.u
	head := *p
	head.W, head.H = max(p.W, st.w), max(p.H, st.h)
	u.Header = &head
	u, u.Why = s.settle(u)
	return u, u.Header, true, nil
}

// streamer is the sink that puts cells on the engine as they are read.
type streamer struct {
	l *loader
	// box, when set, is the declared size the cells must lie in for the
	// placement to hold.
	box  bool
	w, h int64 // the declared size, or (box false) the size seen so far
	// over gathers the cells once one fell outside the declared size.
	over *patterns.Builder
}

// stream returns a streamer for a pattern whose header is h, or nil when
// the header does not say enough to place its cells, or the error that
// loading the pattern would meet.
func (s Settings) stream(h *patterns.Pattern, name string) (*streamer, error) {
	switch {
	case h.Positioned:
		// A position on the plane places every cell, whatever the size.
		r, err := s.RuleOf(h, name)
		if err != nil || r.Topology.Kind != engine.Plane || !s.Plane || s.Torus != "" || !s.runsPlane(r) {
			return nil, err
		}
		l, err := s.start(h, h.W, h.H, name)
		if err != nil {
			return nil, err
		}
		return &streamer{l: l}, nil
	case h.W > 0 && h.H > 0:
		l, err := s.start(h, h.W, h.H, name)
		if err != nil {
			return nil, err
		}
		return &streamer{l: l, box: true, w: h.W, h: h.H}, nil
	}
	return nil, nil
}

// AddRun places a run of cells as it is read. It implements
// [patterns.Sink].
func (st *streamer) AddRun(y, x, n int64) error {
	switch {
	case st.over != nil:
		st.over.Add(y, x, n)
	case st.box && (y >= st.h || x+n > st.w):
		// Outside the declared size: the placement no longer holds.
		// Gather what is on the engine back, and the rest as it comes.
		st.over = &patterns.Builder{}
		eng := st.l.u.Eng
		if b, ok := eng.Bounds(); ok {
			eng.Visit(b, func(yy, xx int64) { st.over.Add(yy-st.l.y0, xx-st.l.x0, 1) })
		}
		st.over.Add(y, x, n)
	default:
		if !st.box {
			st.w, st.h = max(st.w, x+n), max(st.h, y+1)
		}
		st.l.addRun(y, x, n)
	}
	return nil
}
