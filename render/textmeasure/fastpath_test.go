package textmeasure

import (
	"math"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzFastPaths checks that Wrap and Collapse, which avoid copying text
// that needs no change, give what the straightforward versions below give.
func FuzzFastPaths(f *testing.F) {
	for _, s := range []string{"", " ", "Customer orders broadband", "a  b", "a\tb", " lead", "trail ",
		"日本語の文章です", "blåbær\n\nog øl", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "\xff\xfe a", "x\u00a0y", "\t\r\n",
		"ab\xffcdefghijklmnopqrstuvwxyz0123456789"} {
		f.Add(s, 12.0, 60.0)
		f.Add(s, 10.0, 8.0)
	}
	f.Fuzz(func(t *testing.T, s string, size, max float64) {
		if got, want := Collapse(s), refCollapse(s); got != want {
			t.Errorf("Collapse(%q) = %q, want %q", s, got, want)
		}
		if math.IsNaN(size) || math.IsInf(size, 0) || size <= 0 || size > 1000 || math.IsNaN(max) {
			return
		}
		for _, face := range []*Face{Default(), Bold()} {
			if got, want := face.Wrap(s, size, max), refWrap(face, s, size, max); !slices.Equal(got, want) {
				t.Errorf("Wrap(%q, %v, %v) = %q, want %q", s, size, max, got, want)
			}
		}
	})
}

func refCollapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
func refWrap(f *Face, s string, size, maxWidth float64) []string {
	var lines []string
	w := refWrapper{f: f, size: size, max: maxWidth}
	blank := 0 // blank paragraphs not yet written
	for para := range strings.Lines(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")) {
		w.lines = w.lines[:0]
		w.wrap(para)
		if len(w.lines) == 0 {
			if len(lines) > 0 {
				blank++
			}
			continue
		}
		for ; blank > 0; blank-- {
			lines = append(lines, "")
		}
		lines = append(lines, w.lines...)
	}
	return lines
}

// wrapper holds the state of wrapping one paragraph.
type refWrapper struct {
	f     *Face
	size  float64
	max   float64
	lines []string

	line  strings.Builder
	units int64 // width of line in font units
	space bool  // a space precedes the next atom
}

// fits reports whether u font units fit on a line.
func (w *refWrapper) fits(u int64) bool { return w.f.scale(u, w.size) <= w.max }

// flush ends the current line.
func (w *refWrapper) flush() {
	if w.line.Len() > 0 {
		w.lines = append(w.lines, w.line.String())
	}
	w.line.Reset()
	w.units = 0
}

// wrap breaks one paragraph (no newlines but maybe a trailing one) into
// w.lines. It splits the text into atoms, the units no line break may
// split: a run of non-space, non-wide runes, or one wide rune.
func (w *refWrapper) wrap(para string) {
	w.space = false
	start := -1 // start of the current narrow run
	for i, r := range para {
		switch {
		case unicode.IsSpace(r):
			if start >= 0 {
				w.atom(para[start:i])
				start = -1
			}
			w.space = true
		case IsWide(r):
			if start >= 0 {
				w.atom(para[start:i])
				start = -1
			}
			w.atom(para[i : i+utf8.RuneLen(r)])
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		w.atom(para[start:])
	}
	w.flush()
}

// atom places one unbreakable unit: on the current line if it fits, else on
// a new line, broken between runes if it is wider than a line.
func (w *refWrapper) atom(a string) {
	u := w.f.unitsOf(a)
	var sp int64
	if w.space && w.line.Len() > 0 {
		sp = int64(w.f.dense[' '])
	}
	w.space = false
	if w.line.Len() > 0 && w.fits(w.units+sp+u) {
		if sp > 0 {
			w.line.WriteByte(' ')
		}
		w.line.WriteString(a)
		w.units += sp + u
		return
	}
	w.flush()
	if w.fits(u) {
		w.line.WriteString(a)
		w.units = u
		return
	}
	// Too wide for any line: break between runes.
	for _, r := range a {
		ru := int64(w.f.units(r))
		if w.line.Len() > 0 && !w.fits(w.units+ru) {
			w.flush()
		}
		w.line.WriteRune(r)
		w.units += ru
	}
}
