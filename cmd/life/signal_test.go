//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// pty is a pseudo-terminal: the test holds the master, the child the slave.
type pty struct {
	master, slave *os.File
	out           bytes.Buffer // what the child wrote, read so far
}

func openPTY(t *testing.T) *pty {
	t.Helper()
	m, err := unix.Open("/dev/ptmx", unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	if err := unix.IoctlSetPointerInt(m, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(m, unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetWinsize(int(s.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 80}); err != nil {
		t.Fatal(err)
	}
	p := &pty{master: os.NewFile(uintptr(m), "/dev/ptmx"), slave: s}
	t.Cleanup(func() { p.master.Close(); p.slave.Close() })
	return p
}

// termios returns the slave's terminal settings.
func (p *pty) termios(t *testing.T) *unix.Termios {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(p.slave.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return tio
}

// readUntil reads the child's output until it holds want, or fails after
// the deadline (a guard against a hang, not a wait: the condition ends it).
func (p *pty) readUntil(t *testing.T, want string, d time.Duration) {
	t.Helper()
	p.master.SetReadDeadline(time.Now().Add(d))
	buf := make([]byte, 4096)
	for !strings.Contains(p.out.String(), want) {
		n, err := p.master.Read(buf)
		p.out.Write(buf[:n])
		if err != nil && !strings.Contains(p.out.String(), want) {
			t.Fatalf("waiting for %q: %v; output so far %q", want, err, tail(p.out.String()))
		}
	}
}

func tail(s string) string {
	if len(s) > 300 {
		return "..." + s[len(s)-300:]
	}
	return s
}

// startUI starts life's UI in a child process on the pty, and waits for its
// first screen.
func startUI(t *testing.T, p *pty, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "LIFE_TEST_MAIN=1", "TERM=xterm")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = p.slave, p.slave, p.slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	p.readUntil(t, "Gen", time.Minute) // the status bar is drawn
	return cmd
}

// restored checks that the terminal is as it was before the UI: echo and
// line mode on, and, in what the UI wrote last, the main screen back, mouse
// reporting off and the cursor shown.
func restored(t *testing.T, p *pty, before *unix.Termios) {
	t.Helper()
	after := p.termios(t)
	if after.Lflag&(unix.ECHO|unix.ICANON) != before.Lflag&(unix.ECHO|unix.ICANON) || after.Iflag != before.Iflag || after.Oflag != before.Oflag {
		t.Errorf("terminal not restored: lflag %#x iflag %#x oflag %#x, want %#x %#x %#x", after.Lflag, after.Iflag, after.Oflag, before.Lflag, before.Iflag, before.Oflag)
	}
	p.readUntil(t, "\x1b[?1049l", time.Minute) // the main screen
	out := p.out.String()
	last := out[strings.LastIndex(out, "\x1b[?1049h"):]
	for name, seq := range map[string]string{"mouse reporting off": "\x1b[?1000l", "the cursor shown": "\x1b[?25h"} {
		if !strings.Contains(last, seq) {
			t.Errorf("no %s (%q) after the UI: %q", name, seq, tail(last))
		}
	}
}

// TestUISignals sends each stopping signal to the UI running in a
// pseudo-terminal, and reads the terminal's state back after.
func TestUISignals(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	glider, _ := filepath.Abs("testdata/glider.rle")
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGINT} {
		t.Run(signalName(sig), func(t *testing.T) {
			p := openPTY(t)
			before := p.termios(t)
			cmd := startUI(t, p, glider)
			if tio := p.termios(t); tio.Lflag&unix.ECHO != 0 {
				t.Fatalf("the UI runs with echo on")
			}
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 128+int(sig) {
				t.Errorf("exit: %v, want status %d", err, 128+int(sig))
			}
			restored(t, p, before)
			// The note comes after the terminal is restored.
			p.readUntil(t, "life: interrupted by "+signalName(sig)+"\r\n", time.Minute)
		})
	}
}

// TestUIPanic makes the animator panic: the terminal is restored before
// the panic is printed.
func TestUIPanic(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	p := openPTY(t)
	before := p.termios(t)
	glider, _ := filepath.Abs("testdata/glider.rle")
	cmd := exec.Command(os.Args[0], "--engine", "test-panic", "--torus", "16x16", glider)
	cmd.Env = append(os.Environ(), "LIFE_TEST_MAIN=1", "LIFE_TEST_PANIC=1", "TERM=xterm")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = p.slave, p.slave, p.slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	p.readUntil(t, "panic: test-panic: a step panics", time.Minute)
	cmd.Wait()
	out := p.out.String()
	if i, j := strings.LastIndex(out, "\x1b[?1049l"), strings.Index(out, "panic: test-panic"); i < 0 || i > j {
		t.Errorf("the panic was printed before the main screen came back: %q", tail(out))
	}
	restored(t, p, before)
}

// TestUINoTerminal runs the UI with no controlling terminal: it says so
// and exits 2, pointing to life run.
func TestUINoTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	cmd := exec.Command(os.Args[0], "testdata/glider.rle")
	cmd.Env = append(os.Environ(), "LIFE_TEST_MAIN=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Errorf("exit: %v, want status 2", err)
	}
	if got := stderr.String(); !strings.HasPrefix(got, "life: no terminal to draw the UI on") || !strings.Contains(got, "use life run") || strings.Count(got, "\n") != 1 {
		t.Errorf("stderr %q", got)
	}
}
