package quadtree

// bytesPerNode is what a node costs at the peak, for turning a memory
// limit into a number of nodes: the node itself (32 bytes), its share of
// its level's hash table (8-byte slots, 3/8 to 3/4 full: 11 to 21), its
// cached population (8, in pages allocated when asked for) and what a
// collection needs (4), and the old tables the Go heap holds for a while
// when larger ones replace them. (The node storage, in pages, never moves;
// when it was one slice that doubled, 64 bytes a node peaked at 1.52
// times --max-memory and 96 at 1.18 times.) With pages and open-addressed
// tables, 96 peaks at 1.35 times (345 MB for 256, a 2000^2 soup for 1000
// generations, as the slice and chained tables did on that run that day:
// 338 MB). Each population kind beyond the first ([Live] of a rule of many
// states) adds bytesPerPop.
const (
	bytesPerNode = 96
	bytesPerPop  = 8
)

// DefaultMaxMemory is the memory limit of the node cache when none is
// given: 1 GiB.
const DefaultMaxMemory = 1 << 30

// minMaxMemory is the smallest memory limit taken: 1 MiB.
const minMaxMemory = 1 << 20

// maxNodesFor returns the number of nodes a memory limit of bytes allows
// (0 means [DefaultMaxMemory], less than 1 MiB counts as 1 MiB) for a
// store caching kinds populations.
func maxNodesFor(bytes int64, kinds int) int {
	if bytes == 0 {
		bytes = DefaultMaxMemory
	}
	bytes = max(bytes, minMaxMemory)
	return int(min(bytes/int64(bytesPerNode+bytesPerPop*(kinds-1)), 1<<31))
}

// gc frees every node that neither the pinned nodes (s.pins[:s.npins]), nor roots,
// nor the cached empty nodes reach, without moving any: indices held by
// the computation in progress stay valid as long as they are pinned or
// reachable from a pinned node. Memoised results of the nodes kept are
// kept too while they fit in a quarter of the limit; results that point
// to freed nodes are forgotten. The hash table is rebuilt from the nodes
// kept, and the freed ones go on the free list that [store.add] takes
// from first.
func (s *store) gc(roots ...uint32) {
	// The work space is kept across collections, so that collecting makes
	// no garbage for Go's own collector.
	words := (s.size + 63) / 64
	if cap(s.marked) < words {
		s.marked = make([]uint64, words)
	}
	marked := s.marked[:words]
	clear(marked)
	isMarked := func(i uint32) bool { return marked[i/64]>>(i%64)&1 != 0 }
	kept, stack := s.kept[:0], s.stack[:0]
	markAll := func(i uint32) {
		stack = append(stack[:0], i)
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if i == 0 || isMarked(i) {
				continue
			}
			marked[i/64] |= 1 << (i % 64)
			kept = append(kept, i)
			if n := s.at(i); n.level > s.leafLevel {
				stack = append(stack, n.nw, n.ne, n.sw, n.se)
			}
		}
	}
	for _, i := range roots {
		markAll(i)
	}
	for _, i := range s.pins[:s.npins] {
		markAll(i)
	}
	for _, i := range s.empty {
		markAll(i)
	}
	budget := len(kept) + s.maxNodes/4
	for j := 0; j < len(kept) && len(kept) < budget; j++ {
		n := s.at(kept[j])
		markAll(n.res)
		if n.sexp != 0 {
			markAll(n.sres)
		}
	}
	// Sweep, from the top down, so that the free list hands out low
	// indices first.
	var perLevel [256]int
	for _, i := range kept {
		perLevel[s.at(i).level]++
	}
	for k := range s.tables {
		if t := &s.tables[k]; len(t.slots) > 1 || perLevel[k] > 0 {
			t.reset(perLevel[k])
		}
	}
	// Slots never used yet are freed too.
	s.free, s.freeLevels, s.fresh, s.nfree, s.unused = [MaxLevel + 1]uint32{}, [2]uint64{}, [MaxLevel + 1]uint32{}, 0, 0
	for i := uint32(s.size - 1); i >= 1; i-- {
		n := s.at(i)
		if !isMarked(i) {
			k := s.blockLevel[i>>s.blockBits]
			*n = node{next: s.free[k]}
			s.free[k] = i
			s.freeLevels[k/64] |= 1 << (k % 64)
			s.nfree++
			for _, pops := range s.pops {
				if pg := int(i >> pageBits); pg < len(pops) && pops[pg] != nil {
					pops[pg][i&pageMask] = 0
				}
			}
			continue
		}
		if n.level != s.leafLevel {
			if n.res != 0 && !isMarked(n.res) {
				n.res = 0
			}
			if n.sexp != 0 && !isMarked(n.sres) {
				n.sres, n.sexp = 0, 0
			}
		}
		s.tables[n.level].insert(tagOf(hash4(n.nw, n.ne, n.sw, n.se))<<32 | uint64(i))
	}
	s.nkept = len(kept)
	s.kept, s.stack = kept, stack
	s.gcs++
}

// reset empties t and sizes it for n nodes: at most half full, a power
// of two, at least minSlots.
func (t *table) reset(n int) {
	size := minSlots
	for size < 2*n {
		size *= 2
	}
	if len(t.slots) != size {
		t.slots = make([]uint64, size)
	} else {
		clear(t.slots)
	}
	t.n = n
}

// tidy garbage collects the store for root when it is over the limit and
// has at least doubled since the last collection (edits leave a path of
// garbage per leaf they touch).
func (s *store) tidy(root uint32) {
	if live := s.live(); s.maxNodes > 0 && live > s.maxNodes && live > 2*s.nkept {
		s.gc(root)
	}
}

// copyOf returns a new store holding only what root reaches, without
// memoised results, and root's index there.
func (s *store) copyOf(root uint32) (*store, uint32) {
	c := newStore(s.leaves, s.leafLevel, s.alternates, len(s.pops), s.maxNodes)
	var walk func(i uint32) uint32
	seen := make(map[uint32]uint32)
	walk = func(i uint32) uint32 {
		if j, ok := seen[i]; ok {
			return j
		}
		n := *s.at(i)
		var j uint32
		if n.level == s.leafLevel {
			j = c.leaf(s.leafOf(i))
		} else {
			j = c.find(walk(n.nw), walk(n.ne), walk(n.sw), walk(n.se), n.level)
		}
		seen[i] = j
		return j
	}
	return c, walk(root)
}
