package render

import (
	"strconv"

	"cjml.dev/cjml"
	"cjml.dev/render/scene"
)

// complianceEntries returns legend entries for the deviation styles the
// actual touchpoints use.
func complianceEntries(pal *Palette, tps []*cjml.Touchpoint, status statusFunc) []legendEntry {
	has := map[cjml.Compliance]bool{}
	for _, t := range tps {
		has[status(t)] = true
	}
	var out []legendEntry
	box := func(stroke, dash string, width float64) func(x, y float64) []scene.Item {
		return func(x, y float64) []scene.Item {
			return []scene.Item{{Kind: scene.KindRect, Rect: scene.Rect{X: x, Y: y + 2, W: 34, H: 14}, R: 4,
				Style: scene.Style{Fill: pal.Box, Stroke: stroke, StrokeWidth: width, Dash: dash}, Role: "legend"}}
		}
	}
	if has[cjml.Missing] {
		out = append(out, legendEntry{sw: 34, label: "Missing (planned, never happened)", draw: box(pal.Missing, "5 3", 1.5)})
	}
	if has[cjml.Failing] {
		out = append(out, legendEntry{sw: 34, label: "Failing (did not serve its purpose)", draw: func(x, y float64) []scene.Item {
			return append(box(pal.Failing, "", 2)(x, y), cross(x+21, y+4, 10, pal.Failing, "legend")...)
		}})
	}
	if has[cjml.AdHoc] {
		out = append(out, legendEntry{sw: 34, label: "Ad hoc (not in the plan)", draw: box(pal.AdHoc, "", 2.2)})
	}
	if has[cjml.Irregular] {
		out = append(out, legendEntry{sw: 34, label: "Out of the planned order", draw: box(pal.Irregular, "", 2)})
	}
	return out
}

// securityEntries returns legend entries for the threat and unwanted
// incident badges a diagram draws.
func securityEntries(pal *Palette, threat, incident bool) []legendEntry {
	var out []legendEntry
	if threat {
		out = append(out, legendEntry{sw: legendSwatchH, label: "Threat", draw: func(x, y float64) []scene.Item {
			return []scene.Item{icon(threatGlyph(), x, y, legendSwatchH, pal.Threat, "legend")}
		}})
	}
	if incident {
		out = append(out, legendEntry{sw: legendSwatchH, label: "Unwanted incident", draw: func(x, y float64) []scene.Item {
			return []scene.Item{icon(incidentGlyph(), x, y, legendSwatchH, pal.Incident, "legend")}
		}})
	}
	return out
}

// securityKinds reports whether any of the touchpoints carries a threat
// or an unwanted incident (the swimlane draws every marker on one side or
// the other).
func securityKinds(tps []*cjml.Touchpoint) (threat, incident bool) {
	for _, t := range tps {
		if t == nil {
			continue
		}
		for _, m := range t.SecurityMarkers() {
			if m.Kind == "threat" {
				threat = true
			} else {
				incident = true
			}
		}
	}
	return threat, incident
}

// experienceEntries returns the legend entry of the five faces when any
// touchpoint has a rating.
func experienceEntries(pal *Palette, tps []*cjml.Touchpoint) []legendEntry {
	for _, t := range tps {
		if score(t) > 0 {
			return []legendEntry{{sw: 5*16 + 4*2, label: "Experience, very dissatisfied (1) to very satisfied (5)", draw: func(x, y float64) []scene.Item {
				var out []scene.Item
				for r := 1; r <= 5; r++ {
					out = append(out, icon(faceGlyph(r), x+float64(r-1)*18, y+1, 16, pal.ratingColour(r), "legend"))
				}
				return out
			}}}
		}
	}
	return nil
}

// Experience strip geometry.
const (
	stripH    = 84.0
	stripPadY = 12.0
)

// experienceStrip draws the journey-level experience curve below the
// diagram when most of the end user's touchpoints (at least half, and at
// least two) have a rating; user reports whether the end user takes part
// in a touchpoint. xOf gives a touchpoint's centre x. It returns nil when
// the curve is not drawn.
func experienceStrip(ts *typeset, pal *Palette, tps []*cjml.Touchpoint, user func(*cjml.Touchpoint) bool, xOf func(int) float64, y, w float64) ([]scene.Item, float64) {
	rated, users := 0, 0
	for _, t := range tps {
		if score(t) > 0 {
			rated++
			users++
		} else if t != nil && user(t) {
			users++
		}
	}
	if rated < 2 || 2*rated < users {
		return nil, y
	}
	var out []scene.Item
	out = append(out, scene.Item{Kind: scene.KindRect, Rect: scene.Rect{X: margin, Y: y, W: w - 2*margin, H: stripH},
		Style: scene.Style{Fill: "#ffffff", Stroke: pal.LaneBorder}, Role: "experience-strip"})
	st := tstyle{size: sizeName, bold: true, fill: pal.Text}
	if it, _ := ts.line("Experience", st, margin+8, y+stripPadY, headerW-16, "experience-title"); it != nil {
		out = append(out, *it)
	}
	top, bot := y+stripPadY, y+stripH-stripPadY
	yOf := func(r int) float64 { return bot - float64(r-1)*(bot-top)/4 }
	// Faces at the two ends of the scale in the header column.
	out = append(out, icon(faceGlyph(5), margin+headerW-40, yOf(5)-8, 16, pal.ratingColour(5), "experience-scale"))
	out = append(out, icon(faceGlyph(1), margin+headerW-40, yOf(1)-8, 16, pal.ratingColour(1), "experience-scale"))
	for r := 1; r <= 5; r++ {
		out = append(out, scene.Item{Kind: scene.KindLine, X1: margin + headerW, Y1: yOf(r), X2: w - margin - 8, Y2: yOf(r),
			Style: scene.Style{Stroke: pal.LaneBorder, StrokeWidth: 0.8, Dash: "2 3"}, Role: "experience-grid"})
	}
	var d []byte
	for i, t := range tps {
		r := score(t)
		if r == 0 {
			continue
		}
		cmd := byte('L')
		if len(d) == 0 {
			cmd = 'M'
		}
		d = append(d, cmd)
		d = strconv.AppendFloat(d, xOf(i), 'f', 2, 64)
		d = append(d, ' ')
		d = strconv.AppendFloat(d, yOf(r), 'f', 2, 64)
		d = append(d, ' ')
	}
	out = append(out, scene.Item{Kind: scene.KindPath, D: string(d), Style: scene.Style{Stroke: pal.Muted, StrokeWidth: 1.6}, Role: "experience-curve"})
	for i, t := range tps {
		r := score(t)
		if r == 0 {
			continue
		}
		it := scene.Item{Kind: scene.KindCircle, CX: xOf(i), CY: yOf(r), R: 5, Style: scene.Style{Fill: pal.ratingColour(r), Stroke: "#ffffff", StrokeWidth: 1.5}, Role: "experience-point",
			Tip: t.ID + ": experience " + strconv.Itoa(r) + " of 5"}
		out = append(out, it)
	}
	return out, y + stripH + gap
}

func fnum(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }
