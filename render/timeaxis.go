package render

import (
	"strings"
	"time"

	"cjml.dev/cjml"
	"cjml.dev/render/scene"
	"cjml.dev/render/timescale"
)

// timeAxis places touchpoints by their timestamps (cjml.dev/render/
// timescale): gaps in proportion to their duration, long gaps compressed
// into a break, and never closer than one column.
type timeAxis struct {
	ax     timescale.Axis
	minGap float64
}

// newTimeAxis returns the axis of the touchpoints' first timestamps, or nil
// when fewer than two distinct times are known. Nil touchpoints and
// touchpoints without a time are placed between their neighbours.
func newTimeAxis(tps []*cjml.Touchpoint, minGap float64) *timeAxis {
	times := make([]time.Time, len(tps))
	for i, t := range tps {
		if t == nil {
			continue
		}
		if tm, _, err := t.Timestamps.First().Time(); err == nil {
			times[i] = tm
		}
	}
	if !timescale.HasTimes(times) {
		return nil
	}
	return &timeAxis{ax: timescale.Layout(times, timescale.Options{MinSpacing: minGap}), minGap: minGap}
}

// x returns the offset of touchpoint i from the first; for i == n, the end
// of the last column.
func (a *timeAxis) x(i int) float64 {
	if i >= len(a.ax.X) {
		return a.ax.End + a.minGap
	}
	return a.ax.X[i]
}

// draw draws the axis below the diagram: a line with a dot per touchpoint
// (hollow where the time was estimated), day and hour ticks below it, and
// the compressed gaps as breaks labelled with their duration above it.
// centre gives the x of touchpoint i; the axis runs from x0 to the end of
// the last column. It returns the items and the y below them.
func (a *timeAxis) draw(ts *typeset, pal *Palette, centre func(int) float64, x0, x1, y, labelX float64) ([]scene.Item, float64) {
	var out []scene.Item
	small := tstyle{size: sizeSmall, fill: pal.Muted}
	th := ts.height(1, small)
	hs := tstyle{size: sizeSmall, bold: true, fill: pal.Muted}
	lineY := y + th + 8
	if it, _ := ts.line("Time", hs, labelX, lineY-th/2, x0-labelX-8, "time-title"); it != nil {
		out = append(out, *it)
	}
	off := centre(0) - a.x(0)
	out = append(out, scene.Item{Kind: scene.KindLine, X1: x0, Y1: lineY, X2: x1, Y2: lineY,
		Style: scene.Style{Stroke: "#000000", StrokeWidth: 1.2}, Role: "time-axis"})
	for i := range a.ax.X {
		st := scene.Style{Fill: "#000000"}
		if a.ax.Estimated[i] {
			st = scene.Style{Fill: "#ffffff", Stroke: "#000000", StrokeWidth: 1}
		}
		out = append(out, scene.Item{Kind: scene.KindCircle, CX: centre(i), CY: lineY, R: 2.5, Style: st, Role: "time-point"})
	}
	room := a.minGap - 8
	for _, b := range a.ax.Breaks {
		x := off + b.X
		// The break symbol: two slanted strokes across a white gap.
		out = append(out, scene.Item{Kind: scene.KindRect, Rect: scene.Rect{X: x - 4, Y: lineY - 3, W: 8, H: 6}, Style: scene.Style{Fill: "#ffffff"}, Role: "time-break"})
		for _, dx := range []float64{-4, 2} {
			out = append(out, scene.Item{Kind: scene.KindLine, X1: x + dx, Y1: lineY + 6, X2: x + dx + 3, Y2: lineY - 6,
				Style: scene.Style{Stroke: "#000000", StrokeWidth: 1.2}, Role: "time-break"})
		}
		st := small
		st.anchor = scene.Middle
		if it, _ := ts.line(strings.TrimSpace(b.Label), st, x, y, room, "time-break-label"); it != nil {
			it.Tip = "Compressed gap of " + strings.TrimPrefix(b.Label, "+")
			out = append(out, *it)
		}
	}
	for _, tk := range a.ax.Ticks {
		x := off + tk.X
		w := 1.0
		if tk.Kind != timescale.Hour {
			w = 1.6
		}
		out = append(out, scene.Item{Kind: scene.KindLine, X1: x, Y1: lineY, X2: x, Y2: lineY + 6,
			Style: scene.Style{Stroke: "#000000", StrokeWidth: w}, Role: "time-tick"})
		st := small
		if tk.Kind != timescale.Hour {
			st.fill = pal.Text
		}
		if it, _ := ts.line(tk.Label, st, x+2, lineY+8, room, "time-tick-label"); it != nil {
			out = append(out, *it)
		}
	}
	return out, lineY + 8 + th + gap
}

// timeNote describes the axis in the title block.
func timeNote(requested bool, a *timeAxis) []string {
	switch {
	case !requested:
		return nil
	case a == nil:
		return []string{"no timestamps: touchpoints evenly spaced"}
	case len(a.ax.Breaks) > 0:
		return []string{"time-scaled, gaps over " + strings.TrimPrefix(timescale.FormatDuration(a.ax.MaxGap), "+") + " compressed"}
	}
	return []string{"time-scaled"}
}
