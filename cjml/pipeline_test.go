package cjml

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPipelineSameAsSequential checks that decoding on a second goroutine
// gives exactly what decoding in line gives, diagnostics included.
func TestPipelineSameAsSequential(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("<CJML version=\"2.0\">\n")
	for i := 0; b.Len() < 2*pipelineMin; i++ {
		fmt.Fprintf(&b, `  <!-- journey %d -->
  <actualJourney>
    <JourneyID>AJ%d</JourneyID>
    <actors><endUser actorID="u%d" x="%d"/><note>%s</note></actors>
    <touchpoints>
      <actualAction><touchpointID>T1</touchpointID><initiator><refersTo actorIDref="u%d"/><initiatorLabel>Step %d</initiatorLabel></initiator></actualAction>
    </touchpoints>
  </actualJourney>
`, i, i, i, i, strings.Repeat("n", i%50), i, i)
	}
	b.WriteString("  <tail/>\n</CJML>\n")
	src := b.Bytes()
	par, pdiags := Parse("p.xml", src)
	saved := pipelineMin
	pipelineMin = len(src) + 1
	defer func() { pipelineMin = saved }()
	seq, sdiags := Parse("p.xml", src)
	require.NotEmpty(t, sdiags, "the input has name-case warnings")
	require.Equal(t, sdiags.Sort(), pdiags.Sort())
	require.Equal(t, stripped(seq), stripped(par))
	require.Greater(t, len(seq.Journeys), 100)
}
