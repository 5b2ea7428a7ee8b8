// Package textmeasure measures, wraps and truncates diagram labels with the
// real metrics of the Go fonts (golang.org/x/image/font/gofont), so that a
// layout computed in Go matches the text a browser or a PDF printer draws.
//
// A [Face] is one font (regular or bold). Its advance widths are read once,
// on first use, from the font's cmap and hmtx tables (by a small TrueType
// reader in this package, which keeps golang.org/x/text out of the build)
// into a rune-indexed table; measuring is then a table look-up
// per rune and a Face is safe for concurrent use. Kerning is ignored: the Go
// fonts kern mostly negatively, so the widths returned are upper bounds for a
// renderer that kerns.
//
//	f := textmeasure.Default()
//	w := f.Width("Order confirmation", 12)     // in the unit of size (px)
//	lines := f.Wrap("Customer orders broadband on the web", 12, 100)
//	short := f.Truncate("A very long actor name indeed", 12, 80) // "A very long…"
//
// # Fonts in the SVG
//
// The widths are those of the Go font. [Face.Family] is the CSS font-family
// list to write into the SVG: "Go" first, then Liberation Sans, Arial and
// Helvetica, which are metric-compatible with each other and within
// [NamedFallbackSlack] (2 %) of the Go font's widths for labels, then the
// generic sans-serif. A viewer with none of the named fonts draws the
// generic one, on Linux usually DejaVu Sans, whose labels are up to 14 %
// (regular) and 20 % (bold) wider: [FallbackSlack]. The figures are checked by
// TestFallbackSlack against the fonts installed. Layouts should wrap to
// box/(1+FallbackSlack), or leave that much room, so that text stays inside
// its box whatever the viewer; [Face.FontFaceCSS] returns an @font-face rule
// embedding the font (about 180 KB) for output that must be exact everywhere.
//
// # Runes the Go font lacks
//
// The Go fonts cover Latin (including æøå), Greek and Cyrillic. Other runes
// are measured conservatively: East Asian wide and fullwidth runes (CJK,
// Hangul, kana, most emoji) as 1 em, any other visible rune as the width of
// "M", combining marks and control characters as 0.
package textmeasure

import (
	"encoding/base64"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// NamedFallbackSlack is the relative extra width a label may take when the
// viewer draws it with one of the fallback fonts named in [Face.Family]
// (Liberation Sans, Arial, Helvetica) instead of the Go font.
const NamedFallbackSlack = 0.02

// FallbackSlack is the relative extra width a label may take when the viewer
// has none of the named fonts and draws the generic sans-serif (DejaVu Sans
// on most Linux systems, the widest common one).
const FallbackSlack = 0.20

// Ellipsis is appended by [Face.Truncate].
const Ellipsis = "…"

// denseRunes is the size of the precomputed advance table: Latin, Latin-1,
// Latin Extended A/B, IPA, Greek, Cyrillic and the general punctuation
// block's neighbours are all below it.
const denseRunes = 0x800

// A Face measures text set in one font. Its methods are safe for concurrent
// use. All lengths are in the unit of the size argument (px in an SVG).
type Face struct {
	name   string
	weight string
	ttf    []byte

	once    sync.Once
	err     error
	upm     float64
	ascent  int32 // font units, positive up
	descent int32 // font units, positive down
	lineGap int32
	emW     int32             // advance of 'M'
	dense   [denseRunes]int32 // advances in font units for runes < denseRunes
	sparse  map[rune]int32    // advances of the font's runes ≥ denseRunes; read-only after load
}

var (
	regular = &Face{name: "Go Regular", weight: "normal", ttf: goregular.TTF}
	bold    = &Face{name: "Go Bold", weight: "bold", ttf: gobold.TTF}
)

// Default returns the regular Go font.
func Default() *Face { return regular.load() }

// Bold returns the bold Go font.
func Bold() *Face { return bold.load() }

// load parses the font once. The Go fonts are embedded and valid: a parse
// error would be a broken build, so it panics.
func (f *Face) load() *Face {
	f.once.Do(func() { f.err = f.init() })
	if f.err != nil {
		panic(fmt.Sprintf("textmeasure: %s: %v", f.name, f.err))
	}
	return f
}

func (f *Face) init() error {
	m, err := parseFont(f.ttf)
	if err != nil {
		return err
	}
	f.upm = float64(m.unitsPerEm)
	f.ascent, f.descent, f.lineGap = m.ascent, m.descent, m.lineGap
	f.emW = int32(m.unitsPerEm)
	if a, ok := m.advances['M']; ok && a > 0 {
		f.emW = a
	}
	f.sparse = map[rune]int32{}
	for r, a := range m.advances {
		if r < denseRunes {
			continue
		}
		if zeroWidth(r) {
			a = 0
		}
		f.sparse[r] = a
	}
	for r := rune(0); r < denseRunes; r++ {
		f.dense[r] = f.lookup(m.advances, r)
	}
	return nil
}

// lookup returns the advance of r in font units given the font's advances,
// with the fallback widths for runes the font lacks.
func (f *Face) lookup(advances map[rune]int32, r rune) int32 {
	if zeroWidth(r) {
		return 0
	}
	if a, ok := advances[r]; ok {
		return a
	}
	return f.fallback(r)
}

// fallback is the width of a rune the Go font lacks: a wide rune is one em
// in any CJK font, any other is assumed as wide as 'M'.
func (f *Face) fallback(r rune) int32 {
	if zeroWidth(r) {
		return 0
	}
	if IsWide(r) {
		return int32(f.upm)
	}
	return f.emW
}

func zeroWidth(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) ||
		r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff'
}

// units returns the advance of r in font units.
func (f *Face) units(r rune) int32 {
	if r >= 0 && r < denseRunes {
		return f.dense[r]
	}
	if a, ok := f.sparse[r]; ok {
		return a
	}
	return f.fallback(r)
}

// scale converts font units to the unit of size.
func (f *Face) scale(u int64, size float64) float64 { return float64(u) * size / f.upm }

// Name returns the font's full name, "Go Regular" or "Go Bold".
func (f *Face) Name() string { return f.name }

// Family returns the CSS font-family list to write into the SVG: the
// measured Go font first, then fallbacks whose widths stay within
// [NamedFallbackSlack] of it, then sans-serif ([FallbackSlack]). The list is
// the same for both faces; set font-weight to [Face.Weight].
func (f *Face) Family() string {
	return "Go, 'Liberation Sans', Arial, Helvetica, sans-serif"
}

// Weight returns the CSS font-weight the face was measured with, "normal"
// or "bold".
func (f *Face) Weight() string { return f.weight }

// FontFaceCSS returns a CSS @font-face rule that embeds the font as a data
// URL under the family name "Go", for an SVG <style> element. With it every
// viewer that honours embedded fonts draws exactly the measured widths.
func (f *Face) FontFaceCSS() string {
	return "@font-face{font-family:Go;font-weight:" + f.weight +
		";src:url(data:font/ttf;base64," + base64.StdEncoding.EncodeToString(f.ttf) + ") format('truetype');}"
}

// Width returns the advance width of s set at size. Runs of white space
// count as written; callers that draw collapsed text measure the collapsed
// string (as [Face.Wrap] and [Face.Truncate] do).
func (f *Face) Width(s string, size float64) float64 {
	return f.scale(f.unitsOf(s), size)
}

// unitsOf returns the advance of s in font units.
func (f *Face) unitsOf(s string) int64 {
	var u int64
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			u += int64(f.dense[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		u += int64(f.units(r))
		i += n
	}
	return u
}

// RuneWidth returns the advance width of one rune at size.
func (f *Face) RuneWidth(r rune, size float64) float64 { return f.scale(int64(f.units(r)), size) }

// Ascent returns the distance from the baseline to the top of the tallest
// glyphs at size.
func (f *Face) Ascent(size float64) float64 { return f.scale(int64(f.ascent), size) }

// Descent returns the distance from the baseline to the bottom of the
// lowest glyphs at size, as a positive number.
func (f *Face) Descent(size float64) float64 { return f.scale(int64(f.descent), size) }

// LineHeight returns the distance between the baselines of two lines at
// size: ascent + descent + line gap of the font, which is what browsers use
// for line-height "normal" (about 1.15 × size for the Go font).
func (f *Face) LineHeight(size float64) float64 {
	return f.scale(int64(f.ascent+f.descent+f.lineGap), size)
}

// Collapse returns s with every run of white space (including newlines)
// replaced by one space and leading and trailing space removed: the text an
// SVG viewer draws for s.
func Collapse(s string) string {
	if collapsed(s) {
		return s
	}
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

// collapsed reports whether Collapse would return s unchanged: valid UTF-8
// without leading, trailing or repeated white space and with no white
// space other than single ASCII spaces.
func collapsed(s string) bool {
	prevSpace := true // no leading space
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case c <= '\r' && c >= '\t':
				return false
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
		i += n
	}
	return !prevSpace || s == ""
}

// Truncate returns s collapsed to one line (see [Collapse]) and, when that is
// wider than maxWidth at size, cut so that it ends in [Ellipsis] and fits.
// Trailing space before the ellipsis is removed. When not even the ellipsis
// fits, Truncate returns "".
func (f *Face) Truncate(s string, size, maxWidth float64) string {
	s = Collapse(s)
	if f.Width(s, size) <= maxWidth {
		return s
	}
	ell := f.unitsOf(Ellipsis)
	if f.scale(ell, size) > maxWidth {
		return ""
	}
	var u int64
	cut := 0
	for i, r := range s {
		u += int64(f.units(r))
		if f.scale(u+ell, size) > maxWidth {
			break
		}
		cut = i + utf8.RuneLen(r)
	}
	return strings.TrimRight(s[:cut], " ") + Ellipsis
}

// IsWide reports whether r is an East Asian wide or fullwidth rune (CJK
// ideographs, kana, Hangul, fullwidth forms, most emoji): one em wide, and a
// line may break before and after it.
func IsWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115f, // Hangul Jamo initials
		0x2e80 <= r && r <= 0x303e, // CJK radicals … CJK symbols and punctuation
		0x3041 <= r && r <= 0x33ff, // kana, bopomofo, CJK compatibility
		0x3400 <= r && r <= 0x4dbf, // CJK extension A
		0x4e00 <= r && r <= 0x9fff, // CJK unified ideographs
		0xa000 <= r && r <= 0xa4cf, // Yi
		0xa960 <= r && r <= 0xa97f, // Hangul Jamo extended A
		0xac00 <= r && r <= 0xd7a3, // Hangul syllables
		0xf900 <= r && r <= 0xfaff, // CJK compatibility ideographs
		0xfe10 <= r && r <= 0xfe19, // vertical forms
		0xfe30 <= r && r <= 0xfe6f, // CJK compatibility forms, small forms
		0xff00 <= r && r <= 0xff60, // fullwidth forms
		0xffe0 <= r && r <= 0xffe6,
		0x1f300 <= r && r <= 0x1f64f, // pictographs, emoticons
		0x1f900 <= r && r <= 0x1f9ff, // supplemental symbols and pictographs
		0x20000 <= r && r <= 0x3fffd: // CJK extensions B…
		return true
	}
	return false
}
