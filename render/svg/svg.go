// Package svg writes a [scene.Scene] as an SVG document with
// github.com/ajstarks/svgo.
//
// svgo escapes element text but not attribute values, so every string that
// reaches an attribute here goes through [Attr] first: colours, dash
// patterns, path data, font families and tooltips included. Labels are
// element text (escaped by svgo and, for tspans, by this package), so a
// label such as `<script>` or `say "hi"` is drawn as written and never
// becomes markup.
package svg

import (
	"bufio"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	svgo "github.com/ajstarks/svgo/float"

	"cjml.dev/render/scene"
)

// Attr escapes s for use inside a double-quoted XML attribute value: the
// five XML specials, and tab, newline and carriage return (which attribute
// normalisation would otherwise turn into spaces). Characters XML does not
// allow at all are replaced by U+FFFD.
func Attr(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		case '\t':
			b.WriteString("&#x9;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			if !isXMLChar(r) {
				r = '\uFFFD'
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Text escapes s as XML element text.
func Text(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func isXMLChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// num formats a coordinate with at most two decimals and no trailing
// zeros, so that output is compact and deterministic.
func num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// Write writes s as a standalone SVG document.
func Write(w io.Writer, s *scene.Scene) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	c := svgo.New(bw)
	c.Decimals = 2
	c.Start(s.W, s.H, `viewBox="0 0 `+num(s.W)+` `+num(s.H)+`"`,
		`font-family="`+Attr(s.FontFamily)+`"`)
	if s.Title != "" {
		c.Title(s.Title)
	}
	if s.Desc != "" {
		c.Desc(s.Desc)
	}
	// One arrowhead marker per arrow colour, in order of first use.
	markers := map[string]string{}
	var colours []string
	for i := range s.Items {
		if st := s.Items[i].Style; st.Arrow {
			if _, ok := markers[st.Stroke]; !ok {
				markers[st.Stroke] = "arrow" + strconv.Itoa(len(colours)+1)
				colours = append(colours, st.Stroke)
			}
		}
	}
	if len(colours) > 0 {
		c.Def()
		for _, col := range colours {
			io.WriteString(bw, `<marker id="`+markers[col]+`" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,1 L10,5 L0,9 z" fill="`+Attr(col)+`"/></marker>`+"\n")
		}
		c.DefEnd()
	}
	if s.Background != "" {
		c.Rect(0, 0, s.W, s.H, `fill="`+Attr(s.Background)+`"`)
	}
	for i := range s.Items {
		writeItem(c, bw, &s.Items[i], markers)
	}
	c.End()
	return bw.Flush()
}

// style returns the presentation attributes of st.
func style(st scene.Style) string {
	var b strings.Builder
	if st.Fill != "" {
		b.WriteString(`fill="` + Attr(st.Fill) + `"`)
	} else {
		b.WriteString(`fill="none"`)
	}
	if st.Stroke != "" {
		b.WriteString(` stroke="` + Attr(st.Stroke) + `"`)
		w := st.StrokeWidth
		if w == 0 {
			w = 1
		}
		b.WriteString(` stroke-width="` + num(w) + `"`)
		if st.Dash != "" {
			b.WriteString(` stroke-dasharray="` + Attr(st.Dash) + `"`)
		}
	}
	if st.Opacity > 0 && st.Opacity < 1 {
		b.WriteString(` opacity="` + num(st.Opacity) + `"`)
	}
	return b.String()
}

func class(it *scene.Item) string {
	if it.Role == "" {
		return ""
	}
	return ` class="` + Attr(it.Role) + `"`
}

func writeItem(c *svgo.SVG, w *bufio.Writer, it *scene.Item, markers map[string]string) {
	st := style(it.Style)
	if it.Style.Arrow {
		st += ` marker-end="url(#` + markers[it.Style.Stroke] + `)"`
	}
	tip := it.Tip != "" && it.Kind != scene.KindText
	if tip {
		// A group carries the tooltip so that the shape stays one element.
		w.WriteString("<g>")
		c.Title(it.Tip)
	}
	switch it.Kind {
	case scene.KindRect:
		r := it.Rect
		w.WriteString(`<rect x="` + num(r.X) + `" y="` + num(r.Y) + `" width="` + num(r.W) + `" height="` + num(r.H) + `"`)
		if it.R > 0 {
			w.WriteString(` rx="` + num(it.R) + `"`)
		}
		w.WriteString(class(it) + " " + st + "/>\n")
	case scene.KindCircle:
		w.WriteString(`<circle cx="` + num(it.CX) + `" cy="` + num(it.CY) + `" r="` + num(it.R) + `"` + class(it) + " " + st + "/>\n")
	case scene.KindLine:
		w.WriteString(`<line x1="` + num(it.X1) + `" y1="` + num(it.Y1) + `" x2="` + num(it.X2) + `" y2="` + num(it.Y2) + `"` + class(it) + " " + st + "/>\n")
	case scene.KindPath:
		w.WriteString(`<path d="` + Attr(it.D) + `"` + class(it) + " " + st + "/>\n")
	case scene.KindText:
		writeText(w, it)
	case scene.KindIcon:
		writeIcon(w, it)
	}
	if tip {
		w.WriteString("</g>\n")
	}
}

func writeText(w *bufio.Writer, it *scene.Item) {
	t := it.Text
	if t == nil || len(t.Lines) == 0 {
		return
	}
	w.WriteString(`<text x="` + num(t.X) + `" y="` + num(t.Y) + `" font-size="` + num(t.Size) + `"`)
	switch t.Anchor {
	case scene.Middle:
		w.WriteString(` text-anchor="middle"`)
	case scene.End:
		w.WriteString(` text-anchor="end"`)
	}
	if t.Bold {
		w.WriteString(` font-weight="bold"`)
	}
	if t.Italic {
		w.WriteString(` font-style="italic"`)
	}
	if t.Fill != "" {
		w.WriteString(` fill="` + Attr(t.Fill) + `"`)
	}
	w.WriteString(class(it) + `>`)
	if it.Tip != "" {
		w.WriteString("<title>" + Text(it.Tip) + "</title>")
	}
	if len(t.Lines) == 1 {
		w.WriteString(Text(t.Lines[0]))
	} else {
		for i, l := range t.Lines {
			w.WriteString(`<tspan x="` + num(t.X) + `"`)
			if i > 0 {
				w.WriteString(` dy="` + num(t.LineHeight) + `"`)
			}
			w.WriteString(`>` + Text(l) + `</tspan>`)
		}
	}
	w.WriteString("</text>\n")
}

func writeIcon(w *bufio.Writer, it *scene.Item) {
	ic := it.Icon
	if ic == nil || len(ic.Paths) == 0 {
		return
	}
	s := ic.Size / 24
	w.WriteString(`<g transform="translate(` + num(ic.X) + ` ` + num(ic.Y) + `) scale(` + strconv.FormatFloat(s, 'f', 4, 64) + `)"` + class(it))
	if ic.Filled {
		w.WriteString(` fill="` + Attr(ic.Color) + `" stroke="none"`)
	} else {
		fill := "none"
		if ic.Fill != "" {
			fill = ic.Fill
		}
		w.WriteString(` fill="` + Attr(fill) + `" stroke="` + Attr(ic.Color) + `" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"`)
	}
	w.WriteString(">")
	for _, p := range ic.Paths {
		w.WriteString(`<path d="` + Attr(p) + `"/>`)
	}
	w.WriteString("</g>\n")
}
