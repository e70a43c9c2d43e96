package quadtree

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/life-go/life/engine"
)

// Config describes an engine's quadtree.
type Config struct {
	// Name is the engine's name ("hashlife"), which begins its error
	// messages.
	Name string
	// Rule is the engine's rule. When its phases alternate (B0 rules as
	// Golly emulates them, see [engine.Rule.Alternates]), steps of more
	// than one generation start at even generations, and one-generation
	// steps are memoised for each parity, which [Leaves.Step] is given.
	// A rule of more than two states has cells in state 1 ([Live])
	// counted apart from the population ([Occupied]).
	Rule engine.Rule
	// Leaves are the engine's leaves and the rule at the bottom of the
	// recursion, of level LeafLevel (2^L x 2^L cells; 2 or 3).
	Leaves    Leaves
	LeafLevel uint
	// MaxMemory is the memory limit of the node cache in bytes, as
	// [Tree.SetMaxMemory] takes it.
	MaxMemory int64
}

// Options tune an engine built on a [Tree].
type Options struct {
	// MaxMemory bounds the memory of the node cache, in bytes, as
	// bgolly's -M does in megabytes: when a step reaches it, the cache is
	// garbage collected and the step goes on. 0 means [DefaultMaxMemory];
	// values below 1 MiB count as 1 MiB.
	MaxMemory int64
}

// Tree is the universe of a HashLife engine: a quadtree of canonical
// nodes centred on the origin, its generation count and the edits not yet
// built into it. Engines embed it for the methods of engine.Engine they
// share. Like every engine, it is not safe for concurrent use.
type Tree struct {
	name   string
	rule   engine.Rule
	states int
	s      *store
	root   uint32 // centred on the origin; at least a level above the leaves'
	gen    big.Int
	// pending holds the edits not yet built into the tree; resolved is
	// the space [Tree.Build] sorts them out in.
	pending, resolved []edit
	// rootPop caches the population of root; nil when not known.
	rootPop *big.Int
}

// New returns an empty tree: every cell in state 0, generation 0.
func New(cfg Config) *Tree {
	t := &Tree{name: cfg.Name, rule: cfg.Rule, states: cfg.Rule.States()}
	kinds := 1
	if t.states > 2 {
		kinds = 2
	}
	t.s = newStore(cfg.Leaves, uint8(cfg.LeafLevel), cfg.Rule.Alternates(), kinds, 0)
	t.SetMaxMemory(cfg.MaxMemory)
	t.setRoot(t.s.emptyNode(t.s.leafLevel + 1))
	return t
}

// SetMaxMemory sets the memory limit of the node cache in bytes, as
// bgolly's -M does in megabytes: when a step reaches it, the cache is
// garbage collected and the step goes on. 0 means [DefaultMaxMemory];
// values below 1 MiB count as 1 MiB.
func (t *Tree) SetMaxMemory(bytes int64) {
	t.s.maxNodes = maxNodesFor(bytes, len(t.s.pops))
}

// Name returns the engine's name.
func (t *Tree) Name() string { return t.name }

// Rule returns the engine's rule.
func (t *Tree) Rule() engine.Rule { return t.rule }

// StepBase returns 2: a step of 2^k generations is HashLife's natural
// jump ([Tree.StepPow2]), so the UI's step is a power of two here, as in
// Golly's HashLife and Generations algorithms.
func (t *Tree) StepBase() int { return 2 }

// String describes the engine for logs and test failures.
func (t *Tree) String() string {
	return fmt.Sprintf("%s %s gen %s pop %s nodes %d", t.name, t.rule, &t.gen, t.Population(), t.Nodes())
}

// MaxNodes returns the number of nodes the memory limit allows.
func (t *Tree) MaxNodes() int { return t.s.maxNodes }

// Generation returns the generation count.
func (t *Tree) Generation() *big.Int { return new(big.Int).Set(&t.gen) }

// SetGeneration sets the generation count.
func (t *Tree) SetGeneration(g *big.Int) { t.gen.Set(g) }

// Population returns the number of cells in a state but 0, exactly, as
// Golly counts.
func (t *Tree) Population() *big.Int {
	t.flush()
	if t.rootPop == nil {
		t.rootPop = t.s.bigPop(t.root, map[uint32]*big.Int{})
	}
	return new(big.Int).Set(t.rootPop)
}

// bigPop returns the population of node i at any level; memo caches the
// populations of nodes above level 31.
func (s *store) bigPop(i uint32, memo map[uint32]*big.Int) *big.Int {
	n := *s.at(i)
	if n.level <= 31 {
		return new(big.Int).SetUint64(s.pop(i, Occupied))
	}
	if p, ok := memo[i]; ok {
		return p
	}
	p := new(big.Int)
	for _, c := range [4]uint32{n.nw, n.ne, n.sw, n.se} {
		if !s.isEmpty(c) {
			p.Add(p, s.bigPop(c, memo))
		}
	}
	memo[i] = p
	return p
}

// Step advances n generations, as a sum of powers of two, each taken in
// one memoised step (see [Tree.StepPow2]). It checks ctx between steps
// and every few thousand leaf computations within one; on cancellation the
// tree holds the last whole power-of-two step it reached.
func (t *Tree) Step(ctx context.Context, n uint64) error {
	for k := uint(0); n != 0; k, n = k+1, n>>1 {
		if n&1 != 0 {
			if err := t.StepPow2(ctx, k); err != nil {
				return err
			}
		}
	}
	return nil
}

// ErrMemory is wrapped by the error of a step that cannot be taken within
// the memory limit even one generation at a time.
var ErrMemory = errors.New("the memory limit is too small for this pattern")

// StepPow2 advances 2^k generations at once: the jump of the UI's
// hyperspeed. Results for steps of 2^k are memoised alongside the natural
// ones, so repeated calls with the same k are fast. When the node cache
// reaches the memory limit, it is garbage collected in the middle of the
// step, keeping the pattern, the work in progress and as many memoised
// results as fit; when even that leaves too little room, the step is
// split in halves, and a step that cannot be taken one generation at a
// time returns an error wrapping [ErrMemory]. It checks ctx as
// [Tree.Step] does.
func (t *Tree) StepPow2(ctx context.Context, k uint) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if k > MaxLevel-8 {
		return fmt.Errorf("%s: step 2^%d is too large", t.name, k)
	}
	if t.s.alternates && k > 0 && t.gen.Bit(0) == 1 {
		// The phases alternate and memoised steps of more than one
		// generation start at even generations: one generation, then
		// 2 + 4 + ... + 2^(k-1), then one more.
		if err := t.StepPow2(ctx, 0); err != nil {
			return err
		}
		for i := uint(1); i < k; i++ {
			if err := t.StepPow2(ctx, i); err != nil {
				return err
			}
		}
		return t.StepPow2(ctx, 0)
	}
	t.flush()
	err := t.tryStep(ctx, k)
	if _, full := err.(errFull); full {
		if k == 0 {
			return fmt.Errorf("%s: %w (%d nodes live at generation %s)", t.name, ErrMemory, t.s.live(), &t.gen)
		}
		if err := t.StepPow2(ctx, k-1); err != nil {
			return err
		}
		return t.StepPow2(ctx, k-1)
	}
	return err
}

// tryStep takes one step of 2^k generations. It returns errFull when the
// node cache is full even after a collection, and ctx's error when ctx is
// done; either way the tree is unchanged but for its cache.
func (t *Tree) tryStep(ctx context.Context, k uint) (err error) {
	s := t.s
	root := t.root
	if s.isEmpty(root) {
		t.addGen(k)
		return nil
	}
	// Grow the root until the pattern sits in its central half and the
	// root is large enough for the step; then once more, so that the
	// result, the central half of the new root, holds everything the
	// pattern can reach in 2^k generations.
	for uint(s.at(root).level) < k+2 || !s.inner(root) {
		root = s.expand(root)
	}
	root = s.expand(root)
	if s.at(root).level >= MaxLevel {
		return fmt.Errorf("%s: the universe would grow past 2^%d cells a side", t.name, MaxLevel)
	}
	s.npins = 0
	s.pin(t.root)
	s.pin(root)
	defer func() {
		s.limited, s.abort, s.npins = false, nil, 0
		if r := recover(); r != nil {
			switch r := r.(type) {
			case errFull:
				err = r
			case error:
				if ctx.Err() == nil {
					panic(r)
				}
				err = r
			default:
				panic(r)
			}
		}
	}()
	s.limited, s.abort = true, ctx.Err
	s.parity = 0
	if k == 0 && s.alternates {
		s.parity = t.gen.Bit(0)
	}
	root = s.result(root, k)
	s.limited = false
	for s.inner(root) {
		root = s.centre(root)
	}
	t.setRoot(root)
	t.addGen(k)
	return nil
}

// setRoot makes i the root.
func (t *Tree) setRoot(i uint32) {
	t.root = i
	t.rootPop = nil
}

// addGen adds 2^k to the generation count.
func (t *Tree) addGen(k uint) {
	t.gen.Add(&t.gen, new(big.Int).Lsh(big.NewInt(1), k))
}

// Copy returns an independent copy of the tree, whose node cache holds
// only the current pattern.
func (t *Tree) Copy() *Tree {
	t.flush()
	c := &Tree{name: t.name, rule: t.rule, states: t.states}
	c.s, c.root = t.s.copyOf(t.root)
	c.gen.Set(&t.gen)
	return c
}

// Nodes returns the number of nodes in the cache, for statistics.
func (t *Tree) Nodes() int { return t.s.live() }

// Collections returns the number of garbage collections of the node cache
// so far, for statistics.
func (t *Tree) Collections() int { return t.s.gcs }
