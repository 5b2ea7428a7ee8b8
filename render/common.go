package render

import (
	"strings"

	"cjml.dev/cjml"
	"cjml.dev/compare"
	"cjml.dev/render/scene"
)

// Page geometry shared by the views (px).
const (
	margin  = 24.0
	gap     = 12.0
	minPage = 720.0
)

// titleBlock lays out the journey's title, kind and ID at the top of a page
// of width w. It returns the items and the y below them.
func titleBlock(ts *typeset, pal *Palette, j *cjml.Journey, view string, extra []string, w float64) ([]scene.Item, float64) {
	var items []scene.Item
	y := margin
	title := j.Title
	if strings.TrimSpace(title) == "" {
		title = j.ID
	}
	if strings.TrimSpace(title) == "" {
		title = "Untitled journey"
	}
	it, h := ts.text(title, tstyle{size: sizeTitle, bold: true, fill: pal.Text, maxLines: 2}, margin, y, w-2*margin, "title")
	if it != nil {
		items = append(items, *it)
		y += h + 4
	}
	kind := "Planned journey"
	if j.Kind == cjml.Actual {
		kind = "Actual journey"
	}
	meta := []string{kind}
	if j.ID != "" {
		meta = append(meta, "ID "+j.ID)
	}
	if j.Kind == cjml.Actual && j.PlannedReference != "" {
		meta = append(meta, "planned journey "+j.PlannedReference)
	}
	meta = append(meta, view)
	meta = append(meta, extra...)
	it, h = ts.text(strings.Join(meta, "  ·  "), tstyle{size: sizeMeta, fill: pal.Muted, maxLines: 2}, margin, y, w-2*margin, "meta")
	if it != nil {
		items = append(items, *it)
		y += h
	}
	return items, y + gap
}

// emptyNote says that a journey has no touchpoints to draw.
func emptyNote(ts *typeset, pal *Palette, y, w float64) (*scene.Item, float64) {
	it, h := ts.line("This journey has no touchpoints.", tstyle{size: sizeLabel, italic: true, fill: pal.Muted}, margin, y, w-2*margin, "empty")
	return it, h + gap
}

// A legendEntry is a swatch drawn by draw in a box of width sw and height
// legendSwatchH whose top-left is x, y, followed by a label.
type legendEntry struct {
	sw    float64
	draw  func(x, y float64) []scene.Item
	label string
}

const legendSwatchH = 18.0

// legend lays out the entries in rows across the page, starting at y. It
// returns the items and the y below them.
func legend(ts *typeset, pal *Palette, entries []legendEntry, y, w float64) ([]scene.Item, float64) {
	if len(entries) == 0 {
		return nil, y
	}
	var items []scene.Item
	head, h := ts.line("Legend", tstyle{size: sizeLegend, bold: true, fill: pal.Text}, margin, y, w-2*margin, "legend")
	items = append(items, *head)
	y += h + 6
	st := tstyle{size: sizeLegend, fill: pal.Text}
	x := margin
	rowH := legendSwatchH
	maxX := w - margin
	for _, e := range entries {
		lw := ts.width(e.label, st)*(1+slack) + 2
		avail := maxX - margin - e.sw - 6
		lw = min(lw, avail)
		ew := e.sw + 6 + lw
		if x > margin && x+ew > maxX {
			x = margin
			y += rowH + 6
		}
		items = append(items, e.draw(x, y)...)
		th := ts.height(1, st)
		if it, _ := ts.line(e.label, st, x+e.sw+6, y+(legendSwatchH-th)/2, lw, "legend"); it != nil {
			items = append(items, *it)
		}
		x += ew + 18
	}
	return items, y + rowH + gap
}

// familyName is the legend name of a channel family.
func familyName(f cjml.ChannelFamily) string {
	switch f {
	case cjml.FamilyWeb:
		return "Web"
	case cjml.FamilyApp:
		return "App"
	case cjml.FamilyEmail:
		return "E-mail"
	case cjml.FamilySMS:
		return "SMS"
	case cjml.FamilyMessage:
		return "Message"
	case cjml.FamilyChat:
		return "Chat"
	case cjml.FamilySocialMedia:
		return "Social media"
	case cjml.FamilyPhone:
		return "Phone"
	case cjml.FamilyLetter:
		return "Letter"
	case cjml.FamilyInvoice:
		return "Invoice"
	case cjml.FamilyParcel:
		return "Parcel"
	case cjml.FamilyFax:
		return "Fax"
	case cjml.FamilyFaceToFace:
		return "Face to face"
	case cjml.FamilyServiceDesk:
		return "Service desk"
	case cjml.FamilySelfService:
		return "Self-service machine"
	case cjml.FamilyPayment:
		return "Payment"
	case cjml.FamilyShop:
		return "Shop"
	case cjml.FamilyTechnician:
		return "Technician"
	case cjml.FamilyNone:
		return "No channel"
	}
	return "Other channel"
}

// channelEntries returns legend entries for the channel families the
// touchpoints use, in order of first use.
func channelEntries(pal *Palette, tps []*cjml.Touchpoint) []legendEntry {
	seen := map[cjml.ChannelFamily]bool{}
	var out []legendEntry
	for _, t := range tps {
		if t == nil || t.Kind != cjml.Communication {
			continue
		}
		f := t.Channel.Family()
		if seen[f] {
			continue
		}
		seen[f] = true
		g := channelGlyph(f)
		out = append(out, legendEntry{sw: legendSwatchH, label: familyName(f), draw: func(x, y float64) []scene.Item {
			return []scene.Item{icon(g, x, y, legendSwatchH, pal.Icon, "legend")}
		}})
	}
	return out
}

// score returns a touchpoint's experience rating 1–5, or 0.
func score(t *cjml.Touchpoint) int {
	if t == nil {
		return 0
	}
	if n, ok := t.Experience.Score(); ok {
		return n
	}
	return 0
}

// compliance returns the normalized compliance of an actual touchpoint
// (Completed for unknown values).
func compliance(t *cjml.Touchpoint) cjml.Compliance {
	c, ok := t.Compliance.Normalize()
	if !ok {
		return cjml.Completed
	}
	return c
}

// statusFunc gives the deviation status an actual touchpoint is drawn with.
type statusFunc func(*cjml.Touchpoint) cjml.Compliance

// statuses returns the status of each touchpoint of j. For an actual
// journey whose plan is in the document the alignment decides (so that the
// swimlane and journey views agree with the deviation view and with cjml
// compare); otherwise the compliance element, and, where it is absent, the
// tool convention of "D" IDs for ad hoc touchpoints. Planned journeys have
// no deviations.
func statuses(doc *cjml.Document, j *cjml.Journey, align func(p, a *cjml.Journey) *compare.Result) statusFunc {
	if j.Kind != cjml.Actual {
		return func(*cjml.Touchpoint) cjml.Compliance { return cjml.Completed }
	}
	byTP := map[*cjml.Touchpoint]cjml.Compliance{}
	if plan := doc.Planned(j); plan != nil && align != nil {
		if res := align(plan, j); res != nil {
			for _, s := range res.Steps {
				if s.Actual != nil {
					byTP[s.Actual] = s.Status.Compliance()
				}
			}
		}
	}
	return func(t *cjml.Touchpoint) cjml.Compliance {
		if c, ok := byTP[t]; ok {
			return c
		}
		if strings.TrimSpace(string(t.Compliance)) == "" && len(t.ID) > 1 && t.ID[0] == 'D' && t.ID[1] >= '0' && t.ID[1] <= '9' {
			return cjml.AdHoc
		}
		return compliance(t)
	}
}

// complianceWord is the short word the diagrams print for a status.
func complianceWord(c cjml.Compliance) string {
	switch c {
	case cjml.Missing:
		return "missing"
	case cjml.Failing:
		return "failing"
	case cjml.AdHoc:
		return "ad hoc"
	case cjml.Irregular:
		return "out of order"
	}
	return ""
}

// markers returns the security markers of t that apply to side
// ("initiator" or "receiver", "*" for all); markers without a side apply
// to both.
func markers(t *cjml.Touchpoint, side string) (threat, incident []string) {
	for _, m := range t.SecurityMarkers() {
		if side != "*" && m.Side != "" && !strings.EqualFold(m.Side, side) {
			continue
		}
		txt := m.Text
		if txt == "" {
			txt = m.Kind
		}
		if m.Kind == "threat" {
			threat = append(threat, txt)
		} else {
			incident = append(incident, txt)
		}
	}
	return threat, incident
}

func joinTips(kind string, list []string) string {
	return kind + ": " + strings.Join(list, "; ")
}

// gather joins the background, middle and foreground items into one slice
// with room for the items still to come: room for the shapes, the
// experience strip when rated touchpoints (at least two) draw one, and the
// time axis of n touchpoints when timed; so that the slice grows once.
func gather(room, rated int, timed bool, n int, bg, mid, fg []scene.Item) []scene.Item {
	if rated >= 2 {
		room += rated + 16
	}
	if timed {
		room += 2*n + 64
	}
	all := make([]scene.Item, 0, len(bg)+len(mid)+len(fg)+room)
	return append(append(append(all, bg...), mid...), fg...)
}
