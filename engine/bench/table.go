package bench

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/life-go/life/engine"
)

// Select returns the workloads named in list, separated by commas (spaces
// around a name do not count), in its order: life bench --workload. An
// empty list is every workload ([Workloads]).
func Select(list string) ([]Workload, error) {
	if list == "" {
		return Workloads(), nil
	}
	var ws []Workload
	for _, name := range strings.Split(list, ",") {
		w, err := Lookup(strings.TrimSpace(name))
		if err != nil {
			return nil, err
		}
		ws = append(ws, w)
	}
	return ws, nil
}

// SelectEngines returns the engines named in list, separated by commas,
// in its order: life bench --engine. An empty list is every engine the
// registry has ([engine.Algos]).
func SelectEngines(list string) ([]*engine.Algo, error) {
	if list == "" {
		return engine.Algos(), nil
	}
	var as []*engine.Algo
	for _, name := range strings.Split(list, ",") {
		a, err := engine.Lookup(strings.TrimSpace(name))
		if err != nil {
			return nil, err
		}
		as = append(as, a)
	}
	return as, nil
}

// Describe writes the workloads as life bench --help lists them: a line
// each, its name, what it is and its generations.
func Describe(ws []Workload) string {
	var b strings.Builder
	for _, w := range ws {
		fmt.Fprintf(&b, "  %-16s %s, %d generations\n", w.Name, w.Summary, w.Gens)
	}
	return b.String()
}

// WriteTable writes rows as life bench prints them: a line naming the
// kernel ([Kernel]) and the cores (GOMAXPROCS), then a table aligned on
// the right, a row a line, with the time to the microsecond, the rates to
// three significant digits and the ratio to the protocol engine to four
// ("-" where there is none).
func WriteTable(w io.Writer, rows []Row) error {
	if _, err := fmt.Fprintf(w, "kernel: %s, %d cores\n", Kernel(), runtime.GOMAXPROCS(0)); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "workload\tengine\tgenerations\ttime\tcells/s\tper core\tvs protocol\tpopulation\t")
	for _, r := range rows {
		ratio := "-"
		if r.Ratio > 0 {
			ratio = fmt.Sprintf("%.4gx", r.Ratio)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%.3g\t%.3g\t%s\t%s\t\n", r.Workload, r.Engine, r.Gens,
			time.Duration(r.Seconds*float64(time.Second)).Round(time.Microsecond), r.CellsPerSec, r.PerCore, ratio, r.Population)
	}
	return tw.Flush()
}
