package textmeasure

import (
	"math"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// Advances of the Go fonts in font units (2048 per em), as reported by
// golang.org/x/image/font/sfnt for goregular and gobold.
var advances = []struct {
	r             rune
	regular, bold int32
}{
	{'M', 1706, 1706}, {' ', 569, 569}, {'a', 1139, 1139}, {'W', 1933, 1933},
	{'i', 505, 592}, {'æ', 1821, 1821}, {'ø', 1251, 1251}, {'å', 1139, 1139},
	{'…', 2048, 2048}, {'—', 2048, 2048}, {'€', 1139, 1139}, {'Ж', 1891, 1851},
	{'Ω', 1439, 1642}, {'.', 648, 569},
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestAdvances(t *testing.T) {
	for _, tc := range advances {
		if got := Default().units(tc.r); got != tc.regular {
			t.Errorf("regular %q: %d units, want %d", tc.r, got, tc.regular)
		}
		if got := Bold().units(tc.r); got != tc.bold {
			t.Errorf("bold %q: %d units, want %d", tc.r, got, tc.bold)
		}
	}
}

func TestWidth(t *testing.T) {
	f := Default()
	tests := []struct {
		s    string
		size float64
		want float64
	}{
		{"", 12, 0},
		{"M", 2048, 1706},
		{"M", 12, 1706 * 12.0 / 2048},
		{"Ma", 16, (1706 + 1139) * 16.0 / 2048},
		{"blåbærsyltetøy", 10, f.RuneWidth('b', 10) + f.RuneWidth('l', 10) + f.RuneWidth('å', 10) +
			f.RuneWidth('b', 10) + f.RuneWidth('æ', 10) + f.RuneWidth('r', 10) + f.RuneWidth('s', 10) +
			f.RuneWidth('y', 10) + f.RuneWidth('l', 10) + f.RuneWidth('t', 10) + f.RuneWidth('e', 10) +
			f.RuneWidth('t', 10) + f.RuneWidth('ø', 10) + f.RuneWidth('y', 10)},
		// CJK is not in the Go font: 1 em each.
		{"日本語", 12, 36},
		{"한국", 10, 20},
		// Other missing runes: the width of 'M' (Thai, Arabic).
		{"ก", 2048, 1706},
		{"ع", 2048, 1706},
		// Combining marks and controls take no room.
		{"e\u0301", 2048, 1139},
		{"a\u200bb", 2048, 1139 + 1139},
		{"\x00\x07", 12, 0},
		// Invalid UTF-8 is U+FFFD, which the Go font draws 1 em wide.
		{"\xff", 2048, 2048},
	}
	for _, tc := range tests {
		if got := f.Width(tc.s, tc.size); !near(got, tc.want) {
			t.Errorf("Width(%q, %v) = %v, want %v", tc.s, tc.size, got, tc.want)
		}
	}
	if r, b := f.Width("Illicit", 12), Bold().Width("Illicit", 12); b <= r {
		t.Errorf("bold %v not wider than regular %v", b, r)
	}
}

func TestMetrics(t *testing.T) {
	f := Default()
	// hhea of the Go fonts: ascender 1935, descender −432, line gap 0.
	if got := f.Ascent(2048); got != 1935 {
		t.Errorf("Ascent = %v", got)
	}
	if got := f.Descent(2048); got != 432 {
		t.Errorf("Descent = %v", got)
	}
	if got := f.LineHeight(2048); got != 2367 {
		t.Errorf("LineHeight = %v", got)
	}
	if got := f.LineHeight(12); !near(got, 2367*12.0/2048) {
		t.Errorf("LineHeight(12) = %v", got)
	}
	if f.Family() == "" || !strings.HasPrefix(f.Family(), "Go,") {
		t.Errorf("Family = %q", f.Family())
	}
	if f.Weight() != "normal" || Bold().Weight() != "bold" {
		t.Errorf("weights %q %q", f.Weight(), Bold().Weight())
	}
	css := Bold().FontFaceCSS()
	if !strings.HasPrefix(css, "@font-face{font-family:Go;font-weight:bold;src:url(data:font/ttf;base64,AAEAAA") {
		t.Errorf("FontFaceCSS = %.80s", css)
	}
}

func TestCollapse(t *testing.T) {
	tests := map[string]string{
		"":                  "",
		"  \t\n ":           "",
		" a  b\tc\nd  ":     "a b c d",
		"Kundeservice":      "Kundeservice",
		"日本  語":             "日本 語",
		"\u00a0x\u00a0":     "x", // NBSP is white space to unicode.IsSpace
		"one\r\ntwo\rthree": "one two three",
	}
	for in, want := range tests {
		if got := Collapse(in); got != want {
			t.Errorf("Collapse(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWrap(t *testing.T) {
	f := Default()
	const size = 2048 // 1 unit = 1 font unit, so widths below are exact
	// Widths: "a"=1139, " "=569, "M"=1706, "i"=505.
	tests := []struct {
		name string
		s    string
		max  float64
		want []string
	}{
		{"empty", "", 100000, nil},
		{"blank", " \t\n\n ", 100000, nil},
		{"fits", "a a a", 1139*3 + 569*2, []string{"a a a"}},
		{"one unit short", "a a a", 1139*3 + 569*2 - 1, []string{"a a", "a"}},
		{"collapse", "  a   a  ", 100000, []string{"a a"}},
		{"break at spaces", "aa aa aa", 1139*4 + 569, []string{"aa aa", "aa"}},
		{"long word starts a new line", "a MMMMM", 1706 * 2, []string{"a", "MM", "MM", "M"}},
		{"rune wider than line", "MM", 100, []string{"M", "M"}},
		{"zero width", "a", 0, []string{"a"}},
		{"newline", "a\na", 100000, []string{"a", "a"}},
		{"blank lines kept", "a\n\n\na\n\n", 100000, []string{"a", "", "", "a"}},
		{"outer blank lines dropped", "\n\na\n\na\n\n", 100000, []string{"a", "", "a"}},
		{"crlf", "a\r\na", 100000, []string{"a", "a"}},
		{"cjk breaks anywhere", "日本語の文章", 2048 * 4, []string{"日本語の", "文章"}},
		{"cjk then latin", "日本aa", 2048 + 1139*2, []string{"日本", "aa"}},
		{"latin then cjk", "aa日本", 1139*2 + 2048, []string{"aa日", "本"}},
		{"cjk no space added", "aa日本", 100000, []string{"aa日本"}},
		{"cjk space kept", "aa 日本", 100000, []string{"aa 日本"}},
		{"combining mark stays", "e\u0301e\u0301", 1139, []string{"e\u0301", "e\u0301"}},
		{"norwegian", "blåbær og øl", f.Width("blåbær og", size), []string{"blåbær og", "øl"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := f.Wrap(tc.s, size, tc.max)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
				t.Fatalf("Wrap(%q, %v) = %q, want %q", tc.s, tc.max, got, tc.want)
			}
			checkWrap(t, f, tc.s, size, tc.max, got)
		})
	}
}

func TestWrapLabel(t *testing.T) {
	// A real label at 12 px in a 120 px box.
	f := Default()
	got := f.Wrap("Customer orders broadband subscription on the provider's web site", 12, 120)
	want := []string{"Customer orders", "broadband", "subscription on the", "provider's web site"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
	for _, l := range got {
		if w := f.Width(l, 12); w > 120 {
			t.Errorf("%q is %v wide", l, w)
		}
	}
}

func TestWrapBalanced(t *testing.T) {
	f := Default()
	tests := []struct {
		s    string
		max  float64
		want []string
	}{
		{"Orders broadband on the web", 130, []string{"Orders broadband", "on the web"}},
		{"Receives order confirmation by e-mail", 150, []string{"Receives order", "confirmation by e-mail"}},
		{"short", 100, []string{"short"}},
		{"", 100, nil},
		{"a b c d e f g h", 1000, []string{"a b c d e f g h"}},
	}
	for _, tc := range tests {
		got := f.WrapBalanced(tc.s, 12, tc.max)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("WrapBalanced(%q, %v) = %q, want %q (Wrap: %q)", tc.s, tc.max, got, tc.want, f.Wrap(tc.s, 12, tc.max))
		}
		if len(got) != len(f.Wrap(tc.s, 12, tc.max)) {
			t.Errorf("WrapBalanced(%q) has %d lines, Wrap %d", tc.s, len(got), len(f.Wrap(tc.s, 12, tc.max)))
		}
		checkWrap(t, f, tc.s, 12, tc.max, got)
	}
}

// checkWrap checks the invariants of Wrap's result.
func checkWrap(t *testing.T, f *Face, s string, size, max float64, lines []string) {
	t.Helper()
	if strings.TrimSpace(Collapse(s)) == "" && len(lines) != 0 {
		t.Fatalf("blank input %q gave %q", s, lines)
	}
	var words []string
	for _, l := range lines {
		if !utf8.ValidString(l) && utf8.ValidString(s) {
			t.Errorf("line %q is not valid UTF-8", l)
		}
		if l != strings.TrimSpace(l) && strings.TrimFunc(l, func(r rune) bool { return r == ' ' }) != l {
			t.Errorf("line %q has outer spaces", l)
		}
		if strings.Contains(l, "  ") || strings.ContainsAny(l, "\n\r\t") {
			t.Errorf("line %q has uncollapsed space", l)
		}
		if w := f.Width(l, size); w > max && utf8.RuneCountInString(l) > 1 {
			// A wider line must be one rune, optionally with zero-width marks.
			n := 0
			for _, r := range l {
				if f.units(r) > 0 {
					n++
				}
			}
			if n > 1 {
				t.Errorf("line %q is %v wide, max %v", l, w, max)
			}
		}
		words = append(words, l)
	}
	// No text is lost or invented: without spaces, lines join to the input.
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' ||
				r == 0x85 || r == 0xa0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200a) ||
				r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000 {
				return -1
			}
			return r
		}, s)
	}
	if got, want := strip(strings.Join(words, "")), strip(s); got != want && utf8.ValidString(s) {
		t.Errorf("lines %q lose text of %q", lines, s)
	}
}

func TestTruncate(t *testing.T) {
	f := Default()
	const size = 2048
	// "a"=1139, " "=569, "…"=2048.
	tests := []struct {
		s    string
		max  float64
		want string
	}{
		{"", 0, ""},
		{"aaa", 1139 * 3, "aaa"},
		{"aaaa", 1139*3 + 1, "a…"},
		{"aaaa", 1139 + 2048, "a…"},
		{"aaaa", 1139 + 2047, "…"},
		{"aaaa", 2047, ""},
		{"a a a a", 1139*2 + 569 + 2048, "a a…"},
		{"a a a a", 1139*2 + 569*2 + 2048, "a a…"}, // space before … dropped
		{"  a \n a  ", 100000, "a a"},
		{"日本語", 2048 * 2, "日…"},
	}
	for _, tc := range tests {
		got := f.Truncate(tc.s, size, tc.max)
		if got != tc.want {
			t.Errorf("Truncate(%q, %v) = %q, want %q", tc.s, tc.max, got, tc.want)
		}
		if w := f.Width(got, size); w > tc.max {
			t.Errorf("Truncate(%q, %v) = %q is %v wide", tc.s, tc.max, got, w)
		}
	}
}

func TestIsWide(t *testing.T) {
	for _, r := range "日本語한국어ひらがなカタカナＡ。😀" {
		if !IsWide(r) {
			t.Errorf("IsWide(%q) = false", r)
		}
	}
	for _, r := range "aæøåЖΩ…—ก€ " {
		if IsWide(r) {
			t.Errorf("IsWide(%q) = true", r)
		}
	}
}

func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	want := Default().Width("Kunde 日本 ก ñ", 12)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				if got := Default().Width("Kunde 日本 ก ñ", 12); got != want {
					t.Errorf("got %v, want %v", got, want)
					return
				}
				Bold().Wrap("Kunde bestiller bredbånd 日本語", 12, 50)
			}
		}()
	}
	wg.Wait()
}

func TestParseFontErrors(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("OTTO"), make([]byte, 12), []byte("\x00\x01\x00\x00\x00\x05")} {
		if _, err := parseFont(b); err == nil {
			t.Errorf("parseFont(%q) gave no error", b)
		}
	}
}
