package cjml

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/beevik/etree"

	"cjml.dev/internal/textutil"
)

// writeXML serializes a node tree as indented CJML XML through etree, which
// does the escaping. It refuses what XML cannot hold (characters outside
// XML's range, names that are not XML names) instead of writing a broken
// file.
func writeXML(w io.Writer, doc *Document, root *node) error {
	if err := checkXML(root); err != nil {
		return err
	}
	d := etree.NewDocument()
	d.WriteSettings = etree.WriteSettings{CanonicalText: true, CanonicalAttrVal: true}
	d.CreateProcInst("xml", `version="1.0" encoding="UTF-8"`)
	for _, pi := range doc.ProcInsts {
		if strings.Contains(pi.Inst, "?>") || !isXMLName(pi.Target) || strings.EqualFold(pi.Target, "xml") {
			return fmt.Errorf("processing instruction <?%s %s?> cannot be written as XML", pi.Target, pi.Inst)
		}
		d.CreateProcInst(pi.Target, pi.Inst)
	}
	toEtree(&d.Element, root)
	d.Indent(2)
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := d.WriteTo(bw); err != nil {
		return err
	}
	return bw.Flush()
}

func toEtree(parent *etree.Element, n *node) {
	for _, c := range n.comments {
		parent.CreateComment(xmlComment(c))
	}
	e := parent.CreateElement(n.name)
	for _, a := range n.attrs {
		e.CreateAttr(a.name, a.value)
	}
	if n.text != "" {
		e.SetText(n.text)
	}
	for k := n.first; k != nil; k = k.next {
		toEtree(e, k)
	}
}

// xmlComment makes s safe inside <!-- -->: XML forbids "--" in comments and
// a "-" right before the end.
func xmlComment(s string) string {
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "- -")
	}
	return " " + s + " "
}

// checkXML reports the first name or character in the tree that XML 1.0
// cannot represent.
func checkXML(n *node) error {
	stack := []*node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !isQName(n.name) {
			return fmt.Errorf("%q is not an XML element name", n.name)
		}
		for _, a := range n.attrs {
			if !isQName(a.name) {
				return fmt.Errorf("%q is not an XML attribute name (in <%s>)", a.name, n.name)
			}
			if err := checkChars(a.value, n.name); err != nil {
				return err
			}
		}
		if err := checkChars(n.text, n.name); err != nil {
			return err
		}
		for _, c := range n.comments {
			if err := checkChars(c, n.name); err != nil {
				return err
			}
		}
		for k := n.first; k != nil; k = k.next {
			stack = append(stack, k)
		}
	}
	return nil
}

func checkChars(s, where string) error {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			return fmt.Errorf("text in <%s> is not valid UTF-8", where)
		}
		if !textutil.IsXMLChar(r) {
			return fmt.Errorf("text in <%s> contains U+%04X, which XML 1.0 cannot hold", where, r)
		}
		i += w
	}
	return nil
}
