//go:build !race

package bitwise

const raceEnabled = false
