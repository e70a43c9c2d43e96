package census

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/life-go/life/engine"
)

// MaxSamples is how many sample soups a haul keeps for each object: the
// lowest-numbered, so that shards merge into exactly the whole run's.
const MaxSamples = 10

// Haul is a census: for each apgcode, how many times it appeared and the
// first soups it appeared in. Hauls of the shards of one search add up
// ([Haul.Merge]) to the haul of the whole search, byte for byte once
// written.
type Haul struct {
	Root  string
	Rule  string // as apgsearch writes it, "b3s23"
	Soups int64  // the whole search's soups: indices 0 to Soups-1
	// Shards is how many shards the search was cut into, and Have the
	// ones this haul holds (all of them for a whole search).
	Shards int
	Have   []int
	// Censused is the number of soups in the haul.
	Censused int64
	Counts   map[string]int64
	Samples  map[string][]int64
}

// NewHaul returns an empty haul of the given shards of a search.
func NewHaul(root string, r engine.Rule, soups int64, shards int, have []int) *Haul {
	return &Haul{Root: root, Rule: RuleName(r), Soups: soups, Shards: shards, Have: slices.Clone(have),
		Counts: map[string]int64{}, Samples: map[string][]int64{}}
}

// Add counts one soup's objects.
func (h *Haul) Add(r Result) {
	h.Censused++
	for _, code := range r.Objects {
		h.Counts[code]++
		s := h.Samples[code]
		if n := len(s); n > 0 && s[n-1] == r.Index {
			continue
		}
		h.Samples[code] = keepLowest(append(s, r.Index))
	}
}

// keepLowest sorts s, drops repeats and keeps the MaxSamples lowest.
func keepLowest(s []int64) []int64 {
	slices.Sort(s)
	s = slices.Compact(s)
	return s[:min(len(s), MaxSamples)]
}

// Merge adds o, a haul of other shards of the same search, into h.
func (h *Haul) Merge(o *Haul) error {
	if h.Root != o.Root || h.Rule != o.Rule || h.Soups != o.Soups || h.Shards != o.Shards {
		return fmt.Errorf("hauls of different searches: %s %s %d soups in %d shards, and %s %s %d soups in %d shards",
			h.Root, h.Rule, h.Soups, h.Shards, o.Root, o.Rule, o.Soups, o.Shards)
	}
	for _, s := range o.Have {
		if slices.Contains(h.Have, s) {
			return fmt.Errorf("shard %d/%d is in both hauls", s, h.Shards)
		}
	}
	h.Have = append(h.Have, o.Have...)
	slices.Sort(h.Have)
	h.Censused += o.Censused
	for code, n := range o.Counts {
		h.Counts[code] += n
	}
	for code, s := range o.Samples {
		h.Samples[code] = keepLowest(append(h.Samples[code], s...))
	}
	return nil
}

// Complete reports whether the haul holds every shard of its search.
func (h *Haul) Complete() bool { return len(h.Have) == h.Shards }

// Table returns the apgcodes, most common first, then in ASCII order.
func (h *Haul) Table() []string {
	codes := make([]string, 0, len(h.Counts))
	for c := range h.Counts {
		codes = append(codes, c)
	}
	slices.SortFunc(codes, func(a, b string) int {
		if c := cmp.Compare(h.Counts[b], h.Counts[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return codes
}

// Objects returns the number of objects counted.
func (h *Haul) Objects() int64 {
	var n int64
	for _, c := range h.Counts {
		n += c
	}
	return n
}

// version names the haul format.
const version = "life-census-1"

// WriteTo writes the haul in a format like apgsearch's: "@" header lines,
// the census table (apgcode and count, most common first) and the sample
// soup ids (root and index, as Catagolue writes them). A haul of every
// shard is written as the unsharded search's.
func (h *Haul) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "@VERSION %s\n@ROOT %s\n@RULE %s\n@SYMMETRY C1\n@SOUPS %d\n", version, h.Root, h.Rule, h.Soups)
	if !h.Complete() {
		fmt.Fprintf(&b, "@SHARDS %d", h.Shards)
		for _, s := range h.Have {
			fmt.Fprintf(&b, " %d", s)
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "@NUM_SOUPS %d\n@NUM_OBJECTS %d\n\n@CENSUS TABLE\n", h.Censused, h.Objects())
	table := h.Table()
	for _, c := range table {
		fmt.Fprintf(&b, "%s %d\n", c, h.Counts[c])
	}
	b.WriteString("\n@SAMPLE_SOUPIDS\n")
	for _, c := range table {
		b.WriteString(c)
		for _, i := range h.Samples[c] {
			fmt.Fprintf(&b, " %s%d", h.Root, i)
		}
		b.WriteByte('\n')
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// ReadHaul reads a haul that [Haul.WriteTo] wrote; errors name the file
// and line.
func ReadHaul(name string, r io.Reader) (*Haul, error) {
	h := &Haul{Shards: 1, Counts: map[string]int64{}, Samples: map[string][]int64{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	line := 0
	fail := func(format string, args ...any) (*Haul, error) {
		return nil, fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, args...))
	}
	section := ""
	sharded := false
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		fields := strings.Fields(text)
		if strings.HasPrefix(text, "@") {
			num := func() (int64, bool) {
				if len(fields) != 2 {
					return 0, false
				}
				n, err := strconv.ParseInt(fields[1], 10, 64)
				return n, err == nil && n >= 0
			}
			var ok bool
			switch fields[0] {
			case "@VERSION":
				if len(fields) != 2 || fields[1] != version {
					return fail("unknown haul version %q, want %s", strings.Join(fields[1:], " "), version)
				}
				ok = true
			case "@ROOT":
				ok = len(fields) == 2
				if ok {
					h.Root = fields[1]
				}
			case "@RULE":
				ok = len(fields) == 2
				if ok {
					h.Rule = fields[1]
				}
			case "@SYMMETRY":
				ok = len(fields) == 2 && fields[1] == "C1"
			case "@SOUPS":
				h.Soups, ok = num()
			case "@NUM_SOUPS":
				h.Censused, ok = num()
			case "@NUM_OBJECTS":
				_, ok = num()
			case "@SHARDS":
				sharded = true
				ok = len(fields) >= 2
				for i, f := range fields[1:] {
					n, err := strconv.Atoi(f)
					if err != nil || n < 0 || i == 0 && n < 1 {
						ok = false
						break
					}
					if i == 0 {
						h.Shards = n
					} else {
						h.Have = append(h.Have, n)
					}
				}
			case "@CENSUS", "@SAMPLE_SOUPIDS":
				section, ok = fields[0], true
			}
			if !ok {
				return fail("bad header line %q", text)
			}
			continue
		}
		switch section {
		case "@CENSUS":
			if len(fields) != 2 {
				return fail("want an apgcode and a count, got %q", text)
			}
			n, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil || n < 1 {
				return fail("bad count %q", fields[1])
			}
			h.Counts[fields[0]] = n
		case "@SAMPLE_SOUPIDS":
			for _, id := range fields[1:] {
				i, err := strconv.ParseInt(strings.TrimPrefix(id, h.Root), 10, 64)
				if !strings.HasPrefix(id, h.Root) || err != nil || i < 0 {
					return fail("bad soup id %q, want %s followed by a number", id, h.Root)
				}
				h.Samples[fields[0]] = append(h.Samples[fields[0]], i)
			}
		default:
			return fail("unexpected %q before the census table", text)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if h.Root == "" || h.Rule == "" {
		return nil, fmt.Errorf("%s: not a haul: no @ROOT or @RULE", name)
	}
	if !sharded {
		h.Have = []int{0}
	}
	return h, nil
}
