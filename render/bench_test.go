package render

import (
	"fmt"
	"io"
	"testing"

	"cjml.dev/internal/gen"
)

// BenchmarkRender renders generated journeys of 100, 1,000 and 10,000
// touchpoints among six actors, layout and SVG writing included. Rendering
// is linear: 10,000 touchpoints should take at most 12× the time of 1,000.
func BenchmarkRender(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		doc := gen.Long(n, 6, 1)
		for _, v := range []View{Swimlane, JourneyView} {
			b.Run(fmt.Sprintf("%s/n=%d", v, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := Render(io.Discard, doc, Options{View: v}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
