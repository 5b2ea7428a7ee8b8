package validate

import (
	"runtime"
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
	perJourney := make([]cjml.Diagnostics, n)
	var next atomic.Int64
	work := func() {
		for {
			lo := int(next.Add(chunk)) - chunk
			if lo >= n {
				return
			}
			hi := min(lo+chunk, n)
			one := *doc
			one.Journeys = doc.Journeys[lo:hi]
			one.Extra, one.Comments, one.ProcInsts = cjml.Extra{}, nil, nil
			form := one.Form()
			root, _ := form.Value().(map[string]any)
			items, _ := root["journeys"].([]any)
			for k := range min(len(items), hi-lo) {
				i := lo + k
				paths.journeys[i] = offsetsOf(items[k])
				if item == nil {
					continue
				}
				local := "/journeys/" + strconv.Itoa(k)
				m := &mapper{doc: doc, form: form, root: root, prefix: local}
				m.check(item, items[k])
				perJourney[i] = m.result("/journeys/" + strconv.Itoa(i))
			}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), n/chunk+1)
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
	for _, ds := range perJourney {
		out = append(out, ds...)
	}
	return paths, out
}

// chunk is the number of journeys whose form is built at once: enough to
// use the encoder's memory well, few enough to keep it small.
const chunk = 32

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
