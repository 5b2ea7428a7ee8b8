package textmeasure

import (
	"math"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
)

func FuzzWrap(f *testing.F) {
	for _, s := range []string{"", " ", "Customer orders broadband", "日本語の文章です", "blåbær\n\nog øl",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "e\u0301\u0301 x", "\xff\xfe a", "\t\r\n"} {
		f.Add(s, 12.0, 60.0)
		f.Add(s, 10.0, 0.0)
	}
	f.Fuzz(func(t *testing.T, s string, size, max float64) {
		if math.IsNaN(size) || math.IsInf(size, 0) || size <= 0 || size > 1000 || math.IsNaN(max) {
			return
		}
		for _, face := range []*Face{Default(), Bold()} {
			lines := face.Wrap(s, size, max)
			checkWrap(t, face, s, size, max, lines)
			bal := face.WrapBalanced(s, size, max)
			checkWrap(t, face, s, size, max, bal)
			if len(bal) > len(lines) {
				t.Errorf("WrapBalanced(%q) has %d lines, Wrap %d", s, len(bal), len(lines))
			}
			tr := face.Truncate(s, size, max)
			if w := face.Width(tr, size); tr != "" && w > max {
				t.Errorf("Truncate(%q) = %q is %v wide, max %v", s, tr, w, max)
			}
		}
	})
}

func FuzzParseFont(f *testing.F) {
	f.Add(goregular.TTF)
	f.Add(goregular.TTF[:400])
	f.Fuzz(func(t *testing.T, b []byte) {
		parseFont(b) // must not panic
	})
}
