package cjml

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unsafe"

	"cjml.dev/internal/textutil"
)

// Format is a syntax of CJML documents.
type Format int

// Formats. FormatAuto picks the format from the file name's extension and,
// failing that, from the content.
const (
	FormatAuto Format = iota
	XML
	YAML
	JSON
)

// String returns "xml", "yaml", "json" or "auto".
func (f Format) String() string {
	switch f {
	case XML:
		return "xml"
	case YAML:
		return "yaml"
	case JSON:
		return "json"
	}
	return "auto"
}

// ParseFormat parses "xml", "yaml" (or "yml") and "json".
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "xml":
		return XML, nil
	case "yaml", "yml":
		return YAML, nil
	case "json":
		return JSON, nil
	}
	return FormatAuto, fmt.Errorf("unknown format %q (want xml, yaml or json)", s)
}

// FormatOf returns the format a file name's extension names, or FormatAuto.
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xml", ".cjml":
		return XML
	case ".yaml", ".yml":
		return YAML
	case ".json":
		return JSON
	}
	return FormatAuto
}

// Sniff guesses the format of a document from its first non-space
// character: '<' is XML, '{' or '[' is JSON, anything else YAML.
func Sniff(b []byte) Format {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if len(b) >= 2 && (b[0] == 0xFE && b[1] == 0xFF || b[0] == 0xFF && b[1] == 0xFE) {
		return XML
	}
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 {
		return YAML
	}
	switch b[0] {
	case '<':
		return XML
	case '{', '[':
		return JSON
	}
	return YAML
}

// Limits on what a reader accepts, so that hostile or broken input cannot
// take unbounded memory or stack. CJML documents nest about eight levels;
// the depth limit leaves room for extension data.
const (
	DefaultMaxBytes = 256 << 20
	DefaultMaxDepth = 256
)

// ReadOptions configure reading. The zero value reads any format with the
// default limits.
type ReadOptions struct {
	// Format of the input; FormatAuto decides by the file name and content.
	Format Format
	// MaxBytes is the largest input accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxDepth is the deepest nesting accepted; 0 means DefaultMaxDepth.
	MaxDepth int
}

func (o ReadOptions) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o ReadOptions) maxDepth() int {
	if o.MaxDepth > 0 {
		return o.MaxDepth
	}
	return DefaultMaxDepth
}

// Parse reads a document from src; file names it in positions and decides
// the format by its extension (content sniffing otherwise, as for "-").
//
// The document is returned whenever the input could be read, together with
// any diagnostics: warnings about tolerated quirks, and errors. It is nil
// only when the input is not well-formed. Parse never panics.
func Parse(file string, src []byte) (*Document, Diagnostics) {
	return ParseOptions(file, src, ReadOptions{})
}

// ParseOptions is [Parse] with options.
func ParseOptions(file string, src []byte, opt ReadOptions) (*Document, Diagnostics) {
	return parse(file, src, opt, false)
}

// parse reads a document. With owned, the caller hands over src, and the
// document's text shares its memory instead of copying it.
func parse(file string, src []byte, opt ReadOptions, owned bool) (*Document, Diagnostics) {
	if int64(len(src)) > opt.maxBytes() {
		return nil, tooLarge(file, int64(len(src)), opt.maxBytes())
	}
	f := opt.Format
	if f == FormatAuto {
		f = FormatOf(file)
	}
	if f == FormatAuto {
		f = Sniff(src)
	}
	switch f {
	case YAML, JSON:
		return parseForm(file, src, f, opt.maxDepth())
	}
	return parseXML(file, src, opt.maxDepth(), owned)
}

// text returns b as a string, sharing b's memory when owned. The string
// must then be the only user of b.
func text(b []byte, owned bool) string {
	if owned && len(b) > 0 {
		return unsafe.String(&b[0], len(b))
	}
	return string(b)
}

func tooLarge(file string, n, max int64) Diagnostics {
	return Diagnostics{{Severity: Error, Code: CodeTooLarge, Pos: Position{File: file},
		Message: fmt.Sprintf("the input is %s, more than the %s limit", textutil.ByteSize(n), textutil.ByteSize(max))}}
}

func parseXML(file string, b []byte, maxDepth int, owned bool) (*Document, Diagnostics) {
	src, diags := prepareXML(file, b, owned)
	if diags.HasErrors() {
		return nil, diags
	}
	p := &xmlParser{src: src, s: src.Text, maxDepth: maxDepth, slab: new(slab)}
	d := &decoder{src: src}
	var doc *Document
	p.onStart = func(root *node) { doc = d.begin(root) }
	if len(src.Text) < pipelineMin {
		p.onTop = func(k *node) { d.top(doc, k) }
	} else {
		// Scan and decode on two goroutines: the scanner hands each
		// journey's nodes to the decoder with the memory they live in and
		// goes on with memory the decoder has finished with.
		type arena struct {
			slab  *slab
			attrs []attr
		}
		type job struct {
			k *node
			a arena
		}
		free := make(chan arena, 3)
		for range 3 {
			free <- arena{slab: new(slab)}
		}
		work := make(chan job, 2)
		done := make(chan struct{})
		go func() {
			defer close(done)
			for j := range work {
				d.top(doc, j.k)
				j.a.slab.reset()
				free <- arena{j.a.slab, j.a.attrs[:0]}
			}
		}()
		p.onTop = func(k *node) {
			work <- job{k, arena{p.slab, p.attrBuf}}
			a := <-free
			p.slab, p.attrBuf = a.slab, a.attrs
		}
		root := p.parse()
		close(work)
		<-done
		return finishXML(p, d, doc, root)
	}
	return finishXML(p, d, doc, p.parse())
}

// pipelineMin is the size from which scanning and decoding run in parallel.
var pipelineMin = 256 << 10

func finishXML(p *xmlParser, d *decoder, doc *Document, root *node) (*Document, Diagnostics) {
	diags := append(p.diags, d.diags...)
	if root == nil {
		return nil, diags
	}
	d.diags = diags
	d.end(doc, root)
	doc.ProcInsts = p.procInsts
	return doc, d.diags
}

func parseForm(file string, b []byte, f Format, maxDepth int) (*Document, Diagnostics) {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	src := NewSource(file, string(b))
	var v *fval
	var diags Diagnostics
	if f == JSON {
		v, diags = jsonToForm(src, maxDepth)
	} else {
		v, diags = yamlToForm(src, maxDepth)
	}
	if v == nil || diags.HasErrors() {
		return nil, diags
	}
	r := &formReader{src: src, maxDepth: maxDepth, diags: diags}
	root, pis := r.document(v)
	if root == nil {
		return nil, r.diags
	}
	d := &decoder{src: src, diags: r.diags}
	doc := d.document(root)
	doc.ProcInsts = pis
	return doc, d.diags
}

// Read reads a document from r, refusing more than the size limit.
func Read(r io.Reader, file string, opt ReadOptions) (*Document, Diagnostics) {
	return read(r, file, opt, 0)
}

// read reads r; size, when known, sizes the buffer in one go.
func read(r io.Reader, file string, opt ReadOptions, size int64) (*Document, Diagnostics) {
	max := opt.maxBytes()
	buf := bytes.NewBuffer(make([]byte, 0, min(size, max)+512))
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	b := buf.Bytes()
	if err != nil {
		return nil, Diagnostics{{Severity: Error, Code: CodeIO, Pos: Position{File: file}, Message: "cannot read: " + err.Error()}}
	}
	if int64(len(b)) > max {
		return nil, Diagnostics{{Severity: Error, Code: CodeTooLarge, Pos: Position{File: file},
			Message: fmt.Sprintf("the input is larger than the %s limit", textutil.ByteSize(max))}}
	}
	return parse(file, b, opt, true)
}

// ReadFile reads the document at path, refusing files over the size limit
// before reading them.
func ReadFile(path string, opt ReadOptions) (*Document, Diagnostics) {
	f, err := os.Open(path)
	if err != nil {
		return nil, Diagnostics{{Severity: Error, Code: CodeIO, Pos: Position{File: path}, Message: "cannot read: " + errText(err)}}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, Diagnostics{{Severity: Error, Code: CodeIO, Pos: Position{File: path}, Message: "cannot read: is a directory"}}
		}
		if st.Mode().IsRegular() && st.Size() > opt.maxBytes() {
			return nil, tooLarge(path, st.Size(), opt.maxBytes())
		}
		return read(f, path, opt, st.Size())
	}
	return Read(f, path, opt)
}

// errText is err's message without the path, which the diagnostic already
// names.
func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// WriteXML writes the document as indented CJML 2.0 XML.
func (d *Document) WriteXML(w io.Writer) error {
	var e encoder
	return writeXML(w, d, e.document(d))
}

// WriteYAML writes the document in its YAML form.
func (d *Document) WriteYAML(w io.Writer) error {
	return formToYAML(w, d.form())
}

// WriteJSON writes the document in its JSON form.
func (d *Document) WriteJSON(w io.Writer) error {
	return formToJSON(w, d.form())
}

// Write writes the document in format f (XML for FormatAuto).
func (d *Document) Write(w io.Writer, f Format) error {
	switch f {
	case YAML:
		return d.WriteYAML(w)
	case JSON:
		return d.WriteJSON(w)
	}
	return d.WriteXML(w)
}

// Marshal returns the document in format f.
func (d *Document) Marshal(f Format) ([]byte, error) {
	var b bytes.Buffer
	if err := d.Write(&b, f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func (d *Document) form() *fval {
	var e encoder
	return formDocument(e.document(d), d.ProcInsts)
}

// WriteFile writes the document to path in format f (by the extension for
// FormatAuto). It writes a temporary file next to path and renames it, so
// that path is never left half-written.
func WriteFile(path string, d *Document, f Format) error {
	if f == FormatAuto {
		f = FormatOf(path)
	}
	b, err := d.Marshal(f)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, b)
}

// WriteFileAtomic writes b to path through a temporary file in the same
// directory and a rename, keeping the mode of an existing file.
func WriteFileAtomic(path string, b []byte) error {
	return WriteFileAtomicFunc(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// WriteFileAtomicFunc is [WriteFileAtomic] for output that is written as
// it is made: write streams into the temporary file, which replaces path
// only when write and the file operations all succeed. On any error path
// is left as it was.
func WriteFileAtomicFunc(path string, write func(io.Writer) error) (err error) {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file", path)
		}
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// A Form is a document in its JSON form (the form `cjml convert --to json`
// writes), as plain Go values, with the position of every value. The
// validator checks it against the JSON Schema and maps each finding back
// to the file the document was read from.
type Form struct {
	root *fval
	src  *Source
}

// Form returns the JSON form of the document.
func (d *Document) Form() *Form {
	return &Form{root: d.form(), src: d.Source}
}

// Value returns the form as the values encoding/json would decode into
// any: map[string]any, []any, string, json.Number and nil.
func (f *Form) Value() any { return f.root.value() }

func (v *fval) value() any {
	switch v.kind {
	case fStr:
		return v.str
	case fNum:
		return json.Number(v.str)
	case fMap:
		m := make(map[string]any, len(v.keys))
		for i, k := range v.keys {
			m[k] = v.vals[i].value()
		}
		return m
	case fSeq:
		s := make([]any, len(v.vals))
		for i, k := range v.vals {
			s[i] = k.value()
		}
		return s
	}
	return nil
}

// Keys returns the keys of the mapping at the JSON pointer in their written
// order (Value's maps have none), or nil.
func (f *Form) Keys(pointer string) []string {
	v, _, ok := f.lookup(pointer)
	if !ok || v.kind != fMap {
		return nil
	}
	return v.keys
}

// Position returns the position of the value at the JSON pointer (RFC 6901),
// or of the nearest enclosing value that has one.
func (f *Form) Position(pointer string) Position {
	return f.src.Position(f.pos(pointer, false))
}

// KeyPosition returns the position of the key of the member the JSON
// pointer names, falling back like [Form.Position].
func (f *Form) KeyPosition(pointer string) Position {
	return f.src.Position(f.pos(pointer, true))
}

func (f *Form) pos(pointer string, key bool) Pos {
	for {
		v, kpos, ok := f.lookup(pointer)
		if ok {
			if key && kpos.IsValid() {
				return kpos
			}
			if v.pos.IsValid() {
				return v.pos
			}
			if kpos.IsValid() {
				return kpos
			}
		}
		if pointer == "" {
			return NoPos
		}
		pointer = parentPath(pointer)
		key = false
	}
}

// lookup finds the value at pointer and the position of its key.
func (f *Form) lookup(pointer string) (*fval, Pos, bool) {
	v, kpos := f.root, NoPos
	if pointer == "" {
		return v, kpos, true
	}
	if !strings.HasPrefix(pointer, "/") {
		return nil, NoPos, false
	}
	for _, tok := range strings.Split(pointer[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch v.kind {
		case fMap:
			found := false
			for i, k := range v.keys {
				if k == tok {
					v, kpos, found = v.vals[i], v.kpos[i], true
					break
				}
			}
			if !found {
				return nil, NoPos, false
			}
		case fSeq:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(v.vals) {
				return nil, NoPos, false
			}
			v, kpos = v.vals[i], NoPos
		default:
			return nil, NoPos, false
		}
	}
	return v, kpos, true
}
