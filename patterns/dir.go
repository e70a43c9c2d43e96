package patterns

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
)

// IsPatternFile reports whether name has the extension of a format the
// registry knows (".rle", ".mc", ".cells", ".lif", ".life"), with or
// without ".gz" after it. Reading the file still sniffs its content.
func IsPatternFile(name string) bool {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	ext := filepath.Ext(name)
	for _, f := range formats {
		if slices.Contains(f.Exts, ext) {
			return true
		}
	}
	return false
}

// ListDir returns the paths of the pattern files (see [IsPatternFile])
// in the directory dir and the directories below it, sorted, for a browser
// of the user's patterns. Directories it cannot read are skipped; only an
// unreadable dir itself is an error.
func ListDir(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return err
			}
			return fs.SkipDir
		}
		if !d.IsDir() && IsPatternFile(d.Name()) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	return files, nil
}
