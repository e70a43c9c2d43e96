//go:build unix

package universe

import (
	"context"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// openFile opens path for reading, or returns ctx's error once ctx is
// done. Opening a FIFO blocks until a writer opens it, and that cannot be
// cancelled; so a FIFO is opened without blocking, and then waited on, in
// Go's poller, until a writer's first bytes (or its closing) come, which a
// close of the file when ctx is done ends.
func openFile(ctx context.Context, path string) (*os.File, error) {
	fi, err := os.Stat(path)
	if err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		return os.Open(path)
	}
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	f := os.NewFile(uintptr(fd), path) // non-blocking: reads wait in the poller
	stop := context.AfterFunc(ctx, func() { f.Close() })
	defer stop()
	rc, err := f.SyscallConn()
	if err == nil {
		// Wait in the poller until poll(2) says the FIFO has data, or a
		// writer that came has gone: a reader that no writer has met yet
		// sees neither, where a read would say end of file. The poller
		// drops what it saw before the wait began, so each turn asks
		// poll(2) first.
		err = rc.Read(func(fd uintptr) bool {
			p := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
			n, err := unix.Poll(p, 0)
			return err != nil || n > 0
		})
	}
	if ctx.Err() != nil {
		f.Close()
		return nil, ctx.Err()
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
