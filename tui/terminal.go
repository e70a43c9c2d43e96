package tui

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
	"golang.org/x/term"
)

// ErrNoTerminal is wrapped by the error of [Run] when there is no terminal
// to draw on (no controlling terminal, as under setsid or in a pipeline
// with no tty, or a TERM tcell does not know).
var ErrNoTerminal = errors.New("no terminal")

// openTerminal returns the screen of the controlling terminal, not yet
// initialised, after checking that there is one: tcell would otherwise
// fail deep inside, on a nil terminal.
func openTerminal() (tcell.Screen, error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return nil, fmt.Errorf("%w to draw the UI on (%v)", ErrNoTerminal, err)
	}
	ok := term.IsTerminal(int(tty.Fd()))
	tty.Close()
	if !ok {
		return nil, fmt.Errorf("%w to draw the UI on (/dev/tty is not a terminal)", ErrNoTerminal)
	}
	s, err := tcell.NewScreen()
	if err != nil {
		return nil, fmt.Errorf("%w to draw the UI on (%v)", ErrNoTerminal, err)
	}
	return s, nil
}

// active is the screen of the UI running, if any, and its application,
// for RestoreTerminal.
var active struct {
	sync.Mutex
	s   tcell.Screen
	app *tview.Application
}

func setActive(s tcell.Screen, app *tview.Application) {
	active.Lock()
	active.s, active.app = s, app
	active.Unlock()
}

// RestoreTerminal puts the terminal of a running UI back as it was (echo
// and line mode on, the main screen, no mouse reporting, the cursor
// shown), at once, from any goroutine: for a process about to exit
// without the UI's own shutdown (a signal not obeyed in time, a panic).
// It does nothing when no UI runs; the UI cannot draw after it.
//
// It first holds the application's lock, which every draw takes, for
// at most a second: tcell's Fini writes the terminal's exit sequences
// after letting go of the screen's own lock, and a draw that began
// meanwhile took them into its buffer, so that they never reached the
// terminal (TestUIPanic failed so about one run in 50). The lock is not
// let go: nothing draws after the terminal is restored.
func RestoreTerminal() {
	active.Lock()
	s, app := active.s, active.app
	active.Unlock()
	if s == nil {
		return
	}
	if app != nil {
		locked := make(chan struct{})
		go func() {
			app.Lock()
			close(locked)
		}()
		t := time.NewTimer(time.Second)
		select {
		case <-locked:
		case <-t.C: // a draw that does not end: restore anyway
		}
		t.Stop()
	}
	s.Fini() // tcell's Fini runs once, whoever calls it first
}

// restoreOnPanic is deferred by every goroutine of the UI: a panic puts the
// terminal back before it is printed, so that the trace can be read and
// the shell used.
func restoreOnPanic() {
	if r := recover(); r != nil {
		RestoreTerminal()
		panic(r)
	}
}
