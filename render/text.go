package render

import (
	"strings"

	"cjml.dev/render/scene"
	"cjml.dev/render/textmeasure"
)

// Font sizes (px) of the diagram's text.
const (
	sizeTitle  = 18
	sizeMeta   = 11
	sizeLabel  = 11
	sizeName   = 12
	sizeSmall  = 9
	sizeLegend = 10
	sizePhase  = 11
)

// slack is the share of a box's width the layout keeps free for viewers
// that draw the text with a wider fallback font than the one measured.
const slack = textmeasure.FallbackSlack

// typeset measures and wraps text with the Go fonts.
type typeset struct {
	reg, bold *textmeasure.Face
	// item is the one item place returns: callers copy it before the next
	// call, so that no item is allocated per label.
	item scene.Item
	// texts and ones are slabs the texts and one-line labels are cut
	// from, to allocate per batch rather than per label.
	texts []scene.Text
	ones  []string
	icons []scene.Icon
}

func newTypeset() *typeset {
	return &typeset{reg: textmeasure.Default(), bold: textmeasure.Bold()}
}

func (ts *typeset) face(bold bool) *textmeasure.Face {
	if bold {
		return ts.bold
	}
	return ts.reg
}

// style of a text block.
type tstyle struct {
	size   float64
	bold   bool
	italic bool
	fill   string
	anchor scene.Anchor
	// maxLines limits the lines; the last one then ends in an ellipsis.
	// 0 means no limit.
	maxLines int
}

// fit returns width w minus the slack for fallback fonts.
func fit(w float64) float64 { return w / (1 + slack) }

// lines wraps s to width (already reduced by the slack) and applies
// maxLines. truncated reports whether text was cut.
func (ts *typeset) lines(s string, st tstyle, width float64) (lines []string, truncated bool) {
	f := ts.face(st.bold)
	if width <= 0 {
		return nil, strings.TrimSpace(s) != ""
	}
	lines = f.Wrap(s, st.size, width)
	for i, l := range lines {
		// A single rune wider than the box: cut it rather than spill.
		if f.Width(l, st.size) > width {
			lines[i] = f.Truncate(l, st.size, width)
			truncated = true
		}
	}
	if st.maxLines > 0 && len(lines) > st.maxLines {
		rest := strings.Join(lines[st.maxLines-1:], " ")
		lines = append(lines[:st.maxLines-1:st.maxLines-1], f.Truncate(rest+textmeasure.Ellipsis, st.size, width))
		truncated = true
	}
	return lines, truncated
}

// height returns the height of n lines of text at size.
func (ts *typeset) height(n int, st tstyle) float64 {
	if n == 0 {
		return 0
	}
	f := ts.face(st.bold)
	return f.Ascent(st.size) + f.Descent(st.size) + float64(n-1)*f.LineHeight(st.size)
}

// measure returns the height s takes wrapped into a box of width w (slack
// included).
func (ts *typeset) measure(s string, st tstyle, w float64) float64 {
	l, _ := ts.lines(s, st, fit(w))
	return ts.height(len(l), st)
}

// place and line return a pointer to ts.item, which the next call
// overwrites: callers append *it at once.

// text wraps s into a box of width w whose top is y, anchored at x, and
// returns the item (nil for empty text) and its height.
func (ts *typeset) text(s string, st tstyle, x, y, w float64, role string) (*scene.Item, float64) {
	lines, cut := ts.lines(s, st, fit(w))
	return ts.place(lines, cut, s, st, x, y, role)
}

// place positions already wrapped lines.
func (ts *typeset) place(lines []string, cut bool, full string, st tstyle, x, y float64, role string) (*scene.Item, float64) {
	if len(lines) == 0 {
		return nil, 0
	}
	f := ts.face(st.bold)
	wmax := 0.0
	for _, l := range lines {
		wmax = max(wmax, f.Width(l, st.size))
	}
	h := ts.height(len(lines), st)
	bx := x
	switch st.anchor {
	case scene.Middle:
		bx = x - wmax/2
	case scene.End:
		bx = x - wmax
	}
	if len(ts.texts) == 0 {
		ts.texts = make([]scene.Text, 128)
	}
	t := &ts.texts[0]
	ts.texts = ts.texts[1:]
	*t = scene.Text{
		Lines: lines, X: x, Y: y + f.Ascent(st.size), Size: st.size, LineHeight: f.LineHeight(st.size),
		Bold: st.bold, Italic: st.italic, Anchor: st.anchor, Fill: st.fill,
		Box: scene.Rect{X: bx, Y: y, W: wmax, H: h},
	}
	ts.item = scene.Item{Kind: scene.KindText, Text: t, Role: role}
	if cut {
		ts.item.Tip = textmeasure.Collapse(full)
	}
	return &ts.item, h
}

// one returns s as a one-line slice.
func (ts *typeset) one(s string) []string {
	if len(ts.ones) == 0 {
		ts.ones = make([]string, 256)
	}
	l := ts.ones[:1:1]
	ts.ones = ts.ones[1:]
	l[0] = s
	return l
}

// line returns s on one line, truncated to width w (slack included).
func (ts *typeset) line(s string, st tstyle, x, y, w float64, role string) (*scene.Item, float64) {
	f := ts.face(st.bold)
	c := textmeasure.Collapse(s)
	t := f.Truncate(c, st.size, fit(w)) // c is collapsed: no second copy
	if t == "" {
		return nil, 0
	}
	return ts.place(ts.one(t), t != c, s, st, x, y, role)
}

// width returns the advance width of s on one line.
func (ts *typeset) width(s string, st tstyle) float64 {
	return ts.face(st.bold).Width(textmeasure.Collapse(s), st.size)
}
