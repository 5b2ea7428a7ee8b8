package cjml

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says how serious a [Diagnostic] is. The zero value is invalid, so
// that a forgotten severity is noticed.
type Severity int

// Severities, most serious first.
const (
	SeverityInvalid Severity = iota
	Error
	Warning
	Info
)

var severityNames = [...]string{"invalid", "error", "warning", "info"}

// String returns "error", "warning" or "info".
func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return "invalid"
	}
	return severityNames[s]
}

// ParseSeverity parses "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames[1:] {
		if s == n {
			return Severity(i + 1), nil
		}
	}
	return SeverityInvalid, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// AtLeast reports whether s is at least as serious as t.
func (s Severity) AtLeast(t Severity) bool { return s != SeverityInvalid && s <= t }

// A Diagnostic is one finding about a document: a parse error, a schema
// violation, a broken language rule or a deviation found by a comparison.
type Diagnostic struct {
	Severity Severity
	// Code is a stable kebab-case identifier grouped by origin, such as
	// "parse/syntax" or "rule/unknown-actor". Codes are never reused; every
	// code is documented in docs/rules.md.
	Code string
	// Message is a short lower-case summary without a trailing period.
	Message string
	// Pos is where the finding is. It names at least the file; Line and
	// Column are 0 when the finding has no better place.
	Pos Position
	// Path is the logical location: a JSON pointer into the document's
	// JSON form, such as "/journeys/0/plannedJourney/touchpoints/2". It is
	// empty for findings about the file as a whole.
	Path string
	// Related lists other places that explain the finding (the earlier
	// declaration of a duplicate ID, the planned touchpoint of a deviation).
	Related []Related
}

// Related is a secondary place attached to a [Diagnostic].
type Related struct {
	Pos     Position
	Message string
}

// String formats the diagnostic the way `cjml validate` prints it:
// "file:line:col: severity: message [code]".
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	b.WriteString(d.Message)
	if d.Code != "" {
		b.WriteString(" [")
		b.WriteString(d.Code)
		b.WriteString("]")
	}
	return b.String()
}

// Diagnostics is a list of findings. It implements error so that it can be
// returned where an error is expected; use [Diagnostics.HasErrors] to decide
// whether the document is usable.
type Diagnostics []Diagnostic

// Error joins the diagnostics, one per line.
func (ds Diagnostics) Error() string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = d.String()
	}
	return strings.Join(s, "\n")
}

// HasErrors reports whether any diagnostic has severity [Error].
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Err returns ds as an error when it holds an [Error], and nil otherwise.
func (ds Diagnostics) Err() error {
	if ds.HasErrors() {
		return ds
	}
	return nil
}

// Count returns the number of diagnostics at or above severity s.
func (ds Diagnostics) Count(s Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity.AtLeast(s) {
			n++
		}
	}
	return n
}

// Compare orders diagnostics by file, line, column, severity, code, message
// and path; it is the order every printer uses.
func Compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Pos.File, b.Pos.File),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Column, b.Pos.Column),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Path, b.Path),
	)
}

// Sort sorts ds with [Compare] and removes exact duplicates.
func (ds Diagnostics) Sort() Diagnostics {
	slices.SortStableFunc(ds, Compare)
	return slices.CompactFunc(ds, func(a, b Diagnostic) bool {
		return Compare(a, b) == 0
	})
}
