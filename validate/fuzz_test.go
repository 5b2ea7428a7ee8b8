package validate

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cjml.dev/cjml"
)

// FuzzValidate feeds arbitrary documents (XML, YAML or JSON, sniffed) to
// the validator: it must not panic, and every finding must point inside
// the input.
func FuzzValidate(f *testing.F) {
	for _, pattern := range []string{"testdata/invalid/*", "testdata/valid/*", "../examples/*"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if strings.HasSuffix(file, ".golden") {
				continue
			}
			if b, err := os.ReadFile(file); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, parse := cjml.Parse("fuzz", src)
		text := string(src)
		if doc != nil && doc.Source != nil {
			text = doc.Source.Text
		}
		ds := append(parse, Document(doc, Options{})...)
		lines := bytes.Count([]byte(text), []byte("\n")) + 1
		for _, d := range ds {
			if d.Severity == cjml.SeverityInvalid || d.Code == "" || d.Message == "" {
				t.Fatalf("incomplete diagnostic %#v", d)
			}
			if _, ok := RuleOf(d.Code); !ok {
				t.Fatalf("undocumented code %s", d.Code)
			}
			if d.Pos.File != "fuzz" {
				t.Fatalf("%s: wrong file", d)
			}
			if d.Pos.Line < 0 || d.Pos.Line > lines || d.Pos.Column < 0 || d.Pos.Offset < 0 || d.Pos.Offset > len(text) {
				t.Fatalf("%s: position outside the input (%d lines, %d bytes)", d, lines, len(text))
			}
		}
		// Validating twice gives the same result.
		if doc != nil {
			a, b := Document(doc, Options{}), Document(doc, Options{})
			if a.Error() != b.Error() {
				t.Fatalf("not deterministic:\n%s\n---\n%s", a, b)
			}
			// Touchpoints checked one by one (memoized by shape) give
			// what checking whole journeys gives.
			w := wholeJourneys(func() cjml.Diagnostics { return Document(doc, Options{}) })
			if a.Error() != w.Error() {
				t.Fatalf("split check differs:\n%s\n---\n%s", a, w)
			}
		}
	})
}
