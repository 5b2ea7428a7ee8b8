package cjml_test

import (
	"fmt"
	"os"

	"cjml.dev/cjml"
)

// Read a file, walk the touchpoints of its planned journey and look at each
// touchpoint's channel.
func Example() {
	doc, diags := cjml.ReadFile("../examples/broadband.xml", cjml.ReadOptions{})
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	plan := doc.Journey("PJ1")
	fmt.Printf("%s: %s, %d actual journeys follow it\n", plan.ID, plan.Title, len(doc.Journeys)-1)
	for _, tp := range plan.Touchpoints[:4] {
		fmt.Printf("%-4s %-18s %-13s %s\n", tp.ID, tp.Kind, tp.Channel.Family(), tp.Label())
	}
	// Output:
	// PJ1: Broadband onboarding, 6 actual journeys follow it
	// T1   communicationPoint web           Orders broadband on the web
	// T2   communicationPoint email         Sends order confirmation
	// T3   communicationPoint letter        Sends welcome letter with customer number
	// T4   communicationPoint letter        Sends letter with activation code
}

// Parse a document, change it and write it back as CJML XML.
func ExampleParse() {
	src := `<CJML version="2.0">
  <actualJourney>
    <journeyID>AJ1</journeyID>
    <actors><endUser actorID ="u1"/><serviceProvider actorID="utility"/></actors>
    <touchpoints>
      <actualAction>
        <touchpointID>T1</touchpointID>
        <initiator><refersTo actorIDref="u1"/><initiatorLabel>Reads the meter</initiatorLabel></initiator>
      </actualAction>
    </touchpoints>
  </actualJourney>
</CJML>`
	doc, diags := cjml.Parse("meter.xml", []byte(src))
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	j := doc.Journeys[0]
	j.Touchpoints = append(j.Touchpoints, &cjml.Touchpoint{
		ID:        "T2",
		Kind:      cjml.Communication,
		Initiator: cjml.Party{Actor: "u1", Label: "Sends the reading"},
		Receiver:  &cjml.Party{Actor: "utility", Label: "Registers the reading"},
		Channel:   "sms",
	})
	if err := doc.WriteXML(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <CJML version="2.0">
	//   <actualJourney>
	//     <journeyID>AJ1</journeyID>
	//     <actors>
	//       <endUser actorID="u1"/>
	//       <serviceProvider actorID="utility"/>
	//     </actors>
	//     <touchpoints>
	//       <actualAction>
	//         <touchpointID>T1</touchpointID>
	//         <initiator>
	//           <refersTo actorIDref="u1"/>
	//           <initiatorLabel>Reads the meter</initiatorLabel>
	//         </initiator>
	//       </actualAction>
	//       <actualCommunicationPoint>
	//         <touchpointID>T2</touchpointID>
	//         <initiator>
	//           <refersTo actorIDref="u1"/>
	//           <initiatorLabel>Sends the reading</initiatorLabel>
	//         </initiator>
	//         <receiver>
	//           <refersTo actorIDref="utility"/>
	//           <receiverLabel>Registers the reading</receiverLabel>
	//         </receiver>
	//         <channel>
	//           <channelName>sms</channelName>
	//         </channel>
	//       </actualCommunicationPoint>
	//     </touchpoints>
	//   </actualJourney>
	// </CJML>
}

// Errors name the file, line and column.
func ExampleParse_diagnostics() {
	_, diags := cjml.Parse("broken.xml", []byte("<CJML version=\"2.0\">\n  <actualJourney>\n    <journeyID>AJ1</journeyId>\n"))
	for _, d := range diags {
		fmt.Println(d)
	}
	// Output:
	// broken.xml:3:19: error: end tag </journeyId> does not match <journeyID> (line 3) [parse/syntax]
}

// Every part of the model knows where it was read.
func ExampleOrigin() {
	doc, _ := cjml.ReadFile("../examples/carl-bookis.xml", cjml.ReadOptions{})
	tp := doc.Journeys[0].Touchpoints[0]
	fmt.Println(doc.Source.Position(tp.Origin.ValueOf("receiver/refersTo/actorIDref")))
	// Output:
	// ../examples/carl-bookis.xml:21:33
}

// Resolve actor references the way the known tools do: by ID within the
// journey and the file, and leniently by name.
func ExampleResolver() {
	doc, _ := cjml.ReadFile("../examples/carl-bookis.xml", cjml.ReadOptions{})
	j := doc.Journeys[0]
	r := cjml.NewResolver(doc)
	tp := j.Touchpoints[0]
	for _, ref := range []string{tp.Initiator.Actor, tp.Receiver.Actor} {
		a := r.Resolve(j, ref)
		fmt.Printf("%q → %s (matched by %s)\n", ref, a.DisplayName(), a.Match)
	}
	// Output:
	// "Carl" → Carl (matched by id)
	// "Bookis" → Bookis (matched by name)
}

// Channel names differ between producers; Info normalizes them.
func ExampleChannel_Info() {
	for _, c := range []cjml.Channel{"Internet Via Smartphone", "internetViaPc", "faceToFace", "Telephone", "carrier pigeon"} {
		i := c.Info()
		fmt.Printf("%-24q %-22s %-10s known=%v\n", string(c), i.Name, i.Family, i.Known)
	}
	// Output:
	// "Internet Via Smartphone" internetViaSmartphone  web        known=true
	// "internetViaPc"          internetViaPC          web        known=true
	// "faceToFace"             faceToFace             faceToFace known=true
	// "Telephone"              telephone              phone      known=true
	// "carrier pigeon"         carrier pigeon         unknown    known=false
}
