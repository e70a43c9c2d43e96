//go:build !race

package universe

const raceEnabled = false
