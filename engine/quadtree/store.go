package quadtree

import "math/bits"

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
	// next chains the freed nodes of a level ([store.free]); 0 ends the
	// chain.
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

// store holds the nodes and their hash tables. Index 0 is no node. It is
// not safe for concurrent use.
type store struct {
	// pages hold the nodes, node i at pages[i>>pageBits][i&pageMask]
	// ([store.at]): storage that never moves, so that growing copies
	// nothing and holds no old copy while the new one fills, and that
	// Go's heap takes in pieces; size is the number of slots, in pages
	// or not yet.
	pages []*[pageSize]node
	size  int
	// tables holds a hash table for each level: the nodes of the low
	// levels, which most look-ups ask for, then share a small table
	// that stays in the processor's caches, and a leaf's cells never pass
	// for an interior node's quadrants.
	tables [256]table // indexed by level
	// empty caches the canonical empty node of each level; 0 when not
	// looked up yet.
	empty [MaxLevel + 1]uint32

	// Nodes are handed out by level from blocks of 1<<blockBits
	// consecutive slots, each block holding the nodes of one level (its
	// blockLevel), so that the nodes of a level, and above all those of
	// the low levels that most look-ups ask for, share cache lines and
	// pages. fresh[k] is the next slot never used of level k's newest
	// block, 0 when that block is used up; unused counts such slots of
	// every level.
	blockBits  uint
	blockLevel []uint8
	fresh      [MaxLevel + 1]uint32
	unused     int

	// free[k] heads the list of freed slots of level k's blocks, chained
	// through next, which [store.slot] reuses first; nfree counts them, and bit k
	// of freeLevels says free[k] is not 0. A freed node has level 0.
	free       [MaxLevel + 1]uint32
	freeLevels [2]uint64
	nfree      int

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
	// a uint64), of each kind in use, plus one (0: not computed yet), in
	// pages like the nodes', allocated when a node of the page is first
	// asked for: a run that asks for the population of its last root
	// only allocates few.
	pops [][]*[pageSize]uint64

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

// maxPins bounds the pins: 14 for each level of the recursion (the node,
// its nine middle squares and four quarters), and 2 for the roots.
const maxPins = 14*MaxLevel + 2

// pin pushes node i on the pins.
func (s *store) pin(i uint32) {
	s.pins[s.npins] = i
	s.npins++
}

// table is the hash table of the nodes of one level, open addressed:
// each slot holds a node's index in its low half and its tag in its high
// half: the high half of the node's hash with its top bit set (so that no
// tag is 0); 0 is an empty slot. A look-up
// probes the slots from the tag's bucket on, and reads a node only when
// its tag matches, so that it touches one cache line of the table, and the
// node only when it is the one sought. The length is a power of two, at
// most 2^31, and the table at most three quarters full. Nodes leave a
// table only in a garbage collection, which rebuilds it.
type table struct {
	slots []uint64
	n     int // the nodes in the table
}

// tagOf returns the tag of a node whose hash is h.
func tagOf(h uint64) uint64 { return h>>32 | 1<<31 }

// insert puts the slot word e, of a node not in t yet, in t, which has
// room for it.
func (t *table) insert(e uint64) {
	mask := uint64(len(t.slots) - 1)
	b := e >> 32 & mask
	for t.slots[b] != 0 {
		b = (b + 1) & mask
	}
	t.slots[b] = e
}

// A page holds pageSize nodes (128 KiB): an index is a page number and a
// place in the page.
const (
	pageBits = 12
	pageSize = 1 << pageBits
	pageMask = pageSize - 1
)

// at returns node i.
func (s *store) at(i uint32) *node { return &s.pages[i>>pageBits][i&pageMask] }

// Blocks hold 1<<maxBlockBits nodes (8 KiB), or fewer, down to
// 1<<minBlockBits, when a memory limit allows fewer than 1024 blocks: the
// blocks of levels not full yet then waste at most a few per cent of the
// limit.
const (
	maxBlockBits = 8
	minBlockBits = 3
)

// minSlots is the least length of a table.
const minSlots = 64

// noSlots is the slots of a table that has held no node yet: one empty
// slot, which no one writes ([store.add] replaces it).
var noSlots = make([]uint64, 1)

// newStore returns an empty store for leaves of level leafLevel, caching
// kinds populations, of at most maxNodes nodes during a step (0: no bound).
func newStore(leaves Leaves, leafLevel uint8, alternates bool, kinds, maxNodes int) *store {
	s := &store{leaves: leaves, leafLevel: leafLevel, alternates: alternates, maxNodes: maxNodes}
	s.pops = make([][]*[pageSize]uint64, kinds)
	s.blockBits = maxBlockBits
	for s.blockBits > minBlockBits && maxNodes > 0 && maxNodes < 1024<<s.blockBits {
		s.blockBits--
	}
	for k := range s.tables {
		s.tables[k].slots = noSlots
	}
	return s
}

// hash4 mixes a node's four words into a hash.
func hash4(nw, ne, sw, se uint32) uint64 {
	h := uint64(nw)*0x9E3779B97F4A7C15 + uint64(ne)*0xC2B2AE3D27D4EB4F +
		uint64(sw)*0x165667B19E3779F9 + uint64(se)*0x27D4EB2F165667C5
	return h ^ h>>31
}

// find returns the canonical node of level level with words nw, ne, sw,
// se (the quadrants, of level-1, of an interior node; a leaf's cells),
// creating it when it does not exist yet.
func (s *store) find(nw, ne, sw, se uint32, level uint8) uint32 {
	h := hash4(nw, ne, sw, se)
	t := &s.tables[level]
	slots := t.slots
	mask := uint64(len(slots) - 1)
	tag := tagOf(h)
	for b := tag & mask; ; b = (b + 1) & mask {
		e := slots[b]
		if e>>32 == tag {
			if n := s.at(uint32(e)); n.nw == nw && n.ne == ne && n.sw == sw && n.se == se {
				return uint32(e)
			}
		} else if e == 0 {
			return s.add(node{nw: nw, ne: ne, sw: sw, se: se, level: level}, tag, t, b)
		}
	}
}

// leaf returns the canonical leaf with cells l.
func (s *store) leaf(l Leaf) uint32 {
	return s.find(uint32(l.Lo), uint32(l.Lo>>32), uint32(l.Hi), uint32(l.Hi>>32), s.leafLevel)
}

// leafOf returns the cells of leaf i.
func (s *store) leafOf(i uint32) Leaf {
	n := s.at(i)
	return Leaf{uint64(n.nw) | uint64(n.ne)<<32, uint64(n.sw) | uint64(n.se)<<32}
}

// errFull unwinds a step when the node cache is full.
type errFull struct{}

func (errFull) Error() string { return "quadtree: node cache full" }

// add stores n, whose tag is tag, and puts it in t, its level's table, at
// the empty slot b. During a step (limited), a full cache is garbage
// collected first; when that frees too little, add unwinds the step with
// errFull.
func (s *store) add(n node, tag uint64, t *table, b uint64) uint32 {
	tag <<= 32
	gcs := s.gcs
	i := s.slot(n.level)
	*s.at(i) = n
	if len(t.slots) == 1 || s.gcs != gcs {
		// The table is noSlots, or the collection rebuilt it: b is
		// stale.
		if len(t.slots) == 1 {
			t.slots = make([]uint64, minSlots)
		}
		t.insert(tag | uint64(i))
	} else {
		t.slots[b] = tag | uint64(i)
	}
	if t.n++; 4*t.n > 3*len(t.slots) {
		s.rehash(t, 2*len(t.slots))
	}
	return i
}

// slot returns a slot for a new node of level k: a freed one of k's
// blocks, or the next one of k's newest block, or one of a new block. When
// the limit allows no new block during a step, a freed slot of another
// level's, or one that a garbage collection frees (see [store.add]).
func (s *store) slot(k uint8) uint32 {
	if i := s.free[k]; i != 0 {
		s.free[k] = s.at(i).next
		if s.free[k] == 0 {
			s.freeLevels[k/64] &^= 1 << (k % 64)
		}
		s.nfree--
		return i
	}
	if i := s.fresh[k]; i != 0 {
		s.fresh[k] = i + 1
		if s.fresh[k]&(1<<s.blockBits-1) == 0 {
			s.fresh[k] = 0
		}
		s.unused--
		return i
	}
	if s.limited && s.maxNodes > 0 && s.size+1<<s.blockBits > s.maxNodes+1 {
		if s.nfree == 0 {
			s.gc()
			if s.nfree < s.maxNodes/16 {
				panic(errFull{})
			}
		}
		if s.free[k] == 0 {
			w := 0
			if s.freeLevels[0] == 0 {
				w = 1
			}
			k = uint8(64*w + bits.TrailingZeros64(s.freeLevels[w]))
		}
		return s.slot(k)
	}
	// A new block, the slots of which are zero (never used).
	start := s.size
	s.size += 1 << s.blockBits
	if s.size > len(s.pages)*pageSize {
		s.pages = append(s.pages, new([pageSize]node))
	}
	s.blockLevel = append(s.blockLevel, k)
	i := uint32(start)
	if i == 0 {
		i = 1 // index 0 is no node
	}
	s.fresh[k] = i + 1
	s.unused += s.size - int(i) - 1
	return i
}

// live returns the number of nodes in use.
func (s *store) live() int { return s.size - 1 - s.nfree - s.unused }

// rehash rebuilds table t with size slots (a power of two, at most
// 2^31) from its slot words alone: it reads no node.
func (s *store) rehash(t *table, size int) {
	old := t.slots
	t.slots = make([]uint64, size)
	for _, e := range old {
		if e != 0 {
			t.insert(e)
		}
	}
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
	return i == s.emptyNode(s.at(i).level)
}

// pop returns the number of cells of node i, of level <= 31, of the given
// kind.
func (s *store) pop(i uint32, kind Kind) uint64 {
	if int(kind) >= len(s.pops) {
		kind = Occupied // one population for two states
	}
	pg := int(i >> pageBits)
	if pg >= len(s.pops[kind]) {
		s.pops[kind] = append(s.pops[kind], make([]*[pageSize]uint64, len(s.pages)-len(s.pops[kind]))...)
	}
	pops := s.pops[kind][pg]
	if pops == nil {
		pops = new([pageSize]uint64)
		s.pops[kind][pg] = pops
	} else if p := pops[i&pageMask]; p != 0 {
		return p - 1
	}
	n := *s.at(i)
	var p uint64
	if n.level == s.leafLevel {
		side := 1 << s.leafLevel
		p = s.leaves.Count(s.leafOf(i), kind, side, side)
	} else {
		p = s.pop(n.nw, kind) + s.pop(n.ne, kind) + s.pop(n.sw, kind) + s.pop(n.se, kind)
	}
	pops[i&pageMask] = p + 1
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
