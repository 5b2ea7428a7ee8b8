package render

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
	"cjml.dev/compare"
	"cjml.dev/internal/gen"
	"cjml.dev/render/scene"
)

var update = flag.Bool("update", false, "rewrite the golden SVGs in testdata")

// idAlign is a test aligner: it pairs touchpoints by ID and trusts the
// compliance the actual journey asserts, which is what the examples do.
func idAlign(planned, actual *cjml.Journey) *compare.Result {
	res := &compare.Result{Planned: planned, Actual: actual}
	seen := map[string]bool{}
	for ai, t := range actual.Touchpoints {
		pi := -1
		var p *cjml.Touchpoint
		for k, c := range planned.Touchpoints {
			if c.ID == t.ID {
				pi, p = k, c
			}
		}
		st := compare.Completed
		switch compliance(t) {
		case cjml.Missing:
			st = compare.Missing
		case cjml.Failing:
			st = compare.Failing
		case cjml.AdHoc:
			st = compare.AdHoc
		case cjml.Irregular:
			st = compare.Irregular
		}
		if p == nil {
			st = compare.AdHoc
		}
		s := compare.Step{Status: st, Planned: p, Actual: t, PlannedIndex: pi, ActualIndex: ai}
		if st == compare.Missing {
			s.Actual, s.ActualIndex = nil, -1
		}
		if p != nil {
			seen[p.ID] = true
			if p.Channel.Family() != t.Channel.Family() && st != compare.Missing {
				s.Differences = append(s.Differences, "channel")
			}
		}
		res.Steps = append(res.Steps, s)
	}
	for _, s := range res.Steps {
		switch s.Status {
		case compare.Completed:
			res.Counts.Completed++
		case compare.Missing:
			res.Counts.Missing++
		case compare.AdHoc:
			res.Counts.AdHoc++
		case compare.Failing:
			res.Counts.Failing++
		case compare.Irregular:
			res.Counts.Irregular++
		}
	}
	res.Conforms = res.Counts.Completed == len(res.Steps)
	res.Fitness = float64(res.Counts.Completed) / float64(max(len(res.Steps), 1))
	return res
}

func readExample(t testing.TB, name string) *cjml.Document {
	t.Helper()
	doc, diags := cjml.ReadFile(filepath.Join("..", "examples", name), cjml.ReadOptions{})
	require.NotNil(t, doc, "%s: %v", name, diags)
	require.False(t, diags.HasErrors(), "%s: %v", name, diags)
	return doc
}

func examples(t testing.TB) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join("..", "examples", "*.xml"))
	require.NoError(t, err)
	require.NotEmpty(t, m)
	var out []string
	for _, p := range m {
		out = append(out, filepath.Base(p))
	}
	return out
}

// cases returns every journey of every example in every view it supports.
type renderCase struct {
	name string
	doc  *cjml.Document
	opt  Options
}

func allCases(t testing.TB) []renderCase {
	var out []renderCase
	for _, ex := range examples(t) {
		doc := readExample(t, ex)
		for _, j := range doc.Journeys {
			views := []View{Swimlane, JourneyView}
			if j.Kind == cjml.Actual && doc.Planned(j) != nil {
				views = append(views, DeviationView)
			}
			for _, v := range views {
				for _, pal := range []Palette{CJML, V11} {
					for _, tm := range []bool{false, true} {
						name := fmt.Sprintf("%s/%s/%s/%s/time=%v", ex, j.ID, v, pal.Name, tm)
						out = append(out, renderCase{name, doc, Options{View: v, Journey: j.ID, Palette: pal, Time: tm, Align: idAlign}})
					}
				}
			}
		}
	}
	return out
}

// checkScene asserts the geometric promises of a layout.
func checkScene(t *testing.T, name string, sc *scene.Scene) {
	t.Helper()
	canvas := sc.Canvas()
	texts := sc.Texts()
	require.NotEmpty(t, texts, "%s: a diagram has at least a title", name)
	assert.Greater(t, sc.W, 0.0)
	assert.Greater(t, sc.H, 0.0)
	for _, tx := range texts {
		if !assert.True(t, canvas.Contains(tx.Box), "%s: text %q at %+v lies outside the canvas %+v", name, tx.Lines, tx.Box, canvas) {
			return
		}
		assert.NotEmpty(t, tx.Lines)
	}
	for _, o := range scene.TextOverlaps(texts) {
		a, b := texts[o.A], texts[o.B]
		assert.Fail(t, "overlapping text", "%s: %q %+v overlaps %q %+v", name, a.Lines, a.Box, b.Lines, b.Box)
		return
	}
	for i := range sc.Items {
		it := &sc.Items[i]
		if it.Kind == scene.KindIcon || it.Kind == scene.KindRect || it.Kind == scene.KindCircle {
			assert.True(t, canvas.Contains(it.Bounds()), "%s: %s item %+v outside the canvas", name, it.Role, it.Bounds())
		}
	}
}

func TestLayoutGeometryExamples(t *testing.T) {
	for _, c := range allCases(t) {
		sc, err := Layout(c.doc, c.opt)
		require.NoError(t, err, c.name)
		checkScene(t, c.name, sc)
	}
}

func TestLayoutGeometryGenerated(t *testing.T) {
	for _, n := range []int{1, 7, 60, 300} {
		for _, actors := range []int{2, 5, 12} {
			doc := gen.Long(n, actors, uint64(n*31+actors))
			for _, v := range []View{Swimlane, JourneyView} {
				sc, err := Layout(doc, Options{View: v})
				require.NoError(t, err)
				checkScene(t, fmt.Sprintf("long(%d,%d)/%s", n, actors, v), sc)
			}
		}
	}
	// Deviation view of generated journeys.
	o := gen.Default(3)
	o.Steps = 40
	doc := gen.Document(o)
	for _, j := range doc.Journeys[1:] {
		sc, err := Layout(doc, Options{View: DeviationView, Journey: j.ID, Align: idAlign})
		require.NoError(t, err)
		checkScene(t, "gen/"+j.ID, sc)
	}
}

// hardLabels are labels that break naive layouts.
var hardLabels = []string{
	"",
	"   ",
	"<script>alert(\"x\")</script> & 'quotes'",
	"Kunden bestiller bredbånd på nett og får ordrebekreftelse på e-post fra NordNett Bredbånd AS — Ærlig, Øystein, Åse",
	"顧客がウェブでブロードバンドを注文し、確認メールを受け取ります。配送業者がモデムを届けます。",
	"客户在网上订购宽带并收到确认邮件",
	strings.Repeat("Supercalifragilisticexpialidocious", 6),
	strings.Repeat("a very long label that goes on and on ", 20),
	"line one\nline two\n\nline four",
	"x",
}

func hardJourney(kind cjml.JourneyKind) *cjml.Document {
	j := &cjml.Journey{Kind: kind, ID: "AJ<1>", Title: strings.Repeat("A \"long\" <title> æøå 日本語 ", 8)}
	j.Phases = []*cjml.Phase{{ID: "p1", Name: strings.Repeat("Phase with a long name ", 5)}, {ID: "p2", Name: ""}}
	names := []string{"Åse Ødegård-Ærlingsen with an extremely long display name that wraps", "", "宽带公司", "<b>bold</b>", "x"}
	for i, n := range names {
		k := cjml.ServiceProvider
		if i == 0 {
			k = cjml.EndUser
		}
		j.Actors = append(j.Actors, &cjml.Actor{Kind: k, ID: fmt.Sprintf("a%d", i), Name: n})
	}
	for i, l := range hardLabels {
		for k := 0; k < 3; k++ {
			t := &cjml.Touchpoint{ID: fmt.Sprintf("T%d-%d", i, k), Kind: cjml.Communication,
				Initiator: cjml.Party{Actor: fmt.Sprintf("a%d", (i+k)%len(names)), Label: l},
				Receiver:  &cjml.Party{Actor: fmt.Sprintf("a%d", (i+2*k+1)%len(names)), Label: hardLabels[(i+k)%len(hardLabels)]},
				Channel:   []cjml.Channel{"email", "carrier pigeon", "", "sms"}[(i+k)%4]}
			if k == 1 {
				t.Kind, t.Receiver, t.Channel = cjml.Action, nil, ""
			}
			if k == 2 && i%3 == 0 {
				t.Receiver.Actor = "nobody-declared"
			}
			if i%2 == 0 {
				t.Phase = "p1"
			} else if i%5 == 0 {
				t.Phase = "p2"
			}
			if kind == cjml.Actual {
				t.Experience = &cjml.Experience{Rating: fmt.Sprint(1 + (i+k)%5)}
				t.Compliance = []cjml.Compliance{"", cjml.Missing, cjml.Failing, cjml.AdHoc, cjml.Irregular}[(i+k)%5]
				t.Timestamps.Originated = cjml.Timestamp(fmt.Sprintf("2025-03-%02dT%02d:00:00", 1+i*2, k*3))
			}
			j.Touchpoints = append(j.Touchpoints, t)
		}
	}
	doc := cjml.NewDocument()
	doc.Journeys = []*cjml.Journey{j}
	return doc
}

func TestLayoutGeometryHardLabels(t *testing.T) {
	for _, kind := range []cjml.JourneyKind{cjml.Planned, cjml.Actual} {
		doc := hardJourney(kind)
		for _, v := range []View{Swimlane, JourneyView} {
			for _, tm := range []bool{false, true} {
				sc, err := Layout(doc, Options{View: v, Time: tm})
				require.NoError(t, err)
				checkScene(t, fmt.Sprintf("hard/%s/%s/time=%v", kind, v, tm), sc)
			}
		}
	}
	doc := hardJourney(cjml.Actual)
	res := idAlign(doc.Journeys[0], doc.Journeys[0])
	for i := range res.Steps {
		res.Steps[i].Status = []compare.Status{compare.Completed, compare.Missing, compare.AdHoc, compare.Failing, compare.Irregular}[i%5]
	}
	checkScene(t, "hard/deviation", LayoutDeviation(res, nil, Options{}))
}

func TestEscaping(t *testing.T) {
	doc := hardJourney(cjml.Actual)
	for _, v := range []View{Swimlane, JourneyView} {
		var b bytes.Buffer
		require.NoError(t, Render(&b, doc, Options{View: v}))
		out := b.String()
		assert.NotContains(t, out, "<script>")
		assert.NotContains(t, out, "<b>")
		assert.Contains(t, out, "&lt;script&gt;")
		wellFormed(t, v.String(), b.Bytes())
		// Every label survives as text.
		texts := svgText(t, b.Bytes())
		assert.Contains(t, texts, "<b>bold</b>")
	}
}

// wellFormed parses b as XML.
func wellFormed(t *testing.T, name string, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if !assert.NoError(t, err, name) {
			return
		}
	}
}

// svgText returns the character data of an SVG document, one string per
// text node.
func svgText(t *testing.T, b []byte) string {
	d := xml.NewDecoder(bytes.NewReader(b))
	var out []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		if cd, ok := tok.(xml.CharData); ok {
			if s := strings.TrimSpace(string(cd)); s != "" {
				out = append(out, s)
			}
		}
	}
	return strings.Join(out, "\n")
}

// goldens are the views kept as SVG files in testdata.
func goldens(t testing.TB) []renderCase {
	var out []renderCase
	for _, ex := range examples(t) {
		doc := readExample(t, ex)
		base := strings.TrimSuffix(ex, ".xml")
		out = append(out, renderCase{base + "-swimlane", doc, Options{}})
		var actual *cjml.Journey
		for _, j := range doc.Journeys {
			if j.Kind == cjml.Actual && doc.Planned(j) != nil {
				actual = j
				break
			}
		}
		out = append(out, renderCase{base + "-journey", doc, Options{View: JourneyView}})
		if actual != nil {
			out = append(out, renderCase{base + "-deviation", doc, Options{View: DeviationView, Align: idAlign}})
			out = append(out, renderCase{base + "-actual-swimlane-v11", doc, Options{Journey: actual.ID, Palette: V11}})
			out = append(out, renderCase{base + "-actual-journey-time", doc, Options{View: JourneyView, Journey: actual.ID, Time: true}})
			out = append(out, renderCase{base + "-actual-swimlane-time", doc, Options{Journey: actual.ID, Time: true}})
		}
	}
	// Every deviation kind, with the real aligner.
	bb := readExample(t, "broadband.xml")
	out = append(out,
		renderCase{"broadband-AJ3-deviation", bb, Options{View: DeviationView, Journey: "AJ3"}},
		renderCase{"broadband-AJ6-deviation-time", bb, Options{View: DeviationView, Journey: "AJ6", Time: true}},
		renderCase{"broadband-AJ6-swimlane", bb, Options{Journey: "AJ6"}},
	)
	return out
}

func TestGolden(t *testing.T) {
	for _, c := range goldens(t) {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, Render(&b, c.doc, c.opt))
			wellFormed(t, c.name, b.Bytes())
			path := filepath.Join("testdata", c.name+".svg")
			if *update {
				require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./render -update")
			assert.Equal(t, string(want), b.String(), "%s differs; run go test ./render -update and look at it", path)
			// The same input gives the same bytes.
			var again bytes.Buffer
			require.NoError(t, Render(&again, c.doc, c.opt))
			assert.Equal(t, b.String(), again.String())
		})
	}
}

func TestGoldenFilesParse(t *testing.T) {
	m, err := filepath.Glob(filepath.Join("testdata", "*.svg"))
	require.NoError(t, err)
	for _, p := range m {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		wellFormed(t, p, b)
	}
}
