package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIdentify(t *testing.T) {
	code, out, errs := life(t, "", "identify", "testdata/glider.rle")
	const want = `kind=spaceship period=4 dx=1 dy=1 speed="c/4 diagonal" apgcode=xq4_153 settled=0 pop_min=5 pop_max=5 pop_mean=5 box=3x3 heat=4 temperature=0.4 volatility=0 strict_volatility=0` + "\n"
	if code != 0 || out != want || errs != "" {
		t.Errorf("exit %d\n%s%s\nwant\n%s", code, out, errs, want)
	}
	// Several objects: a line each, then the whole.
	code, out, _ = life(t, "x = 8, y = 2\n2o4b2o$2o4b2o!\n", "identify", "-")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 || !strings.HasPrefix(lines[0], "object=1 kind=still period=1 apgcode=xs4_33 x=-4 y=-1") ||
		!strings.HasPrefix(lines[1], "object=2 kind=still period=1 apgcode=xs4_33 x=2 y=-1") || !strings.HasPrefix(lines[2], "kind=still period=1 apgcode=xs8_33z66") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	// JSON: a line each.
	code, out, _ = life(t, "", "identify", "--json", "r-pentomino")
	lines = strings.Split(strings.TrimSpace(out), "\n")
	var total struct {
		Kind    string `json:"kind"`
		Settled int64  `json:"settled"`
		Objects int    `json:"objects"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &total); err != nil || code != 0 || len(lines) != 26 ||
		total.Kind != "constellation" || total.Settled != 1103 || total.Objects != 25 {
		t.Errorf("exit %d, %v: %+v\n%s", code, err, total, out)
	}
	// The budget runs out: exit 1; bad input: exit 2.
	if code, _, errs := life(t, "", "identify", "--gens", "50", "acorn"); code != 1 || !strings.Contains(errs, "budget") {
		t.Errorf("budget: exit %d, %s", code, errs)
	}
	if code, _, errs := life(t, "x = 1, y = 1\nz!\n", "identify", "-"); code != 2 || !strings.Contains(errs, "<stdin>:2:1") {
		t.Errorf("bad input: exit %d, %s", code, errs)
	}
}

func TestCensusCommand(t *testing.T) {
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.haul")
	if code, _, errs := life(t, "", "census", "--soups", "12", "--seed", "k_cmd", "--quiet", "-o", whole); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var shards []string
	for _, s := range []string{"0/2", "1/2"} {
		path := filepath.Join(dir, strings.ReplaceAll(s, "/", "-")+".haul")
		if code, _, errs := life(t, "", "census", "--soups", "12", "--seed", "k_cmd", "--shard", s, "--quiet", "-o", path); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		shards = append(shards, path)
	}
	code, merged, errs := life(t, "", append([]string{"census", "merge"}, shards...)...)
	want, _ := os.ReadFile(whole)
	if code != 0 || merged != string(want) {
		t.Errorf("exit %d %s: merged\n%s\nwhole\n%s", code, errs, merged, want)
	}
	if code, _, errs := life(t, "", "census", "merge", shards[0], shards[0]); code != 2 || !strings.Contains(errs, "in both hauls") {
		t.Errorf("a shard twice: exit %d, %s", code, errs)
	}
	code, out, _ := life(t, "", "census", "--soup", "k_cmd:3")
	if code != 0 || !strings.HasPrefix(out, "#N k_cmd3\nx = 16, y = 16, rule = B3/S23\n") {
		t.Errorf("--soup: exit %d:\n%s", code, out)
	}
	if code, _, _ := life(t, "", "census", "--shard", "4/4"); code != 2 {
		t.Errorf("--shard 4/4: exit %d", code)
	}
}

// TestIdentifyOtherRules identifies spaceships of a Generations rule
// (the library's Brian's Brain and Star Wars ships) and of an isotropic
// non-totalistic rule (Golly's p42 knightship, B37/S2-i34q).
func TestIdentifyOtherRules(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"brians-brain-spaceship", `kind=spaceship period=1 dx=0 dy=-1 speed="c/1 orthogonal" apgcode=xq1_33 `},
		{"star-wars-spaceship", `kind=spaceship period=1 dx=1 dy=0 speed="c/1 orthogonal" apgcode=xq1_77 `},
		{"/usr/share/golly/Patterns/Non-Totalistic/p42-knightship.rle", `kind=spaceship period=42 dx=12 dy=-4 speed=(6,2)c/21 apgcode=xq42_`},
	} {
		if strings.HasPrefix(c.name, "/") {
			if _, err := os.Stat(c.name); err != nil {
				t.Logf("skipped %s: Golly's patterns are not installed", c.name)
				continue
			}
		}
		code, out, errs := life(t, "", "identify", c.name)
		if code != 0 || !strings.HasPrefix(out, c.want) {
			t.Errorf("%s: exit %d\n%s%s\nwant a line beginning\n%s", c.name, code, out, errs, c.want)
		}
	}
}
