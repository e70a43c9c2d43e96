package hashlife

// bytesPerNode is what a node costs, for turning a memory limit into a
// number of nodes: the node itself (32 bytes), its share of the hash table
// (up to 8), the index table garbage collection needs (4), its cached
// population (8), and room for the node slice to grow.
const bytesPerNode = 64

// gc drops every node that root does not reach, in place, and returns
// root's new index. With keepMemo it also keeps the memoised results of
// the nodes it keeps (and what they reach), so that the work they hold is
// not lost; without, it forgets every result whose node goes.
func (s *store) gc(root uint32, keepMemo bool) uint32 {
	// Mark: remap[i] != 0 for every node kept.
	remap := make([]uint32, len(s.nodes))
	stack := []uint32{root}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if i == 0 || remap[i] != 0 {
			continue
		}
		remap[i] = 1
		n := &s.nodes[i]
		if n.level > leafLevel {
			stack = append(stack, n.nw, n.ne, n.sw, n.se)
		}
		if keepMemo {
			stack = append(stack, n.res)
			if n.sexp != 0 {
				stack = append(stack, n.sres)
			}
		}
	}
	// Compact: a kept node moves down to the next free index, which never
	// passes an index not yet visited.
	k := uint32(1)
	for i := 1; i < len(s.nodes); i++ {
		if remap[i] != 0 {
			remap[i] = k
			s.nodes[k] = s.nodes[i]
			k++
		}
	}
	s.nodes = s.nodes[:k]
	for i := 1; i < len(s.nodes); i++ {
		n := &s.nodes[i]
		if n.level > leafLevel {
			n.nw, n.ne, n.sw, n.se = remap[n.nw], remap[n.ne], remap[n.sw], remap[n.se]
		}
		n.res = remap[n.res]
		if n.sres = remap[n.sres]; n.sres == 0 {
			n.sexp = 0
		}
	}
	size := 1024
	for size < len(s.nodes) {
		size *= 2
	}
	s.rehash(size)
	s.empty = [maxLevel + 1]uint32{}
	s.pops = s.pops[:0]
	s.kept = len(s.nodes)
	return remap[root]
}

// collect garbage collects the store for root, keeping memoised results
// when they take at most half the limit, and returns root's new index.
func (s *store) collect(root uint32) uint32 {
	root = s.gc(root, true)
	if s.maxNodes > 0 && len(s.nodes) > s.maxNodes/2 {
		root = s.gc(root, false)
	}
	return root
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
			j = c.leaf(s.leafBits(i))
		} else {
			j = c.find(walk(n.nw), walk(n.ne), walk(n.sw), walk(n.se), n.level)
		}
		seen[i] = j
		return j
	}
	return c, walk(root)
}

// tidy garbage collects the store for root when it is over the limit and
// has at least doubled since the last collection (edits by SetCell leave
// a path of garbage per cell), and returns root's new index.
func (s *store) tidy(root uint32) uint32 {
	if s.maxNodes > 0 && len(s.nodes) > s.maxNodes && len(s.nodes) > 2*s.kept {
		root = s.collect(root)
	}
	return root
}
