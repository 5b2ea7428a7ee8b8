package eventlog

import (
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// docs/import.md documents every code, and only the codes that exist.
func TestDocsListEveryCode(t *testing.T) {
	b, err := os.ReadFile("../../docs/import.md")
	require.NoError(t, err)
	documented := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `(import/[a-z-]+)` \\|").FindAllStringSubmatch(string(b), -1) {
		documented[m[1]] = true
	}
	for _, c := range Codes {
		assert.True(t, documented[c], "docs/import.md lists %s", c)
	}
	for c := range documented {
		assert.True(t, slices.Contains(Codes, c), "%s in docs/import.md is a code", c)
	}
	for _, r := range Roles() {
		assert.Contains(t, string(b), "| `"+r.String()+"`", "docs/import.md has a row for the role %s", r)
		assert.Contains(t, string(b), "`--"+r.FlagName()+"`", "docs/import.md names the flag of %s", r)
	}
}
