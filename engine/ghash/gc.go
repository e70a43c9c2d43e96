package ghash

// bytesPerNode is what a node costs, for turning a memory limit into a
// number of nodes: the node itself (32 bytes), its share of the hash table
// (8 to 16: at most one node for two buckets), its cached populations (8
// each, the second only once blocks are counted) and what a collection
// needs (4). The limit is approximate: the Go heap also holds the old node
// slice for a while when a larger one replaces it.
const bytesPerNode = 72

// gc frees every node that neither the pinned nodes (s.pins), nor roots,
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
	words := (len(s.nodes) + 63) / 64
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
			if n := &s.nodes[i]; n.level > leafLevel {
				stack = append(stack, n.nw, n.ne, n.sw, n.se)
			}
		}
	}
	for _, i := range roots {
		markAll(i)
	}
	for _, i := range s.pins {
		markAll(i)
	}
	for _, i := range s.empty {
		markAll(i)
	}
	budget := len(kept) + s.maxNodes/4
	for j := 0; j < len(kept) && len(kept) < budget; j++ {
		n := &s.nodes[kept[j]]
		markAll(n.res)
		if n.sexp != 0 {
			markAll(n.sres)
		}
	}
	// Sweep, from the top down, so that the free list hands out low
	// indices first.
	size := 1024
	for size < 2*len(kept) {
		size *= 2
	}
	if len(s.buckets) != size {
		s.buckets = make([]uint32, size)
	} else {
		clear(s.buckets)
	}
	mask := uint64(size - 1)
	s.free, s.nfree = 0, 0
	for i := uint32(len(s.nodes) - 1); i >= 1; i-- {
		n := &s.nodes[i]
		if !isMarked(i) {
			*n = node{next: s.free}
			s.free = i
			s.nfree++
			for w := range s.pops {
				if int(i) < len(s.pops[w]) {
					s.pops[w][i] = noPop
				}
			}
			continue
		}
		if n.res != 0 && !isMarked(n.res) {
			n.res = 0
		}
		if n.sexp != 0 && !isMarked(n.sres) {
			n.sres, n.sexp = 0, 0
		}
		b := &s.buckets[hash4(n.nw, n.ne, n.sw, n.se, n.level)&mask]
		n.next = *b
		*b = i
	}
	s.nkept = len(kept)
	s.kept, s.stack = kept, stack
	s.gcs++
}

// tidy garbage collects the store for root when it is over the limit and
// has at least doubled since the last collection (edits by SetCell leave
// a path of garbage per cell).
func (s *store) tidy(root uint32) {
	if live := s.live(); s.maxNodes > 0 && live > s.maxNodes && live > 2*s.nkept {
		s.gc(root)
	}
}

// copyOf returns a new store holding only what root reaches, without
// memoised results, and root's index there.
func (s *store) copyOf(root uint32) (*store, uint32) {
	c := newStore(s.rule, s.maxNodes)
	var walk func(i uint32) uint32
	seen := make(map[uint32]uint32)
	walk = func(i uint32) uint32 {
		if j, ok := seen[i]; ok {
			return j
		}
		n := s.nodes[i]
		var j uint32
		if n.level == leafLevel {
			j = c.leaf(s.leafOf(i))
		} else {
			j = c.find(walk(n.nw), walk(n.ne), walk(n.sw), walk(n.se), n.level)
		}
		seen[i] = j
		return j
	}
	return c, walk(root)
}
