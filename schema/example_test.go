package schema_test

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"cjml.dev/cjml"
	"cjml.dev/schema"
)

// Checking a document against the JSON Schema, as package validate does:
// compile schema.JSON under schema.JSONID, validate the document's JSON
// form, and map each error back to the file with Form.Position and to the
// schema's wording with DefAt.
func Example() {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource(schema.JSONID, bytes.NewReader(schema.JSON)); err != nil {
		panic(err)
	}
	s := c.MustCompile(schema.JSONID)

	src := `<CJML version="2.0">
  <plannedJourney>
    <journeyID>PJ1</journeyID>
    <touchpoints>
      <plannedAction>
        <touchpointID>T1</touchpointID>
        <initiator><refersTo actorIDref="shop"/></initiator>
        <channel><channelName>email</channelName></channel>
      </plannedAction>
    </touchpoints>
  </plannedJourney>
</CJML>`
	doc, _ := cjml.Parse("journey.xml", []byte(src))
	form := doc.Form()
	var ve *jsonschema.ValidationError
	if errors.As(s.Validate(form.Value()), &ve) {
		for len(ve.Causes) > 0 {
			ve = ve.Causes[0]
		}
		def, _ := schema.DefAt(ve.AbsoluteKeywordLocation)
		pos := form.KeyPosition(ve.InstanceLocation + "/channel")
		fmt.Printf("%d:%d: %s (in %s)\n", pos.Line, pos.Column, ve.Message, def.Title)
	}
	// Output:
	// 8:9: additionalProperties 'channel' not allowed (in plannedAction)
}
