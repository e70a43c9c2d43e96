//go:build !race

package universe

// raceEnabled sizes the heavier cross-checks down under the race detector.
const raceEnabled = false
