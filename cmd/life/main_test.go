package main

import (
	"os"
	"testing"
)

// TestMain runs the test binary as life itself when LIFE_TEST_MAIN is set,
// so that tests can run the whole process (signals, a pseudo-terminal)
// without building it first.
func TestMain(m *testing.M) {
	if os.Getenv("LIFE_TEST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}
