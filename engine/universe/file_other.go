//go:build !linux

package universe

import (
	"errors"
	"os"
)

// openUnnamed fails: only Linux has O_TMPFILE, and a named temporary file
// is used instead.
func openUnnamed(dir string) (*os.File, error) { return nil, errors.New("no O_TMPFILE") }
