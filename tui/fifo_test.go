//go:build unix

package tui

import (
	"path/filepath"
	"syscall"
	"testing"

	"github.com/gdamore/tcell/v2"
)

// TestOpenFIFO opens a FIFO that nobody writes to: the open waits off the
// event loop, so the UI goes on answering keys, and Esc cancels it, keeping
// the pattern there was.
func TestOpenFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo.rle")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	h := start(t, 60, 20, Options{})
	h.press(' ')
	pop := h.idle().pop
	f := h.press('o', tcell.KeyCtrlU, fifo, tcell.KeyEnter)
	if want := "opening " + fifo + " (Esc cancels)"; !f.task || f.msg != want {
		t.Fatalf("opening a FIFO: task %v, message %q; want %q", f.task, f.msg, want)
	}
	if f = h.press(']'); f.scale != ScaleSingle || !f.task {
		t.Errorf("] while opening: scale %v, task %v; want %v, the open still waiting", f.scale, f.task, ScaleSingle)
	}
	h.press(tcell.KeyEscape)
	if f = h.tasked(); f.msg != "opening "+fifo+": cancelled" || f.pop != pop {
		t.Errorf("Esc: message %q, pop %s; want the open cancelled, the acorn kept (pop %s)", f.msg, f.pop, pop)
	}
}
