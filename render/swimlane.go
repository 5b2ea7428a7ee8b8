package render

import (
	"strconv"
	"strings"

	"cjml.dev/cjml"
	"cjml.dev/render/scene"
)

// Swimlane geometry (px).
const (
	headerW  = 176.0 // lane header column, actor glyph and name
	colW     = 160.0 // one touchpoint column
	boxW     = 140.0 // a touchpoint box inside its column
	boxPad   = 7.0
	iconSz   = 16.0
	badgeSz  = 14.0
	lanePad  = 16.0
	minLaneH = 84.0
	faceSz   = 18.0
	faceRow  = faceSz + 4
	stackGap = 18.0
	phaseH   = 26.0
	actorSz  = 26.0
)

// A cell is one end of a touchpoint in a lane: the initiator's or the
// receiver's box of a communication point, or an action's box.
type cell struct {
	tp    *cjml.Touchpoint
	col   int
	lane  *lane
	side  string // "initiator", "receiver"
	label string
	lines []string
	cut   bool
	h     float64 // box height
	face  int     // experience rating drawn under the box, 0 for none
	// threat and incident are the security markers of this end.
	threat, incident []string
	box              scene.Rect
}

func (c *cell) outer() float64 {
	if c.face > 0 {
		return c.h + faceRow
	}
	return c.h
}

var (
	labelStyle = tstyle{size: sizeLabel, maxLines: 8}
	idStyle    = tstyle{size: sizeSmall, bold: true}
)

// textW is the width text may take inside a box.
const textW = boxW - 2*boxPad

// badgesW is the width the security badges take at the right of a box's
// header row.
func badgesW(c *cell) float64 {
	n := 0
	if len(c.threat) > 0 {
		n++
	}
	if len(c.incident) > 0 {
		n++
	}
	return float64(n) * (badgeSz + 2)
}

func layoutSwimlane(j *cjml.Journey, r *cjml.Resolver, status statusFunc, opt Options) *scene.Scene {
	pal := opt.palette()
	ts := newTypeset()
	ls := newLanes(j, r)
	actual := j.Kind == cjml.Actual

	// Cells.
	n := len(j.Touchpoints)
	cells := make([]*cell, 0, 2*n)
	store := make([]cell, 0, 2*n) // the cells, allocated at once
	cellsOf := make([][]*cell, n)
	for i, t := range j.Touchpoints {
		first := len(cells)
		mk := func(side, ref, label string) *cell {
			store = append(store, cell{tp: t, col: i, lane: ls.of(ref), side: side, label: label})
			c := &store[len(store)-1]
			c.threat, c.incident = markers(t, side)
			if c.lane.kind == cjml.EndUser {
				c.face = score(t)
			}
			c.lines, c.cut = ts.lines(label, labelStyle, fit(textW))
			c.h = boxPad + iconSz + boxPad
			if len(c.lines) > 0 {
				c.h += 4 + ts.height(len(c.lines), labelStyle)
			}
			cells = append(cells, c)
			return c
		}
		ic := mk("initiator", t.Initiator.Actor, t.Initiator.Label)
		if t.Kind == cjml.Communication && t.Receiver != nil {
			rc := mk("receiver", t.Receiver.Actor, t.Receiver.Label)
			if rc.lane == ic.lane {
				// Faces go under the end user's box; in a lane with both
				// ends, under the receiver's.
				ic.face = 0
			}
		}
		cellsOf[i] = cells[first:len(cells):len(cells)]
	}

	// Column positions.
	x0 := margin + headerW
	colX := make([]float64, n+1)
	var axis *timeAxis
	if opt.Time {
		axis = newTimeAxis(j.Touchpoints, colW)
	}
	for i := 0; i <= n; i++ {
		colX[i] = x0 + float64(i)*colW
		if axis != nil {
			colX[i] = x0 + axis.x(i)
		}
	}
	W := max(minPage, colX[n]+margin)

	bg := make([]scene.Item, 0, 2*len(ls.all)+len(j.Phases)+16)
	mid := make([]scene.Item, 0, n)
	// fg collects the foreground drawn before the boxes (titles, lane
	// headers); the boxes then go straight into the scene's slice after
	// the background, so that the bulk of the items is never copied.
	fg := make([]scene.Item, 0, 4*len(ls.all)+2*len(j.Phases)+16)
	head, y := titleBlock(ts, pal, j, "Swimlane diagram", timeNote(opt.Time, axis), W)
	fg = append(fg, head...)

	// Phase bands.
	runs := phaseRuns(j)
	if len(runs) > 0 {
		it, _ := ts.line("Phases", tstyle{size: sizeSmall, bold: true, fill: pal.Muted}, margin+8, y+(phaseH-ts.height(1, tstyle{size: sizeSmall}))/2, headerW-16, "phase-header")
		if it != nil {
			fg = append(fg, *it)
		}
		for _, ru := range runs {
			x := colX[ru.first] + 3
			w := colX[ru.last] + colW - 3 - x
			bg = append(bg, scene.Item{Kind: scene.KindRect, Rect: scene.Rect{X: x, Y: y, W: w, H: phaseH}, R: 3,
				Style: scene.Style{Fill: pal.Phase}, Role: "phase", Tip: ru.desc})
			st := tstyle{size: sizePhase, bold: true, fill: pal.PhaseText, anchor: scene.Middle}
			if it, _ := ts.line(ru.name, st, x+w/2, y+(phaseH-ts.height(1, st))/2, w-10, "phase"); it != nil {
				fg = append(fg, *it)
			}
		}
		y += phaseH + 6
	}

	// Lane heights.
	if n == 0 {
		it, h := emptyNote(ts, pal, y, W)
		fg = append(fg, *it)
		y += h
	}
	lanesTop := y
	// The cells of one column in one lane stack vertically. A column has
	// at most two cells, so a stack is a run of cellsOf[col] with one lane.
	stacks := stacksOf(cellsOf)
	nameSt := tstyle{size: sizeName, bold: true, fill: pal.Text, maxLines: 4}
	kindSt := tstyle{size: sizeSmall, fill: pal.Muted}
	nameW := headerW - 8 - (8 + actorSz + 8) - 4
	for _, l := range ls.all {
		need := lanePad + max(actorSz, ts.measure(l.name, nameSt, nameW)+3+ts.height(1, kindSt)) + lanePad
		l.h = max(minLaneH, need)
	}
	for _, cs := range stacks {
		h := 0.0
		for i, c := range cs {
			if i > 0 {
				h += stackGap
			}
			h += c.outer()
		}
		l := cs[0].lane
		l.h = max(l.h, h+2*lanePad)
	}
	for _, l := range ls.all {
		l.y = y
		y += l.h
	}
	lanesBottom := y

	// Lanes: background, header.
	for _, l := range ls.all {
		fill := pal.Lane
		if l.index%2 == 1 {
			fill = pal.LaneAlt
		}
		bg = append(bg, scene.Item{Kind: scene.KindRect, Rect: scene.Rect{X: margin, Y: l.y, W: W - 2*margin, H: l.h},
			Style: scene.Style{Fill: fill, Stroke: pal.LaneBorder, StrokeWidth: 1}, Role: "lane"})
		bg = append(bg, scene.Item{Kind: scene.KindRect, Rect: scene.Rect{X: margin, Y: l.y, W: headerW - 8, H: l.h},
			Style: scene.Style{Fill: pal.Header, Stroke: pal.LaneBorder, StrokeWidth: 1}, Role: "lane-header"})
		g := providerGlyph()
		col := pal.Icon
		switch {
		case l.unresolved:
			g, col = unknownGlyph(), pal.Failing
		case l.kind == cjml.EndUser:
			g, col = endUserGlyph(), pal.Send
		}
		fg = append(fg, icon(g, margin+8, l.y+lanePad, actorSz, col, "actor"))
		tx := margin + 8 + actorSz + 8
		nm, h := ts.text(l.name, nameSt, tx, l.y+lanePad, nameW, "actor-name")
		if nm != nil {
			fg = append(fg, *nm)
		}
		if kt, _ := ts.line(l.kindText(), kindSt, tx, l.y+lanePad+h+3, nameW, "actor-kind"); kt != nil {
			fg = append(fg, *kt)
		}
	}
	// Phase boundaries through the lanes.
	for _, ru := range runs {
		if ru.first == 0 {
			continue
		}
		x := colX[ru.first]
		bg = append(bg, scene.Item{Kind: scene.KindLine, X1: x, Y1: lanesTop, X2: x, Y2: lanesBottom,
			Style: scene.Style{Stroke: pal.LaneBorder, StrokeWidth: 1, Dash: "3 3"}, Role: "phase-boundary"})
	}

	// Boxes.
	for _, cs := range stacks {
		l := cs[0].lane
		h := 0.0
		for i, c := range cs {
			if i > 0 {
				h += stackGap
			}
			h += c.outer()
		}
		top := l.y + (l.h-h)/2
		cx := colX[cs[0].col] + colW/2
		for _, c := range cs {
			c.box = scene.Rect{X: cx - boxW/2, Y: top, W: boxW, H: c.h}
			top += c.outer() + stackGap
		}
	}
	// Message arrows.
	for i, t := range j.Touchpoints {
		cs := cellsOf[i]
		if t.Kind != cjml.Communication || len(cs) < 2 {
			continue
		}
		a, b := cs[0].box, cs[1].box
		cx := a.X + a.W/2
		var y1, y2 float64
		if b.Y >= a.Y {
			y1, y2 = a.Y+a.H, b.Y
		} else {
			y1, y2 = a.Y, b.Y+b.H
		}
		mid = append(mid, scene.Item{Kind: scene.KindLine, X1: cx, Y1: y1, X2: cx, Y2: y2,
			Style: scene.Style{Stroke: pal.Arrow, StrokeWidth: 1.4, Dash: "5 4", Arrow: true}, Role: "message",
			Tip: t.ID + ": " + cs[0].lane.name + " → " + cs[1].lane.name})
	}

	// Room for every item still to come, so that the slice grows once:
	// the boxes, the experience strip and the legend.
	room, rated := 64, 0
	for _, c := range cells {
		room += cellItems(c, status(c.tp))
	}
	for _, t := range j.Touchpoints {
		if score(t) > 0 {
			rated++
		}
	}
	fg = gather(room, rated, axis != nil, n, bg, mid, fg)
	for _, c := range cells {
		fg = drawCell(fg, ts, pal, c, status(c.tp))
	}

	y = lanesBottom + gap
	if axis != nil {
		items, ny := axis.draw(ts, pal, func(i int) float64 { return colX[i] + colW/2 }, x0, colX[n], y, margin+8)
		fg = append(fg, items...)
		y = ny
	}
	if ex, ny := experienceStrip(ts, pal, j.Touchpoints, func(t *cjml.Touchpoint) bool {
		return ls.of(t.Initiator.Actor).kind == cjml.EndUser || t.Receiver != nil && ls.of(t.Receiver.Actor).kind == cjml.EndUser
	}, func(i int) float64 { return colX[i] + colW/2 }, y, W); ex != nil {
		fg = append(fg, ex...)
		y = ny
	}

	// Legend.
	var comms, actions bool
	for _, t := range j.Touchpoints {
		comms = comms || t.Kind == cjml.Communication
		actions = actions || t.Kind == cjml.Action
	}
	var entries []legendEntry
	if comms {
		entries = append(entries, legendEntry{sw: 34, label: "Communication point: one box per end, in the actor's lane", draw: func(x, y float64) []scene.Item {
			return []scene.Item{{Kind: scene.KindRect, Rect: scene.Rect{X: x, Y: y + 2, W: 34, H: 14}, R: 4, Style: scene.Style{Fill: pal.Box, Stroke: pal.BoxStroke, StrokeWidth: 1.5}, Role: "legend"}}
		}}, legendEntry{sw: 34, label: "Message from sender to receiver", draw: func(x, y float64) []scene.Item {
			return []scene.Item{{Kind: scene.KindLine, X1: x, Y1: y + 9, X2: x + 32, Y2: y + 9, Style: scene.Style{Stroke: pal.Arrow, StrokeWidth: 1.4, Dash: "5 4", Arrow: true}, Role: "legend"}}
		}})
	}
	if actions {
		entries = append(entries, legendEntry{sw: 34, label: "Action", draw: func(x, y float64) []scene.Item {
			return []scene.Item{{Kind: scene.KindRect, Rect: scene.Rect{X: x, Y: y + 2, W: 34, H: 14}, R: 1, Style: scene.Style{Fill: pal.Action, Stroke: pal.ActionStroke, StrokeWidth: 1.5}, Role: "legend"}}
		}})
	}
	entries = append(entries, channelEntries(pal, j.Touchpoints)...)
	if actual {
		entries = append(entries, complianceEntries(pal, j.Touchpoints, status)...)
	}
	threat, incident := securityKinds(j.Touchpoints)
	entries = append(entries, securityEntries(pal, threat, incident)...)
	entries = append(entries, experienceEntries(pal, j.Touchpoints)...)
	leg, y := legend(ts, pal, entries, y, W)
	fg = append(fg, leg...)

	sc := &scene.Scene{W: W, H: y - gap + margin, FontFamily: ts.reg.Family(), Background: "#ffffff",
		Title: titleOf(j), Desc: "CJML swimlane diagram (journey network diagram)"}
	sc.Items = fg
	return sc
}

// stacksOf groups the cells of each column by lane, in column order.
func stacksOf(cellsOf [][]*cell) [][]*cell {
	out := make([][]*cell, 0, len(cellsOf))
	for _, cs := range cellsOf {
		for i := 0; i < len(cs); {
			k := i + 1
			for k < len(cs) && cs[k].lane == cs[i].lane {
				k++
			}
			out = append(out, cs[i:k:k])
			i = k
		}
	}
	return out
}

func titleOf(j *cjml.Journey) string {
	if j.Title != "" {
		return j.Title + " (" + j.ID + ")"
	}
	return j.ID
}

// cellItems returns the number of items drawCell draws for c.
func cellItems(c *cell, status cjml.Compliance) int {
	n := 4 // box, glyph, ID, label
	if len(c.incident) > 0 {
		n++
	}
	if len(c.threat) > 0 {
		n++
	}
	if status == cjml.Failing {
		n += 2
	}
	if c.face > 0 {
		n++
	}
	return n
}

// drawCell appends one box with its header row, label, badges and face to
// out.
func drawCell(out []scene.Item, ts *typeset, pal *Palette, c *cell, status cjml.Compliance) []scene.Item {
	t := c.tp
	b := c.box
	st := scene.Style{Fill: pal.Box, Stroke: pal.BoxStroke, StrokeWidth: 1.5}
	rad := 6.0
	if t.Kind == cjml.Action {
		st = scene.Style{Fill: pal.Action, Stroke: pal.ActionStroke, StrokeWidth: 1.5}
		rad = 1
	}
	idFill := pal.Muted
	textFill := pal.Text
	switch status {
	case cjml.Missing:
		st.Dash, st.Stroke, st.Opacity = "5 3", pal.Missing, 0.7
		idFill, textFill = pal.Missing, pal.Muted
	case cjml.Failing:
		st.Stroke, st.StrokeWidth = pal.Failing, 2
		idFill = pal.Failing
	case cjml.AdHoc:
		st.Stroke, st.StrokeWidth = pal.AdHoc, 2.2
		idFill = pal.AdHoc
	case cjml.Irregular:
		st.Stroke, st.StrokeWidth = pal.Irregular, 2
		idFill = pal.Irregular
	}
	tip := ""
	if c.cut {
		tip = c.label
	}
	out = append(out, scene.Item{Kind: scene.KindRect, Rect: b, R: rad, Style: st, Role: "touchpoint", Tip: tip})

	// Header row: glyph, ID (and status), badges.
	hx := b.X + boxPad
	hy := b.Y + boxPad
	if t.Kind == cjml.Communication {
		out = append(out, ts.icon(channelGlyph(t.Channel.Family()), hx, hy, iconSz, pal.Icon, "channel"))
	} else {
		out = append(out, ts.icon(actionGlyph(), hx, hy, iconSz, pal.ActionStroke, "action-mark"))
	}
	bw := badgesW(c)
	id := t.ID
	if w := complianceWord(status); w != "" && status != cjml.Completed {
		id = strings.TrimSpace(id + " · " + w)
	}
	idAvail := b.W - 2*boxPad - iconSz - 4 - bw
	if status == cjml.Failing {
		idAvail -= 14
	}
	ist := idStyle
	ist.fill = idFill
	if it, _ := ts.line(id, ist, hx+iconSz+4, hy+(iconSz-ts.height(1, ist))/2, idAvail, "id"); it != nil {
		out = append(out, *it)
	}
	bx := b.X + b.W - boxPad - badgeSz
	if len(c.incident) > 0 {
		it := ts.icon(incidentGlyph(), bx, hy+1, badgeSz, pal.Incident, "incident")
		it.Tip = joinTips("Unwanted incident", c.incident)
		out = append(out, it)
		bx -= badgeSz + 2
	}
	if len(c.threat) > 0 {
		it := ts.icon(threatGlyph(), bx, hy+1, badgeSz, pal.Threat, "threat")
		it.Tip = joinTips("Threat", c.threat)
		out = append(out, it)
	}
	// Label.
	if len(c.lines) > 0 {
		lst := labelStyle
		lst.fill = textFill
		if it, _ := ts.place(c.lines, c.cut, c.label, lst, b.X+boxPad, hy+iconSz+4, "label"); it != nil {
			out = append(out, *it)
		}
	}
	if status == cjml.Failing {
		out = append(out, cross(b.X+b.W-boxPad-10-bw, hy+3, 10, pal.Failing, "failing")...)
	}
	if c.face > 0 {
		it := ts.icon(faceGlyph(c.face), b.X+2, b.Y+b.H+3, faceSz, pal.ratingColour(c.face), "experience")
		it.Tip = "Experience " + strconv.Itoa(c.face) + " of 5"
		if t.Experience != nil && t.Experience.Description != "" {
			it.Tip += ": " + t.Experience.Description
		}
		out = append(out, it)
	}
	return out
}

// cross draws an X of size s with its top-left at x, y.
func cross(x, y, s float64, colour, role string) []scene.Item {
	st := scene.Style{Stroke: colour, StrokeWidth: 2}
	return []scene.Item{
		{Kind: scene.KindLine, X1: x, Y1: y, X2: x + s, Y2: y + s, Style: st, Role: role},
		{Kind: scene.KindLine, X1: x + s, Y1: y, X2: x, Y2: y + s, Style: st, Role: role},
	}
}

// A phaseRun is a run of consecutive touchpoints of one phase.
type phaseRun struct {
	first, last int
	name, desc  string
}

func phaseRuns(j *cjml.Journey) []phaseRun {
	var out []phaseRun
	for i, t := range j.Touchpoints {
		id := strings.TrimSpace(t.Phase)
		if id == "" {
			continue
		}
		if len(out) > 0 && out[len(out)-1].last == i-1 && out[len(out)-1].desc == id {
			out[len(out)-1].last = i
			continue
		}
		out = append(out, phaseRun{first: i, last: i, desc: id})
	}
	for k := range out {
		id := out[k].desc
		out[k].name, out[k].desc = id, ""
		if p := j.Phase(id); p != nil {
			if p.Name != "" {
				out[k].name = p.Name
			}
			out[k].desc = p.Description
		}
	}
	return out
}
