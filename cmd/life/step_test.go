package main

import (
	"context"
	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
	"slices"
	"testing"
	"time"
)

func TestRunStepErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		err  string
	}{
		{[]string{"--step", "2^4", "--gens", "100"}, "life: --gens 100 is not a multiple of --step 2^4 (16)\n"},
		{[]string{"--step", "3", "--gens", "10"}, "life: --gens 10 is not a multiple of --step 3\n"},
		{[]string{"--step", "two"}, `life: --step "two": want a whole number of generations from 1, or B^K such as 2^10 or 10^3` + "\n"},
	} {
		code, out, errs := life(t, "", append([]string{"run", "glider"}, c.args...)...)
		if code != 2 || out != "" || errs != c.err {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2, %q", c.args, code, out, errs, c.err)
		}
	}
}

func TestRunStepMatchesGens(t *testing.T) {
	for _, eng := range []string{"hashlife", "bitwise"} {
		_, want, errs := life(t, "", "run", "--engine", eng, "--gens", "64", "testdata/glider.rle")
		if errs != "" {
			t.Fatalf("%s: %s", eng, errs)
		}
		for _, step := range []string{"2^4", "16", "8", "2^6", "1"} {
			code, got, errs := life(t, "", "run", "--engine", eng, "--step", step, "--gens", "64", "testdata/glider.rle")
			if code != 0 || got != want {
				t.Errorf("%s --step %s: exit %d %s\n%s\nwant\n%s", eng, step, code, errs, got, want)
			}
		}
		// --gens defaults to one step.
		_, one, _ := life(t, "", "run", "--engine", eng, "--step", "2^6", "--stats", "testdata/glider.rle")
		if one != "generation=64 population=5\n" {
			t.Errorf("%s --step 2^6 alone: %q", eng, one)
		}
	}
}

// pow2Engine records the jumps of StepPow2 as well as Step's calls.
type pow2Engine struct {
	countingEngine
	jumps []uint
}

func (p *pow2Engine) StepPow2(ctx context.Context, k uint) error {
	p.jumps = append(p.jumps, k)
	return p.countingEngine.Step(ctx, 1<<k)
}

func TestStepperUnits(t *testing.T) {
	run := func(e *env, eng engine.Engine, n, unit uint64, quiet bool) error {
		u := universe.Universe{Eng: eng}
		return advance(context.Background(), e, &u, fixed, n, unit, quiet)
	}
	// Without a terminal: one jump a step.
	p := &pow2Engine{}
	if err := run(&env{}, p, 64, 16, true); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.jumps, []uint{4, 4, 4, 4}) || p.gens != 64 {
		t.Errorf("jumps %v, gens %d", p.jumps, p.gens)
	}
	c := &countingEngine{}
	run(&env{}, c, 30, 10, true)
	if !slices.Equal(c.calls, []uint64{10, 10, 10}) {
		t.Errorf("calls %v", c.calls)
	}
	// With a bar: chunks of whole steps, still one jump each.
	fakeTerminal(t, 5*time.Millisecond)
	p = &pow2Engine{}
	if err := run(&env{stderr: &discard{}}, p, 1<<20, 4, false); err != nil {
		t.Fatal(err)
	}
	if p.gens != 1<<20 || len(p.jumps) != 1<<18 {
		t.Errorf("gens %d, %d jumps", p.gens, len(p.jumps))
	}
	for _, k := range p.jumps {
		if k != 2 {
			t.Fatalf("jump 2^%d, want 2^2", k)
		}
	}
}

type discard struct{}

func (discard) Write(b []byte) (int, error) { return len(b), nil }
