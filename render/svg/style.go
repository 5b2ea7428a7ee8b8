package svg

import (
	"strconv"

	"cjml.dev/render/scene"
)

// Presentation attributes that several items share move into a <style>
// block as one class rule each (".s1{fill:#e8f1f8;stroke:#1f6fb2;...}"),
// and the items name the class next to their role: class="touchpoint s1".
// That roughly halves the size of large diagrams. Only values made of
// characters that cannot end a CSS declaration or rule (letters, digits,
// space and "#.,%()-") go into a rule; an item with any other value keeps
// its attributes, escaped as before.

// A rule is one shared set of presentation attributes.
type rule struct {
	key  styleKey
	name string // class name: s1, s2, ...
	uses int
}

// styleKey is what a rule sets. cat tells which fields matter: shapes
// (style, marker), text (size, bold, italic, anchor, fill) or icons
// (filled, colour, fill).
type styleKey struct {
	cat    uint8
	style  scene.Style
	marker string
	size   float64
	bold   bool
	italic bool
	anchor scene.Anchor
	fill   string
	filled bool
	colour string
}

const (
	catShape = iota + 1
	catText
	catIcon
)

// keyOf returns the presentation of an item, and false when it has none to
// share or a value that must stay an escaped attribute.
func keyOf(it *scene.Item, markers map[string]string) (styleKey, bool) {
	switch it.Kind {
	case scene.KindRect, scene.KindCircle, scene.KindLine, scene.KindPath:
		k := styleKey{cat: catShape, style: it.Style}
		if it.Style.Arrow {
			k.marker = markers[it.Style.Stroke]
		}
		k.style.Arrow = false
		if k.style.Stroke == "" {
			// Stroke width and dashes are not written without a stroke.
			k.style.StrokeWidth, k.style.Dash = 0, ""
		} else if k.style.StrokeWidth == 0 {
			k.style.StrokeWidth = 1
		}
		if !(k.style.Opacity > 0 && k.style.Opacity < 1) {
			k.style.Opacity = 0
		}
		return k, cssSafe(k.style.Fill) && cssSafe(k.style.Stroke) && dashSafe(k.style.Dash) && cssSafe(k.marker)
	case scene.KindText:
		t := it.Text
		if t == nil || len(t.Lines) == 0 {
			return styleKey{}, false
		}
		k := styleKey{cat: catText, size: t.Size, bold: t.Bold, italic: t.Italic, anchor: t.Anchor, fill: t.Fill}
		return k, cssSafe(k.fill)
	case scene.KindIcon:
		ic := it.Icon
		if ic == nil || len(ic.Paths) == 0 {
			return styleKey{}, false
		}
		k := styleKey{cat: catIcon, filled: ic.Filled, colour: ic.Color}
		if !ic.Filled {
			k.fill = ic.Fill
		}
		return k, cssSafe(k.colour) && cssSafe(k.fill)
	}
	return styleKey{}, false
}

// cssSafe reports whether s can stand as a CSS value as it is.
func cssSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == ' ', c == '#', c == '.', c == ',', c == '%', c == '(', c == ')', c == '-':
		default:
			return false
		}
	}
	return true
}

// dashSafe reports whether s is a dash pattern of plain numbers.
func dashSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9', c == '.', c == ' ', c == ',':
		default:
			return false
		}
	}
	return true
}

// styleClasses returns, per item, the rule that carries its presentation
// (nil when its attributes stay on the element), and the rules in order of
// first use. Only presentations that two or more items share get a rule.
func styleClasses(items []scene.Item, markers map[string]string) (classes, rules []*rule) {
	byKey := map[styleKey]*rule{}
	classes = make([]*rule, len(items))
	// Items repeat a few presentations in turn (box, glyph, ID, label),
	// so the last few rules are compared before the map is hashed.
	var recent [8]*rule
	next := 0
	for i := range items {
		k, ok := keyOf(&items[i], markers)
		if !ok {
			continue
		}
		var r *rule
		for _, c := range recent {
			if c != nil && c.key == k {
				r = c
				break
			}
		}
		if r == nil {
			r = byKey[k]
			if r == nil {
				r = &rule{key: k}
				byKey[k] = r
			}
			recent[next] = r
			next = (next + 1) % len(recent)
		}
		r.uses++
		classes[i] = r
	}
	for i, r := range classes {
		switch {
		case r == nil:
		case r.uses < 2:
			classes[i] = nil
		case r.name == "":
			rules = append(rules, r)
			r.name = "s" + strconv.Itoa(len(rules))
		}
	}
	return classes, rules
}

// writeRule writes one CSS rule. Lengths carry px, which CSS needs where
// presentation attributes do not.
func (o *writer) writeRule(r *rule) {
	k := &r.key
	o.WriteByte('.')
	o.WriteString(r.name)
	o.WriteByte('{')
	sep := false
	decl := func(name string) {
		if sep {
			o.WriteByte(';')
		}
		sep = true
		o.WriteString(name)
		o.WriteByte(':')
	}
	switch k.cat {
	case catShape:
		st := &k.style
		decl("fill")
		if st.Fill != "" {
			o.WriteString(st.Fill)
		} else {
			o.WriteString("none")
		}
		if st.Stroke != "" {
			decl("stroke")
			o.WriteString(st.Stroke)
			decl("stroke-width")
			o.num(st.StrokeWidth)
			o.WriteString("px")
			if st.Dash != "" {
				decl("stroke-dasharray")
				o.dash(st.Dash)
			}
		}
		if st.Opacity > 0 {
			decl("opacity")
			o.num(st.Opacity)
		}
		if k.marker != "" {
			decl("marker-end")
			o.WriteString("url(#")
			o.WriteString(k.marker)
			o.WriteByte(')')
		}
	case catText:
		decl("font-size")
		o.num(k.size)
		o.WriteString("px")
		switch k.anchor {
		case scene.Middle:
			decl("text-anchor")
			o.WriteString("middle")
		case scene.End:
			decl("text-anchor")
			o.WriteString("end")
		}
		if k.bold {
			decl("font-weight")
			o.WriteString("bold")
		}
		if k.italic {
			decl("font-style")
			o.WriteString("italic")
		}
		if k.fill != "" {
			decl("fill")
			o.WriteString(k.fill)
		}
	case catIcon:
		if k.filled {
			decl("fill")
			o.WriteString(k.colour)
			decl("stroke")
			o.WriteString("none")
			break
		}
		decl("fill")
		if k.fill != "" {
			o.WriteString(k.fill)
		} else {
			o.WriteString("none")
		}
		decl("stroke")
		o.WriteString(k.colour)
		o.WriteString(";stroke-width:2px;stroke-linecap:round;stroke-linejoin:round")
	}
	o.WriteString("}\n")
}

// dash writes a dash pattern of plain numbers as lengths in px.
func (o *writer) dash(s string) {
	first := true
	for i := 0; i < len(s); {
		if s[i] == ' ' || s[i] == ',' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != ',' {
			j++
		}
		if !first {
			o.WriteByte(' ')
		}
		first = false
		o.WriteString(s[i:j])
		o.WriteString("px")
		i = j
	}
}
