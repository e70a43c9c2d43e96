package quadtree

// MaxLevel bounds the level of any node: far beyond what a run reaches (a
// root of level 100 is 2^100 cells wide).
const MaxLevel = 127

// node is a canonical quadtree node of a level above the leaves', or a
// leaf.
//
// An interior node names its four quadrants by index (never 0). A leaf
// keeps its cells in its four words (see [Leaf]); the level tells the two
// apart.
type node struct {
	nw, ne, sw, se uint32
	// next chains the nodes of one hash bucket; 0 ends the chain.
	next uint32
	// res memoises the result of an interior node of level k: its centre
	// 2^(k-2) generations on; 0 when not computed yet.
	res uint32
	// sres memoises the centre 2^(sexp-1) generations on, for a step
	// exponent sexp-1 < k-2; it is valid only while sexp matches. For a
	// one-generation step from an odd generation of a rule whose phases
	// alternate, sexp has its top bit set as well.
	sres  uint32
	level uint8
	sexp  uint8
}

// store holds the nodes and their hash table. Index 0 is no node. It is
// not safe for concurrent use.
type store struct {
	nodes []node
	// interior and leaves are the hash tables of the interior nodes and
	// of the leaves.
	interior, leafTab table
	// empty caches the canonical empty node of each level; 0 when not
	// looked up yet.
	empty [MaxLevel + 1]uint32

	// free heads the list of freed nodes, chained through next, which add
	// reuses first; nfree counts them. A freed node has level 0.
	free  uint32
	nfree int

	// maxNodes bounds the number of nodes while limited is set (during a
	// step): reaching it garbage collects; 0 means no bound. pins[:npins]
	// are the nodes the step in progress holds, which collection keeps: a
	// stack, at most 14 a level of the recursion ([store.pin]).
	maxNodes int
	limited  bool
	pins     [maxPins]uint32
	npins    int
	gcs      int // collections so far

	// pops caches the populations of nodes of level <= 31 (which fit in
	// a uint64), of each kind in use; noPop marks those not computed yet.
	pops [][]uint64

	// nkept is how many nodes the last garbage collection kept; marked,
	// kept and stack are its work space.
	nkept       int
	marked      []uint64
	kept, stack []uint32

	leaves    Leaves
	leafLevel uint8
	// alternates says the rule's phases differ (see [Config.Alternates]).
	alternates bool
	// parity is that of the generation the step in progress starts
	// from, when it is a one-generation step of a rule whose phases
	// alternate; 0 otherwise (longer steps start at even generations).
	parity uint
	// abort is polled during a step (see [store.poll]); a non-nil error
	// unwinds the step.
	abort func() error
	ticks uint32
}

const noPop = ^uint64(0)

// maxPins bounds the pins: 14 for each level of the recursion (the node,
// its nine middle squares and four quarters), and 2 for the roots.
const maxPins = 14*MaxLevel + 2

// pin pushes node i on the pins.
func (s *store) pin(i uint32) {
	s.pins[s.npins] = i
	s.npins++
}

// table is a hash table of nodes, chained through their next fields.
type table struct {
	heads []uint32 // the heads of the chains; len is a power of two
	n     int      // the nodes linked
}

// minBuckets is the least length of a table.
const minBuckets = 1024

// newStore returns an empty store for leaves of level leafLevel, caching
// kinds populations, of at most maxNodes nodes during a step (0: no bound).
func newStore(leaves Leaves, leafLevel uint8, alternates bool, kinds, maxNodes int) *store {
	s := &store{leaves: leaves, leafLevel: leafLevel, alternates: alternates, maxNodes: maxNodes}
	s.pops = make([][]uint64, kinds)
	s.nodes = make([]node, 1, 1024)
	s.interior.heads = make([]uint32, minBuckets)
	s.leafTab.heads = make([]uint32, minBuckets)
	return s
}

// hash4 mixes a node's four words into a hash.
func hash4(nw, ne, sw, se uint32) uint64 {
	h := uint64(nw)*0x9E3779B97F4A7C15 + uint64(ne)*0xC2B2AE3D27D4EB4F +
		uint64(sw)*0x165667B19E3779F9 + uint64(se)*0x27D4EB2F165667C5
	return h ^ h>>31
}

// find returns the canonical interior node of level level with quadrants
// nw, ne, sw, se (of level-1), creating it when it does not exist yet.
// Interior nodes and leaves hash into tables of their own, so that a
// leaf's cells never pass for an interior node's quadrants.
func (s *store) find(nw, ne, sw, se uint32, level uint8) uint32 {
	h := hash4(nw, ne, sw, se)
	for i := s.interior.heads[h&uint64(len(s.interior.heads)-1)]; i != 0; {
		n := &s.nodes[i]
		if n.nw == nw && n.ne == ne && n.sw == sw && n.se == se {
			return i
		}
		i = n.next
	}
	return s.add(node{nw: nw, ne: ne, sw: sw, se: se, level: level}, h, &s.interior)
}

// leaf returns the canonical leaf with cells l.
func (s *store) leaf(l Leaf) uint32 {
	nw, ne, sw, se := uint32(l.Lo), uint32(l.Lo>>32), uint32(l.Hi), uint32(l.Hi>>32)
	h := hash4(nw, ne, sw, se)
	for i := s.leafTab.heads[h&uint64(len(s.leafTab.heads)-1)]; i != 0; {
		n := &s.nodes[i]
		if n.nw == nw && n.ne == ne && n.sw == sw && n.se == se {
			return i
		}
		i = n.next
	}
	return s.add(node{nw: nw, ne: ne, sw: sw, se: se, level: s.leafLevel}, h, &s.leafTab)
}

// leafOf returns the cells of leaf i.
func (s *store) leafOf(i uint32) Leaf {
	n := &s.nodes[i]
	return Leaf{uint64(n.nw) | uint64(n.ne)<<32, uint64(n.sw) | uint64(n.se)<<32}
}

// errFull unwinds a step when the node cache is full.
type errFull struct{}

func (errFull) Error() string { return "quadtree: node cache full" }

// add stores n, whose hash is h, and links it into t (s.interior, or
// s.leafTab for a leaf). During a step (limited), a full cache is garbage
// collected first; when that frees too little, add unwinds the step with
// errFull.
func (s *store) add(n node, h uint64, t *table) uint32 {
	if s.free == 0 && s.limited && s.maxNodes > 0 && len(s.nodes) > s.maxNodes {
		s.gc()
		if s.nfree < s.maxNodes/16 {
			panic(errFull{})
		}
	}
	var i uint32
	if s.free != 0 {
		i = s.free
		s.free = s.nodes[i].next
		s.nfree--
		s.nodes[i] = n
	} else {
		if len(s.nodes) == cap(s.nodes) {
			s.grow()
		}
		i = uint32(len(s.nodes))
		s.nodes = append(s.nodes, n)
	}
	b := &t.heads[h&uint64(len(t.heads)-1)]
	s.nodes[i].next = *b
	*b = i
	if t.n++; 2*t.n > len(t.heads) {
		s.rehash(t, 2*len(t.heads))
	}
	return i
}

// live returns the number of nodes in use.
func (s *store) live() int { return len(s.nodes) - 1 - s.nfree }

// grow doubles the capacity of the node slice, staying within maxNodes
// (plus one for index 0) when there is a limit.
func (s *store) grow() {
	c := 2 * cap(s.nodes)
	if s.maxNodes > 0 && c > s.maxNodes+1 && cap(s.nodes) < s.maxNodes+1 {
		c = s.maxNodes + 1
	}
	nodes := make([]node, len(s.nodes), c)
	copy(nodes, s.nodes)
	s.nodes = nodes
}

// rehash rebuilds table t with size buckets (a power of two). The
// interior nodes' table is rebuilt from a scan of the nodes, in order; the
// leaves' walking its chains, which costs what the leaves cost, however
// many interior nodes there are.
func (s *store) rehash(t *table, size int) {
	heads := make([]uint32, size)
	mask := uint64(size - 1)
	if t == &s.leafTab {
		for _, i := range t.heads {
			for i != 0 {
				n := &s.nodes[i]
				next := n.next
				b := &heads[hash4(n.nw, n.ne, n.sw, n.se)&mask]
				n.next = *b
				*b = i
				i = next
			}
		}
	} else {
		for i := 1; i < len(s.nodes); i++ {
			n := &s.nodes[i]
			if n.level <= s.leafLevel {
				continue // free, or a leaf
			}
			b := &heads[hash4(n.nw, n.ne, n.sw, n.se)&mask]
			n.next = *b
			*b = uint32(i)
		}
	}
	t.heads = heads
}

// emptyNode returns the canonical empty node of level k >= the leaves'.
func (s *store) emptyNode(k uint8) uint32 {
	if e := s.empty[k]; e != 0 {
		return e
	}
	var e uint32
	if k == s.leafLevel {
		e = s.leaf(Leaf{})
	} else {
		c := s.emptyNode(k - 1)
		e = s.find(c, c, c, c, k)
	}
	s.empty[k] = e
	return e
}

// isEmpty reports whether node i has no cell in a state but 0.
func (s *store) isEmpty(i uint32) bool {
	return i == s.emptyNode(s.nodes[i].level)
}

// pop returns the number of cells of node i, of level <= 31, of the given
// kind.
func (s *store) pop(i uint32, kind Kind) uint64 {
	if int(kind) >= len(s.pops) {
		kind = Occupied // one population for two states
	}
	pops := s.pops[kind]
	if int(i) < len(pops) {
		if p := pops[i]; p != noPop {
			return p
		}
	} else {
		n := len(pops)
		pops = append(pops, make([]uint64, len(s.nodes)-n)...)
		for j := n; j < len(pops); j++ {
			pops[j] = noPop
		}
		s.pops[kind] = pops
	}
	n := s.nodes[i]
	var p uint64
	if n.level == s.leafLevel {
		side := 1 << s.leafLevel
		p = s.leaves.Count(s.leafOf(i), kind, side, side)
	} else {
		p = s.pop(n.nw, kind) + s.pop(n.ne, kind) + s.pop(n.sw, kind) + s.pop(n.se, kind)
	}
	s.pops[kind][i] = p
	return p
}

// poll calls abort every few thousand calls, and unwinds the step with
// its error when it returns one.
func (s *store) poll() {
	s.ticks++
	if s.ticks&0x3ff == 0 && s.abort != nil {
		if err := s.abort(); err != nil {
			panic(err)
		}
	}
}
