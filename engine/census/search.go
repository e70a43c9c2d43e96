package census

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// ParseShard reads a shard as life census --shard gives it, I/N: the I-th
// (from 0) of N disjoint slices of the soups, those whose index is I
// modulo N, for [Config.Shard] and [Config.Shards].
func ParseShard(s string) (shard, shards int, err error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
		return 0, 0, fmt.Errorf("%q: want I/N with 0 <= I < N", s)
	}
	return i, n, nil
}

// ParseSoupID reads a soup's id, ROOT:I, as a haul's samples name soups
// (soup I of the search whose seed is ROOT; see [Soup]).
func ParseSoupID(id string) (root string, i int64, err error) {
	k := strings.LastIndexByte(id, ':')
	n, err := strconv.ParseInt(id[k+1:], 10, 64)
	if k < 1 || err != nil || n < 0 {
		return "", 0, fmt.Errorf("%q: want ROOT:I, such as k_abc:12", id)
	}
	return id[:k], n, nil
}

// CheckRoot refuses a seed root that a haul could not hold: one with
// spaces or colons.
func CheckRoot(root string) error {
	if strings.ContainsAny(root, " \t\n:") {
		return fmt.Errorf("%q: a root has no spaces or colons", root)
	}
	return nil
}

// RandomRoot returns a fresh seed root, as apgsearch makes one: "l_" and
// 12 random letters and digits.
func RandomRoot() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 12)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return "l_" + string(b)
}

// ShardSoups returns how many soups [Run] censuses for c: those of the
// whole search's c.Soups whose index is c.Shard modulo c.Shards.
func (c Config) ShardSoups() int64 {
	shards := int64(max(c.Shards, 1))
	return max((c.Soups-int64(c.Shard)+shards-1)/shards, 0)
}

// NumWorkers returns how many soups [Run] runs at once for c: c.Workers,
// or GOMAXPROCS when that is 0.
func (c Config) NumWorkers() int {
	if c.Workers > 0 {
		return c.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// WriteSoup runs soup i of the search c.Root by itself and writes its
// objects to w, one a line, the apgcode and how many there are, most
// common first, as a haul orders them ([Haul.Table]).
func WriteSoup(ctx context.Context, w io.Writer, c Config, i int64) error {
	res, err := RunSoup(ctx, c, i)
	if err != nil {
		return err
	}
	h := NewHaul(c.Root, c.Rule, i+1, 1, []int{0})
	h.Add(res)
	var b strings.Builder
	for _, code := range h.Table() {
		fmt.Fprintf(&b, "%s %d\n", code, h.Counts[code])
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// MergeFiles reads the haul files at paths ([ReadHaul]) and adds them up
// ([Haul.Merge]), in order: the merge of every shard of a search is its
// whole haul. Errors name the file (and the line of a bad one).
func MergeFiles(paths []string) (*Haul, error) {
	if len(paths) == 0 {
		return nil, errors.New("no haul files to merge")
	}
	var h *Haul
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		o, err := ReadHaul(path, bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		if h == nil {
			h = o
		} else if err := h.Merge(o); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	return h, nil
}
