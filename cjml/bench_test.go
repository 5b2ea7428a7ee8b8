package cjml_test

import (
	"sync"
	"testing"

	"cjml.dev/cjml"
	"cjml.dev/internal/gen"
)

var (
	benchOnce sync.Once
	benchXML  []byte
	benchYAML []byte
	benchJSON []byte
)

// benchDocs generates a 20 MB XML document (1,450 journeys of about 20
// touchpoints) and a tenth of it as YAML and JSON.
func benchDocs(b *testing.B) {
	benchOnce.Do(func() {
		doc := gen.Document(gen.Default(1450))
		var err error
		if benchXML, err = doc.Marshal(cjml.XML); err != nil {
			b.Fatal(err)
		}
		small := gen.Document(gen.Default(145))
		benchYAML, _ = small.Marshal(cjml.YAML)
		benchJSON, _ = small.Marshal(cjml.JSON)
	})
}

func benchParse(b *testing.B, name string, src []byte) {
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		doc, diags := cjml.Parse(name, src)
		if doc == nil || diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}

func BenchmarkParseXML(b *testing.B)  { benchDocs(b); benchParse(b, "bench.xml", benchXML) }
func BenchmarkParseYAML(b *testing.B) { benchDocs(b); benchParse(b, "bench.yaml", benchYAML) }
func BenchmarkParseJSON(b *testing.B) { benchDocs(b); benchParse(b, "bench.json", benchJSON) }

func BenchmarkWriteXML(b *testing.B) {
	benchDocs(b)
	doc, _ := cjml.Parse("bench.xml", benchXML)
	b.SetBytes(int64(len(benchXML)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := doc.Marshal(cjml.XML); err != nil {
			b.Fatal(err)
		}
	}
}
