package compare

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"cjml.dev/cjml"
)

// TestStatusCompliance: each status is recorded by the compliance value of
// the same name, which cjml reads back as that value.
func TestStatusCompliance(t *testing.T) {
	want := map[Status]cjml.Compliance{Completed: cjml.Completed, Missing: cjml.Missing,
		AdHoc: cjml.AdHoc, Failing: cjml.Failing, Irregular: cjml.Irregular}
	for _, s := range Statuses {
		c := s.Compliance()
		assert.Equal(t, want[s], c, "%s", s)
		assert.Equal(t, string(s), string(c))
		n, ok := c.Normalize()
		assert.True(t, ok, "%s", c)
		assert.Equal(t, c, n)
	}
	assert.Equal(t, cjml.Completed, Status("").Compliance())
}
