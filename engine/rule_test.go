package engine

import (
	"errors"
	"testing"
)

func TestParseRule(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"B3/S23", "B3/S23"},
		{"b3/s23", "B3/S23"},
		{"B3S23", "B3/S23"},
		{"S23/B3", "B3/S23"},
		{"23/3", "B3/S23"},
		{"/3", "B3/S"},
		{"23/", "B/S23"},
		{"B3/S", "B3/S"},
		{"B/S", "B/S"},
		{"B33/S2", "B3/S2"},
		{"B36/S23", "B36/S23"},
		{"B0/S8", "B0/S8"},
		{"B012345678/S012345678", "B012345678/S012345678"},
		{" B3/S23 ", "B3/S23"},
		{"B3/S23:T30,20", "B3/S23:T30,20"},
		{"B3/S23:t30,20", "B3/S23:T30,20"},
		{"B3/S23:T30", "B3/S23:T30,30"},
		{"B3/S23:T0,0", "B3/S23"},
		{"B3/S23:P0,0", "B3/S23"},
		{"B3/S23:T", "B3/S23"},
		{"B3/S23:", "B3/S23"},
		{"B3/S23:T0,20", "B3/S23:T0,20"},
		{"B3/S23:T30,0", "B3/S23:T30,0"},
		{"B3/S23:P30,20", "B3/S23:P30,20"},
		{"B3/S23:T30+5,20", "B3/S23:T30+5,20"},
		{"B3/S23:T30,20-3", "B3/S23:T30,20-3"},
		{"B3/S23:K30*,20", "B3/S23:K30*,20"},
		{"B3/S23:K30,20*+1", "B3/S23:K30,20*+1"},
		{"B3/S23:C30,20", "B3/S23:C30,20"},
		{"B3/S23:S30", "B3/S23:S30"},
	} {
		r, err := ParseRule(tc.in)
		if err != nil {
			t.Errorf("ParseRule(%q): %v", tc.in, err)
			continue
		}
		if got := r.String(); got != tc.want {
			t.Errorf("ParseRule(%q) = %q, want %q", tc.in, got, tc.want)
		}
		again, err := ParseRule(r.String())
		if err != nil || again != r {
			t.Errorf("ParseRule(%q) does not read back: %v %v", r.String(), again, err)
		}
	}
}

func TestParseRuleErrors(t *testing.T) {
	for _, tc := range []struct{ in, msg string }{
		{"", `rule "": empty rule, want B3/S23 notation`},
		{"B9/S23", `rule "B9/S23": birth count 9 is out of range 0-8`},
		{"B3/S239", `rule "B3/S239": survival count 9 is out of range 0-8`},
		{"239/3", `rule "239/3": survival count 9 is out of range 0-8`},
		{"Life", `rule "Life": want B3/S23 or 23/3 notation`},
		{"B3-e/S23", `rule "B3-e/S23": '-' after the birth counts: isotropic non-totalistic rules are not supported yet; only Life-like rules (B3/S23) run here`},
		{"B2a/S12", `rule "B2a/S12": 'a' after the birth counts: isotropic non-totalistic rules are not supported yet; only Life-like rules (B3/S23) run here`},
		{"B3/S23H", `rule "B3/S23H": 'h': hexagonal and von Neumann neighbourhoods are not supported yet; only the Moore neighbourhood runs here`},
		{"B3/S23/B2", `rule "B3/S23/B2": "B" appears twice`},
		{"B3//S23", `rule "B3//S23": more than one '/'`},
		{"3-3", `rule "3-3": want B3/S23 or 23/3 notation`},
		{"2x/3", `rule "2x/3": unexpected 'x' in the survival counts, want digits 0-8`},
		{"B3/S23:X30", `rule "B3/S23:X30": unknown topology 'X' in the bounded-grid suffix, want P, T, K, C or S`},
		{"B3/S23:T30,", `rule "B3/S23:T30,": missing height in the bounded-grid suffix`},
		{"B3/S23:T30;20", `rule "B3/S23:T30;20": unexpected ';' after the width, want ','`},
		{"B3/S23:Tx", `rule "B3/S23:Tx": unexpected 'x' in the bounded-grid suffix, want the width`},
		{"B3/S23:S30,20", `rule "B3/S23:S30,20": unexpected ",20" after the sphere's width: a sphere is square (":S30")`},
		{"B3/S23:T30*,20", `rule "B3/S23:T30*,20": '*' (a twist) is only for Klein bottles (":K30*,20")`},
		{"B3/S23:K30*,20*", `rule "B3/S23:K30*,20*": only one side of a Klein bottle may be twisted`},
		{"B3/S23:T30+1,20+1", `rule "B3/S23:T30+1,20+1": only one side may have a shift`},
		{"B3/S23:P30+1,20", `rule "B3/S23:P30+1,20": shifts are only for tori and Klein bottles`},
		{"B3/S23:T0+1,20", `rule "B3/S23:T0+1,20": an unbounded side cannot be shifted`},
		{"B3/S23:T3000000000,2", `rule "B3/S23:T3000000000,2": width 3000000000 is more than 2000000000`},
		{"B3/S23:T30,20x", `rule "B3/S23:T30,20x": unexpected "x" after the height`},
	} {
		_, err := ParseRule(tc.in)
		if err == nil || err.Error() != tc.msg {
			t.Errorf("ParseRule(%q) = %v, want %q", tc.in, err, tc.msg)
		}
	}
}

func TestRuleNext(t *testing.T) {
	for n := 0; n <= 8; n++ {
		if got := Life.Next(false, n); got != (n == 3) {
			t.Errorf("Life: dead with %d: %v", n, got)
		}
		if got := Life.Next(true, n); got != (n == 2 || n == 3) {
			t.Errorf("Life: alive with %d: %v", n, got)
		}
	}
}

func TestCheckTorus(t *testing.T) {
	for _, tc := range []struct{ rule, msg string }{
		{"B3/S23:T30,20", ""},
		{"B3/S23", `the unbounded plane is not supported yet: give a torus with --torus WxH or a ":TW,H" suffix`},
		{"B3/S23:P30,20", `bounded grid ":P30,20" (bounded plane) is not supported yet: only plain tori (":TW,H") run here`},
		{"B3/S23:T30+2,20", `bounded grid ":T30+2,20" (torus with a shift) is not supported yet: only plain tori (":TW,H") run here`},
		{"B3/S23:T0,20", `bounded grid ":T0,20" (torus unbounded in one direction (a tube)) is not supported yet: only plain tori (":TW,H") run here`},
		{"B3/S23:K30*,20", `bounded grid ":K30*,20" (Klein bottle) is not supported yet: only plain tori (":TW,H") run here`},
	} {
		r, err := ParseRule(tc.rule)
		if err != nil {
			t.Fatal(err)
		}
		err = r.Topology.CheckTorus()
		if tc.msg == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.rule, err)
			}
			continue
		}
		if err == nil || err.Error() != tc.msg || !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: %v, want %q", tc.rule, err, tc.msg)
		}
	}
}
