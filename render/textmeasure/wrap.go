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
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	}
	for para := range strings.Lines(s) {
		if w.lines == nil {
			w.lines = make([]string, 0, 4) // most labels take one to four lines
		}
		w.lines = w.lines[:0]
		w.wrap(para)
		if len(w.lines) == 0 {
			if len(lines) > 0 {
				blank++
			}
			continue
		}
		if lines == nil {
			// The first paragraph's lines become the result as they are.
			lines, w.lines = w.lines, nil
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

	// The current line is para[from:to] as long as it is a substring of
	// the paragraph (words separated by single spaces), so that most
	// lines need no copy; otherwise it is built in line (built is true).
	para     string
	from, to int
	built    bool
	line     strings.Builder
	units    int64 // width of line in font units
	space    bool  // a space precedes the next atom
}

// fits reports whether u font units fit on a line.
func (w *wrapper) fits(u int64) bool { return w.f.scale(u, w.size) <= w.max }

// empty reports whether the current line holds nothing yet.
func (w *wrapper) empty() bool { return w.from == w.to && !w.built }

// add appends para[at:at+len(a)] = a to the current line, after a space
// when sp is set. at < 0 means that a is not part of para.
func (w *wrapper) add(at int, a string, sp bool) {
	switch {
	case at < 0:
	case w.empty():
		w.from, w.to = at, at+len(a)
		return
	case !w.built && !sp && at == w.to:
		w.to = at + len(a)
		return
	case !w.built && sp && at == w.to+1 && w.para[w.to] == ' ':
		w.to = at + len(a)
		return
	}
	if !w.built {
		w.line.Reset()
		w.line.WriteString(w.para[w.from:w.to])
		w.built = true
	}
	if sp {
		w.line.WriteByte(' ')
	}
	w.line.WriteString(a)
}

// flush ends the current line.
func (w *wrapper) flush() {
	switch {
	case w.built:
		w.lines = append(w.lines, w.line.String())
		w.line.Reset()
	case w.from < w.to:
		w.lines = append(w.lines, w.para[w.from:w.to])
	}
	w.from, w.to, w.built = 0, 0, false
	w.units = 0
}

// wrap breaks one paragraph (no newlines but maybe a trailing one) into
// w.lines. It splits the text into atoms, the units no line break may
// split: a run of non-space, non-wide runes, or one wide rune.
func (w *wrapper) wrap(para string) {
	w.para = para
	w.from, w.to, w.built = 0, 0, false
	w.space = false
	start := -1 // start of the current narrow run
	for i, r := range para {
		switch {
		case unicode.IsSpace(r):
			if start >= 0 {
				w.atom(start, para[start:i])
				start = -1
			}
			w.space = true
		case IsWide(r):
			if start >= 0 {
				w.atom(start, para[start:i])
				start = -1
			}
			w.atom(i, para[i:i+utf8.RuneLen(r)])
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		w.atom(start, para[start:])
	}
	w.flush()
}

// atom places one unbreakable unit, para[at:at+len(a)]: on the current
// line if it fits, else on a new line, broken between runes if it is wider
// than a line.
func (w *wrapper) atom(at int, a string) {
	u := w.f.unitsOf(a)
	var sp int64
	if w.space && !w.empty() {
		sp = int64(w.f.dense[' '])
	}
	w.space = false
	if !w.empty() && w.fits(w.units+sp+u) {
		w.add(at, a, sp > 0)
		w.units += sp + u
		return
	}
	w.flush()
	if w.fits(u) {
		w.add(at, a, false)
		w.units = u
		return
	}
	// Too wide for any line: break between runes.
	for i := 0; i < len(a); {
		r, n := utf8.DecodeRuneInString(a[i:])
		ru := int64(w.f.units(r))
		if !w.empty() && !w.fits(w.units+ru) {
			w.flush()
		}
		if r == utf8.RuneError && n == 1 {
			// Invalid UTF-8 becomes U+FFFD, which is not in para.
			w.add(-1, string(utf8.RuneError), false)
		} else {
			w.add(at+i, a[i:i+n], false)
		}
		w.units += ru
		i += n
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
