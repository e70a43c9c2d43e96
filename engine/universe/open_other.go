//go:build !unix

package universe

import (
	"context"
	"os"
)

// openFile opens path for reading, or returns ctx's error when ctx is
// done already.
func openFile(ctx context.Context, path string) (*os.File, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return os.Open(path)
}
