package schema_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
)

// span is the byte range of one element, start tag to end tag.
type span struct {
	name       string
	start, end int64
}

// elementSpans returns the spans of every element below the root.
func elementSpans(t *testing.T, src []byte) []span {
	d := xml.NewDecoder(bytes.NewReader(src))
	var open []span
	var out []span
	for {
		start := d.InputOffset()
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		switch tok := tok.(type) {
		case xml.StartElement:
			open = append(open, span{name: tok.Name.Local, start: start})
		case xml.EndElement:
			s := open[len(open)-1]
			open = open[:len(open)-1]
			s.end = d.InputOffset()
			if len(open) > 0 {
				out = append(out, s)
			}
		}
	}
	return out
}

// TestMutantsAgree checks that the two schemas agree on every document
// made from a valid one by deleting one element, by repeating it, by
// turning a planned element into an actual one and back, or by replacing
// one text or attribute value with a tricky one: the mutants exercise every
// required element, every occurrence bound, the planned/actual split and
// every value type.
func TestMutantsAgree(t *testing.T) {
	js := compile(t)
	dir := t.TempDir()
	var files []string
	what := map[string]string{}
	bases := []string{"testdata/valid-all-fields.xml", "testdata/valid-extensions.xml", "testdata/valid-actor-kinds.xml", "testdata/valid-empty-elements.xml",
		"testdata/valid-minimal.xml", "testdata/valid-cjmlexcel.xml", "testdata/valid-uiomaster.xml", "testdata/valid-interleaved.xml"}
	if testing.Short() {
		bases = bases[:2]
	}
	for _, base := range bases {
		src, err := os.ReadFile(base)
		require.NoError(t, err)
		for i, s := range elementSpans(t, src) {
			el := src[s.start:s.end]
			mutants := []struct {
				op  string
				doc []byte
			}{
				{"delete", concat(src[:s.start], src[s.end:])},
				{"repeat", concat(src[:s.end], el, src[s.end:])},
			}
			if r := swapKind(s.name); r != "" {
				mutants = append(mutants, struct {
					op  string
					doc []byte
				}{"rename-" + r, concat(src[:s.start], rename(el, s.name, r), src[s.end:])})
			}
			for _, m := range mutants {
				f := filepath.Join(dir, fmt.Sprintf("%s-%d-%s-%s.xml", filepath.Base(base[:len(base)-4]), i, m.op, s.name))
				require.NoError(t, os.WriteFile(f, m.doc, 0o644))
				files = append(files, f)
				what[f] = fmt.Sprintf("%s: %s <%s> at byte %d", base, m.op, s.name, s.start)
			}
		}
	}
	if !testing.Short() {
		for _, base := range []string{"testdata/valid-all-fields.xml", "testdata/valid-ratings.xml", "testdata/valid-extensions.xml", "testdata/valid-actor-kinds.xml"} {
			src, err := os.ReadFile(base)
			require.NoError(t, err)
			for i, v := range valueSpans(t, src) {
				for j, repl := range trickyValues {
					f := filepath.Join(dir, fmt.Sprintf("%s-v%d-%d.xml", filepath.Base(base[:len(base)-4]), i, j))
					require.NoError(t, os.WriteFile(f, concat(src[:v[0]], []byte(repl), src[v[1]:]), 0o644))
					files = append(files, f)
					what[f] = fmt.Sprintf("%s: value %q at byte %d replaced by %q", base, src[v[0]:v[1]], v[0], repl)
				}
			}
		}
	}
	xsd, out := runXmllint(t, files)
	if xsd == nil {
		t.Skip("no xmllint")
	}
	valid := 0
	for _, f := range files {
		doc, diags := cjml.ReadFile(f, cjml.ReadOptions{})
		if diags.HasErrors() {
			continue // the mutant does not even read
		}
		jsonOK := js.Validate(doc.Form().Value()) == nil
		xsdOK, ok := xsd[f]
		if !ok {
			t.Errorf("%s: no verdict from xmllint", what[f])
			continue
		}
		if jsonOK != xsdOK {
			t.Errorf("%s: JSON Schema valid=%v, XSD valid=%v\n%s", what[f], jsonOK, xsdOK, grepLines(out, f))
		}
		if jsonOK {
			valid++
		}
	}
	t.Logf("%d mutants, %d valid", len(files), valid)
}

func concat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// swapKind returns the name of the other journey kind's element
// (plannedAction → actualAction), or "".
func swapKind(name string) string {
	for _, p := range [][2]string{{"planned", "actual"}, {"actual", "planned"}} {
		if rest, ok := strings.CutPrefix(name, p[0]); ok && rest != "Reference" {
			return p[1] + rest
		}
	}
	return ""
}

// rename renames the element el from old to new (start and end tag).
func rename(el []byte, old, new string) []byte {
	s := string(el)
	s = "<" + new + strings.TrimPrefix(s, "<"+old)
	if strings.HasSuffix(s, "</"+old+">") {
		s = strings.TrimSuffix(s, "</"+old+">") + "</" + new + ">"
	}
	return []byte(s)
}

// trickyValues replace values in the value mutants: empty, blank, numbers
// in and out of the rating range and in other spellings, compliance and
// rating words.
var trickyValues = []string{"", "  ", "0", "6", "+3", "3.0", " 4 ", "Ad hoc", "very satisfied", "x y", "initiator", "2.1"}

var attrValue = regexp.MustCompile(`\s([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"`)

// valueSpans returns the byte ranges of the text values (text that is the
// whole content of an element) and of the attribute values, but those of
// namespace declarations.
func valueSpans(t *testing.T, src []byte) [][2]int64 {
	var out [][2]int64
	d := xml.NewDecoder(bytes.NewReader(src))
	var last xml.Token
	var lastStart int64
	for {
		start := d.InputOffset()
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		switch tok.(type) {
		case xml.StartElement:
			tag := src[start:d.InputOffset()]
			for _, m := range attrValue.FindAllSubmatchIndex(tag, -1) {
				if name := string(tag[m[2]:m[3]]); name != "xmlns" && !strings.HasPrefix(name, "xmlns:") {
					out = append(out, [2]int64{start + int64(m[4]), start + int64(m[5])})
				}
			}
		case xml.EndElement:
			if cd, ok := last.(xml.CharData); ok && len(bytes.TrimSpace(cd)) > 0 {
				out = append(out, [2]int64{lastStart, start})
			}
		}
		last, lastStart = xml.CopyToken(tok), start
	}
	return out
}
