package tui

import (
	"slices"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
)

// BenchmarkKeyToScreen measures how long a key press takes to reach the
// screen while the UI runs flat out on a 120 x 40 screen: the time from
// InjectKey to the end of the draw that follows the key's handling (the
// after-draw hook, which also reads the whole screen back). The keys are ]
// and [ in turn, which change the scale shown in the status bar. It reports
// the mean (ns/op) and the 99th percentile and maximum as ms; the target is
// under 50 ms.
func BenchmarkKeyToScreen(b *testing.B) {
	h := start(b, 120, 40, Options{})
	h.press(' ')
	h.idle()
	h.do(func(u *controller) {
		if err := u.fill(0.35); err != nil { // a soup keeps it busy
			b.Error(err)
		}
	})
	h.press(' ')
	var lat []time.Duration
	gens := 0
	g0 := gen(b, h.wait("running", func(f frame) bool { return f.running }))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		r := ']'
		if i%2 == 1 {
			r = '['
		}
		t0 := time.Now()
		h.key(tcell.KeyRune, r)
		f := h.wait("the key on screen", func(f frame) bool { return f.keys >= h.sent })
		lat = append(lat, time.Since(t0))
		if !f.running {
			b.StopTimer()
			gens += gen(b, f) - g0
			h.press(' ') // it settled: run again
			g0 = gen(b, h.wait("running", func(f frame) bool { return f.running }))
			b.StartTimer()
		}
	}
	b.StopTimer()
	f := h.press(' ')
	gens += gen(b, f) - g0
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(lat[len(lat)*99/100]), "p99-ms")
	b.ReportMetric(ms(lat[len(lat)-1]), "max-ms")
	b.ReportMetric(float64(gens)/b.Elapsed().Seconds(), "gens/s")
}

func gen(t testing.TB, f frame) int {
	t.Helper()
	var g int
	for _, c := range f.gen {
		if c == ',' {
			continue // the status bar's thousands separator
		}
		g = g*10 + int(c-'0')
	}
	return g
}

func TestLatencies(t *testing.T) {
	var l Latencies
	if s := l.Summary(); s != "" {
		t.Errorf("no keys: %q", s)
	}
	// 1 to 10 ms, in any order: median the 6th, p90 the 10th.
	for _, ms := range []int{7, 3, 10, 1, 5, 2, 9, 4, 8, 6} {
		l.Add(time.Duration(ms)*time.Millisecond + 250*time.Microsecond)
	}
	want := "key to screen over 10 keys: median 6.2 ms, p90 10.2 ms, max 10.2 ms\n"
	if s := l.Summary(); s != want {
		t.Errorf("got %q, want %q", s, want)
	}
}
