package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func parsesAsXML(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err)
	}
}

func TestRenderViews(t *testing.T) {
	for _, args := range [][]string{
		{"render", "../../examples/broadband.xml"},
		{"render", "--view", "journey", "--journey", "AJ2", "../../examples/broadband.xml"},
		{"render", "--view", "deviation", "../../examples/broadband.xml"},
		{"render", "--view", "deviation", "--journey", "AJ4", "--palette", "v1.1", "../../examples/broadband.xml"},
		{"render", "--time", "--journey", "AJ1", "../../examples/broadband.xml"},
		{"render", "../../examples/carl-bookis.xml"},
		{"render", "--view", "journey", "../../examples/pizza.yaml"},
		{"render", "--view", "deviation", "--time", "../../examples/broadband.yaml"},
	} {
		code, stdout, stderr := cli(t, "", args...)
		require.Equal(t, exitOK, code, "%v: %s", args, stderr)
		assert.True(t, strings.HasPrefix(stdout, "<?xml"), "%v", args)
		assert.Contains(t, stdout, "</svg>")
		parsesAsXML(t, stdout)
	}
}

func TestRenderStdinAndFile(t *testing.T) {
	src, err := os.ReadFile("../../examples/pizza.xml")
	require.NoError(t, err)
	code, fromStdin, stderr := cli(t, string(src), "render", "--view", "journey", "-")
	require.Equal(t, exitOK, code, stderr)

	dir := t.TempDir()
	out := filepath.Join(dir, "pizza.svg")
	code, stdout, stderr := cli(t, "", "render", "--view", "journey", "-o", out, "../../examples/pizza.xml")
	require.Equal(t, exitOK, code, stderr)
	assert.Empty(t, stdout)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	// The file name does not leak into the drawing: both are the same.
	assert.Equal(t, fromStdin, string(b))
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "no temporary files left behind")
}

func TestRenderErrors(t *testing.T) {
	code, _, stderr := cli(t, "", "render", "--journey", "NOPE", "../../examples/broadband.xml")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `no such journey "NOPE"`)
	assert.Contains(t, stderr, "AJ1 (actual)")

	code, _, stderr = cli(t, "", "render", "--view", "deviation", "--journey", "PJ1", "../../examples/broadband.xml")
	assert.Equal(t, exitFailure, code)
	assert.Regexp(t, `broadband\.xml:\d+:\d+: journey "PJ1" is a planned journey`, stderr)

	code, _, stderr = cli(t, "", "render", "--view", "deviation", "../../examples/carl-bookis.xml")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "deviation view needs an actual journey")

	code, _, stderr = cli(t, "", "render", "--view", "sideways", "../../examples/broadband.xml")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `unknown view "sideways"`)

	code, _, stderr = cli(t, "", "render", "--palette", "neon", "../../examples/broadband.xml")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `unknown palette "neon"`)

	code, _, _ = cli(t, "", "render")
	assert.Equal(t, exitUsage, code)

	// Broken XML: a diagnostic with file:line:col, exit 3, no output.
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.xml")
	require.NoError(t, os.WriteFile(bad, []byte("<CJML version=\"2.0\">\n  <actualJourney>\n</CJML>\n"), 0o644))
	out := filepath.Join(dir, "out.svg")
	code, stdout, stderr := cli(t, "", "render", "-o", out, bad)
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, stdout)
	assert.Regexp(t, `bad\.xml:\d+:\d+: error`, stderr)
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "no output written")

	// Never overwrite the input.
	in := filepath.Join(dir, "in.xml")
	orig, err := os.ReadFile("../../examples/pizza.xml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(in, orig, 0o644))
	code, _, stderr = cli(t, "", "render", "-o", in, in)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "refusing to overwrite")
	now, _ := os.ReadFile(in)
	assert.True(t, bytes.Equal(orig, now))
}
