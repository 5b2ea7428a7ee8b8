package validate_test

import (
	"fmt"
	"os"

	"cjml.dev/validate"
)

func ExampleFile() {
	// The cjml.no sample refers to its service provider by company name.
	for _, d := range validate.File("../examples/carl-bookis.xml", validate.Options{}) {
		fmt.Println(d)
	}
	// Output:
	// ../examples/carl-bookis.xml:21:33: warning: touchpoint TP1: the receiver refers to "Bookis", which is no actor ID; it matches only the name of actor "Company A" (write actorIDref="Company A") [rule/actor-by-name]
}

func ExampleBytes() {
	src := []byte(`<CJML version="2.0">
  <plannedJourney>
    <journeyID>PJ1</journeyID>
    <actors>
      <endUser actorID="ann"/>
      <serviceProvider actorID="shop"/>
    </actors>
    <touchpoints>
      <plannedAction>
        <touchpointID>T1</touchpointID>
        <initiator><refersTo actorIDref="bob"/><initiatorLabel>Orders</initiatorLabel></initiator>
        <touchpointExperience><experienceRating>5</experienceRating></touchpointExperience>
      </plannedAction>
    </touchpoints>
  </plannedJourney>
</CJML>
`)
	for _, d := range validate.Bytes("plan.xml", src, validate.Options{}) {
		fmt.Println(d)
	}
	// Output:
	// plan.xml:11:42: error: touchpoint T1: the initiator refers to actor "bob", which is not declared [rule/unknown-actor]
	// plan.xml:12:9: error: touchpoint T1: planned touchpoints cannot have an experience; experience is recorded only in actual journeys [rule/experience-in-planned]
}

func ExampleReport_Write() {
	r := &validate.Report{
		Files:       []string{"../examples/carl-bookis.xml"},
		Diagnostics: validate.File("../examples/carl-bookis.xml", validate.Options{Strict: true}),
	}
	_ = r.Write(os.Stdout, validate.GitHub)
	fmt.Println("failed:", r.Failed())
	// Output:
	// ::error file=../examples/carl-bookis.xml,line=21,col=33,title=rule/actor-by-name::touchpoint TP1: the receiver refers to "Bookis", which is no actor ID; it matches only the name of actor "Company A" (write actorIDref="Company A")
	// failed: true
}
