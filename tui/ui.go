package tui

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/big"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/render"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/patterns"
	"github.com/rivo/tview"
)

// app is what the controller and the animator need of the application.
// *tview.Application satisfies it; its QueueUpdate and QueueUpdateDraw
// block until the event loop has run f, so they are called only from other
// goroutines, and never after Run has returned.
type app interface {
	QueueUpdate(f func()) *tview.Application
	QueueUpdateDraw(f func()) *tview.Application
	ForceDraw() *tview.Application
	SetFocus(p tview.Primitive) *tview.Application
	Stop()
}

var _ app = (*tview.Application)(nil)

// Options is what the UI takes from cmd/life.
type Options struct {
	// Pattern is the starting pattern and Name the file it came from (for
	// messages and as the default place to save). A nil Pattern starts
	// the built-in acorn.
	Pattern *patterns.Pattern
	Name    string
	// Path, when set, is a pattern file to open instead, once the UI
	// runs: it is read off the event loop, which shows how far it has got
	// (a large file takes seconds), and Esc cancels it. When it does not
	// load, Run returns its error.
	Path string
	// Settings say how a pattern opened becomes a universe (see
	// [universe.Settings]): cmd/life passes --rule, --torus and --engine.
	// A pattern without a bounded-grid suffix runs on the unbounded plane
	// (on hashlife) when Settings.Plane asks for it, or, on an engine that
	// runs only bounded grids, on a torus that fills the window when it
	// fits in it ([universe.Settings.Fit], which the UI sets).
	Settings universe.Settings
	// Engines are the engines E offers, fastest first; nil means every
	// engine of the registry ([engine.Algos]).
	Engines []*engine.Algo
	// AutoSwitch lets the UI choose the engine, as --engine auto asks: the
	// protocol engine stays wherever it keeps up with the speed chosen on
	// the board at hand. A run that falls clearly behind (three frames in
	// a row, a second of stepping at least, each achieving less than two
	// thirds of the generations a second asked) moves, with its history,
	// to the faster engine, the first of Engines other than the protocol
	// engine that runs the rule, and the status bar says so. The UI never
	// moves back by itself; an engine chosen with E turns the switch off.
	// An engine that runs step logic of the caller's own
	// ([engine.RunsCustomStep]) is never moved: another would run the
	// rule instead. Settings.Watch starts a universe on the protocol
	// engine where it runs the topology.
	AutoSwitch bool
	// PauseAtSettle makes a run pause when it settles (p toggles it); by
	// default the status bar only says how it settled.
	PauseAtSettle bool
	// PatternsDir is the directory o lists, or "".
	PatternsDir string
	// WriteFile writes path atomically (a temporary file and a rename);
	// nil is [universe.WriteFile].
	WriteFile func(path string, write func(w io.Writer) error) error
	// NoColor draws with attributes only, for NO_COLOR.
	NoColor bool
	// Theme is the colours of the pictures P and G draw; the zero Theme
	// is [render.Light]. [ThemeFor] picks one for the terminal.
	Theme render.Theme
	// Screen is the screen to run on; nil opens the terminal (/dev/tty,
	// so that standard input may hold the pattern). A simulation screen
	// keeps the size it has.
	Screen tcell.Screen

	// KeyLatency, when set, is called on the event loop with the time from
	// each key event's making to the end of the draw that shows its
	// effect, written to the terminal.
	KeyLatency func(d time.Duration)

	// wrap, for tests, is applied to every universe loaded (to hold its
	// engine back, say).
	wrap func(w world) world
	// afterDraw, for tests, is called on the event loop after each draw.
	afterDraw func(u *controller, s tcell.Screen)
	// gollyDirs, for tests, are where o looks for Golly's patterns; nil
	// is [gollyDirs].
	gollyDirs []string
	// stepClock, for tests, is the clock that times the animator's steps
	// for the automatic switch; nil is time.Now.
	stepClock func() time.Time
}

// world is a universe as the controller keeps it: nobody modifies its
// engine in place (an edit clones it first), which makes undo, rewind and
// snapshots plain values.
type world = universe.Universe

// snapshot returns w as the board draws it.
func snapshot(w world) *Snapshot {
	return &Snapshot{Eng: w.Eng, Gen: w.Gen(), Pop: w.Eng.Population()}
}

// Limits of the histories.
const (
	maxUndo    = 100
	maxBack    = 256
	maxSamples = 512         // population samples kept for the sparkline
	minExp     = -len(rates) // the slowest speed: 1 generation a second
	maxExp     = 12          // the fastest on base 10: 10^12 generations a step
	maxExp2    = 60          // the fastest on base 2: 2^60 generations a step
	baseTen    = 10          // the step base of engines that name none, as in Golly
)

// stepBase returns eng's step base: the step is base^exp generations. The
// registry says it for each engine (hashlife: 2, its natural jump, as
// Golly has a base per algorithm); an engine it does not know has 10.
func stepBase(eng engine.Engine) int {
	if a := engine.AlgoOf(eng); a != nil {
		return a.StepBase
	}
	return baseTen
}

// maxExpFor returns the fastest step exponent on base b: 2^60 on base 2,
// 12 on any other (10^12 on base 10).
func maxExpFor(b int) int {
	if b == 2 {
		return maxExp2
	}
	return maxExp
}

// base returns the step base of the current engine. When the engine has
// changed to one of another base, it first converts the step exponent to
// the new base, keeping the step about the same size (10^3 becomes 2^10,
// and back), up to the new base's fastest.
func (u *controller) base() int {
	b := stepBase(u.cur.Eng)
	if u.expBase != 0 && u.expBase != b && u.exp > 0 {
		e := math.Round(float64(u.exp) * math.Log(float64(u.expBase)) / math.Log(float64(b)))
		u.exp = min(int(e), maxExpFor(b))
	}
	u.expBase = b
	return b
}

// controller owns the current world and the view state, and
// runs only on the event loop.
type controller struct {
	app    app
	tapp   *tview.Application
	screen tcell.Screen
	opts   Options
	board  *Board
	status *statusBar
	layout *tview.Flex // the board above the status bar
	pages  *tview.Pages

	cur, start world
	doc        *doc   // the pattern file cur belongs to
	rev        uint64 // cur's edit revision (see state)
	startRev   uint64 // start's
	revs       uint64 // the last revision handed out

	running  bool
	busy     bool   // a job is with the animator
	version  uint64 // bumped by every change that makes a job in flight stale
	pending  uint64 // single steps asked for while a job was in flight
	exp      int    // the step exponent, in base expBase
	expBase  int    // the base exp was last read in; 0 before the first
	undo     []state
	redo     []state
	back     []world
	pops     []int64
	rate     rateMeter
	msg      string
	editing  bool
	settle   settler
	ident    identifyState // I and t
	overlay  string        // the name of the page on top of the board, or ""
	keys     int           // key events seen, for tests
	keyAt    time.Time     // when the last key event was made, until drawn
	quitting bool
	started  bool  // the first job has been handed out
	cursorY  int64 // the edit cursor's cell
	cursorX  int64

	sel       selection // the selection (selection.go)
	selecting bool      // select mode: the arrows stretch the selection
	selCount  selCount  // the selection's population, counted once
	paste     *floating // the floating paste, or nil (paste.go)
	pasteMode universe.PasteMode
	clip      *patterns.Pattern // the UI's clipboard (clipboard.go)
	pointY    int64             // the cell the mouse was last over
	pointX    int64
	pointed   bool // the mouse has been over a cell

	queue         []stepReq     // steps asked for, not yet handed out (pending counts them)
	pauseAtSettle bool          // p: a run pauses when it settles
	settled       bool          // the run has settled: the detector rests
	due           time.Time     // when the run's next generation is due, below full speed
	jobDelay      time.Duration // the delay of the job in flight
	stepping      bool          // the job in flight steps the world (not a recording)
	sentAt        time.Time     // when the job in flight began stepping
	spin          int           // the spinner's frame
	wake          chan struct{} // wakes the clock (speed.go)
	taskAt        time.Time     // when the task in flight began
	taskDone      int64         // how far it has got when it loads a file,
	taskTotal     int64         // as taskDone of taskTotal
	startErr      error         // why Options.Path did not load

	auto bool         // the automatic engine switch is on (Options.AutoSwitch)
	fast *engine.Algo // the engine it moved to from the watched one on the board at hand, or nil
	// left records, for each engine of the plane the switch moved away
	// from for falling behind, the step it fell behind at: it does not
	// move back at that step or a larger one.
	left   map[*engine.Algo]uint64
	chosen *engine.Algo // the engine chosen with E, or nil
	pace   pacer        // judges the run's frames for the automatic switch

	recQueued *recording // a recording G asked for, until the animator takes it
	recording *recording // the recording in flight
	tasks     []*task    // tasks asked for, until the animator takes them
	task      *task      // the task in flight
	quitSaved bool       // quit once the files being saved are written

	jobs      chan job
	ctx       context.Context    // the animator's
	jobCancel context.CancelFunc // cancels the job in flight
	cancel    context.CancelFunc
	done      chan struct{} // closed when the animator has returned
	looping   chan struct{} // closed at the first draw, in the event loop
}

// Run runs the UI until the user quits or ctx is cancelled, and leaves the
// terminal as it was.
func Run(ctx context.Context, opts Options) error {
	u, err := newUI(opts)
	if err != nil {
		return err
	}
	if err := u.run(ctx); err != nil {
		return err
	}
	return u.startErr
}

// newUI builds the UI and its screen, and loads the starting pattern to fill
// the screen.
func newUI(opts Options) (*controller, error) {
	switch {
	case opts.Path != "":
		opts.Pattern, opts.Name = &patterns.Pattern{}, opts.Path // empty until the file is read
	case opts.Pattern == nil:
		opts.Pattern, opts.Name = defaultPattern()
	}
	if opts.WriteFile == nil {
		opts.WriteFile = universe.WriteFile
	}
	tview.Styles = tview.Theme{
		PrimitiveBackgroundColor:    tcell.ColorDefault,
		ContrastBackgroundColor:     tcell.ColorDefault,
		MoreContrastBackgroundColor: tcell.ColorDefault,
		BorderColor:                 tcell.ColorDefault,
		TitleColor:                  tcell.ColorDefault,
		GraphicsColor:               tcell.ColorDefault,
		PrimaryTextColor:            tcell.ColorDefault,
		SecondaryTextColor:          tcell.ColorDefault,
		TertiaryTextColor:           tcell.ColorDefault,
		InverseTextColor:            tcell.ColorDefault,
		ContrastSecondaryTextColor:  tcell.ColorDefault,
	}
	ta := tview.NewApplication()
	u := &controller{app: ta, tapp: ta, opts: opts, board: NewBoard(opts.NoColor), status: newStatusBar(opts.NoColor),
		auto: opts.AutoSwitch, pauseAtSettle: opts.PauseAtSettle}
	u.board.SetPointerFunc(u.pointer)
	u.board.SetPasteFunc(u.pasteText)
	screen := opts.Screen
	if screen == nil {
		// The terminal is /dev/tty, not standard input, which may hold
		// the pattern.
		var err error
		if screen, err = openTerminal(); err != nil {
			return nil, err
		}
	}
	w, h := screen.Size()
	u.screen = screen
	ta.SetScreen(screen) // initializes it
	setActive(screen, ta)
	if s, ok := screen.(interface{ SetSize(w, h int) }); ok && opts.Screen != nil {
		s.SetSize(w, h) // a simulation screen given at its size
	} else {
		w, h = screen.Size()
	}
	ta.EnableMouse(true)
	ta.EnablePaste(true)
	u.layout = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(u.board, 0, 1, true).
		AddItem(u.status, statusLines, 0, false)
	u.pages = tview.NewPages().AddPage("board", u.layout, true, true)
	ta.SetRoot(u.pages, true).SetFocus(u.board)
	ta.SetInputCapture(u.capture)
	ta.SetAfterDrawFunc(func(s tcell.Screen) {
		if u.opts.KeyLatency != nil && !u.keyAt.IsZero() {
			s.Show() // the draw is not on the terminal until Show
			u.opts.KeyLatency(time.Since(u.keyAt))
			u.keyAt = time.Time{}
		}
		if u.opts.afterDraw != nil {
			u.opts.afterDraw(u, s)
		}
	})
	ta.SetBeforeDrawFunc(func(tcell.Screen) bool {
		if !u.started {
			// The first draw runs on the event loop: start the run.
			u.started = true
			close(u.looping)
			if u.opts.Path != "" {
				u.openStart(u.opts.Path)
			}
			u.kick()
		}
		u.refresh()
		return false
	})
	u.board.SetRect(0, 0, w, h-statusLines) // until the first draw lays it out
	uni, err := u.loadPattern(opts.Pattern, opts.Name, fitSize(w, h-statusLines))
	if err != nil {
		screen.Fini()
		setActive(nil, nil)
		return nil, err
	}
	u.adopt(uni, newDoc(opts.Name))
	u.running = opts.Path == "" // a file to read runs once it is read
	return u, nil
}

// fitSize returns the size in cells of a board of w x h characters at the
// scale a new universe is shown at.
func fitSize(w, h int) universe.Size {
	return universe.Size{W: max(w, 8), H: max(2*h, 8)}
}

// defaultPattern returns the pattern life opens with no argument, the
// built-in acorn, and its name.
func defaultPattern() (*patterns.Pattern, string) {
	e, ok := patterns.Lookup("acorn")
	if !ok {
		panic("tui: no built-in acorn") // the library is tested
	}
	return e.Pattern(), "built-in acorn"
}

// settings returns the options' settings for a universe shown on a board
// of fit cells.
func (u *controller) settings(fit universe.Size) universe.Settings {
	s := u.opts.Settings
	s.Fit = fit
	if u.auto && s.Rate == 0 {
		// A new board starts at a generation a frame: auto starts it on
		// the watched engine only when that keeps up at once.
		s.Rate = float64(time.Second / frameTime)
	}
	return s
}

// loaded returns w as the tests see it (see Options.wrap).
func (u *controller) loaded(w world) world {
	if u.opts.wrap != nil {
		w = u.opts.wrap(w)
	}
	return w
}

// loadPattern makes pattern p, read from the file name, a universe as the
// options' settings say, on a torus of fit cells when it stands in for
// the plane and fits in it.
func (u *controller) loadPattern(p *patterns.Pattern, name string, fit universe.Size) (world, error) {
	w, err := universe.Load(p, name, u.settings(fit))
	if err != nil {
		return w, err
	}
	return u.loaded(w), nil
}

// run starts the animator, runs the event loop, and waits for the animator
// to return.
func (u *controller) run(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	u.ctx, u.cancel = ctx, cancel
	u.jobs = make(chan job, 1)
	u.done = make(chan struct{})
	u.looping = make(chan struct{})
	a := &animator{app: u.app, jobs: u.jobs, deliver: u.deliver, progress: u.recordProgress, now: u.opts.stepClock}
	defer setActive(nil, nil)
	go func() {
		defer close(u.done)
		defer restoreOnPanic()
		a.run(ctx)
	}()
	u.wake = make(chan struct{}, 1)
	clocked := make(chan struct{})
	go func() {
		defer close(clocked)
		u.clock(ctx)
	}()
	// The one shutdown path: whoever cancels (q or the parent), the
	// animator and the clock return first, and only then does the app
	// stop, so that no QueueUpdate is left waiting on a stopped app.
	// Stop before the event loop runs would make Run open a terminal of
	// its own, so the stopper waits for the loop (or for Run to fail).
	stopped, returned := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		defer restoreOnPanic()
		<-u.done
		<-clocked
		select {
		case <-u.looping:
			u.app.Stop()
		case <-returned:
		}
	}()
	err := u.tapp.Run()
	close(returned)
	cancel()
	if u.quitting || parent.Err() != nil {
		<-stopped // the loop ran until the stopper stopped it
		return err
	}
	// Run returned by itself (the terminal went away): an animator caught
	// in QueueUpdateDraw would wait for the loop forever, so give it a
	// moment and then leave it to the process's exit.
	t := time.NewTimer(time.Second)
	defer t.Stop()
	select {
	case <-stopped:
	case <-t.C:
	}
	return err
}

// quit cancels the animator; the app stops once it has returned.
//
// While a file the user asked to save is being written (or waits to be),
// the UI quits once it is written; asked again, it quits at once.
func (u *controller) quit() {
	if u.quitting {
		return
	}
	if u.saving() && !u.quitSaved {
		u.quitSaved = true
		u.msg = "quitting once the file is written (q again quits now)"
		return
	}
	u.quitting = true
	u.running = false
	for _, t := range append(u.tasks, u.task) {
		if t != nil {
			t.cancel() // saves too: asked twice, the UI quits without them
		}
	}
	u.cancel()
	close(u.jobs)
}

// kick hands the animator the next job when it is idle and there is one to
// do.
func (u *controller) kick() {
	if u.busy || u.quitting {
		return
	}
	if len(u.tasks) > 0 {
		t := u.tasks[0]
		u.tasks, u.task = u.tasks[1:], t
		u.busy = true
		u.taskAt, u.taskDone, u.taskTotal = time.Now(), 0, 0
		u.poke()
		u.jobCancel = nil // a task has its own context: changes of the world leave it be
		u.jobs <- job{ctx: t.ctx, task: t, version: u.version}
		return
	}
	if u.ident.queued {
		u.ident.queued, u.ident.running = false, true
		w := u.cur
		if u.ident.world != nil {
			w, u.ident.world = *u.ident.world, nil
		}
		u.send(job{world: w, version: u.version, identify: true})
		return
	}
	if r := u.recQueued; r != nil {
		u.recQueued, u.recording = nil, r
		u.send(job{world: r.view.world, n: r.n, version: u.version, rec: r})
		return
	}
	j := job{world: u.cur, version: u.version}
	switch {
	case len(u.queue) > 0:
		q := u.queue[0]
		u.queue = u.queue[1:]
		u.pending--
		if q.fromStart {
			j.world, j.fromStart = u.start, true
			if w, ok := u.hyper(u.start, q.n); ok {
				j.world = w
			}
		} else {
			j.world = u.forJump(q.n)
		}
		j.n, j.undo = q.n, true
		j.detect = j.n == 1 && !q.fromStart
	case u.running:
		var period time.Duration
		j.n, period = u.step()
		if period > 0 {
			j.delay = u.runDelay(period)
		}
		j.detect = j.n == 1
		j.run = true
		j.world = u.forJump(j.n)
	default:
		return
	}
	j.detect = j.detect && !u.settled
	if g := j.world.Gen(); j.detect && g.IsInt64() && !u.settle.seen(g.Int64()) {
		j.first = true // the settle detector has not seen the job's world
	}
	u.send(j)
}

// send hands j to the animator, which is idle, with a context that
// dropJob cancels.
func (u *controller) send(j job) {
	j.ctx, u.jobCancel = context.WithCancel(u.ctx)
	u.busy = true
	u.jobDelay, u.stepping = j.delay, j.rec == nil
	u.sentAt = time.Now().Add(j.delay)
	u.poke()
	u.jobs <- j // never blocks: the animator is idle and the buffer empty
}

// dropJob cancels the job in flight, if any, and makes sure its result is
// dropped when it comes back. A recording queued or in flight is
// cancelled, and writes nothing.
func (u *controller) dropJob() {
	if u.busy && u.jobCancel != nil {
		u.jobCancel()
	}
	u.version++
	if u.recordingActive() {
		u.recQueued, u.recording = nil, nil
		u.msg = "gif: recording cancelled; no file written"
	}
}

// deliver adopts a result from the animator; it runs on the event loop.
func (u *controller) deliver(r result) {
	u.busy = false
	if u.quitting {
		return
	}
	if u.jobCancel != nil {
		u.jobCancel() // the job is done: release its context
		u.jobCancel = nil
	}
	defer func() {
		u.kick()
		if !r.drawn && !u.busy {
			u.app.ForceDraw() // idle now: show the last result
		}
	}()
	if t := r.job.task; t != nil {
		u.task = nil
		if t.ctx.Err() == nil && r.done != nil {
			r.done()
		}
		t.cancel()
		if u.quitSaved && !u.saving() {
			u.quit() // asked to quit while saving: the file is written
		}
		return
	}
	rec := r.job.rec
	if rec != nil && u.recording == rec {
		u.recording = nil
	}
	if r.job.identify && r.job.version != u.version {
		u.ident.running = false // dropped: the universe changed
	}
	if r.job.version != u.version {
		if rec != nil && r.err == nil {
			u.msg = rec.recorded() // cancelled too late: the file was written
		}
		return // the world changed meanwhile: drop the result
	}
	if r.job.identify {
		u.identified(r)
		return
	}
	if r.err != nil {
		u.running, u.pending, u.queue = false, 0, u.queue[:0]
		u.msg = "step: " + r.err.Error()
		if rec != nil {
			u.msg = "gif: " + r.err.Error() + " (no file written)"
		}
	} else {
		if rec != nil {
			u.msg = rec.recorded()
		}
		if r.job.undo {
			// A step asked for (n, Tab, g) is one undo step.
			u.pushUndo()
			u.beginRun()
			if r.job.fromStart {
				u.rev = u.startRev
				u.back = u.back[:0]
			}
		}
		u.pushBack(u.cur)
		u.cur = r.world
		u.track()
		pop := u.cur.Eng.Population()
		u.sample(pop)
		u.rate.add(time.Now(), u.cur.Gen())
		if r.job.detect && u.running {
			if g := u.cur.Gen(); g.IsInt64() {
				m := ""
				if r.job.first {
					m = u.settle.add(g.Int64()-1, r.fp0)
				}
				if m == "" {
					m = u.settle.add(g.Int64(), r.fp)
				}
				if m != "" {
					// Said once; the detector rests until the world
					// changes, and pauses the run only when asked (p).
					u.ident.last = u.settle.result
					u.msg, u.settled = m, true
					if u.pauseAtSettle {
						u.running = false
					}
				}
			}
		}
		u.keepUp(r)
	}
}

// runTask hands run to the animator as a task (see [task]), after the job
// in flight, and says what it does in the status bar until it is done.
// It runs on the event loop.
func (u *controller) runTask(what string, run func(ctx context.Context) (done func())) {
	ctx, cancel := context.WithCancel(u.ctx)
	u.queueTask(&task{what: what, run: run, ctx: ctx, cancel: cancel})
}

// runSave is runTask for a task that writes a file the user asked for:
// quitting does not cancel it (the UI waits for it before it stops), Esc
// still does.
func (u *controller) runSave(what string, run func(ctx context.Context) (done func())) {
	ctx, cancel := context.WithCancel(context.WithoutCancel(u.ctx))
	u.queueTask(&task{what: what, run: run, ctx: ctx, cancel: cancel, save: true})
}

// saving reports whether a task that writes a file the user asked for is
// queued or in flight.
func (u *controller) saving() bool {
	if u.task != nil && u.task.save && u.task.ctx.Err() == nil {
		return true
	}
	for _, t := range u.tasks {
		if t.save {
			return true
		}
	}
	return false
}

// queueTask queues t and kicks the animator.
func (u *controller) queueTask(t *task) {
	what := t.what
	u.tasks = append(u.tasks, t)
	u.msg = what + " (Esc cancels)"
	u.kick()
}

// cancelTasks cancels the tasks queued and in flight, and reports whether
// there were any. A task cancelled does nothing on the event loop.
func (u *controller) cancelTasks() bool {
	ts := u.tasks
	if u.task != nil {
		ts = append(ts, u.task)
	}
	for _, t := range ts {
		t.cancel()
	}
	u.tasks = nil
	if len(ts) == 0 {
		return false
	}
	u.msg = ts[len(ts)-1].what + ": cancelled"
	return true
}

// recordProgress shows how far the recording job j has got; it runs on the
// event loop.
func (u *controller) recordProgress(j job, frames uint64) {
	if u.quitting || j.version != u.version || u.recording != j.rec {
		return
	}
	u.msg = fmt.Sprintf("recording frame %d of %d to %s (Esc cancels)", frames, j.rec.n, j.rec.path)
}

// refresh brings the board and the status bar up to date before a draw.
func (u *controller) refresh() {
	u.board.SetSnapshot(u.snap())
	u.board.SetCursor(u.editing || u.selecting, u.cursorY, u.cursorX)
	o := Overlay{Sel: u.sel.rect()}
	if f := u.paste; f != nil {
		o.Paste, o.PasteY, o.PasteX = f.p, f.y, f.x
	}
	u.board.SetOverlay(o)
	st := u.statusLine()
	u.status.set(st)
	sw, sh := u.screen.Size()
	u.layout.ResizeItem(u.status, st.height(sw, sh), 0) // room for the message, wrapped
}

// snap returns the current world's snapshot, made once per world.
func (u *controller) snap() *Snapshot {
	if s := u.board.Snapshot(); s != nil && s.Eng == u.cur.Eng {
		return s
	}
	return snapshot(u.cur)
}

// statusLine gathers what the status bar shows.
func (u *controller) statusLine() status {
	s := u.snap()
	st := status{
		running: u.running,
		gen:     readable(s.Gen),
		pop:     readable(s.Pop),
		rule:    ruleLabel(u.cur.Eng.Rule()),
		engine:  u.cur.Eng.Name(),
		scale:   u.board.Scale().String(),
		pops:    u.pops,
		msg:     u.msg,
		editing: u.editing,
		state:   u.stateText(),
		task:    u.taskText(),
		step:    u.speedText(),
		sel:     u.selectionText(),
		paste:   u.pasteStatus(),
		settle:  "settle:go",
	}
	if u.pauseAtSettle {
		st.settle = "settle:pause"
	}
	if u.running {
		st.rate = u.rate.rate(time.Now())
	}
	switch {
	case u.paste != nil:
		st.mode = "PASTE"
	case u.selecting:
		st.mode = "SELECT"
	case u.editing:
		st.mode = "EDIT"
	}
	// The cell pointed at, in Golly's coordinates: the mouse's, or the
	// cursor's.
	if u.pointed {
		st.cursor = fmt.Sprintf("(%d,%d)", u.pointX+u.cur.OffX, u.pointY+u.cur.OffY)
	} else if st.mode != "" {
		st.cursor = fmt.Sprintf("(%d,%d)", u.cursorX+u.cur.OffX, u.cursorY+u.cur.OffY)
	}
	return st
}

// sample records a population for the sparkline.
func (u *controller) sample(pop *big.Int) {
	v := int64(math.MaxInt64) // beyond 63 bits: the sparkline's top
	if pop.IsInt64() {
		v = pop.Int64()
	}
	if len(u.pops) == maxSamples {
		u.pops = append(u.pops[:0], u.pops[1:]...)
	}
	u.pops = append(u.pops, v)
}

// pushBack adds w to the rewind history.
func (u *controller) pushBack(w world) {
	if n := len(u.back) - historyCap(w.Eng, maxBack) + 1; n > 0 {
		u.back = append(u.back[:0], u.back[n:]...)
	}
	u.back = append(u.back, w)
}

// historyBudget is about how many bytes of worlds each history (undo,
// rewind) keeps at most.
const historyBudget = 256 << 20

// nodeCounter is implemented by engines that keep a universe as nodes
// (hashlife, whose copies hold only the nodes of their pattern).
type nodeCounter interface{ Nodes() int }

// bytesPerNode is about what a node of a [nodeCounter] takes, with its
// share of the hash table.
const bytesPerNode = 64

// historyCap returns how many worlds like e's a history keeps: limit, or
// fewer when a world is so large that limit of them would pass
// historyBudget, but at least 2.
func historyCap(e engine.Engine, limit int) int {
	var size int64
	if nc, ok := e.(nodeCounter); ok {
		size = int64(nc.Nodes()) * bytesPerNode
	} else if r, ok := universe.Bounds(e); ok {
		size = r.W * r.H / 8
	} else {
		return limit
	}
	size = max(size, 1)
	return int(max(2, min(int64(limit), historyBudget/size)))
}

// change makes w the current world after an edit or a load: the run so far
// can be undone, and a job in flight is dropped.
func (u *controller) change(w world) {
	u.pushUndo()
	u.set(w)
}

// set makes w the current world without recording an undo step. After
// an automatic switch, a world still on the protocol engine moves to the
// faster one first.
func (u *controller) set(w world) {
	if fw := u.onFast(w); fw.Eng != w.Eng {
		if w.Eng == u.start.Eng {
			u.start = fw // r need not convert it again
		}
		w = fw
	}
	u.pace.reset()
	if u.cur.Eng != nil {
		before, _ := universe.Bounds(u.cur.Eng)
		if after, _ := universe.Bounds(w.Eng); before != after {
			defer u.centreOrigin() // a universe of another size
		}
	}
	u.cur = w
	u.dropJob()
	u.pending, u.queue = 0, u.queue[:0]
	u.settle.reset()
	u.settled = false
	u.back = u.back[:0]
}

// pushUndo records the current state so that u (or Ctrl-Z) comes back to
// it, and forgets what could be redone.
func (u *controller) pushUndo() {
	if n := len(u.undo) - historyCap(u.cur.Eng, maxUndo) + 1; n > 0 {
		u.undo = append(u.undo[:0], u.undo[n:]...)
	}
	u.undo = append(u.undo, u.current())
	u.redo = u.redo[:0]
}

// adopt makes w, a universe freshly loaded from the file d, current and
// shows it whole.
func (u *controller) adopt(w world, d *doc) {
	// A new board: the automatic switch judges it afresh, on the engine the
	// loader chose; an engine chosen with E stays chosen.
	u.fast, u.left = nil, nil
	if why := u.why(w); why != "" {
		u.msg = why
	}
	if u.chosen != nil && engine.AlgoOf(w.Eng) != u.chosen {
		if e, ok := u.engineOf(u.chosen, w.Eng.Rule()); ok {
			w = w.MoveTo(e)
		}
	}
	if u.cur.Eng != nil {
		u.change(w)
	} else {
		u.set(w)
	}
	u.rev = u.newRev()
	u.start, u.startRev = u.cur, u.rev
	u.doc = d
	d.saved = u.rev
	u.sel = selection{}
	u.dropPaste()
	u.pops = u.pops[:0]
	u.sample(w.Eng.Population())
	u.board.SetScale(ScaleHalf)
	u.centreOrigin()
	if box, ok := w.Eng.Bounds(); ok {
		_, _, w, h := u.board.GetInnerRect()
		if _, _, rows, cols := u.board.view(w, h); box.W > cols || box.H > rows {
			u.board.Fit(box) // larger than the window: zoom out to show it whole
		}
	}
	u.cursorY, u.cursorX = u.board.Centre()
}

// centreOrigin puts the universe's origin at the centre of the board: the
// middle of a bounded universe, as in Golly, or cell (0, 0).
func (u *controller) centreOrigin() {
	if r, ok := universe.Bounds(u.cur.Eng); ok {
		u.board.SetCentre(r.Y+r.H/2, r.X+r.W/2)
		return
	}
	u.board.SetCentre(0, 0)
}

// pause stops the run at once: a job in flight is cancelled and dropped.
func (u *controller) pause() {
	u.running = false
	u.dropJob()
}

// rateMeter measures generations per second over the last second.
type rateMeter struct {
	samples []rateSample
}

// rateSample is the generation reached at a time.
type rateSample struct {
	t   time.Time
	gen *big.Int
}

// add records that generation gen was reached at t, and forgets samples
// more than a second older, keeping two at least.
func (m *rateMeter) add(t time.Time, gen *big.Int) {
	m.samples = append(m.samples, rateSample{t, gen})
	i := 0
	for i < len(m.samples)-2 && t.Sub(m.samples[i].t) > time.Second {
		i++
	}
	m.samples = m.samples[i:]
}

// rate returns the generations per second achieved, as text.
func (m *rateMeter) rate(now time.Time) string {
	if len(m.samples) < 2 {
		return "… gen/s"
	}
	a, b := m.samples[0], m.samples[len(m.samples)-1]
	dt := now.Sub(a.t).Seconds()
	if dt <= 0 {
		return "… gen/s"
	}
	g, _ := new(big.Float).SetInt(new(big.Int).Sub(b.gen, a.gen)).Float64()
	r := g / dt
	switch {
	case r >= 1e6:
		return fmt.Sprintf("%.3g gen/s", r)
	case r >= 10:
		return fmt.Sprintf("%.0f gen/s", r)
	}
	return fmt.Sprintf("%.1f gen/s", r)
}

// ruleLabel is the rule as the status bar shows it: its name, and for the
// families of many states the family and the number of states.
func ruleLabel(r engine.Rule) string {
	if !r.MultiState() {
		return r.String()
	}
	return fmt.Sprintf("%s (%s, %d states)", r, r.Family(), r.States())
}
