package render_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"

	"cjml.dev/cjml"
	"cjml.dev/compare"
	"cjml.dev/render"
)

func ExampleRender() {
	doc, diags := cjml.ReadFile("../examples/broadband.xml", cjml.ReadOptions{})
	if diags.HasErrors() {
		log.Fatal(diags)
	}
	var svg bytes.Buffer
	if err := render.Render(&svg, doc, render.Options{View: render.Swimlane, Journey: "PJ1"}); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Contains(svg.String(), "<title>Broadband onboarding (PJ1)</title>"))
	// Output: true
}

func ExampleDeviation() {
	doc, diags := cjml.ReadFile("../examples/broadband.xml", cjml.ReadOptions{})
	if diags.HasErrors() {
		log.Fatal(diags)
	}
	actual := doc.Journey("AJ6")
	res := compare.Align(doc.Planned(actual), actual, compare.Options{})
	var svg bytes.Buffer
	if err := render.Deviation(&svg, res, render.Options{Palette: render.V11}); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Count(svg.String(), `class="deviation-line`))
	// Output: 1
}

func ExampleLayout() {
	doc, _ := cjml.ReadFile("../examples/carl-bookis.xml", cjml.ReadOptions{})
	sc, err := render.Layout(doc, render.Options{View: render.JourneyView})
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range sc.Texts() {
		if len(t.Lines) > 0 && strings.HasPrefix(t.Lines[0], "Customer") {
			fmt.Printf("%q fits in %.0f px\n", t.Lines, t.Box.W)
		}
	}
	// Output: ["Customer creates account"] fits in 129 px
}

func ExampleRenderJourney() {
	j := &cjml.Journey{Kind: cjml.Planned, ID: "PJ1", Title: "Meter reading",
		Actors: []*cjml.Actor{
			{Kind: cjml.EndUser, ID: "john", Name: "John"},
			{Kind: cjml.ServiceProvider, ID: "utility", CompanyName: "Utility"},
		},
		Touchpoints: []*cjml.Touchpoint{
			{ID: "T1", Kind: cjml.Action, Initiator: cjml.Party{Actor: "john", Label: "Reads the meter and writes the number down"}},
			{ID: "T2", Kind: cjml.Communication, Channel: "sms",
				Initiator: cjml.Party{Actor: "john", Label: "Sends the reading"},
				Receiver:  &cjml.Party{Actor: "utility", Label: "Registers the reading"}},
		}}
	var svg bytes.Buffer
	if err := render.RenderJourney(&svg, j, render.Options{View: render.JourneyView}); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Count(svg.String(), `class="touchpoint`), strings.Contains(svg.String(), ">Sends the reading<"))
	// Output: 2 true
}
