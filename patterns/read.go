package patterns

import (
	"io"
	"os"
)

// Read reads a pattern from r in whichever format its content shows; name
// is the file's name for error messages.
func Read(name string, r io.Reader) (*Pattern, error) {
	return ReadRLE(name, r)
}

// ReadFile reads the pattern file at path, as [Read] does.
func ReadFile(path string) (*Pattern, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(path, f)
}
