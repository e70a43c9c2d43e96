//go:build !race

package states

// raceEnabled is true under the race detector, which makes the heavier
// cross-checks smaller.
const raceEnabled = false
