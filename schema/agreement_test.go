package schema_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
	"cjml.dev/schema"
)

// divergent are the documents on which the schemas are known to disagree,
// with the verdict of each (true = valid). docs/schema.md lists the same
// cases; anything else must get the same verdict from both.
var divergent = map[string]struct{ json, xsd bool }{
	"diverge-name-case.xml":                   {json: true, xsd: false},
	"diverge-prefixed-cjml-name.xml":          {json: true, xsd: false},
	"diverge-default-namespace-extension.xml": {json: false, xsd: true},
	"diverge-default-namespace-list.xml":      {json: false, xsd: true},
}

// corpus returns the agreement corpus: testdata/{valid,invalid,diverge}-*.xml
// and every example, which must be valid.
func corpus(t *testing.T) []string {
	files, err := filepath.Glob("testdata/*.xml")
	require.NoError(t, err)
	examples, err := filepath.Glob("../examples/*.xml")
	require.NoError(t, err)
	require.NotEmpty(t, examples)
	files = append(files, examples...)
	sort.Strings(files)
	return files
}

// expected returns the verdicts a file must get from the JSON Schema and
// the XSD.
func expected(t *testing.T, file string) (json, xsd bool) {
	base := filepath.Base(file)
	switch {
	case strings.HasPrefix(file, "../examples/"), strings.HasPrefix(base, "valid-"):
		return true, true
	case strings.HasPrefix(base, "invalid-"):
		return false, false
	}
	d, ok := divergent[base]
	if !ok {
		t.Fatalf("%s: a corpus file is named valid-*, invalid-* or diverge-* (and listed in divergent)", file)
	}
	return d.json, d.xsd
}

// TestAgreement runs the JSON Schema (on the JSON form cjml makes of each
// document) and the XSD (through xmllint) over the same corpus and checks
// that they agree with each other and with the verdict the file name
// records.
func TestAgreement(t *testing.T) {
	files := corpus(t)
	if n := len(files); n < 25 {
		t.Fatalf("the corpus has %d documents, want at least 25", n)
	}
	js := compile(t)
	jsonVerdict := map[string]error{}
	for _, f := range files {
		doc, diags := cjml.ReadFile(f, cjml.ReadOptions{})
		require.False(t, diags.HasErrors(), "%s does not read: %v", f, diags)
		err := js.Validate(doc.Form().Value())
		var ve *jsonschema.ValidationError
		if err != nil && !errors.As(err, &ve) {
			t.Fatalf("%s: %v", f, err)
		}
		jsonVerdict[f] = err
		if ve != nil {
			t.Logf("%s: JSON Schema: %s", f, leaves(ve))
		}
	}
	xsdVerdict, xsdOut := runXmllint(t, files)
	for _, f := range files {
		wantJSON, wantXSD := expected(t, f)
		if got := jsonVerdict[f] == nil; got != wantJSON {
			t.Errorf("%s: JSON Schema says valid=%v, want %v\n%v", f, got, wantJSON, jsonVerdict[f])
		}
		if xsdVerdict == nil {
			continue
		}
		got, ok := xsdVerdict[f]
		if !ok {
			t.Errorf("%s: no verdict from xmllint:\n%s", f, xsdOut)
		} else if got != wantXSD {
			t.Errorf("%s: XSD says valid=%v, want %v\n%s", f, got, wantXSD, grepLines(xsdOut, f))
		}
	}
}

// runXmllint validates the files against the embedded XSD with xmllint and
// returns each file's verdict, or nil when xmllint is not installed (an
// error when CJML_REQUIRE_PEERS=1, as in CI).
func runXmllint(t *testing.T, files []string) (map[string]bool, string) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CJML_REQUIRE_PEERS") == "1" {
			t.Fatal("xmllint is not installed and CJML_REQUIRE_PEERS=1 (apt-get install libxml2-utils)")
		}
		t.Log("xmllint is not installed: the XSD half of the agreement test is skipped")
		return nil, ""
	}
	xsd := filepath.Join(t.TempDir(), "cjml.xsd")
	require.NoError(t, os.WriteFile(xsd, schema.XSD, 0o644))
	cmd := exec.Command(xmllint, append([]string{"--noout", "--schema", xsd}, files...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("xmllint: %v", err)
	}
	if strings.Contains(out.String(), "WXS schema") && strings.Contains(out.String(), "failed to compile") {
		t.Fatalf("xmllint cannot compile the XSD:\n%s", out.String())
	}
	verdict := map[string]bool{}
	for _, line := range strings.Split(out.String(), "\n") {
		if f, ok := strings.CutSuffix(line, " validates"); ok {
			verdict[f] = true
		} else if f, ok := strings.CutSuffix(line, " fails to validate"); ok {
			verdict[f] = false
		}
	}
	return verdict, out.String()
}

func grepLines(out, file string) string {
	var b strings.Builder
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, file+":") || strings.HasPrefix(line, file+" ") {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// leavesErr returns the innermost errors of err, if it is a validation
// error, one a line.
func leavesErr(err error) string {
	var ve *jsonschema.ValidationError
	if errors.As(err, &ve) {
		return leaves(ve)
	}
	return err.Error()
}

// leaves returns the innermost errors of a validation error, one a line.
func leaves(ve *jsonschema.ValidationError) string {
	if len(ve.Causes) == 0 {
		return "\n\t" + ve.InstanceLocation + ": " + ve.Message
	}
	var b strings.Builder
	for _, c := range ve.Causes {
		b.WriteString(leaves(c))
	}
	return b.String()
}
