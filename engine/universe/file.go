package universe

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/life-go/life/patterns"
)

// WriteFile writes path atomically as [WriteFileContext] does, with no
// context to cancel it.
func WriteFile(path string, write func(w io.Writer) error) error {
	return WriteFileContext(context.Background(), path, write)
}

// target returns the file that writing path writes: path itself, or, when
// path is a symbolic link (a chain of them), the file it leads to, which
// may not exist yet. Editors write through a link this way, keeping it.
func target(path string) (string, error) {
	for range 40 {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// CheckWritable returns an error, naming path as the user gave it, when
// writing path would fail or replace a file the user may not write: one
// that is not a regular file, is read-only (to root as well: its mode says
// it is not to be written, as editors warn), or sits in a directory the
// user cannot create a file in. It is checked before any work, so that a
// long run is not lost at its end.
func CheckWritable(path string) error {
	t, err := target(path)
	if err != nil {
		return UsageError{fmt.Errorf("-o %s: %w", path, err)}
	}
	if fi, err := os.Stat(t); err == nil {
		if !fi.Mode().IsRegular() {
			return UsageError{fmt.Errorf("-o %s: not a regular file", path)}
		}
		if fi.Mode().Perm()&0o222 == 0 || !accessible(t, wOK) {
			return UsageError{fmt.Errorf("-o %s: the file is read-only to you; it was left as it is", path)}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return UsageError{fmt.Errorf("-o %s: %w", path, unwrapPath(err))}
	}
	dir := filepath.Dir(t)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return UsageError{fmt.Errorf("-o %s: no such directory %s", path, dir)}
	}
	if !accessible(dir, wOK|xOK) {
		return UsageError{fmt.Errorf("-o %s: cannot create a file in the directory %s: permission denied", path, dir)}
	}
	return nil
}

// unwrapPath drops the path a *fs.PathError names, for a message that
// names the user's file instead of a temporary one.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// WriteFileContext writes path through a temporary file in the same
// directory and a rename, so that after any error, a cancellation of ctx
// or a signal, an existing file at path is byte for byte as it was. The
// temporary file has no name until the write is complete (O_TMPFILE on
// Linux), so that even SIGKILL leaves nothing behind; where that is not
// to be had, a named one is removed on every failure and by the signal
// handler. When path is a symbolic link, the file it leads to is written
// and the link kept. An existing file keeps its mode (and, for root, its
// owner); a new one gets mode 0644. Errors name path, never the
// temporary file.
func WriteFileContext(ctx context.Context, path string, write func(w io.Writer) error) (err error) {
	if err := CheckWritable(path); err != nil {
		return err
	}
	dest, err := target(path)
	if err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	uid, gid := -1, -1
	if fi, err := os.Stat(dest); err == nil {
		mode = fi.Mode().Perm()
		uid, gid = owner(fi)
	}
	tmp, err := createTemp(filepath.Dir(dest), filepath.Base(dest))
	if err != nil {
		return fmt.Errorf("-o %s: %w", path, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			tmp.discard()
		}
	}()
	fail := func(err error) error {
		switch {
		case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
			return err
		case ctx != nil && ctx.Err() != nil:
			return fmt.Errorf("-o %s: stopped before it was written: %w", path, ctx.Err())
		case errors.Is(err, patterns.ErrTooLarge) || errors.Is(err, patterns.ErrStates):
			return UsageError{fmt.Errorf("-o %s: %w", path, err)}
		}
		return fmt.Errorf("-o %s: %w", path, unwrapPath(err))
	}
	bw := bufio.NewWriterSize(tmp.f, 1<<16)
	if err = write(bw); err != nil {
		return fail(err)
	}
	if err = bw.Flush(); err != nil {
		return fail(err)
	}
	if err = tmp.f.Chmod(mode); err != nil {
		return fail(err)
	}
	if uid >= 0 && os.Geteuid() == 0 {
		tmp.f.Chown(uid, gid) // best effort, as editors do
	}
	if err = tmp.f.Sync(); err != nil {
		return fail(err)
	}
	if ctx != nil && ctx.Err() != nil {
		// The last moment to leave the old file.
		return fmt.Errorf("-o %s: stopped before it was written: %w", path, ctx.Err())
	}
	if err = tmp.commit(dest); err != nil {
		return fail(err)
	}
	return nil
}

// tempFile is a temporary file being written: unnamed (O_TMPFILE) or named.
type tempFile struct {
	f     *os.File
	named bool // f.Name() exists in the directory, to be removed on failure
	dir   string
	base  string
}

// createTemp opens a temporary file in dir for the file base.
func createTemp(dir, base string) (*tempFile, error) {
	if f, err := openUnnamed(dir); err == nil {
		return &tempFile{f: f, dir: dir, base: base}, nil
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return nil, err
	}
	t := &tempFile{f: f, named: true, dir: dir, base: base}
	temps.add(f.Name())
	return t, nil
}

// commit gives the temporary file the name dest, replacing it atomically.
func (t *tempFile) commit(dest string) error {
	if !t.named {
		// Link the unnamed file under a temporary name, and rename that
		// over dest: between the two, a SIGKILL would leave it, but
		// nothing else can.
		name, err := linkUnnamed(t.f, t.dir, t.base)
		if err != nil {
			return err
		}
		temps.add(name)
		defer temps.remove(name)
		if err := t.f.Close(); err != nil {
			os.Remove(name)
			return err
		}
		if err := os.Rename(name, dest); err != nil {
			os.Remove(name)
			return err
		}
		return nil
	}
	defer temps.remove(t.f.Name())
	if err := t.f.Close(); err != nil {
		os.Remove(t.f.Name())
		return err
	}
	if err := os.Rename(t.f.Name(), dest); err != nil {
		os.Remove(t.f.Name())
		return err
	}
	return nil
}

// discard closes and removes the temporary file.
func (t *tempFile) discard() {
	t.f.Close()
	if t.named {
		os.Remove(t.f.Name())
		temps.remove(t.f.Name())
	}
}

// temps are the named temporary files in existence, which [RemoveTemps]
// removes.
var temps tempSet

type tempSet struct {
	mu    sync.Mutex
	names map[string]bool
}

func (s *tempSet) add(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.names == nil {
		s.names = map[string]bool{}
	}
	s.names[name] = true
}

func (s *tempSet) remove(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.names, name)
}

// RemoveTemps removes every named temporary file a write in progress has
// made, for a process about to exit without the write's own cleanup (a
// signal not obeyed in time). Writes in progress fail after it.
func RemoveTemps() { temps.removeAll() }

// removeAll removes every named temporary file.
func (s *tempSet) removeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for name := range s.names {
		os.Remove(name)
	}
}
