// Package render draws CJML journeys as SVG diagrams for workshops: the
// swimlane (journey network) diagram, the customer journey diagram and the
// deviation diagram of an actual journey against its plan.
//
// Rendering has two steps. Layout turns a journey into a [scene.Scene]:
// boxes, circles, lines, icons and text at absolute positions, with every
// label measured with the real metrics of the Go fonts
// (cjml.dev/render/textmeasure) and wrapped to its box. Package
// cjml.dev/render/svg then writes the scene. Tests check the layout with
// numbers: no two text boxes overlap and every one lies on the canvas.
//
// Output is deterministic: the same input and options give the same bytes.
package render

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"cjml.dev/cjml"
	"cjml.dev/compare"
	"cjml.dev/render/scene"
	"cjml.dev/render/svg"
)

// View is a kind of diagram.
type View int

// Views.
const (
	// Swimlane is the journey network diagram: one lane per actor, one
	// column per touchpoint, messages as dashed arrows (the default).
	Swimlane View = iota
	// JourneyView is the customer journey diagram: the end user's
	// perspective on one line of circles and squares.
	JourneyView
	// DeviationView draws an actual journey against its plan.
	DeviationView
)

// String returns the name used by cjml render --view.
func (v View) String() string {
	switch v {
	case JourneyView:
		return "journey"
	case DeviationView:
		return "deviation"
	}
	return "swimlane"
}

// ParseView parses "swimlane", "journey" or "deviation".
func ParseView(s string) (View, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "swimlane", "network":
		return Swimlane, nil
	case "journey":
		return JourneyView, nil
	case "deviation":
		return DeviationView, nil
	}
	return Swimlane, fmt.Errorf("unknown view %q (want swimlane, journey or deviation)", s)
}

// Options configure rendering. The zero value draws a swimlane diagram of
// the document's first journey in the cjml.no colours.
type Options struct {
	View View
	// Journey is the ID of the journey to draw. Empty means the first
	// journey, or for the deviation view the first actual journey whose
	// plan is in the document.
	Journey string
	// Time spaces touchpoints by their timestamps (compressing long gaps)
	// instead of evenly, when the journey has timestamps.
	Time bool
	// Palette colours the diagram; the zero value means [CJML].
	Palette Palette
	// Align aligns an actual journey with its plan for the deviation view
	// of [Render]. Nil means [compare.Align].
	Align func(planned, actual *cjml.Journey) *compare.Result
}

func (o *Options) palette() *Palette {
	if o.Palette.Name == "" {
		p := CJML
		return &p
	}
	p := o.Palette
	return &p
}

// ErrNoJourney is wrapped by errors about a journey that is not there.
var ErrNoJourney = errors.New("no such journey")

// Render draws one journey of doc in the view opt asks for and writes the
// SVG to w.
func Render(w io.Writer, doc *cjml.Document, opt Options) error {
	sc, err := Layout(doc, opt)
	if err != nil {
		return err
	}
	return svg.Write(w, sc)
}

// RenderJourney draws a journey that is not part of a document (its actor
// references are resolved within the journey).
func RenderJourney(w io.Writer, j *cjml.Journey, opt Options) error {
	doc := cjml.NewDocument()
	doc.Journeys = []*cjml.Journey{j}
	opt.Journey = j.ID
	return Render(w, doc, opt)
}

// Deviation draws the deviation diagram of an alignment and writes the SVG
// to w.
func Deviation(w io.Writer, res *compare.Result, opt Options) error {
	if res == nil || res.Actual == nil {
		return errors.New("render: no alignment to draw")
	}
	return svg.Write(w, LayoutDeviation(res, nil, opt))
}

// Layout builds the scene of one journey of doc.
func Layout(doc *cjml.Document, opt Options) (*scene.Scene, error) {
	if doc == nil || len(doc.Journeys) == 0 {
		return nil, fmt.Errorf("%w: the document has no journeys", ErrNoJourney)
	}
	j, err := pick(doc, opt)
	if err != nil {
		return nil, err
	}
	r := cjml.NewResolver(doc)
	align := opt.Align
	if align == nil {
		align = defaultAlign
	}
	switch opt.View {
	case JourneyView:
		return layoutJourney(j, r, statuses(doc, j, align), opt), nil
	case DeviationView:
		return LayoutDeviation(align(doc.Planned(j), j), r, opt), nil
	}
	return layoutSwimlane(j, r, statuses(doc, j, align), opt), nil
}

// pick returns the journey opt names, or the default for the view.
func pick(doc *cjml.Document, opt Options) (*cjml.Journey, error) {
	var j *cjml.Journey
	if opt.Journey != "" {
		j = doc.Journey(opt.Journey)
		if j == nil {
			return nil, fmt.Errorf("%w %q (the document has %s)", ErrNoJourney, opt.Journey, journeyList(doc))
		}
	}
	if opt.View != DeviationView {
		if j == nil {
			j = doc.Journeys[0]
		}
		return j, nil
	}
	if j == nil {
		for _, c := range doc.Journeys {
			if c.Kind == cjml.Actual && doc.Planned(c) != nil {
				j = c
				break
			}
		}
		if j == nil {
			return nil, fmt.Errorf("%w: the deviation view needs an actual journey whose plannedReference names a planned journey of the document (the document has %s)", ErrNoJourney, journeyList(doc))
		}
	}
	if j.Kind != cjml.Actual {
		return nil, fmt.Errorf("journey %q is a planned journey; the deviation view draws an actual journey against its plan", j.ID)
	}
	if doc.Planned(j) == nil {
		if j.PlannedReference == "" {
			return nil, fmt.Errorf("journey %q has no plannedReference; the deviation view needs its plan", j.ID)
		}
		return nil, fmt.Errorf("journey %q refers to the planned journey %q, which is not in the document", j.ID, j.PlannedReference)
	}
	return j, nil
}

func journeyList(doc *cjml.Document) string {
	var ids []string
	for _, j := range doc.Journeys {
		ids = append(ids, j.ID+" ("+j.Kind.String()+")")
	}
	if len(ids) == 0 {
		return "no journeys"
	}
	return strings.Join(ids, ", ")
}
