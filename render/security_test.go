package render

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
	"cjml.dev/render/scene"
)

// legendAndBadges returns the legend's texts and the roles of the items of
// a scene.
func legendAndBadges(sc *scene.Scene) (legend []string, roles map[string]int) {
	roles = map[string]int{}
	for _, it := range sc.Items {
		roles[it.Role]++
		if it.Role == "legend" && it.Kind == scene.KindText && it.Text != nil {
			legend = append(legend, strings.Join(it.Text.Lines, " "))
		}
	}
	return legend, roles
}

// TestSecurityLegendFollowsBadges: on the journey line only the end user's
// side of a touchpoint carries badges, and the legend lists a threat only
// when one is drawn; the swimlane draws both sides.
func TestSecurityLegendFollowsBadges(t *testing.T) {
	const src = `<CJML version="2.0"><actualJourney><journeyID>A</journeyID>
<actors><endUser actorID="ann"><name>Ann</name></endUser><serviceProvider actorID="shop"><companyName>Shop</companyName></serviceProvider></actors>
<touchpoints><actualCommunicationPoint><touchpointID>T1</touchpointID>
<initiator><refersTo actorIDref="shop"/><initiatorLabel>Sends offer</initiatorLabel></initiator>
<receiver><refersTo actorIDref="ann"/><receiverLabel>Reads offer</receiverLabel></receiver>
<channel><channelName>email</channelName></channel>
<threat side="initiator">The shop's mail account may be taken over</threat>
</actualCommunicationPoint></touchpoints></actualJourney></CJML>`
	doc, diags := cjml.Parse("sec.xml", []byte(src))
	require.False(t, diags.HasErrors(), "%v", diags)

	sc, err := Layout(doc, Options{View: JourneyView})
	require.NoError(t, err)
	legend, roles := legendAndBadges(sc)
	assert.Zero(t, roles["threat"], "the threat is on the shop's side, not drawn on Ann's line")
	assert.NotContains(t, legend, "Threat")

	doc.Journeys[0].Touchpoints[0].Extra.Elems[0].Attrs[0].Value = "receiver"
	sc, err = Layout(doc, Options{View: JourneyView})
	require.NoError(t, err)
	legend, roles = legendAndBadges(sc)
	assert.Equal(t, 1, roles["threat"])
	assert.Contains(t, legend, "Threat")

	sc, err = Layout(doc, Options{View: Swimlane})
	require.NoError(t, err)
	legend, roles = legendAndBadges(sc)
	assert.Equal(t, 1, roles["threat"])
	assert.Contains(t, legend, "Threat")
}
