package timescale

import (
	"testing"
	"time"
)

func benchTimes(n int) []time.Time {
	ts := make([]time.Time, n)
	cur := time.Date(2024, 12, 2, 9, 0, 0, 0, time.UTC)
	for i := range ts {
		if i%7 == 3 {
			continue
		}
		if i%50 == 49 {
			cur = cur.Add(6 * 24 * time.Hour)
		}
		cur = cur.Add(time.Duration(10+i%37) * time.Minute)
		ts[i] = cur
	}
	return ts
}

func BenchmarkLayout1k(b *testing.B) {
	ts := benchTimes(1000)
	for b.Loop() {
		Layout(ts, Options{MinSpacing: 120})
	}
}

func BenchmarkLayout10k(b *testing.B) {
	ts := benchTimes(10000)
	for b.Loop() {
		Layout(ts, Options{MinSpacing: 120})
	}
}
