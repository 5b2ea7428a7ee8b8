package cjml

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResolveCarlBookis(t *testing.T) {
	doc, diags := Parse("carl-bookis.xml", mustRead(t, "../examples/carl-bookis.xml"))
	require.False(t, diags.HasErrors())
	r := NewResolver(doc)
	j := doc.Journeys[0]
	tp := j.Touchpoints[0]
	ini := r.Resolve(j, tp.Initiator.Actor)
	assert.Equal(t, MatchID, ini.Match)
	assert.Equal(t, "Carl", ini.DisplayName())
	rec := r.Resolve(j, tp.Receiver.Actor)
	assert.Equal(t, MatchName, rec.Match, "the sample refers to the company name")
	assert.Equal(t, "Company A", rec.Actor.ID)
	assert.Equal(t, "Bookis", rec.DisplayName())
	assert.Equal(t, ServiceProvider, rec.Kind())
}

func TestResolveAcrossJourneys(t *testing.T) {
	in := `<CJML version="2.0">
<plannedJourney><journeyID>P</journeyID><actors>
  <endUser actorID="c"><actorName>Carla</actorName></endUser>
  <serviceProvider actorID="s"><companyName>Shop</companyName></serviceProvider>
</actors><touchpoints/></plannedJourney>
<actualJourney><journeyID>A</journeyID><plannedReference>P</plannedReference><actors><endUser actorIDref="c"/></actors><touchpoints/></actualJourney>
<actualJourney><journeyID>B</journeyID><actors><endUser actorID="d"/></actors><touchpoints/></actualJourney>
</CJML>`
	doc, _ := Parse("x.xml", []byte(in))
	r := NewResolver(doc)
	a := doc.Journey("A")
	got := r.Resolve(a, "c")
	assert.Equal(t, MatchID, got.Match)
	assert.Equal(t, a.Actors[0], got.Actor)
	assert.Equal(t, doc.Journeys[0].Actors[0], got.Decl)
	assert.Equal(t, "Carla", got.DisplayName())
	got = r.Resolve(a, "s")
	assert.Equal(t, MatchEarlier, got.Match)
	assert.Equal(t, "Shop", got.DisplayName())
	got = r.Resolve(a, "shop")
	assert.Equal(t, MatchName, got.Match)
	assert.Equal(t, Unresolved, r.Resolve(a, "nobody").Match)
	assert.Equal(t, Unresolved, r.Resolve(a, "").Match)
	// Declarations only count when they come earlier in the file.
	assert.Equal(t, Unresolved, r.Resolve(doc.Journeys[0], "d").Match)
	assert.Equal(t, doc.Journeys[0], doc.Planned(a))
	assert.Nil(t, doc.Planned(doc.Journey("B")))
}

// TestPositions checks that every part of the model knows where it was
// read, in XML and in YAML.
func TestPositions(t *testing.T) {
	xmlIn := `<CJML version="2.0">
  <actualJourney>
    <journeyID>AJ1</journeyID>
    <actors>
      <endUser actorID="u"/>
    </actors>
    <touchpoints>
      <actualCommunicationPoint>
        <touchpointID>T1</touchpointID>
        <initiator><refersTo actorIDref="u"/><initiatorLabel>Orders</initiatorLabel></initiator>
        <channel><channelName>web</channelName></channel>
      </actualCommunicationPoint>
    </touchpoints>
  </actualJourney>
</CJML>`
	yamlIn := `version: "2.0"
journeys:
  - actualJourney:
      journeyID: AJ1
      actors:
        - endUser: {actorID: u}
      touchpoints:
        - actualCommunicationPoint:
            touchpointID: T1
            initiator:
              refersTo: {actorIDref: u}
              initiatorLabel: Orders
            channel: {channelName: web}
`
	for _, tc := range []struct {
		file, in string
		want     map[string]string // what → line:col
	}{
		{"p.xml", xmlIn, map[string]string{
			"journey": "2:3", "journeyID": "3:5", "journeyID value": "3:16", "actor": "5:7", "actorID": "5:16",
			"actorID value": "5:25", "touchpoint": "8:7", "ref": "10:30", "ref value": "10:42", "label value": "10:62",
			"channelName value": "11:31", "version value": "1:16",
		}},
		{"p.yaml", yamlIn, map[string]string{
			"journey": "3:5", "journeyID": "4:7", "journeyID value": "4:18", "actor": "6:11", "actorID": "6:21",
			"actorID value": "6:30", "touchpoint": "8:11", "ref": "11:26", "ref value": "11:38", "label value": "12:31",
			"channelName value": "13:36", "version value": "1:10",
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			doc, diags := Parse(tc.file, []byte(tc.in))
			require.Empty(t, diags)
			j := doc.Journeys[0]
			a := j.Actors[0]
			tp := j.Touchpoints[0]
			pos := func(p Pos) string {
				ps := doc.Source.Position(p)
				return itoa(ps.Line) + ":" + itoa(ps.Column)
			}
			got := map[string]string{
				"journey":           pos(j.Origin.Pos),
				"journeyID":         pos(j.Origin.Of("journeyID")),
				"journeyID value":   pos(j.Origin.ValueOf("journeyID")),
				"actor":             pos(a.Origin.Pos),
				"actorID":           pos(a.Origin.Of("actorID")),
				"actorID value":     pos(a.Origin.ValueOf("actorID")),
				"touchpoint":        pos(tp.Origin.Pos),
				"ref":               pos(tp.Origin.Of("initiator/refersTo/actorIDref")),
				"ref value":         pos(tp.Origin.ValueOf("initiator/refersTo/actorIDref")),
				"label value":       pos(tp.Origin.ValueOf("initiator/initiatorLabel")),
				"channelName value": pos(tp.Origin.ValueOf("channel/channelName")),
				"version value":     pos(doc.Origin.ValueOf("version")),
			}
			assert.Equal(t, tc.want, got)
			// Unknown parts fall back to the nearest known one.
			assert.Equal(t, tp.Origin.Of("channel"), tp.Origin.Of("channel/nothing"))
			assert.Equal(t, tp.Origin.Pos, tp.Origin.Of("timestamps/timeOriginated"))
			// The JSON form maps pointers back to the same places.
			f := doc.Form()
			assert.Equal(t, doc.Source.Position(tp.Origin.ValueOf("channel/channelName")),
				f.Position("/journeys/0/actualJourney/touchpoints/0/actualCommunicationPoint/channel/channelName"))
			assert.Equal(t, doc.Source.Position(tp.Origin.Of("channel/channelName")),
				f.KeyPosition("/journeys/0/actualJourney/touchpoints/0/actualCommunicationPoint/channel/channelName"))
		})
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
