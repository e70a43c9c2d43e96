package universe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/big"
	"os"
	"strconv"
	"strings"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/grid"
	"github.com/life-go/life/patterns"
)

// Settings say how a pattern becomes a running universe: the choices of a
// command line (life run, life render, the UI's flags) resolved once, for
// every pattern loaded with them.
type Settings struct {
	// Rule replaces the pattern's rule (--rule); "" keeps the file's, and
	// B3/S23 for a file that gives none.
	Rule string
	// Torus is the size of the torus (--torus WxH) a rule without a
	// bounded-grid suffix runs on; "" for none.
	Torus string
	// Engine names the engine (--engine); "" or "auto" picks the fastest
	// that runs the rule and topology.
	Engine string
	// Watch, with Engine auto, starts on an engine that runs the
	// protocol's step logic ([engine.CustomStep]) where one runs the
	// topology, instead of the fastest: the UI watches it and switches
	// when it falls behind.
	Watch bool
	// Gens is the generations the run will take, for the margin of a
	// torus that stands in for the plane (see [MaxMargin]).
	Gens uint64
	// MaxMemory bounds an engine's memory in bytes, for engines with
	// [engine.MemoryLimit]; 0 is the engine's default.
	MaxMemory int64
	// Plane runs a pattern without a bounded-grid suffix on the unbounded
	// plane, as Golly does, when the engine runs it; otherwise (or when
	// it does not) such a pattern runs on a torus that stands in for the
	// plane.
	Plane bool
	// Fit, when not zero, is the size of the torus that stands in for the
	// plane when the pattern fits in it (the UI's window); a larger
	// pattern gets the margin torus.
	Fit Size
	// Step is per-cell step logic of the caller's own to run instead of
	// the rule's, on an engine with [engine.CustomStep]; nil for the
	// rule's.
	Step engine.StepFunc
	// Jump is the generations of each step of the run (life run --step),
	// or 0 for none: auto gives steps of 2^k generations to an engine
	// with [engine.Hyperspeed] (see auto.go).
	Jump uint64
	// Rate, with Watch, is the generations a second the UI asks of a new
	// universe at first: auto starts on the watched engine only when it
	// keeps up with it at once.
	Rate float64
	// Progress, when set, is called as a pattern's cells are placed on the
	// engine, about every hundredth of the way, with how far the load has
	// got as done of total (rows of an RLE file's declared size as they
	// are read, or runs of a pattern placed whole), on the goroutine that
	// loads: the UI shows how far a large file has got.
	Progress func(done, total int64)
	// Ctx, when not nil, cancels a load: the reading of the file, as the
	// data arrives, and the building of the engine's cells (HashLife's
	// tree). A cancelled load returns Ctx's error, wrapped.
	Ctx context.Context
}

// Size is a size in cells.
type Size struct{ W, H int }

// MaxMargin caps the margin of the torus that stands in for the plane: a
// pattern w x h cells runs on a torus of (w + 2m) x (h + 2m), m =
// min(Gens+1, MaxMargin), which matches the plane for at least
// min(Gens, MaxMargin-1) generations.
const MaxMargin = 256

// ParseSize reads "WxH" (also "W,H" and "WXH") as two sizes from 1.
func ParseSize(s string) (w, h int, err error) {
	a, b, ok := strings.Cut(strings.ToLower(s), "x")
	if !ok {
		a, b, ok = strings.Cut(s, ",")
	}
	if ok {
		w, err = strconv.Atoi(strings.TrimSpace(a))
		if err == nil {
			h, err = strconv.Atoi(strings.TrimSpace(b))
		}
	}
	if !ok || err != nil || w < 1 || h < 1 {
		return 0, 0, fmt.Errorf("size %q: want WxH with whole numbers from 1, such as 64x48", s)
	}
	return w, h, nil
}

// Check returns the error Load would give for s whatever the pattern: an
// unknown engine, a bad --rule or --torus. It lets a command that runs no
// engine (a format conversion) refuse what a run would refuse.
func (s Settings) Check() error {
	if !engine.IsAuto(s.Engine) {
		if _, err := engine.Lookup(s.Engine); err != nil {
			return UsageError{err}
		}
	}
	if s.Rule != "" {
		if _, err := engine.ParseRule(s.Rule); err != nil {
			return UsageError{fmt.Errorf("--rule: %w", err)}
		}
	}
	if s.Torus != "" {
		if _, _, err := ParseSize(s.Torus); err != nil {
			return UsageError{fmt.Errorf("--torus: %w", err)}
		}
	}
	return nil
}

// Convert returns pattern p, read from the file name, as it is written
// after zero generations (a conversion between formats, which runs no
// engine and so takes patterns of any size): its rule checked, and
// replaced by s.Rule when that is given. The other settings are checked
// too, as a run would check them.
func (s Settings) Convert(p *patterns.Pattern, name string) (*patterns.Pattern, error) {
	if err := s.Check(); err != nil {
		return nil, err
	}
	r, err := s.RuleOf(p, name)
	if err != nil {
		return nil, err
	}
	out := *p
	if s.Rule != "" {
		out.Rule = r.String()
	}
	return &out, nil
}

// RuleOf returns the rule pattern p, read from the file name, runs under
// with s: --rule, else the file's, else B3/S23, with its topology as
// written (no suffix: the plane).
func (s Settings) RuleOf(p *patterns.Pattern, name string) (engine.Rule, error) {
	text, from := p.Rule, name
	if s.Rule != "" {
		text, from = s.Rule, "--rule"
	}
	if text == "" {
		return engine.Life, nil
	}
	r, err := engine.ParseRule(text)
	if err != nil {
		if s.Rule != "" {
			return r, UsageError{fmt.Errorf("%s: %w", from, err)}
		}
		if p.RuleLine > 0 {
			// Placed where the file gives the rule: f.rle:1:22: ...
			return r, InputError{&patterns.Error{File: name, Line: p.RuleLine, Col: p.RuleCol, Msg: err.Error(), Err: err}}
		}
		return r, InputError{fmt.Errorf("%s: %w", from, err)}
	}
	return r, nil
}

// resolve works out the rule and topology for a pattern of w x h cells
// whose header is p: the rule's bounded-grid suffix, else --torus, else
// the unbounded plane when s.Plane asks for it and the engine runs it,
// else a torus that stands in for the plane (implied): s.Fit when the
// pattern fits in it, or the margin torus.
func (s Settings) resolve(p *patterns.Pattern, w, h int64, name string) (r engine.Rule, implied bool, err error) {
	if r, err = s.RuleOf(p, name); err != nil {
		return r, false, err
	}
	if r.Topology.Kind != engine.Plane {
		return r, false, nil
	}
	if s.Plane && s.Torus == "" && s.runsPlane(r) {
		return r, false, nil
	}
	if a := s.planeOnly(); a != nil && s.Torus == "" {
		// No torus stands in for the plane on an engine that runs the
		// plane alone: say why it does not run this rule there.
		if err := a.Runs(r); err != nil {
			return r, false, InputError{fmt.Errorf("%s: %w", name, err)}
		}
	}
	if s.Torus != "" {
		tw, th, err := ParseSize(s.Torus)
		if err != nil {
			return r, false, UsageError{fmt.Errorf("--torus: %w", err)}
		}
		r.Topology = engine.TorusOf(tw, th)
		return r, false, nil
	}
	if f := s.Fit; f.W > 0 && f.H > 0 && w <= int64(f.W) && h <= int64(f.H) {
		r.Topology = engine.TorusOf(f.W, f.H)
		return r, true, nil
	}
	m := int64(min(s.Gens+1, MaxMargin))
	if w > patterns.MaxPos/4 || h > patterns.MaxPos/4 {
		return r, false, InputError{fmt.Errorf("%s: pattern of %d x %d cells is too large for a torus; give --torus WxH", name, w, h)}
	}
	r.Topology = engine.TorusOf(int(max(w, 1)+2*m), int(max(h, 1)+2*m))
	return r, true, nil
}

// planeOnly returns the engine s names when it runs the unbounded plane
// and no bounded grid (sparse, hashlife), or nil.
func (s Settings) planeOnly() *engine.Algo {
	if engine.IsAuto(s.Engine) {
		return nil
	}
	a, err := engine.Lookup(s.Engine)
	if err != nil {
		return nil
	}
	for _, k := range a.Topologies {
		if k != engine.Plane {
			return nil
		}
	}
	return a
}

// runsPlane reports whether the engine s names (or auto) runs rule r on
// the unbounded plane.
func (s Settings) runsPlane(r engine.Rule) bool {
	r.Topology = engine.Topology{}
	o := engine.Options{Step: s.Step}
	if engine.IsAuto(s.Engine) {
		_, err := engine.Choose(nil, r, o)
		return err == nil
	}
	a, err := engine.Lookup(s.Engine)
	return err == nil && a.Runs(r) == nil && (s.Step == nil || a.Has(engine.CustomStep))
}

// NewEngine returns an empty engine for r: the one s names, or for auto
// the watched one (s.Watch) when one runs r, else the one auto picks (see
// auto.go), the fastest that runs r for an ordinary run. An unknown name
// is a [UsageError].
func (s Settings) NewEngine(r engine.Rule) (engine.Engine, error) {
	return s.newEngine(r, 0, 0, "", false)
}

// newEngine is NewEngine for a w x h pattern read in format, far from
// the origin or not (see [Settings.autoAlgo]).
func (s Settings) newEngine(r engine.Rule, w, h int64, format string, far bool) (engine.Engine, error) {
	o := engine.Options{Step: s.Step, MaxMemory: s.MaxMemory}
	name := s.Engine
	if s.Watch && engine.IsAuto(name) {
		for _, a := range engine.Algos() {
			if a.Has(engine.CustomStep) && a.Runs(r) == nil {
				name = a.Name
				break
			}
		}
	}
	if engine.IsAuto(name) {
		if a, _, err := s.autoAlgo(r, w, h, format, far); err == nil {
			name = a.Name
		}
	}
	e, err := engine.New(name, r, o)
	if errors.Is(err, engine.ErrUnknownEngine) {
		return nil, UsageError{err}
	}
	return e, err
}

// Load puts pattern p, read from the file name, on a new engine as s
// says, where Golly would put it (see [Settings.place]).
func Load(p *patterns.Pattern, name string, s Settings) (Universe, error) {
	w, h := p.Size()
	l, err := s.start(p, w, h, name)
	if err != nil {
		return Universe{}, err
	}
	step := int(max(len(p.Runs)/100, 1))
	for i, r := range p.Runs {
		if s.Progress != nil && i%step == 0 {
			s.Progress(int64(i), int64(len(p.Runs)))
		}
		if err := l.addStateRun(r.Y, r.X, r.N, p.StateOf(i)); err != nil {
			return Universe{}, err
		}
	}
	if err := l.build(s.Ctx); err != nil {
		return Universe{}, fmt.Errorf("%s: stopped while loading: %w", name, err)
	}
	u, why := s.settle(l.u)
	u.Why = why
	return u, nil
}

// builder is an engine that builds the runs it was given in a pass that
// can be cancelled (HashLife).
type builder interface {
	Build(ctx context.Context) error
}

// build builds the engine's cells, watching ctx, when the engine does
// that in a pass of its own.
func (l *loader) build(ctx context.Context) error {
	b, ok := l.u.Eng.(builder)
	if !ok {
		return nil
	}
	if ctx == nil {
		ctx = context.Background()
	}
	return b.Build(ctx)
}

// loader places a pattern's cells on an engine.
type loader struct {
	u      Universe
	rs     engine.RunSetter     // u.Eng's, or nil
	out    engine.OutsideSetter // u.Eng's, or nil
	t      engine.Topology      // the universe's
	y0, x0 int64                // where the pattern's (0, 0) goes on the engine
	clipW  int64                // cells this far right of the pattern's (0, 0) or more are clipped; 0 for none
	clipH  int64                // the same for rows
	bounds bool                 // cells beyond the grid's bounded sides are outside cells
	name   string               // the file's, for messages
	states int                  // the rule's number of states
	clamp  bool                 // a state the rule has not is state 1 (MCell, as Golly)
}

// start makes the engine for pattern p, of w x h cells, read from name,
// and works out where its cells go.
func (s Settings) start(p *patterns.Pattern, w, h int64, name string) (*loader, error) {
	r, implied, err := s.resolve(p, w, h, name)
	if err != nil {
		return nil, err
	}
	t := r.Topology
	eng, err := s.newEngine(r, w, h, p.Format, t.Kind == engine.Plane && far(p, w, h))
	if err != nil {
		if errors.Is(err, engine.ErrUnsupported) || errors.Is(err, grid.ErrSize) {
			return nil, InputError{fmt.Errorf("%s: %w", name, err)}
		}
		return nil, err
	}
	head := *p
	head.Runs, head.W, head.H = nil, w, h
	l := &loader{u: Universe{Eng: eng, Implied: implied, Header: &head}, name: name, states: r.States(), clamp: p.ClampStates}
	if g, ok := new(big.Int).SetString(p.Gen, 10); ok && g.Sign() > 0 {
		l.u.Gen0 = g // the file's generation, as Golly reads #CXRLE Gen
	}
	l.rs, _ = eng.(engine.RunSetter)
	l.out, _ = eng.(engine.OutsideSetter)
	l.t = t
	l.place(p, t, w, h)
	// The file's generation's parity chooses the rule of a B0 rule
	// without Smax, as in Golly.
	l.u = l.u.Swap(eng)
	return l, nil
}

// place works out where the pattern p, of w x h cells, goes on topology
// t, as Golly's readrle places it. The plane is Golly's universe itself; a
// bounded side of W cells spans [-(W/2), W-W/2) of it, and an unbounded
// side is Golly's own coordinates. A positioned pattern goes where it says;
// another is centred, its top-left cell at (-(h/2), -(w/2)), when it fits
// the grid, and otherwise put at the grid's top-left corner, its cells past
// a bounded side's length from its own top-left cell clipped. A positioned
// pattern's cells beyond the bounded sides live until the first step, as
// Golly keeps them ([engine.OutsideSetter]). A torus that stands in for
// the plane centres the pattern too, and remembers where on the plane it
// came from.
func (l *loader) place(p *patterns.Pattern, t engine.Topology, w, h int64) {
	y0, x0 := int64(t.H/2)-h/2, int64(t.W/2)-w/2
	offY, offX := -int64(t.H/2), -int64(t.W/2)
	switch {
	case t.Kind == engine.Plane:
		offY, offX = 0, 0
		if p.Positioned {
			y0, x0 = p.OriginY, p.OriginX
		}
	case l.u.Implied:
		py, px := -(h / 2), -(w / 2) // where the plane would have it
		if p.Positioned {
			py, px = p.OriginY, p.OriginX
		}
		offY, offX = py-y0, px-x0
	default:
		l.clipW, l.clipH, l.bounds = int64(t.W), int64(t.H), true
		dw, dh := p.W, p.H // Golly goes by the size the file declares
		if dw == 0 || dh == 0 {
			dw, dh = w, h
		}
		switch {
		case p.Positioned:
			y0, x0 = p.OriginY-offY, p.OriginX-offX
		case t.W > 0 && dw > int64(t.W) || t.H > 0 && dh > int64(t.H):
			y0, x0 = 0, 0
		default:
			y0, x0 = -dh/2-offY, -dw/2-offX
		}
	}
	l.y0, l.x0 = y0, x0
	l.u.OffY, l.u.OffX = offY, offX
}

// addStateRun puts the run of n cells at the pattern's (y, x) in state s,
// clipped as Golly clips it. A state the rule has not is an error, or, in
// an MCell file, state 1, as Golly reads it.
func (l *loader) addStateRun(y, x, n int64, s uint8) error {
	if int(s) >= l.states {
		if !l.clamp {
			r := l.u.Eng.Rule()
			return InputError{fmt.Errorf("%s: a cell in state %d, but %s has %d states (0 to %d)", l.name, s, r, r.States(), r.States()-1)}
		}
		s = 1
	}
	l.addRunOf(y, x, n, engine.State(s))
	return nil
}

// addRunOf puts the run of n cells at the pattern's (y, x) in state s (1
// or more), clipped as Golly clips it.
func (l *loader) addRunOf(y, x, n int64, s engine.State) {
	if l.clipH > 0 && y >= l.clipH || l.clipW > 0 && x >= l.clipW {
		return
	}
	if l.clipW > 0 {
		n = min(n, l.clipW-x)
	}
	y, x = l.y0+y, l.x0+x
	if l.bounds {
		t := l.t
		lo, hi := x, x+n
		if t.W > 0 {
			lo, hi = max(x, 0), min(x+n, int64(t.W))
		}
		rowIn := t.H == 0 || y >= 0 && y < int64(t.H)
		if l.out != nil && s == engine.Alive {
			// The parts of the run beyond the bounded sides.
			if !rowIn || lo >= hi {
				lo, hi = x+n, x+n
			}
			for c := x; c < lo; c++ {
				l.out.SetOutside(y, c)
			}
			for c := max(hi, x); c < x+n; c++ {
				l.out.SetOutside(y, c)
			}
		}
		if !rowIn || lo >= hi {
			return
		}
		x, n = lo, hi-lo
	}
	if l.rs != nil && s == engine.Alive {
		l.rs.SetRun(y, x, n)
		return
	}
	for i := range n {
		engine.SetStateOf(l.u.Eng, y, x+i, s)
	}
}

// StdinName is how standard input is named in messages.
const StdinName = "<stdin>"

// open returns the pattern file path as a reader and the name messages
// give it: standard input for "-", the built-in pattern of that name when
// no file path exists (as a pattern; the reader is then nil), or the file.
// A file that does not exist is an [InputError]. The caller closes the
// reader when it is a file.
func open(path string, stdin io.Reader) (io.Reader, *patterns.Pattern, string, error) {
	if path == "-" {
		return stdin, nil, StdinName, nil
	}
	if p, ok := builtin(path); ok {
		return nil, p, path, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, path, asInputError(err)
	}
	return f, nil, path, nil
}

// Builtin returns the built-in pattern arg names, when no file arg
// exists (a file that exists always wins), as [Open] reads arg.
func Builtin(arg string) (*patterns.Pattern, bool) { return builtin(arg) }

// builtin returns the built-in pattern arg names, when no file arg exists:
// a file that exists always wins.
func builtin(arg string) (*patterns.Pattern, bool) {
	if _, err := os.Stat(arg); !errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	entry, ok := patterns.Lookup(arg)
	if !ok {
		return nil, false
	}
	return entry.Pattern(), true
}

// ReadPattern reads the pattern at path: a file,
// standard input for "-", or a built-in name. Errors in the content, and
// a file that does not exist, are [InputError]s; the file's name is in
// every message.
func ReadPattern(path string, stdin io.Reader) (*patterns.Pattern, string, error) {
	r, p, name, err := open(path, stdin)
	if err != nil || p != nil {
		return p, name, err
	}
	if c, ok := r.(io.Closer); ok && path != "-" {
		defer c.Close()
	}
	p, err = patterns.Read(name, r)
	return p, name, asInputError(err)
}

// ReadPatternContext reads the pattern at path as [ReadPattern] does,
// within ctx and the default budget, handing its cells to sink when it is
// not nil (see [patterns.ReadOptions]); built is set for a built-in
// pattern, whose cells are then the Pattern's, never handed on.
func ReadPatternContext(ctx context.Context, path string, stdin io.Reader, sink patterns.Sink) (p *patterns.Pattern, name string, built bool, err error) {
	r, p, name, err := open(path, stdin)
	if err != nil || p != nil {
		return p, name, p != nil, err
	}
	if c, ok := r.(io.Closer); ok && path != "-" {
		defer c.Close()
	}
	p, err = patterns.ReadWith(name, r, patterns.ReadOptions{Ctx: ctx, Sink: sink})
	if isCancel(err) {
		return nil, name, false, fmt.Errorf("%s: stopped while reading: %w", name, err)
	}
	return p, name, false, asInputError(err)
}

// isCancel reports whether err is a context's.
func isCancel(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// LoadPath reads the pattern at path as [ReadPattern] does and loads it as
// [Read] does. It returns the pattern's header (without its cells) for
// its Notice.
func LoadPath(path string, stdin io.Reader, s Settings) (Universe, *patterns.Pattern, string, error) {
	r, p, name, err := open(path, stdin)
	if err != nil {
		return Universe{}, nil, name, err
	}
	if p != nil {
		u, err := Load(p, name, s)
		return u, u.Header, name, err
	}
	if c, ok := r.(io.Closer); ok && path != "-" {
		defer c.Close()
	}
	u, head, err := Read(name, r, s)
	return u, head, name, err
}

// asInputError marks errors in the content of a file, and a file that
// does not exist, as the user's to mend.
func asInputError(err error) error {
	var pe *patterns.Error
	if errors.As(err, &pe) || errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
		return InputError{err}
	}
	return err
}

// far reports whether the w x h pattern p has a cell more than FarCoord
// from the origin on either axis, where its file places it.
func far(p *patterns.Pattern, w, h int64) bool {
	return p.Positioned && (farSpan(p.OriginY, h) || farSpan(p.OriginX, w))
}

// farSpan reports whether any of the n cells from lo on lies more than
// FarCoord from the origin, without computing lo+n, which may overflow.
func farSpan(lo, n int64) bool {
	return lo < -FarCoord || lo > FarCoord || n > 0 && lo > 0 && n-1 > FarCoord-lo
}
