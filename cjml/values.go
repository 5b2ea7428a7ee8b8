package cjml

import (
	"strconv"
	"strings"
)

// Compliance is the deviation status of an actual touchpoint, as written in
// its compliance element. The known producers write the lower-case values
// below; [Compliance.Normalize] also accepts common variants ("Ad-hoc",
// "failed"). The empty value means the element is absent, which counts as
// completed.
type Compliance string

// The compliance values of CJML 2.0 (Irregular is this project's addition
// for touchpoints out of the planned order; see compare).
const (
	Completed Compliance = "completed"
	Missing   Compliance = "missing"
	Failing   Compliance = "failing"
	AdHoc     Compliance = "adhoc"
	Irregular Compliance = "irregular"
)

// Compliances lists the known compliance values.
var Compliances = []Compliance{Completed, Missing, Failing, AdHoc, Irregular}

// Normalize returns the known value c stands for and true, or c and false
// when c is not a known value or variant. The empty value normalizes to
// [Completed].
func (c Compliance) Normalize() (Compliance, bool) {
	switch normKey(string(c)) {
	case "", "completed", "complete":
		return Completed, true
	case "missing":
		return Missing, true
	case "failing", "failed", "failure", "fail":
		return Failing, true
	case "adhoc":
		return AdHoc, true
	case "irregular", "outoforder":
		return Irregular, true
	}
	return c, false
}

// Is reports whether c normalizes to v.
func (c Compliance) Is(v Compliance) bool {
	n, ok := c.Normalize()
	return ok && n == v
}

// normKey lower-cases s and drops spaces, hyphens and underscores:
// "Internet Via Smartphone" and "internet-via-smartphone" both become
// "internetviasmartphone".
func normKey(s string) string {
	if isKey(s) {
		return s // already a key: no allocation on the hot paths
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n' || r == '\r':
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		default:
			b.WriteString(strings.ToLower(string(r)))
		}
	}
	return b.String()
}

// isKey reports whether normKey(s) == s: lower-case ASCII without
// separators or surrounding space.
func isKey(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c >= 'A' && c <= 'Z' || c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == '\r' ||
			c == '\v' || c == '\f' {
			return false
		}
	}
	return true
}

// Score returns the rating as an integer from 1 to 5 and true, or 0 and
// false when the rating is absent or not one of those. Besides the digits it
// accepts CJMLExcel's words ("very dissatisfied" … "very satisfied").
func (e *Experience) Score() (int, bool) {
	if e == nil {
		return 0, false
	}
	s := strings.TrimSpace(e.Rating)
	if n, err := strconv.Atoi(s); err == nil {
		return n, n >= 1 && n <= 5
	}
	switch normKey(s) {
	case "verydissatisfied", "veryunsatisfied":
		return 1, true
	case "dissatisfied", "unsatisfied":
		return 2, true
	case "neutral":
		return 3, true
	case "satisfied":
		return 4, true
	case "verysatisfied":
		return 5, true
	}
	return 0, false
}

// A SecurityMarker is a threat or an unwanted incident attached to a
// touchpoint (CJML's security flavour). CJML 2.0 has no public element
// names for them; cjml reads the extension elements
// <threat side="initiator|receiver">text</threat> and
// <unwantedIncident side="…">text</unwantedIncident> inside a touchpoint.
type SecurityMarker struct {
	// Kind is "threat" or "unwantedIncident".
	Kind string
	// Side is "initiator", "receiver" or "" (the whole touchpoint).
	Side string
	Text string
	Pos  Pos
}

// SecurityMarkers returns the threats and unwanted incidents the touchpoint
// carries, in document order.
func (t *Touchpoint) SecurityMarkers() []SecurityMarker {
	var out []SecurityMarker
	for _, e := range t.Extra.Elems {
		if e.In != "" {
			continue
		}
		var kind string
		switch normKey(e.Name) {
		case "threat":
			kind = "threat"
		case "unwantedincident", "incident":
			kind = "unwantedIncident"
		default:
			continue
		}
		side, _ := e.Attr("side")
		out = append(out, SecurityMarker{Kind: kind, Side: strings.TrimSpace(side), Text: e.Text, Pos: e.Pos})
	}
	return out
}
