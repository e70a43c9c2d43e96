package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/life-go/life/engine/universe"
)

// cancelling is a reader that cancels its context once n bytes have been
// read from it, and then goes on handing out data forever.
type cancelling struct {
	r      io.Reader
	n      int
	cancel context.CancelFunc
}

func (c *cancelling) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if c.n -= n; c.n <= 0 {
		c.cancel()
	}
	if err == io.EOF {
		return n, nil // endless: only the cancellation ends the read
	}
	return n, err
}

// dirHolds checks that dir holds exactly the files named.
func dirHolds(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

// TestCancelledLoad cancels a load of standard input half way: the run
// stops, says where, and leaves the existing -o file byte for byte.
func TestCancelledLoad(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.rle")
	os.WriteFile(out, []byte("old\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	soup := strings.Repeat("2o3b4o$", 1<<16)
	in := &cancelling{r: strings.NewReader("x = 9, y = 65536\n" + soup), n: 100 << 10, cancel: cancel}
	var stdout, stderr bytes.Buffer
	code := dispatch(&env{ctx: ctx, args: []string{"run", "--gens", "5", "-o", out, "-"}, stdin: in, stdout: &stdout, stderr: &stderr})
	if code != 1 || stderr.String() != "life: <stdin>: stopped while reading: context canceled\n" {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if data, _ := os.ReadFile(out); string(data) != "old\n" {
		t.Errorf("out.rle holds %q", data)
	}
	dirHolds(t, dir, "out.rle")
}

// TestCancelledWrite cancels writeFileAtomic once the write has begun: the
// old file is kept byte for byte, and nothing else is left.
func TestCancelledWrite(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.lif")
	os.WriteFile(out, []byte("old\n"), 0o600)
	ctx, cancel := context.WithCancel(context.Background())
	err := universe.WriteFileContext(ctx, out, func(w io.Writer) error {
		io.WriteString(w, "#Life 1.06\n0 0\n")
		cancel()
		io.WriteString(w, "1 1\n")
		return nil
	})
	if !errors.Is(err, context.Canceled) || err.Error() != "-o "+out+": stopped before it was written: context canceled" {
		t.Errorf("err %v", err)
	}
	if data, _ := os.ReadFile(out); string(data) != "old\n" {
		t.Errorf("out.lif holds %q", data)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode())
	}
	dirHolds(t, dir, "out.lif")
	// A writer that fails: the same.
	err = universe.WriteFileContext(context.Background(), out, func(w io.Writer) error { return errors.New("no") })
	if err == nil || err.Error() != "-o "+out+": no" {
		t.Errorf("err %v", err)
	}
	dirHolds(t, dir, "out.lif")
	// A write that succeeds keeps the mode.
	if err := universe.WriteFileContext(context.Background(), out, func(w io.Writer) error { _, err := io.WriteString(w, "new\n"); return err }); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v after the write", fi.Mode())
	}
	dirHolds(t, dir, "out.lif")
}

// TestWriteThroughSymlink writes -o onto a symbolic link: the link's target
// gets the pattern, the link stays a link; a read-only file is refused.
func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.rle")
	link := filepath.Join(dir, "link.rle")
	os.WriteFile(target, []byte("old\n"), 0o640)
	if err := os.Symlink("target.rle", link); err != nil {
		t.Skip(err)
	}
	if code, _, errs := life(t, "", "run", "--gens", "0", "-o", link, "testdata/glider.rle"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a %v", fi.Mode())
	}
	if data, _ := os.ReadFile(target); !strings.Contains(string(data), "x = 3, y = 3") {
		t.Errorf("the target holds %q", data)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o640 {
		t.Errorf("the target's mode is %v", fi.Mode())
	}
	ro := filepath.Join(dir, "ro.rle")
	os.WriteFile(ro, []byte("theirs\n"), 0o444)
	code, _, errs := life(t, "", "run", "--gens", "0", "-o", ro, "testdata/glider.rle")
	if code != 2 || errs != "life: -o "+ro+": the file is read-only to you; it was left as it is\n" {
		t.Errorf("read-only: exit %d, %q", code, errs)
	}
	if data, _ := os.ReadFile(ro); string(data) != "theirs\n" {
		t.Errorf("the read-only file holds %q", data)
	}
}

// TestRunSignals stops life run with each signal, in a child process, while
// it reads a FIFO that never ends (a read no context can interrupt) and
// while it runs: it exits 128+N within the grace with a one-line note,
// leaving the old -o file and no temporary file.
func TestRunSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		for _, stage := range []string{"reading", "running"} {
			t.Run(signalName(sig)+" "+stage, func(t *testing.T) {
				dir := t.TempDir()
				out := filepath.Join(dir, "out.rle")
				os.WriteFile(out, []byte("old\n"), 0o644)
				fifo := filepath.Join(dir, "in.fifo")
				if err := syscall.Mkfifo(fifo, 0o600); err != nil {
					t.Skip(err)
				}
				args := []string{"run", "--quiet", "-o", out, fifo}
				if stage == "running" {
					args = append(args, "--gens", "1000000000", "--engine", "bitwise", "--torus", "512x512")
				}
				cmd := exec.Command(os.Args[0], args...)
				cmd.Env = append(os.Environ(), "LIFE_TEST_MAIN=1")
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				defer cmd.Process.Kill()
				// Opening the FIFO returns once the child has opened it
				// too, past setting up its signals.
				w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
				if err != nil {
					t.Fatal(err)
				}
				defer w.Close()
				if stage == "running" {
					io.WriteString(w, "x = 3, y = 3\nbo$2bo$3o!\n")
					w.Close()
				}
				start := time.Now()
				cmd.Process.Signal(sig)
				err = cmd.Wait()
				if d := time.Since(start); d > 5*grace {
					t.Errorf("stopped after %v", d)
				}
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.ExitCode() != 128+int(sig) {
					t.Errorf("exit %v, want %d; stderr %q", err, 128+int(sig), stderr.String())
				}
				if got := stderr.String(); strings.Count(got, "\n") != 1 || !strings.Contains(got, "interrupted by "+signalName(sig)) {
					t.Errorf("stderr %q", got)
				}
				if data, _ := os.ReadFile(out); string(data) != "old\n" {
					t.Errorf("out.rle holds %q", data)
				}
				dirHolds(t, dir, "in.fifo", "out.rle")
			})
		}
	}
}
