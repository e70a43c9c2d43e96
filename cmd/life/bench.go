package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/life-go/life/engine"
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
	fs := flag.NewFlagSet("life bench", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "write the results as a JSON array instead of a table")
	only := fs.String("workload", "", "run only the workloads in the comma-separated `LIST`")
	engs := fs.String("engine", "", "run only the engines in the comma-separated `LIST` ("+engineNames()+")")
	budget := fs.Duration("budget", 5*time.Second, "stop an engine on a workload after `DURATION` (0: never)")
	var list strings.Builder
	for _, w := range bench.Workloads() {
		fmt.Fprintf(&list, "  %-16s %s, %d generations\n", w.Name, w.Summary, w.Gens)
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), benchUsage, list.String())
		fs.PrintDefaults()
	}
	pos, code, ok := parseCommand(fs, e.args)
	if !ok {
		return code
	}
	if len(pos) != 0 {
		fs.Usage()
		return report(e, usageError{Err: fmt.Errorf("bench: unexpected argument %q", pos[0])})
	}
	workloads := bench.Workloads()
	if *only != "" {
		workloads = nil
		for _, name := range strings.Split(*only, ",") {
			w, err := bench.Lookup(strings.TrimSpace(name))
			if err != nil {
				return report(e, usageError{Err: fmt.Errorf("--workload: %w", err)})
			}
			workloads = append(workloads, w)
		}
	}
	choices := engine.Algos()
	if *engs != "" {
		choices = nil
		for _, name := range strings.Split(*engs, ",") {
			c, err := engine.Lookup(strings.TrimSpace(name))
			if err != nil {
				return report(e, usageError{Err: fmt.Errorf("--engine: %w", err)})
			}
			choices = append(choices, c)
		}
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
	fmt.Fprintf(e.stdout, "kernel: %s, %d cores\n", bench.Kernel(), runtime.GOMAXPROCS(0))
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "workload\tengine\tgenerations\ttime\tcells/s\tper core\tvs protocol\tpopulation\t")
	for _, r := range rows {
		ratio := "-"
		if r.Ratio > 0 {
			ratio = fmt.Sprintf("%.4gx", r.Ratio)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%.3g\t%.3g\t%s\t%s\t\n", r.Workload, r.Engine, r.Gens,
			time.Duration(r.Seconds*float64(time.Second)).Round(time.Microsecond), r.CellsPerSec, r.PerCore, ratio, r.Population)
	}
	return report(e, tw.Flush())
}
