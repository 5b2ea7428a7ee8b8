package validate

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"cjml.dev/cjml"
)

// Format is an output format of a [Report].
type Format string

// The report formats.
const (
	Text   Format = "text"   // file:line:col: severity: message [code]
	JSON   Format = "json"   // {"version":1,"diagnostics":[…]}
	SARIF  Format = "sarif"  // SARIF 2.1.0, with the rule list
	JUnit  Format = "junit"  // JUnit XML, one test suite per file
	GitHub Format = "github" // GitHub Actions workflow commands (::error …)
)

// Formats lists the report formats.
var Formats = []Format{Text, JSON, SARIF, JUnit, GitHub}

// ParseFormat parses a format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want text, json, sarif, junit or github)", s)
}

// A Report is the result of validating some files.
type Report struct {
	// Files are the files validated, in the order given ("-" for
	// standard input).
	Files []string
	// Diagnostics of all files, sorted.
	Diagnostics cjml.Diagnostics
	// FailOn is the severity from which a finding fails the run (and a
	// JUnit test case); the zero value means cjml.Error.
	FailOn cjml.Severity
}

func (r *Report) failOn() cjml.Severity {
	if r.FailOn == cjml.SeverityInvalid {
		return cjml.Error
	}
	return r.FailOn
}

// Failed reports whether a finding is at or above FailOn.
func (r *Report) Failed() bool { return r.Diagnostics.Count(r.failOn()) > 0 }

// Write writes the report in format f. The output depends only on the
// report: no times, versions or map order.
func (r *Report) Write(w io.Writer, f Format) error {
	switch f {
	case Text, "":
		return r.writeText(w)
	case JSON:
		return r.writeJSON(w)
	case SARIF:
		return r.writeSARIF(w)
	case JUnit:
		return r.writeJUnit(w)
	case GitHub:
		return r.writeGitHub(w)
	}
	return fmt.Errorf("unknown format %q", f)
}

func (r *Report) writeText(w io.Writer) error {
	var b strings.Builder
	for _, d := range r.Diagnostics {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type jsonDiag struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Path     string `json:"path"`
	// Related places that explain the finding (an earlier declaration of
	// a duplicate ID, say); absent when there are none.
	Related []jsonRelated `json:"related,omitempty"`
}

type jsonRelated struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

func fileName(p cjml.Position) string {
	if p.File == "" {
		return "-"
	}
	return p.File
}

func (r *Report) writeJSON(w io.Writer) error {
	out := struct {
		Version     int        `json:"version"`
		Diagnostics []jsonDiag `json:"diagnostics"`
	}{Version: 1, Diagnostics: []jsonDiag{}}
	for _, d := range r.Diagnostics {
		jd := jsonDiag{
			File: fileName(d.Pos), Line: d.Pos.Line, Column: d.Pos.Column,
			Severity: d.Severity.String(), Code: d.Code, Message: d.Message, Path: d.Path,
		}
		for _, rel := range d.Related {
			jd.Related = append(jd.Related, jsonRelated{File: fileName(rel.Pos), Line: rel.Pos.Line, Column: rel.Pos.Column, Message: rel.Message})
		}
		out.Diagnostics = append(out.Diagnostics, jd)
	}
	return encodeJSON(w, out)
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// SARIF 2.1.0, the subset code-scanning tools read.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name  string      `json:"name"`
		Rules []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string       `json:"id"`
		ShortDescription     sarifMessage `json:"shortDescription"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations"`
		Related   []sarifLocation `json:"relatedLocations,omitempty"`
	}
	sarifLocation struct {
		ID       int            `json:"id,omitempty"`
		Message  *sarifMessage  `json:"message,omitempty"`
		Physical sarifPhysical  `json:"physicalLocation"`
		Logical  []sarifLogical `json:"logicalLocations,omitempty"`
	}
	sarifPhysical struct {
		Artifact struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region *sarifRegion `json:"region,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
	sarifLogical struct {
		FullyQualifiedName string `json:"fullyQualifiedName"`
	}
)

func sarifLevel(s cjml.Severity) string {
	switch s {
	case cjml.Error:
		return "error"
	case cjml.Warning:
		return "warning"
	}
	return "note"
}

func (r *Report) writeSARIF(w io.Writer) error {
	driver := sarifDriver{Name: "cjml"}
	index := map[string]int{}
	for i, rule := range rules {
		sr := sarifRule{ID: rule.Code, ShortDescription: sarifMessage{rule.Summary}}
		sr.DefaultConfiguration.Level = sarifLevel(rule.Severity)
		driver.Rules = append(driver.Rules, sr)
		index[rule.Code] = i
	}
	results := []sarifResult{}
	for _, d := range r.Diagnostics {
		ri, ok := index[d.Code]
		if !ok {
			ri = -1
		}
		loc := sarifLocation{}
		loc.Physical.Artifact.URI = artifactURI(fileName(d.Pos))
		if d.Pos.Line > 0 {
			loc.Physical.Region = &sarifRegion{StartLine: d.Pos.Line, StartColumn: d.Pos.Column}
		}
		if d.Path != "" {
			loc.Logical = []sarifLogical{{FullyQualifiedName: d.Path}}
		}
		res := sarifResult{RuleID: d.Code, RuleIndex: ri, Level: sarifLevel(d.Severity),
			Message: sarifMessage{d.Message}, Locations: []sarifLocation{loc}}
		for i, rel := range d.Related {
			rl := sarifLocation{ID: i + 1, Message: &sarifMessage{rel.Message}}
			rl.Physical.Artifact.URI = artifactURI(fileName(rel.Pos))
			if rel.Pos.Line > 0 {
				rl.Physical.Region = &sarifRegion{StartLine: rel.Pos.Line, StartColumn: rel.Pos.Column}
			}
			res.Related = append(res.Related, rl)
		}
		results = append(results, res)
	}
	return encodeJSON(w, sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, ColumnKind: "unicodeCodePoints", Results: results}},
	})
}

// artifactURI turns a file path into a relative URI reference.
func artifactURI(p string) string {
	p = filepath.ToSlash(p)
	var b strings.Builder
	for _, c := range []byte(p) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.IndexByte("-._~/!$&'()*+,;=:@", c) >= 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// JUnit XML: one test suite per file; a clean file is one passing test
// case, and every finding is a test case that fails when it is at or above
// FailOn.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		Classname string        `xml:"classname,attr"`
		Failure   *junitFailure `xml:"failure,omitempty"`
		SystemOut string        `xml:"system-out,omitempty"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)

func (r *Report) writeJUnit(w io.Writer) error {
	byFile := map[string]cjml.Diagnostics{}
	files := append([]string(nil), r.Files...)
	for _, d := range r.Diagnostics {
		f := fileName(d.Pos)
		if _, ok := byFile[f]; !ok && !contains(files, f) {
			files = append(files, f)
		}
		byFile[f] = append(byFile[f], d)
	}
	out := junitSuites{Name: "cjml validate"}
	for _, f := range files {
		s := junitSuite{Name: f}
		if len(byFile[f]) == 0 {
			s.Cases = append(s.Cases, junitCase{Name: "valid", Classname: f})
		}
		for _, d := range byFile[f] {
			c := junitCase{Name: fmt.Sprintf("%s %d:%d", d.Code, d.Pos.Line, d.Pos.Column), Classname: f}
			if d.Severity.AtLeast(r.failOn()) {
				c.Failure = &junitFailure{Message: d.Message, Type: d.Severity.String(), Text: d.String()}
				s.Failures++
			} else {
				c.SystemOut = d.String()
			}
			s.Cases = append(s.Cases, c)
		}
		s.Tests = len(s.Cases)
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Suites = append(out.Suites, s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// writeGitHub writes workflow commands that GitHub Actions shows as
// annotations on the files: ::error file=…,line=…,col=…,title=…::message.
func (r *Report) writeGitHub(w io.Writer) error {
	var b strings.Builder
	for _, d := range r.Diagnostics {
		cmd := "notice"
		switch d.Severity {
		case cjml.Error:
			cmd = "error"
		case cjml.Warning:
			cmd = "warning"
		}
		b.WriteString("::" + cmd + " file=" + ghProperty(fileName(d.Pos)))
		if d.Pos.Line > 0 {
			b.WriteString(",line=" + strconv.Itoa(d.Pos.Line))
			if d.Pos.Column > 0 {
				b.WriteString(",col=" + strconv.Itoa(d.Pos.Column))
			}
		}
		b.WriteString(",title=" + ghProperty(d.Code) + "::" + ghData(d.Message) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
