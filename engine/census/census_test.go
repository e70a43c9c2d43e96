package census

import (
	"bytes"
	"context"
	"crypto/sha256"
	"slices"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/bitwise"
	"github.com/life-go/life/engine/classify"
	"github.com/life-go/life/engine/hashlife"
)

func config(root string, soups int64) Config {
	return Config{
		Root: root, Rule: engine.Life, Soups: soups,
		Bounded: func(r engine.Rule) (engine.Engine, error) { return bitwise.New(r) },
		Plane:   func(r engine.Rule) (engine.Engine, error) { return hashlife.New(r, hashlife.Options{}) },
	}
}

// TestSoup checks the layout against the digest itself: row j is bytes 2j
// and 2j+1, most significant bit leftmost.
func TestSoup(t *testing.T) {
	d := sha256.Sum256([]byte("k_test12"))
	want := map[[2]int64]bool{}
	for j := range 32 {
		for k := range 8 {
			if d[j]>>(7-k)&1 == 1 {
				want[[2]int64{int64(j / 2), int64(8*(j%2) + k)}] = true
			}
		}
	}
	got := Soup("k_test", 12)
	if len(got) != len(want) {
		t.Fatalf("%d cells, want %d", len(got), len(want))
	}
	for _, p := range got {
		if !want[[2]int64{p.Y, p.X}] || p.X < 0 || p.X >= 16 || p.Y < 0 || p.Y >= 16 {
			t.Errorf("cell %v is not in the digest", p)
		}
	}
}

// TestShardsMerge: four shards merged are byte for byte the single run,
// and the single run does not depend on the number of workers.
func TestShardsMerge(t *testing.T) {
	n := int64(64)
	if testing.Short() || raceEnabled {
		n = 24
	}
	write := func(h *Haul) string {
		var b bytes.Buffer
		h.WriteTo(&b)
		return b.String()
	}
	cfg := config("k_shardtest", n)
	cfg.Workers = 1
	whole, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Workers = 3
	again, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if write(again) != write(whole) {
		t.Errorf("3 workers:\n%s\n1 worker:\n%s", write(again), write(whole))
	}
	var merged *Haul
	for _, i := range []int{2, 0, 3, 1} {
		c := cfg
		c.Shard, c.Shards = i, 4
		h, err := Run(context.Background(), c)
		if err != nil {
			t.Fatal(err)
		}
		// Through the file format, as life census merge reads them.
		h, err = ReadHaul("shard", strings.NewReader(write(h)))
		if err != nil {
			t.Fatal(err)
		}
		if merged == nil {
			merged = h
		} else if err := merged.Merge(h); err != nil {
			t.Fatal(err)
		}
	}
	if write(merged) != write(whole) {
		t.Errorf("merged:\n%s\nwhole:\n%s", write(merged), write(whole))
	}
	if err := merged.Merge(merged); err == nil {
		t.Errorf("a haul merged with itself: no error")
	}
}

// TestCommonObjects: the most common objects of 200 soups are
// Catagolue's first for B3/S23 C1: block, blinker, beehive, glider.
func TestCommonObjects(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("a few hundred soups")
	}
	h, err := Run(context.Background(), config("k_common", 200))
	if err != nil {
		t.Fatal(err)
	}
	table := h.Table()
	if strings.Join(table[:4], " ") != "xs4_33 xp2_7 xs6_696 xq4_153" {
		t.Errorf("most common: %v", table[:min(10, len(table))])
	}
}

func TestReadHaulErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"@VERSION x\n", "h:1: unknown haul version"},
		{"@VERSION life-census-1\n@ROOT k\n@RULE b3s23\n@CENSUS TABLE\nxs4_33 zero\n", "h:5: bad count"},
		{"@VERSION life-census-1\n@ROOT k\n@RULE b3s23\n@SAMPLE_SOUPIDS\nxs4_33 j12\n", "h:5: bad soup id"},
		{"hello\n", "h:1: unexpected"},
	} {
		_, err := ReadHaul("h", strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.want)
		}
	}
}

// TestAgreesWithIdentify: a soup censused on the bounded plane, with its
// escaping ships taken off at the edge and its cells looked at only once it
// looks settled, gives the objects that classifying it on the unbounded
// plane, every generation watched, gives.
func TestAgreesWithIdentify(t *testing.T) {
	n := int64(24)
	if testing.Short() || raceEnabled {
		n = 8
	}
	cfg := config("k_agree", n)
	for i := range n {
		got, err := RunSoup(context.Background(), cfg, i)
		if err != nil {
			t.Fatal(err)
		}
		e, _ := hashlife.New(engine.Life, hashlife.Options{})
		for _, p := range Soup(cfg.Root, i) {
			e.SetCell(p.Y, p.X, true)
		}
		r, err := classify.Classify(context.Background(), e, classify.Options{MaxGens: DefaultMaxGens})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, o := range r.Objects {
			want = append(want, o.Apgcode)
		}
		if len(r.Objects) == 0 && r.Apgcode != "" {
			want = []string{r.Apgcode}
		}
		slices.Sort(want)
		slices.Sort(got.Objects)
		if !slices.Equal(got.Objects, want) {
			t.Errorf("soup %d: census %v, identify %v (%v)", i, got.Objects, want, r)
		}
	}
}
