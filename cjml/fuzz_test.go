package cjml

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// seed adds every corpus file, converted to format f, to the fuzz corpus.
func seed(f *testing.F, format Format) {
	for _, file := range corpus(f) {
		b := mustRead(f, file)
		if FormatOf(file) == format {
			f.Add(b)
			continue
		}
		if doc, diags := Parse(file, b); !diags.HasErrors() {
			if out, err := doc.Marshal(format); err == nil {
				f.Add(out)
			}
		}
	}
}

// checkParse is the property every reader must have: no panic, positions
// inside the input, and a document that survives writing in every format.
func checkParse(t *testing.T, name string, in []byte, format Format) {
	doc, diags := ParseOptions(name, in, ReadOptions{Format: format})
	for _, d := range diags {
		if d.Severity == SeverityInvalid || d.Code == "" || d.Message == "" {
			t.Fatalf("incomplete diagnostic %#v", d)
		}
		checkInside(t, in, d.Pos)
	}
	if doc == nil {
		if !diags.HasErrors() {
			t.Fatalf("no document and no error")
		}
		return
	}
	if diags.HasErrors() {
		return
	}
	want := stripped(doc)
	for _, f := range []Format{XML, YAML, JSON} {
		out, err := doc.Marshal(f)
		if err != nil {
			t.Fatalf("writing %s: %v", f, err)
		}
		back, bd := ParseOptions("out", out, ReadOptions{Format: f})
		if bd.HasErrors() {
			t.Fatalf("re-reading %s: %v\n%s", f, bd, out)
		}
		if got := stripped(back); !equalDocs(want, got) {
			t.Fatalf("%s round trip changed the document\ninput:\n%s\noutput:\n%s", f, in, out)
		}
	}
}

// checkInside checks that a diagnostic position lies inside the input (the
// position just past the end counts as inside).
func checkInside(t *testing.T, in []byte, p Position) {
	if p.Line == 0 || bytes.HasPrefix(in, []byte{0xFE, 0xFF}) || bytes.HasPrefix(in, []byte{0xFF, 0xFE}) {
		return // no position, or one in the text transcoded from UTF-16
	}
	lines := bytes.Count(in, []byte{'\n'}) + 1
	if p.Line < 1 || p.Line > lines || p.Column < 1 {
		t.Fatalf("position %v outside the input (%d lines, %d bytes)", p, lines, len(in))
	}
	line := bytes.Split(in, []byte{'\n'})[p.Line-1]
	if p.Column > utf8.RuneCount(line)+1 {
		t.Fatalf("column of %v past the end of its line %q", p, line)
	}
}

func FuzzParseXML(f *testing.F) {
	seed(f, XML)
	for _, s := range []string{`<CJML/>`, `<cjml><x a="1">t<!--c--></x></cjml>`, `<?xml version="1.0" encoding="ISO-8859-1"?><CJML>\xe6</CJML>`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		checkParse(t, "fuzz.xml", in, XML)
	})
}

func FuzzParseYAML(f *testing.F) {
	seed(f, YAML)
	f.Add([]byte("version: '2.0'\njourneys:\n  - actualJourney: {journeyID: A, x: [1, 2], '@y': z}\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		checkParse(t, "fuzz.yaml", in, YAML)
	})
}

func FuzzParseJSON(f *testing.F) {
	seed(f, JSON)
	f.Add([]byte(`{"version":"2.0","journeys":[{"plannedJourney":{"journeyID":"P","$comment":["a","b"]}}]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		checkParse(t, "fuzz.json", in, JSON)
	})
}

// FuzzXMLWellFormed compares the scanner's well-formedness verdict with
// encoding/xml's on inputs both are meant to judge alike.
func FuzzXMLWellFormed(f *testing.F) {
	seed(f, XML)
	f.Fuzz(func(t *testing.T, in []byte) {
		s := string(in)
		// encoding/xml reads DTDs and declared encodings differently, and
		// does not check what XML allows in names and characters.
		if strings.Contains(s, "<!DOCTYPE") || strings.Contains(s, "encoding") || !utf8.ValidString(s) ||
			strings.HasPrefix(s, "<?xml") && !strings.Contains(s, "1.0") {
			return
		}
		ours, why := wellFormedWhy(s)
		theirs := stdWellFormed(s)
		if !ours && theirs {
			for _, lax := range stdLax {
				if strings.Contains(why, lax) {
					return
				}
			}
		}
		if ours != theirs {
			t.Fatalf("scanner says well-formed=%v (%s), encoding/xml says %v for %q", ours, why, theirs, s)
		}
	})
}
