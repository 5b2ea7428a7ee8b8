package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
)

// golden compares got with the file testdata/compare/name, rewriting the
// file when CJML_UPDATE_GOLDEN=1.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "compare", name)
	if os.Getenv("CJML_UPDATE_GOLDEN") == "1" {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run with CJML_UPDATE_GOLDEN=1 to create it")
	assert.Equal(t, string(want), got, "output differs from %s (CJML_UPDATE_GOLDEN=1 regenerates it)", path)
}

const broadband = "../../examples/broadband.xml"

// The broadband example shows all four deviation kinds through cjml
// compare, in every format.
func TestCompareBroadbandGolden(t *testing.T) {
	for _, f := range []struct{ format, file string }{
		{"text", "broadband.txt"}, {"json", "broadband.json"}, {"csv", "broadband.csv"}, {"cjml", "broadband.annotated.xml"},
	} {
		t.Run(f.format, func(t *testing.T) {
			code, stdout, stderr := cli(t, "", "compare", "--format", f.format, broadband)
			assert.Equal(t, exitFindings, code, "the example deviates")
			assert.Empty(t, stderr)
			golden(t, f.file, stdout)
			for _, kind := range []string{"missing", "adhoc", "failing", "irregular"} {
				assert.Contains(t, stdout, kind)
			}
		})
	}
}

// The JSON output has exactly the shape of DESIGN.md.
func TestCompareJSONShape(t *testing.T) {
	code, stdout, _ := cli(t, "", "compare", "--format", "json", broadband)
	require.Equal(t, exitFindings, code)
	var out struct {
		Version  int `json:"version"`
		Journeys []struct {
			Actual   *string  `json:"actual"`
			Planned  *string  `json:"planned"`
			Conforms bool     `json:"conforms"`
			Fitness  *float64 `json:"fitness"`
			Steps    []struct {
				Status      string   `json:"status"`
				Planned     *string  `json:"planned"`
				Actual      *string  `json:"actual"`
				Differences []string `json:"differences"`
			} `json:"steps"`
			Counts map[string]int `json:"counts"`
		} `json:"journeys"`
		Summary struct {
			Journeys    int      `json:"journeys"`
			Conforming  int      `json:"conforming"`
			MeanFitness *float64 `json:"meanFitness"`
			Touchpoints []struct {
				Planned   string `json:"planned"`
				Completed int    `json:"completed"`
				Missing   int    `json:"missing"`
				Failing   int    `json:"failing"`
				Irregular int    `json:"irregular"`
			} `json:"touchpoints"`
			AdHoc []struct {
				Label string `json:"label"`
				Count int    `json:"count"`
			} `json:"adhoc"`
		} `json:"summary"`
	}
	dec := json.NewDecoder(strings.NewReader(stdout))
	require.NoError(t, dec.Decode(&out))
	assert.Equal(t, 1, out.Version)
	require.Len(t, out.Journeys, 6)
	kinds := map[string]int{}
	for _, j := range out.Journeys {
		require.NotNil(t, j.Actual)
		require.NotNil(t, j.Fitness)
		assert.Equal(t, "PJ1", *j.Planned)
		assert.ElementsMatch(t, []string{"completed", "missing", "adhoc", "failing", "irregular"}, keys(j.Counts))
		for _, s := range j.Steps {
			kinds[s.Status]++
			assert.NotNil(t, s.Differences, "differences is always a list")
			switch s.Status {
			case "missing":
				assert.Nil(t, s.Actual)
				assert.NotNil(t, s.Planned)
			case "adhoc":
				assert.Nil(t, s.Planned)
				assert.NotNil(t, s.Actual)
			default:
				assert.NotNil(t, s.Planned)
				assert.NotNil(t, s.Actual)
			}
		}
	}
	for _, k := range []string{"completed", "missing", "adhoc", "failing", "irregular"} {
		assert.Positive(t, kinds[k], "the example has a %s step", k)
	}
	assert.True(t, out.Journeys[0].Conforms)
	assert.Equal(t, 6, out.Summary.Journeys)
	assert.Equal(t, 1, out.Summary.Conforming)
	require.NotNil(t, out.Summary.MeanFitness)
	assert.Len(t, out.Summary.Touchpoints, 10)
	assert.NotEmpty(t, out.Summary.AdHoc)
	// Raw keys, in the order of DESIGN.md.
	first := stdout[strings.Index(stdout, `{"actual"`):]
	assert.True(t, strings.HasPrefix(first, `{"actual":"AJ1","planned":"PJ1","conforms":true,"fitness":1,"steps":[{"status":"completed","planned":"T1","actual":"T1","differences":[]}`), first[:120])
}

func keys(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestCompareCSV(t *testing.T) {
	code, stdout, _ := cli(t, "", "compare", "--format", "csv", broadband)
	require.Equal(t, exitFindings, code)
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"actual_journey", "planned_journey", "step", "status", "planned", "actual", "differences", "late", "label", "at"}, rows[0])
	// One row per step: 10 + 12 + 10 + 13 + 10 + 11 steps.
	assert.Len(t, rows, 1+66)
}

// The annotated output is CJML that reads back with the computed compliance
// values, including the inserted missing touchpoint.
func TestCompareAnnotated(t *testing.T) {
	code, stdout, _ := cli(t, "", "compare", "--format", "cjml", broadband)
	require.Equal(t, exitFindings, code)
	doc, diags := cjml.Parse("annotated.xml", []byte(stdout))
	require.False(t, diags.HasErrors(), diags)
	require.Len(t, doc.Journeys, 7)
	assert.Equal(t, cjml.Planned, doc.Journeys[0].Kind)
	aj5 := doc.Journey("AJ5")
	require.NotNil(t, aj5)
	var got []string
	for _, tp := range aj5.Touchpoints {
		got = append(got, tp.ID+":"+string(tp.Compliance))
	}
	assert.Equal(t, []string{"T1:completed", "T2:completed", "T3:missing", "T4:completed", "T5:completed", "T6:completed",
		"T7:completed", "T8:completed", "T9:completed", "T10:completed"}, got)
	assert.Equal(t, "actualCommunicationPoint", aj5.Touchpoints[2].TagName(cjml.Actual))
	assert.Equal(t, "deviating", aj5.ComplianceContent)
	assert.Equal(t, "compliant", doc.Journey("AJ1").ComplianceContent)
	assert.Equal(t, "deviating", doc.Journey("AJ3").ComplianceSequence)
}

func TestCompareExitCodes(t *testing.T) {
	plan := filepath.Join("testdata", "compare", "plan.xml")
	actual := filepath.Join("testdata", "compare", "actual.xml")
	noplan := filepath.Join("testdata", "compare", "noplan.xml")

	// Plans are found in the other files given; timing is checked.
	code, stdout, stderr := cli(t, "", "compare", plan, actual)
	assert.Equal(t, exitFindings, code)
	golden(t, "pizza.txt", stdout)
	golden(t, "pizza.stderr", stderr)

	// 0: every journey conforms.
	code, stdout, _ = cli(t, "", "compare", "--planned", broadband+"#PJ1", broadband)
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, stdout, "AJ1 against PJ1: conforms")
	one := filepath.Join(t.TempDir(), "one.xml")
	doc, diags := cjml.ReadFile(broadband, cjml.ReadOptions{})
	require.False(t, diags.HasErrors())
	doc.Journeys = doc.Journeys[:2]
	require.NoError(t, cjml.WriteFile(one, doc, cjml.FormatAuto))
	code, _, stderr = cli(t, "", "compare", one)
	assert.Equal(t, exitOK, code, stderr)
	code, _, _ = cli(t, "", "compare", "--planned", one, one)
	assert.Equal(t, exitOK, code)

	// Standard input.
	b, _ := os.ReadFile(one)
	code, _, _ = cli(t, string(b), "compare", "-")
	assert.Equal(t, exitOK, code)

	// 2: usage errors.
	for _, args := range [][]string{
		{"compare"},
		{"compare", "--format", "xml", broadband},
		{"compare", "--planned", broadband + "#PJ7", broadband},
		{"compare", "--tolerance", "-1h", broadband},
		{"compare", "--bogus", broadband},
		{"compare", "-", "-"},
		{"compare", "--summary", "--format", "csv", broadband},
		{"compare", "--planned", "-#PJ1", "-"},
	} {
		code, _, stderr = cli(t, "", args...)
		assert.Equal(t, exitUsage, code, "%v: %s", args, stderr)
	}
	twoPlans := filepath.Join(t.TempDir(), "two.xml")
	doc2, _ := cjml.ReadFile(broadband, cjml.ReadOptions{})
	p2 := *doc2.Journeys[0]
	p2.ID = "PJ2"
	doc2.Journeys = append(doc2.Journeys, &p2)
	require.NoError(t, cjml.WriteFile(twoPlans, doc2, cjml.FormatAuto))
	code, _, stderr = cli(t, "", "compare", "--planned", twoPlans, broadband)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "has 2 planned journeys (PJ1, PJ2)")

	// 3: unreadable input, or an actual journey without a plan.
	code, _, stderr = cli(t, "", "compare", "testdata/compare/nonexistent.xml")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "nonexistent.xml")
	code, _, stderr = cli(t, "", "compare", noplan)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "noplan.xml:4:5: error: actual journey AJ1 refers to planned journey PJ9, which none of the files has [compare/no-plan]")
	code, _, _ = cli(t, "", "compare", "--planned", actual, broadband)
	assert.Equal(t, exitFailure, code, "a file without planned journeys")
	code, _, stderr = cli(t, "", "compare", plan)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "no actual journeys to compare")
	bad := filepath.Join(t.TempDir(), "bad.xml")
	require.NoError(t, os.WriteFile(bad, []byte("<CJML><actualJourney>"), 0o644))
	code, _, stderr = cli(t, "", "compare", bad)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "bad.xml:1:")
	// With --planned every actual journey has a plan, even a dangling one.
	code, _, _ = cli(t, "", "compare", "--planned", plan, noplan)
	assert.Equal(t, exitFindings, code)
}

// Flags change the alignment: by content only, the broadband journeys with
// a swap show it as two changed pairs rather than an irregular step; a
// zero threshold admits only identical pairs.
func TestCompareFlags(t *testing.T) {
	code, stdout, _ := cli(t, "", "compare", "--format", "json", "--ignore-compliance", broadband)
	assert.Equal(t, exitFindings, code)
	assert.NotContains(t, stdout, `"failing"`+":1")
	assert.Contains(t, stdout, `"status":"adhoc","planned":null,"actual":"D1"`)
	code, stdout, _ = cli(t, "", "compare", "--summary", broadband)
	assert.Equal(t, exitFindings, code)
	golden(t, "broadband.summary.txt", stdout)
	code, stdout, _ = cli(t, "", "compare", "--summary", "--format", "json", broadband)
	assert.Equal(t, exitFindings, code)
	var js map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &js))
	assert.Empty(t, js["journeys"])
	assert.NotEmpty(t, js["summary"])
	code, _, stderr := cli(t, "", "compare", "--format", "csv", "--diagnostics", broadband)
	assert.Equal(t, exitFindings, code)
	golden(t, "broadband.diagnostics", stderr)
	code, stdout, _ = cli(t, "", "compare", "--format", "csv", "--threshold", "0", "--ignore-ids", broadband)
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, stdout, "AJ5,PJ1,10,missing,T10")
}

// Comparing the annotated output again gives the same result: the
// compliance values written are the ones the alignment computes.
func TestCompareAnnotatedIdempotent(t *testing.T) {
	code, annotated, _ := cli(t, "", "compare", "--format", "cjml", broadband)
	require.Equal(t, exitFindings, code)
	_, want, _ := cli(t, "", "compare", "--format", "json", broadband)
	code, got, stderr := cli(t, annotated, "compare", "--format", "json", "-")
	assert.Equal(t, exitFindings, code, stderr)
	assert.Equal(t, want, got)
}
