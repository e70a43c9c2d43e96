package tui

import (
	"path/filepath"
	"strings"

	"github.com/life-go/life/engine/universe"
)

// The undo history. Every edit is one undo step, and so is a run, a step,
// a load and a change of rule: each records the [state] before it, which
// undo brings back whole, with the pattern file the world belongs to, so
// that undoing an open brings back the file before it (its name, its
// starting pattern, where it was saved) and not only its cells.

// doc is a pattern file the UI has open: where it came from and where it
// was last saved. States of the same file share it; a load makes a new one.
type doc struct {
	// name is where the pattern came from, for messages and the info
	// panel: a path, "built-in acorn", "<stdin>".
	name string
	// file is the path of the file it came from, or "" for a built-in
	// pattern or standard input; writable reports whether its directory
	// could be written to when it was loaded (s offers to save there).
	file     string
	writable bool
	// savedAs is the file last saved to, or "".
	savedAs string
	// saved is the edit revision ([state.rev]) last loaded or saved: the
	// world holds unsaved edits when its revision is another.
	saved uint64
}

// newDoc returns the doc of a pattern loaded from name: a file, unless
// name is a built-in pattern's ("built-in acorn") or standard input's. It
// asks the system whether the file's directory is writable, so it is
// called off the event loop, or before it runs.
func newDoc(name string) *doc {
	d := &doc{name: name}
	if strings.HasPrefix(name, builtinPrefix) || name == universe.StdinName || name == "" {
		return d
	}
	d.file = name
	d.writable = writableDir(filepath.Dir(name))
	return d
}

// builtinPrefix starts the name of a pattern of the built-in library.
const builtinPrefix = "built-in "

// state is what an undo step brings back.
type state struct {
	w world
	// rev is w's edit revision: every edit makes a new one; a run keeps
	// it (running is not an edit).
	rev uint64
	// start is the starting pattern r resets to, and startRev its
	// revision.
	start    world
	startRev uint64
	doc      *doc
	sel      selection
}

// current returns the controller's state.
func (u *controller) current() state {
	return state{w: u.cur, rev: u.rev, start: u.start, startRev: u.startRev, doc: u.doc, sel: u.sel}
}

// restore makes s the controller's state, without recording an undo step.
func (u *controller) restore(s state) {
	u.start, u.startRev, u.doc, u.rev = s.start, s.startRev, s.doc, s.rev
	u.sel = s.sel
	u.set(s.w)
}

// newRev returns a revision no world has had.
func (u *controller) newRev() uint64 {
	u.revs++
	return u.revs
}

// edit makes w, an edited clone of the current world, current: one undo
// step, and a new revision.
func (u *controller) edit(w world) {
	u.change(w)
	u.rev = u.newRev()
}

// dirty reports whether the world holds edits that were not saved.
func (u *controller) dirty() bool { return u.doc != nil && u.rev != u.doc.saved }

// beginRun is called as a run or a step begins: when the world is at the
// starting pattern's generation but edited since, the edited world
// becomes the starting pattern, as in Golly, so that r comes back to the
// edits.
func (u *controller) beginRun() {
	if u.rev != u.startRev && u.cur.Gen().Cmp(u.start.Gen()) == 0 {
		u.start, u.startRev = u.cur, u.rev
	}
}

// undoOnce goes back to the state before the last edit or run, and
// pauses.
func (u *controller) undoOnce() {
	u.pause()
	u.dropPaste()
	if len(u.undo) == 0 {
		u.msg = "nothing to undo"
		return
	}
	s := u.undo[len(u.undo)-1]
	u.undo = u.undo[:len(u.undo)-1]
	redo := append(u.redo, u.current())
	u.restore(s)
	u.redo = redo
}

// redoOnce goes forward again after an undo.
func (u *controller) redoOnce() {
	u.pause()
	u.dropPaste()
	if len(u.redo) == 0 {
		u.msg = "nothing to redo"
		return
	}
	s := u.redo[len(u.redo)-1]
	redo := u.redo[:len(u.redo)-1]
	u.undo = append(u.undo, u.current())
	u.restore(s)
	u.redo = redo
}

// askQuit quits, asking first when the world holds unsaved edits.
func (u *controller) askQuit() {
	if !u.dirty() {
		u.quit()
		return
	}
	u.confirm("The pattern has unsaved edits. Quit anyway? (y/n)", "not quitting: s saves", u.quit)
}
