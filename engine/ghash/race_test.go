//go:build race

package ghash_test

const raceEnabled = true
