package compare

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
	"cjml.dev/internal/gen"
)

func readBroadband(t testing.TB) *cjml.Document {
	doc, diags := cjml.ReadFile("../examples/broadband.xml", cjml.ReadOptions{})
	require.False(t, diags.HasErrors(), diags)
	return doc
}

func TestSummary(t *testing.T) {
	doc := readBroadband(t)
	results, _ := CompareDocument(doc, nil, Options{})
	s := Summarize(results)
	assert.Equal(t, 6, s.Journeys)
	assert.Equal(t, 1, s.Conforming)
	assert.InDelta(t, 1.0/6, s.ConformingShare(), 1e-12)
	require.Len(t, s.Touchpoints, 10)
	assert.Equal(t, TouchpointStats{Journey: "PJ1", Planned: "T4", Label: "Sends letter with activation code", Completed: 5, Irregular: 1}, s.Touchpoints[3])
	assert.Equal(t, TouchpointStats{Journey: "PJ1", Planned: "T10", Label: "Sends the first invoice", Completed: 5, Failing: 1}, s.Touchpoints[9])
	assert.Len(t, s.AdHoc, 6)
	assert.Len(t, s.Variants, 6)

	// Grouping: two journeys with the same ad hoc call, spelled
	// differently, count as one group; equal variants are counted.
	call2 := with(call, func(c *cjml.Touchpoint) { c.Initiator.Label = "  calls CUSTOMER service about the delay" })
	rs := []*Result{
		Align(broadband, actualOf(order, confirm, call, welcome, modem, install, invoice), Options{}),
		Align(broadband, actualOf(order, confirm, call2, welcome, modem, install, invoice), Options{}),
		Align(broadband, actualOf(order, confirm, welcome, modem, install, invoice, chat), Options{}),
		nil,
	}
	s = Summarize(rs)
	assert.Equal(t, []AdHocGroup{
		{Initiator: "cust", Receiver: "prov", Channel: "phone", Label: "Calls customer service about the delay", Count: 2},
		{Initiator: "cust", Receiver: "prov", Channel: "chat", Label: "Complains in the chat", Count: 1},
	}, s.AdHoc)
	assert.Equal(t, []Variant{{Key: "T1 T2 + T3 T4 T5 T6", Count: 2}, {Key: "T1 T2 T3 T4 T5 T6 +", Count: 1}}, s.Variants)
	assert.InDelta(t, 1-50.0/650, s.MeanFitness, 1e-9)

	empty := Summarize(nil)
	assert.Equal(t, 0, empty.Journeys)
	assert.Equal(t, 0.0, empty.ConformingShare())
	assert.NotNil(t, empty.Touchpoints)
}

// Run delivers results in order whatever the number of workers, identical
// to aligning one by one.
func TestRunDeterministic(t *testing.T) {
	o := gen.Default(700)
	doc := gen.Document(o)
	pairs, diags := Pairs(nil, nil, doc)
	require.Empty(t, diags)
	require.Len(t, pairs, 700)
	want := make([]string, len(pairs))
	a := NewAligner(Options{IgnoreIDs: true})
	for i, p := range pairs {
		want[i] = strings.Join(describe(a.Align(p.Planned, p.Actual)), "|")
	}
	for _, workers := range []int{1, 2, 5} {
		for _, run := range []func([]Pair, Options, int, func(int, *Result)){Run, Stream} {
			next := 0
			run(pairs, Options{IgnoreIDs: true}, workers, func(i int, r *Result) {
				assert.Equal(t, next, i)
				next++
				assert.Same(t, pairs[i].Actual, r.Actual)
				assert.Equal(t, want[i], strings.Join(describe(r), "|"))
			})
			assert.Equal(t, len(pairs), next)
		}
	}
}

// AlignReuse leaves nothing of the previous result behind.
func TestAlignReuse(t *testing.T) {
	doc := readBroadband(t)
	a := NewAligner(Options{})
	var r *Result
	for _, j := range []string{"AJ4", "AJ6", "AJ1", "AJ5"} {
		aj := doc.Journey(j)
		r = a.AlignReuse(r, doc.Journeys[0], aj)
		fresh := Align(doc.Journeys[0], aj, Options{})
		assert.Equal(t, fresh, r, j)
	}
}

// Journeys too long for the matrix are aligned greedily, with a note.
func TestAlignLong(t *testing.T) {
	o := gen.Default(0)
	o.Steps = 2100
	p := gen.Planned(o)
	a := &cjml.Journey{Kind: cjml.Actual, ID: "AJ"}
	for i, tp := range p.Touchpoints {
		if i%100 != 7 {
			a.Touchpoints = append(a.Touchpoints, tp)
		}
	}
	r := Align(p, a, Options{IgnoreIDs: true})
	require.Len(t, r.Notes, 1)
	assert.Equal(t, CodeApproximate, r.Notes[0].Code)
	assert.Equal(t, 21, r.Counts.Missing)
	checkInvariants(t, r)
}

// An Aligner reused across plans and journeys gives the same results as
// fresh ones.
func TestAlignerReuse(t *testing.T) {
	doc := readBroadband(t)
	a := NewAligner(Options{})
	for round := 0; round < 2; round++ {
		for _, j := range doc.Journeys[1:] {
			assert.Equal(t, describe(Align(doc.Journeys[0], j, Options{})), describe(a.Align(doc.Journeys[0], j)))
			assert.Equal(t, describe(Align(broadband, j, Options{})), describe(a.Align(broadband, j)))
		}
	}
}

func TestPairs(t *testing.T) {
	doc := readBroadband(t)
	planDoc := cjml.NewDocument()
	planDoc.Journeys = doc.Journeys[:1]
	actDoc := cjml.NewDocument()
	actDoc.Journeys = append([]*cjml.Journey{}, doc.Journeys[1:]...)
	orphan := &cjml.Journey{Kind: cjml.Actual, ID: "AJ9"}
	dangling := &cjml.Journey{Kind: cjml.Actual, ID: "AJ10", PlannedReference: "PJ9"}
	actDoc.Journeys = append(actDoc.Journeys, orphan, dangling)

	pairs, diags := Pairs(nil, nil, actDoc, planDoc)
	assert.Len(t, pairs, 6)
	for _, p := range pairs {
		assert.Same(t, doc.Journeys[0], p.Planned)
		assert.Same(t, planDoc, p.PlannedDoc)
	}
	require.Len(t, diags, 2)
	assert.Equal(t, CodeNoPlan, diags[0].Code)
	assert.Contains(t, diags[0].Message, "AJ9 has no plannedReference")
	assert.Contains(t, diags[1].Message, "refers to planned journey PJ9")
	assert.Equal(t, "/journeys/7/actualJourney", diags[1].Path)

	pairs, diags = Pairs(broadband, nil, actDoc)
	assert.Len(t, pairs, 8)
	assert.Empty(t, diags)
}

func TestDiagnosticsBroadband(t *testing.T) {
	doc := readBroadband(t)
	_, diags := CompareDocument(doc, nil, Options{})
	var got []string
	for _, d := range diags {
		s := d.String()
		if len(d.Related) > 0 {
			s += " (related " + d.Related[0].Pos.String() + ")"
		}
		got = append(got, s)
	}
	want := []string{
		`../examples/broadband.xml:541:7: warning: touchpoint D1 "Calls to ask where the modem is" is ad hoc: PJ1 has no counterpart [compare/adhoc]`,
		`../examples/broadband.xml:564:7: warning: touchpoint D2 "Sends tracking link for the parcel" is ad hoc: PJ1 has no counterpart [compare/adhoc]`,
		`../examples/broadband.xml:772:7: warning: touchpoint T4 "Sends letter with activation code" happened out of the planned order (planned T4, position 4 of 10) [compare/irregular] (related ../examples/broadband.xml:84:7)`,
		`../examples/broadband.xml:1096:7: info: touchpoint T8 differs from planned T8 in label [compare/changed] (related ../examples/broadband.xml:138:7)`,
		`../examples/broadband.xml:1119:7: warning: touchpoint D1 "Asks support in the chat why the code is rejected" is ad hoc: PJ1 has no counterpart [compare/adhoc]`,
		`../examples/broadband.xml:1142:7: warning: touchpoint D2 "Sends a new activation code" is ad hoc: PJ1 has no counterpart [compare/adhoc]`,
		`../examples/broadband.xml:1161:7: warning: touchpoint D3 "Activates the line with the new code" is ad hoc: PJ1 has no counterpart [compare/adhoc]`,
		`../examples/broadband.xml:1261:5: warning: planned touchpoint T3 "Sends welcome letter with customer number" is missing from AJ5 [compare/missing] (related ../examples/broadband.xml:68:7)`,
		`../examples/broadband.xml:1409:7: info: touchpoint T10 differs from planned T10 in channel (letter, planned email), label [compare/changed] (related ../examples/broadband.xml:168:7)`,
		`../examples/broadband.xml:1556:7: warning: planned touchpoint T5 "Notifies that the parcel is ready for pick-up" is missing from AJ6 [compare/missing] (related ../examples/broadband.xml:100:7)`,
		`../examples/broadband.xml:1572:7: warning: touchpoint D1 "Calls the post office to ask about the parcel" is ad hoc: PJ1 has no counterpart [compare/adhoc]`,
		`../examples/broadband.xml:1669:7: warning: touchpoint T10 "Sends the first invoice" failed (planned T10) [compare/failing] (related ../examples/broadband.xml:168:7)`,
	}
	assert.Equal(t, want, got)
	for _, d := range diags {
		assert.Regexp(t, `^/journeys/\d+/actualJourney/touchpoints(/\d+)?$`, d.Path)
	}
}

// docs/compare.md documents every diagnostic code, and nothing else.
func TestDocumentedCodes(t *testing.T) {
	b, err := os.ReadFile("../docs/compare.md")
	require.NoError(t, err)
	found := regexp.MustCompile("`(compare/[a-z-]+)`").FindAllStringSubmatch(string(b), -1)
	var documented []string
	for _, m := range found {
		if !slices.Contains(documented, m[1]) {
			documented = append(documented, m[1])
		}
	}
	assert.ElementsMatch(t, Codes, documented)
}

func BenchmarkAlign(b *testing.B) {
	doc := gen.Document(gen.Default(1000))
	pairs, _ := Pairs(nil, nil, doc)
	for _, opt := range []struct {
		name string
		opt  Options
	}{{"ids", Options{}}, {"content", Options{IgnoreIDs: true}}} {
		b.Run(opt.name, func(b *testing.B) {
			a := NewAligner(opt.opt)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				p := pairs[i%len(pairs)]
				a.Align(p.Planned, p.Actual)
			}
		})
	}
}

// BenchmarkStream aligns 1,000 generated journeys per op on all CPUs,
// recycling results.
func BenchmarkStream(b *testing.B) {
	doc := gen.Document(gen.Default(1000))
	pairs, _ := Pairs(nil, nil, doc)
	opt := Options{IgnoreIDs: true}
	b.ReportAllocs()
	for b.Loop() {
		total := 0
		Stream(pairs, opt, 0, func(_ int, r *Result) { total += r.Cost })
	}
}
