// Package glyph holds the line icons cjml draws in its diagrams: one per
// channel family of a communication point (CJML spec §2.7), an
// unknown-channel fallback, actor icons (end user, service provider), the
// five experience faces and the threat, unwanted-incident, failing,
// out-of-order and action markers.
//
// The icons were drawn for cjml; they are not the CC BY-SA CJML v1.1
// graphics. Each [Icon] is a list of SVG path data strings in a 24 × 24 box,
// meant to be stroked, never filled: fill="none", stroke-width [StrokeWidth]
// (in box units), round line caps and joins. A dot is a zero-length segment
// ("M9 10h.01"), which round caps draw as a disc. Every coordinate lies
// within [Margin, 24−Margin], so the stroke stays inside the box.
//
// [Icon.SVG] writes an icon as an SVG group scaled to any size:
//
//	icon := glyph.Channel(cjml.Channel("Internet Via Smartphone").Family())
//	fmt.Fprint(w, icon.SVG(100, 40, 16, "#31859c")) // at (100,40), 16 px wide
package glyph

import (
	"slices"
	"strconv"
	"strings"

	"cjml.dev/cjml"
)

// Size is the width and height of the box the icons are drawn in.
const Size = 24

// StrokeWidth is the stroke width the icons are designed for, in box units.
const StrokeWidth = 2

// Margin is the distance every path coordinate keeps from the box edges:
// half the stroke width.
const Margin = StrokeWidth / 2

// An Icon is a line drawing in a [Size] × [Size] box.
type Icon struct {
	// Name identifies the icon ("email", "face-3"); it is unique among the
	// icons of this package, and suits a CSS class or an SVG id.
	Name string
	// Paths are SVG path data strings ("d" attributes), to be stroked with
	// StrokeWidth, round caps and joins, and no fill.
	Paths []string
}

// SVG returns the icon as an SVG <g> element whose box has its top left
// corner at (x, y) and is size wide and high, stroked in the colour stroke
// (a CSS colour, escaped here). The stroke width scales with the icon.
func (i Icon) SVG(x, y, size float64, stroke string) string {
	var b strings.Builder
	b.WriteString(`<g class="glyph-`)
	b.WriteString(attr(i.Name))
	b.WriteString(`" transform="translate(`)
	b.WriteString(num(x))
	b.WriteByte(' ')
	b.WriteString(num(y))
	b.WriteString(`) scale(`)
	b.WriteString(num(size / Size))
	b.WriteString(`)" fill="none" stroke="`)
	b.WriteString(attr(stroke))
	b.WriteString(`" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">`)
	for _, p := range i.Paths {
		b.WriteString(`<path d="`)
		b.WriteString(attr(p))
		b.WriteString(`"/>`)
	}
	b.WriteString(`</g>`)
	return b.String()
}

// num formats a coordinate with at most three decimals.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

var attrEscaper = strings.NewReplacer(`&`, "&amp;", `<`, "&lt;", `>`, "&gt;", `"`, "&quot;", `'`, "&#39;",
	"\n", "&#10;", "\r", "&#13;", "\t", "&#9;")

// attr escapes s for an XML attribute value in double quotes.
func attr(s string) string { return attrEscaper.Replace(s) }

// Shapes reused by several icons.
const (
	circle10 = "M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20z" // circle r=10 at the centre
	eyes     = "M9 9.5h.01M15 9.5h.01"
)

var channels = map[cjml.ChannelFamily]Icon{
	// A globe: the internet and web sites.
	cjml.FamilyWeb: {"web", []string{
		circle10,
		"M2 12h20",
		"M12 2c-5.3 5.3-5.3 14.7 0 20",
		"M12 2c5.3 5.3 5.3 14.7 0 20",
	}},
	// A smartphone with app tiles.
	cjml.FamilyApp: {"app", []string{
		"M8 2h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z",
		"M10 8h.01M14 8h.01M10 12h.01M14 12h.01",
		"M11 19h2",
	}},
	// An envelope with its flap.
	cjml.FamilyEmail: {"email", []string{
		"M4 5h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z",
		"M2.5 6.5l9.5 7 9.5-7",
	}},
	// A speech bubble with three dots.
	cjml.FamilySMS: {"sms", []string{
		"M5 4h14a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-9l-5 4v-4H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z",
		"M8 10.5h.01M12 10.5h.01M16 10.5h.01",
	}},
	// An in-tray: a secure message in a digital mailbox.
	cjml.FamilyMessage: {"message", []string{
		"M6 4h12l4 8v6a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2v-6z",
		"M2 12h5.5l1.5 3h6l1.5-3H22",
	}},
	// Two overlapping speech bubbles: a conversation.
	cjml.FamilyChat: {"chat", []string{
		"M3 3h11a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H8l-4 3v-3H3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z",
		"M18 8h3a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-1v3l-4-3h-6a1 1 0 0 1-1-1v-1",
	}},
	// Three linked nodes: sharing on social media.
	cjml.FamilySocialMedia: {"socialMedia", []string{
		"M18 2.5a3 3 0 1 1 0 6a3 3 0 1 1 0-6z",
		"M6 9a3 3 0 1 1 0 6a3 3 0 1 1 0-6z",
		"M18 15.5a3 3 0 1 1 0 6a3 3 0 1 1 0-6z",
		"M8.6 10.5l6.8-3.5M8.6 13.5l6.8 3.5",
	}},
	// A telephone handset.
	cjml.FamilyPhone: {"phone", []string{
		"M4 3h4l2 5-2.5 1.5a11 11 0 0 0 7 7L16 14l5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 2 5a2 2 0 0 1 2-2z",
	}},
	// A sheet of paper with a folded corner and lines of text.
	cjml.FamilyLetter: {"letter", []string{
		"M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z",
		"M14 2v6h6",
		"M8 9h3M8 13h8M8 17h8",
	}},
	// A receipt with a torn edge and a total.
	cjml.FamilyInvoice: {"invoice", []string{
		"M5 2h14v20l-2.3-1.5-2.3 1.5-2.4-1.5-2.4 1.5-2.3-1.5L5 22z",
		"M8 6.5h8M8 10h8M8 13.5h4",
		"M13 17h3",
	}},
	// A cardboard box.
	cjml.FamilyParcel: {"parcel", []string{
		"M12 2l9 4.5v11L12 22l-9-4.5v-11z",
		"M3 6.5l9 4.5 9-4.5",
		"M12 11v11",
		"M7.5 4.3l9 4.5v3.7",
	}},
	// A fax machine: a handset beside a body that prints a page.
	cjml.FamilyFax: {"fax", []string{
		"M9 9V3h9l2 2v4",
		"M3 9h18a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V10a1 1 0 0 1 1-1z",
		"M6 9v12",
		"M10 13h.01M14 13h.01M18 13h.01M10 17h.01M14 17h.01M18 17h.01",
	}},
	// Two people facing each other.
	cjml.FamilyFaceToFace: {"faceToFace", []string{
		"M7 4a3 3 0 1 1 0 6a3 3 0 1 1 0-6z",
		"M17 4a3 3 0 1 1 0 6a3 3 0 1 1 0-6z",
		"M2 20v-2a5 5 0 0 1 10 0v2",
		"M12 20v-2a5 5 0 0 1 10 0v2",
	}},
	// A counter bell: reception and service desks.
	cjml.FamilyServiceDesk: {"serviceDesk", []string{
		"M3 18h18",
		"M4.5 18a7.5 7.5 0 0 1 15 0",
		"M12 10.5V7.5M10 7.5h4",
		"M2 21h20",
	}},
	// A cash machine dispensing a note.
	cjml.FamilySelfService: {"selfService", []string{
		"M4 3h16a2 2 0 0 1 2 2v4a2 2 0 0 1-2 2h-2M6 11H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z",
		"M5 7h14",
		"M7 7v13a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V7",
		"M12 11.5a2 2 0 1 1 0 4a2 2 0 1 1 0-4z",
	}},
	// A payment card.
	cjml.FamilyPayment: {"payment", []string{
		"M4 5h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z",
		"M2 10h20",
		"M6 15h4M14 15h2",
	}},
	// A shopping bag.
	cjml.FamilyShop: {"shop", []string{
		"M5 7h14l1.5 15h-17z",
		"M9 10V6a3 3 0 0 1 6 0v4",
	}},
	// A wrench.
	cjml.FamilyTechnician: {"technician", []string{
		"M15 2.5a5.5 5.5 0 0 0-5 7.6l-7.2 7.2a2 2 0 0 0 2.9 2.9l7.2-7.2a5.5 5.5 0 0 0 7.6-5l-3.3 3.3-3-.6-.6-3z",
	}},
}

var unknown = Icon{"unknown", []string{
	"M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z",
	"M9.3 9a2.8 2.8 0 0 1 5.4 1c0 1.9-2.7 2.2-2.7 4",
	"M12 17.5h.01",
}}

// Channel returns the icon of a channel family; [Unknown] for
// cjml.FamilyUnknown, cjml.FamilyNone and any family this package does not
// know.
func Channel(f cjml.ChannelFamily) Icon {
	i, ok := channels[f]
	if !ok {
		i = unknown
	}
	return Icon{i.Name, slices.Clone(i.Paths)}
}

// Unknown returns the unknown-channel icon: a question mark in a square.
func Unknown() Icon { return Icon{unknown.Name, slices.Clone(unknown.Paths)} }

// EndUser returns the icon of an end user (customer, patient): a person.
func EndUser() Icon {
	return Icon{"endUser", []string{
		"M12 3a4 4 0 1 1 0 8a4 4 0 1 1 0-8z",
		"M4 21v-1a7 7 0 0 1 7-7h2a7 7 0 0 1 7 7v1",
	}}
}

// Provider returns the icon of a service provider or other organisation: an
// office building.
func Provider() Icon {
	return Icon{"provider", []string{
		"M4 22V4a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v18",
		"M15 9h4a1 1 0 0 1 1 1v12",
		"M2 22h20",
		"M8 7h3M8 11h3M8 15h3",
		"M10 22v-3",
	}}
}

// Face returns the experience face for a rating from 1 (very dissatisfied)
// to 5 (very satisfied). Ratings outside 1..5 are clamped.
func Face(rating int) Icon {
	rating = min(max(rating, 1), 5)
	mouths := [...][]string{
		{"M7.5 17a5 5 0 0 1 9 0", "M7 7.5l3 1.2M17 7.5l-3 1.2"},
		{"M8 16.5q4-2.5 8 0"},
		{"M8 15.5h8"},
		{"M8 14.5q4 2.5 8 0"},
		{"M7.5 13.5h9a4.5 4.5 0 0 1-9 0z"},
	}
	return Icon{"face-" + strconv.Itoa(rating), append([]string{circle10, eyes}, mouths[rating-1]...)}
}

// Threat returns the threat marker: a warning triangle.
func Threat() Icon {
	return Icon{"threat", []string{
		"M10.3 3.5L2.2 18a2 2 0 0 0 1.7 3h16.2a2 2 0 0 0 1.7-3L13.7 3.5a2 2 0 0 0-3.4 0z",
		"M12 9v5",
		"M12 17.5h.01",
	}}
}

// Incident returns the unwanted-incident marker: a burst.
func Incident() Icon {
	return Icon{"incident", []string{
		"M12 2l2.2 5.2 5.3-2.2-2.2 5.3L22 12l-4.7 1.7 2.2 5.3-5.3-2.2L12 22l-2.2-5.2-5.3 2.2 2.2-5.3L2 12l4.7-1.7-2.2-5.3 5.3 2.2z",
		"M12 9v3.5",
		"M12 15h.01",
	}}
}

// Failing returns the mark of a failing touchpoint: a cross.
func Failing() Icon {
	return Icon{"failing", []string{"M5 5l14 14M19 5L5 19"}}
}

// Action returns the icon of an action (a touchpoint one actor does alone):
// a pointer clicking.
func Action() Icon {
	return Icon{"action", []string{
		"M9 9l4.5 12 1.8-5.2L20.5 14z",
		"M15.3 15.8L20 20.5",
		"M9 2v3M3.5 4.5l2 2M2 10h3M14.5 4.5l-2 2",
	}}
}

// Irregular returns the mark of a touchpoint out of its planned order: an
// arrow turning back.
func Irregular() Icon {
	return Icon{"irregular", []string{
		"M4 12a8 8 0 1 0 2.4-5.7L4 8.7",
		"M4 3.5v5.2h5.2",
	}}
}

// Attacker returns the icon of an attacker actor (security flavour): a
// person wearing a mask.
func Attacker() Icon {
	return Icon{"attacker", []string{
		"M12 3a4 4 0 1 1 0 8a4 4 0 1 1 0-8z",
		"M6.5 6.5h11",
		"M10 8.5h.01M14 8.5h.01",
		"M4 21v-1a7 7 0 0 1 7-7h2a7 7 0 0 1 7 7v1",
	}}
}

// Families returns the channel families that have their own icon, in the
// order of the cjml package's constants.
func Families() []cjml.ChannelFamily {
	return []cjml.ChannelFamily{
		cjml.FamilyWeb, cjml.FamilyApp, cjml.FamilyEmail, cjml.FamilySMS, cjml.FamilyMessage,
		cjml.FamilyChat, cjml.FamilySocialMedia, cjml.FamilyPhone, cjml.FamilyLetter,
		cjml.FamilyInvoice, cjml.FamilyParcel, cjml.FamilyFax, cjml.FamilyFaceToFace,
		cjml.FamilyServiceDesk, cjml.FamilySelfService, cjml.FamilyPayment, cjml.FamilyShop,
		cjml.FamilyTechnician,
	}
}

// All returns every icon of the package: the channel icons in [Families]
// order, then Unknown, EndUser, Provider, Attacker, the faces 1..5, Threat,
// Incident, Failing, Irregular and Action.
func All() []Icon {
	var out []Icon
	for _, f := range Families() {
		out = append(out, Channel(f))
	}
	out = append(out, Unknown(), EndUser(), Provider(), Attacker())
	for r := 1; r <= 5; r++ {
		out = append(out, Face(r))
	}
	return append(out, Threat(), Incident(), Failing(), Irregular(), Action())
}
