package hashlife

// SetRun makes n cells alive in row y from column x rightwards. Runs are
// gathered and built into the tree bottom-up, all at once, before the
// engine next needs its cells: loading a pattern run by run costs about
// what its leaves cost, not a path from the root per cell. Cells beyond
// ±2^61 are out of reach and left alone.
func (e *Engine) SetRun(y, x, n int64) {
	if n > 0 {
		e.pending = append(e.pending, run{y, x, n})
	}
}

// flush builds the pending runs into the tree.
func (e *Engine) flush() {
	if len(e.pending) == 0 {
		return
	}
	runs := e.pending
	e.pending = nil
	const lim = int64(1) << (viewLevel - 1)
	type key struct{ y, x int64 }
	leaves := make(map[key]uint64)
	for _, r := range runs {
		if r.y < -lim || r.y >= lim {
			continue
		}
		x, end := max(r.x, -lim), min(r.x+r.n, lim)
		for x < end {
			// The cells from x to the end of its leaf, or of the run.
			lx := x &^ 7
			stop := min(end, lx+8)
			c0, c1 := x-lx, stop-lx // columns [c0, c1) of the leaf
			row := uint64(0xff>>c0) &^ uint64(0xff>>c1)
			leaves[key{r.y >> 3, x >> 3}] |= row << (8 * (r.y & 7))
			x = stop
		}
	}
	if len(leaves) == 0 {
		return
	}
	s := e.s
	// Build level by level: keys at level k name squares [key*2^k,
	// (key+1)*2^k); they shrink towards {-1, 0}, the quadrants of a root
	// centred on the origin.
	cur := make(map[key]uint32, len(leaves))
	for k, b := range leaves {
		cur[k] = s.leaf(b)
	}
	level := uint8(leafLevel)
	for {
		done := true
		for k := range cur {
			if k.y < -1 || k.y > 0 || k.x < -1 || k.x > 0 {
				done = false
				break
			}
		}
		e0 := s.emptyNode(level)
		if done {
			get := func(y, x int64) uint32 {
				if i, ok := cur[key{y, x}]; ok {
					return i
				}
				return e0
			}
			e.setRoot(s.union(e.root, s.find(get(-1, -1), get(-1, 0), get(0, -1), get(0, 0), level+1)))
			s.tidy(e.root)
			return
		}
		quads := make(map[key]*[4]uint32, len(cur)/2)
		for k, i := range cur {
			p := key{k.y >> 1, k.x >> 1}
			q := quads[p]
			if q == nil {
				q = &[4]uint32{e0, e0, e0, e0}
				quads[p] = q
			}
			q[(k.y&1)*2+k.x&1] = i
		}
		level++
		cur = make(map[key]uint32, len(quads))
		for k, q := range quads {
			cur[k] = s.find(q[0], q[1], q[2], q[3], level)
		}
	}
}

// union returns the node holding the live cells of both a and b, two roots
// centred on the origin, of any levels.
func (s *store) union(a, b uint32) uint32 {
	for s.nodes[a].level < s.nodes[b].level {
		a = s.expand(a)
	}
	for s.nodes[b].level < s.nodes[a].level {
		b = s.expand(b)
	}
	return s.merge(a, b)
}

// merge returns the node holding the live cells of a and b, of one level.
func (s *store) merge(a, b uint32) uint32 {
	switch {
	case a == b || s.isEmpty(b):
		return a
	case s.isEmpty(a):
		return b
	}
	na, nb := s.nodes[a], s.nodes[b]
	if na.level == leafLevel {
		return s.leaf(s.leafBits(a) | s.leafBits(b))
	}
	return s.find(s.merge(na.nw, nb.nw), s.merge(na.ne, nb.ne), s.merge(na.sw, nb.sw), s.merge(na.se, nb.se), na.level)
}
