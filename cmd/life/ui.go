package main

import "errors"

// runUI opens the terminal UI.
func runUI(e *env) int {
	return report(e, errors.New("the terminal UI is not built yet"))
}
