package tui

import (
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/gdamore/tcell/v2"
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

// active is the screen of the UI running, if any, for RestoreTerminal.
var active struct {
	sync.Mutex
	s tcell.Screen
}

func setActive(s tcell.Screen) {
	active.Lock()
	active.s = s
	active.Unlock()
}

// RestoreTerminal puts the terminal of a running UI back as it was (echo
// and line mode on, the main screen, no mouse reporting, the cursor
// shown), at once, from any goroutine: for a process about to exit
// without the UI's own shutdown (a signal not obeyed in time, a panic).
// It does nothing when no UI runs; the UI cannot draw after it.
func RestoreTerminal() {
	active.Lock()
	s := active.s
	active.Unlock()
	if s != nil {
		s.Fini() // tcell's Fini runs once, whoever calls it first
	}
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
