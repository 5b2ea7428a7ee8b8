package cjml

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

// corpus returns the example documents and the producer fixtures.
func corpus(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"../examples/*.xml", "../examples/*.yaml", "../examples/*.json", "testdata/producers/*.xml"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	if len(files) < 8 {
		t.Fatalf("corpus has only %d files", len(files))
	}
	return files
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// stripped returns doc with every position removed, so that documents read
// from different syntaxes compare equal when their content is equal.
func stripped(doc *Document) *Document {
	if doc == nil {
		return nil
	}
	d := *doc
	d.Source = nil
	d.Origin = Origin{}
	d.Extra = stripExtra(d.Extra)
	d.Journeys = nil
	for _, j := range doc.Journeys {
		jj := *j
		jj.Origin = Origin{}
		jj.Extra = stripExtra(j.Extra)
		jj.Phases, jj.Actors, jj.Touchpoints = nil, nil, nil
		for _, p := range j.Phases {
			pp := *p
			pp.Origin, pp.Extra = Origin{}, stripExtra(p.Extra)
			jj.Phases = append(jj.Phases, &pp)
		}
		for _, a := range j.Actors {
			aa := *a
			aa.Origin, aa.Extra = Origin{}, stripExtra(a.Extra)
			jj.Actors = append(jj.Actors, &aa)
		}
		for _, tp := range j.Touchpoints {
			tt := *tp
			tt.Origin, tt.Extra = Origin{}, stripExtra(tp.Extra)
			if tp.Analysis != nil {
				tt.Analysis = stripElem(tp.Analysis)
			}
			jj.Touchpoints = append(jj.Touchpoints, &tt)
		}
		d.Journeys = append(d.Journeys, &jj)
	}
	return &d
}

func stripExtra(x Extra) Extra {
	var out Extra
	for _, a := range x.Attrs {
		a.Pos = NoPos
		out.Attrs = append(out.Attrs, a)
	}
	for _, e := range x.Elems {
		out.Elems = append(out.Elems, stripElem(e))
	}
	return out
}

func stripElem(e *Element) *Element {
	c := *e
	c.Pos = NoPos
	c.Attrs = nil
	for _, a := range e.Attrs {
		a.Pos = NoPos
		c.Attrs = append(c.Attrs, a)
	}
	c.Children = nil
	for _, k := range e.Children {
		c.Children = append(c.Children, stripElem(k))
	}
	return &c
}

func equalDocs(a, b *Document) bool { return reflect.DeepEqual(a, b) }
