//go:build unix

package universe

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestLoadFileFIFO opens a FIFO nobody writes to, and a FIFO whose writer
// sends half a pattern and waits: LoadFile returns the context's error once
// it is cancelled, in both, and reads a FIFO whose writer finishes.
func TestLoadFileFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	s := Settings{Engine: "auto", Plane: true}
	// No writer: the open blocks until the load is cancelled.
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, _, err := LoadFile(ctx, fifo, s)
		done <- err
	}()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("no writer: %v, want context.Canceled", err)
	}
	// A writer that stops half way: the read waits until cancelled.
	ctx, cancel = context.WithCancel(context.Background())
	go func() {
		_, _, err := LoadFile(ctx, fifo, s)
		done <- err
	}()
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0) // waits for the reader
	if err != nil {
		t.Fatal(err)
	}
	// The open has returned (the writer's did): the read is under way.
	w.Write([]byte("x = 3, y = 3\nbo$"))
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("half a pattern: %v, want context.Canceled", err)
	}
	w.Close()
	// A writer that finishes: the glider.
	go func() {
		u, _, err := LoadFile(context.Background(), fifo, s)
		if err == nil && u.Eng.Population().Int64() != 5 {
			err = errors.New("not the glider")
		}
		done <- err
	}()
	if w, err = os.OpenFile(fifo, os.O_WRONLY, 0); err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("x = 3, y = 3\nbo$2bo$3o!\n"))
	w.Close()
	if err := <-done; err != nil {
		t.Errorf("a whole glider: %v", err)
	}
}
