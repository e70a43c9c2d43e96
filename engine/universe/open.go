package universe

import (
	"context"

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
