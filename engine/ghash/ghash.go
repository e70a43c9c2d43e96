package ghash

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/life-go/life/engine"
)

// DefaultMaxMemory is the memory limit of the node cache when
// [Options.MaxMemory] is 0: 1 GiB.
const DefaultMaxMemory = 1 << 30

// minMaxMemory is the smallest memory limit taken: 1 MiB.
const minMaxMemory = 1 << 20

// Options tune an [Engine].
type Options struct {
	// MaxMemory bounds the memory of the node cache, in bytes, as
	// bgolly's -M does in megabytes. 0 means [DefaultMaxMemory]; values
	// below 1 MiB count as 1 MiB.
	MaxMemory int64
}

// Engine is the HashLife engine of Generations rules. It implements
// [engine.StateEngine] and [engine.BlockCounter] on the unbounded plane.
// Like every engine, it is not safe for concurrent use.
type Engine struct {
	s    *store
	root uint32 // centred on the origin; level >= 3
	rule engine.Rule
	gen  big.Int
	// pending holds the edits not yet built into the tree.
	pending []edit
	// rootPop caches the population of root; nil when not known.
	rootPop *big.Int
}

var (
	_ engine.StateEngine  = (*Engine)(nil)
	_ engine.BlockCounter = (*Engine)(nil)
	_ engine.RunSetter    = (*Engine)(nil)
)

func init() {
	engine.Register(engine.Algo{
		Name:       "ghash",
		Summary:    "HashLife for Generations rules: memoised quadtree of cells of many states, astronomically far generations (the unbounded plane)",
		Families:   []engine.Family{engine.Generations},
		Topologies: []engine.TopologyKind{engine.Plane},
		StepBase:   2,
		Caps:       engine.BlockCounts | engine.MemoryLimit | engine.BulkLoad,
		Rank:       15,
		Check:      check,
		New: func(r engine.Rule, o engine.Options) (engine.Engine, error) {
			return New(r, Options{MaxMemory: o.MaxMemory})
		},
	})
}

// check returns nil when the engine runs r, as New would.
func check(r engine.Rule) error {
	if r.Family() != engine.Generations {
		return fmt.Errorf("%s rules are %w by ghash, which runs Generations rules", r.Family(), engine.ErrUnsupported)
	}
	if r.Topology.Kind != engine.Plane {
		return fmt.Errorf("bounded grid %q is %w by ghash, which runs the unbounded plane", r.Topology.String(), engine.ErrUnsupported)
	}
	return nil
}

// New returns an engine for the Generations rule r on the unbounded plane,
// every cell in state 0. Another family or topology is an error wrapping
// [engine.ErrUnsupported].
func New(r engine.Rule, opts Options) (*Engine, error) {
	if err := check(r); err != nil {
		return nil, err
	}
	e := &Engine{rule: r, s: newStore(newRule(r), 0)}
	e.SetMaxMemory(opts.MaxMemory)
	e.setRoot(e.s.emptyNode(leafLevel + 1))
	return e, nil
}

// SetMaxMemory sets the memory limit of the node cache in bytes, as
// [Options.MaxMemory] does.
func (e *Engine) SetMaxMemory(bytes int64) {
	if bytes == 0 {
		bytes = DefaultMaxMemory
	}
	bytes = max(bytes, minMaxMemory)
	e.s.maxNodes = int(min(bytes/bytesPerNode, 1<<31))
}

// Name returns "ghash".
func (e *Engine) Name() string { return "ghash" }

// StepBase returns 2: a step of 2^k generations is the engine's natural
// jump, as in Golly's Generations algorithm.
func (e *Engine) StepBase() int { return 2 }

// Rule returns the engine's rule.
func (e *Engine) Rule() engine.Rule { return e.rule }

// Generation returns the generation count.
func (e *Engine) Generation() *big.Int { return new(big.Int).Set(&e.gen) }

// SetGeneration sets the generation count.
func (e *Engine) SetGeneration(g *big.Int) { e.gen.Set(g) }

// Population returns the number of cells in a state but 0, exactly, as
// Golly counts.
func (e *Engine) Population() *big.Int {
	e.flush()
	if e.rootPop == nil {
		e.rootPop = e.s.bigPop(e.root, map[uint32]*big.Int{})
	}
	return new(big.Int).Set(e.rootPop)
}

// bigPop returns the population of node i at any level; memo caches the
// populations of nodes above level 31.
func (s *store) bigPop(i uint32, memo map[uint32]*big.Int) *big.Int {
	n := s.nodes[i]
	if n.level <= 31 {
		return new(big.Int).SetUint64(s.pop(i, 0))
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
// one memoised step (see [Engine.StepPow2]). It checks ctx between steps
// and every few thousand leaf computations within one; on cancellation the
// engine holds the last whole power-of-two step it reached.
func (e *Engine) Step(ctx context.Context, n uint64) error {
	for k := uint(0); n != 0; k, n = k+1, n>>1 {
		if n&1 != 0 {
			if err := e.StepPow2(ctx, k); err != nil {
				return err
			}
		}
	}
	return nil
}

// ErrMemory is wrapped by the error of a step that cannot be taken within
// the memory limit even one generation at a time.
var ErrMemory = errors.New("ghash: the memory limit is too small for this pattern")

// StepPow2 advances 2^k generations at once. When the node cache reaches
// the memory limit, it is garbage collected in the middle of the step,
// keeping the pattern, the work in progress and as many memoised results
// as fit; when even that leaves too little room, the step is split in
// halves. It checks ctx as [Engine.Step] does.
func (e *Engine) StepPow2(ctx context.Context, k uint) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if k > maxLevel-8 {
		return fmt.Errorf("ghash: step 2^%d is too large", k)
	}
	e.flush()
	err := e.tryStep(ctx, k)
	if _, full := err.(errFull); full {
		if k == 0 {
			return fmt.Errorf("%w (%d nodes live at generation %s)", ErrMemory, e.s.live(), &e.gen)
		}
		if err := e.StepPow2(ctx, k-1); err != nil {
			return err
		}
		return e.StepPow2(ctx, k-1)
	}
	return err
}

// tryStep takes one step of 2^k generations. It returns errFull when the
// node cache is full even after a collection, and ctx's error when ctx is
// done; either way the engine is unchanged but for its cache.
func (e *Engine) tryStep(ctx context.Context, k uint) (err error) {
	s := e.s
	root := e.root
	if s.isEmpty(root) {
		e.addGen(k)
		return nil
	}
	// Grow the root until the pattern sits in its central half and the
	// root is large enough for the step; then once more, so that the
	// result, the central half of the new root, holds everything the
	// pattern can reach in 2^k generations.
	for uint(s.nodes[root].level) < k+2 || !s.inner(root) {
		root = s.expand(root)
	}
	root = s.expand(root)
	if s.nodes[root].level >= maxLevel {
		return fmt.Errorf("ghash: the universe would grow past 2^%d cells a side", maxLevel)
	}
	s.pins = append(s.pins[:0], e.root, root)
	defer func() {
		s.limited, s.abort, s.pins = false, nil, s.pins[:0]
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
	root = s.result(root, k)
	s.limited = false
	for s.inner(root) {
		root = s.centre(root)
	}
	e.setRoot(root)
	e.addGen(k)
	return nil
}

// setRoot makes i the root.
func (e *Engine) setRoot(i uint32) {
	e.root = i
	e.rootPop = nil
}

// addGen adds 2^k to the generation count.
func (e *Engine) addGen(k uint) {
	e.gen.Add(&e.gen, new(big.Int).Lsh(big.NewInt(1), k))
}

// Clone returns an independent copy of the engine, whose node cache holds
// only the current pattern.
func (e *Engine) Clone() engine.Engine {
	e.flush()
	c := &Engine{rule: e.rule}
	c.s, c.root = e.s.copyOf(e.root)
	c.gen.Set(&e.gen)
	return c
}

// Nodes returns the number of nodes in the cache, for statistics.
func (e *Engine) Nodes() int { return e.s.live() }

// Collections returns the number of garbage collections of the node cache
// so far, for statistics.
func (e *Engine) Collections() int { return e.s.gcs }

// String describes the engine for logs and test failures.
func (e *Engine) String() string {
	return fmt.Sprintf("ghash %s gen %s pop %s nodes %d", e.rule, &e.gen, e.Population(), e.Nodes())
}
