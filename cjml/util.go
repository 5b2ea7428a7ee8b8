package cjml

import (
	"strconv"
	"strings"
)

func trim(s string) string { return strings.TrimSpace(s) }

// quote quotes s for a message, shortening very long values.
func quote(s string) string {
	const max = 60
	if len(s) > max {
		cut := max
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return strconv.Quote(s)
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
