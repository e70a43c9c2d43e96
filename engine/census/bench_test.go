package census

import (
	"context"
	"testing"
)

// BenchmarkSoup censuses soups of k_bench one after another on one
// goroutine: ns/op is the time a soup takes.
func BenchmarkSoup(b *testing.B) {
	r := newRunner(withEngines(config("k_bench", 0)))
	i := int64(0)
	for b.Loop() {
		if _, err := r.run(context.Background(), i); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
