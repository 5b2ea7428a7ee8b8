package eventlog

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"cjml.dev/cjml"
)

// xesGen generates an XES log of n traces of ten events on the fly, so that
// the input itself takes no memory.
type xesGen struct {
	n, i          int
	buf           bytes.Buffer
	started, done bool
}

func (g *xesGen) Read(p []byte) (int, error) {
	for g.buf.Len() < len(p) && !g.done {
		if g.i == 0 && !g.started {
			g.buf.WriteString(xesHead)
			g.started = true
		}
		if g.i == g.n {
			g.buf.WriteString("</log>\n")
			g.done = true
			break
		}
		fmt.Fprintf(&g.buf, "  <trace>\n    <string key=\"concept:name\" value=\"case %d\"/>\n    <string key=\"customerName\" value=\"Customer %d\"/>\n", g.i, g.i)
		for e := range 10 {
			fmt.Fprintf(&g.buf, `    <event>
      <string key="concept:name" value="Step %d of the onboarding"/>
      <date key="time:timestamp" value="2025-03-%02dT10:%02d:00.000+01:00"/>
      <string key="org:resource" value="%s"/>
      <string key="receiver" value="%s"/>
      <string key="channel" value="email"/>
      <string key="lifecycle:transition" value="complete"/>
    </event>
`, e, 1+g.i%28, e, []string{"Customer", "NordNett"}[e%2], []string{"NordNett", "Customer"}[e%2])
		}
		g.buf.WriteString("  </trace>\n")
		g.i++
	}
	if g.buf.Len() == 0 {
		return 0, io.EOF
	}
	return g.buf.Read(p)
}

// BenchmarkXESStream reads 1,000 and 10,000 traces with Stream, dropping
// each journey once built. allocated/trace stays the same and the peak heap
// in use does not grow with the number of traces: memory is bounded by one
// trace, not by the log.
func BenchmarkXESStream(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("traces=%d", n), func(b *testing.B) {
			var peak uint64
			var ms runtime.MemStats
			for b.Loop() {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				base := ms.HeapInuse
				traces := 0
				st, diags := Stream(&xesGen{n: n}, "gen.xes", Options{}, func(j *cjml.Journey) error {
					traces++
					if traces%500 == 0 {
						runtime.ReadMemStats(&ms)
						if ms.HeapInuse > base && ms.HeapInuse-base > peak {
							peak = ms.HeapInuse - base
						}
					}
					return nil
				})
				if len(diags) > 0 || st.Journeys != n || st.Touchpoints != 10*n {
					b.Fatalf("%v %v", st, diags)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(n), "traces/op")
		})
	}
}

// BenchmarkCSV imports a CSV log of 10,000 cases of ten events.
func BenchmarkCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("case,activity,timestamp,initiator,receiver,channel\n")
	for e := range 10 {
		for c := range 10000 {
			fmt.Fprintf(&sb, "case %d,Step %d of the onboarding,2025-03-%02dT10:%02d:00,Customer,NordNett,email\n", c, e, 1+c%28, e)
		}
	}
	src := sb.String()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		_, st, diags := Import(strings.NewReader(src), "gen.csv", Options{})
		if len(diags) > 0 || st.Touchpoints != 100000 {
			b.Fatalf("%v %v", st, diags)
		}
	}
}
