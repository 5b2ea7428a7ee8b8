package eventlog

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"cjml.dev/cjml"
)

// A Role is what a column of a CSV log, or an attribute of an XES event,
// means for the touchpoint the event becomes.
type Role int

// The roles. Case and Activity are required; the others are optional.
const (
	Case          Role = iota // the case: one actual journey per value (journeyID)
	Activity                  // what the initiator does (initiatorLabel)
	ReceiverLabel             // what the receiver does or gets (receiverLabel)
	Time                      // when the event happened
	Initiator                 // the actor who acts or sends
	Receiver                  // the actor who receives; empty for actions
	Channel                   // channelName
	Kind                      // "action" or "communication"; decided by Receiver when absent
	Compliance                // completed, failing, adhoc, missing, irregular
	Rating                    // experienceRating, 1 to 5
	Experience                // experienceDescription
	Phase                     // belongsTo/@phaseIDref
	Touchpoint                // touchpointID
	Lifecycle                 // XES lifecycle:transition (start, complete, ...)
	Message                   // message
	Comment                   // comment
	EndUserName               // the end user's name (actorName), for the whole case
	numRoles
)

var roleNames = [numRoles]string{
	"case", "activity", "receiverLabel", "time", "initiator", "receiver", "channel",
	"kind", "compliance", "rating", "experience", "phase", "touchpoint", "lifecycle",
	"message", "comment", "endUserName",
}

// String returns the role's name as the mapping file writes it ("case",
// "receiverLabel").
func (r Role) String() string {
	if r < 0 || r >= numRoles {
		return "invalid"
	}
	return roleNames[r]
}

// FlagName returns the role's name as a command-line flag writes it
// ("case", "receiver-label").
func (r Role) FlagName() string {
	var b strings.Builder
	for _, c := range r.String() {
		if c >= 'A' && c <= 'Z' {
			b.WriteByte('-')
			c += 'a' - 'A'
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Roles lists all roles in order.
func Roles() []Role {
	rs := make([]Role, numRoles)
	for i := range rs {
		rs[i] = Role(i)
	}
	return rs
}

// defaultNames are the header names (CSV) and attribute keys (XES) each role
// is found under when the mapping does not name one, in order of preference.
// They are compared after normalization: lower case, without spaces, '-',
// '_' and ':' (so "case:concept:name" is "caseconceptname").
var defaultNames = [numRoles][]string{
	Case:          {"case", "caseid", "caseconceptname", "journey", "journeyid", "traceid"},
	Activity:      {"activity", "label", "conceptname", "activityname", "event", "eventname", "initiatorlabel", "initiatorslabel"},
	ReceiverLabel: {"receiverlabel"},
	Time:          {"timestamp", "time", "timetimestamp", "datetime", "eventtime", "date"},
	Initiator:     {"initiator", "orgresource", "resource", "actor", "from", "sender", "initiatorid"},
	Receiver:      {"receiver", "to", "recipient", "receiverid", "receiversid"},
	Channel:       {"channel", "channelname", "medium"},
	Kind:          {"kind", "touchpointkind"},
	Compliance:    {"compliance", "deviation"},
	Rating:        {"rating", "experiencerating", "score", "ratingscore"},
	Experience:    {"experience", "experiencedescription", "feedback", "ratingcomment"},
	Phase:         {"phase", "phaseid", "journeyphase"},
	Touchpoint:    {"touchpoint", "touchpointid"},
	Lifecycle:     {"lifecycle", "lifecycletransition", "transition"},
	Message:       {"message"},
	Comment:       {"comment", "note", "notes"},
	EndUserName:   {"endusername", "customername", "enduser"},
}

// DefaultNames returns the header names a role is found under by default,
// in their normalized form.
func DefaultNames(r Role) []string { return slices.Clone(defaultNames[r]) }

// defaultEndUsers are the actor values taken for the end user when the
// mapping names none (compared case-insensitively, spaces ignored).
var defaultEndUsers = []string{"customer", "enduser", "user", "client", "patient", "citizen"}

// A Mapping says how a log's columns (or attributes) become touchpoints.
// The zero value finds every column by its default names.
type Mapping struct {
	// Columns names the CSV column, or the XES attribute key, of each
	// role; "" finds it by its default names.
	Columns [numRoles]string
	// EndUser lists the initiator and receiver values that denote the end
	// user (case-insensitive). Empty means "Customer", "User", "End user",
	// "Client", "Patient" and "Citizen".
	EndUser []string
	// Actors maps initiator and receiver values to actor IDs, so that the
	// imported journeys use the planned journey's IDs. Values not listed
	// get an ID made from the value ("NordNett AS" becomes "nordnett-as").
	Actors map[string]string
	// PlannedReference is written as the plannedReference of every
	// imported journey.
	PlannedReference string
	// Delimiter separates CSV fields; 0 sniffs ',', ';' or tab from the
	// header line.
	Delimiter rune
}

// Set names the column of role r.
func (m *Mapping) Set(r Role, column string) { m.Columns[r] = column }

// isEndUser reports whether an actor value denotes the end user.
func (m *Mapping) isEndUser(v string) bool {
	k := normKey(v)
	if len(m.EndUser) == 0 {
		return slices.Contains(defaultEndUsers, k)
	}
	for _, e := range m.EndUser {
		if normKey(e) == k {
			return true
		}
	}
	return false
}

// normKey lower-cases s and drops spaces, '-', '_' and ':'.
func normKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == ' ' || r == '-' || r == '_' || r == ':' || r == '\t':
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		default:
			b.WriteString(strings.ToLower(string(r)))
		}
	}
	return b.String()
}

// mappingKeys are the top-level keys of a mapping file.
var mappingKeys = []string{"columns", "endUser", "actors", "plannedReference", "delimiter"}

// ParseMapping reads a mapping file (YAML). Unknown keys, values of the
// wrong shape and a delimiter that is not one character are errors with
// the line and column. file names the file in the diagnostics.
//
//	columns:           # CSV header names or XES attribute keys
//	  case: ticket
//	  activity: what
//	endUser: Customer  # or a list
//	actors:            # log value: actor ID
//	  NordNett: provider
//	plannedReference: PJ1
//	delimiter: ";"     # ",", ";", "tab" or any one character
func ParseMapping(file string, data []byte) (*Mapping, cjml.Diagnostics) {
	m := &Mapping{}
	var diags cjml.Diagnostics
	errAt := func(n *yaml.Node, format string, args ...any) {
		p := cjml.Position{File: file}
		if n != nil {
			p.Line, p.Column = n.Line, n.Column
		}
		diags = append(diags, cjml.Diagnostic{Severity: cjml.Error, Code: CodeMapping, Pos: p, Message: fmt.Sprintf(format, args...)})
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		p := cjml.Position{File: file}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		var line int
		if _, e := fmt.Sscanf(msg, "line %d:", &line); e == nil {
			p.Line = line
			msg = strings.TrimSpace(msg[strings.IndexByte(msg, ':')+1:])
		}
		return nil, cjml.Diagnostics{{Severity: cjml.Error, Code: CodeMapping, Pos: p, Message: "not YAML: " + msg}}
	}
	if len(doc.Content) == 0 {
		return m, nil // an empty file maps nothing
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return m, nil // so does an empty document ("---") or a bare null
	}
	if root.Kind != yaml.MappingNode {
		errAt(root, "a mapping file is a YAML mapping with the keys %s", strings.Join(mappingKeys, ", "))
		return nil, diags
	}
	str := func(n *yaml.Node, what string) (string, bool) {
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			errAt(n, "%s must be a string", what)
			return "", false
		}
		return n.Value, true
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if seen[k.Value] {
			errAt(k, "key %q is repeated", k.Value)
			continue
		}
		seen[k.Value] = true
		switch k.Value {
		case "columns":
			if v.Kind != yaml.MappingNode {
				errAt(v, "columns must be a mapping from roles (case, activity, ...) to column names")
				continue
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				rk, rv := v.Content[j], v.Content[j+1]
				r, ok := roleByName(rk.Value)
				if !ok {
					errAt(rk, "unknown column role %q (known: %s)", rk.Value, strings.Join(roleNames[:], ", "))
					continue
				}
				if s, ok := str(rv, "columns."+rk.Value); ok {
					m.Columns[r] = strings.TrimSpace(s)
				}
			}
		case "endUser":
			switch v.Kind {
			case yaml.SequenceNode:
				for _, e := range v.Content {
					if s, ok := str(e, "each endUser value"); ok {
						m.EndUser = append(m.EndUser, s)
					}
				}
			default:
				if s, ok := str(v, "endUser"); ok {
					m.EndUser = append(m.EndUser, s)
				}
			}
		case "actors":
			if v.Kind != yaml.MappingNode {
				errAt(v, "actors must be a mapping from log values to actor IDs")
				continue
			}
			m.Actors = map[string]string{}
			for j := 0; j+1 < len(v.Content); j += 2 {
				ak, av := v.Content[j], v.Content[j+1]
				if s, ok := str(av, "the actor ID of "+ak.Value); ok {
					if strings.TrimSpace(s) == "" {
						errAt(av, "the actor ID of %q is empty", ak.Value)
						continue
					}
					m.Actors[strings.TrimSpace(ak.Value)] = strings.TrimSpace(s)
				}
			}
		case "plannedReference":
			if s, ok := str(v, "plannedReference"); ok {
				m.PlannedReference = strings.TrimSpace(s)
			}
		case "delimiter":
			if s, ok := str(v, "delimiter"); ok {
				d, err := ParseDelimiter(s)
				if err != nil {
					errAt(v, "%v", err)
					continue
				}
				m.Delimiter = d
			}
		default:
			errAt(k, "unknown key %q (known: %s)", k.Value, strings.Join(mappingKeys, ", "))
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return m, nil
}

// ParseDelimiter parses a delimiter as the mapping file and the --delimiter
// flag write it: one character, or "tab".
func ParseDelimiter(s string) (rune, error) {
	switch strings.ToLower(s) {
	case "tab", `\t`:
		return '\t', nil
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || n != len(s) || r == utf8.RuneError || r == '"' || r == '\r' || r == '\n' {
		return 0, fmt.Errorf("delimiter %q is not one character (or \"tab\"), or is a quote or line break", s)
	}
	return r, nil
}

func roleByName(s string) (Role, bool) {
	for i, n := range roleNames {
		if n == s {
			return Role(i), true
		}
	}
	return 0, false
}
