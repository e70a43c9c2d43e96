package hashlife

import "math/bits"

// leafLevel is the level of the leaves: 8 x 8 cells in a uint64.
const leafLevel = 3

// maxLevel bounds the level of any node: far beyond what a run reaches
// (a root of level 100 is 2^100 cells wide).
const maxLevel = 127

// node is a canonical quadtree node of level >= 4, or a leaf of level 3.
//
// An interior node names its four quadrants by index. A leaf keeps its 64
// cells in nw (rows 0-3) and ne (rows 4-7), see [leafBits]; its sw and se
// are 0, which no interior node has, so leaves and interior nodes never
// compare equal.
type node struct {
	nw, ne, sw, se uint32
	// next chains the nodes of one hash bucket; 0 ends the chain.
	next uint32
	// res memoises the result of a node of level k >= 4: its centre
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

// store holds the nodes and their hash table. Index 0 is no node.
type store struct {
	nodes   []node
	buckets []uint32 // heads of the hash chains; len is a power of two
	// empty caches the canonical empty node of each level; 0 when not
	// looked up yet.
	empty [maxLevel + 1]uint32

	// free heads the list of freed nodes, chained through next, which add
	// reuses first; nfree counts them. A freed node has level 0.
	free  uint32
	nfree int

	// maxNodes bounds the number of nodes while limited is set (during a
	// step): reaching it garbage collects; 0 means no bound. pins are the
	// nodes the step in progress holds, which collection keeps.
	maxNodes int
	limited  bool
	pins     []uint32
	gcs      int // collections so far

	// pops caches the populations of nodes of level <= 31 (which fit in
	// a uint64); noPop marks those not computed yet.
	pops []uint64

	// nkept is how many nodes the last garbage collection kept; marked,
	// kept and stack are its work space.
	nkept       int
	marked      []uint64
	kept, stack []uint32

	rule ruleTable
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

// newStore returns an empty store for rule t.
func newStore(t ruleTable, maxNodes int) *store {
	s := &store{rule: t, maxNodes: maxNodes}
	s.nodes = make([]node, 1, 1024)
	s.buckets = make([]uint32, 1024)
	return s
}

// hash4 mixes a node's four fields into a hash.
func hash4(nw, ne, sw, se uint32) uint64 {
	h := uint64(nw)*0x9E3779B97F4A7C15 + uint64(ne)*0xC2B2AE3D27D4EB4F +
		uint64(sw)*0x165667B19E3779F9 + uint64(se)*0x27D4EB2F165667C5
	return h ^ h>>31
}

// find returns the canonical node with quadrants nw, ne, sw, se of level
// level-1, creating it when it does not exist yet.
func (s *store) find(nw, ne, sw, se uint32, level uint8) uint32 {
	h := hash4(nw, ne, sw, se)
	for i := s.buckets[h&uint64(len(s.buckets)-1)]; i != 0; {
		n := &s.nodes[i]
		if n.nw == nw && n.ne == ne && n.sw == sw && n.se == se {
			return i
		}
		i = n.next
	}
	return s.add(node{nw: nw, ne: ne, sw: sw, se: se, level: level}, h)
}

// leaf returns the canonical leaf with cells b (see [leafBits]).
func (s *store) leaf(b uint64) uint32 {
	return s.find(uint32(b), uint32(b>>32), 0, 0, leafLevel)
}

// leafBits returns the cells of leaf i: row r (0 at the top) is byte r, and
// column c (0 at the left) of a row is bit 7-c of its byte.
func (s *store) leafBits(i uint32) uint64 {
	n := &s.nodes[i]
	return uint64(n.nw) | uint64(n.ne)<<32
}

// errFull unwinds a step when the node cache is full.
type errFull struct{}

func (errFull) Error() string { return "hashlife: node cache full" }

// add stores n, whose hash is h, and links it into the table. During a
// step (limited), a full cache is garbage collected first; when that frees
// too little, add unwinds the step with errFull.
func (s *store) add(n node, h uint64) uint32 {
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
	b := &s.buckets[h&uint64(len(s.buckets)-1)]
	s.nodes[i].next = *b
	*b = i
	if 2*s.live() > len(s.buckets) {
		s.rehash(2 * len(s.buckets))
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

// rehash rebuilds the hash table with size buckets (a power of two).
func (s *store) rehash(size int) {
	if cap(s.buckets) >= size {
		s.buckets = s.buckets[:size]
		clear(s.buckets)
	} else {
		s.buckets = make([]uint32, size)
	}
	mask := uint64(size - 1)
	for i := 1; i < len(s.nodes); i++ {
		n := &s.nodes[i]
		if n.level == 0 {
			continue // free
		}
		b := &s.buckets[hash4(n.nw, n.ne, n.sw, n.se)&mask]
		n.next = *b
		*b = uint32(i)
	}
}

// emptyNode returns the canonical empty node of level k >= 3.
func (s *store) emptyNode(k uint8) uint32 {
	if e := s.empty[k]; e != 0 {
		return e
	}
	var e uint32
	if k == leafLevel {
		e = s.leaf(0)
	} else {
		c := s.emptyNode(k - 1)
		e = s.find(c, c, c, c, k)
	}
	s.empty[k] = e
	return e
}

// isEmpty reports whether node i has no live cell.
func (s *store) isEmpty(i uint32) bool {
	return i == s.emptyNode(s.nodes[i].level)
}

// pop returns the population of node i, of level <= 31.
func (s *store) pop(i uint32) uint64 {
	if int(i) < len(s.pops) {
		if p := s.pops[i]; p != noPop {
			return p
		}
	} else {
		n := len(s.pops)
		s.pops = append(s.pops, make([]uint64, len(s.nodes)-n)...)
		for j := n; j < len(s.pops); j++ {
			s.pops[j] = noPop
		}
	}
	n := s.nodes[i]
	var p uint64
	if n.level == leafLevel {
		p = uint64(bits.OnesCount32(n.nw) + bits.OnesCount32(n.ne))
	} else {
		p = s.pop(n.nw) + s.pop(n.ne) + s.pop(n.sw) + s.pop(n.se)
	}
	s.pops[i] = p
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
