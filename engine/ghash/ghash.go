package ghash

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

// Engine is the HashLife engine of Generations rules. It implements
// [engine.StateEngine] and [engine.BlockCounter] on the unbounded plane;
// the universe, its steps and its views are the [quadtree.Tree] it
// embeds. Like every engine, it is not safe for concurrent use.
type Engine struct{ *quadtree.Tree }

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
	return &Engine{quadtree.New(quadtree.Config{
		Name:      "ghash",
		Rule:      r,
		Leaves:    newRule(r),
		LeafLevel: leafLevel,
		MaxMemory: opts.MaxMemory,
	})}, nil
}

// ErrMemory is wrapped by the error of a step that cannot be taken within
// the memory limit even one generation at a time.
var ErrMemory = quadtree.ErrMemory

// State returns the state of the cell at (y, x): 0 out of reach (beyond
// ±(2^62-1), see [quadtree.Tree.Reach]).
func (e *Engine) State(y, x int64) engine.State { return engine.State(e.CellState(y, x)) }

// SetState gives the cell at (y, x) state st. A state the rule has not
// (st >= its number of states) leaves the cell alone, as do coordinates
// out of reach. Edits are built into the tree all at once, as
// [quadtree.Tree.SetRun] says.
func (e *Engine) SetState(y, x int64, st engine.State) { e.SetCellState(y, x, uint8(st)) }

// VisitStates calls fn for every cell inside r in a state but 0, with its
// state, row by row and left to right. It skips empty nodes and empty
// rows, so its cost follows the cells and the edges of r, not r's area.
func (e *Engine) VisitStates(r engine.Rect, fn func(y, x int64, s engine.State)) {
	e.VisitCellStates(r, func(y, x int64, st uint8) { fn(y, x, engine.State(st)) })
}

// Clone returns an independent copy of the engine, whose node cache holds
// only the current pattern.
func (e *Engine) Clone() engine.Engine { return &Engine{e.Copy()} }
