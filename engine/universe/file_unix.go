//go:build unix

package universe

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"syscall"

	"golang.org/x/sys/unix"
)

const (
	wOK = unix.W_OK
	xOK = unix.X_OK
)

// accessible reports whether the user may access path as mode asks
// (access(2), by the real user).
func accessible(path string, mode uint32) bool { return unix.Access(path, mode) == nil }

// owner returns the owner of the file fi describes.
func owner(fi os.FileInfo) (uid, gid int) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int(st.Uid), int(st.Gid)
	}
	return -1, -1
}

// linkUnnamed gives f, an unnamed file in dir, a temporary name there and
// returns it.
func linkUnnamed(f *os.File, dir, base string) (string, error) {
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".%s.%d.tmp", base, rand.Uint32()))
		err := unix.Linkat(unix.AT_FDCWD, fmt.Sprintf("/proc/self/fd/%d", f.Fd()), unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW)
		if err == nil {
			return name, nil
		}
		if err != unix.EEXIST {
			return "", &os.PathError{Op: "link", Path: name, Err: err}
		}
	}
	return "", fmt.Errorf("link: no free temporary name in %s", dir)
}
