package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"cjml.dev/cjml"
	"cjml.dev/compare"
	"cjml.dev/render/scene"
)

// Journey-line geometry (px).
const (
	lineStep  = 150.0 // distance between touchpoints
	ringR     = 20.0  // communication point circle
	squareS   = 36.0  // action square
	userW     = 104.0 // end-user block left of the line
	labelGap  = 10.0
	devDrop   = 34.0 // from the main row's faces to the deviation line
	devRise   = 22.0 // from the deviation line to the ad hoc row's shapes
	markerGap = 70.0 // start marker to first touchpoint
)

// A lineItem is one touchpoint on a journey line.
type lineItem struct {
	tp        *cjml.Touchpoint
	status    cjml.Compliance
	row       int  // 0 main line, 1 below the deviation line
	above     bool // label above the shape
	diffs     []string
	stepIndex int

	cx, cy    float64
	ring      string
	label     string
	idText    string
	idFill    string
	halfW     float64
	idLine    []string
	lines     []string
	cut       bool
	blockH    float64
	endUserIs string // "sender", "receiver", "" (not involved), "actor" (action)
}

// lineSpec is what distinguishes the journey and the deviation views.
type lineSpec struct {
	j         *cjml.Journey // whose actors and title are shown
	r         *cjml.Resolver
	items     []*lineItem
	deviation bool
	view      string
	extra     []string
	desc      string
	res       *compare.Result
}

func layoutJourney(j *cjml.Journey, r *cjml.Resolver, status statusFunc, opt Options) *scene.Scene {
	spec := &lineSpec{j: j, r: r, view: "Customer journey diagram", desc: "CJML customer journey diagram"}
	for i, t := range j.Touchpoints {
		st := status(t)
		spec.items = append(spec.items, &lineItem{tp: t, status: st, above: i%2 == 0, stepIndex: i})
	}
	return layoutLine(spec, opt)
}

// LayoutDeviation builds the deviation diagram of an alignment: the actual
// journey drawn against its plan. r resolves actor references (nil: within
// the journeys).
func LayoutDeviation(res *compare.Result, r *cjml.Resolver, opt Options) *scene.Scene {
	if res == nil {
		res = &compare.Result{}
	}
	if res.Actual == nil {
		res = &compare.Result{Planned: res.Planned, Actual: &cjml.Journey{Kind: cjml.Actual}, Steps: res.Steps, Counts: res.Counts, Fitness: res.Fitness}
	}
	if r == nil {
		doc := cjml.NewDocument()
		if res.Planned != nil {
			doc.Journeys = append(doc.Journeys, res.Planned)
		}
		doc.Journeys = append(doc.Journeys, res.Actual)
		r = cjml.NewResolver(doc)
	}
	spec := &lineSpec{j: res.Actual, r: r, deviation: true, view: "Deviation diagram", res: res,
		desc: "CJML deviation diagram: the actual journey against its plan"}
	c := res.Counts
	spec.extra = []string{fmt.Sprintf("%d completed, %d missing, %d ad hoc, %d failing, %d out of order", c.Completed, c.Missing, c.AdHoc, c.Failing, c.Irregular),
		fmt.Sprintf("fitness %.2f", res.Fitness)}
	for i, s := range res.Steps {
		it := &lineItem{stepIndex: i, diffs: s.Differences, above: true}
		it.tp, it.status = s.Actual, s.Status.Compliance()
		switch s.Status {
		case compare.Missing:
			it.tp = s.Planned
		case compare.AdHoc:
			it.row, it.above = 1, false
		}
		if it.tp == nil {
			it.tp = s.Planned
		}
		if it.tp == nil {
			continue
		}
		spec.items = append(spec.items, it)
	}
	return layoutLine(spec, opt)
}

// journeyOf returns the journey a line item's touchpoint belongs to (the
// plan for missing steps).
func (s *lineSpec) journeyOf(it *lineItem) *cjml.Journey {
	if it.status == cjml.Missing && s.res != nil && s.res.Planned != nil {
		return s.res.Planned
	}
	return s.j
}

func layoutLine(spec *lineSpec, opt Options) *scene.Scene {
	pal := opt.palette()
	ts := newTypeset()
	items := spec.items
	n := len(items)

	// The end user whose perspective the line shows.
	var user *cjml.Actor
	if us := spec.j.EndUsers(); len(us) > 0 {
		user = us[0]
	}
	userName := "End user"
	if user != nil {
		userName = spec.r.Resolve(spec.j, user.Key()).DisplayName()
	}

	// Horizontal positions.
	xStart := margin + userW + 8
	startX := xStart + 8
	tps := make([]*cjml.Touchpoint, n)
	for k, it := range items {
		tps[k] = it.tp
	}
	var axis *timeAxis
	if opt.Time {
		axis = newTimeAxis(tps, lineStep)
	}
	for k, it := range items {
		it.cx = startX + markerGap + float64(k)*lineStep
		if axis != nil {
			it.cx = startX + markerGap + axis.x(k)
		}
	}
	endX := startX + markerGap
	if n > 0 {
		endX = items[n-1].cx + markerGap
	}
	W := max(minPage, endX+8+margin)
	if n > 0 {
		W = max(W, items[n-1].cx+lineStep+margin)
	}

	// Colours, texts, label widths.
	for _, it := range items {
		t := it.tp
		j := spec.journeyOf(it)
		it.ring = pal.Other
		it.label = t.Initiator.Label
		it.endUserIs = ""
		switch {
		case t.Kind == cjml.Action:
			it.endUserIs = "actor"
		case isEndUser(j, spec.r, t.Initiator.Actor):
			it.ring, it.endUserIs = pal.Send, "sender"
		case t.Receiver != nil && isEndUser(j, spec.r, t.Receiver.Actor):
			it.ring, it.endUserIs = pal.Receive, "receiver"
			it.label = t.Receiver.Label
		}
		if t.Kind == cjml.Communication && it.endUserIs == "" && pal.Receive == pal.Other {
			it.ring = pal.Other
		}
		parts := []string{t.ID}
		if it.endUserIs == "" || it.endUserIs == "actor" {
			if n := spec.r.Resolve(j, t.Initiator.Actor).DisplayName(); n != "" && (it.endUserIs == "" || !isEndUser(j, spec.r, t.Initiator.Actor)) {
				parts = append(parts, n)
			}
		}
		it.idFill = pal.Muted
		if w := complianceWord(it.status); w != "" {
			parts = append(parts, w)
			it.idFill = statusColour(pal, it.status)
		}
		if len(it.diffs) > 0 {
			parts = append(parts, "changed: "+strings.Join(it.diffs, ", "))
			if it.status == cjml.Completed {
				it.idFill = pal.Irregular
			}
		}
		it.idText = strings.Join(nonEmpty(parts), " · ")
	}
	// Half widths: up to the nearest item whose label shares the band.
	type band struct {
		row   int
		above bool
	}
	byBand := map[band][]*lineItem{}
	for _, it := range items {
		b := band{it.row, it.above}
		byBand[b] = append(byBand[b], it)
	}
	for _, list := range byBand {
		for i, it := range list {
			h := lineStep - 8
			if i > 0 {
				h = min(h, (it.cx-list[i-1].cx)/2-6)
			}
			if i+1 < len(list) {
				h = min(h, (list[i+1].cx-it.cx)/2-6)
			}
			h = min(h, it.cx-(margin+userW)-6)
			if i+1 == len(list) {
				h = min(h, W-margin-it.cx-2)
			}
			it.halfW = max(h, 20)
		}
	}
	idSt := tstyle{size: sizeSmall, bold: true, anchor: scene.Middle, maxLines: 2}
	lbSt := tstyle{size: sizeLabel, anchor: scene.Middle, maxLines: 6}
	for _, it := range items {
		w := fit(2 * it.halfW)
		it.idLine, _ = ts.lines(it.idText, idSt, w)
		it.lines, it.cut = ts.lines(it.label, lbSt, w)
		it.blockH = ts.height(len(it.idLine), idSt)
		if len(it.lines) > 0 {
			it.blockH += 2 + ts.height(len(it.lines), lbSt)
		}
	}

	bg := make([]scene.Item, 0, 8)
	mid := make([]scene.Item, 0, n+8)
	// fg collects the foreground drawn before the touchpoints; the
	// touchpoints then go straight into the scene's slice.
	fg := make([]scene.Item, 0, 64)
	head, y := titleBlock(ts, pal, spec.j, spec.view, append(timeNote(opt.Time, axis), spec.extra...), W)
	fg = append(fg, head...)

	if n == 0 {
		it, h := emptyNote(ts, pal, y, W)
		fg = append(fg, *it)
		y += h
	}
	// Vertical positions.
	aboveH := map[int]float64{}
	belowH := map[int]float64{}
	faces := map[int]bool{}
	rows := 1
	for _, it := range items {
		if it.above {
			aboveH[it.row] = max(aboveH[it.row], it.blockH)
		} else {
			belowH[it.row] = max(belowH[it.row], it.blockH)
		}
		if score(it.tp) > 0 && it.status != cjml.Missing {
			faces[it.row] = true
		}
		if it.row == 1 {
			rows = 2
		}
	}
	badgeRoom := 6.0
	rowY := [2]float64{}
	rowY[0] = y + aboveH[0] + labelGap + badgeRoom + ringR + 4
	faceH := func(row int) float64 {
		if faces[row] {
			return faceRow + 2
		}
		return 0
	}
	bottom0 := rowY[0] + ringR + 6 + faceH(0)
	if belowH[0] > 0 {
		bottom0 += belowH[0] + labelGap
	}
	devY := 0.0
	bottom := bottom0
	if spec.deviation {
		devY = bottom0 + devDrop
		if aboveH[1] > 0 {
			rowY[1] = devY + devRise + aboveH[1] + labelGap + ringR
		} else {
			rowY[1] = devY + devRise + ringR + 4
		}
		bottom = devY + 8
		if rows == 2 {
			bottom = rowY[1] + ringR + 6 + faceH(1)
			if belowH[1] > 0 {
				bottom += belowH[1] + labelGap
			}
		}
	}
	for _, it := range items {
		it.cy = rowY[it.row]
	}

	// End user at the left.
	uy := rowY[0] - 15
	fg = append(fg, icon(endUserGlyph(), margin+(userW-30)/2, uy, 30, pal.Send, "actor"))
	if nm, _ := ts.text(userName, tstyle{size: sizeName, bold: true, fill: pal.Text, anchor: scene.Middle, maxLines: 3}, margin+userW/2, uy+34, userW-4, "actor-name"); nm != nil {
		fg = append(fg, *nm)
	}
	if spec.deviation {
		bg = append(bg, scene.Item{Kind: scene.KindLine, X1: xStart, Y1: devY, X2: W - margin, Y2: devY,
			Style: scene.Style{Stroke: "#000000", StrokeWidth: 1, Dash: "1.5 3"}, Role: "deviation-line"})
		st := tstyle{size: sizeSmall, bold: true, fill: pal.Muted, anchor: scene.End}
		if it, _ := ts.line("Deviations", st, xStart-6, devY-ts.height(1, st)/2, userW, "deviation-title"); it != nil {
			fg = append(fg, *it)
		}
	}

	// Start and end markers, connectors.
	mid = append(mid, scene.Item{Kind: scene.KindCircle, CX: startX, CY: rowY[0], R: 7, Style: scene.Style{Fill: pal.Connector}, Role: "start"})
	mid = append(mid, scene.Item{Kind: scene.KindCircle, CX: endX, CY: rowY[0], R: 8, Style: scene.Style{Fill: "#ffffff", Stroke: pal.Connector, StrokeWidth: 2}, Role: "end"})
	mid = append(mid, scene.Item{Kind: scene.KindCircle, CX: endX, CY: rowY[0], R: 4, Style: scene.Style{Fill: pal.Connector}, Role: "end"})
	type pt struct {
		x, y, r float64
		dashed  bool
	}
	pts := []pt{{startX, rowY[0], 9, false}}
	for _, it := range items {
		pts = append(pts, pt{it.cx, it.cy, ringR + 4, it.status == cjml.Missing})
	}
	pts = append(pts, pt{endX, rowY[0], 10, false})
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		mid = append(mid, connector(a.x, a.y, a.r, b.x, b.y, b.r, a.dashed || b.dashed, pal))
	}

	// Out-of-order steps: a thin dashed arc below the main line to the
	// slot the plan had for them (after the step planned just before).
	if spec.deviation && spec.res != nil {
		mid = append(mid, irregularArcs(spec, pal, bottom0)...)
	}

	// Room for every item still to come, so that the slice grows once:
	// the touchpoints, the time axis, the experience strip and the legend.
	room, rated := 64, 0
	for _, it := range items {
		room += 4 // shape, glyph, ID, label
		switch it.status {
		case cjml.Failing:
			room += 2
		case cjml.Irregular:
			room++
		}
		if score(it.tp) > 0 {
			room++
			rated++
		}
	}
	fg = gather(room, rated, axis != nil, n, bg, mid, fg)

	// Shapes, badges, faces, labels.
	for _, it := range items {
		fg = drawLineItem(fg, ts, pal, it, idSt, lbSt, faces[it.row])
	}

	y = bottom + gap
	if axis != nil {
		items2, ny := axis.draw(ts, pal, func(i int) float64 { return items[i].cx }, xStart, endX, y, margin)
		fg = append(fg, items2...)
		y = ny
	}
	if ex, ny := experienceStrip(ts, pal, tpsForExperience(items), func(t *cjml.Touchpoint) bool {
		j := spec.j
		return isEndUser(j, spec.r, t.Initiator.Actor) || t.Receiver != nil && isEndUser(j, spec.r, t.Receiver.Actor)
	}, func(i int) float64 { return items[i].cx }, y, W); ex != nil {
		fg = append(fg, ex...)
		y = ny
	}

	leg, y := legend(ts, pal, lineLegend(pal, spec, tps), y, W)
	fg = append(fg, leg...)
	sc := &scene.Scene{W: W, H: y - gap + margin, FontFamily: ts.reg.Family(), Background: "#ffffff",
		Title: titleOf(spec.j), Desc: spec.desc}
	sc.Items = fg
	return sc
}

// tpsForExperience returns the touchpoints whose ratings the curve shows
// (none for missing steps).
func tpsForExperience(items []*lineItem) []*cjml.Touchpoint {
	out := make([]*cjml.Touchpoint, len(items))
	for k, it := range items {
		if it.status != cjml.Missing {
			out[k] = it.tp
		}
	}
	return out
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

func statusColour(pal *Palette, c cjml.Compliance) string {
	switch c {
	case cjml.Missing:
		return pal.Missing
	case cjml.Failing:
		return pal.Failing
	case cjml.AdHoc:
		return pal.AdHoc
	case cjml.Irregular:
		return pal.Irregular
	}
	return pal.Muted
}

// connector draws an arrow between two shapes, cut back by their radii.
func connector(x1, y1, r1, x2, y2, r2 float64, dashed bool, pal *Palette) scene.Item {
	dx, dy := x2-x1, y2-y1
	d := hypot(dx, dy)
	if d < r1+r2+2 {
		d = r1 + r2 + 2
	}
	ux, uy := dx/d, dy/d
	st := scene.Style{Stroke: pal.Connector, StrokeWidth: 1.6, Arrow: true}
	if dashed {
		st.Dash = "4 3"
	}
	return scene.Item{Kind: scene.KindLine, X1: x1 + ux*r1, Y1: y1 + uy*r1, X2: x2 - ux*r2, Y2: y2 - uy*r2, Style: st, Role: "connector"}
}

func drawLineItem(out []scene.Item, ts *typeset, pal *Palette, it *lineItem, idSt, lbSt tstyle, rowFaces bool) []scene.Item {
	t := it.tp
	st := scene.Style{Fill: "#ffffff", Stroke: it.ring, StrokeWidth: 3}
	if it.status == cjml.Missing {
		st.Dash, st.Opacity = "5 4", 0.6
	}
	tip := ""
	if it.cut {
		tip = it.label
	}
	if t.Kind == cjml.Action {
		st.Stroke, st.StrokeWidth = pal.ActionStroke, 2
		if it.endUserIs != "actor" {
			st.Fill = "#f2f2f2"
		}
		out = append(out, scene.Item{Kind: scene.KindRect, Rect: scene.Rect{X: it.cx - squareS/2, Y: it.cy - squareS/2, W: squareS, H: squareS}, R: 2, Style: st, Role: "touchpoint", Tip: tip})
		out = append(out, ts.icon(actionGlyph(), it.cx-10, it.cy-10, 20, pal.Icon, "action-mark"))
	} else {
		out = append(out, scene.Item{Kind: scene.KindCircle, CX: it.cx, CY: it.cy, R: ringR, Style: st, Role: "touchpoint", Tip: tip})
		out = append(out, ts.icon(channelGlyph(t.Channel.Family()), it.cx-11, it.cy-11, 22, pal.Icon, "channel"))
	}
	switch it.status {
	case cjml.Failing:
		s := ringR * 1.5
		out = append(out, cross(it.cx-s/2, it.cy-s/2, s, pal.Failing, "failing")...)
	case cjml.Irregular:
		b := ts.icon(irregularGlyph(), it.cx-ringR-8, it.cy-ringR-8, badgeSz, pal.Irregular, "irregular")
		b.Tip = "Out of the planned order"
		out = append(out, b)
	}
	// Security badges at the top right.
	bx := it.cx + ringR*0.55
	threat, incident := it.markers()
	if len(threat) > 0 {
		b := ts.icon(threatGlyph(), bx, it.cy-ringR-badgeSz/2-2, badgeSz, pal.Threat, "threat")
		b.Tip = joinTips("Threat", threat)
		out = append(out, b)
		bx += badgeSz + 2
	}
	if len(incident) > 0 {
		b := ts.icon(incidentGlyph(), bx, it.cy-ringR-badgeSz/2-2, badgeSz, pal.Incident, "incident")
		b.Tip = joinTips("Unwanted incident", incident)
		out = append(out, b)
	}
	// Experience face.
	if r := score(t); r > 0 && it.status != cjml.Missing {
		f := ts.icon(faceGlyph(r), it.cx-faceSz/2, it.cy+ringR+6, faceSz, pal.ratingColour(r), "experience")
		f.Tip = "Experience " + strconv.Itoa(r) + " of 5"
		out = append(out, f)
	}
	// Label block.
	var top float64
	if it.above {
		top = it.cy - ringR - labelGap - 6 - it.blockH
	} else {
		top = it.cy + ringR + 6 + labelGap/2
		if rowFaces {
			top += faceRow + 2
		}
	}
	ist := idSt
	ist.fill = it.idFill
	if len(it.idLine) > 0 {
		if x, h := ts.place(it.idLine, false, it.idText, ist, it.cx, top, "id"); x != nil {
			out = append(out, *x)
			top += h + 2
		}
	}
	lst := lbSt
	lst.fill = pal.Text
	if it.status == cjml.Missing {
		lst.fill, lst.italic = pal.Muted, true
	}
	if x, _ := ts.place(it.lines, it.cut, it.label, lst, it.cx, top, "label"); x != nil {
		out = append(out, *x)
	}
	return out
}

func lineLegend(pal *Palette, spec *lineSpec, tps []*cjml.Touchpoint) []legendEntry {
	ring := func(colour, dash string) func(x, y float64) []scene.Item {
		return func(x, y float64) []scene.Item {
			return []scene.Item{{Kind: scene.KindCircle, CX: x + 9, CY: y + 9, R: 7.5, Style: scene.Style{Fill: "#ffffff", Stroke: colour, StrokeWidth: 2.5, Dash: dash}, Role: "legend"}}
		}
	}
	has := map[string]bool{}
	for _, it := range spec.items {
		has[it.endUserIs] = true
	}
	var out []legendEntry
	if pal.Receive == pal.Other {
		out = append(out, legendEntry{sw: 18, label: "End user initiates", draw: ring(pal.Send, "")},
			legendEntry{sw: 18, label: "Another actor initiates", draw: ring(pal.Receive, "")})
	} else {
		out = append(out, legendEntry{sw: 18, label: "End user sends", draw: ring(pal.Send, "")},
			legendEntry{sw: 18, label: "End user receives", draw: ring(pal.Receive, "")})
		if has[""] {
			out = append(out, legendEntry{sw: 18, label: "Between other actors", draw: ring(pal.Other, "")})
		}
	}
	if has["actor"] {
		out = append(out, legendEntry{sw: 18, label: "Action", draw: func(x, y float64) []scene.Item {
			return []scene.Item{{Kind: scene.KindRect, Rect: scene.Rect{X: x + 2, Y: y + 2, W: 14, H: 14}, R: 1, Style: scene.Style{Fill: "#ffffff", Stroke: pal.ActionStroke, StrokeWidth: 2}, Role: "legend"}}
		}})
	}
	out = append(out, legendEntry{sw: 40, label: "Start and end", draw: func(x, y float64) []scene.Item {
		return []scene.Item{
			{Kind: scene.KindCircle, CX: x + 7, CY: y + 9, R: 6, Style: scene.Style{Fill: pal.Connector}, Role: "legend"},
			{Kind: scene.KindCircle, CX: x + 31, CY: y + 9, R: 7, Style: scene.Style{Fill: "#ffffff", Stroke: pal.Connector, StrokeWidth: 2}, Role: "legend"},
			{Kind: scene.KindCircle, CX: x + 31, CY: y + 9, R: 3.5, Style: scene.Style{Fill: pal.Connector}, Role: "legend"},
		}
	}})
	out = append(out, channelEntries(pal, tps)...)
	st := map[cjml.Compliance]bool{}
	for _, it := range spec.items {
		st[it.status] = true
	}
	if spec.deviation {
		out = append(out, legendEntry{sw: 18, label: "Completed as planned", draw: ring(pal.Other, "")})
	}
	if st[cjml.Missing] {
		out = append(out, legendEntry{sw: 18, label: "Missing (planned, never happened)", draw: func(x, y float64) []scene.Item {
			it := ring(pal.Other, "3 2")(x, y)
			it[0].Style.Opacity = 0.6
			return it
		}})
	}
	if st[cjml.Failing] {
		out = append(out, legendEntry{sw: 18, label: "Failing (crossed out)", draw: func(x, y float64) []scene.Item {
			return append(ring(pal.Other, "")(x, y), cross(x+2, y+2, 14, pal.Failing, "legend")...)
		}})
	}
	if st[cjml.AdHoc] {
		label := "Ad hoc (not in the plan)"
		if spec.deviation {
			label = "Ad hoc: below the dashed deviation line"
		}
		out = append(out, legendEntry{sw: 18, label: label, draw: func(x, y float64) []scene.Item {
			return []scene.Item{{Kind: scene.KindLine, X1: x, Y1: y + 9, X2: x + 18, Y2: y + 9, Style: scene.Style{Stroke: "#000000", Dash: "1.5 3"}, Role: "legend"}}
		}})
	}
	if st[cjml.Irregular] {
		out = append(out, legendEntry{sw: 18, label: "Out of the planned order", draw: func(x, y float64) []scene.Item {
			return []scene.Item{icon(irregularGlyph(), x+2, y+2, 14, pal.Irregular, "legend")}
		}})
	}
	// The security entries follow the badges drawn: only the end user's
	// side of a touchpoint carries them on this line.
	var threat, incident bool
	for _, it := range spec.items {
		th, in := it.markers()
		threat = threat || len(th) > 0
		incident = incident || len(in) > 0
	}
	out = append(out, securityEntries(pal, threat, incident)...)
	out = append(out, experienceEntries(pal, tps)...)
	return out
}

// markers returns the security markers drawn on the item: those of the
// end user's side, or all of them when the end user is not involved.
func (it *lineItem) markers() (threat, incident []string) {
	switch it.endUserIs {
	case "sender", "actor":
		return markers(it.tp, "initiator")
	case "receiver":
		return markers(it.tp, "receiver")
	}
	return markers(it.tp, "*")
}

func hypot(a, b float64) float64 { return math.Hypot(a, b) }

// irregularArcs draws, for each out-of-order step, an arc from the step
// to its planned slot: just after the main-line step whose planned
// position comes right before it (or just before the first one).
func irregularArcs(spec *lineSpec, pal *Palette, y0 float64) []scene.Item {
	var out []scene.Item
	planned := func(it *lineItem) int { return spec.res.Steps[it.stepIndex].PlannedIndex }
	for _, it := range spec.items {
		if it.status != cjml.Irregular || planned(it) < 0 {
			continue
		}
		var prev, next *lineItem
		for _, o := range spec.items {
			if o == it || o.row != 0 || o.status == cjml.Irregular || planned(o) < 0 {
				continue
			}
			if planned(o) < planned(it) && (prev == nil || planned(o) > planned(prev)) {
				prev = o
			}
			if planned(o) > planned(it) && (next == nil || planned(o) < planned(next)) {
				next = o
			}
		}
		var x2 float64
		var tip string
		switch {
		case prev != nil:
			x2, tip = prev.cx+lineStep/2, "Planned after "+prev.tp.ID
		case next != nil:
			x2, tip = next.cx-lineStep/2, "Planned before "+next.tp.ID
		default:
			continue
		}
		x1 := it.cx
		if x2 == x1 {
			continue
		}
		d := fmt.Sprintf("M%s %s C%s %s %s %s %s %s", fnum(x1), fnum(y0), fnum(x1), fnum(y0+22), fnum(x2), fnum(y0+22), fnum(x2), fnum(y0+2))
		out = append(out, scene.Item{Kind: scene.KindPath, D: d, Role: "irregular-arc", Tip: tip,
			Style: scene.Style{Stroke: pal.Irregular, StrokeWidth: 1.2, Dash: "3 3", Arrow: true}})
	}
	return out
}
