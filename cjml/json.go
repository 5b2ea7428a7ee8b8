package cjml

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"cjml.dev/internal/textutil"
)

// jsonToForm parses JSON text into a form value, keeping the position of
// every key and value.
func jsonToForm(src *Source, maxDepth int) (*fval, Diagnostics) {
	if d := checkUTF8(src); d != nil {
		return nil, d
	}
	r := &jsonReader{src: src, dec: json.NewDecoder(strings.NewReader(src.Text)), maxDepth: maxDepth}
	r.dec.UseNumber()
	v := r.value(0)
	if r.diags == nil {
		if _, err := r.dec.Token(); err != io.EOF {
			r.fail(r.next(), "unexpected data after the end of the JSON document")
		}
	}
	if r.diags != nil {
		return nil, r.diags
	}
	return v, nil
}

type jsonReader struct {
	src      *Source
	dec      *json.Decoder
	maxDepth int
	diags    Diagnostics
}

func (r *jsonReader) fail(off int, format string, args ...any) {
	if r.diags == nil {
		r.diags = Diagnostics{{Severity: Error, Code: CodeSyntax, Message: "JSON: " + fmt.Sprintf(format, args...), Pos: r.src.OffsetPosition(off)}}
	}
}

// next returns the offset of the next token: the decoder's offset is the end
// of the previous token, before any white space, comma or colon.
func (r *jsonReader) next() int {
	b := r.src.Text
	i := int(r.dec.InputOffset())
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r', ',', ':':
			i++
			continue
		}
		break
	}
	return i
}

func (r *jsonReader) token() (json.Token, int, bool) {
	off := r.next()
	t, err := r.dec.Token()
	if err != nil {
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			r.fail(min(int(se.Offset), len(r.src.Text)), "%s", se.Error())
		case err == io.EOF:
			r.fail(len(r.src.Text), "unexpected end of input")
		default:
			r.fail(off, "%s", err.Error())
		}
		return nil, off, false
	}
	return t, off, true
}

func (r *jsonReader) value(depth int) *fval {
	t, off, ok := r.token()
	if !ok {
		return nil
	}
	return r.valueFrom(t, off, depth)
}

func (r *jsonReader) valueFrom(t json.Token, off int, depth int) *fval {
	pos := posAt(off)
	switch t := t.(type) {
	case nil:
		return &fval{kind: fNull, pos: pos}
	case bool:
		return &fval{kind: fStr, str: strconv.FormatBool(t), pos: pos}
	case json.Number:
		return &fval{kind: fNum, str: string(t), pos: pos}
	case string:
		return &fval{kind: fStr, str: t, pos: pos}
	case json.Delim:
		if depth >= r.maxDepth {
			r.diags = Diagnostics{{Severity: Error, Code: CodeTooDeep, Message: fmt.Sprintf("values nest deeper than %d levels", r.maxDepth), Pos: r.src.OffsetPosition(off)}}
			return nil
		}
		switch t {
		case '{':
			v := &fval{kind: fMap, pos: pos}
			seen := map[string]bool{}
			for r.dec.More() {
				kt, koff, ok := r.token()
				if !ok {
					return nil
				}
				key, _ := kt.(string)
				if seen[key] {
					r.diags = Diagnostics{{Severity: Error, Code: CodeSyntax, Message: fmt.Sprintf("JSON: key %s is repeated", textutil.Quote(key)), Pos: r.src.OffsetPosition(koff)}}
					return nil
				}
				seen[key] = true
				val := r.value(depth + 1)
				if val == nil {
					return nil
				}
				v.set(key, posAt(koff), val)
			}
			if _, _, ok := r.token(); !ok {
				return nil
			}
			return v
		case '[':
			v := &fval{kind: fSeq, pos: pos}
			for r.dec.More() {
				val := r.value(depth + 1)
				if val == nil {
					return nil
				}
				v.vals = append(v.vals, val)
			}
			if _, _, ok := r.token(); !ok {
				return nil
			}
			return v
		}
	}
	r.fail(off, "unexpected %v", t)
	return nil
}

// formToJSON writes a form value as indented JSON, keeping key order.
func formToJSON(w io.Writer, v *fval) error {
	var b bytes.Buffer
	writeJSON(&b, v, 0)
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

func writeJSON(b *bytes.Buffer, v *fval, indent int) {
	nl := func(n int) {
		b.WriteByte('\n')
		for i := 0; i < n; i++ {
			b.WriteString("  ")
		}
	}
	switch v.kind {
	case fNull:
		b.WriteString("null")
	case fNum:
		b.WriteString(v.str)
	case fStr:
		jsonString(b, v.str)
	case fMap:
		if len(v.keys) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteByte('{')
		for i, k := range v.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			nl(indent + 1)
			jsonString(b, k)
			b.WriteString(": ")
			writeJSON(b, v.vals[i], indent+1)
		}
		nl(indent)
		b.WriteByte('}')
	case fSeq:
		if len(v.vals) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteByte('[')
		for i, k := range v.vals {
			if i > 0 {
				b.WriteByte(',')
			}
			nl(indent + 1)
			writeJSON(b, k, indent+1)
		}
		nl(indent)
		b.WriteByte(']')
	}
}

func jsonString(b *bytes.Buffer, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c == '\n':
				b.WriteString(`\n`)
			case c == '\r':
				b.WriteString(`\r`)
			case c == '\t':
				b.WriteString(`\t`)
			case c < 0x20:
				b.WriteString(`\u00`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&0xF])
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			b.WriteString(`\ufffd`)
		case r == '\u2028' || r == '\u2029':
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	b.WriteByte('"')
}
