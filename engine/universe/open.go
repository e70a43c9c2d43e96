package universe

import (
	"context"
	"os"
	"syscall"

	"github.com/life-go/life/patterns"
)

// LoadFile reads the pattern file at path and loads it as [Read] does,
// watching ctx all the while: opening a FIFO that no one writes to yet, or
// reading a file that comes slowly, stops with ctx's error as soon as ctx
// is done, and leaves no goroutine behind for long. A file that does not
// exist is an [InputError]. The UI opens its files with it, off its event
// loop.
func LoadFile(ctx context.Context, path string, s Settings) (Universe, *patterns.Pattern, error) {
	f, err := openFile(ctx, path)
	if err != nil {
		return Universe{}, nil, asInputError(err)
	}
	defer f.Close()
	// A read that waits (a FIFO, a terminal) returns once the file is
	// closed: close it when ctx is done.
	stop := context.AfterFunc(ctx, func() { f.Close() })
	defer stop()
	u, h, err := Read(path, f, s)
	if ctx.Err() != nil {
		return Universe{}, nil, ctx.Err()
	}
	return u, h, err
}

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
		waited := false
		err = rc.Read(func(uintptr) bool {
			if !waited {
				waited = true
				return false // wait until readable first
			}
			return true
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
