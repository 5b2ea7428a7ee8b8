package schema_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
	"cjml.dev/schema"
)

// TestJSONForm checks the JSON Schema on forms written by hand, as a YAML
// or JSON author (or an editor using the schema) writes them, including
// values cjml's reader would have normalized.
func TestJSONForm(t *testing.T) {
	s := compile(t)
	wrap := func(journey string) string {
		return `{"version": "2.0", "journeys": [` + journey + `]}`
	}
	action := func(extra string) string {
		return wrap(`{"actualJourney": {"journeyID": "AJ1", "touchpoints": [{"actualAction": {
			"touchpointID": "T1", "initiator": {"refersTo": {"actorIDref": "ann"}}` + extra + `}}]}}`)
	}
	tests := []struct {
		name  string
		doc   string
		valid bool
		where string // instance location of the (first) error
	}{
		{"minimal", wrap(`{"plannedJourney": {"journeyID": "PJ1"}}`), true, ""},
		{"blank id", wrap(`{"plannedJourney": {"journeyID": "   "}}`), false, "/journeys/0/plannedJourney/journeyID"},
		{"id as text object", wrap(`{"plannedJourney": {"journeyID": {"@lang": "en", "$comment": "c", "$text": "PJ1"}}}`), true, ""},
		{"id object without text", wrap(`{"plannedJourney": {"journeyID": {"@lang": "en"}}}`), false, "/journeys/0/plannedJourney/journeyID"},
		{"rating as string", action(`, "touchpointExperience": {"experienceRating": "4"}`), true, ""},
		{"rating as number", action(`, "touchpointExperience": {"experienceRating": 5}`), true, ""},
		{"rating 4.5", action(`, "touchpointExperience": {"experienceRating": 4.5}`), false, "/journeys/0/actualJourney/touchpoints/0/actualAction/touchpointExperience/experienceRating"},
		{"rating word", action(`, "touchpointExperience": {"experienceRating": "Very Satisfied"}`), true, ""},
		{"rating empty", action(`, "touchpointExperience": {"experienceRating": ""}`), true, ""},
		{"compliance variant", action(`, "compliance": "AD_HOC"`), true, ""},
		{"compliance number", action(`, "compliance": 3`), false, "/journeys/0/actualJourney/touchpoints/0/actualAction/compliance"},
		{"extension", action(`, "ext:note": {"@ext:by": "me", "deep": [1, 2]}`), true, ""},
		{"$text in a touchpoint", action(`, "$text": "stray"`), false, "/journeys/0/actualJourney/touchpoints/0/actualAction"},
		{"list attribute and comment", wrap(`{"plannedJourney": {"journeyID": "PJ1", "actors": [{"@role": "all"}, {"$comment": "x"}, {"endUser": {"actorID": "u"}}]}}`), true, ""},
		{"list item with two keys", wrap(`{"plannedJourney": {"journeyID": "PJ1", "actors": [{"endUser": {"actorID": "u"}, "serviceProvider": {"actorID": "s"}}]}}`), false, "/journeys/0/plannedJourney/actors/0"},
		{"actor re-use", wrap(`{"plannedJourney": {"journeyID": "PJ1", "actors": [{"customer": {"actorIDref": "u"}}]}}`), true, ""},
		{"journeys not a list", `{"version": "2.0", "journeys": {"plannedJourney": {"journeyID": "PJ1"}}}`, false, "/journeys"},
		{"only extensions", `{"version": "2.0", "journeys": [{"ext:x": ""}]}`, false, "/journeys/0"},
		{"processing instruction", `{"version": "2.0", "$procInst": [{"target": "app", "data": "x"}], "journeys": [{"actualJourney": {"journeyID": "A"}}]}`, true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dec := json.NewDecoder(strings.NewReader(tc.doc))
			dec.UseNumber()
			var v any
			require.NoError(t, dec.Decode(&v))
			err := s.Validate(v)
			if tc.valid {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, leavesOf(err), tc.where+": ", "%v", err)
		})
	}
}

func leavesOf(err error) string {
	var b strings.Builder
	for _, l := range strings.Split(leavesErr(err), "\n") {
		b.WriteString(strings.TrimSpace(l) + "\n")
	}
	return b.String()
}

func TestDefs(t *testing.T) {
	d, ok := schema.Definition("actualAction")
	require.True(t, ok)
	assert.Equal(t, "actualAction", d.Title)
	assert.Contains(t, d.Description, "no receiver, channel or message")

	d, ok = schema.DefAt(schema.JSONID + "#/$defs/plannedJourney/else/properties/touchpoints/$ref")
	require.True(t, ok)
	assert.Equal(t, "plannedJourney", d.Name)
	d, ok = schema.DefAt("/properties/journeys/$ref/items/properties/actualJourney/$ref/else/$defs/ratingValue/maximum")
	require.True(t, ok)
	assert.Equal(t, "ratingValue", d.Name)
	_, ok = schema.DefAt("/properties/journeys")
	assert.False(t, ok)
	_, ok = schema.Definition("nothing")
	assert.False(t, ok)
}

// TestJourneyDefs checks that a journey can be checked on its own, against
// the definition of its kind: a validator can so check the journeys of a
// large document in parallel, or as they stream in.
func TestJourneyDefs(t *testing.T) {
	whole := compile(t)
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	require.NoError(t, c.AddResource(schema.JSONID, bytes.NewReader(schema.JSON)))
	kinds := map[string]*jsonschema.Schema{}
	for _, k := range []string{"plannedJourney", "actualJourney"} {
		s, err := c.Compile(schema.JSONID + "#/$defs/" + k)
		require.NoError(t, err)
		kinds[k] = s
	}
	files, _ := filepath.Glob("testdata/*.xml")
	for _, f := range files {
		doc, diags := cjml.ReadFile(f, cjml.ReadOptions{})
		require.False(t, diags.HasErrors(), f)
		v := doc.Form().Value().(map[string]any)
		allValid := true
		for _, item := range v["journeys"].([]any) {
			for k, journey := range item.(map[string]any) {
				if s := kinds[k]; s != nil && s.Validate(journey) != nil {
					allValid = false
				}
			}
		}
		if whole.Validate(v) == nil {
			assert.True(t, allValid, "%s: valid as a whole, but not journey by journey", f)
		}
	}
}
