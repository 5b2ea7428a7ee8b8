package schema_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"cjml.dev/cjml"
)

// FuzzAgreement feeds documents to both schemas: the JSON Schema must
// never fail other than with a validation error, and, where xmllint is
// installed, the XSD must give the same verdict, except on the documents
// whose divergence docs/schema.md explains (namespaces, letter case).
func FuzzAgreement(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.xml")
	examples, _ := filepath.Glob("../examples/*.xml")
	for _, s := range append(seeds, examples...) {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	js := compile(f)
	xmllint, _ := exec.LookPath("xmllint")
	if testing.Short() {
		xmllint = ""
	}
	xsd := filepath.Join(f.TempDir(), "cjml.xsd")
	if err := os.WriteFile(xsd, schemaXSD(), 0o644); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		doc, diags := cjml.Parse("fuzz.xml", data)
		if doc == nil || diags.HasErrors() {
			return
		}
		v := doc.Form().Value()
		err := js.Validate(v)
		var ve *jsonschema.ValidationError
		if err != nil && !errors.As(err, &ve) {
			t.Fatalf("the JSON Schema fails with %v", err)
		}
		if xmllint == "" || knownDivergence(diags, v) {
			return
		}
		file := filepath.Join(t.TempDir(), "doc.xml")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, xerr := exec.Command(xmllint, "--noout", "--nonet", "--schema", xsd, file).CombinedOutput()
		var exit *exec.ExitError
		if xerr != nil && !errors.As(xerr, &exit) {
			t.Fatal(xerr)
		}
		xsdOK := strings.Contains(string(out), file+" validates")
		if !xsdOK && !strings.Contains(string(out), file+" fails to validate") {
			return // xmllint does not read it as cjml did (an encoding, say)
		}
		if xsdOK != (err == nil) {
			t.Fatalf("JSON Schema valid=%v, XSD valid=%v\n%s\nJSON Schema: %v\nxmllint: %s", err == nil, xsdOK, data, err, out)
		}
	})
}

// knownDivergence reports a document of the kinds the schemas judge differently
// by design: CJML names in another letter case, namespaces.
func knownDivergence(diags cjml.Diagnostics, v any) bool {
	for _, d := range diags {
		if d.Code == "parse/name-case" || d.Code == "parse/doctype" {
			return true
		}
	}
	return hasNamespace(v)
}

func hasNamespace(v any) bool {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if strings.Contains(k, ":") || k == "@xmlns" || hasNamespace(x) {
				return true
			}
		}
	case []any:
		for _, x := range v {
			if hasNamespace(x) {
				return true
			}
		}
	}
	return false
}
