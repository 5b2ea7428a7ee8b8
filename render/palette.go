package render

import (
	"fmt"
	"strings"
)

// A Palette holds the colours of a diagram. Two are built in: [CJML]
// (the current cjml.no colours, the default) and [V11] (the CJML v1.1
// graphical elements of March 2021). Every colour has at least 4.5:1
// contrast against white where it colours text or thin lines, so that
// diagrams survive projectors and grey-scale printers.
type Palette struct {
	Name string
	// Send rings a communication point the end user initiates; Receive one
	// the end user receives; Other one between two other actors. In the
	// v1.1 palette Receive and Other are the provider green (the ring
	// shows the initiator: orange for the end user, green for the
	// company).
	Send, Receive, Other string
	// Box and BoxStroke paint the swimlane's communication-point boxes;
	// Action and ActionStroke action boxes.
	Box, BoxStroke       string
	Action, ActionStroke string
	// Lane and LaneAlt alternate as lane backgrounds; LaneBorder and
	// Header frame them.
	Lane, LaneAlt, LaneBorder, Header string
	// Phase fills phase bands; PhaseText labels them.
	Phase, PhaseText string
	// Text, Muted: label and secondary text. Arrow: message arrows.
	// Connector: journey-line connectors, start and end markers.
	Text, Muted, Arrow, Connector string
	// Deviation colours.
	AdHoc, Failing, Missing, Irregular string
	// Threat and Incident colour security badges.
	Threat, Incident string
	// Rating colours experience ratings 1 (very dissatisfied) … 5.
	Rating [5]string
	// Icon is the stroke colour of channel and actor glyphs.
	Icon string
}

// CJML is the palette of the current cjml.no notation: orange when the end
// user sends, blue when the end user receives.
var CJML = Palette{
	Name: "cjml",
	Send: "#d35f00", Receive: "#1f6fb2", Other: "#595959",
	Box: "#e8f1f8", BoxStroke: "#1f6fb2",
	Action: "#ffffff", ActionStroke: "#595959",
	Lane: "#f7f7f7", LaneAlt: "#eeeeee", LaneBorder: "#d0d0d0", Header: "#ffffff",
	Phase: "#dde7f0", PhaseText: "#1b3a57",
	Text: "#1a1a1a", Muted: "#595959", Arrow: "#333333", Connector: "#6b6b6b",
	AdHoc: "#b0006e", Failing: "#c00000", Missing: "#6b6b6b", Irregular: "#7a3db8",
	Threat: "#b35900", Incident: "#c00000",
	Rating: [5]string{"#c00000", "#d35f00", "#8a6d00", "#4d8a1f", "#1e7a34"},
	Icon:   "#263238",
}

// V11 is the palette of the CJML v1.1 graphical elements: orange rings
// when the end user initiates, green when the company does, and the
// swimlane boxes filled #dbeef4 with a teal #31859c outline.
var V11 = Palette{
	Name: "v1.1",
	Send: "#e46c0a", Receive: "#77933c", Other: "#77933c",
	Box: "#dbeef4", BoxStroke: "#31859c",
	Action: "#ffffff", ActionStroke: "#595959",
	Lane: "#f2f2f2", LaneAlt: "#e9e9e9", LaneBorder: "#d8d8d8", Header: "#ffffff",
	Phase: "#dbeef4", PhaseText: "#215968",
	Text: "#1a1a1a", Muted: "#595959", Arrow: "#262626", Connector: "#7f7f7f",
	AdHoc: "#b0006e", Failing: "#c00000", Missing: "#7f7f7f", Irregular: "#7030a0",
	Threat: "#c55a11", Incident: "#c00000",
	Rating: [5]string{"#c00000", "#e46c0a", "#8a6d00", "#548235", "#00803a"},
	Icon:   "#262626",
}

// Palettes lists the built-in palettes by name.
var Palettes = map[string]Palette{"cjml": CJML, "v1.1": V11}

// PaletteByName returns the built-in palette called name ("cjml", "v1.1";
// "v11" and "cjml.no" are accepted too).
func PaletteByName(name string) (Palette, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "cjml", "cjml.no", "current":
		return CJML, nil
	case "v1.1", "v11", "1.1":
		return V11, nil
	}
	return Palette{}, fmt.Errorf("unknown palette %q (want cjml or v1.1)", name)
}

// ratingColour returns the colour of rating n (1–5).
func (p *Palette) ratingColour(n int) string {
	if n < 1 || n > 5 {
		return p.Muted
	}
	return p.Rating[n-1]
}
