//go:build !race

package ghash_test

const raceEnabled = false
