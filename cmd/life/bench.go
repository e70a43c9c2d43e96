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

const benchUsage = `Usage: life bench [flags]

Runs every engine on the standard workloads and prints, for each, the
generations stepped, the time, the cell updates per second and per core
(the rate over GOMAXPROCS, the cores the engines may use), the ratio to
the protocol engine's rate, and the final population. On the unbounded
plane a workload counts the cells of the square its start is counted over
(its soup's, say) as updated each generation. An engine that runs out of
--budget on a workload stops early; its rate still counts. An engine that
does not run a workload's topology is left out. The first line names the
kernel the bit-parallel engines step with: "portable" in the default
build, the SIMD instructions in a build with GOEXPERIMENT=simd.

Workloads:
%s
Flags:
`

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
