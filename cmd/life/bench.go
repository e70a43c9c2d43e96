package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/life-go/life/engine/bench"
)

func init() {
	register(command{"bench", "measure every engine's cell updates per second on standard workloads", runBench})
}

func runBench(e *env) int {
	fs := newFlags(e, "life bench", fmt.Sprintf(benchUsage, bench.Describe(bench.Workloads())))
	asJSON := fs.Bool("json", false, "write the results as a JSON array instead of a table")
	only := fs.String("workload", "", "run only the workloads in the comma-separated `LIST`")
	engs := fs.String("engine", "", "run only the engines in the comma-separated `LIST` ("+engineNames()+")")
	budget := fs.Duration("budget", 5*time.Second, "stop an engine on a workload after `DURATION` (0: never)")
	pos, code, ok := parseCommand(fs, e.args)
	if !ok {
		return code
	}
	if len(pos) != 0 {
		return badArgs(e, fs, "bench: unexpected argument %q", pos[0])
	}
	workloads, err := bench.Select(*only)
	if err != nil {
		return report(e, usageError{Err: fmt.Errorf("--workload: %w", err)})
	}
	choices, err := bench.SelectEngines(*engs)
	if err != nil {
		return report(e, usageError{Err: fmt.Errorf("--engine: %w", err)})
	}
	rows, err := bench.Table(e.ctx, workloads, choices, *budget)
	if err != nil {
		return report(e, err)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return report(e, enc.Encode(rows))
	}
	return report(e, bench.WriteTable(e.stdout, rows))
}
