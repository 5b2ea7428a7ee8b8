package cjml

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"cjml.dev/internal/textutil"
)

// yamlToForm parses YAML text into a form value.
func yamlToForm(src *Source, maxDepth int) (v *fval, diags Diagnostics) {
	fail := func(pos Pos, code, format string, args ...any) (*fval, Diagnostics) {
		return nil, Diagnostics{{Severity: Error, Code: code, Message: fmt.Sprintf(format, args...), Pos: src.Position(pos)}}
	}
	if d := checkUTF8(src); d != nil {
		return nil, d
	}
	// yaml.v3 refuses nesting deeper than 10,000 levels itself; the
	// conversion below applies the (smaller) configured limit.
	var doc yaml.Node
	dec := yaml.NewDecoder(strings.NewReader(src.Text))
	err := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("yaml: internal error: %v", r)
			}
		}()
		return dec.Decode(&doc)
	}()
	if err == io.EOF {
		return fail(posAt(0), CodeRoot, "the document is empty; a CJML document has version and journeys")
	}
	if err != nil {
		return nil, Diagnostics{yamlError(src, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		pos := posAt(len(src.Text))
		if err == nil {
			pos = src.LineColumnPos(extra.Line, extra.Column)
		}
		return fail(pos, CodeSyntax, "a second YAML document; cjml reads one document per file")
	}
	c := yamlConv{src: src, budget: 16*len(src.Text)/8 + 1000, maxDepth: maxDepth}
	v = c.value(&doc, 0)
	return v, c.diags
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlError(src *Source, err error) Diagnostic {
	msg := err.Error()
	pos := Position{File: src.File}
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		pos = src.Position(src.LineColumnPos(line, 1))
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	return Diagnostic{Severity: Error, Code: CodeSyntax, Message: "YAML: " + msg, Pos: pos}
}

type yamlConv struct {
	src      *Source
	diags    Diagnostics
	budget   int // nodes that alias expansion may still produce
	maxDepth int
}

func (c *yamlConv) errorf(n *yaml.Node, code, format string, args ...any) {
	c.diags = append(c.diags, Diagnostic{Severity: Error, Code: code, Message: fmt.Sprintf(format, args...),
		Pos: c.src.Position(c.pos(n))})
}

func (c *yamlConv) pos(n *yaml.Node) Pos { return c.src.LineColumnPos(n.Line, n.Column) }

func (c *yamlConv) value(n *yaml.Node, depth int) *fval {
	if depth > c.maxDepth {
		c.errorf(n, CodeTooDeep, "values nest deeper than %d levels", c.maxDepth)
		return &fval{kind: fNull}
	}
	c.budget--
	if c.budget < 0 {
		if c.budget == -1 {
			c.errorf(n, CodeTooLarge, "YAML aliases expand to too many values")
		}
		return &fval{kind: fNull}
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return &fval{kind: fNull, pos: c.pos(n)}
		}
		return c.value(n.Content[0], depth)
	case yaml.AliasNode:
		if n.Alias == nil {
			return &fval{kind: fNull, pos: c.pos(n)}
		}
		return c.value(n.Alias, depth+1)
	case yaml.ScalarNode:
		v := &fval{kind: fStr, str: n.Value, pos: c.pos(n)}
		switch n.ShortTag() {
		case "!!null":
			v.kind, v.str = fNull, ""
		case "!!int", "!!float":
			v.kind = fNum
		}
		return v
	case yaml.SequenceNode:
		v := &fval{kind: fSeq, pos: c.pos(n)}
		for _, k := range n.Content {
			v.vals = append(v.vals, c.value(k, depth+1))
		}
		return v
	case yaml.MappingNode:
		v := &fval{kind: fMap, pos: c.pos(n)}
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			kn, vn := n.Content[i], n.Content[i+1]
			if kn.Kind == yaml.AliasNode && kn.Alias != nil {
				kn = kn.Alias
			}
			if kn.Kind != yaml.ScalarNode {
				c.errorf(kn, CodeBadKey, "mapping keys must be plain text")
				continue
			}
			if kn.Value == "<<" && kn.ShortTag() == "!!merge" {
				c.errorf(kn, CodeBadKey, "YAML merge keys (<<) are not supported; repeat the keys or use an alias for the whole value")
				continue
			}
			if line, dup := seen[kn.Value]; dup {
				c.errorf(kn, CodeSyntax, "key %s is repeated (first at line %d)", textutil.Quote(kn.Value), line)
				continue
			}
			seen[kn.Value] = kn.Line
			v.set(kn.Value, c.pos(kn), c.value(vn, depth+1))
		}
		return v
	}
	return &fval{kind: fNull, pos: c.pos(n)}
}

func checkUTF8(src *Source) Diagnostics {
	b := src.Text
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(b[i:])
		if r == utf8.RuneError && w == 1 {
			return Diagnostics{{Severity: Error, Code: CodeEncoding, Message: fmt.Sprintf("invalid UTF-8 byte 0x%02X; save the file as UTF-8", b[i]), Pos: src.OffsetPosition(i)}}
		}
		i += w
	}
	return nil
}

// formToYAML writes a form value as YAML.
func formToYAML(w io.Writer, v *fval) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(yamlNode(v)); err != nil {
		return err
	}
	return enc.Close()
}

func yamlNode(v *fval) *yaml.Node {
	switch v.kind {
	case fMap:
		n := &yaml.Node{Kind: yaml.MappingNode}
		for i, k := range v.keys {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, yamlNode(v.vals[i]))
		}
		return n
	case fSeq:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, k := range v.vals {
			n.Content = append(n.Content, yamlNode(k))
		}
		return n
	case fNum:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: v.str}
	case fNull:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.str}
	if strings.Contains(v.str, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}
