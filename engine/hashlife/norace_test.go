//go:build !race

package hashlife

const raceEnabled = false
