package cjml

import (
	"fmt"
	"slices"
	"strings"

	"cjml.dev/internal/textutil"
)

// The YAML/JSON form mirrors the XML one to one, with the same names:
//
//   - the document is a mapping with version, journeys (a sequence of
//     one-key mappings {plannedJourney: …} or {actualJourney: …}) and, when
//     present, $comment and $procInst;
//   - an element with only text is a scalar;
//   - any other element is a mapping: its attributes first (the CJML
//     attributes version, actorID, actorIDref, phaseID and phaseIDref by
//     name, any other as "@name"), then $comment, $text, then its child
//     elements by name; repeated children become a sequence;
//   - the list elements actors, touchpoints and journeyPhases are
//     sequences of one-key mappings, so that mixed kinds keep their order;
//   - children that repeat a name non-contiguously, or collide with an
//     attribute name, are written as $content: a sequence of one-key
//     mappings in document order.
//
// XML → YAML → XML and XML → JSON → XML therefore give back the same model.

type fkind uint8

const (
	fStr fkind = iota
	fNum
	fNull
	fMap
	fSeq
)

// fval is a value of the JSON form with the positions it was read from (or,
// when built from a model, the positions the model was read from).
type fval struct {
	kind fkind
	str  string
	keys []string
	kpos []Pos
	vals []*fval
	pos  Pos
}

func (v *fval) set(key string, kpos Pos, val *fval) {
	v.keys = append(v.keys, key)
	v.kpos = append(v.kpos, kpos)
	v.vals = append(v.vals, val)
}

func (v *fval) get(key string) *fval {
	for i, k := range v.keys {
		if k == key {
			return v.vals[i]
		}
	}
	return nil
}

func scalar(s string, pos Pos) *fval { return &fval{kind: fStr, str: s, pos: pos} }

// bareAttrs are the CJML attributes, written in the form without "@".
var bareAttrs = map[string]bool{"version": true, "actorID": true, "actorIDref": true, "phaseID": true, "phaseIDref": true}

// listElems are the elements whose form is a sequence.
var listElems = map[string]bool{"actors": true, "touchpoints": true, "journeyPhases": true}

func attrKey(name string) string {
	if bareAttrs[name] {
		return name
	}
	return "@" + name
}

// formDocument builds the form of a document tree.
func formDocument(root *node, pis []ProcInst) *fval {
	m := &fval{kind: fMap, pos: root.pos}
	for _, a := range root.attrs {
		m.set(attrKey(a.name), a.pos, scalar(a.value, a.vpos))
	}
	if len(root.comments) > 0 {
		m.set("$comment", NoPos, formComments(root.comments))
	}
	if len(pis) > 0 {
		s := &fval{kind: fSeq}
		for _, pi := range pis {
			p := &fval{kind: fMap}
			p.set("target", NoPos, scalar(pi.Target, NoPos))
			p.set("data", NoPos, scalar(pi.Inst, NoPos))
			s.vals = append(s.vals, p)
		}
		m.set("$procInst", NoPos, s)
	}
	m.set("journeys", root.pos, formItems(root, false))
	return m
}

func formComments(cs []string) *fval {
	if len(cs) == 1 {
		return scalar(cs[0], NoPos)
	}
	s := &fval{kind: fSeq}
	for _, c := range cs {
		s.vals = append(s.vals, scalar(c, NoPos))
	}
	return s
}

// formItems builds the sequence form of n's content: one one-key mapping
// per child element, and, with attrs, per attribute, comment and text.
func formItems(n *node, all bool) *fval {
	s := &fval{kind: fSeq, pos: n.pos}
	item := func(key string, kpos Pos, v *fval) {
		m := &fval{kind: fMap, pos: kpos}
		m.set(key, kpos, v)
		s.vals = append(s.vals, m)
	}
	if all {
		for _, a := range n.attrs {
			item("@"+a.name, a.pos, scalar(a.value, a.vpos))
		}
		for _, c := range n.comments {
			item("$comment", NoPos, scalar(c, NoPos))
		}
		if !isBlank(n.text) {
			item("$text", n.textPos, scalar(n.text, n.textPos))
		}
	}
	for k := n.first; k != nil; k = k.next {
		item(k.name, k.pos, formElem(k))
	}
	return s
}

func formElem(n *node) *fval {
	if listElems[local(n.name)] {
		return formItems(n, true)
	}
	if len(n.attrs) == 0 && n.first == nil && len(n.comments) == 0 {
		v := scalar(n.text, n.textPos)
		if n.num {
			v.kind = fNum
		}
		return v
	}
	m := &fval{kind: fMap, pos: n.pos}
	for _, a := range n.attrs {
		m.set(attrKey(a.name), a.pos, scalar(a.value, a.vpos))
	}
	if len(n.comments) > 0 {
		m.set("$comment", NoPos, formComments(n.comments))
	}
	if !isBlank(n.text) {
		m.set("$text", n.textPos, scalar(n.text, n.textPos))
	}
	if !groupable(n) {
		c := formItems(n, false)
		m.set("$content", n.pos, c)
		return m
	}
	for k := n.first; k != nil; {
		run := []*node{k}
		for k = k.next; k != nil && k.name == run[0].name; k = k.next {
			run = append(run, k)
		}
		if len(run) == 1 {
			m.set(run[0].name, run[0].pos, formElem(run[0]))
			continue
		}
		s := &fval{kind: fSeq, pos: run[0].pos}
		for _, r := range run {
			s.vals = append(s.vals, formElem(r))
		}
		m.set(run[0].name, run[0].pos, s)
	}
	return m
}

// groupable reports whether n's children can be written as mapping keys:
// each name in one contiguous run, and no name that reads as an attribute.
func groupable(n *node) bool {
	var seen []string
	prev := ""
	for k := n.first; k != nil; k = k.next {
		if bareAttrs[k.name] {
			return false
		}
		if k.name == prev {
			continue
		}
		if slices.Contains(seen, k.name) {
			return false
		}
		seen = append(seen, k.name)
		prev = k.name
	}
	return true
}

// formReader turns a form value back into a node tree, reporting what has
// no XML counterpart.
type formReader struct {
	src      *Source
	diags    Diagnostics
	slab     slab
	maxDepth int
}

func (r *formReader) errorf(pos Pos, code, format string, args ...any) {
	r.diags = append(r.diags, Diagnostic{Severity: Error, Code: code, Message: fmt.Sprintf(format, args...), Pos: r.src.Position(pos)})
}

func (r *formReader) document(v *fval) (*node, []ProcInst) {
	if v.kind != fMap {
		r.errorf(v.pos, CodeRoot, "the document must be a mapping with version and journeys")
		return nil, nil
	}
	root := r.slab.node()
	root.name = "CJML"
	root.pos = v.pos
	var pis []ProcInst
	for i, key := range v.keys {
		val, kpos := v.vals[i], v.kpos[i]
		switch key {
		case "journeys":
			if val.kind == fNull {
				continue
			}
			if val.kind != fSeq {
				r.errorf(val.pos, CodeBadKey, "journeys must be a sequence of {plannedJourney: …} and {actualJourney: …} items")
				continue
			}
			r.items(root, val, 1, false)
		case "$procInst":
			pis = append(pis, r.procInsts(val)...)
		default:
			r.member(root, key, kpos, val, 1)
		}
	}
	return root, pis
}

func (r *formReader) procInsts(v *fval) []ProcInst {
	var out []ProcInst
	if v.kind != fSeq {
		r.errorf(v.pos, CodeBadKey, "$procInst must be a sequence of {target, data} mappings")
		return nil
	}
	for _, it := range v.vals {
		t, d := it.get("target"), it.get("data")
		if it.kind != fMap || t == nil || t.kind > fNum || (d != nil && d.kind > fNull) {
			r.errorf(it.pos, CodeBadKey, "$procInst items are mappings with target and data")
			continue
		}
		pi := ProcInst{Target: t.str}
		if d != nil {
			pi.Inst = trim(normalizeNewlines(d.str))
		}
		if !isXMLName(pi.Target) || strings.EqualFold(pi.Target, "xml") || strings.Contains(pi.Inst, "?>") || !r.checkChars(pi.Inst, d.pos) {
			r.errorf(it.pos, CodeBadKey, "processing instruction <?%s?> cannot be written as XML", pi.Target)
			continue
		}
		out = append(out, pi)
	}
	return out
}

// member adds the mapping entry key: val to the element n.
func (r *formReader) member(n *node, key string, kpos Pos, val *fval, depth int) {
	switch {
	case key == "$comment":
		r.comments(n, val)
	case key == "$text":
		if s, ok := r.text(val); ok {
			n.text, n.textPos = s, val.pos
		}
	case key == "$content":
		if val.kind != fSeq {
			r.errorf(val.pos, CodeBadKey, "$content must be a sequence of one-key mappings")
			return
		}
		r.items(n, val, depth, false)
	case strings.HasPrefix(key, "@") || bareAttrs[key]:
		name := strings.TrimPrefix(key, "@")
		if !isQName(name) {
			r.errorf(kpos, CodeBadKey, "%s is not an XML attribute name", textutil.Quote(name))
			return
		}
		s, ok := r.text(val)
		if !ok {
			return
		}
		for _, a := range n.attrs {
			if a.name == name {
				r.errorf(kpos, CodeBadKey, "attribute %s is given twice", name)
				return
			}
		}
		n.attrs = append(n.attrs, attr{name: name, value: s, pos: kpos, vpos: val.pos})
	case strings.HasPrefix(key, "$"):
		r.errorf(kpos, CodeBadKey, "unknown key %s; the keys starting with $ are $comment, $text, $content and $procInst", textutil.Quote(key))
	case !isQName(key):
		r.errorf(kpos, CodeBadKey, "%s is not an XML element name", textutil.Quote(key))
	case val.kind == fSeq && (!listElems[local(key)] || len(val.vals) > 0 && val.vals[0].kind == fSeq):
		// Repeated elements.
		for _, it := range val.vals {
			r.child(n, key, kpos, it, depth)
		}
	default:
		r.child(n, key, kpos, val, depth)
	}
}

func (r *formReader) child(n *node, name string, kpos Pos, val *fval, depth int) {
	if depth >= r.maxDepth {
		r.errorf(kpos, CodeTooDeep, "values nest deeper than %d levels", r.maxDepth)
		return
	}
	k := r.slab.node()
	k.name = name
	k.pos = kpos
	n.add(k)
	switch val.kind {
	case fNull:
	case fStr, fNum:
		if r.checkChars(val.str, val.pos) {
			k.text, k.textPos = val.str, val.pos
		}
	case fSeq:
		if !listElems[local(name)] {
			r.errorf(val.pos, CodeBadKey, "a sequence inside a sequence for %s; repeat elements with one sequence", name)
			return
		}
		r.items(k, val, depth+1, true)
	case fMap:
		for i, key := range val.keys {
			r.member(k, key, val.kpos[i], val.vals[i], depth+1)
		}
	}
}

// items reads a sequence of one-key mappings into n's content.
func (r *formReader) items(n *node, seq *fval, depth int, attrs bool) {
	for _, it := range seq.vals {
		if it.kind != fMap || len(it.keys) != 1 {
			r.errorf(it.pos, CodeBadKey, "each item of %s must be a mapping with exactly one key, such as {%s: …}", n.name, itemHint(n.name))
			continue
		}
		key, kpos, val := it.keys[0], it.kpos[0], it.vals[0]
		if !attrs && (strings.HasPrefix(key, "@") || key == "$text") {
			r.errorf(kpos, CodeBadKey, "%s is not allowed here", textutil.Quote(key))
			continue
		}
		if key == "$content" {
			r.errorf(kpos, CodeBadKey, "$content is not allowed inside a sequence")
			continue
		}
		if key == "$comment" || key == "$text" || strings.HasPrefix(key, "@") {
			r.member(n, key, kpos, val, depth)
			continue
		}
		if !isQName(key) {
			r.errorf(kpos, CodeBadKey, "%s is not an XML element name", textutil.Quote(key))
			continue
		}
		r.child(n, key, kpos, val, depth)
	}
}

func itemHint(container string) string {
	switch container {
	case "actors":
		return "endUser"
	case "touchpoints":
		return "plannedCommunicationPoint"
	case "journeyPhases":
		return "journeyPhase"
	}
	return "plannedJourney"
}

func (r *formReader) text(v *fval) (string, bool) {
	switch v.kind {
	case fNull:
		return "", true
	case fStr, fNum:
		return v.str, r.checkChars(v.str, v.pos)
	}
	r.errorf(v.pos, CodeBadKey, "expected a text value, found a %s", kindName(v.kind))
	return "", false
}

func (r *formReader) comments(n *node, v *fval) {
	vals := []*fval{v}
	if v.kind == fSeq {
		vals = v.vals
	}
	for _, c := range vals {
		if s, ok := r.text(c); ok {
			n.comments = append(n.comments, cleanComment(s))
		}
	}
}

// checkChars reports a value XML cannot hold.
func (r *formReader) checkChars(s string, pos Pos) bool {
	if err := checkChars(s, "value"); err != nil {
		r.errorf(pos, CodeInvalidChar, "the value %s", strings.TrimPrefix(err.Error(), "text in <value> "))
		return false
	}
	return true
}

// cleanComment brings a comment into the form XML can hold and the XML
// reader produces: trimmed, with \n line ends and no "--".
func cleanComment(s string) string {
	s = normalizeNewlines(s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "- -")
	}
	return trim(s)
}

func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func kindName(k fkind) string {
	switch k {
	case fMap:
		return "mapping"
	case fSeq:
		return "sequence"
	case fNull:
		return "null"
	}
	return "text value"
}
