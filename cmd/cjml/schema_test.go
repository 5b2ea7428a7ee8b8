package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/schema"
)

func TestSchema(t *testing.T) {
	code, stdout, stderr := cli(t, "", "schema")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, string(schema.JSON), stdout, "json is the default")
	var v map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &v))
	assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", v["$schema"])

	code, stdout, _ = cli(t, "", "schema", "--format", "json")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, string(schema.JSON), stdout)

	code, stdout, _ = cli(t, "", "schema", "--format=xsd")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, string(schema.XSD), stdout)
	assert.Contains(t, stdout, "<xs:schema")

	out := filepath.Join(t.TempDir(), "cjml.xsd")
	code, stdout, _ = cli(t, "", "schema", "--format", "xsd", "-o", out)
	assert.Equal(t, exitOK, code)
	assert.Empty(t, stdout)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, schema.XSD, b)
}

func TestSchemaErrors(t *testing.T) {
	code, stdout, stderr := cli(t, "", "schema", "--format", "dtd")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, `unknown --format "dtd"; want json or xsd`)

	code, _, stderr = cli(t, "", "schema", "extra")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "schema takes no arguments")

	code, _, stderr = cli(t, "", "schema", "-o", filepath.Join(t.TempDir(), "missing", "x.json"))
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "cannot write")
}
