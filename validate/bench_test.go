package validate

import (
	"sync"
	"testing"

	"cjml.dev/cjml"
	"cjml.dev/internal/gen"
)

var (
	benchOnce sync.Once
	benchXML  []byte
)

// benchDoc generates the 20 MB XML document of bench/validate.sh (1,450
// journeys of about 20 touchpoints).
func benchDoc(b *testing.B) []byte {
	benchOnce.Do(func() {
		var err error
		if benchXML, err = gen.Document(gen.Default(1450)).Marshal(cjml.XML); err != nil {
			b.Fatal(err)
		}
	})
	return benchXML
}

// BenchmarkValidate reads and validates the 20 MB document, as
// `cjml validate` does.
func BenchmarkValidate(b *testing.B) {
	src := benchDoc(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if ds := Bytes("bench.xml", src, Options{}); ds.HasErrors() {
			b.Fatal(ds[:1])
		}
	}
}

// BenchmarkDocument validates the document already read: the cost of the
// checks alone.
func BenchmarkDocument(b *testing.B) {
	doc, diags := cjml.Parse("bench.xml", benchDoc(b))
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	b.SetBytes(int64(len(benchXML)))
	b.ReportAllocs()
	for b.Loop() {
		if ds := Document(doc, Options{}); ds.HasErrors() {
			b.Fatal(ds[:1])
		}
	}
}
