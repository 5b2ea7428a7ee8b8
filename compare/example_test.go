package compare_test

import (
	"fmt"
	"io"

	"cjml.dev/cjml"
	"cjml.dev/compare"
)

// Align one actual journey of the broadband example with its plan.
func ExampleAlign() {
	doc, diags := cjml.ReadFile("../examples/broadband.xml", cjml.ReadOptions{})
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	actual := doc.Journey("AJ6") // no pick-up notice, a call, a wrong invoice
	r := compare.Align(doc.Planned(actual), actual, compare.Options{})
	for _, s := range r.Steps {
		if s.Status != compare.Completed {
			fmt.Println(s.Status, s.Planned != nil, s.Actual != nil)
		}
	}
	fmt.Printf("fitness %.3f, conforms %v\n", r.Fitness, r.Conforms)
	// Output:
	// missing true false
	// adhoc false true
	// failing true true
	// fitness 0.875, conforms false
}

// Compare every actual journey of a document and summarize.
func ExampleCompareDocument() {
	doc, _ := cjml.ReadFile("../examples/broadband.xml", cjml.ReadOptions{})
	results, diags := compare.CompareDocument(doc, nil, compare.Options{})
	s := compare.Summarize(results)
	fmt.Printf("%d journeys, %d conforming, mean fitness %.3f\n", s.Journeys, s.Conforming, s.MeanFitness)
	for _, tp := range s.Touchpoints {
		if tp.Completed < s.Journeys {
			fmt.Printf("%s: %d missing, %d failing, %d irregular\n", tp.Planned, tp.Missing, tp.Failing, tp.Irregular)
		}
	}
	for _, d := range diags {
		if d.Code == compare.CodeIrregular {
			fmt.Println(d)
		}
	}
	// Output:
	// 6 journeys, 1 conforming, mean fitness 0.918
	// T3: 1 missing, 0 failing, 0 irregular
	// T4: 0 missing, 0 failing, 1 irregular
	// T5: 1 missing, 0 failing, 0 irregular
	// T10: 0 missing, 1 failing, 0 irregular
	// ../examples/broadband.xml:772:7: warning: touchpoint T4 "Sends letter with activation code" happened out of the planned order (planned T4, position 4 of 10) [compare/irregular]
}

// Write an actual journey annotated with compliance values: the input of a
// deviation diagram.
func ExampleAnnotate() {
	doc, _ := cjml.ReadFile("../examples/broadband.xml", cjml.ReadOptions{})
	actual := doc.Journey("AJ5")
	j := compare.Annotate(compare.Align(doc.Planned(actual), actual, compare.Options{}))
	for _, tp := range j.Touchpoints[:4] {
		fmt.Println(tp.ID, tp.Compliance)
	}
	out := cjml.NewDocument()
	out.Journeys = []*cjml.Journey{doc.Planned(actual), j}
	if err := out.WriteXML(io.Discard); err != nil {
		fmt.Println(err)
	}
	// Output:
	// T1 completed
	// T2 completed
	// T3 missing
	// T4 completed
}
