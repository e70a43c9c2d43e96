package census

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

func TestParseShard(t *testing.T) {
	for _, c := range []struct {
		in        string
		i, n      int
		wantError bool
	}{
		{"0/1", 0, 1, false},
		{"3/4", 3, 4, false},
		{"4/4", 0, 0, true},
		{"-1/4", 0, 0, true},
		{"1/0", 0, 0, true},
		{"1", 0, 0, true},
		{"a/b", 0, 0, true},
	} {
		i, n, err := ParseShard(c.in)
		if (err != nil) != c.wantError || i != c.i || n != c.n {
			t.Errorf("ParseShard(%q) = %d, %d, %v", c.in, i, n, err)
		}
		if err != nil && err.Error() != `"`+c.in+`": want I/N with 0 <= I < N` {
			t.Errorf("ParseShard(%q): error %q", c.in, err)
		}
	}
}

func TestParseSoupID(t *testing.T) {
	for _, c := range []struct {
		in   string
		root string
		i    int64
		ok   bool
	}{
		{"k_abc:12", "k_abc", 12, true},
		{"a:b:0", "a:b", 0, true}, // the last colon
		{":3", "", 0, false},
		{"k_abc", "", 0, false},
		{"k_abc:-1", "", 0, false},
		{"k_abc:x", "", 0, false},
	} {
		root, i, err := ParseSoupID(c.in)
		if (err == nil) != c.ok || root != c.root || i != c.i {
			t.Errorf("ParseSoupID(%q) = %q, %d, %v", c.in, root, i, err)
		}
		if err != nil && err.Error() != `"`+c.in+`": want ROOT:I, such as k_abc:12` {
			t.Errorf("ParseSoupID(%q): error %q", c.in, err)
		}
	}
}

func TestRoots(t *testing.T) {
	a, b := RandomRoot(), RandomRoot()
	if a == b || len(a) != 14 || !strings.HasPrefix(a, "l_") || CheckRoot(a) != nil {
		t.Errorf("roots %q, %q", a, b)
	}
	for _, bad := range []string{"a b", "a:b", "a\tb", "a\n"} {
		if err := CheckRoot(bad); err == nil || !strings.HasSuffix(err.Error(), ": a root has no spaces or colons") {
			t.Errorf("CheckRoot(%q): %v", bad, err)
		}
	}
}

// TestShardSoups: the shards' soups add up to the whole search's.
func TestShardSoups(t *testing.T) {
	for _, soups := range []int64{1, 7, 12, 100} {
		for shards := 1; shards <= 9; shards++ {
			var sum int64
			for i := range shards {
				sum += Config{Soups: soups, Shard: i, Shards: shards}.ShardSoups()
			}
			if sum != soups {
				t.Errorf("%d soups in %d shards: the shards have %d", soups, shards, sum)
			}
		}
	}
	if n := (Config{Soups: 5}).ShardSoups(); n != 5 {
		t.Errorf("unsharded: %d soups, want 5", n)
	}
	if n, want := (Config{}).NumWorkers(), runtime.GOMAXPROCS(0); n != want {
		t.Errorf("default workers %d, want %d", n, want)
	}
	if n := (Config{Workers: 3}).NumWorkers(); n != 3 {
		t.Errorf("workers %d, want 3", n)
	}
}

// TestWriteSoup: soup 0 of a search alone gives the objects it gives in
// the search.
func TestWriteSoup(t *testing.T) {
	cfg := config("k_one", 1)
	h, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for _, code := range h.Table() {
		want.WriteString(code + " " + itoa(h.Counts[code]) + "\n")
	}
	var got bytes.Buffer
	if err := WriteSoup(context.Background(), &got, cfg, 0); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() || got.Len() == 0 {
		t.Errorf("soup 0:\n%s\nwant\n%s", got.String(), want.String())
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestMergeFiles: shards written to files merge into the whole haul; a
// shard twice, a missing file and a bad one are errors naming the file.
func TestMergeFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, h *Haul) string {
		var b bytes.Buffer
		h.WriteTo(&b)
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	cfg := config("k_files", 6)
	whole, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for i := range 2 {
		c := cfg
		c.Shard, c.Shards = i, 2
		h, err := Run(context.Background(), c)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, write("shard"+itoa(int64(i)), h))
	}
	merged, err := MergeFiles(paths)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	merged.WriteTo(&a)
	whole.WriteTo(&b)
	if a.String() != b.String() {
		t.Errorf("merged:\n%s\nwhole:\n%s", a.String(), b.String())
	}
	bad := filepath.Join(dir, "bad")
	os.WriteFile(bad, []byte("hello\n"), 0o644)
	for _, c := range []struct {
		paths []string
		want  string
	}{
		{[]string{paths[0], paths[0]}, paths[0] + ": "},
		{[]string{paths[0], filepath.Join(dir, "missing")}, "open " + filepath.Join(dir, "missing") + ": no such file"},
		{[]string{bad}, bad + ":1: unexpected"},
		{nil, "no haul files"},
	} {
		if _, err := MergeFiles(c.paths); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("MergeFiles(%q): %v, want %q...", c.paths, err, c.want)
		}
	}
}
