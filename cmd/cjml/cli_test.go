package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cli runs the command line in-process and returns its exit code and
// output streams.
func cli(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsage(t *testing.T) {
	code, _, stderr := cli(t, "")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "Commands:")

	code, stdout, _ := cli(t, "", "help")
	assert.Equal(t, exitOK, code)
	for _, name := range order {
		assert.Contains(t, stdout, "\t"+name, "help lists %s", name)
	}

	code, _, stderr = cli(t, "", "frobnicate")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `unknown command "frobnicate"`)

	for _, name := range order {
		code, stdout, _ = cli(t, "", name, "-h")
		assert.Equal(t, exitOK, code, name)
		assert.Contains(t, stdout, "Usage: cjml "+name, name)
		code, stdout2, _ := cli(t, "", "help", name)
		assert.Equal(t, exitOK, code, name)
		assert.Equal(t, stdout, stdout2, "cjml %s -h and cjml help %s agree", name, name)
	}

	code, _, stderr = cli(t, "", "convert", "--bogus")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "flag provided but not defined: -bogus")
}

func TestVersion(t *testing.T) {
	code, stdout, _ := cli(t, "", "version")
	assert.Equal(t, exitOK, code)
	assert.Regexp(t, `^cjml \S+ \(go[0-9.]+.*, CJML 2\.0\)\n$`, stdout)
	code, stdout2, _ := cli(t, "", "--version")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, stdout, stdout2)
}

func TestConvertRoundTrip(t *testing.T) {
	dir := t.TempDir()
	yamlPath := filepath.Join(dir, "broadband.yaml")
	code, _, stderr := cli(t, "", "convert", "-o", yamlPath, "../../examples/broadband.xml")
	require.Equal(t, exitOK, code, stderr)
	jsonPath := filepath.Join(dir, "broadband.json")
	code, _, stderr = cli(t, "", "convert", "--to", "json", "-o", jsonPath, yamlPath)
	require.Equal(t, exitOK, code, stderr)
	code, xmlOut, stderr := cli(t, "", "convert", "--to", "xml", jsonPath)
	require.Equal(t, exitOK, code, stderr)
	want, err := os.ReadFile("../../examples/broadband.xml")
	require.NoError(t, err)
	assert.Equal(t, string(want), xmlOut, "XML → YAML → JSON → XML gives back the example")

	// Standard input is sniffed.
	y, _ := os.ReadFile(yamlPath)
	code, xmlOut2, _ := cli(t, string(y), "convert", "--to", "xml", "-")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, xmlOut, xmlOut2)
}

func TestConvertErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.xml")
	require.NoError(t, os.WriteFile(bad, []byte("<CJML>\n  <actualJourney>\n</CJML>\n"), 0o644))

	code, stdout, stderr := cli(t, "", "convert", "--to", "yaml", bad)
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, stdout)
	assert.Equal(t, bad+":3:1: error: end tag </CJML> does not match <actualJourney> (line 2) [parse/syntax]\n", stderr)

	code, _, stderr = cli(t, "", "convert", "--to", "yaml", filepath.Join(dir, "missing.xml"))
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "missing.xml: error: cannot read: no such file or directory")

	code, _, stderr = cli(t, "", "convert", "../../examples/pizza.xml")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--to")

	code, _, stderr = cli(t, "", "convert", "--to", "toml", "../../examples/pizza.xml")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `unknown format "toml"`)

	// The input is never overwritten.
	in := filepath.Join(dir, "pizza.xml")
	orig, _ := os.ReadFile("../../examples/pizza.xml")
	require.NoError(t, os.WriteFile(in, orig, 0o644))
	code, _, stderr = cli(t, "", "convert", "--to", "xml", "-o", in, in)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "refusing to overwrite the input")
	now, _ := os.ReadFile(in)
	assert.Equal(t, orig, now)
}

func TestFmt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "messy.xml")
	messy := "<CJML version='2.0'><actualJourney><touchpoints/><journeyID> AJ1 </journeyID>" +
		"<actors><endUser actorID ='u'/></actors></actualJourney></CJML>"
	require.NoError(t, os.WriteFile(path, []byte(messy), 0o600))

	code, stdout, _ := cli(t, "", "fmt", "-l", path)
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, path+"\n", stdout)

	code, stdout, _ = cli(t, "", "fmt", path)
	assert.Equal(t, exitOK, code)
	want := `<?xml version="1.0" encoding="UTF-8"?>
<CJML version="2.0">
  <actualJourney>
    <journeyID>AJ1</journeyID>
    <actors>
      <endUser actorID="u"/>
    </actors>
    <touchpoints/>
  </actualJourney>
</CJML>
`
	assert.Equal(t, want, stdout)
	b, _ := os.ReadFile(path)
	assert.Equal(t, messy, string(b), "fmt without -w leaves the file alone")

	code, _, _ = cli(t, "", "fmt", "-w", path)
	assert.Equal(t, exitOK, code)
	b, _ = os.ReadFile(path)
	assert.Equal(t, want, string(b))
	st, _ := os.Stat(path)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "fmt -w keeps the file mode")

	code, stdout, _ = cli(t, "", "fmt", "-l", path)
	assert.Equal(t, exitOK, code)
	assert.Empty(t, stdout)

	// A broken file is reported and left alone.
	broken := filepath.Join(dir, "broken.xml")
	require.NoError(t, os.WriteFile(broken, []byte("<CJML>"), 0o644))
	code, _, stderr := cli(t, "", "fmt", "-w", broken)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "broken.xml:1:7: error:")
	b, _ = os.ReadFile(broken)
	assert.Equal(t, "<CJML>", string(b))
}
