package validate

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
)

// TestRulesDocumented checks that docs/rules.md documents exactly the codes
// of Rules, in the same order and with the same default severities.
func TestRulesDocumented(t *testing.T) {
	b, err := os.ReadFile("../docs/rules.md")
	require.NoError(t, err)
	re := regexp.MustCompile("(?m)^### `([a-z]+/[a-z-]+)`\n\nSeverity: (error|warning|info)")
	var codes []string
	sev := map[string]string{}
	for _, m := range re.FindAllStringSubmatch(string(b), -1) {
		codes = append(codes, m[1])
		sev[m[1]] = m[2]
	}
	headings := regexp.MustCompile("(?m)^### ").FindAllIndex(b, -1)
	assert.Len(t, codes, len(headings), "every heading of docs/rules.md is a code followed by its severity")
	var want []string
	for _, r := range Rules() {
		want = append(want, r.Code)
		assert.Equal(t, r.Severity.String(), sev[r.Code], "severity of %s in docs/rules.md", r.Code)
	}
	assert.Equal(t, want, codes, "docs/rules.md lists the codes of validate.Rules in order")
}

// TestParseCodesListed checks that Rules lists every code the reader can
// report, and no other parse/ code.
func TestParseCodesListed(t *testing.T) {
	var listed []string
	for _, r := range Rules() {
		if strings.HasPrefix(r.Code, "parse/") {
			listed = append(listed, r.Code)
		}
	}
	want := slices.Clone(cjml.ParseCodes)
	slices.Sort(want)
	slices.Sort(listed)
	assert.Equal(t, want, listed)
}

// TestEveryCodeExercised checks that the invalid corpus (and, for the two
// codes a file in testdata cannot produce, TestReadLimits) exercises every
// code.
func TestEveryCodeExercised(t *testing.T) {
	// TestReadLimits covers parse/io and parse/too-large, TestSchemaFallback
	// schema/invalid.
	seen := map[string]bool{cjml.CodeIO: true, cjml.CodeTooLarge: true, CodeSchemaInvalid: true}
	goldens, _ := filepath.Glob("testdata/invalid/*.golden")
	codeRE := regexp.MustCompile(`\[([a-z]+/[a-z-]+)\]$`)
	for _, g := range goldens {
		b, err := os.ReadFile(g)
		require.NoError(t, err)
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if m := codeRE.FindStringSubmatch(line); m != nil {
				seen[m[1]] = true
			}
		}
	}
	for _, r := range Rules() {
		assert.True(t, seen[r.Code], "no document in testdata/invalid exercises %s", r.Code)
	}
}

func TestReadLimits(t *testing.T) {
	ds := File("testdata/does-not-exist.xml", Options{})
	require.Len(t, ds, 1)
	assert.Equal(t, cjml.CodeIO, ds[0].Code)

	src, err := os.ReadFile("testdata/valid/spec-minimal.xml")
	require.NoError(t, err)
	ds = Bytes("big.xml", src, Options{Read: cjml.ReadOptions{MaxBytes: 100}})
	require.Len(t, ds, 1)
	assert.Equal(t, cjml.CodeTooLarge, ds[0].Code)
}

// TestSchemaFallback: a schema error the mapper has no wording for is
// reported as schema/invalid with the schema's reason.
func TestSchemaFallback(t *testing.T) {
	s, err := compile([]byte(`{"$schema":"https://json-schema.org/draft/2020-12/schema",
		"type":"object","properties":{"version":{"oneOf":[{"type":"string"},{"minLength":1}]}}}`))
	require.NoError(t, err)
	doc, ds := cjml.Parse("v.xml", []byte(`<CJML version="2.0"><plannedJourney><journeyID>P</journeyID></plannedJourney></CJML>`))
	require.Empty(t, ds)
	form := doc.Form()
	m := &mapper{doc: doc, form: form, root: form.Value()}
	m.check(s, m.root)
	got := m.result("")
	require.Len(t, got, 1)
	assert.Equal(t, CodeSchemaInvalid, got[0].Code)
	assert.Equal(t, "/version", got[0].Path)
	assert.Equal(t, 1, got[0].Pos.Line)
	assert.Contains(t, got[0].Message, "valid against schemas at indexes 0 and 1")
}
