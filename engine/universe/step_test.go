package universe

import "testing"

func TestParseStep(t *testing.T) {
	for _, c := range []struct {
		in   string
		want uint64
	}{{"1", 1}, {"16", 16}, {"2^0", 1}, {"2^10", 1024}, {"10^3", 1000}, {"2^63", 1 << 63}, {"3^40", 12157665459056928801}, {"18446744073709551615", 1<<64 - 1}} {
		s, err := ParseStep(c.in)
		if err != nil || s.Gens != c.want {
			t.Errorf("ParseStep(%q) = %d, %v; want %d", c.in, s.Gens, err, c.want)
		}
	}
	const want = `: want a whole number of generations from 1, or B^K such as 2^10 or 10^3`
	for _, c := range []struct{ in, err string }{
		{"0", `--step "0"` + want},
		{"", `--step ""` + want},
		{"-4", `--step "-4"` + want},
		{"+4", `--step "+4"` + want},
		{" 4", `--step " 4"` + want},
		{"0x10", `--step "0x10"` + want},
		{"2^", `--step "2^"` + want},
		{"^3", `--step "^3"` + want},
		{"2^-1", `--step "2^-1"` + want},
		{"2^3^2", `--step "2^3^2"` + want},
		{"2**10", `--step "2**10"` + want},
		{"1e3", `--step "1e3"` + want},
		{"1^5", `--step "1^5": the base B of B^K must be at least 2`},
		{"0^5", `--step "0^5": the base B of B^K must be at least 2`},
		{"2^64", `--step "2^64": too many generations, want at most 2^64-1`},
		{"10^20", `--step "10^20": too many generations, want at most 2^64-1`},
		{"18446744073709551616", `--step "18446744073709551616": too many generations, want at most 2^64-1`},
		{"2^99999999999999999999", `--step "2^99999999999999999999": too many generations, want at most 2^64-1`},
	} {
		if _, err := ParseStep(c.in); err == nil || err.Error() != c.err {
			t.Errorf("ParseStep(%q): %v\nwant %s", c.in, err, c.err)
		}
	}
}

func TestRunGens(t *testing.T) {
	n := func(v uint64) *uint64 { return &v }
	s, _ := ParseStep("2^4")
	for _, c := range []struct {
		gens *uint64
		want uint64
		err  string
	}{
		{nil, 16, ""},
		{n(64), 64, ""},
		{n(0), 0, ""},
		{n(100), 0, "--gens 100 is not a multiple of --step 2^4 (16)"},
	} {
		got, err := s.RunGens(c.gens)
		if got != c.want || (err == nil) != (c.err == "") || err != nil && err.Error() != c.err {
			t.Errorf("RunGens(%v) = %d, %v; want %d, %q", c.gens, got, err, c.want, c.err)
		}
	}
}
