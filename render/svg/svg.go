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
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	svgo "github.com/ajstarks/svgo/float"

	"cjml.dev/internal/textutil"
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
			if !textutil.IsXMLChar(r) {
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
	// Icons are defined once and used by reference; an icon is recognised
	// by its path slice (the layout shares one slice per glyph).
	type iconKey struct {
		first *string
		n     int
	}
	iconIDs := map[iconKey]string{}
	var icons []*scene.Icon
	for i := range s.Items {
		if ic := s.Items[i].Icon; s.Items[i].Kind == scene.KindIcon && ic != nil && len(ic.Paths) > 0 {
			k := iconKey{&ic.Paths[0], len(ic.Paths)}
			if _, ok := iconIDs[k]; !ok {
				iconIDs[k] = "i" + strconv.Itoa(len(icons)+1)
				icons = append(icons, ic)
			}
		}
	}
	o := &writer{Writer: bw, scratch: make([]byte, 0, 32), icon: func(ic *scene.Icon) string {
		return iconIDs[iconKey{&ic.Paths[0], len(ic.Paths)}]
	}}
	o.classes, o.rules = styleClasses(s.Items, markers)
	if len(o.rules) > 0 {
		o.WriteString("<style>\n")
		for _, r := range o.rules {
			o.writeRule(r)
		}
		o.WriteString("</style>\n")
	}
	if len(colours) > 0 || len(icons) > 0 {
		c.Def()
		for _, ic := range icons {
			o.WriteString(`<g id="`)
			o.WriteString(o.icon(ic))
			o.WriteString(`">`)
			for _, p := range ic.Paths {
				o.WriteString(`<path d="`)
				o.esc(p, true)
				o.WriteString(`"/>`)
			}
			o.WriteString("</g>\n")
		}
		for _, col := range colours {
			io.WriteString(bw, `<marker id="`+markers[col]+`" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,1 L10,5 L0,9 z" fill="`+Attr(col)+`"/></marker>`+"\n")
		}
		c.DefEnd()
	}
	if s.Background != "" {
		c.Rect(0, 0, s.W, s.H, `fill="`+Attr(s.Background)+`"`)
	}
	for i := range s.Items {
		writeItem(o, &s.Items[i], i, markers)
	}
	c.End()
	return bw.Flush()
}

// w writes SVG pieces to a buffered writer without building intermediate
// strings.
type writer struct {
	*bufio.Writer
	scratch []byte
	// icon returns the id of an icon's definition.
	icon func(*scene.Icon) string
	// classes holds, per item, its style rule or nil (presentation
	// attributes then stand on the element); rules lists the rules in
	// order of first use.
	classes []*rule
	rules   []*rule
}

// num writes a coordinate like [num]: rounded to two decimals, without
// trailing zeros.
func (o *writer) num(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) >= 1e15 {
		o.WriteString(num(f))
		return
	}
	v := int64(math.Round(f * 100))
	b := o.scratch[:0]
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, v/100, 10)
	if frac := v % 100; frac != 0 {
		b = append(b, '.', byte('0'+frac/10))
		if frac%10 != 0 {
			b = append(b, byte('0'+frac%10))
		}
	}
	o.scratch = b
	o.Write(b)
}

// numAttr writes ` name="f"`.
func (o *writer) numAttr(name string, f float64) {
	o.WriteByte(' ')
	o.WriteString(name)
	o.WriteString(`="`)
	o.num(f)
	o.WriteByte('"')
}

// attr writes ` name="value"` with value escaped.
func (o *writer) attr(name, value string) {
	o.WriteByte(' ')
	o.WriteString(name)
	o.WriteString(`="`)
	o.esc(value, true)
	o.WriteByte('"')
}

// esc writes s escaped as an attribute value (attr) or as element text.
// Characters XML does not allow, and invalid UTF-8, become U+FFFD.
func (o *writer) esc(s string, attr bool) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var rep string
		size := 1
		switch {
		case c == '&':
			rep = "&amp;"
		case c == '<':
			rep = "&lt;"
		case c == '>':
			rep = "&gt;"
		case c == '"' && attr:
			rep = "&quot;"
		case c == '\'' && attr:
			rep = "&apos;"
		case c == '\t' && attr:
			rep = "&#x9;"
		case c == '\n':
			rep = "&#xA;"
		case c == '\r':
			rep = "&#xD;"
		case c < 0x20 && c != '\t':
			rep = "\uFFFD"
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			size = n
			if (r == utf8.RuneError && n == 1) || !textutil.IsXMLChar(r) {
				rep = "\uFFFD"
			}
		}
		if rep != "" {
			o.WriteString(s[last:i])
			o.WriteString(rep)
			last = i + size
		}
		i += size
	}
	o.WriteString(s[last:])
}

// style writes the presentation attributes of st.
func (o *writer) style(st scene.Style, marker string) {
	if st.Fill != "" {
		o.attr("fill", st.Fill)
	} else {
		o.WriteString(` fill="none"`)
	}
	if st.Stroke != "" {
		o.attr("stroke", st.Stroke)
		sw := st.StrokeWidth
		if sw == 0 {
			sw = 1
		}
		o.numAttr("stroke-width", sw)
		if st.Dash != "" {
			o.attr("stroke-dasharray", st.Dash)
		}
	}
	if st.Opacity > 0 && st.Opacity < 1 {
		o.numAttr("opacity", st.Opacity)
	}
	if marker != "" {
		o.WriteString(` marker-end="url(#`)
		o.WriteString(marker)
		o.WriteString(`)"`)
	}
}

// class writes the class attribute of item i: its role and its style
// rule. It reports whether the rule carries the item's presentation.
func (o *writer) class(it *scene.Item, i int) bool {
	var r *rule
	if i < len(o.classes) {
		r = o.classes[i]
	}
	switch {
	case r == nil:
		if it.Role != "" {
			o.attr("class", it.Role)
		}
		return false
	case it.Role == "":
		o.WriteString(` class="`)
	default:
		o.WriteString(` class="`)
		o.esc(it.Role, true)
		o.WriteByte(' ')
	}
	o.WriteString(r.name)
	o.WriteByte('"')
	return true
}

func (o *writer) title(tip string) {
	o.WriteString("<title>")
	o.esc(tip, false)
	o.WriteString("</title>")
}

func writeItem(o *writer, it *scene.Item, i int, markers map[string]string) {
	marker := ""
	if it.Style.Arrow {
		marker = markers[it.Style.Stroke]
	}
	tip := it.Tip != "" && it.Kind != scene.KindText
	if tip {
		// A group carries the tooltip so that the shape stays one element.
		o.WriteString("<g>")
		o.title(it.Tip)
	}
	switch it.Kind {
	case scene.KindRect:
		r := it.Rect
		o.WriteString("<rect")
		o.numAttr("x", r.X)
		o.numAttr("y", r.Y)
		o.numAttr("width", r.W)
		o.numAttr("height", r.H)
		if it.R > 0 {
			o.numAttr("rx", it.R)
		}
		if !o.class(it, i) {
			o.style(it.Style, marker)
		}
		o.WriteString("/>\n")
	case scene.KindCircle:
		o.WriteString("<circle")
		o.numAttr("cx", it.CX)
		o.numAttr("cy", it.CY)
		o.numAttr("r", it.R)
		if !o.class(it, i) {
			o.style(it.Style, marker)
		}
		o.WriteString("/>\n")
	case scene.KindLine:
		o.WriteString("<line")
		o.numAttr("x1", it.X1)
		o.numAttr("y1", it.Y1)
		o.numAttr("x2", it.X2)
		o.numAttr("y2", it.Y2)
		if !o.class(it, i) {
			o.style(it.Style, marker)
		}
		o.WriteString("/>\n")
	case scene.KindPath:
		o.WriteString("<path")
		o.attr("d", it.D)
		if !o.class(it, i) {
			o.style(it.Style, marker)
		}
		o.WriteString("/>\n")
	case scene.KindText:
		writeText(o, it, i)
	case scene.KindIcon:
		writeIcon(o, it, i)
	}
	if tip {
		o.WriteString("</g>\n")
	}
}

func writeText(o *writer, it *scene.Item, i int) {
	t := it.Text
	if t == nil || len(t.Lines) == 0 {
		return
	}
	o.WriteString("<text")
	o.numAttr("x", t.X)
	o.numAttr("y", t.Y)
	if !o.class(it, i) {
		o.numAttr("font-size", t.Size)
		switch t.Anchor {
		case scene.Middle:
			o.WriteString(` text-anchor="middle"`)
		case scene.End:
			o.WriteString(` text-anchor="end"`)
		}
		if t.Bold {
			o.WriteString(` font-weight="bold"`)
		}
		if t.Italic {
			o.WriteString(` font-style="italic"`)
		}
		if t.Fill != "" {
			o.attr("fill", t.Fill)
		}
	}
	o.WriteByte('>')
	if it.Tip != "" {
		o.title(it.Tip)
	}
	if len(t.Lines) == 1 {
		o.esc(t.Lines[0], false)
	} else {
		for i, l := range t.Lines {
			o.WriteString("<tspan")
			o.numAttr("x", t.X)
			if i > 0 {
				o.numAttr("dy", t.LineHeight)
			}
			o.WriteByte('>')
			o.esc(l, false)
			o.WriteString("</tspan>")
		}
	}
	o.WriteString("</text>\n")
}

func writeIcon(o *writer, it *scene.Item, i int) {
	ic := it.Icon
	if ic == nil || len(ic.Paths) == 0 {
		return
	}
	o.WriteString(`<use xlink:href="#`)
	o.WriteString(o.icon(ic))
	o.WriteString(`" transform="translate(`)
	o.num(ic.X)
	o.WriteByte(' ')
	o.num(ic.Y)
	o.WriteString(`) scale(`)
	o.Write(strconv.AppendFloat(o.scratch[:0], ic.Size/24, 'f', 4, 64))
	o.WriteString(`)"`)
	if o.class(it, i) {
		o.WriteString("/>\n")
		return
	}
	if ic.Filled {
		o.attr("fill", ic.Color)
		o.WriteString(` stroke="none"`)
	} else {
		fill := "none"
		if ic.Fill != "" {
			fill = ic.Fill
		}
		o.attr("fill", fill)
		o.attr("stroke", ic.Color)
		o.WriteString(` stroke-width="2" stroke-linecap="round" stroke-linejoin="round"`)
	}
	o.WriteString("/>\n")
}
