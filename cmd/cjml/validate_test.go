package main

import (
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// -update rewrites testdata/validate/*.golden. Other tests of the package
// may define the same flag; it is defined here only if they do not.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the expected outputs in testdata")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

const vdir = "testdata/validate/"

func TestValidateExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"clean", []string{vdir + "clean.yaml"}, exitOK},
		{"errors", []string{vdir + "broken.xml"}, exitFindings},
		{"warnings pass by default", []string{vdir + "warning.xml"}, exitOK},
		{"warnings fail with --fail-on warning", []string{"--fail-on", "warning", vdir + "warning.xml"}, exitFindings},
		{"lenient reference", []string{"../../examples/carl-bookis.xml"}, exitOK},
		{"lenient reference with --strict", []string{"--strict", "../../examples/carl-bookis.xml"}, exitFindings},
		{"many files", []string{vdir + "clean.yaml", vdir + "warning.xml", vdir + "broken.xml"}, exitFindings},
		{"unreadable", []string{vdir + "clean.yaml", vdir + "nope.xml"}, exitFailure},
		{"directory", []string{vdir}, exitFailure},
		{"no files", nil, exitUsage},
		{"bad format", []string{"--format", "html", vdir + "clean.yaml"}, exitUsage},
		{"bad fail-on", []string{"--fail-on", "info", vdir + "clean.yaml"}, exitUsage},
		{"unknown flag", []string{"--bogus", vdir + "clean.yaml"}, exitUsage},
		{"stdin twice", []string{"-", "-"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := cli(t, "", append([]string{"validate"}, tt.args...)...)
			assert.Equal(t, tt.code, code, stderr)
		})
	}
}

func TestValidateText(t *testing.T) {
	code, stdout, stderr := cli(t, "", "validate", vdir+"broken.xml", vdir+"clean.yaml")
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, vdir+"broken.xml:17:42: error: touchpoint T2: the initiator refers to actor \"bob\", which is not declared [rule/unknown-actor]\n", stdout)
	assert.Equal(t, "1 error in 2 files\n", stderr)

	code, _, stderr = cli(t, "", "validate", vdir+"nope.xml")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "nope.xml: cannot read")
}

func TestValidateStdin(t *testing.T) {
	src, err := os.ReadFile(vdir + "broken.xml")
	require.NoError(t, err)
	code, stdout, _ := cli(t, string(src), "validate", "-")
	assert.Equal(t, exitFindings, code)
	assert.True(t, strings.HasPrefix(stdout, "-:17:42: error: "), stdout)

	y, err := os.ReadFile(vdir + "clean.yaml")
	require.NoError(t, err)
	code, stdout, _ = cli(t, string(y), "validate", "-")
	assert.Equal(t, exitOK, code)
	assert.Empty(t, stdout)
}

// TestValidateFormats compares each output format with its expected output
// (go test ./cmd/cjml -run TestValidateFormats -update rewrites them) and
// checks that the structured ones parse.
func TestValidateFormats(t *testing.T) {
	files := []string{vdir + "broken.xml", vdir + "warning.xml", vdir + "clean.yaml"}
	for _, f := range []string{"text", "json", "sarif", "junit", "github"} {
		t.Run(f, func(t *testing.T) {
			code, stdout, _ := cli(t, "", append([]string{"validate", "--format", f}, files...)...)
			assert.Equal(t, exitFindings, code)
			golden := filepath.Join(vdir, "report."+f+".golden")
			if updating() {
				require.NoError(t, os.WriteFile(golden, []byte(stdout), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), stdout)

			// Same output on a second run: nothing varies.
			_, again, _ := cli(t, "", append([]string{"validate", "--format", f}, files...)...)
			assert.Equal(t, stdout, again)

			switch f {
			case "json":
				var r struct {
					Version     int `json:"version"`
					Diagnostics []struct {
						File, Severity, Code, Message, Path string
						Line, Column                        int
					} `json:"diagnostics"`
				}
				require.NoError(t, json.Unmarshal([]byte(stdout), &r))
				assert.Equal(t, 1, r.Version)
				require.Len(t, r.Diagnostics, 2)
				assert.Equal(t, "rule/unknown-actor", r.Diagnostics[0].Code)
				assert.Equal(t, 17, r.Diagnostics[0].Line)
				assert.Equal(t, 42, r.Diagnostics[0].Column)
				assert.NotEmpty(t, r.Diagnostics[0].Path)
			case "sarif":
				var r struct {
					Version string `json:"version"`
					Runs    []struct {
						Tool struct {
							Driver struct {
								Rules []struct{ ID string } `json:"rules"`
							} `json:"driver"`
						} `json:"tool"`
						Results []struct {
							RuleID    string `json:"ruleId"`
							RuleIndex int    `json:"ruleIndex"`
							Level     string `json:"level"`
						} `json:"results"`
					} `json:"runs"`
				}
				require.NoError(t, json.Unmarshal([]byte(stdout), &r))
				assert.Equal(t, "2.1.0", r.Version)
				require.Len(t, r.Runs, 1)
				rules := r.Runs[0].Tool.Driver.Rules
				for _, res := range r.Runs[0].Results {
					assert.Equal(t, res.RuleID, rules[res.RuleIndex].ID)
				}
				assert.Equal(t, "error", r.Runs[0].Results[0].Level)
			case "junit":
				var r struct {
					Tests    int `xml:"tests,attr"`
					Failures int `xml:"failures,attr"`
					Suites   []struct {
						Name string `xml:"name,attr"`
					} `xml:"testsuite"`
				}
				require.NoError(t, xml.Unmarshal([]byte(stdout), &r))
				assert.Equal(t, 1, r.Failures)
				assert.Equal(t, 3, r.Tests)
				assert.Len(t, r.Suites, 3)
			case "github":
				assert.True(t, strings.HasPrefix(stdout, "::error file="+vdir+"broken.xml,line=17,col=42,title=rule/unknown-actor::"), stdout)
				assert.Contains(t, stdout, "::warning file=")
			}
		})
	}
}

// TestValidateRelated checks that the places a finding points back to (the
// first use of a duplicate ID) reach the JSON and SARIF reports.
func TestValidateRelated(t *testing.T) {
	file := "../../validate/testdata/invalid/duplicate-touchpoint-id.xml"
	code, stdout, _ := cli(t, "", "validate", "--format", "json", file)
	assert.Equal(t, exitFindings, code)
	var r struct {
		Diagnostics []struct {
			Code    string
			Line    int
			Related []struct {
				File    string
				Line    int
				Column  int
				Message string
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &r))
	require.NotEmpty(t, r.Diagnostics)
	d := r.Diagnostics[0]
	assert.Equal(t, "rule/duplicate-touchpoint-id", d.Code)
	require.Len(t, d.Related, 1)
	assert.Equal(t, file, d.Related[0].File)
	assert.Equal(t, "first used here", d.Related[0].Message)
	assert.Positive(t, d.Related[0].Line)
	assert.Less(t, d.Related[0].Line, d.Line, "the first use comes before the repeat")

	code, stdout, _ = cli(t, "", "validate", "--format", "sarif", file)
	assert.Equal(t, exitFindings, code)
	var s struct {
		Runs []struct {
			Results []struct {
				Related []struct {
					ID       int
					Message  struct{ Text string }
					Physical struct {
						Region struct{ StartLine int }
					} `json:"physicalLocation"`
				} `json:"relatedLocations"`
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &s))
	require.NotEmpty(t, s.Runs[0].Results)
	rel := s.Runs[0].Results[0].Related
	require.Len(t, rel, 1)
	assert.Equal(t, 1, rel[0].ID)
	assert.Equal(t, "first used here", rel[0].Message.Text)
	assert.Equal(t, d.Related[0].Line, rel[0].Physical.Region.StartLine)
}
