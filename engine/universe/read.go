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
	st := &streamer{s: s, name: name}
	p, err := patterns.ReadWith(name, r, patterns.ReadOptions{Sink: st})
	if err != nil {
		return Universe{}, nil, false, asInputError(err)
	}
	if st.l == nil || st.gather != nil {
		// The header did not place the pattern, or its cells outgrew the
		// declared size: place the whole pattern, as gathered.
		if st.gather != nil {
			p.Runs = st.gather.Runs()
		}
		normalize(p)
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

// streamer is the sink that puts cells on the engine as they are read
// when the header places them, and gathers them otherwise.
type streamer struct {
	s    Settings
	name string
	l    *loader // nil while the cells are gathered
	// box, when set, is the declared size the cells must lie in for the
	// placement to hold.
	box  bool
	w, h int64 // the declared size, or (box false) the size seen so far
	// gather keeps the cells when they cannot go on an engine yet.
	gather *patterns.Builder
}

// Begin makes the engine when the header places the pattern's cells: a
// position on the plane places every cell, whatever the size; an RLE
// header's declared size places them while they lie inside it. An error
// that loading the pattern would meet stops the read. It implements
// [patterns.Sink].
func (st *streamer) Begin(h *patterns.Pattern) error {
	s := st.s
	switch {
	case h.Positioned:
		r, err := s.RuleOf(h, st.name)
		if err != nil {
			return err
		}
		if r.Topology.Kind != engine.Plane || !s.Plane || s.Torus != "" || !s.runsPlane(r) {
			break
		}
		l, err := s.start(h, h.W, h.H, st.name)
		if err != nil {
			return err
		}
		st.l = l
		return nil
	case h.W > 0 && h.H > 0:
		l, err := s.start(h, h.W, h.H, st.name)
		if err != nil {
			return err
		}
		st.l, st.box, st.w, st.h = l, true, h.W, h.H
		return nil
	}
	st.gather = &patterns.Builder{}
	return nil
}

// Run places a run of cells as it is read, or gathers it. It implements
// [patterns.Sink].
func (st *streamer) Run(y, x, n int64) error {
	switch {
	case st.gather != nil:
		st.gather.Add(y, x, n)
	case st.box && (y >= st.h || x+n > st.w || y < 0 || x < 0):
		// Outside the declared size: the placement no longer holds.
		// Gather what is on the engine back, and the rest as it comes.
		st.gather = &patterns.Builder{}
		eng := st.l.u.Eng
		if b, ok := eng.Bounds(); ok {
			eng.Visit(b, func(yy, xx int64) { st.gather.Add(yy-st.l.y0, xx-st.l.x0, 1) })
		}
		st.gather.Add(y, x, n)
	default:
		if !st.box {
			st.w, st.h = max(st.w, x+n), max(st.h, y+1)
		}
		st.l.addRun(y, x, n)
	}
	return nil
}

// normalize moves p's runs so that their bounding box starts at (0, 0),
// moving a positioned pattern's origin the other way: a reader may hand
// cells on in the coordinates its file gives (Life 1.06's are Golly's).
func normalize(p *patterns.Pattern) {
	top, left, _, _, ok := p.Bounds()
	if !ok || top == 0 && left == 0 || !p.Positioned && top >= 0 && left >= 0 {
		return
	}
	for i := range p.Runs {
		p.Runs[i].Y -= top
		p.Runs[i].X -= left
	}
	p.OriginY += top
	p.OriginX += left
}
