package schema_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
	"cjml.dev/schema"
	"cjml.dev/schema/internal/gen"
)

// compile compiles the embedded JSON Schema as package validate does.
func compile(t testing.TB) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	require.NoError(t, c.AddResource(schema.JSONID, bytes.NewReader(schema.JSON)))
	s, err := c.Compile(schema.JSONID)
	require.NoError(t, err)
	return s
}

// TestGenerated checks that the embedded schemas are the generator's
// output: run `go generate ./schema` after changing schema/internal/gen.
func TestGenerated(t *testing.T) {
	assert.True(t, bytes.Equal(gen.JSONSchema(), schema.JSON), "cjml.schema.json is stale: run go generate ./schema")
	assert.True(t, bytes.Equal(gen.XSD(), schema.XSD), "cjml.xsd is stale: run go generate ./schema")

	// The XSD is well-formed XML even where xmllint is missing (the
	// agreement test compiles it with xmllint).
	d := xml.NewDecoder(bytes.NewReader(schema.XSD))
	for {
		_, err := d.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
	}
}

func TestJSONSchemaHeader(t *testing.T) {
	var s map[string]any
	require.NoError(t, json.Unmarshal(schema.JSON, &s))
	assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", s["$schema"])
	assert.Equal(t, schema.JSONID, s["$id"])
	defs := s["$defs"].(map[string]any)
	for _, name := range []string{"plannedJourney", "actualJourney", "actor", "plannedCommunicationPoint", "plannedAction",
		"actualCommunicationPoint", "actualAction", "initiator", "receiver", "experience", "communicationTimestamps", "actionTimestamps"} {
		d, ok := defs[name].(map[string]any)
		if assert.True(t, ok, name) {
			assert.NotEmpty(t, d["title"], name)
			assert.NotEmpty(t, d["description"], name)
		}
	}
	assert.Contains(t, string(schema.XSD), "RECONSTRUCTION")
}

// TestExamples checks every example and producer fixture in its JSON form.
func TestExamples(t *testing.T) {
	s := compile(t)
	files, _ := filepath.Glob("../examples/*.xml")
	yamls, _ := filepath.Glob("../examples/*.yaml")
	for _, y := range yamls {
		if !strings.HasSuffix(y, ".mapping.yaml") { // import mappings, not CJML
			files = append(files, y)
		}
	}
	require.NotEmpty(t, files)
	for _, f := range files {
		doc, diags := cjml.ReadFile(f, cjml.ReadOptions{})
		require.False(t, diags.HasErrors(), "%s: %v", f, diags)
		if err := s.Validate(doc.Form().Value()); err != nil {
			t.Errorf("%s: %#v", f, err)
		}
	}
}

func schemaXSD() []byte { return schema.XSD }
