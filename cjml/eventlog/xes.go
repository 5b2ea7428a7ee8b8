package eventlog

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"cjml.dev/cjml"
	"cjml.dev/internal/textutil"
)

// XES (IEEE 1849) is read as a stream with encoding/xml: the attributes and
// events of one trace are kept until the trace ends, turned into a journey
// and handed on; then the next trace is read into the same buffers.

// An xattr is one XES attribute: <string key="org:resource" value="Ann"/>.
type xattr struct {
	key, norm, val string
	p              pos
}

type xevent struct {
	p     pos
	attrs []xattr
}

type xesReader struct {
	im         *importer
	d          *xml.Decoder
	open       []xml.Name // the elements open, outermost first
	traces     int
	caseSuffix suffixer
	// Buffers reused from trace to trace.
	traceAttrs []xattr
	events     []xevent
}

// xesDefaults are the attribute keys (normalized) each role is found under:
// the XES standard extensions' keys first, then the CSV header names.
var xesDefaults = func() [numRoles][]string {
	var d [numRoles][]string
	std := map[Role][]string{
		Case:      {"conceptname"},
		Activity:  {"conceptname"},
		Time:      {"timetimestamp"},
		Lifecycle: {"lifecycletransition"},
	}
	for r := range numRoles {
		d[r] = append(std[r], defaultNames[r]...)
		if r == Case || r == Activity {
			// "concept:name" is the trace's name and the event's
			// activity; neither takes the other's CSV names.
			d[r] = std[r]
			if r == Case {
				d[r] = append(d[r], "caseid", "case", "casejourney", "journey")
			} else {
				d[r] = append(d[r], "activity", "label", "initiatorlabel", "initiatorslabel")
			}
		}
	}
	return d
}()

// traceRoles are the roles an event takes from its trace's attributes when
// it has no attribute of its own for them.
func traceRole(r Role) bool {
	switch r {
	case Case, Activity, Time, Lifecycle, Touchpoint:
		return false
	}
	return true
}

func (im *importer) readXES(r io.Reader) {
	d := xml.NewDecoder(&limitReader{r: r, n: im.maxBytes})
	x := &xesReader{im: im, d: d}
	x.read()
}

// next returns the next token and the position where it starts; ok is
// false at the end of the input or after a fatal error (reported).
func (x *xesReader) next() (tok xml.Token, p pos, ok bool) {
	l, c := x.d.InputPos()
	p = pos{l, c}
	// RawToken, not Token: XES needs no namespace translation, and the
	// nesting is checked here (a sixth fewer allocations).
	tok, err := x.d.RawToken()
	if err == io.EOF {
		if len(x.open) > 0 {
			x.im.fatal(CodeSyntax, p, "not well-formed XML: unexpected EOF")
		}
		return nil, p, false
	}
	if err != nil {
		x.fail(err)
		return nil, p, false
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if len(x.open) >= x.im.maxDepth {
			x.im.fatal(CodeTooDeep, p, "elements nest deeper than %d levels", x.im.maxDepth)
			return nil, p, false
		}
		x.open = append(x.open, t.Name)
	case xml.EndElement:
		if len(x.open) == 0 {
			x.im.fatal(CodeSyntax, p, "not well-formed XML: unexpected end element </%s>", xmlName(t.Name))
			return nil, p, false
		}
		if top := x.open[len(x.open)-1]; top != t.Name {
			x.im.fatal(CodeSyntax, p, "not well-formed XML: element <%s> closed by </%s>", xmlName(top), xmlName(t.Name))
			return nil, p, false
		}
		x.open = x.open[:len(x.open)-1]
	}
	return tok, p, true
}

func xmlName(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

func (x *xesReader) fail(err error) {
	l, c := x.d.InputPos()
	if errors.Is(err, errTooLarge) {
		x.im.fatal(CodeTooLarge, pos{}, "the log is larger than the %s limit", textutil.ByteSize(x.im.maxBytes))
		return
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		if se.Line != l {
			l, c = se.Line, 0
		}
		x.im.fatal(CodeSyntax, pos{l, c}, "not well-formed XML: %s", se.Msg)
		return
	}
	x.im.fatal(CodeSyntax, pos{l, c}, "cannot read: %s", strings.TrimPrefix(err.Error(), "xml: "))
}

// skip reads up to the end of the element just started. Events inside it
// are not read, and are reported and counted as skipped.
func (x *xesReader) skip() bool {
	for depth := 1; depth > 0; {
		tok, p, ok := x.next()
		if !ok {
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "event" {
				x.im.skip(CodeOutsideTrace, p, "event outside a trace's list of events")
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return true
}

func (x *xesReader) read() {
	im := x.im
	for {
		tok, p, ok := x.next()
		if !ok {
			if !im.stopped {
				im.fatal(CodeSyntax, p, "not an XES log: no <log> element")
			}
			return
		}
		if se, isStart := tok.(xml.StartElement); isStart {
			if se.Name.Local != "log" {
				im.fatal(CodeSyntax, p, "not an XES log: the root element is <%s>, want <log>", se.Name.Local)
				return
			}
			break
		}
	}
	for {
		tok, p, ok := x.next()
		if !ok {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "trace":
				if !x.trace(p) {
					return
				}
			case "event":
				im.skip(CodeOutsideTrace, p, "event outside a trace")
				if !x.skip() {
					return
				}
			default: // log attributes, extension, global, classifier
				if !x.skip() {
					return
				}
			}
		case xml.EndElement:
			// The end of <log>: only comments and white space may follow.
			for {
				tok, p, ok := x.next()
				if !ok {
					return
				}
				if _, isStart := tok.(xml.StartElement); isStart {
					im.fatal(CodeSyntax, p, "not well-formed XML: an element after the end of <log>")
					return
				}
			}
		}
	}
}

func isAttrElem(name string) bool {
	switch name {
	case "string", "date", "int", "float", "boolean", "id":
		return true
	}
	return false
}

// attribute reads a scalar attribute element (its nested meta-attributes
// are skipped). ok is false after a fatal error.
func (x *xesReader) attribute(se xml.StartElement, p pos) (a xattr, keep, ok bool) {
	var hasKey bool
	for _, at := range se.Attr {
		switch at.Name.Local {
		case "key":
			a.key, hasKey = at.Value, true
		case "value":
			a.val = strings.TrimSpace(at.Value)
		}
	}
	a.p = p
	if !x.skip() {
		return a, false, false
	}
	if !hasKey {
		x.im.report(cjml.Warning, CodeBadAttribute, p, "<%s> attribute without a key ignored", se.Name.Local)
		return a, false, true
	}
	a.norm = normKey(a.key)
	return a, true, true
}

// trace reads one trace and builds its journey. It returns false after a
// fatal error.
func (x *xesReader) trace(tp pos) bool {
	x.traces++
	x.traceAttrs = x.traceAttrs[:0]
	x.events = x.events[:0]
	for done := false; !done; {
		tok, p, ok := x.next()
		if !ok {
			return false
		}
		switch t := tok.(type) {
		case xml.EndElement:
			done = true
		case xml.StartElement:
			switch {
			case isAttrElem(t.Name.Local):
				a, keep, ok := x.attribute(t, p)
				if !ok {
					return false
				}
				if keep {
					x.traceAttrs = append(x.traceAttrs, a)
				}
			case t.Name.Local == "event":
				if !x.event(p) {
					return false
				}
			default:
				if !x.skip() {
					return false
				}
			}
		}
	}
	return x.build(tp)
}

// event reads one event's attributes into x.events.
func (x *xesReader) event(ep pos) bool {
	var ev xevent
	if n := len(x.events); n < cap(x.events) {
		ev.attrs = x.events[:n+1][n].attrs[:0] // reuse the attribute buffer
	}
	ev.p = ep
	for {
		tok, p, ok := x.next()
		if !ok {
			return false
		}
		switch t := tok.(type) {
		case xml.EndElement:
			x.events = append(x.events, ev)
			return true
		case xml.StartElement:
			if !isAttrElem(t.Name.Local) {
				if !x.skip() {
					return false
				}
				continue
			}
			a, keep, ok := x.attribute(t, p)
			if !ok {
				return false
			}
			if keep {
				ev.attrs = append(ev.attrs, a)
			}
		}
	}
}

// lookup finds the attribute of role r: the mapping's key (exactly, else
// normalized), else the first default key found (the XES standard keys
// first).
func (x *xesReader) lookup(attrs []xattr, r Role) (xattr, bool) {
	if name := x.im.m.Columns[r]; name != "" {
		for _, a := range attrs {
			if a.key == name {
				return a, true
			}
		}
		k := normKey(name)
		for _, a := range attrs {
			if a.norm == k {
				return a, true
			}
		}
		// A mapping written for the CSV form of a log names columns
		// such as "Case ID"; in XES the standard keys stand for them.
	}
	for _, d := range xesDefaults[r] {
		for _, a := range attrs {
			if a.norm == d {
				return a, true
			}
		}
	}
	return xattr{}, false
}

// build turns the trace just read into a journey.
func (x *xesReader) build(tp pos) bool {
	im := x.im
	id := ""
	if a, ok := x.lookup(x.traceAttrs, Case); ok {
		id = a.val
		if invalidChar(id) >= 0 {
			id = ""
		}
	}
	if id == "" {
		id = "trace-" + strconv.Itoa(x.traces)
		im.report(cjml.Warning, CodeNoCase, tp, "trace without a name (concept:name); its journey is %s", textutil.Quote(id))
	}
	if im.caseIDs[id] {
		base := id
		id = x.caseSuffix.fresh(base, func(id string) bool { return im.caseIDs[id] })
		im.report(cjml.Warning, CodeDuplicateID, tp, "trace name %s is repeated; this journey is %s", textutil.Quote(base), textutil.Quote(id))
	}
	im.caseIDs[id] = true
	if len(x.events) == 0 {
		im.report(cjml.Warning, CodeEmptyCase, tp, "trace %s has no events; no journey is made of it", textutil.Quote(id))
		return true
	}
	evs := make([]*event, 0, len(x.events))
	for i := range x.events {
		xe := &x.events[i]
		ev := &event{pos: xe.p}
		for r := range numRoles {
			if r == Case {
				continue
			}
			a, ok := x.lookup(xe.attrs, r)
			if !ok && traceRole(r) {
				a, ok = x.lookup(x.traceAttrs, r)
			}
			if ok {
				ev.vals[r], ev.vpos[r] = a.val, a.p
			}
		}
		if im.check(ev, false) {
			evs = append(evs, ev)
		}
	}
	if len(evs) > 0 {
		im.journey(id, tp, evs) // else every event was reported
	}
	return !im.stopped
}
