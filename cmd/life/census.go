package main

import (
	"bytes"
	"crypto/rand"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/census"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/patterns"
	"github.com/schollz/progressbar/v3"
)

func init() {
	register(command{"census", "apgsearch-style soup census: count the objects random soups settle into", runCensus})
}

const censusUsage = `Usage: life census [flags]
       life census --soup ROOT:I [--rule R]
       life census merge [-o FILE] HAUL...

Runs --soups random 16 x 16 soups, made as apgsearch makes them (soup I is
the SHA-256 digest of ROOT followed by I in decimal, ROOT given with --seed),
on every core, each until it settles; separates its ash into objects,
counts them by apgcode (spaceships that escape included; soups that grow
or explode are counted as zz_LINEAR, zz_QUADRATIC or zz_EXPLOSIVE) and
writes the census, most common first with sample soup ids, in a format
like apgsearch's haul, to standard output or -o FILE. A progress bar
(soups per second) shows on a terminal; the rate is reported at the end.

--shard I/N runs the I-th of N disjoint slices of the soups (those whose
index is I modulo N, I from 0); "life census merge" adds the hauls of the
shards up, and the merge of all of them is byte for byte the haul of the
unsharded run. --soup ROOT:I writes soup I as RLE, then its objects.

Exit status: 0 on success, 2 on bad usage or input, 1 on other failures.

Flags:
`

func runCensus(e *env) int {
	if len(e.args) > 0 && e.args[0] == "merge" {
		return runMerge(e)
	}
	fs := flag.NewFlagSet("life census", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	rule := fs.String("rule", "B3/S23", "the `RULE`")
	soups := fs.Int64("soups", 1000, "search `N` soups, indices 0 to N-1")
	seed := fs.String("seed", "", "the seed `ROOT` of the soups (default: a random one, written in the haul)")
	shard := fs.String("shard", "", "run only shard `I/N` of the soups (I from 0)")
	soup := fs.String("soup", "", "re-run the one soup `ROOT:I`: its RLE, then its objects")
	gens := fs.Int64("gens", census.DefaultMaxGens, "a soup not settled after `LIMIT` generations is explosive")
	workers := fs.Int("workers", 0, "run `K` soups at once (default: one a core)")
	out := fs.String("o", "", "write the haul to `FILE` (atomically) instead of standard output")
	quiet := fs.Bool("quiet", false, "show no progress bar and no rate")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), censusUsage)
		fs.PrintDefaults()
	}
	pos, code, ok := parseCommand(fs, e.args)
	if !ok {
		return code
	}
	if len(pos) != 0 {
		fs.Usage()
		return report(e, usageError{Err: fmt.Errorf("census: unexpected argument %q", pos[0])})
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
		cfg.Root = randomRoot()
	}
	if strings.ContainsAny(cfg.Root, " \t\n:") {
		return report(e, usageError{Err: fmt.Errorf("--seed %q: a root has no spaces or colons", cfg.Root)})
	}
	if *shard != "" {
		a, b, ok := strings.Cut(*shard, "/")
		i, err1 := strconv.Atoi(a)
		n, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
			return report(e, usageError{Err: fmt.Errorf("--shard %q: want I/N with 0 <= I < N", *shard)})
		}
		cfg.Shard, cfg.Shards = i, n
	}
	total := (*soups - int64(cfg.Shard) + int64(max(cfg.Shards, 1)) - 1) / int64(max(cfg.Shards, 1))
	var bar *progressbar.ProgressBar
	if !*quiet && isTerminal(e.stderr) {
		bar = progressbar.NewOptions64(total, progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("census"), progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("soups"), progressbar.OptionShowCount(),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		cfg.Progress = func(done int64) { bar.Set64(done) }
	}
	began := time.Now()
	h, err := census.Run(e.ctx, cfg)
	if bar != nil {
		bar.Finish()
	}
	if err != nil {
		return report(e, err)
	}
	took := time.Since(began)
	if !*quiet {
		fmt.Fprintf(e.stderr, "life: census: %d soups in %.2fs: %.1f soups/s on %d workers\n", h.Censused, took.Seconds(), float64(h.Censused)/took.Seconds(), workersOf(cfg))
	}
	return report(e, writeHaul(e, h, *out))
}

func workersOf(cfg census.Config) int {
	if cfg.Workers > 0 {
		return cfg.Workers
	}
	return runtimeWorkers()
}

// randomRoot returns a fresh seed root, as apgsearch makes one ("l_" and
// 12 characters).
func randomRoot() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 12)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return "l_" + string(b)
}

// writeHaul writes h to standard output, or atomically to out.
func writeHaul(e *env, h *census.Haul, out string) error {
	if out == "" {
		_, err := h.WriteTo(e.stdout)
		return err
	}
	return universe.WriteFile(out, func(w io.Writer) error { _, err := h.WriteTo(w); return err })
}

// oneSoup writes soup ROOT:I as RLE and then its objects, one apgcode a
// line with its count.
func oneSoup(e *env, cfg census.Config, id string) error {
	i := strings.LastIndexByte(id, ':')
	n, err := strconv.ParseInt(id[i+1:], 10, 64)
	if i < 1 || err != nil || n < 0 {
		return usageError{Err: fmt.Errorf("--soup %q: want ROOT:I, such as k_abc:12", id)}
	}
	cfg.Root = id[:i]
	p := &patterns.Pattern{Name: cfg.Root + strconv.FormatInt(n, 10), Rule: cfg.Rule.String()}
	var b patterns.Builder
	for _, c := range census.Soup(cfg.Root, n) {
		b.Add(c.Y, c.X, 1)
	}
	p.Runs = b.Runs()
	var buf bytes.Buffer
	if err := patterns.WriteRLE(&buf, p); err != nil {
		return err
	}
	e.stdout.Write(buf.Bytes())
	res, err := census.RunSoup(e.ctx, cfg, n)
	if err != nil {
		return err
	}
	h := census.NewHaul(cfg.Root, cfg.Rule, n+1, 1, []int{0})
	h.Add(res)
	for _, c := range h.Table() {
		fmt.Fprintf(e.stdout, "%s %d\n", c, h.Counts[c])
	}
	return nil
}

// runMerge is life census merge.
func runMerge(e *env) int {
	fs := flag.NewFlagSet("life census merge", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	out := fs.String("o", "", "write the merged haul to `FILE` instead of standard output")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), censusUsage)
		fs.PrintDefaults()
	}
	pos, code, ok := parseCommand(fs, e.args[1:])
	if !ok {
		return code
	}
	if len(pos) == 0 {
		fs.Usage()
		return report(e, usageError{Err: fmt.Errorf("census merge: want at least one HAUL file")})
	}
	var h *census.Haul
	for _, path := range pos {
		data, err := os.ReadFile(path)
		if err != nil {
			return report(e, inputError{Err: err})
		}
		o, err := census.ReadHaul(path, bytes.NewReader(data))
		if err != nil {
			return report(e, inputError{Err: err})
		}
		if h == nil {
			h = o
		} else if err := h.Merge(o); err != nil {
			return report(e, inputError{Err: fmt.Errorf("%s: %w", path, err)})
		}
	}
	return report(e, writeHaul(e, h, *out))
}

func runtimeWorkers() int { return runtime.GOMAXPROCS(0) }
