package engine

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// The engine registry, as Golly's algorithm list (staticAlgoInfo): every
// algorithm registers an [Algo] once, in an init function of its package,
// and everything that picks, lists or describes engines reads the registry:
// --engine and its "auto", the UI's E and its automatic switch, life bench,
// and the errors that say what runs where. Nothing compares engine names.
//
// The protocol engine registers itself here; engine/bitwise, engine/hashlife
// and the engines beside them register when their package is linked in
// (engine/universe imports them all).

// Capability is something an engine does beyond the [Engine] interface.
// An [Algo] declares its capabilities as a set of them.
type Capability uint32

// The capabilities.
const (
	// BlockCounts: the engine counts live cells in blocks from its own
	// structure, faster than visiting them ([BlockCounter]).
	BlockCounts Capability = 1 << iota
	// NodeWriting: the engine writes its universe as macrocell straight
	// from its nodes, whatever the population.
	NodeWriting
	// CustomStep: the engine runs per-cell step logic given to it in
	// [Options.Step] (any ask-and-emit [StepFunc], not only the rule's).
	CustomStep
	// MemoryLimit: the engine keeps its memory within [Options.MaxMemory].
	MemoryLimit
	// BulkLoad: the engine sets a run of live cells at once ([RunSetter]).
	BulkLoad
	// Hyperspeed: the engine memoises, as HashLife does: a jump of 2^k
	// generations ([Pow2Stepper]) costs far less than 2^k generations on
	// a pattern that repeats itself in space and time, and far more than
	// stepping them on chaos. Auto gives it the astronomically long runs
	// (see engine/universe).
	Hyperspeed
)

var capabilityNames = []string{"block counts", "node writing", "custom step logic", "memory limit", "bulk load", "hyperspeed"}

// String lists the capabilities in c, comma-separated ("block counts,
// memory limit"), or "none".
func (c Capability) String() string {
	var names []string
	for i, name := range capabilityNames {
		if c&(1<<i) != 0 {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// Options are what an engine is made with besides its rule.
type Options struct {
	// Step is per-cell step logic to run instead of the rule's own; nil
	// means the rule's. Only engines with [CustomStep] take one.
	Step StepFunc
	// MaxMemory bounds the engine's memory in bytes, for engines with
	// [MemoryLimit]; 0 means the engine's default.
	MaxMemory int64
}

// Algo is an engine's entry in the registry.
type Algo struct {
	// Name is the engine's name as --engine takes it and [Engine.Name]
	// returns it ("bitwise").
	Name string
	// Summary says in one line what the engine is.
	Summary string
	// Families are the rule families the engine runs.
	Families []Family
	// Topologies are the kinds of universe the engine runs, for lists and
	// help texts; Check has the last word (a torus with a shift, say).
	Topologies []TopologyKind
	// StepBase is the engine's natural base for a step of base^k
	// generations: 2 for HashLife's jumps, 10 for the others, as in Golly.
	StepBase int
	// Caps is the set of the engine's capabilities.
	Caps Capability
	// Rank orders engines by speed, lowest first: auto takes the engine
	// of lowest rank that runs the rule.
	Rank int
	// Check returns nil when the engine runs rule r on r's topology, and
	// otherwise an error, wrapping [ErrUnsupported], that says why. It
	// allocates nothing.
	Check func(r Rule) error
	// New returns an engine for r with every cell dead. It fails as Check
	// does, and with any error of making the universe (too large, say).
	New func(r Rule, o Options) (Engine, error)
}

// Has reports whether the engine has every capability in c.
func (a *Algo) Has(c Capability) bool { return a.Caps&c == c }

// Runs returns nil when the engine runs r, and otherwise an error wrapping
// [ErrUnsupported] that says why.
func (a *Algo) Runs(r Rule) error {
	if !slices.Contains(a.Families, r.Family()) {
		return fmt.Errorf("%s rules are %w by the %s engine (it runs %s)", r.Family(), ErrUnsupported, a.Name, a.families())
	}
	return a.Check(r)
}

func (a *Algo) families() string {
	var names []string
	for _, f := range a.Families {
		names = append(names, f.String())
	}
	return strings.Join(names, ", ")
}

// TopologyNames lists the kinds of universe the engine runs, in words
// ("torus, bounded plane").
func (a *Algo) TopologyNames() string {
	var names []string
	for _, k := range a.Topologies {
		names = append(names, k.String())
	}
	return strings.Join(names, ", ")
}

// RunsWith is Runs for an engine made with o too: step logic of the
// caller's own ([Options.Step]) needs an engine with [CustomStep].
func (a *Algo) RunsWith(r Rule, o Options) error {
	if o.Step != nil && !a.Has(CustomStep) {
		return fmt.Errorf("custom step logic is %w by the %s engine", ErrUnsupported, a.Name)
	}
	return a.Runs(r)
}

var registry struct {
	sync.Mutex
	algos []*Algo // by rank
}

// Register adds a to the registry. It is called from init functions, and
// panics when a is incomplete or its name is taken.
func Register(a Algo) {
	if a.Name == "" || a.Check == nil || a.New == nil || a.StepBase < 2 || len(a.Families) == 0 {
		panic(fmt.Sprintf("engine.Register: incomplete entry %+v", a))
	}
	if IsAuto(a.Name) {
		panic("engine.Register: " + a.Name + " is not an engine's name")
	}
	registry.Lock()
	defer registry.Unlock()
	for _, b := range registry.algos {
		if b.Name == a.Name {
			panic("engine.Register: engine " + a.Name + " registered twice")
		}
	}
	registry.algos = append(registry.algos, &a)
	slices.SortStableFunc(registry.algos, func(x, y *Algo) int { return cmp.Compare(x.Rank, y.Rank) })
}

// Algos returns every registered engine, fastest first.
func Algos() []*Algo {
	registry.Lock()
	defer registry.Unlock()
	return slices.Clone(registry.algos)
}

// IsAuto reports whether an --engine name leaves the choice to life:
// "auto" or "".
func IsAuto(name string) bool { return name == "" || name == "auto" }

// AlgoNames lists the names --engine takes, "auto" first
// ("auto, bitwise, hashlife, protocol").
func AlgoNames() string {
	names := []string{"auto"}
	for _, a := range Algos() {
		names = append(names, a.Name)
	}
	return strings.Join(names, ", ")
}

// ErrUnknownEngine is wrapped by the error for a name no engine has.
var ErrUnknownEngine = errors.New("unknown engine")

// Lookup returns the engine named name, or an error wrapping
// [ErrUnknownEngine] that lists the names there are.
func Lookup(name string) (*Algo, error) {
	for _, a := range Algos() {
		if a.Name == name {
			return a, nil
		}
	}
	return nil, fmt.Errorf("%w %q, want one of %s", ErrUnknownEngine, name, AlgoNames())
}

// AlgoOf returns the registry's entry for e, or nil when e's engine is not
// registered.
func AlgoOf(e Engine) *Algo {
	a, err := Lookup(e.Name())
	if err != nil {
		return nil
	}
	return a
}

// Choose returns the fastest engine among algos (the whole registry when
// algos is nil) that runs r with o, or an error, wrapping [ErrUnsupported],
// that says for each engine why it does not ("no engine runs ...:
// bitwise: ...", a line each).
func Choose(algos []*Algo, r Rule, o Options) (*Algo, error) {
	if algos == nil {
		algos = Algos()
	}
	var errs, family []error // family: of the engines that run r's family
	for _, a := range algos {
		err := a.RunsWith(r, o)
		if err == nil {
			return a, nil
		}
		errs = append(errs, fmt.Errorf("%s: %w", a.Name, err))
		if slices.Contains(a.Families, r.Family()) {
			family = append(family, errs[len(errs)-1])
		}
	}
	if len(family) > 0 {
		// Why those that run the family do not run r is the news.
		errs = family
	}
	if len(errs) == 0 {
		return nil, fmt.Errorf("no engine runs %s: none is %w", r, ErrUnsupported)
	}
	return nil, fmt.Errorf("no engine runs %s: %w", r, errors.Join(errs...))
}

// New returns an engine for r with every cell dead: the engine named name,
// or for "auto" (or "") the fastest that runs r with o.
func New(name string, r Rule, o Options) (Engine, error) {
	var a *Algo
	var err error
	if IsAuto(name) {
		a, err = Choose(nil, r, o)
	} else if a, err = Lookup(name); err == nil {
		err = a.RunsWith(r, o)
	}
	if err != nil {
		return nil, err
	}
	return a.New(r, o)
}

// RunSetter is implemented by engines with [BulkLoad]: SetRun makes the n
// cells (y, x) to (y, x+n-1) alive, faster than n calls of SetCell.
type RunSetter interface {
	SetRun(y, x, n int64)
}

// Pow2Stepper is implemented by engines with [Hyperspeed]: StepPow2
// advances 2^k generations in one memoised jump, checking ctx as Step
// does; on cancellation the engine holds the last whole jump it reached.
type Pow2Stepper interface {
	StepPow2(ctx context.Context, k uint) error
}

// CustomStepper is implemented by engines that may run step logic of a
// caller's own ([CustomStep]).
type CustomStepper interface {
	// CustomStep reports whether the engine runs step logic other than
	// its rule's.
	CustomStep() bool
}

// RunsCustomStep reports whether e runs step logic other than its rule's:
// such an engine is never replaced by another, which would run the rule.
func RunsCustomStep(e Engine) bool {
	c, ok := e.(CustomStepper)
	return ok && c.CustomStep()
}
