package engine

import (
	"fmt"
	"math/bits"
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
		{"B3/S23:T30+35,20", "B3/S23:T30+5,20"},
		{"B3/S23:T30-35,20", "B3/S23:T30-5,20"},
		{"B3/S23:T30+30,20", "B3/S23:T30,20"},
		{"B3/S23:K30,20", "B3/S23:K30,20*"},
		{"B3/S23:K30*+5,20", "B3/S23:K30*+1,20"},
		{"B3/S23:K30*-1,20", "B3/S23:K30*+1,20"},
		{"B3/S23:K31*+1,20", "B3/S23:K31*,20"},
		{"B3/S23:c30,20", "B3/S23:C30,20"},
		{"B3/S23:P30,0", "B3/S23:P30,0"},
		// Hensel's letters, canonical as Golly makes them (QuickLife.html).
		{"B2-a/S12", "B2-a/S12"},
		{"B2cekin/S12", "B2-a/S12"},
		{"B2nic/S", "B2cin/S"},
		{"B2ceikn/S", "B2-a/S"},
		{"B4-qjrtwz/S", "B4aceikny/S"},
		{"B2aceikn3/S", "B23/S"},
		{"B2-3/S", "B23/S"},
		{"B2-aceikn3/S", "B3/S"},
		{"B3-kq4j/S2-n36c", "B3-kq4j/S2-n36c"},
		{"B2cek3i_S12cei", "B2cek3i/S12cei"},
		{"b3_s23-a4ei6", "B3/S23-a4ei6"},
		{"B2a2e/S", "B2ae/S"},
		{"B2-a2-e/S", "B2-ae/S"},
		{"B0124-k/S1c25", "B0124-k/S1c25"},
		{"B0/S8", "B0/S8"},
		// Other neighbourhoods, MAP and Wolfram.
		{"B2/S34H", "B2/S34H"},
		{"b2s34h", "B2/S34H"},
		{"B13/S012V", "B13/S012V"},
		{"W22", "W22"},
		{"w110", "W110"},
		{"W0", "W0"},
		{"MAPARYXfhZofugWaH7oaIDogBZofuhogOiAaIDogIAAgAAWaH7oaIDogGiA6ICAAIAAaIDogIAAgACAAIAAAAAAAA",
			"MAPARYXfhZofugWaH7oaIDogBZofuhogOiAaIDogIAAgAAWaH7oaIDogGiA6ICAAIAAaIDogIAAgACAAIAAAAAAAA"},
		{"mapARYXfhZofugWaH7oaIDogBZofuhogOiAaIDogIAAgAAWaH7oaIDogGiA6ICAAIAAaIDogIAAgACAAIAAAAAAAA==:T10,10",
			"MAPARYXfhZofugWaH7oaIDogBZofuhogOiAaIDogIAAgAAWaH7oaIDogGiA6ICAAIAAaIDogIAAgACAAIAAAAAAAA:T10,10"},
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
		{"", `rule "": rule cannot be empty string`},
		{"B9/S23", `rule "B9/S23": digit greater than neighborhood allows (9)`},
		{"B3/S239", `rule "B3/S239": digit greater than neighborhood allows (9)`},
		{"B3/S27H", `rule "B3/S27H": digit greater than neighborhood allows (7, with 6 neighbours)`},
		{"B3/S5V", `rule "B3/S5V": digit greater than neighborhood allows (5, with 4 neighbours)`},
		{"Life", `rule "Life": bad character found: 'l' (if Life names a rule table, Golly's Life.rule: life does not read rule tables)`},
		{"JvN29", `rule "JvN29": neighborhood must be at end of rule (JvN29 is a rule of Golly's JvN algorithm, which life does not run)`},
		{"WireWorld:P60,60", `rule "WireWorld:P60,60": bad character in Wolfram rule: "ireworld" (if WireWorld names a rule table, Golly's WireWorld.rule: life does not read rule tables)`},
		{"B3/S23/B2", `rule "B3/S23/B2": only one B allowed`},
		{"B3//S23", `rule "B3//S23": only one slash allowed`},
		{"B3/S2_3", `rule "B3/S2_3": can't have slash and underscore`},
		{"B3_S23", `rule "B3_S23": underscore not valid for totalistic rules, use slash`},
		{"3-3", `rule "3-3": rule must contain a slash or B or S`},
		{"-3/3", `rule "-3/3": minus can only follow a digit`},
		{"B3/S23H/", `rule "B3/S23H/": neighborhood must be at end of rule`},
		{"B3H/S23V", `rule "B3H/S23V": only one neighborhood allowed`},
		{"B2a/S12H", `rule "B2a/S12H": non-totalistic only supported with Moore neighborhood`},
		{"B1a/S", `rule "B1a/S": letter not valid for birth neighbor count (1a)`},
		{"B3/S5z", `rule "B3/S5z": letter not valid for survival neighbor count (5z)`},
		{"B0c/S", `rule "B0c/S": letter not valid for birth neighbor count (0c)`},
		{"B2a2-e/S", `rule "B2a2-e/S": letter not valid for birth neighbor count (2 has letters both with and without a minus)`},
		{"B22a/S", `rule "B22a/S": count 2 of the birth is given both with and without letters`},
		{"Ba/S2", `rule "Ba/S2": non-totalistic birth must start with a digit`},
		{"B3/Sa2", `rule "B3/Sa2": non-totalistic survival must start with a digit`},
		{"B3S/23", `rule "B3S/23": B and S must be either side of slash`},
		{"3B/23", `rule "3B/23": B must be at start of rule or immediately after slash`},
		{"3b2s1", `rule "3b2s1": unexpected "3" before the first B or S`},
		{"W23", `rule "W23": Wolfram rule must be an even number from 0 to 254`},
		{"W256", `rule "W256": Wolfram rule must be an even number from 0 to 254`},
		{"W22x", `rule "W22x": bad character in Wolfram rule: "x"`},
		{"MAPABC", `rule "MAPABC": MAP rule needs 6, 22 or 86 base64 characters, not 3`},
		{"MAPAB.CDE", `rule "MAPAB.CDE": MAP contains illegal base64 character '.'`},
		{"B3/S23:X30", `rule "B3/S23:X30": unknown grid topology 'X', want P, T, K, C or S`},
		{"B3/S23:T30;20", `rule "B3/S23:T30;20": unexpected ";20" after grid width`},
		{"B3/S23:S30,20", `rule "B3/S23:S30,20": unexpected ",20" after grid width`},
		{"B3/S23:T30*,20", `rule "B3/S23:T30*,20": only specify a twist for a Klein bottle`},
		{"B3/S23:K30*,20*", `rule "B3/S23:K30*,20*": Klein bottle can't have both horizontal and vertical twists`},
		{"B3/S23:T30+1,20+1", `rule "B3/S23:T30+1,20+1": can't have both horizontal and vertical shifts`},
		{"B3/S23:P30+1,20", `rule "B3/S23:P30+1,20": plane can't have a shift`},
		{"B3/S23:C30,20+1", `rule "B3/S23:C30,20+1": cross-surface can't have a shift`},
		{"B3/S23:S30+1", `rule "B3/S23:S30+1": sphere can't have a shift`},
		{"B3/S23:K30+1,20", `rule "B3/S23:K30+1,20": shift must be on twisted edges`},
		{"B3/S23:T0+1,20", `rule "B3/S23:T0+1,20": can't shift infinite width`},
		{"B3/S23:T30,0+1", `rule "B3/S23:T30,0+1": can't shift infinite height`},
		{"B3/S23:T30+1,0", `rule "B3/S23:T30+1,0": shifting is not allowed if either grid dimension is unbounded`},
		{"B3/S23:K0,20", `rule "B3/S23:K0,20": given topology can't have an infinite width`},
		{"B3/S23:C20,0", `rule "B3/S23:C20,0": Klein bottle or cross-surface can't have an infinite height`},
		{"B3/S23:T3000000000,2", `rule "B3/S23:T3000000000,2": width 3000000000... is more than 2000000000`},
		{"B3/S23:T30,20x", `rule "B3/S23:T30,20x": unexpected "x" after grid height`},
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

// TestPhase checks the rules Golly runs for B0 rules, with the examples of
// QuickLife.html's "Emulating B0 rules".
func TestPhase(t *testing.T) {
	for _, tc := range []struct{ rule, even, odd string }{
		{"B3/S23", "B3/S23", "B3/S23"},
		{"B0123478/S01234678", "B3/S23", "B3/S23"},
		{"B03/S23", "B1245678/S0145678", "B56/S58"},
		{"B0124-k/S1c25", "B34k5678/S01-c34678", "B367c/S4-k678"},
		{"B0/S012H", "B123456/S3456H", "B456/S6H"},
		{"B01/S1V", "B234/S0234V", "B3/S34V"},
		{"B0/S8", "B12345678/S01234567", "B12345678/S01234567"},
	} {
		r, err := ParseRule(tc.rule)
		if err != nil {
			t.Fatal(err)
		}
		even, odd := r.Phase(false), r.Phase(true)
		we, _ := ParseRule(tc.even)
		wo, _ := ParseRule(tc.odd)
		if even.Table() != we.Table() || odd.Table() != wo.Table() {
			t.Errorf("%s: runs as %s and %s, want %s and %s", tc.rule, even.Name(), odd.Name(), tc.even, tc.odd)
		}
		if even.B0() || odd.B0() {
			t.Errorf("%s: a phase has B0", tc.rule)
		}
		if r.Alternates() != (tc.even != tc.odd) {
			t.Errorf("%s: Alternates %v", tc.rule, r.Alternates())
		}
		// MAP rules of the same table run the same phases.
		m := r
		m.family, m.table, m.Birth, m.Survive = Map, r.Table(), 0, 0
		if me, mo := m.Phase(false).Table(), m.Phase(true).Table(); me != even.Table() || mo != odd.Table() {
			t.Errorf("%s as a MAP rule: other phases", tc.rule)
		}
	}
}

// TestHenselClasses checks the letters' classes: they split the 256
// configurations of eight neighbours, each class closed under the square's
// symmetries, with the sizes of Hensel's table.
func TestHenselClasses(t *testing.T) {
	total := 0
	sizes := map[string]int{"1c": 4, "1e": 4, "2c": 4, "2e": 4, "2a": 8, "2i": 2, "2k": 8, "2n": 2, "4c": 1, "4e": 1, "4z": 4, "4t": 4}
	for n, classes := range henselMembers {
		for l, members := range classes {
			total += len(members)
			name := fmt.Sprint(n)
			if n > 0 && n < 8 {
				name += string(henselLetters[n][l])
			}
			if want, ok := sizes[name]; ok && len(members) != want {
				t.Errorf("%s has %d members, want %d", name, len(members), want)
			}
			for _, b := range members {
				if bits.OnesCount16(b) != n {
					t.Errorf("%s holds %09b, of %d neighbours", name, b, bits.OnesCount16(b))
				}
				for _, s := range symmetries(b) {
					if !contains(members, s) {
						t.Errorf("%s holds %09b but not its image %09b", name, b, s)
					}
				}
			}
		}
	}
	if total != 256 {
		t.Errorf("the classes hold %d configurations, want 256", total)
	}
}
