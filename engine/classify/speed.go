package classify

import "fmt"

func gcd(a, b int64) int64 {
	if a < 0 {
		a = -a
	}
	if b < 0 {
		b = -b
	}
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func abs(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// Speed writes the speed of a spaceship that moves dx columns and dy rows
// every period generations as Golly and LifeWiki write it: "c/4 diagonal"
// for the glider, "c/2 orthogonal" for the lightweight spaceship, "2c/5
// orthogonal", "(2,1)c/6" for an oblique (knightwise) ship. The fraction is
// in lowest terms; it returns "" for a ship that does not move.
func Speed(dx, dy, period int64) string {
	a, b := max(abs(dx), abs(dy)), min(abs(dx), abs(dy))
	if a == 0 || period <= 0 {
		return ""
	}
	switch {
	case b == 0, a == b:
		g := gcd(a, period)
		a, p := a/g, period/g
		c := "c"
		if a != 1 {
			c = fmt.Sprintf("%dc", a)
		}
		dir := "orthogonal"
		if b != 0 {
			dir = "diagonal"
		}
		return fmt.Sprintf("%s/%d %s", c, p, dir)
	default:
		g := gcd(gcd(a, b), period)
		return fmt.Sprintf("(%d,%d)c/%d", a/g, b/g, period/g)
	}
}
