//go:build !race

package engine

// raceEnabled sizes the heavier cross-checks down under the race detector.
const raceEnabled = false
