package ghash

import "math/bits"

// leafLevel is the level of the leaves: 4 x 4 cells, a byte each.
const leafLevel = 2

// maxLevel bounds the level of any node.
const maxLevel = 127

// leaf holds the cells of a leaf: row r (0 at the top) in word r, column c
// (0 at the left) of a row in its byte c (bits 8c to 8c+7).
type leaf [4]uint32

// node is a canonical quadtree node of level >= 3, or a leaf of level 2.
//
// An interior node names its four quadrants by index (never 0). A leaf
// keeps its rows in nw, ne, sw and se (see [leaf]); the level tells them
// apart.
type node struct {
	nw, ne, sw, se uint32
	// next chains the nodes of one hash bucket; 0 ends the chain.
	next uint32
	// res memoises the result of a node of level k >= 3: its centre
	// 2^(k-2) generations on; 0 when not computed yet.
	res uint32
	// sres memoises the centre 2^(sexp-1) generations on, for a step
	// exponent sexp-1 < k-2; it is valid only while sexp matches.
	sres  uint32
	level uint8
	sexp  uint8
}

// store holds the nodes and their hash table. Index 0 is no node.
type store struct {
	nodes   []node
	buckets []uint32 // heads of the hash chains; len is a power of two
	// empty caches the canonical empty node of each level.
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
	gcs      int

	// pops caches the populations of nodes of level <= 31: pops[0] of
	// the cells in any state but 0, pops[1] of the cells in state 1;
	// noPop marks those not computed yet.
	pops [2][]uint64

	nkept       int
	marked      []uint64
	kept, stack []uint32

	rule *rule
	// abort is polled during a step; a non-nil error unwinds the step.
	abort func() error
	ticks uint32
}

const noPop = ^uint64(0)

func newStore(r *rule, maxNodes int) *store {
	s := &store{rule: r, maxNodes: maxNodes}
	s.nodes = make([]node, 1, 1024)
	s.buckets = make([]uint32, 1024)
	return s
}

// hash4 mixes a node's four fields and level into a hash.
func hash4(nw, ne, sw, se uint32, level uint8) uint64 {
	h := uint64(nw)*0x9E3779B97F4A7C15 + uint64(ne)*0xC2B2AE3D27D4EB4F +
		uint64(sw)*0x165667B19E3779F9 + uint64(se)*0x27D4EB2F165667C5 + uint64(level)
	return h ^ h>>31
}

// find returns the canonical node of level level with fields nw, ne, sw,
// se (quadrants of level-1, or a leaf's rows), creating it when it does
// not exist yet.
func (s *store) find(nw, ne, sw, se uint32, level uint8) uint32 {
	h := hash4(nw, ne, sw, se, level)
	for i := s.buckets[h&uint64(len(s.buckets)-1)]; i != 0; {
		n := &s.nodes[i]
		if n.nw == nw && n.ne == ne && n.sw == sw && n.se == se && n.level == level {
			return i
		}
		i = n.next
	}
	return s.add(node{nw: nw, ne: ne, sw: sw, se: se, level: level}, h)
}

// leaf returns the canonical leaf with cells l.
func (s *store) leaf(l leaf) uint32 { return s.find(l[0], l[1], l[2], l[3], leafLevel) }

// leafOf returns the cells of leaf i.
func (s *store) leafOf(i uint32) leaf {
	n := &s.nodes[i]
	return leaf{n.nw, n.ne, n.sw, n.se}
}

// errFull unwinds a step when the node cache is full.
type errFull struct{}

func (errFull) Error() string { return "ghash: node cache full" }

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
		b := &s.buckets[hash4(n.nw, n.ne, n.sw, n.se, n.level)&mask]
		n.next = *b
		*b = uint32(i)
	}
}

// emptyNode returns the canonical empty node of level k >= 2.
func (s *store) emptyNode(k uint8) uint32 {
	if e := s.empty[k]; e != 0 {
		return e
	}
	var e uint32
	if k == leafLevel {
		e = s.leaf(leaf{})
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

// nonZero returns a byte mask of the bytes of v that are not 0: bit 8c
// set for byte c.
func nonZero(v uint32) uint32 {
	v |= v >> 4
	v |= v >> 2
	v |= v >> 1
	return v & 0x01010101
}

// ones returns a byte mask of the bytes of v that are 1.
func ones(v uint32) uint32 { return ^nonZero(v^0x01010101) & 0x01010101 }

// leafPop returns the number of cells of leaf l not in state 0 (which
// 0), or in state 1 (which 1).
func leafPop(l leaf, which int) int {
	n := 0
	for _, v := range l {
		if which == 0 {
			n += bits.OnesCount32(nonZero(v))
		} else {
			n += bits.OnesCount32(ones(v))
		}
	}
	return n
}

// pop returns the number of cells of node i, of level <= 31, not in state
// 0 (which 0) or in state 1 (which 1).
func (s *store) pop(i uint32, which int) uint64 {
	pops := s.pops[which]
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
		s.pops[which] = pops
	}
	n := s.nodes[i]
	var p uint64
	if n.level == leafLevel {
		p = uint64(leafPop(s.leafOf(i), which))
	} else {
		p = s.pop(n.nw, which) + s.pop(n.ne, which) + s.pop(n.sw, which) + s.pop(n.se, which)
	}
	s.pops[which][i] = p
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
