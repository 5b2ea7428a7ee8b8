package validate

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"cjml.dev/cjml"
	"cjml.dev/schema"
)

// schemaURL is the name the embedded schema is compiled under.
const schemaURL = schema.JSONID

var compiled struct {
	once   sync.Once
	schema *jsonschema.Schema
	err    error
}

// compiledSchema compiles the embedded JSON Schema once.
func compiledSchema() (*jsonschema.Schema, error) {
	compiled.once.Do(func() {
		compiled.schema, compiled.err = compile(schemaJSON)
	})
	return compiled.schema, compiled.err
}

// Ready reports whether the embedded schema compiles; validation cannot
// check structure without it. Commands call it before validating, so that
// a broken build fails loudly instead of once per file.
func Ready() error {
	_, err := compiledSchema()
	return err
}

// compile compiles a draft 2020-12 schema.
func compile(src []byte) (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource(schemaURL, bytes.NewReader(src)); err != nil {
		return nil, err
	}
	return c.Compile(schemaURL)
}

func fileOf(doc *cjml.Document) string {
	if doc.Source != nil {
		return doc.Source.File
	}
	return ""
}

// check validates v (the value at m.prefix in m.root) against s and maps
// the errors.
func (m *mapper) check(s *jsonschema.Schema, v any) {
	for _, leaf := range leavesOf(s, v) {
		if m.skip != nil && m.skip(leaf.InstanceLocation) {
			continue
		}
		m.add(leaf)
	}
}

// leavesOf validates v against s and returns the errors that explain the
// failure, or none.
func leavesOf(s *jsonschema.Schema, v any) []*jsonschema.ValidationError {
	err := s.Validate(v)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		// Validate returns other errors only for values that are not
		// JSON (the form never has those).
		return []*jsonschema.ValidationError{{Message: err.Error()}}
	}
	return leaves(ve)
}

// leaves returns the errors that explain ve: the leaves of its tree of
// causes, choosing among the branches of anyOf/oneOf the one that matched
// the document furthest.
func leaves(ve *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(ve.Causes) == 0 {
		return []*jsonschema.ValidationError{ve}
	}
	kw := keyword(ve.KeywordLocation)
	if (kw == "oneOf" || kw == "anyOf") && len(ve.Causes) > 1 {
		best, bestScore := []*jsonschema.ValidationError(nil), -1
		for _, c := range ve.Causes {
			ls := leaves(c)
			score := branchScore(ve.InstanceLocation, ls)
			if score > bestScore {
				best, bestScore = ls, score
			}
		}
		return best
	}
	var out []*jsonschema.ValidationError
	for _, c := range ve.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

// branchScore rates how far a failing branch of anyOf/oneOf matched: the
// depth of its deepest error below the instance the branch was tried on.
// A branch that failed right at that instance on its shape (type, a
// required discriminating key, const) scores lowest.
func branchScore(at string, ls []*jsonschema.ValidationError) int {
	base := depth(at)
	best := 0
	for _, l := range ls {
		d := (depth(l.InstanceLocation) - base) * 4
		switch keyword(l.KeywordLocation) {
		case "type", "const", "enum", "oneOf", "anyOf":
		case "required", "additionalProperties", "unevaluatedProperties", "maxProperties", "minProperties":
			d++
		default:
			d += 2
		}
		best = max(best, d+1)
	}
	return best*1000 - len(ls)
}

func depth(p string) int { return strings.Count(p, "/") }

// keyword returns the keyword a keyword location ends with.
func keyword(loc string) string {
	i := strings.LastIndexByte(loc, '/')
	k := loc[i+1:]
	if _, err := strconv.Atoi(k); err == nil && i > 0 {
		// oneOf/0, allOf/1: the branch index.
		j := strings.LastIndexByte(loc[:i], '/')
		return loc[j+1 : i]
	}
	return k
}

// mapper turns validation errors into diagnostics. The value validated
// sits at prefix in root, the JSON form (or part of it) that form gives
// positions for.
type mapper struct {
	doc    *cjml.Document
	form   *cjml.Form
	root   any
	prefix string
	skip   func(inst string) bool
	out    cjml.Diagnostics
	buf    []byte // for shapes
}

var quoted = regexp.MustCompile(`'((?:[^'\\]|\\.)*)'`)

// names returns the quoted names in a message such as
// "missing properties: 'a', 'b'".
func names(msg string) []string {
	var out []string
	for _, m := range quoted.FindAllStringSubmatch(msg, -1) {
		out = append(out, m[1])
	}
	return out
}

func (m *mapper) add(e *jsonschema.ValidationError) {
	inst := m.prefix + e.InstanceLocation
	kw := keyword(e.KeywordLocation)
	switch {
	case kw == "required" && slices.Contains(names(e.Message), "$text"):
		// An element given child elements or attributes where its text
		// belongs: one finding about the element.
		m.emit(CodeSchemaType, m.form.Position(inst), inst, m.context(inst)+describeName(element(inst))+" must hold text, not child elements")
	case kw == "required":
		for _, n := range names(e.Message) {
			m.emit(CodeSchemaRequired, m.form.Position(inst), join(inst, n), m.missing(inst, n))
		}
	case kw == "additionalProperties" || kw == "unevaluatedProperties":
		for _, n := range names(e.Message) {
			p := join(inst, n)
			m.emit(CodeSchemaUnexpected, m.form.KeyPosition(p), p, m.unexpected(inst, n))
		}
	case kw == "dependentRequired" || strings.HasPrefix(e.KeywordLocation, "dependentRequired") || strings.Contains(e.KeywordLocation, "/dependentRequired/"):
		ns := names(e.Message)
		if len(ns) > 0 {
			m.emit(CodeSchemaRequired, m.form.Position(inst), join(inst, ns[0]), m.missing(inst, ns[0]))
		}
	case e.Message == "not allowed" || kw == "not" || e.Message == "false schema":
		parent, name := split(inst)
		m.emit(CodeSchemaUnexpected, m.form.KeyPosition(inst), inst, m.unexpected(parent, name))
	case kw == "type":
		m.typeError(e)
	case kw == "enum" || kw == "const" || kw == "pattern":
		why := "is not one of the allowed values" + allowed(e.Message)
		if kw == "pattern" {
			why = "has the wrong form"
		}
		if d, ok := schema.DefAt(e.AbsoluteKeywordLocation); ok && d.Description != "" {
			why = "is not allowed: " + firstSentence(d.Description)
		}
		m.emit(CodeSchemaValue, m.form.Position(inst), inst, m.value(inst, why))
	case kw == "minLength":
		if strings.Contains(e.Message, ">= 1,") {
			m.emit(CodeSchemaValue, m.form.Position(inst), inst, m.value(inst, "is empty"))
		} else {
			m.emit(CodeSchemaValue, m.form.Position(inst), inst, m.value(inst, "is too short ("+e.Message+")"))
		}
	case kw == "minimum" || kw == "maximum" || kw == "exclusiveMinimum" || kw == "exclusiveMaximum" ||
		kw == "maxLength" || kw == "format" || kw == "multipleOf":
		m.emit(CodeSchemaValue, m.form.Position(inst), inst, m.value(inst, "is out of range ("+e.Message+")"))
	case kw == "minContains" || kw == "contains":
		if len(e.Causes) > 0 {
			if ns := names(e.Causes[0].Message); len(ns) > 0 {
				m.emit(CodeSchemaRequired, m.form.Position(inst), join(inst, ns[0]), m.missing(inst, ns[0]))
				return
			}
		}
		m.emit(CodeSchemaCount, m.form.Position(inst), inst, m.count(inst, kw, e.Message))
	case kw == "maxContains":
		m.emit(CodeSchemaCount, m.form.Position(inst), inst, m.repeated(inst))
	case kw == "uniqueItems":
		m.emit(CodeSchemaCount, m.form.Position(inst), inst, m.count(inst, kw, e.Message))
	case kw == "minItems" || kw == "maxItems" || kw == "minProperties" || kw == "maxProperties" ||
		kw == "uniqueItems" || kw == "minContains" || kw == "maxContains":
		m.emit(CodeSchemaCount, m.form.Position(inst), inst, m.count(inst, kw, e.Message))
	default:
		m.emit(CodeSchemaInvalid, m.form.Position(inst), inst, m.context(inst)+m.describe(inst)+" is not valid here ("+e.Message+")")
	}
}

// firstSentence returns the first sentence of a description.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// repeated words a $content sequence in which an element occurs more often
// than allowed.
func (m *mapper) repeated(inst string) string {
	ctx := m.context(inst)
	v, _ := lookup(m.root, inst)
	items, _ := v.([]any)
	count := map[string]int{}
	var twice []string
	for _, it := range items {
		im, _ := it.(map[string]any)
		for k := range im {
			count[k]++
			if count[k] == 2 && !strings.HasPrefix(k, "$") && !strings.HasPrefix(k, "@") {
				twice = append(twice, describeName(k))
			}
		}
	}
	slices.Sort(twice)
	if len(twice) == 0 {
		return ctx + describeName(element(inst)) + " repeats an element that may occur only once"
	}
	return ctx + strings.Join(twice, ", ") + " may occur only once in " + describeName(element(inst))
}

func allowed(msg string) string {
	ns := names(msg)
	if len(ns) == 0 {
		if i := strings.Index(msg, "value must be "); i >= 0 {
			return ": " + msg[i+len("value must be "):]
		}
		return ""
	}
	return ": " + strings.Join(ns, ", ")
}

func (m *mapper) emit(code string, pos cjml.Position, path, msg string) {
	r, _ := RuleOf(code)
	if pos.File == "" {
		pos.File = fileOf(m.doc)
	}
	m.out = append(m.out, cjml.Diagnostic{Severity: r.Severity, Code: code, Message: msg, Pos: pos, Path: path})
}

// result returns one finding per element: the first (by the order of the
// codes above: required, unexpected, type, value, count, other) at each
// path, and none inside an element that already has one. The paths start
// with real instead of m.prefix.
func (m *mapper) result(real string) cjml.Diagnostics {
	if real != m.prefix {
		for i := range m.out {
			if strings.HasPrefix(m.out[i].Path, m.prefix) {
				m.out[i].Path = real + m.out[i].Path[len(m.prefix):]
			}
		}
	}
	rank := func(code string) int {
		return slices.Index([]string{CodeSchemaRequired, CodeSchemaUnexpected, CodeSchemaType, CodeSchemaValue, CodeSchemaCount, CodeSchemaInvalid}, code)
	}
	slices.SortStableFunc(m.out, func(a, b cjml.Diagnostic) int { return rank(a.Code) - rank(b.Code) })
	byPath := map[string]cjml.Severity{}
	var out cjml.Diagnostics
	for _, d := range m.out {
		if _, ok := byPath[d.Path]; ok {
			continue
		}
		byPath[d.Path] = d.Severity
		out = append(out, d)
	}
	kept := out[:0]
	for _, d := range out {
		if !insideAny(d.Path, byPath) {
			kept = append(kept, d)
		}
	}
	return kept
}

func join(p, name string) string { return p + "/" + escape(name) }

// split splits a pointer into its parent and last (unescaped) token.
func split(p string) (string, string) {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return "", p
	}
	return p[:i], unescape(p[i+1:])
}

func unescape(t string) string {
	return strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
}

// lookup returns the form value at a pointer.
func lookup(v any, p string) (any, bool) {
	if p == "" {
		return v, true
	}
	for _, tok := range strings.Split(p[1:], "/") {
		tok = unescape(tok)
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// attributes are the keys of the form that are XML attributes.
var attributes = map[string]bool{"version": true, "actorID": true, "actorIDref": true, "phaseID": true, "phaseIDref": true}

// describe names the element or attribute at a pointer: <touchpointID> or
// attribute actorIDref.
func (m *mapper) describe(p string) string {
	_, name := split(p)
	return describeName(name)
}

func describeName(name string) string {
	switch {
	case attributes[name]:
		return "attribute " + name
	case strings.HasPrefix(name, "@"):
		return "attribute " + name[1:]
	case name == "":
		return "the document"
	case name == "journeys":
		return "the journeys"
	}
	if _, err := strconv.Atoi(name); err == nil {
		return "item " + name
	}
	return "<" + name + ">"
}

// element returns the element name a pointer ends in, skipping sequence
// indexes.
func element(p string) string {
	for p != "" {
		parent, name := split(p)
		if _, err := strconv.Atoi(name); err != nil {
			return name
		}
		p = parent
	}
	return ""
}

// context returns "touchpoint T3: ", "actor Carl: ", "journey AJ1: " for
// the innermost such node around the pointer, or "".
func (m *mapper) context(p string) string {
	toks := strings.Split(p, "/")
	var kind, id string
	for i := 1; i+2 < len(toks); i++ {
		node := strings.Join(toks[:i+3], "/")
		switch toks[i] {
		case "journeys":
			kind, id = "journey", m.text(node+"/journeyID")
			if id == "" {
				id = m.text(node + "/journeyID/0")
			}
			if id == "" {
				kind, id = "journey", "#"+itoa1(toks[i+1])
			}
		case "touchpoints":
			kind, id = "touchpoint", m.text(node+"/touchpointID")
			if id == "" {
				kind, id = "touchpoint", "#"+itoa1(toks[i+1])
			}
		case "actors":
			if v, ok := lookup(m.root, node); ok {
				if a, ok := v.(map[string]any); ok {
					id, _ = a["actorID"].(string)
					if id == "" {
						id, _ = a["actorIDref"].(string)
					}
				}
			}
			kind = "actor"
			if id == "" {
				id = "#" + itoa1(toks[i+1])
			} else {
				id = strconv.Quote(strings.TrimSpace(id))
			}
		case "journeyPhases":
			kind = "phase"
			id = m.text(node + "/phaseID")
			if id == "" {
				id = "#" + itoa1(toks[i+1])
			}
		}
	}
	if kind == "" {
		return ""
	}
	return kind + " " + id + ": "
}

func itoa1(s string) string {
	n, err := strconv.Atoi(s)
	if err != nil {
		return s
	}
	return strconv.Itoa(n + 1)
}

// text returns the trimmed text at a pointer, or "".
func (m *mapper) text(p string) string {
	v, ok := lookup(m.root, p)
	if !ok {
		return ""
	}
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case fmt.Stringer:
		return x.String()
	}
	return ""
}

// what names the node a pointer stands for, for the start of a sentence:
// "a planned communication point", "an actor", "journey".
func what(p string) string {
	switch e := element(p); e {
	case "plannedCommunicationPoint":
		return "a planned communication point"
	case "actualCommunicationPoint":
		return "an actual communication point"
	case "plannedAction":
		return "a planned action"
	case "actualAction":
		return "an actual action"
	case "plannedJourney":
		return "a planned journey"
	case "actualJourney":
		return "an actual journey"
	case "":
		return "the CJML root"
	default:
		return describeName(e)
	}
}

// missing words a missing required element.
func (m *mapper) missing(inst, name string) string {
	ctx := m.context(join(inst, name))
	if ctx == "" {
		ctx = m.context(inst)
	}
	switch name {
	case "receiver":
		return ctx + "a communication point needs a <receiver> (use an action for a step by one actor)"
	case "channel":
		return ctx + "a communication point needs a <channel> with a <channelName>"
	case "initiator":
		return ctx + "every touchpoint needs an <initiator> that refers to an actor"
	case "refersTo":
		return ctx + "the " + element(inst) + " needs a <refersTo actorIDref=\"…\"/> naming its actor"
	case "actorIDref":
		return ctx + "<refersTo> needs the attribute actorIDref naming an actor"
	}
	return ctx + what(inst) + " needs " + describeName(name) + ", which is missing"
}

// unexpected words an element or attribute that is not allowed.
func (m *mapper) unexpected(inst, name string) string {
	ctx := m.context(inst)
	parent := element(inst)
	planned := strings.HasPrefix(parent, "planned")
	action := strings.HasSuffix(parent, "Action")
	switch {
	case planned && (name == "touchpointExperience" || name == "journeyExperience"):
		return ctx + "planned " + kindWord(parent) + " cannot have an experience; experience is recorded only in actual journeys"
	case planned && (name == "compliance" || name == "timestamps" || name == "plannedReference" || name == "journeyStatus" ||
		strings.HasPrefix(name, "compliance")):
		return ctx + "planned " + kindWord(parent) + " cannot have <" + name + ">; it belongs to actual journeys"
	case action && (name == "receiver" || name == "channel"):
		return ctx + "an action has only an initiator; it cannot have a <" + name + "> (make it a communication point)"
	case (name == "actorIDref" || name == "actorID") && strings.HasPrefix(ctx, "actor "):
		return ctx + "an actor either declares an ID (actorID) or re-uses one from an earlier journey (actorIDref), not both"
	case parent == "actualJourney" && (name == "plannedCommunicationPoint" || name == "plannedAction"):
		return ctx + "<" + name + "> is not allowed in an actual journey"
	case parent == "plannedJourney" && (name == "actualCommunicationPoint" || name == "actualAction"):
		return ctx + "<" + name + "> is not allowed in a planned journey"
	}
	return ctx + describeName(name) + " is not allowed in " + what(inst)
}

func kindWord(parent string) string {
	if strings.HasSuffix(parent, "Journey") {
		return "journeys"
	}
	return "touchpoints"
}

// value words a value outside what is allowed.
func (m *mapper) value(inst, why string) string {
	v := m.text(inst)
	if v == "" {
		return m.context(inst) + describeName(element(inst)) + " " + why
	}
	return m.context(inst) + describeName(element(inst)) + " " + strconv.Quote(v) + " " + why
}

var shapeWords = map[string]string{
	"object": "attributes or child elements", "array": "a repeated element", "string": "text",
	"number": "a number", "integer": "a whole number", "boolean": "true or false", "null": "nothing",
}

func (m *mapper) typeError(e *jsonschema.ValidationError) {
	inst := m.prefix + e.InstanceLocation
	w, got, ok := strings.Cut(strings.TrimPrefix(e.Message, "expected "), ", but got ")
	if !ok {
		m.emit(CodeSchemaType, m.form.Position(inst), inst, m.context(inst)+describeName(element(inst))+" has the wrong shape ("+e.Message+")")
		return
	}
	want := w
	if strings.Contains(w, "array") {
		want = "array"
	}
	if got == "array" && want != "array" {
		m.emit(CodeSchemaCount, m.form.KeyPosition(inst), inst, m.context(inst)+describeName(element(inst))+" occurs more than once; it may occur only once")
		return
	}
	wants := strings.Split(w, " or ")
	var ws []string
	for _, w := range wants {
		if s, ok := shapeWords[w]; ok {
			ws = append(ws, s)
		} else {
			ws = append(ws, w)
		}
	}
	gw := shapeWords[got]
	if gw == "" {
		gw = got
	}
	if got == "null" || (got == "string" && m.text(inst) == "") {
		gw = "nothing"
	}
	m.emit(CodeSchemaType, m.form.Position(inst), inst,
		m.context(inst)+describeName(element(inst))+" must hold "+strings.Join(ws, " or ")+", not "+gw)
}

func (m *mapper) count(inst, kw, msg string) string {
	ctx := m.context(inst)
	name := describeName(element(inst))
	switch kw {
	case "minItems", "minProperties":
		if strings.Contains(msg, "minimum 1 ") {
			return ctx + name + " is empty"
		}
		return ctx + name + " has too few entries (" + msg + ")"
	case "maxItems", "maxProperties":
		return ctx + name + " has too many entries (" + msg + ")"
	}
	return ctx + name + ": " + msg
}
