package render

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
	"cjml.dev/compare"
	"cjml.dev/render/scene"
)

// small builds a journey: provider first in the actor list, so that the
// end-user-on-top rule is visible.
func small() *cjml.Document {
	j := &cjml.Journey{Kind: cjml.Planned, ID: "PJ1", Title: "Small",
		Phases: []*cjml.Phase{{ID: "a", Name: "Alpha"}, {ID: "b", Name: "Beta"}}}
	j.Actors = []*cjml.Actor{
		{Kind: cjml.ServiceProvider, ID: "shop", CompanyName: "Shop"},
		{Kind: cjml.ServiceProvider, ID: "post", CompanyName: "Post"},
		{Kind: cjml.EndUser, ID: "ann", Name: "Ann"},
	}
	j.Touchpoints = []*cjml.Touchpoint{
		{ID: "T1", Kind: cjml.Communication, Phase: "a", Initiator: cjml.Party{Actor: "ann", Label: "Orders"}, Receiver: &cjml.Party{Actor: "shop", Label: "Gets order"}, Channel: "web"},
		{ID: "T2", Kind: cjml.Action, Phase: "a", Initiator: cjml.Party{Actor: "shop", Label: "Packs"}},
		{ID: "T3", Kind: cjml.Communication, Phase: "b", Initiator: cjml.Party{Actor: "post", Label: "Delivers"}, Receiver: &cjml.Party{Actor: "ann", Label: "Receives"}, Channel: "parcel"},
	}
	doc := cjml.NewDocument()
	doc.Journeys = []*cjml.Journey{j}
	return doc
}

func byRole(sc *scene.Scene, role string) []*scene.Item {
	var out []*scene.Item
	for i := range sc.Items {
		if sc.Items[i].Role == role {
			out = append(out, &sc.Items[i])
		}
	}
	return out
}

func textOf(it *scene.Item) string { return strings.Join(it.Text.Lines, " ") }

func findText(t *testing.T, sc *scene.Scene, role, s string) *scene.Item {
	t.Helper()
	for _, it := range byRole(sc, role) {
		if it.Kind == scene.KindText && textOf(it) == s {
			return it
		}
	}
	require.Failf(t, "text not found", "%s %q", role, s)
	return nil
}

func TestSwimlaneLayout(t *testing.T) {
	sc, err := Layout(small(), Options{})
	require.NoError(t, err)

	// Lanes: end user first, then the others in order of first appearance
	// (shop in T1, post in T3), stacked without gaps.
	names := byRole(sc, "actor-name")
	require.Len(t, names, 3)
	assert.Equal(t, "Ann", textOf(names[0]))
	assert.Equal(t, "Shop", textOf(names[1]))
	assert.Equal(t, "Post", textOf(names[2]))
	lanes := byRole(sc, "lane")
	require.Len(t, lanes, 3)
	for i := 1; i < 3; i++ {
		assert.InDelta(t, lanes[i-1].Rect.Y+lanes[i-1].Rect.H, lanes[i].Rect.Y, 1e-9, "lanes touch")
		assert.InDelta(t, margin, lanes[i].Rect.X, 1e-9)
	}
	inLane := func(r scene.Rect) int {
		for i, l := range lanes {
			if r.Y >= l.Rect.Y && r.Y+r.H <= l.Rect.Y+l.Rect.H {
				return i
			}
		}
		return -1
	}

	// Boxes: T1 has one box in Ann's lane and one in Shop's, in column 0.
	boxes := byRole(sc, "touchpoint")
	require.Len(t, boxes, 5) // 2 + 1 + 2
	col := func(r scene.Rect) int { return int((r.X + r.W/2 - margin - headerW) / colW) }
	assert.Equal(t, 0, inLane(boxes[0].Rect))
	assert.Equal(t, 1, inLane(boxes[1].Rect))
	assert.Equal(t, 0, col(boxes[0].Rect))
	assert.Equal(t, 0, col(boxes[1].Rect))
	assert.Equal(t, 1, inLane(boxes[2].Rect), "the action sits in the shop's lane")
	assert.Equal(t, 1, col(boxes[2].Rect))
	assert.Equal(t, 2, inLane(boxes[3].Rect), "T3's sender box in the post's lane")
	assert.Equal(t, 0, inLane(boxes[4].Rect), "T3's receiver box in Ann's lane")
	assert.Equal(t, 2, col(boxes[4].Rect))
	for _, b := range boxes {
		assert.Equal(t, boxW, b.Rect.W)
	}

	// Messages: dashed arrows from the sender's box edge to the receiver's.
	msgs := byRole(sc, "message")
	require.Len(t, msgs, 2)
	t1, t3 := msgs[0], msgs[1]
	assert.True(t, t1.Style.Arrow)
	assert.NotEmpty(t, t1.Style.Dash)
	assert.Equal(t, boxes[0].Rect.X+boxW/2, t1.X1)
	assert.Equal(t, t1.X1, t1.X2, "vertical, in the column's middle")
	assert.InDelta(t, boxes[0].Rect.Y+boxes[0].Rect.H, t1.Y1, 1e-9, "starts at Ann's box bottom")
	assert.InDelta(t, boxes[1].Rect.Y, t1.Y2, 1e-9, "ends at the shop's box top")
	assert.InDelta(t, boxes[3].Rect.Y, t3.Y1, 1e-9, "T3 goes up from the post's box top")
	assert.InDelta(t, boxes[4].Rect.Y+boxes[4].Rect.H, t3.Y2, 1e-9, "to Ann's box bottom")

	// Phases: Alpha spans columns 0–1, Beta column 2.
	bands := byRole(sc, "phase")
	var rects []*scene.Item
	for _, b := range bands {
		if b.Kind == scene.KindRect {
			rects = append(rects, b)
		}
	}
	require.Len(t, rects, 2)
	assert.InDelta(t, 2*colW-6, rects[0].Rect.W, 1e-9)
	assert.InDelta(t, colW-6, rects[1].Rect.W, 1e-9)
	findText(t, sc, "phase", "Alpha")
	findText(t, sc, "phase", "Beta")

	// Labels sit inside their boxes, with the fallback-font slack.
	lbl := findText(t, sc, "label", "Gets order")
	assert.True(t, boxes[1].Rect.Contains(lbl.Text.Box))
	assert.LessOrEqual(t, lbl.Text.Box.W*(1+slack), boxW-2*boxPad+1e-9)

	// Title block and canvas.
	findText(t, sc, "title", "Small")
	assert.Contains(t, textOf(byRole(sc, "meta")[0]), "Planned journey")
	assert.Contains(t, textOf(byRole(sc, "meta")[0]), "ID PJ1")
	assert.Equal(t, max(minPage, margin+headerW+3*colW+margin), sc.W, "canvas width")
}

func TestSwimlaneUnresolvedAndSelf(t *testing.T) {
	doc := small()
	j := doc.Journeys[0]
	j.Touchpoints = append(j.Touchpoints,
		&cjml.Touchpoint{ID: "T4", Kind: cjml.Communication, Initiator: cjml.Party{Actor: "ann", Label: "Notes to self"}, Receiver: &cjml.Party{Actor: "ann", Label: "Reads note"}, Channel: "email"},
		&cjml.Touchpoint{ID: "T5", Kind: cjml.Communication, Initiator: cjml.Party{Actor: "ghost", Label: "Boo"}, Receiver: &cjml.Party{Actor: "ann", Label: "Scared"}, Channel: "pigeon"})
	sc, err := Layout(doc, Options{})
	require.NoError(t, err)
	kinds := byRole(sc, "actor-kind")
	require.Len(t, kinds, 4)
	assert.Equal(t, "unresolved reference", textOf(kinds[3]))
	findText(t, sc, "actor-name", "ghost")
	// T4's two boxes stack in Ann's lane, sender above receiver.
	boxes := byRole(sc, "touchpoint")
	a, b := boxes[5].Rect, boxes[6].Rect
	assert.Equal(t, a.X, b.X)
	assert.Greater(t, b.Y, a.Y+a.H)
	checkScene(t, "unresolved", sc)
}

// handResult is an alignment built by hand: every status once.
func handResult() *compare.Result {
	tp := func(id string, kind cjml.TouchpointKind, from, to, label string) *cjml.Touchpoint {
		t := &cjml.Touchpoint{ID: id, Kind: kind, Initiator: cjml.Party{Actor: from, Label: label}, Channel: "email"}
		if to != "" {
			t.Receiver = &cjml.Party{Actor: to, Label: label + " (received)"}
		} else {
			t.Channel = ""
		}
		return t
	}
	actors := func() []*cjml.Actor {
		return []*cjml.Actor{{Kind: cjml.EndUser, ID: "u", Name: "Una"}, {Kind: cjml.ServiceProvider, ID: "p", CompanyName: "Prov"}}
	}
	p1, p2, p3, p4 := tp("T1", cjml.Communication, "u", "p", "Asks"), tp("T2", cjml.Communication, "p", "u", "Answers"), tp("T3", cjml.Action, "p", "", "Works"), tp("T4", cjml.Communication, "p", "u", "Bills")
	a1, a3, a4, d1 := tp("T1", cjml.Communication, "u", "p", "Asks"), tp("T3", cjml.Action, "p", "", "Works"), tp("T4", cjml.Communication, "p", "u", "Bills"), tp("D1", cjml.Communication, "u", "p", "Complains")
	a1.Experience = &cjml.Experience{Rating: "2"}
	plan := &cjml.Journey{Kind: cjml.Planned, ID: "PJ1", Actors: actors(), Touchpoints: []*cjml.Touchpoint{p1, p2, p3, p4}}
	act := &cjml.Journey{Kind: cjml.Actual, ID: "AJ1", PlannedReference: "PJ1", Title: "Una's journey", Actors: actors(), Touchpoints: []*cjml.Touchpoint{a1, a4, d1, a3}}
	return &compare.Result{Planned: plan, Actual: act,
		Steps: []compare.Step{
			{Status: compare.Completed, Planned: p1, Actual: a1, PlannedIndex: 0, ActualIndex: 0, Differences: []string{"channel"}},
			{Status: compare.Missing, Planned: p2, PlannedIndex: 1, ActualIndex: -1},
			{Status: compare.Irregular, Planned: p4, Actual: a4, PlannedIndex: 3, ActualIndex: 1},
			{Status: compare.AdHoc, Actual: d1, PlannedIndex: -1, ActualIndex: 2},
			{Status: compare.Failing, Planned: p3, Actual: a3, PlannedIndex: 2, ActualIndex: 3},
		},
		Counts:  compare.Counts{Completed: 1, Missing: 1, AdHoc: 1, Failing: 1, Irregular: 1},
		Fitness: 0.5,
	}
}

func TestDeviationLayout(t *testing.T) {
	sc := LayoutDeviation(handResult(), nil, Options{})
	checkScene(t, "hand", sc)
	shapes := byRole(sc, "touchpoint")
	require.Len(t, shapes, 5, "one shape per step, missing included")
	dev := byRole(sc, "deviation-line")
	require.Len(t, dev, 1)
	devY := dev[0].Y1
	centreY := func(it *scene.Item) float64 {
		if it.Kind == scene.KindCircle {
			return it.CY
		}
		return it.Rect.Y + it.Rect.H/2
	}
	centreX := func(it *scene.Item) float64 {
		if it.Kind == scene.KindCircle {
			return it.CX
		}
		return it.Rect.X + it.Rect.W/2
	}
	for i, s := range shapes {
		if i == 3 {
			assert.Greater(t, centreY(s), devY, "ad hoc below the deviation line")
		} else {
			assert.Less(t, centreY(s), devY, "step %d on the main line", i)
			assert.Equal(t, centreY(shapes[0]), centreY(s))
		}
		if i > 0 {
			assert.Greater(t, centreX(s), centreX(shapes[i-1]), "steps left to right in actual order")
		}
	}
	assert.NotEmpty(t, shapes[1].Style.Dash, "missing is dashed")
	assert.Less(t, shapes[1].Style.Opacity, 1.0)
	assert.Empty(t, shapes[0].Style.Dash)
	assert.Equal(t, scene.KindRect, shapes[4].Kind, "the failing action is a square")
	assert.Len(t, byRole(sc, "failing"), 2, "failing crossed out by two lines")
	assert.Len(t, byRole(sc, "irregular"), 1)
	arcs := byRole(sc, "irregular-arc")
	require.Len(t, arcs, 1)
	assert.Equal(t, "Planned after T3", arcs[0].Tip)
	assert.True(t, strings.HasPrefix(arcs[0].D, "M"))
	assert.Len(t, byRole(sc, "experience"), 1)
	// Ring colours: Una sends T1 (orange), receives T4 (blue).
	assert.Equal(t, CJML.Send, shapes[0].Style.Stroke)
	assert.Equal(t, CJML.Receive, shapes[2].Style.Stroke)
	// ID lines name the status and the differences.
	findText(t, sc, "id", "T1 · changed: channel")
	findText(t, sc, "id", "T2 · missing")
	findText(t, sc, "id", "T4 · out of order")
	findText(t, sc, "id", "D1 · ad hoc")
	findText(t, sc, "id", "T3 · Prov · failing")
	// Connectors: start → 5 steps → end; those touching the missing step
	// are dashed.
	conns := byRole(sc, "connector")
	require.Len(t, conns, 6)
	assert.NotEmpty(t, conns[1].Style.Dash)
	assert.NotEmpty(t, conns[2].Style.Dash)
	assert.Empty(t, conns[3].Style.Dash)
	// Legend lists every status used, and the title block the counts.
	legend := map[string]bool{}
	for _, it := range byRole(sc, "legend") {
		if it.Kind == scene.KindText {
			legend[textOf(it)] = true
		}
	}
	for _, want := range []string{"Completed as planned", "Missing (planned, never happened)", "Failing (crossed out)", "Ad hoc: below the dashed deviation line", "Out of the planned order"} {
		assert.True(t, legend[want], "legend has %q", want)
	}
	assert.Contains(t, textOf(byRole(sc, "meta")[0]), "1 completed, 1 missing, 1 ad hoc, 1 failing, 1 out of order")
}

func TestJourneyLayoutLabelsAlternate(t *testing.T) {
	sc, err := Layout(small(), Options{View: JourneyView})
	require.NoError(t, err)
	shapes := byRole(sc, "touchpoint")
	require.Len(t, shapes, 3)
	lineY := shapes[0].CY
	labels := byRole(sc, "label")
	require.Len(t, labels, 3)
	assert.Less(t, labels[0].Text.Box.Y+labels[0].Text.Box.H, lineY, "first label above")
	assert.Greater(t, labels[1].Text.Box.Y, lineY, "second below")
	assert.Less(t, labels[2].Text.Box.Y+labels[2].Text.Box.H, lineY, "third above")
	// The end user's side of each touchpoint is labelled.
	assert.Equal(t, "Orders", textOf(labels[0]))
	assert.Equal(t, "Packs", textOf(labels[1]))
	assert.Equal(t, "Receives", textOf(labels[2]))
	assert.Equal(t, CJML.Send, shapes[0].Style.Stroke)
	assert.Equal(t, CJML.Receive, shapes[2].Style.Stroke)
	assert.Len(t, byRole(sc, "start"), 1)
	assert.Len(t, byRole(sc, "end"), 2)
	assert.Len(t, byRole(sc, "connector"), 4)
}

func TestPalettesAndViews(t *testing.T) {
	for _, name := range []string{"", "cjml", "cjml.no", "v1.1", "V11"} {
		_, err := PaletteByName(name)
		assert.NoError(t, err, name)
	}
	_, err := PaletteByName("neon")
	assert.Error(t, err)
	for s, v := range map[string]View{"": Swimlane, "swimlane": Swimlane, "journey": JourneyView, "Deviation": DeviationView} {
		got, err := ParseView(s)
		assert.NoError(t, err)
		assert.Equal(t, v, got)
		assert.Equal(t, v, must(ParseView(v.String())))
	}
	_, err = ParseView("gantt")
	assert.Error(t, err)
	sc, err := Layout(small(), Options{Palette: V11})
	require.NoError(t, err)
	assert.Equal(t, V11.Box, byRole(sc, "touchpoint")[0].Style.Fill)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestLayoutErrors(t *testing.T) {
	_, err := Layout(cjml.NewDocument(), Options{})
	assert.ErrorIs(t, err, ErrNoJourney)
	_, err = Layout(small(), Options{Journey: "nope"})
	assert.ErrorIs(t, err, ErrNoJourney)
	_, err = Layout(small(), Options{View: DeviationView})
	assert.ErrorIs(t, err, ErrNoJourney)
	_, err = Layout(small(), Options{View: DeviationView, Journey: "PJ1"})
	assert.ErrorContains(t, err, "planned journey")
}

func TestTimeAxis(t *testing.T) {
	doc := small()
	j := doc.Journeys[0]
	j.Kind = cjml.Actual
	times := []cjml.Timestamp{"2025-03-03T10:00:00", "2025-03-03T12:00:00", "2025-04-20T09:00:00"}
	for i, tp := range j.Touchpoints {
		tp.Timestamps.Originated = times[i]
	}
	even, err := Layout(doc, Options{})
	require.NoError(t, err)
	timed, err := Layout(doc, Options{Time: true})
	require.NoError(t, err)
	checkScene(t, "timed", timed)
	assert.Empty(t, byRole(even, "time-axis"))
	require.Len(t, byRole(timed, "time-axis"), 1)
	assert.Len(t, byRole(timed, "time-point"), 3)
	assert.NotEmpty(t, byRole(timed, "time-break-label"), "the seven-week gap is compressed")
	assert.Contains(t, textOf(byRole(timed, "meta")[0]), "compressed")
	// Without timestamps --time says so and spaces evenly.
	noTimes, err := Layout(small(), Options{Time: true})
	require.NoError(t, err)
	assert.Contains(t, textOf(byRole(noTimes, "meta")[0]), "no timestamps")
}

func TestEmptyJourney(t *testing.T) {
	plan := &cjml.Journey{Kind: cjml.Planned, ID: "P"}
	act := &cjml.Journey{Kind: cjml.Actual, ID: "A", PlannedReference: "P"}
	doc := cjml.NewDocument()
	doc.Journeys = []*cjml.Journey{plan, act}
	for _, v := range []View{Swimlane, JourneyView, DeviationView} {
		sc, err := Layout(doc, Options{View: v, Journey: "A", Time: true})
		require.NoError(t, err, v)
		checkScene(t, "empty "+v.String(), sc)
		require.Len(t, byRole(sc, "empty"), 1, v)
		assert.Empty(t, byRole(sc, "touchpoint"))
	}
}

func TestSecurityBadges(t *testing.T) {
	doc := small()
	j := doc.Journeys[0]
	threat := func(side, text string) *cjml.Element {
		return &cjml.Element{Name: "threat", Attrs: []cjml.Attr{{Name: "side", Value: side}}, Text: text}
	}
	// T1 (Ann → shop): a threat on the receiver's end only.
	j.Touchpoints[0].Extra.Elems = []*cjml.Element{threat("receiver", "Fake shop")}
	// T2 (the shop's action): an unwanted incident without a side.
	j.Touchpoints[1].Extra.Elems = []*cjml.Element{{Name: "unwantedIncident", Text: "Stock lost"}}
	sc, err := Layout(doc, Options{})
	require.NoError(t, err)
	th := byRole(sc, "threat")
	require.Len(t, th, 1, "only the receiver's box carries the threat")
	boxes := byRole(sc, "touchpoint")
	assert.True(t, boxes[1].Rect.Contains(th[0].Bounds()), "in the shop's box of T1")
	assert.Equal(t, "Threat: Fake shop", th[0].Tip)
	inc := byRole(sc, "incident")
	require.Len(t, inc, 1)
	assert.True(t, boxes[2].Rect.Contains(inc[0].Bounds()))
	checkScene(t, "security", sc)

	// The journey view shows the end user's side of T1 (no threat there)
	// and the shop's incident.
	sc, err = Layout(doc, Options{View: JourneyView})
	require.NoError(t, err)
	assert.Empty(t, byRole(sc, "threat"))
	assert.Len(t, byRole(sc, "incident"), 1)
	legend := map[string]bool{}
	for _, it := range byRole(sc, "legend") {
		if it.Kind == scene.KindText {
			legend[textOf(it)] = true
		}
	}
	assert.True(t, legend["Unwanted incident"])
}

func TestDeviationNilResult(t *testing.T) {
	sc := LayoutDeviation(nil, nil, Options{})
	checkScene(t, "nil result", sc)
	assert.Len(t, byRole(sc, "empty"), 1)
}
