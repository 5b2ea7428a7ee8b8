package cjml

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
)

// roundTrip writes doc in format f and reads it back.
func roundTrip(t testing.TB, doc *Document, f Format) *Document {
	t.Helper()
	b, err := doc.Marshal(f)
	require.NoError(t, err)
	back, diags := ParseOptions("roundtrip."+f.String(), b, ReadOptions{Format: f})
	require.False(t, diags.HasErrors(), "re-reading the %s output: %v\n%s", f, diags, b)
	require.NotNil(t, back)
	return back
}

func TestRoundTripCorpus(t *testing.T) {
	for _, file := range corpus(t) {
		t.Run(file, func(t *testing.T) {
			doc, diags := Parse(file, mustRead(t, file))
			require.False(t, diags.HasErrors(), "%v", diags)
			want := stripped(doc)
			for _, f := range []Format{XML, YAML, JSON} {
				got := roundTrip(t, doc, f)
				require.Equal(t, want, stripped(got), "parse → write %s → parse", f)
				// XML → f → XML.
				again := roundTrip(t, got, XML)
				require.Equal(t, want, stripped(again), "parse → %s → XML → parse", f)
			}
		})
	}
}

// TestWriteIsStable checks that writing is idempotent: formatting a
// formatted document changes nothing.
func TestWriteIsStable(t *testing.T) {
	for _, file := range corpus(t) {
		doc, _ := Parse(file, mustRead(t, file))
		for _, f := range []Format{XML, YAML, JSON} {
			b1, err := doc.Marshal(f)
			require.NoError(t, err)
			doc2, _ := ParseOptions("x", b1, ReadOptions{Format: f})
			b2, err := doc2.Marshal(f)
			require.NoError(t, err)
			require.True(t, bytes.Equal(b1, b2), "%s: %s output is not stable", file, f)
		}
	}
}

// TestExamplePairs checks that the YAML examples say what their XML twins
// say.
func TestExamplePairs(t *testing.T) {
	for _, name := range []string{"broadband", "pizza"} {
		x, diags := Parse(name+".xml", mustRead(t, "../examples/"+name+".xml"))
		require.Empty(t, diags)
		y, diags := Parse(name+".yaml", mustRead(t, "../examples/"+name+".yaml"))
		require.Empty(t, diags)
		require.Equal(t, stripped(x), stripped(y), "examples/%s.yaml and .xml differ; regenerate with cjml convert", name)
	}
}
