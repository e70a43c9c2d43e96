package hashlife

import (
	"fmt"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/quadtree"
)

// DefaultMaxMemory is the memory limit of the node cache when
// [Options.MaxMemory] is 0: 1 GiB.
const DefaultMaxMemory = quadtree.DefaultMaxMemory

// Options tune an [Engine] (see [quadtree.Options]).
type Options = quadtree.Options

// Engine is the HashLife engine. It implements [engine.Engine] and
// [engine.BlockCounter] on the unbounded plane; the universe, its steps
// and its views are the [quadtree.Tree] it embeds. Like every engine, it
// is not safe for concurrent use.
type Engine struct{ *quadtree.Tree }

var (
	_ engine.Engine       = (*Engine)(nil)
	_ engine.BlockCounter = (*Engine)(nil)
	_ engine.Pow2Stepper  = (*Engine)(nil)
)

func init() {
	engine.Register(engine.Algo{
		Name:       "hashlife",
		Summary:    "HashLife: memoised quadtree, astronomically far generations (the unbounded plane)",
		Families:   engine.TwoStateFamilies,
		Topologies: []engine.TopologyKind{engine.Plane},
		StepBase:   2,
		Caps:       engine.BlockCounts | engine.NodeWriting | engine.MemoryLimit | engine.BulkLoad | engine.Hyperspeed,
		Rank:       20,
		Check:      check,
		New: func(r engine.Rule, o engine.Options) (engine.Engine, error) {
			return New(r, Options{MaxMemory: o.MaxMemory})
		},
	})
}

// check returns nil when the engine runs r, as New would.
func check(r engine.Rule) error {
	if r.Topology.Kind != engine.Plane {
		return fmt.Errorf("bounded grid %q is %w by hashlife, which runs the unbounded plane", r.Topology.String(), engine.ErrUnsupported)
	}
	return nil
}

// New returns a HashLife engine for rule r, of any two-state family, with
// every cell dead. The rule's topology must be the unbounded plane, or the
// error wraps [engine.ErrUnsupported]. A rule with B0 runs as Golly
// emulates it ([engine.Rule.Phase]); one without Smax, which Golly's
// HashLife refuses, runs too, its steps of more than one generation
// starting at even generations.
func New(r engine.Rule, opts Options) (*Engine, error) {
	if err := check(r); err != nil {
		return nil, err
	}
	t := newRuleTable(r)
	return &Engine{quadtree.New(quadtree.Config{
		Name:      "hashlife",
		Rule:      r,
		Leaves:    &t,
		LeafLevel: leafLevel,
		MaxMemory: opts.MaxMemory,
	})}, nil
}

// ErrMemory is wrapped by the error of a step that cannot be taken within
// the memory limit even one generation at a time.
var ErrMemory = quadtree.ErrMemory

// Clone returns an independent copy of the engine, whose node cache holds
// only the current pattern.
func (e *Engine) Clone() engine.Engine { return &Engine{e.Copy()} }
