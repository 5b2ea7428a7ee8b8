package validate

import (
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"cjml.dev/cjml"
)

// structure checks doc against the schema (when sch is not nil) and reads
// the JSON pointers of its nodes.
//
// A large document is checked journey by journey: the JSON form of a few
// journeys at a time is built, each journey is checked against the schema
// of one item of the journeys sequence, and the form is dropped, on as many goroutines as there are CPUs, so that
// the form of the whole document is never in memory at once. The root is
// checked on its own, with the journeys left out.
func structure(doc *cjml.Document, sch *jsonschema.Schema) (*formPaths, cjml.Diagnostics) {
	n := len(doc.Journeys)
	paths := &formPaths{journeys: make([]journeyOffsets, n)}
	item := itemSchema(sch)
	tps := touchpointSchemas(item)
	us := units(doc)
	perUnit := make([]cjml.Diagnostics, len(us))
	var next atomic.Int64
	work := func() {
		cache := map[string][]*jsonschema.ValidationError{}
		for {
			ui := int(next.Add(1) - 1)
			if ui >= len(us) {
				return
			}
			u := us[ui]
			one := *doc
			one.Extra, one.Comments, one.ProcInsts = cjml.Extra{}, nil, nil
			one.Journeys = doc.Journeys[u.lo:u.hi]
			if u.part {
				one.Journeys = []*cjml.Journey{u.slice(doc.Journeys[u.lo])}
			}
			form := one.Form()
			root, _ := form.Value().(map[string]any)
			items, _ := root["journeys"].([]any)
			for k := range min(len(items), u.hi-u.lo) {
				i := u.lo + k
				if u.tlo == 0 {
					paths.journeys[i] = offsetsOf(items[k])
				}
				if item == nil {
					continue
				}
				local := "/journeys/" + strconv.Itoa(k)
				m := &mapper{doc: doc, form: form, root: root, prefix: local}
				m.checkJourney(item, tps, items[k], cache, u)
				perUnit[ui] = append(perUnit[ui], m.result("/journeys/"+strconv.Itoa(i))...)
			}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(us))
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	if sch == nil {
		return paths, nil
	}
	var out cjml.Diagnostics
	if item == nil {
		// The schema's journeys have no item schema to check one by one:
		// check the whole form.
		form := doc.Form()
		m := &mapper{doc: doc, form: form, root: form.Value()}
		m.check(sch, m.root)
		return paths, m.result("")
	}
	out = append(out, checkRoot(doc, sch)...)
	for _, ds := range perUnit {
		out = append(out, ds...)
	}
	return paths, out
}

// A unit of work: the journeys [lo, hi), or, for a journey with more than
// unitTouchpoints touchpoints (part), its touchpoints [tlo, thi).
type unit struct {
	lo, hi   int
	part     bool
	tlo, thi int
	last     bool // the last part of its journey
}

// unitTouchpoints is about the number of touchpoints whose form is built
// at once.
const unitTouchpoints = 2048

// units divides the journeys into units of work of at most chunk journeys
// and about unitTouchpoints touchpoints; long journeys are cut into parts.
func units(doc *cjml.Document) []unit {
	var us []unit
	n := len(doc.Journeys)
	for i := 0; i < n; {
		if t := len(doc.Journeys[i].Touchpoints); t > unitTouchpoints && splitTouchpoints {
			for lo := 0; lo < t; lo += unitTouchpoints {
				hi := min(lo+unitTouchpoints, t)
				us = append(us, unit{lo: i, hi: i + 1, part: true, tlo: lo, thi: hi, last: hi == t})
			}
			i++
			continue
		}
		lo, tps := i, 0
		for i < n && i-lo < chunk {
			t := len(doc.Journeys[i].Touchpoints)
			if i > lo && (tps+t > unitTouchpoints || t > unitTouchpoints) {
				break
			}
			tps += t
			i++
		}
		us = append(us, unit{lo: lo, hi: i})
	}
	return us
}

// slice returns a copy of j with only the unit's touchpoints. Elements
// kept inside <touchpoints> that are not touchpoints follow the last part
// only, where their index in the form is the same as in the whole journey.
func (u unit) slice(j *cjml.Journey) *cjml.Journey {
	c := *j
	c.Touchpoints = j.Touchpoints[u.tlo:u.thi]
	if !u.last {
		c.Extra.Elems = nil
		for _, e := range j.Extra.Elems {
			if e.In != "touchpoints" {
				c.Extra.Elems = append(c.Extra.Elems, e)
			}
		}
	}
	return &c
}

// chunk is the number of journeys whose form is built at once: enough to
// use the encoder's memory well, few enough to keep it small.
const chunk = 32

// splitTouchpoints checks the touchpoints of a journey one by one, with
// the results memoized by shape (see checkJourney). Tests turn it off to
// compare with checking each journey whole.
var splitTouchpoints = true

// maxShapes bounds the memo of touchpoint shapes of one worker.
const maxShapes = 1 << 12

// checkJourney checks one item of the journeys sequence. Its touchpoints
// are checked one by one against the schema of a touchpoints item, and the
// journey without them against the journey's schema: the touchpoints
// sequences of the schema constrain only their items, so this finds the
// same errors. The errors of a touchpoint depend only on its shape — its
// keys, the kinds of its values, and the values of the keys whose text the
// schema constrains (compliance, experienceRating, …) — so touchpoints of
// one shape are checked once (see shape). Journeys whose touchpoints sit
// in a $content sequence are checked whole.
func (m *mapper) checkJourney(item *jsonschema.Schema, tps map[string]*jsonschema.Schema, v any, cache map[string][]*jsonschema.ValidationError, u unit) {
	jm, _ := v.(map[string]any)
	var kind string
	var body map[string]any
	if len(jm) == 1 {
		for k, b := range jm {
			kind = k
			body, _ = b.(map[string]any)
		}
	}
	list, isList := body["touchpoints"].([]any)
	_, content := body["$content"]
	tp := tps[kind]
	if !splitTouchpoints || tp == nil || !isList || content || len(list) == 0 {
		if u.tlo == 0 {
			m.check(item, v)
		}
		return
	}
	bare := make(map[string]any, len(body))
	for k, x := range body {
		bare[k] = x
	}
	bare["touchpoints"] = []any{}
	journey := m.prefix
	// The journey without its touchpoints: memoized by shape too, since
	// journeys with the same actors and phases repeat.
	bareItem := map[string]any{kind: bare}
	if u.tlo == 0 {
		b := shape(append(m.buf[:0], "journey\x00"...), "", bareItem)
		m.buf = b
		leaves, ok := cache[string(b)]
		if !ok {
			leaves = leavesOf(item, bareItem)
			if len(cache) < maxShapes {
				cache[string(b)] = leaves
			}
		}
		for _, l := range leaves {
			m.add(l)
		}
	}
	// In a part of a long journey, the touchpoints list starts with the
	// same attribute and comment items as in the others (checked with the
	// first part) and the touchpoints are the part's.
	lead := leading(list)
	for t, x := range list {
		real := t
		if t >= lead {
			real = t + u.tlo
		} else if u.tlo > 0 {
			continue
		}
		b := shape(append(m.buf[:0], kind+"\x00"...), "", x)
		m.buf = b
		leaves, ok := cache[string(b)]
		if !ok {
			leaves = leavesOf(tp, x)
			if len(cache) < maxShapes {
				cache[string(b)] = leaves
			}
		}
		if len(leaves) == 0 {
			continue
		}
		m.prefix = journey + "/" + escape(kind) + "/touchpoints/" + strconv.Itoa(t)
		from := len(m.out)
		for _, l := range leaves {
			m.add(l)
		}
		if real != t {
			to := journey + "/" + escape(kind) + "/touchpoints/" + strconv.Itoa(real)
			for d := from; d < len(m.out); d++ {
				if p := m.out[d].Path; strings.HasPrefix(p, m.prefix) {
					m.out[d].Path = to + p[len(m.prefix):]
				}
			}
		}
	}
	m.prefix = journey
}

// freeText are the keys of a journey whose text the schema checks only
// for being empty or blank (text, idText, idValue and textValue in the
// schema): a shape records only that of their values. The value of any
// other key is part of the shape. TestFreeTextKeys checks the list against
// the schema.
var freeText = map[string]bool{
	"touchpointID": true, "message": true, "touchpointDuration": true, "deltaTime": true,
	"comment": true, "category": true, "uncertainty": true, "initiatorLabel": true,
	"receiverLabel": true, "actorIDref": true, "channelName": true, "phaseIDref": true,
	"timeOriginated": true, "timeReceived": true, "timeConsumed": true, "timeStarted": true,
	"timeCompleted": true, "experienceDescription": true, "$comment": true,
	// Journeys, phases and actors.
	"journeyID": true, "journeyTitle": true, "plannedReference": true, "journeyShortSummary": true,
	"journeyLongSummary": true, "journeyStatus": true, "journeyOperators": true, "creator": true,
	"journeyEndUserType": true, "journeyStartDate": true, "phaseID": true, "phaseName": true,
	"phaseDescription": true, "actorID": true, "actorName": true, "companyName": true,
	"providerType": true, "department": true, "position": true,
}

// shape appends a canonical description of v to b: keys sorted, free text
// reduced to empty, blank or text. Keys (XML names) and values (XML text)
// cannot hold the bytes 0 and 1 that delimit them.
func shape(b []byte, key string, v any) []byte {
	switch x := v.(type) {
	case map[string]any:
		var buf [16]string
		keys := buf[:0]
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for _, k := range keys {
			b = append(b, k...)
			b = append(b, 0)
			b = shape(b, k, x[k])
			b = append(b, 1)
		}
		return append(b, '}')
	case []any:
		b = append(b, '[')
		for _, e := range x {
			b = shape(b, key, e)
			b = append(b, 1)
		}
		return append(b, ']')
	case string:
		switch {
		case !freeText[key]:
			b = append(b, '"')
			b = strconv.AppendInt(b, int64(len(x)), 10)
			b = append(b, ':')
			return append(b, x...)
		case x == "":
			return append(b, 'E')
		case strings.TrimSpace(x) == "":
			return append(b, 'B')
		}
		return append(b, 'T')
	case json.Number:
		b = append(b, '#')
		return append(b, x...)
	case nil:
		return append(b, 'N')
	}
	return fmt.Appendf(b, "%T:%v", v, v)
}

// touchpointSchemas finds the schemas of one item of the touchpoints
// sequence of each journey kind.
func touchpointSchemas(item *jsonschema.Schema) map[string]*jsonschema.Schema {
	out := map[string]*jsonschema.Schema{}
	for _, kind := range []string{"plannedJourney", "actualJourney"} {
		j := property(item, kind)
		t := property(j, "touchpoints")
		for t != nil && t.Items2020 == nil {
			t = t.Ref
		}
		if t != nil {
			out[kind] = t.Items2020
		}
	}
	return out
}

// property returns the schema of a property, following $ref.
func property(s *jsonschema.Schema, name string) *jsonschema.Schema {
	for s != nil {
		if p, ok := s.Properties[name]; ok {
			return p
		}
		s = s.Ref
	}
	return nil
}

// itemSchema finds the schema of one item of the journeys sequence.
func itemSchema(s *jsonschema.Schema) *jsonschema.Schema {
	if s == nil {
		return nil
	}
	for s.Ref != nil && s.Properties == nil {
		s = s.Ref
	}
	j := s.Properties["journeys"]
	for j != nil {
		if j.Items2020 != nil {
			return j.Items2020
		}
		if it, ok := j.Items.(*jsonschema.Schema); ok {
			return it
		}
		j = j.Ref
	}
	return nil
}

// checkRoot checks the root of doc with its journeys replaced by
// placeholders whose own findings are dropped (each journey is checked on
// its own).
func checkRoot(doc *cjml.Document, sch *jsonschema.Schema) cjml.Diagnostics {
	bare := *doc
	bare.Journeys = nil
	form := bare.Form()
	root, ok := form.Value().(map[string]any)
	if !ok {
		return nil
	}
	n := len(doc.Journeys)
	// A placeholder {plannedJourney: {}} keeps the root's own rules about
	// the journeys (at least one) working; its findings are dropped.
	items := make([]any, 0, n)
	for _, j := range doc.Journeys {
		items = append(items, map[string]any{j.Kind.Tag(): map[string]any{}})
	}
	if extra, ok := root["journeys"].([]any); ok {
		items = append(items, extra...)
	}
	v := make(map[string]any, len(root))
	for k, x := range root {
		v[k] = x
	}
	v["journeys"] = items
	m := &mapper{doc: doc, form: form, root: v, skip: func(inst string) bool {
		if !strings.HasPrefix(inst, "/journeys/") {
			return false
		}
		rest := inst[len("/journeys/"):]
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			rest = rest[:i]
		}
		k, err := strconv.Atoi(rest)
		return err == nil && k < n
	}}
	m.check(sch, v)
	return m.result("")
}
