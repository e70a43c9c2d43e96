package quadtree

// result returns the centre of node i, of level k above the leaves',
// advanced 2^min(j, k-2) generations: a node of level k-1. Results are
// memoised in the node: the full step, 2^(k-2), in res, and a smaller one
// in sres.
func (s *store) result(i uint32, j uint) uint32 {
	n := s.at(i)
	k := uint(n.level)
	if j >= k-2 {
		if n.res != 0 {
			return n.res
		}
		r := s.compute(i, k, k-2)
		s.at(i).res = r
		return r
	}
	// A one-generation step of a rule whose phases alternate depends on
	// the parity it starts from, which sexp then records too.
	key := uint8(j + 1)
	if j == 0 {
		key |= uint8(s.parity) << 7
	}
	if n.sexp == key {
		return n.sres
	}
	r := s.compute(i, k, j)
	n = s.at(i)
	n.sres, n.sexp = r, key
	return r
}

// memo returns node i's memoised full step, when a step of 2^j asks for
// it (j >= k-2), or 0: the look-up of [store.result] that most calls find
// done, small enough to be inlined into [store.compute], which calls
// result only when it returns 0.
func (s *store) memo(i uint32, j uint) uint32 {
	n := s.at(i)
	if j+2 >= uint(n.level) {
		return n.res
	}
	return 0
}

// compute works out what [store.result] memoises: the centre of node i, of
// level k, 2^j generations on, j <= k-2.
func (s *store) compute(i uint32, k, j uint) uint32 {
	n := *s.at(i)
	if k == uint(s.leafLevel)+1 {
		s.poll()
		parity := uint(0)
		if j == 0 {
			parity = s.parity
		}
		l := s.leaves.Step(s.leafOf(n.nw), s.leafOf(n.ne), s.leafOf(n.sw), s.leafOf(n.se), 1<<j, parity)
		// Pin i: a collection in leaf's add must not free it, for
		// result stores the answer in it.
		s.pin(i)
		r := s.leaf(l)
		s.npins--
		return r
	}
	// Pin i and the squares computed below: a garbage collection in the
	// middle keeps them (and what they reach).
	base := s.npins
	s.pin(i)
	// The 4 x 4 grandchildren, g[row][col], of level k-2.
	nw, ne, sw, se := *s.at(n.nw), *s.at(n.ne), *s.at(n.sw), *s.at(n.se)
	g := [4][4]uint32{
		{nw.nw, nw.ne, ne.nw, ne.ne},
		{nw.sw, nw.se, ne.sw, ne.se},
		{sw.nw, sw.ne, se.nw, se.ne},
		{sw.sw, sw.se, se.sw, se.se},
	}
	lk := uint8(k)
	// r holds the nine overlapping squares of level k-2 at the middle
	// time: advanced 2^(k-3) generations for the full step, not at all
	// for a smaller one.
	var r [3][3]uint32
	sub := j // the step of the second half
	if j == k-2 {
		sub = k - 3
		// The corner squares are i's quadrants; the others are made
		// of grandchildren.
		corners := [3][3]uint32{{n.nw, 0, n.ne}, {}, {n.sw, 0, n.se}}
		for y := range 3 {
			for x := range 3 {
				m := corners[y][x]
				if m == 0 {
					m = s.find(g[y][x], g[y][x+1], g[y+1][x], g[y+1][x+1], lk-1)
				}
				if r[y][x] = s.memo(m, sub); r[y][x] == 0 {
					r[y][x] = s.result(m, sub)
				}
				s.pin(r[y][x])
			}
		}
	} else {
		for y := range 3 {
			for x := range 3 {
				r[y][x] = s.centre4(g[y][x], g[y][x+1], g[y+1][x], g[y+1][x+1], lk-2)
				s.pin(r[y][x])
			}
		}
	}
	q00 := s.quarter(r[0][0], r[0][1], r[1][0], r[1][1], lk-1, sub)
	s.pin(q00)
	q01 := s.quarter(r[0][1], r[0][2], r[1][1], r[1][2], lk-1, sub)
	s.pin(q01)
	q10 := s.quarter(r[1][0], r[1][1], r[2][0], r[2][1], lk-1, sub)
	s.pin(q10)
	q11 := s.quarter(r[1][1], r[1][2], r[2][1], r[2][2], lk-1, sub)
	s.pin(q11)
	res := s.find(q00, q01, q10, q11, lk-1)
	s.npins = base
	return res
}

// quarter returns the result, a step of 2^j, of the node of level k with
// quadrants nw, ne, sw, se: one of the four quarters of the second half
// of [store.compute].
func (s *store) quarter(nw, ne, sw, se uint32, k uint8, j uint) uint32 {
	m := s.find(nw, ne, sw, se, k)
	if r := s.memo(m, j); r != 0 {
		return r
	}
	return s.result(m, j)
}

// centre4 returns the central node of level k of the square made of nodes
// nw, ne, sw, se of level k: the se quadrant of nw, the sw of ne, and so
// on.
func (s *store) centre4(nw, ne, sw, se uint32, k uint8) uint32 {
	if k == s.leafLevel {
		return s.leaf(s.leaves.Centre(s.leafOf(nw), s.leafOf(ne), s.leafOf(sw), s.leafOf(se)))
	}
	return s.find(s.at(nw).se, s.at(ne).sw, s.at(sw).ne, s.at(se).nw, k)
}

// centre returns the central node, of level k-1, of node i of level k
// at least two above the leaves'.
func (s *store) centre(i uint32) uint32 {
	n := *s.at(i)
	return s.find(s.at(n.nw).se, s.at(n.ne).sw, s.at(n.sw).ne, s.at(n.se).nw, n.level-1)
}

// expand returns node i, of level k above the leaves', centred in a node
// of level k+1.
func (s *store) expand(i uint32) uint32 {
	n := *s.at(i)
	e := s.emptyNode(n.level - 1)
	k := n.level
	return s.find(
		s.find(e, e, e, n.nw, k),
		s.find(e, e, n.ne, e, k),
		s.find(e, n.sw, e, e, k),
		s.find(n.se, e, e, e, k),
		k+1)
}

// inner reports whether every cell of node i, of level k above the
// leaves', not in state 0 lies in its central square of level k-1. It is
// false for the level just above the leaves'.
func (s *store) inner(i uint32) bool {
	n := *s.at(i)
	if n.level <= s.leafLevel+1 {
		return false
	}
	e := s.emptyNode(n.level - 2)
	nw, ne, sw, se := *s.at(n.nw), *s.at(n.ne), *s.at(n.sw), *s.at(n.se)
	return nw.nw == e && nw.ne == e && nw.sw == e &&
		ne.nw == e && ne.ne == e && ne.se == e &&
		sw.nw == e && sw.sw == e && sw.se == e &&
		se.ne == e && se.sw == e && se.se == e
}
