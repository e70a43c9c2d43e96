//go:build !unix

package tui

// writableDir reports whether the directory dir may be written to: where
// the system cannot say, it may.
func writableDir(string) bool { return true }
