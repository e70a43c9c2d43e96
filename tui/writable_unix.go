//go:build unix

package tui

import "syscall"

// writableDir reports whether the directory dir may be written to.
func writableDir(dir string) bool { return syscall.Access(dir, 2 /* W_OK */) == nil }
