package textutil

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestQuote(t *testing.T) {
	assert.Equal(t, `"a\"b"`, Quote(`a"b`))
	assert.Equal(t, `"`+strings.Repeat("x", 60)+`…"`, Quote(strings.Repeat("x", 61)))
	// 59 ASCII bytes and a two-byte rune straddling the cut: the rune goes.
	assert.Equal(t, `"`+strings.Repeat("x", 59)+`…"`, Quote(strings.Repeat("x", 59)+"øø"))
	assert.Equal(t, `"`+strings.Repeat("x", 60)+`"`, Quote(strings.Repeat("x", 60)))
}

func TestByteSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1023: "1023 bytes", 1024: "1.0 KiB",
		1536: "1.5 KiB", 256 << 20: "256.0 MiB", 3 << 29: "1.5 GiB"} {
		assert.Equal(t, want, ByteSize(n), "%d", n)
	}
}

func TestIsXMLChar(t *testing.T) {
	for _, r := range []rune{'\t', '\n', '\r', ' ', 'a', 0xD7FF, 0xE000, 0xFFFD, 0x10000, 0x10FFFF} {
		assert.True(t, IsXMLChar(r), "%U", r)
	}
	for _, r := range []rune{0, 0x8, 0xB, 0x1F, 0xD800, 0xDFFF, 0xFFFE, 0xFFFF, 0x110000, -1} {
		assert.False(t, IsXMLChar(r), "%U", r)
	}
}
