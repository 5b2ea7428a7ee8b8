package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
	"cjml.dev/cjml/eventlog"
)

// TestImportGolden runs cjml import on the logs in testdata/import and the
// examples, and compares standard output and standard error with the golden
// files next to them. CJML_UPDATE_GOLDEN=1 rewrites the golden files.
func TestImportGolden(t *testing.T) {
	const dir = "testdata/import"
	mapping := "../../examples/logs/broadband.mapping.yaml"
	defaults, err := os.ReadFile(filepath.Join(dir, "defaults.csv"))
	require.NoError(t, err)
	tests := []struct {
		name  string
		args  []string
		stdin string
		ext   string // of the golden output
		code  int
	}{
		{"broadband-csv", []string{"--mapping", mapping, "../../examples/logs/broadband.csv"}, "", "xml", exitOK},
		{"broadband-xes", []string{"--mapping", mapping, "../../examples/logs/broadband.xes"}, "", "xml", exitOK},
		{"defaults", []string{dir + "/defaults.csv"}, "", "xml", exitOK},
		{"flags", []string{"--case", "Sak", "--activity", "Hendelse", "--time", "Tidspunkt", "--initiator", "Fra",
			"--receiver", "Til", "--channel", "Kanal", "--end-user", "Kunde", "--actor", "Telenett=provider",
			"--planned-ref", "PJ1", "--to", "yaml", dir + "/flags.tsv"}, "", "yaml", exitOK},
		{"stdin", []string{"--from", "csv", "--to", "json", "-"}, string(defaults), "json", exitOK},
		{"malformed", []string{dir + "/malformed.csv"}, "", "xml", exitFindings},
		{"lifecycle", []string{dir + "/lifecycle.xes"}, "", "xml", exitFindings},
	}
	update := os.Getenv("CJML_UPDATE_GOLDEN") == "1"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := cli(t, tt.stdin, append([]string{"import"}, tt.args...)...)
			assert.Equal(t, tt.code, code, stderr)
			outPath := filepath.Join(dir, tt.name+".out."+tt.ext)
			errPath := filepath.Join(dir, tt.name+".stderr")
			if update {
				require.NoError(t, os.WriteFile(outPath, []byte(stdout), 0o644))
				require.NoError(t, os.WriteFile(errPath, []byte(stderr), 0o644))
			}
			wantOut, err := os.ReadFile(outPath)
			require.NoError(t, err, "run with CJML_UPDATE_GOLDEN=1 to create the golden files")
			wantErr, err := os.ReadFile(errPath)
			require.NoError(t, err)
			assert.Equal(t, string(wantOut), stdout)
			assert.Equal(t, string(wantErr), stderr)

			// The imported document reads back without errors.
			doc, diags := cjml.Parse(outPath, []byte(stdout))
			require.NotNil(t, doc, diags.Error())
			assert.False(t, diags.HasErrors(), diags.Error())
		})
	}
}

// The same journeys come out of the CSV and the XES form of the example
// log, whatever the output syntax.
func TestImportFormats(t *testing.T) {
	dir := t.TempDir()
	mapping := "../../examples/logs/broadband.mapping.yaml"
	yamlOut := filepath.Join(dir, "actual.yaml")
	code, stdout, stderr := cli(t, "", "import", "--mapping", mapping, "-o", yamlOut, "../../examples/logs/broadband.csv")
	require.Equal(t, exitOK, code, stderr)
	assert.Empty(t, stdout)
	assert.Equal(t, "imported 6 journeys, 63 touchpoints, skipped 0 events\n", stderr)
	code, xmlOut, _ := cli(t, "", "convert", "--to", "xml", yamlOut)
	require.Equal(t, exitOK, code)
	golden, err := os.ReadFile("testdata/import/broadband-csv.out.xml")
	require.NoError(t, err)
	assert.Equal(t, string(golden), xmlOut, "-o by extension writes YAML of the same document")

	// -o is never the input.
	in := filepath.Join(dir, "log.csv")
	orig, _ := os.ReadFile("testdata/import/defaults.csv")
	require.NoError(t, os.WriteFile(in, orig, 0o644))
	code, _, stderr = cli(t, "", "import", "--to", "xml", "-o", in, in)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "refusing to overwrite the input")
	now, _ := os.ReadFile(in)
	assert.Equal(t, orig, now)
}

func TestImportErrors(t *testing.T) {
	const dir = "testdata/import"
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no log", nil, exitUsage, "cjml import: want exactly one log file (or - for standard input), got 0\nRun 'cjml help import' for usage.\n"},
		{"bad format", []string{"--from", "json", "x"}, exitUsage, "cjml import: unknown log format \"json\" (want csv or xes)\nRun 'cjml help import' for usage.\n"},
		{"bad output format", []string{"--to", "svg", "x"}, exitUsage, "cjml import: unknown format \"svg\" (want xml, yaml or json)\nRun 'cjml help import' for usage.\n"},
		{"bad actor flag", []string{"--actor", "Shop", "x"}, exitUsage, "cjml import: invalid value \"Shop\" for flag -actor: want VALUE=ID, got \"Shop\"\nRun 'cjml help import' for usage.\n"},
		{"bad delimiter", []string{"--delimiter", "ab", "x"}, exitUsage, "cjml import: delimiter \"ab\" is not one character (or \"tab\"), or is a quote or line break\nRun 'cjml help import' for usage.\n"},
		{"bad mapping", []string{"--mapping", dir + "/bad-mapping.yaml", dir + "/defaults.csv"}, exitUsage,
			dir + "/bad-mapping.yaml:3:3: error: unknown column role \"activty\" (known: case, activity, receiverLabel, time, initiator, receiver, channel, kind, compliance, rating, experience, phase, touchpoint, lifecycle, message, comment, endUserName) [import/mapping]\n"},
		{"no mapping file", []string{"--mapping", dir + "/none.yaml", dir + "/defaults.csv"}, exitUsage,
			"cjml import: cannot read the mapping: open " + dir + "/none.yaml: no such file or directory\nRun 'cjml help import' for usage.\n"},
		{"missing column", []string{"--phase", "Phase", dir + "/defaults.csv"}, exitUsage,
			dir + "/defaults.csv:1:1: error: the mapping names column \"Phase\" for the phase, but the header has no such column (it has \"Case ID\", \"Activity\", \"Timestamp\", \"Initiator\", \"Receiver\", \"Channel\", \"Compliance\", \"Rating\") [import/no-column]\n"},
		{"no case column", []string{dir + "/flags.tsv"}, exitUsage,
			dir + "/flags.tsv:1:1: error: no column for the case: name it with --case or columns.case in the mapping (the header has \"Sak\", \"Hendelse\", \"Tidspunkt\", \"Fra\", \"Til\", \"Kanal\") [import/no-column]\n"},
		{"missing log", []string{dir + "/none.csv"}, exitFailure, dir + "/none.csv: error: cannot read: no such file or directory [import/syntax]\n"},
		{"directory", []string{dir}, exitFailure, dir + ": error: cannot read: is a directory [import/syntax]\n"},
		{"broken XES", []string{dir + "/broken.xes"}, exitFailure, dir + "/broken.xes:4:3: error: not well-formed XML: element <event> closed by </trace> [import/syntax]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := cli(t, "", append([]string{"import"}, tt.args...)...)
			assert.Equal(t, tt.code, code)
			assert.Empty(t, stdout)
			assert.Equal(t, tt.stderr, stderr)
		})
	}
}

func TestImportHelp(t *testing.T) {
	code, stdout, _ := cli(t, "", "help", "import")
	require.Equal(t, exitOK, code)
	for _, f := range []string{"--from", "--mapping", "--case", "--receiver-label", "--end-user-name", "--end-user", "--actor", "--planned-ref", "--delimiter", "-o", "--to"} {
		assert.Contains(t, stdout, "\n  "+f+" ", f)
	}
	assert.True(t, strings.Contains(stdout, "Exit codes: 0 every event imported"))
	for _, r := range eventlog.Roles() {
		assert.NotEmpty(t, importRoleHelp[r], "help for the %s flag", r.FlagName())
	}
}

// The example log, imported and compared with its planned journey, shows
// every kind of deviation: the journeys are usable by cjml compare.
func TestImportThenCompare(t *testing.T) {
	for _, log := range []string{"../../examples/logs/broadband.csv", "../../examples/logs/broadband.xes"} {
		out := filepath.Join(t.TempDir(), "actual.xml")
		code, _, stderr := cli(t, "", "import", "--mapping", "../../examples/logs/broadband.mapping.yaml", "-o", out, log)
		require.Equal(t, exitOK, code, stderr)
		code, stdout, stderr := cli(t, "", "compare", "--format", "json", "--planned", "../../examples/broadband.xml#PJ1", out)
		require.Equal(t, exitFindings, code, "some journeys deviate: %s", stderr)
		var res struct {
			Journeys []struct {
				Actual   string
				Conforms bool
				Counts   map[string]int
			}
		}
		require.NoError(t, json.Unmarshal([]byte(stdout), &res))
		require.Len(t, res.Journeys, 6)
		total := map[string]int{}
		conforming := []string{}
		for _, j := range res.Journeys {
			for k, n := range j.Counts {
				total[k] += n
			}
			if j.Conforms {
				conforming = append(conforming, j.Actual)
			}
		}
		assert.Equal(t, []string{"C-1001"}, conforming, log)
		for _, kind := range []string{"adhoc", "missing", "failing", "irregular"} {
			assert.Positive(t, total[kind], "%s shows %s touchpoints", log, kind)
		}
	}
}
