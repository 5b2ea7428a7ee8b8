package textmeasure

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Wrap breaks s into lines no wider than maxWidth at size.
//
//   - White space is collapsed as an SVG viewer does: runs of spaces and tabs
//     become one space, and lines carry no leading or trailing space.
//   - A newline ("\n", "\r\n" or "\r") ends a line; blank lines between
//     paragraphs are kept as "", blank lines at the start and end are dropped.
//   - Lines break at spaces. A line may also break before and after an East
//     Asian wide rune ([IsWide]), so CJK text wraps without spaces.
//   - A word wider than maxWidth starts a new line and is broken between
//     runes.
//
// No line is wider than maxWidth, except a line holding a single rune that
// alone is wider. A string that is empty or only white space gives no lines
// (nil): callers draw nothing and reserve no line for it.
func (f *Face) Wrap(s string, size, maxWidth float64) []string {
	var lines []string
	w := wrapper{f: f, size: size, max: maxWidth}
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
type wrapper struct {
	f     *Face
	size  float64
	max   float64
	lines []string

	line  strings.Builder
	units int64 // width of line in font units
	space bool  // a space precedes the next atom
}

// fits reports whether u font units fit on a line.
func (w *wrapper) fits(u int64) bool { return w.f.scale(u, w.size) <= w.max }

// flush ends the current line.
func (w *wrapper) flush() {
	if w.line.Len() > 0 {
		w.lines = append(w.lines, w.line.String())
	}
	w.line.Reset()
	w.units = 0
}

// wrap breaks one paragraph (no newlines but maybe a trailing one) into
// w.lines. It splits the text into atoms, the units no line break may
// split: a run of non-space, non-wide runes, or one wide rune.
func (w *wrapper) wrap(para string) {
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
func (w *wrapper) atom(a string) {
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

// WrapBalanced wraps s into as few lines as [Face.Wrap] does at maxWidth,
// but with lines of more even length: it returns the wrap at the narrowest
// width (to 1 % of maxWidth) that needs no more lines, so that a label
// reads "Orders broadband / on the web" rather than "Orders broadband on
// the / web". It costs about eight calls of Wrap, and keeps Wrap's
// guarantees.
func (f *Face) WrapBalanced(s string, size, maxWidth float64) []string {
	best := f.Wrap(s, size, maxWidth)
	n := len(best)
	if n < 2 || !(maxWidth > 0) {
		return best
	}
	// The lines cannot be narrower than an even share of the text.
	lo := f.Width(Collapse(s), size)/float64(n) - f.RuneWidth(' ', size)
	hi := maxWidth
	for hi-lo > maxWidth/100 {
		mid := (lo + hi) / 2
		if l := f.Wrap(s, size, mid); len(l) <= n {
			best, hi = l, mid
		} else {
			lo = mid
		}
	}
	return best
}
