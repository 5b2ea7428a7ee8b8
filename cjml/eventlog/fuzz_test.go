package eventlog

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"cjml.dev/cjml"
)

// seeds adds the example logs and the logs under the CLI's testdata.
func seeds(f *testing.F, ext string, extra ...string) {
	files, _ := filepath.Glob("../../examples/logs/*." + ext)
	more, _ := filepath.Glob("../../cmd/cjml/testdata/import/*." + ext)
	for _, p := range append(files, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// checkFuzz checks what every import must give: no panic (the fuzzer
// notices), positions inside the input, and a document cjml reads back.
// byteCols says whether the input is read as XES, whose columns count
// bytes, or as CSV, whose columns count code points.
func checkFuzz(t *testing.T, src []byte, byteCols bool, m *Mapping) {
	f := CSV
	if byteCols {
		f = XES
	}
	doc, st, diags := Import(bytes.NewReader(src), "f", Options{Format: f, Mapping: m, MaxDepth: 64})
	text := strings.TrimPrefix(string(src), bom)
	lines := strings.Split(text, "\n") // with any "\r": XES columns count it
	for _, d := range diags {
		if d.Pos.File != "f" {
			t.Fatalf("diagnostic names file %q: %v", d.Pos.File, d)
		}
		if d.Pos.Line < 0 || d.Pos.Line > len(lines) || d.Pos.Column < 0 {
			t.Fatalf("position outside the input (%d lines): %v", len(lines), d)
		}
		if d.Pos.Line > 0 {
			l := lines[d.Pos.Line-1]
			width := utf8.RuneCountInString(l)
			if byteCols {
				width = len(l)
			}
			if d.Pos.Column > width+1 {
				t.Fatalf("column past the end of line %q: %v", l, d)
			}
		}
	}
	if doc == nil {
		if !IsFatal(diags) {
			t.Fatalf("no document and no fatal diagnostic: %v", diags)
		}
		return
	}
	if len(doc.Journeys) != st.Journeys {
		t.Fatalf("%d journeys, stats say %d", len(doc.Journeys), st.Journeys)
	}
	out, err := doc.Marshal(cjml.XML)
	if err != nil {
		t.Fatal(err)
	}
	back, ds := cjml.Parse("out.xml", out)
	if back == nil || ds.HasErrors() {
		t.Fatalf("imported document does not read back: %v\n%s", ds, out)
	}
}

func FuzzCSV(f *testing.F) {
	seeds(f, "csv",
		"case,activity,timestamp,initiator,receiver\nc,a,2025-01-01,Customer,Shop\n",
		"\xEF\xBB\xBFcase;activity\r\n\"x\";\"y\"\"z\"\r\n",
		"case\tlabel\tkind\n1\tx\taction\n",
		"case,activity,initiator\nc,\"open,Customer\n")
	m, _ := ParseMapping("m", []byte("columns: {touchpoint: Step, phase: Phase, compliance: Status}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		checkFuzz(t, src, false, nil)
		if bytes.Contains(src, []byte("Step")) {
			checkFuzz(t, src, false, m)
		}
	})
}

func FuzzXES(f *testing.F) {
	seeds(f, "xes",
		xesHead+`<trace><string key="concept:name" value="t"/><event><string key="concept:name" value="a"/><string key="org:resource" value="Customer"/></event></trace></log>`,
		`<log><trace><event><string key="concept:name" value="a"/><string key="lifecycle:transition" value="start"/><string key="org:resource" value="x"/></event></trace></log>`,
		"<log><event/></log>",
		"<log>\n<trace>\n</log>")
	f.Fuzz(func(t *testing.T, src []byte) {
		checkFuzz(t, src, true, nil)
		// The reader checks nesting itself (it uses RawToken): its verdict
		// on well-formedness is encoding/xml's Token's.
		_, _, diags := Import(bytes.NewReader(src), "f", Options{Format: XES, MaxDepth: 1 << 20})
		var tokErr error
		d := xml.NewDecoder(bytes.NewReader(src))
		for tokErr == nil {
			_, tokErr = d.Token()
		}
		wellFormed := tokErr == io.EOF
		notWF := false
		for _, dg := range diags {
			if dg.Code == CodeSyntax && strings.HasPrefix(dg.Message, "not well-formed XML") && !strings.Contains(dg.Message, "after the end of <log>") ||
				dg.Code == CodeSyntax && strings.HasPrefix(dg.Message, "cannot read") {
				notWF = true
			}
		}
		if wellFormed && notWF {
			t.Fatalf("encoding/xml reads the input, the importer says %v", diags)
		}
		if !wellFormed && !IsFatal(diags) {
			t.Fatalf("encoding/xml says %v, the importer accepts the input", tokErr)
		}
	})
}

// FuzzMapping feeds mapping files to ParseMapping: no panic, an error for
// every rejected file, every position inside the input, and a mapping that
// imports the example log without panicking when it is accepted.
func FuzzMapping(f *testing.F) {
	files, _ := filepath.Glob("../../examples/logs/*.mapping.yaml")
	more, _ := filepath.Glob("../../cmd/cjml/testdata/import/*.yaml")
	for _, p := range append(files, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("columns:\n  case: [x]\n"))
	f.Add([]byte("delimiter: \"\"\nendUser: {a: b}\n"))
	f.Add([]byte("actors:\n  \"\": x\nunknown: 1\n"))
	csv, err := os.ReadFile("../../examples/logs/broadband.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		m, diags := ParseMapping("m.yaml", src)
		// YAML breaks lines at \n, \r\n and a lone \r.
		lines := bytes.Count(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), []byte("\n")) +
			bytes.Count(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), []byte("\r")) + 1
		for _, d := range diags {
			if d.Pos.Line > lines || d.Pos.Line < 0 || d.Pos.Column < 0 {
				t.Fatalf("position %d:%d outside the input (%d lines): %v", d.Pos.Line, d.Pos.Column, lines, d)
			}
		}
		if diags.HasErrors() {
			return
		}
		if m == nil {
			t.Fatal("no mapping and no error")
		}
		Import(bytes.NewReader(csv), "broadband.csv", Options{Format: CSV, Mapping: m})
	})
}
