package cjml

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"cjml.dev/internal/textutil"
)

// The XML reader is a purpose-built scanner rather than encoding/xml or
// etree: it records the position of every element, attribute and text (which
// etree cannot), runs several times faster than encoding/xml, and is strict
// where it matters for safety: it checks well-formedness, never expands DTD
// entities, and bounds nesting depth. Its well-formedness verdict is fuzzed
// against encoding/xml (see xmlscan_test.go).

// xmlParser scans one XML document into a node tree.
type xmlParser struct {
	src      *Source
	s        string
	i        int
	maxDepth int

	diags     Diagnostics
	failed    bool
	slab      *slab
	attrBuf   []attr
	pending   []string // comments waiting for the element they precede
	procInsts []ProcInst

	// With onTop set, the scanner streams: it calls onStart with the root
	// element once its start tag is read and onTop with each child of the
	// root once that child is complete, and then resets the slab and the
	// attribute buffer for reuse (onTop may swap in fresh ones to keep the
	// child). The root then keeps no children.
	onStart func(root *node)
	onTop   func(k *node)
}

func (p *xmlParser) diag(sev Severity, off int, code, format string, args ...any) {
	p.diags = append(p.diags, Diagnostic{
		Severity: sev,
		Code:     code,
		Message:  fmt.Sprintf(format, args...),
		Pos:      p.src.OffsetPosition(off),
	})
}

// fail records a fatal error; scanning stops at the first one, since
// everything after a well-formedness error is guesswork.
func (p *xmlParser) fail(off int, code, format string, args ...any) {
	if p.failed {
		return
	}
	p.failed = true
	p.diag(Error, off, code, format, args...)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (p *xmlParser) skipSpace() int {
	n := 0
	for p.i < len(p.s) && isSpace(p.s[p.i]) {
		p.i++
		n++
	}
	return n
}

// parse scans the whole document and returns its root element, or nil when
// the document is not well-formed.
func (p *xmlParser) parse() *node {
	s := p.s
	var root *node
	doctype := false
	for p.i < len(s) && !p.failed {
		c := s[p.i]
		if isSpace(c) {
			p.i++
			continue
		}
		if c != '<' {
			if root == nil {
				p.fail(p.i, CodeSyntax, "text before the root element; a CJML document starts with <CJML>")
			} else {
				p.fail(p.i, CodeSyntax, "text after the end of the root element </%s>", root.name)
			}
			break
		}
		rest := s[p.i:]
		switch {
		case strings.HasPrefix(rest, "<?"):
			off := p.i
			if pi, ok := p.procInst(root == nil); ok {
				p.diag(Warning, off, CodeProcInst, "processing instruction <?%s?> after the root element is dropped", pi.Target)
			}
		case strings.HasPrefix(rest, "<!--"):
			if txt, ok := p.comment(); ok {
				if root == nil {
					p.pending = append(p.pending, txt)
				} else {
					root.comments = append(root.comments, txt)
				}
			}
		case strings.HasPrefix(rest, "<!DOCTYPE"):
			if root != nil || doctype {
				p.fail(p.i, CodeSyntax, "a DOCTYPE declaration is only allowed once, before the root element")
				break
			}
			doctype = true
			p.doctype()
		case strings.HasPrefix(rest, "<!"):
			p.fail(p.i, CodeSyntax, "unexpected markup %s outside the root element", textutil.Quote(prefixUpTo(rest, 12)))
		default:
			if root != nil {
				p.fail(p.i, CodeSyntax, "a second root element; an XML document has exactly one (the first is <%s>)", root.name)
				break
			}
			root = p.element()
		}
	}
	if p.failed {
		return nil
	}
	if root == nil {
		p.fail(len(s), CodeRoot, "the document has no root element; a CJML document is <CJML version=\"2.0\">…</CJML>")
		return nil
	}
	return root
}

func prefixUpTo(s string, n int) string {
	if len(s) > n {
		cut := n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return s[:cut]
	}
	return s
}

// frame is an open element during scanning.
type frame struct {
	n       *node
	pendWS  string // white space seen after text; kept only if more text follows
	textEnd bool
}

// element scans an element and everything inside it, iteratively so that
// deep nesting cannot exhaust the stack.
func (p *xmlParser) element() *node {
	s := p.s
	root, closed := p.startTag()
	if p.failed {
		return nil
	}
	if p.onTop != nil {
		// The root outlives the reuse of the slab.
		r := *root
		r.attrs = append([]attr(nil), root.attrs...)
		root = &r
		p.onStart(root)
	}
	if closed {
		return root
	}
	stack := []frame{{n: root}}
	for len(stack) > 0 && !p.failed {
		top := &stack[len(stack)-1]
		j := strings.IndexByte(s[p.i:], '<')
		if j < 0 {
			p.fail(len(s), CodeSyntax, "unexpected end of input: <%s> (line %d) is not closed", top.n.name, p.src.Position(top.n.pos).Line)
			return nil
		}
		if j > 0 {
			p.text(top, p.i, p.i+j)
			p.i += j
			if p.failed {
				return nil
			}
		}
		rest := s[p.i:]
		switch {
		case strings.HasPrefix(rest, "</"):
			p.endTag(top.n)
			top.n.comments = append(top.n.comments, p.pending...)
			p.pending = nil
			stack = stack[:len(stack)-1]
			if len(stack) == 1 && p.onTop != nil && !p.failed {
				p.finishTop(top.n)
			}
		case strings.HasPrefix(rest, "<!--"):
			if txt, ok := p.comment(); ok {
				p.pending = append(p.pending, txt)
			}
		case strings.HasPrefix(rest, "<![CDATA["):
			p.cdata(top)
		case strings.HasPrefix(rest, "<?"):
			off := p.i
			if pi, ok := p.procInst(false); ok {
				p.diag(Warning, off, CodeProcInst, "processing instruction <?%s?> inside <%s> is dropped; cjml keeps processing instructions only before the root element", pi.Target, top.n.name)
			}
		case strings.HasPrefix(rest, "<!"):
			p.fail(p.i, CodeSyntax, "unexpected markup %s inside <%s>", textutil.Quote(prefixUpTo(rest, 12)), top.n.name)
		default:
			child, closed := p.startTag()
			if p.failed {
				return nil
			}
			streamed := len(stack) == 1 && p.onTop != nil
			if !streamed {
				top.n.add(child)
			} else if closed {
				p.finishTop(child)
			}
			if !closed {
				if len(stack) >= p.maxDepth {
					p.fail(child.pos.Offset(), CodeTooDeep, "elements nest deeper than %d levels", p.maxDepth)
					return nil
				}
				stack = append(stack, frame{n: child})
			}
		}
	}
	if p.failed {
		return nil
	}
	return root
}

// finishTop hands a complete child of the root to onTop and recycles the
// memory of its subtree.
func (p *xmlParser) finishTop(k *node) {
	p.onTop(k)
	p.slab.reset()
	p.attrBuf = p.attrBuf[:0]
}

// startTag scans "<name attr='v' ...>" or "<name .../>" at p.i.
func (p *xmlParser) startTag() (n *node, selfClosing bool) {
	s := p.s
	start := p.i
	p.i++ // '<'
	name := p.qname("element name")
	if p.failed {
		return nil, false
	}
	if name == "" {
		p.fail(p.i, CodeSyntax, "expected an element name after '<'")
		return nil, false
	}
	if p.slab == nil {
		p.slab = new(slab)
	}
	n = p.slab.node()
	n.name = name
	n.pos = posAt(start)
	n.comments = p.pending
	p.pending = nil
	first := len(p.attrBuf)
	var seen map[string]bool
	for {
		ws := p.skipSpace()
		if p.i >= len(s) {
			p.fail(p.i, CodeSyntax, "unexpected end of input inside the start tag <%s", name)
			return nil, false
		}
		switch s[p.i] {
		case '>':
			p.i++
			n.attrs = p.attrBuf[first:len(p.attrBuf):len(p.attrBuf)]
			return n, false
		case '/':
			if p.i+1 < len(s) && s[p.i+1] == '>' {
				p.i += 2
				n.attrs = p.attrBuf[first:len(p.attrBuf):len(p.attrBuf)]
				return n, true
			}
			p.fail(p.i, CodeSyntax, "expected '/>' to end <%s", name)
			return nil, false
		}
		if ws == 0 {
			p.fail(p.i, CodeSyntax, "expected white space, '>' or '/>' in <%s, found %s", name, textutil.Quote(prefixUpTo(s[p.i:], 1)))
			return nil, false
		}
		apos := p.i
		aname := p.qname("attribute name")
		if p.failed {
			return nil, false
		}
		if aname == "" {
			p.fail(p.i, CodeSyntax, "expected an attribute name, '>' or '/>' in <%s, found %s", name, textutil.Quote(prefixUpTo(s[p.i:], 1)))
			return nil, false
		}
		p.skipSpace()
		if p.i >= len(s) || s[p.i] != '=' {
			p.fail(p.i, CodeSyntax, "expected '=' after attribute %s of <%s>", aname, name)
			return nil, false
		}
		p.i++
		p.skipSpace()
		if p.i >= len(s) || (s[p.i] != '"' && s[p.i] != '\'') {
			p.fail(p.i, CodeSyntax, "expected a quoted value for attribute %s of <%s>", aname, name)
			return nil, false
		}
		q := s[p.i]
		p.i++
		vstart := p.i
		k := strings.IndexByte(s[p.i:], q)
		if k < 0 {
			p.fail(vstart-1, CodeSyntax, "the value of attribute %s of <%s> is not closed", aname, name)
			return nil, false
		}
		raw := s[vstart : vstart+k]
		if lt := strings.IndexByte(raw, '<'); lt >= 0 {
			p.fail(vstart+lt, CodeSyntax, "'<' is not allowed in an attribute value; write &lt;")
			return nil, false
		}
		p.i = vstart + k + 1
		val := raw
		if strings.ContainsAny(raw, "&\t\n\r") {
			var ok bool
			if val, ok = p.decode(raw, vstart, true); !ok {
				return nil, false
			}
		}
		// Duplicate attributes make a document not well-formed.
		cur := p.attrBuf[first:]
		if len(cur) < 16 {
			for _, a := range cur {
				if a.name == aname {
					p.fail(apos, CodeSyntax, "attribute %s appears twice in <%s>", aname, name)
					return nil, false
				}
			}
		} else {
			if seen == nil {
				seen = make(map[string]bool, 2*len(cur))
				for _, a := range cur {
					seen[a.name] = true
				}
			}
			if seen[aname] {
				p.fail(apos, CodeSyntax, "attribute %s appears twice in <%s>", aname, name)
				return nil, false
			}
			seen[aname] = true
		}
		p.attrBuf = append(p.attrBuf, attr{name: aname, value: val, pos: posAt(apos), vpos: posAt(vstart)})
	}
}

func (p *xmlParser) endTag(open *node) {
	s := p.s
	start := p.i
	p.i += 2
	name := p.name()
	p.skipSpace()
	if name == "" || p.i >= len(s) || s[p.i] != '>' {
		p.fail(start, CodeSyntax, "malformed end tag; expected </%s>", open.name)
		return
	}
	p.i++
	if name != open.name {
		p.fail(start, CodeSyntax, "end tag </%s> does not match <%s> (line %d)", name, open.name, p.src.Position(open.pos).Line)
	}
}

// text adds the character data s[start:end] to the element of f.
func (p *xmlParser) text(f *frame, start, end int) {
	raw := p.s[start:end]
	if k := strings.Index(raw, "]]>"); k >= 0 {
		p.fail(start+k, CodeSyntax, "']]>' is not allowed in text; write ]]&gt;")
		return
	}
	if isBlank(raw) {
		if f.n.text != "" {
			f.pendWS += raw
		}
		return
	}
	val := raw
	if strings.ContainsAny(raw, "&\r") {
		var ok bool
		if val, ok = p.decode(raw, start, false); !ok {
			return
		}
	}
	p.addText(f, val, start+leadingSpace(raw))
}

func (p *xmlParser) addText(f *frame, val string, off int) {
	n := f.n
	if n.text == "" {
		n.text = val
		n.textPos = posAt(off)
		return
	}
	n.text = n.text + f.pendWS + val
	f.pendWS = ""
}

func leadingSpace(s string) int {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

func (p *xmlParser) cdata(f *frame) {
	start := p.i + len("<![CDATA[")
	k := strings.Index(p.s[start:], "]]>")
	if k < 0 {
		p.fail(p.i, CodeSyntax, "CDATA section is not closed with ']]>'")
		return
	}
	raw := p.s[start : start+k]
	p.i = start + k + 3
	if raw == "" {
		return
	}
	val := raw
	if strings.IndexByte(raw, '\r') >= 0 {
		val = strings.ReplaceAll(strings.ReplaceAll(raw, "\r\n", "\n"), "\r", "\n")
	}
	if isBlank(val) && f.n.text == "" {
		return
	}
	p.addText(f, val, start)
}

// comment scans "<!-- ... -->" at p.i and returns its trimmed text.
func (p *xmlParser) comment() (string, bool) {
	start := p.i
	body := start + 4
	k := strings.Index(p.s[body:], "--")
	if k < 0 {
		p.fail(start, CodeSyntax, "comment is not closed with '-->'")
		return "", false
	}
	end := body + k
	if end+2 >= len(p.s) || p.s[end+2] != '>' {
		p.fail(end, CodeSyntax, "'--' is not allowed inside a comment")
		return "", false
	}
	p.i = end + 3
	txt := p.s[body:end]
	if strings.IndexByte(txt, '\r') >= 0 {
		txt = strings.ReplaceAll(strings.ReplaceAll(txt, "\r\n", "\n"), "\r", "\n")
	}
	return trim(txt), true
}

// procInst scans "<?target ...?>". The XML declaration is accepted only at
// the very start of the document.
func (p *xmlParser) procInst(prolog bool) (ProcInst, bool) {
	start := p.i
	p.i += 2
	target := p.name()
	if target == "" {
		p.fail(p.i, CodeSyntax, "expected a processing instruction target after '<?'")
		return ProcInst{}, false
	}
	k := strings.Index(p.s[p.i:], "?>")
	if k < 0 {
		p.fail(start, CodeSyntax, "processing instruction <?%s is not closed with '?>'", target)
		return ProcInst{}, false
	}
	body := p.s[p.i : p.i+k]
	if body != "" && !isSpace(body[0]) {
		p.fail(p.i, CodeSyntax, "expected white space after <?%s", target)
		return ProcInst{}, false
	}
	p.i += k + 2
	if strings.EqualFold(target, "xml") {
		if start != 0 || target != "xml" {
			p.fail(start, CodeSyntax, "the XML declaration <?xml ...?> must be at the very start of the document")
		} else {
			p.declaration(body, start+5)
		}
		return ProcInst{}, false
	}
	pi := ProcInst{Target: target, Inst: trim(body)}
	if prolog {
		p.procInsts = append(p.procInsts, pi)
		return pi, false
	}
	return pi, true
}

// declaration checks the pseudo-attributes of the XML declaration:
// version, then optionally encoding and standalone (XML 1.0 §2.8).
func (p *xmlParser) declaration(body string, off int) {
	names := []string{"version", "encoding", "standalone"}
	i, n := 0, 0
	for {
		for i < len(body) && isSpace(body[i]) {
			i++
		}
		if i >= len(body) {
			break
		}
		at := off + i
		j := i
		for j < len(body) && body[j] != '=' && !isSpace(body[j]) {
			j++
		}
		name := body[i:j]
		for n < len(names) && names[n] != name {
			n++
		}
		if n == len(names) || name == "" {
			p.fail(at, CodeSyntax, "unexpected %s in the XML declaration; it takes version, encoding and standalone, in that order", textutil.Quote(name))
			return
		}
		for j < len(body) && isSpace(body[j]) {
			j++
		}
		if j >= len(body) || body[j] != '=' {
			p.fail(at, CodeSyntax, "expected '=' after %s in the XML declaration", name)
			return
		}
		j++
		for j < len(body) && isSpace(body[j]) {
			j++
		}
		if j >= len(body) || (body[j] != '"' && body[j] != '\'') {
			p.fail(off+j, CodeSyntax, "expected a quoted value for %s in the XML declaration", name)
			return
		}
		q := body[j]
		k := strings.IndexByte(body[j+1:], q)
		if k < 0 {
			p.fail(off+j, CodeSyntax, "the value of %s in the XML declaration is not closed", name)
			return
		}
		val := body[j+1 : j+1+k]
		ok := true
		switch name {
		case "version":
			ok = len(val) > 2 && strings.HasPrefix(val, "1.") && strings.Trim(val[2:], "0123456789") == ""
		case "standalone":
			ok = val == "yes" || val == "no"
		case "encoding":
			ok = val != "" && strings.Trim(val, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == ""
		}
		if !ok {
			p.fail(off+j+1, CodeSyntax, "%s is not a valid %s in the XML declaration", textutil.Quote(val), name)
			return
		}
		i = j + 2 + k
		if i < len(body) && !isSpace(body[i]) {
			p.fail(off+i, CodeSyntax, "expected white space in the XML declaration")
			return
		}
		n++
	}
	if n == 0 {
		p.fail(off, CodeSyntax, "the XML declaration must give the version: <?xml version=\"1.0\"?>")
	}
}

// doctype skips a DOCTYPE declaration, including an internal subset. Its
// entity declarations are not read: cjml expands no entities but XML's five,
// so entity expansion attacks and external entities have nothing to work
// with.
func (p *xmlParser) doctype() {
	s := p.s
	start := p.i
	i := p.i + len("<!DOCTYPE")
	depth := 0
	for i < len(s) {
		switch c := s[i]; c {
		case '"', '\'':
			k := strings.IndexByte(s[i+1:], c)
			if k < 0 {
				p.fail(i, CodeSyntax, "quoted string in DOCTYPE is not closed")
				return
			}
			i += k + 2
			continue
		case '<':
			if strings.HasPrefix(s[i:], "<!--") {
				k := strings.Index(s[i+4:], "-->")
				if k < 0 {
					p.fail(i, CodeSyntax, "comment in DOCTYPE is not closed")
					return
				}
				i += k + 7
				continue
			}
		case '[':
			depth++
		case ']':
			depth--
		case '>':
			if depth <= 0 {
				p.i = i + 1
				p.diag(Warning, start, CodeDoctype, "DOCTYPE declaration ignored; cjml does not read DTDs or expand their entities")
				return
			}
		}
		i++
	}
	p.fail(start, CodeSyntax, "DOCTYPE declaration is not closed")
}

// decode resolves references in raw (text or, with attr, an attribute
// value) and normalizes line ends as XML requires. off is raw's offset.
func (p *xmlParser) decode(raw string, off int, attr bool) (string, bool) {
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); {
		c := raw[i]
		switch c {
		case '&':
			k := strings.IndexByte(raw[i:], ';')
			if k < 0 || k > 32 {
				p.fail(off+i, CodeSyntax, "'&' must start a reference such as &amp; (write a literal & as &amp;)")
				return "", false
			}
			ref := raw[i+1 : i+k]
			switch ref {
			case "lt":
				b.WriteByte('<')
			case "gt":
				b.WriteByte('>')
			case "amp":
				b.WriteByte('&')
			case "apos":
				b.WriteByte('\'')
			case "quot":
				b.WriteByte('"')
			default:
				if strings.HasPrefix(ref, "#") {
					r, ok := charRef(ref[1:])
					if !ok {
						p.fail(off+i, CodeInvalidChar, "character reference &%s; is not a character XML allows", ref)
						return "", false
					}
					b.WriteRune(r)
					break
				}
				if ref == "" || !isXMLName(ref) {
					p.fail(off+i, CodeSyntax, "'&' must start a reference such as &amp; (write a literal & as &amp;)")
					return "", false
				}
				p.fail(off+i, CodeEntity, "unknown entity &%s;; cjml knows only &lt; &gt; &amp; &apos; &quot; and character references", ref)
				return "", false
			}
			i += k + 1
		case '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
				continue
			}
			if attr {
				b.WriteByte(' ')
			} else {
				b.WriteByte('\n')
			}
			i++
		case '\n', '\t':
			if attr {
				b.WriteByte(' ')
			} else {
				b.WriteByte(c)
			}
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), true
}

func charRef(s string) (rune, bool) {
	base := 10
	if strings.HasPrefix(s, "x") {
		base, s = 16, s[1:]
	}
	if s == "" || len(s) > 8 {
		return 0, false
	}
	n, err := strconv.ParseUint(s, base, 32)
	if err != nil {
		return 0, false
	}
	r := rune(n)
	return r, textutil.IsXMLChar(r)
}

var nameStartASCII, nameASCII [128]bool

func init() {
	for c := 0; c < 128; c++ {
		b := byte(c)
		start := b == ':' || b == '_' || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')
		nameStartASCII[c] = start
		nameASCII[c] = start || b == '-' || b == '.' || (b >= '0' && b <= '9')
	}
}

// isNameStartRune and isNameRune follow XML 1.0 (fifth edition) §2.3.
func isNameStartRune(r rune) bool {
	if r < 0x80 {
		return nameStartASCII[r]
	}
	switch {
	case r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return false
}

func isNameRune(r rune) bool {
	if r < 0x80 {
		return nameASCII[r]
	}
	return isNameStartRune(r) || r == 0xB7 || (r >= 0x300 && r <= 0x36F) || (r >= 0x203F && r <= 0x2040)
}

// isXMLName reports whether s is an XML name.
func isXMLName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == utf8.RuneError {
			return false
		}
		if i == 0 && !isNameStartRune(r) || !isNameRune(r) {
			return false
		}
	}
	return true
}

// isQName reports whether s is a qualified name as Namespaces in XML 1.0
// defines it: an XML name with at most one colon, not at either end.
func isQName(s string) bool {
	if !isXMLName(s) {
		return false
	}
	i := strings.IndexByte(s, ':')
	return i < 0 || i > 0 && i < len(s)-1 && strings.IndexByte(s[i+1:], ':') < 0
}

// qname scans a name and checks that it is a qualified name.
func (p *xmlParser) qname(what string) string {
	start := p.i
	n := p.name()
	if i := strings.IndexByte(n, ':'); i >= 0 && (i == 0 || i == len(n)-1 || strings.IndexByte(n[i+1:], ':') >= 0) {
		p.fail(start, CodeSyntax, "%s %s is not a valid qualified name (a colon may only separate a prefix from the local name)", what, n)
		return ""
	}
	return n
}

// name scans an XML name at p.i and returns "" when there is none.
func (p *xmlParser) name() string {
	s := p.s
	start := p.i
	for p.i < len(s) {
		c := s[p.i]
		if c < utf8.RuneSelf {
			if !nameASCII[c] || (p.i == start && !nameStartASCII[c]) {
				break
			}
			p.i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[p.i:])
		if p.i == start && !isNameStartRune(r) || !isNameRune(r) {
			break
		}
		p.i += w
	}
	return s[start:p.i]
}

// prepareXML turns the raw bytes of an XML file into UTF-8 text: it strips
// a byte order mark, transcodes UTF-16 and the Latin encodings, and rejects
// invalid UTF-8 and characters XML does not allow. The returned Source holds
// the text all positions refer to.
func prepareXML(file string, b []byte, owned bool) (*Source, Diagnostics) {
	fail := func(src *Source, off int, code, format string, args ...any) Diagnostics {
		return Diagnostics{{Severity: Error, Code: code, Message: fmt.Sprintf(format, args...), Pos: src.OffsetPosition(off)}}
	}
	switch {
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		b = b[3:]
	case len(b) >= 2 && (b[0] == 0xFE && b[1] == 0xFF || b[0] == 0xFF && b[1] == 0xFE):
		t, bad := fromUTF16(b[2:], b[0] == 0xFE)
		if bad >= 0 {
			src := NewSource(file, string(t))
			return src, fail(src, len(t), CodeEncoding, "invalid UTF-16 at byte %d", bad+2)
		}
		b, owned = t, true
	default:
		if enc := declaredEncoding(b); enc != "" {
			switch strings.ToLower(enc) {
			case "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf16":
				// UTF-16 declared without a byte order mark: the bytes
				// decide, and they are checked as UTF-8 below.
			case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "l1":
				b, owned = fromLatin1(b, false), true
			case "windows-1252", "cp1252":
				b, owned = fromLatin1(b, true), true
			default:
				src := NewSource(file, string(b))
				return src, fail(src, strings.Index(string(b[:min(len(b), 200)]), enc), CodeEncoding,
					"unsupported encoding %q; convert the file to UTF-8", enc)
			}
		}
	}
	src := NewSource(file, text(b, owned))
	if off, r, bad := firstBadChar(src.Text); bad {
		if r == utf8.RuneError {
			return src, fail(src, off, CodeEncoding, "invalid UTF-8 byte 0x%02X; save the file as UTF-8", src.Text[off])
		}
		if r < 0x80 {
			return src, fail(src, off, CodeInvalidChar, "control character U+%04X is not allowed in XML", r)
		}
		return src, fail(src, off, CodeInvalidChar, "character U+%04X is not allowed in XML", r)
	}
	return src, nil
}

// firstBadChar finds the first byte sequence that is not valid UTF-8
// (reported as utf8.RuneError) or not a character XML allows. It checks
// eight bytes at a time while the text is plain ASCII.
func firstBadChar(t string) (int, rune, bool) {
	const (
		lo   = 0x0101010101010101
		hi   = 0x8080808080808080
		low7 = 0x7F7F7F7F7F7F7F7F
	)
	// zero returns the high bit of each byte of x that is zero, exactly.
	zero := func(x uint64) uint64 { return ^(((x & low7) + low7) | x | low7) }
	i := 0
	for i < len(t) {
		if i+8 <= len(t) {
			x := uint64(t[i]) | uint64(t[i+1])<<8 | uint64(t[i+2])<<16 | uint64(t[i+3])<<24 |
				uint64(t[i+4])<<32 | uint64(t[i+5])<<40 | uint64(t[i+6])<<48 | uint64(t[i+7])<<56
			if x&hi == 0 {
				// Bytes below 0x20: those with none of the bits 0x60.
				ctl := zero(x & (0x60 * lo))
				if ctl == 0 {
					i += 8
					continue
				}
				ok := zero(x^(0x0A*lo)) | zero(x^(0x09*lo)) | zero(x^(0x0D*lo))
				if ctl&^ok == 0 {
					i += 8
					continue
				}
			}
		}
		c := t[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return i, rune(c), true
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(t[i:])
		if r == utf8.RuneError && w == 1 {
			return i, utf8.RuneError, true
		}
		if !textutil.IsXMLChar(r) {
			return i, r, true
		}
		i += w
	}
	return 0, 0, false
}

// declaredEncoding returns the encoding named in an XML declaration at the
// start of b, or "".
func declaredEncoding(b []byte) string {
	if len(b) < 6 || string(b[:5]) != "<?xml" || !isSpace(b[5]) {
		return ""
	}
	end := strings.Index(string(b[:min(len(b), 512)]), "?>")
	if end < 0 {
		return ""
	}
	decl := string(b[:end])
	k := strings.Index(decl, "encoding")
	if k < 0 {
		return ""
	}
	rest := strings.TrimLeft(decl[k+len("encoding"):], " \t\r\n")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.TrimLeft(rest[1:], " \t\r\n")
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	e := strings.IndexByte(rest[1:], q)
	if e < 0 {
		return ""
	}
	return rest[1 : 1+e]
}

func fromUTF16(b []byte, bigEndian bool) ([]byte, int) {
	if len(b)%2 != 0 {
		return nil, len(b) - 1
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]byte, 0, len(u))
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case utf16.IsSurrogate(rune(c)):
			if i+1 >= len(u) {
				return nil, 2 * i
			}
			r := utf16.DecodeRune(rune(c), rune(u[i+1]))
			if r == utf8.RuneError {
				return nil, 2 * i
			}
			out = utf8.AppendRune(out, r)
			i++
		default:
			out = utf8.AppendRune(out, rune(c))
		}
	}
	return out, -1
}

// cp1252 maps the bytes 0x80-0x9F of Windows-1252 to Unicode.
var cp1252 = [32]rune{
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
}

func fromLatin1(b []byte, windows bool) []byte {
	out := make([]byte, 0, len(b)+len(b)/8)
	for _, c := range b {
		switch {
		case c < 0x80:
			out = append(out, c)
		case windows && c < 0xA0:
			out = utf8.AppendRune(out, cp1252[c-0x80])
		default:
			out = utf8.AppendRune(out, rune(c))
		}
	}
	return out
}
