package cjml

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// A Pos is a compact position in a source file: the byte offset plus one, so
// that the zero value, [NoPos], means "unknown". A Pos only has meaning
// together with the [Source] it was read from; [Source.Position] turns it into
// a file name, line and column. The idea is go/token's Pos and FileSet.
type Pos int

// NoPos is the zero Pos: no position is known.
const NoPos Pos = 0

// IsValid reports whether p is a known position.
func (p Pos) IsValid() bool { return p > 0 }

// Offset returns the 0-based byte offset of p, or -1 for [NoPos].
func (p Pos) Offset() int { return int(p) - 1 }

func posAt(offset int) Pos { return Pos(offset + 1) }

// A Position is a resolved source position. Line and Column are 1-based;
// Column counts Unicode code points from the start of the line (a tab counts
// as one). Offset is the 0-based byte offset. A Position with Line 0 only
// names a file.
type Position struct {
	File   string
	Line   int
	Column int
	Offset int
}

// IsValid reports whether the position has a line.
func (p Position) IsValid() bool { return p.Line > 0 }

// String formats the position as file:line:col, file:line or file, leaving
// out what is unknown. An empty file name is written as "-" (standard input).
func (p Position) String() string {
	f := p.File
	if f == "" {
		f = "-"
	}
	switch {
	case p.Line > 0 && p.Column > 0:
		return fmt.Sprintf("%s:%d:%d", f, p.Line, p.Column)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", f, p.Line)
	}
	return f
}

// A Source is the text a [Document] was read from. It keeps the bytes (after
// any transcoding to UTF-8) so that positions can be resolved and snippets
// printed later.
type Source struct {
	// File is the name used in diagnostics ("-" or "" for standard input).
	File string
	// Text is the document text, always UTF-8.
	Text string

	once  sync.Once
	lines []int // offsets of line starts
}

// NewSource returns a Source for text read from file.
func NewSource(file string, text string) *Source {
	return &Source{File: file, Text: text}
}

func (s *Source) index() {
	s.once.Do(func() {
		n := strings.Count(s.Text, "\n")
		s.lines = make([]int, 1, n+1)
		for i := 0; ; {
			j := strings.IndexByte(s.Text[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			s.lines = append(s.lines, i)
		}
	})
}

// Position resolves p. A nil Source or [NoPos] gives a Position that names
// only the file.
func (s *Source) Position(p Pos) Position {
	if s == nil {
		return Position{}
	}
	if !p.IsValid() {
		return Position{File: s.File}
	}
	return s.OffsetPosition(p.Offset())
}

// OffsetPosition resolves a 0-based byte offset. Offsets past the end are
// clamped to the end of the text.
func (s *Source) OffsetPosition(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(s.Text) {
		off = len(s.Text)
	}
	s.index()
	line := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) // first line start after off
	start := s.lines[line-1]
	col := utf8.RuneCountInString(s.Text[start:off]) + 1
	return Position{File: s.File, Line: line, Column: col, Offset: off}
}

// LineColumnPos converts a 1-based line and column (in code points) into a
// Pos; it is how positions reported by other parsers are brought into the
// same form. Out-of-range values are clamped.
func (s *Source) LineColumnPos(line, col int) Pos {
	s.index()
	if line < 1 {
		return posAt(0)
	}
	if line > len(s.lines) {
		return posAt(len(s.Text))
	}
	off := s.lines[line-1]
	end := len(s.Text)
	if line < len(s.lines) {
		end = s.lines[line]
	}
	for c := 1; c < col && off < end; c++ {
		_, w := utf8.DecodeRuneInString(s.Text[off:end])
		off += w
	}
	return posAt(off)
}

// Line returns the text of the 1-based line n without its line ending, for
// printing snippets.
func (s *Source) Line(n int) string {
	s.index()
	if n < 1 || n > len(s.lines) {
		return ""
	}
	start, end := s.lines[n-1], len(s.Text)
	if n < len(s.lines) {
		end = s.lines[n] - 1
	}
	return strings.TrimRight(s.Text[start:end], "\r")
}

// An Origin records where a model node (a journey, phase, actor, touchpoint)
// and each of its parts were read from. Parts are named by their path
// relative to the node in the vocabulary of the JSON form, which is the XML
// vocabulary: "touchpointID", "initiator/refersTo/actorIDref",
// "channel/channelName", "actorID". For an element the part position is its
// start tag (or its key in YAML/JSON); the value position is the start of its
// text (or its value).
type Origin struct {
	Pos   Pos // start of the node's own element
	parts []part
}

type part struct {
	path     string
	pos, val Pos
}

func (o *Origin) add(path string, pos, val Pos) {
	if pos.IsValid() || val.IsValid() {
		o.parts = append(o.parts, part{path, pos, val})
	}
}

func (o *Origin) find(path string) (part, bool) {
	for _, p := range o.parts {
		if p.path == path {
			return p, true
		}
	}
	return part{}, false
}

// Of returns the position of the part at path (its element or attribute), or
// the position of the nearest enclosing part that was read, or the node's own
// position when nothing closer is known.
func (o *Origin) Of(path string) Pos {
	for path != "" {
		if p, ok := o.find(path); ok && p.pos.IsValid() {
			return p.pos
		}
		path = parentPath(path)
	}
	return o.Pos
}

// ValueOf returns the position of the value (text or attribute value) of
// the part at path, falling back like [Origin.Of].
func (o *Origin) ValueOf(path string) Pos {
	if p, ok := o.find(path); ok {
		if p.val.IsValid() {
			return p.val
		}
		return p.pos
	}
	return o.Of(path)
}

// Has reports whether the part at path was present in the input.
func (o *Origin) Has(path string) bool {
	_, ok := o.find(path)
	return ok
}

// Paths lists the parts that were read, in reading order.
func (o *Origin) Paths() []string {
	out := make([]string, len(o.parts))
	for i, p := range o.parts {
		out[i] = p.path
	}
	return out
}

func parentPath(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[:i]
		}
	}
	return ""
}
