// Package textutil holds the small text helpers that several of cjml's
// packages need alike: quoting a value for a message, writing a byte size,
// and the XML 1.0 character test.
package textutil

import (
	"strconv"
	"unicode/utf8"
)

// Quote quotes s for a message (Go syntax, as strconv.Quote), shortening
// values longer than 60 bytes to their first 60 (cut at a rune boundary)
// and an ellipsis.
func Quote(s string) string {
	const max = 60
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return strconv.Quote(s)
}

// ByteSize writes n bytes for people: "512 bytes", "2.0 KiB", "256.0 MiB",
// "1.5 GiB".
func ByteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return strconv.FormatFloat(float64(n)/(1<<30), 'f', 1, 64) + " GiB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// IsXMLChar reports whether XML 1.0 allows r in a document.
func IsXMLChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
