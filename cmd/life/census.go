package main

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/census"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/engine/universe/progress"
	"github.com/life-go/life/patterns"
)

func init() {
	register(command{"census", "apgsearch-style soup census: count the objects random soups settle into", runCensus})
}

func runCensus(e *env) int {
	if len(e.args) > 0 && e.args[0] == "merge" {
		return runMerge(e)
	}
	fs := newFlags(e, "life census", censusUsage)
	rule := fs.String("rule", "B3/S23", "the `RULE`")
	soups := fs.Int64("soups", 1000, "search `N` soups, indices 0 to N-1")
	seed := fs.String("seed", "", "the seed `ROOT` of the soups (default: a random one, written in the haul)")
	shard := fs.String("shard", "", "run only shard `I/N` of the soups (I from 0)")
	soup := fs.String("soup", "", "re-run the one soup `ROOT:I`: its RLE, then its objects")
	gens := fs.Int64("gens", census.DefaultMaxGens, "a soup not settled after `LIMIT` generations is explosive")
	workers := fs.Int("workers", 0, "run `K` soups at once (default: one a core)")
	out := fs.String("o", "", "write the haul to `FILE` (atomically) instead of standard output")
	quiet := fs.Bool("quiet", false, "show no progress bar and no rate")
	pos, code, ok := parseCommand(fs, e.args)
	if !ok {
		return code
	}
	if len(pos) != 0 {
		return badArgs(e, fs, "census: unexpected argument %q", pos[0])
	}
	r, err := engine.ParseRule(*rule)
	if err != nil {
		return report(e, usageError{Err: fmt.Errorf("--rule: %w", err)})
	}
	cfg := census.Config{Rule: r, Soups: *soups, MaxGens: *gens, Workers: *workers}
	if *soup != "" {
		return report(e, oneSoup(e, cfg, *soup))
	}
	if *soups < 1 || *gens < 1 {
		return report(e, usageError{Err: fmt.Errorf("--soups and --gens want at least 1")})
	}
	cfg.Root = *seed
	if cfg.Root == "" {
		cfg.Root = census.RandomRoot()
	}
	if err := census.CheckRoot(cfg.Root); err != nil {
		return report(e, usageError{Err: fmt.Errorf("--seed %w", err)})
	}
	if *shard != "" {
		if cfg.Shard, cfg.Shards, err = census.ParseShard(*shard); err != nil {
			return report(e, usageError{Err: fmt.Errorf("--shard %w", err)})
		}
	}
	var bar *progress.Counter
	if !*quiet && isTerminal(e.stderr) {
		bar = progress.NewCounter(e.stderr, cfg.ShardSoups(), "census", "soups")
		cfg.Progress = bar.Set
	}
	began := time.Now()
	h, err := census.Run(e.ctx, cfg)
	bar.Finish()
	if err != nil {
		return report(e, err)
	}
	took := time.Since(began)
	if !*quiet {
		fmt.Fprintf(e.stderr, "life: census: %d soups in %.2fs: %.1f soups/s on %d workers\n", h.Censused, took.Seconds(), float64(h.Censused)/took.Seconds(), cfg.NumWorkers())
	}
	return report(e, writeHaul(e, h, *out))
}

// writeHaul writes h to standard output, or atomically to out.
func writeHaul(e *env, h *census.Haul, out string) error {
	if out == "" {
		_, err := h.WriteTo(e.stdout)
		return err
	}
	return universe.WriteFile(out, func(w io.Writer) error { _, err := h.WriteTo(w); return err })
}

// oneSoup writes soup ROOT:I as RLE and then its objects.
func oneSoup(e *env, cfg census.Config, id string) error {
	root, i, err := census.ParseSoupID(id)
	if err != nil {
		return usageError{Err: fmt.Errorf("--soup %w", err)}
	}
	cfg.Root = root
	soup := universe.CellsPattern(root+strconv.FormatInt(i, 10), cfg.Rule.String(), census.Soup(root, i))
	if err := patterns.WriteRLE(e.stdout, soup); err != nil {
		return err
	}
	return census.WriteSoup(e.ctx, e.stdout, cfg, i)
}

// runMerge is life census merge.
func runMerge(e *env) int {
	fs := newFlags(e, "life census merge", censusUsage)
	out := fs.String("o", "", "write the merged haul to `FILE` instead of standard output")
	pos, code, ok := parseCommand(fs, e.args[1:])
	if !ok {
		return code
	}
	if len(pos) == 0 {
		return badArgs(e, fs, "census merge: want at least one HAUL file")
	}
	h, err := census.MergeFiles(pos)
	if err != nil {
		return report(e, inputError{Err: err})
	}
	return report(e, writeHaul(e, h, *out))
}
