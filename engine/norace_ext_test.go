//go:build !race

package engine_test

// raceOn sizes the heavier cross-checks of the external tests down under
// the race detector.
const raceOn = false
