package tui

import (
	"fmt"
	"io"
	"os"

	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/patterns"
)

// Open sets what the UI starts on from the command line's pattern
// argument arg (see [Options.Pattern] and [Options.Path]): a regular file
// is left for the UI to read once it runs, showing how far it has got;
// standard input ("-"), a FIFO or the name of a built-in pattern is read
// now, a built-in named "built-in NAME"; a directory is refused, pointing
// at --patterns. It returns the pattern read now, or nil, for the caller
// to show its notice. Its errors are the reader's ([universe.ReadPattern])
// or a [universe.UsageError].
func (o *Options) Open(arg string, stdin io.Reader) (*patterns.Pattern, error) {
	fi, err := os.Stat(arg)
	switch {
	case err == nil && fi.Mode().IsRegular():
		o.Path = arg
		return nil, nil
	case err == nil && fi.IsDir():
		return nil, universe.UsageError{Err: fmt.Errorf("%s is a directory, want a pattern file (--patterns %s lists it in o)", arg, arg)}
	}
	p, name, err := universe.ReadPattern(arg, stdin)
	if err != nil {
		return nil, err
	}
	if _, builtin := universe.Builtin(arg); builtin {
		name = "built-in " + name
	}
	o.Pattern, o.Name = p, name
	return p, nil
}
