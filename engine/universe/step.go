package universe

import (
	"context"
	"fmt"
	"math/bits"
	"strconv"
	"strings"

	"github.com/life-go/life/engine"
)

// Step is a step of a run: a number of generations, written as a number
// or as B^K (life run's --step).
type Step struct {
	Gens uint64 // at least 1
	Text string // as written
}

// String returns the size as written, and its value when written as B^K:
// "2^4 (16)".
func (s Step) String() string {
	if strings.Contains(s.Text, "^") {
		return fmt.Sprintf("%s (%d)", s.Text, s.Gens)
	}
	return s.Text
}

// ParseStep reads --step: a whole number from 1, or B^K with B from 2 and
// K from 0, such as 2^10 or 10^3, in decimal digits only (no signs, spaces
// or other bases), whose value fits in 64 bits.
func ParseStep(s string) (Step, error) {
	bad := fmt.Errorf("--step %q: want a whole number of generations from 1, or B^K such as 2^10 or 10^3", s)
	big := fmt.Errorf("--step %q: too many generations, want at most 2^64-1", s)
	num := func(t string) (uint64, error) {
		if t == "" || strings.TrimLeft(t, "0123456789") != "" {
			return 0, bad
		}
		n, err := strconv.ParseUint(t, 10, 64)
		if err != nil {
			return 0, big
		}
		return n, nil
	}
	b, k, pow := strings.Cut(s, "^")
	base, err := num(b)
	if err != nil {
		return Step{}, err
	}
	if !pow {
		if base == 0 {
			return Step{}, bad
		}
		return Step{base, s}, nil
	}
	exp, err := num(k)
	if err != nil {
		if err == big {
			return Step{}, big
		}
		return Step{}, bad
	}
	if base < 2 {
		return Step{}, fmt.Errorf("--step %q: the base B of B^K must be at least 2", s)
	}
	n := uint64(1)
	for range exp {
		hi, lo := bits.Mul64(n, base)
		if hi != 0 {
			return Step{}, big
		}
		n = lo
	}
	return Step{n, s}, nil
}

// RunGens returns the generations of a run in steps of s (life run's
// --gens with --step): gens, which must be a multiple of s, or one step
// when gens is nil (--gens not given).
func (s Step) RunGens(gens *uint64) (uint64, error) {
	if gens == nil {
		return s.Gens, nil
	}
	if *gens%s.Gens != 0 {
		return 0, fmt.Errorf("--gens %d is not a multiple of --step %s", *gens, s)
	}
	return *gens, nil
}

// Jump advances eng n generations as one step: for n a power of two on an
// engine with power-of-two jumps ([engine.Pow2Stepper]), one such jump
// (HashLife's natural one).
func Jump(ctx context.Context, eng engine.Engine, n uint64) error {
	if p, ok := eng.(engine.Pow2Stepper); ok && n&(n-1) == 0 {
		return p.StepPow2(ctx, uint(bits.TrailingZeros64(n)))
	}
	return eng.Step(ctx, n)
}
