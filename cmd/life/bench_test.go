package main

import (
	"encoding/json"
	"github.com/life-go/life/engine/bench"
	"strings"
	"testing"
)

func TestBenchJSON(t *testing.T) {
	code, out, errs := life(t, "", "bench", "--json", "--workload", "dense-256", "--engine", "bitwise,protocol", "--budget", "1ms")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rows []bench.Row
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v in\n%s", err, out)
	}
	if len(rows) != 2 || rows[0].Engine != "bitwise" || rows[1].Engine != "protocol" || rows[1].Ratio != 1 {
		t.Fatalf("rows %+v", rows)
	}
	for _, r := range rows {
		if r.Workload != "dense-256" || r.Gens == 0 || r.CellsPerSec <= 0 || r.Population == "" ||
			r.Cores < 1 || r.PerCore != r.CellsPerSec/float64(r.Cores) || r.Kernel != bench.Kernel() {
			t.Errorf("row %+v", r)
		}
	}
}

// TestBenchPlane measures the plane's engines on a plane workload, the
// issue's 512 x 512 soup to generation 1000: the sparse engine to the end,
// to the population Golly finds, and both within a small budget.
func TestBenchPlane(t *testing.T) {
	code, out, errs := life(t, "", "bench", "--json", "--workload", "plane-soup-512", "--budget", "0", "--engine", "sparse")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rows []bench.Row
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v in\n%s", err, out)
	}
	if len(rows) != 1 || rows[0].Engine != "sparse" || rows[0].Gens != 1000 || rows[0].Population != "14089" {
		t.Fatalf("rows %+v, want sparse, 1000 generations, population 14089", rows)
	}
	code, out, errs = life(t, "", "bench", "--workload", "plane-soup-512", "--budget", "10ms", "--engine", "sparse,hashlife")
	if code != 0 || !strings.Contains(out, "plane-soup-512    sparse") || !strings.Contains(out, "plane-soup-512  hashlife") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
}

func TestBenchTable(t *testing.T) {
	code, out, errs := life(t, "", "bench", "--workload", "dense-256", "--engine", "bitwise")
	if code != 0 || !strings.HasPrefix(out, "kernel: "+bench.Kernel()+", ") || !strings.Contains(out, "per core") || !strings.Contains(out, "cells/s") || !strings.Contains(out, "dense-256") || !strings.Contains(out, "bitwise") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
}

func TestBenchErrors(t *testing.T) {
	for _, args := range [][]string{
		{"bench", "--workload", "nope"},
		{"bench", "--engine", "warp"},
		{"bench", "extra"},
	} {
		if code, _, errs := life(t, "", args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}
