package universe

import (
	"fmt"
	"io"
	bits2 "math/bits"

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
	p, err := patterns.ReadWith(name, r, patterns.ReadOptions{Sink: st, Ctx: s.Ctx})
	if isCancel(err) {
		return Universe{}, nil, false, fmt.Errorf("%s: stopped while reading: %w", name, err)
	}
	if err != nil {
		return Universe{}, nil, false, asInputError(err)
	}
	if st.l == nil || st.gather != nil {
		// The header did not place the pattern, or its cells outgrew the
		// declared size: place the whole pattern, as gathered.
		if st.gather != nil {
			p.Runs = st.gather.Runs()
			p.States = st.gather.States()
		}
		normalize(p)
		u, err := Load(p, name, s)
		if err != nil {
			return Universe{}, nil, false, err
		}
		return u, u.Header, false, nil
	}
	if err := st.l.build(s.Ctx); err != nil {
		return Universe{}, nil, false, fmt.Errorf("%s: stopped while loading: %w", name, err)
	}
	u := st.l.u
	head := *p
	head.W, head.H = max(p.W, st.w), max(p.H, st.h)
	if st.tree {
		// A macrocell tree: its size is the engine's box.
		if b, ok := u.Eng.Bounds(); ok {
			head.W, head.H = b.W, b.H
		}
	}
	u.Header = &head
	u, u.Why = s.settle(u)
	return u, u.Header, true, nil
}

// treeEngine is an engine that takes a macrocell file's tree as it is
// read (HashLife), as patterns.TreeSink asks.
type treeEngine interface {
	Leaf(rows [8]uint8) (uint32, error)
	Node(d int, kids [4]uint32) (uint32, error)
	Root(h uint32, d int) error
}

// TakesTree reports whether the engine takes a macrocell file's tree, as
// patterns.TreeSink asks: it does when the streamer has placed the pattern
// on the plane of an engine that takes trees (HashLife), and then the tree
// goes into the engine's as it is, node by node. The streamer is the
// TreeSink itself, not a wrapper, so that its Run costs one call.
func (st *streamer) TakesTree() bool {
	if st.l == nil || st.box || st.gather != nil || st.l.u.Eng.Rule().Topology.Kind != engine.Plane {
		return false
	}
	st.te, st.tree = st.l.u.Eng.(treeEngine)
	return st.tree
}

// Leaf, Node and Root go to the engine TakesTree found, without asking
// for its interface again at each of a file's millions of nodes.
func (st *streamer) Leaf(rows [8]uint8) (uint32, error) { return st.te.Leaf(rows) }

func (st *streamer) Node(d int, kids [4]uint32) (uint32, error) { return st.te.Node(d, kids) }

func (st *streamer) Root(h uint32, d int) error { return st.te.Root(h, d) }

// SetFormat records the format the file is read in, for auto's choice of
// engine in Begin, as patterns.FormatSink offers.
func (st *streamer) SetFormat(name string) { st.format = name }

// rowSetter is an engine that sets the live cells of a row from words, as
// many runs at once (the bitwise engines): SetRow(y, x, bits) does what
// SetRun does for each run of bits, bit i of bits[j] being the cell (y,
// x+64*j+i).
type rowSetter interface {
	SetRow(y, x int64, bits []uint64)
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
	// rs and y0, x0 are the loader's, for Run's common path, which takes
	// the rows above lim: the declared height, or with Settings.Progress
	// the next row to report at.
	rs     engine.RunSetter
	rows   rowSetter // the engine's, when rs is set and it has one
	y0, x0 int64
	lim    int64
	tree   bool       // the engine took a macrocell tree
	te     treeEngine // the engine, when it took the tree
	format string     // the file's format (SetFormat)
	// top and left are the least row and column seen (box false), from
	// which w and h count.
	top, left int64
	seen      bool
}

// Begin makes the engine when the header places the pattern's cells: a
// position on the plane places every cell, whatever the size; an RLE
// header's declared size places them while they lie inside it. An error
// that loading the pattern would meet stops the read. It implements
// [patterns.Sink].
func (st *streamer) Begin(h *patterns.Pattern) error {
	s := st.s
	if h.Format == "" {
		h.Format = st.format
	}
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
		st.rs, st.y0, st.x0 = l.rs, l.y0, l.x0
		if l.rs != nil {
			st.rows, _ = l.u.Eng.(rowSetter)
		}
		st.lim = st.h
		if s.Progress != nil {
			st.lim = 0 // report at the first row
		}
		return nil
	}
	st.gather = &patterns.Builder{}
	return nil
}

// Run places a run of cells as it is read, or gathers it. It implements
// [patterns.Sink]; its common path, a run inside the declared size on an
// engine that sets runs, is one comparison and the engine's SetRun.
func (st *streamer) Run(y, x, n int64) error {
	if st.box && st.rs != nil && y < st.lim && x+n <= st.w && y >= 0 && x >= 0 {
		st.rs.SetRun(st.y0+y, st.x0+x, n)
		return nil
	}
	return st.run(y, x, n, 1)
}

// Row places the live cells of a row as it is read: through the engine's
// SetRow when each of its runs would take Run's common path, else run by
// run through Run. It implements [patterns.RowSink].
func (st *streamer) Row(y, x int64, bits []uint64) error {
	end := x + 64*int64(len(bits)) - int64(bits2.LeadingZeros64(bits[len(bits)-1])) // past the last cell
	if st.box && st.rows != nil && y < st.lim && end <= st.w && y >= 0 && x >= 0 {
		st.rows.SetRow(st.y0+y, st.x0+x, bits)
		return nil
	}
	var rx, rn int64 // the run being gathered, which may go on into the next word
	for j, w := range bits {
		c := x + 64*int64(j)
		for w != 0 {
			a := bits2.TrailingZeros64(w)
			n := bits2.TrailingZeros64(^(w >> a)) // a+n <= 64
			if a+n == 64 {
				w = 0
			} else {
				w &^= (1<<n - 1) << a
			}
			if rn > 0 && rx+rn == c+int64(a) {
				rn += int64(n)
				continue
			}
			if rn > 0 {
				if err := st.Run(y, rx, rn); err != nil {
					return err
				}
			}
			rx, rn = c+int64(a), int64(n)
		}
	}
	if rn == 0 {
		return nil
	}
	return st.Run(y, rx, rn)
}

// StateRun places a run of cells in state s as it is read, or gathers it.
// It implements [patterns.StateSink].
func (st *streamer) StateRun(y, x, n int64, s uint8) error { return st.run(y, x, n, s) }

// run is Run's other paths, apart so that Run's common one stays small,
// and StateRun's: a row to report progress at (then the common path
// again), a run to gather, a run outside the declared size, a pattern
// without one, a run in a state above 1.
func (st *streamer) run(y, x, n int64, s uint8) error {
	if st.box && y >= st.lim && y < st.h {
		st.s.Progress(y, st.h)
		st.lim = min(st.h, y+max(st.h/100, 1))
		if s == 1 {
			return st.Run(y, x, n)
		}
	}
	add := func(b *patterns.Builder, y, x, n int64, s uint8) {
		if s == 1 {
			b.Add(y, x, n)
		} else {
			b.AddState(y, x, n, s)
		}
	}
	switch {
	case st.gather != nil:
		add(st.gather, y, x, n, s)
	case st.box && (y >= st.h || x+n > st.w || y < 0 || x < 0):
		// Outside the declared size: the placement no longer holds.
		// Gather what is on the engine back, and the rest as it comes.
		st.gather = &patterns.Builder{}
		st.box, st.rs = false, nil
		eng := st.l.u.Eng
		if b, ok := eng.Bounds(); ok {
			engine.VisitStatesOf(eng, b, func(yy, xx int64, s engine.State) {
				add(st.gather, yy-st.l.y0, xx-st.l.x0, 1, uint8(s))
			})
		}
		add(st.gather, y, x, n, s)
	default:
		if !st.box {
			// The box seen so far: a Life 1.06 file's cells may lie
			// either side of its origin.
			if !st.seen {
				st.top, st.left, st.seen = y, x, true
			}
			bottom, right := max(st.top+st.h, y+1), max(st.left+st.w, x+n)
			st.top, st.left = min(st.top, y), min(st.left, x)
			st.w, st.h = right-st.left, bottom-st.top
		}
		return st.l.addStateRun(y, x, n, s)
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
