package schema_test

import (
	"bytes"
	"os"
	"testing"

	"cjml.dev/cjml"
	"cjml.dev/internal/gen"
)

// BenchmarkJSONSchema measures the JSON Schema check alone (the form is
// built once) on a generated document with 200 actual journeys, or on the
// XML file named by $CJML_SCHEMA_BENCH_FILE; the bytes are those of the
// document's XML.
func BenchmarkJSONSchema(b *testing.B) {
	var xml bytes.Buffer
	if f := os.Getenv("CJML_SCHEMA_BENCH_FILE"); f != "" {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		xml.Write(src)
	} else if err := gen.Document(gen.Default(200)).WriteXML(&xml); err != nil {
		b.Fatal(err)
	}
	parsed, diags := cjml.Parse("bench.xml", xml.Bytes())
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	v := parsed.Form().Value()
	s := compile(b)
	if err := s.Validate(v); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(xml.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := s.Validate(v); err != nil {
			b.Fatal(err)
		}
	}
}
