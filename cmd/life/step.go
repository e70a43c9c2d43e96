package main

import (
	"fmt"
	"math/bits"
	"strconv"
	"strings"
)

// stepSize is life run's --step: a number of generations S, written as a
// number or as B^K.
type stepSize struct {
	gens uint64 // S, at least 1
	text string // as written
}

// String returns the size as written, and its value when written as B^K:
// "2^4 (16)".
func (s stepSize) String() string {
	if strings.Contains(s.text, "^") {
		return fmt.Sprintf("%s (%d)", s.text, s.gens)
	}
	return s.text
}

// parseStep reads --step: a whole number from 1, or B^K with B from 2 and K
// from 0, such as 2^10 or 10^3, in decimal digits only (no signs, spaces
// or other bases), whose value fits in 64 bits.
func parseStep(s string) (stepSize, error) {
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
		return stepSize{}, err
	}
	if !pow {
		if base == 0 {
			return stepSize{}, bad
		}
		return stepSize{base, s}, nil
	}
	exp, err := num(k)
	if err != nil {
		if err == big {
			return stepSize{}, big
		}
		return stepSize{}, bad
	}
	if base < 2 {
		return stepSize{}, fmt.Errorf("--step %q: the base B of B^K must be at least 2", s)
	}
	n := uint64(1)
	for range exp {
		hi, lo := bits.Mul64(n, base)
		if hi != 0 {
			return stepSize{}, big
		}
		n = lo
	}
	return stepSize{n, s}, nil
}
