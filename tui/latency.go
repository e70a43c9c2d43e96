package tui

import (
	"fmt"
	"slices"
	"time"
)

// Latencies collects how long keys took from their arrival to the screen,
// as [Options.KeyLatency] reports them (its Add is such a func), for a
// summary on quitting. It is used by one goroutine at a time: the event
// loop's, then the caller's once [Run] has returned.
type Latencies struct{ d []time.Duration }

// Add records one key's latency.
func (l *Latencies) Add(d time.Duration) { l.d = append(l.d, d) }

// Summary returns a line saying how many keys there were and their
// median, 90th percentile and largest latency, in milliseconds to a
// tenth: "key to screen over 12 keys: median 1.2 ms, p90 3.4 ms, max
// 5.6 ms\n". It is "" when there were none.
func (l *Latencies) Summary() string {
	if len(l.d) == 0 {
		return ""
	}
	lat := slices.Sorted(slices.Values(l.d))
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return fmt.Sprintf("key to screen over %d keys: median %.1f ms, p90 %.1f ms, max %.1f ms\n",
		len(lat), ms(lat[len(lat)/2]), ms(lat[len(lat)*9/10]), ms(lat[len(lat)-1]))
}
