package validate

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
)

func TestReportEmpty(t *testing.T) {
	r := &Report{Files: []string{"a.xml"}}
	var b bytes.Buffer
	require.NoError(t, r.Write(&b, JSON))
	assert.JSONEq(t, `{"version":1,"diagnostics":[]}`, b.String())
	b.Reset()
	require.NoError(t, r.Write(&b, Text))
	assert.Empty(t, b.String())
	assert.False(t, r.Failed())
}

func TestGitHubEscaping(t *testing.T) {
	r := &Report{Diagnostics: cjml.Diagnostics{{
		Severity: cjml.Info, Code: "rule/x", Message: "50% done,\nnext: line",
		Pos: cjml.Position{File: "dir,1/a:b.xml", Line: 3, Column: 4},
	}}}
	var b bytes.Buffer
	require.NoError(t, r.Write(&b, GitHub))
	assert.Equal(t, "::notice file=dir%2C1/a%3Ab.xml,line=3,col=4,title=rule/x::50%25 done,%0Anext: line\n", b.String())
}

func TestFailOn(t *testing.T) {
	r := &Report{Diagnostics: cjml.Diagnostics{{Severity: cjml.Warning, Code: CodeUnusedActor, Message: "m"}}}
	assert.False(t, r.Failed())
	r.FailOn = cjml.Warning
	assert.True(t, r.Failed())
}

// TestDocumentInCode validates a document built in code: findings carry
// the logical path, and no position.
func TestDocumentInCode(t *testing.T) {
	doc := cjml.NewDocument()
	j := &cjml.Journey{Kind: cjml.Planned, ID: "PJ1",
		Actors: []*cjml.Actor{{Kind: cjml.EndUser, ID: "ann"}, {Kind: cjml.ServiceProvider, ID: "shop"}}}
	j.Touchpoints = []*cjml.Touchpoint{{Kind: cjml.Action, ID: "T1", Initiator: cjml.Party{Actor: "bob", Label: "Orders"}}}
	doc.Journeys = append(doc.Journeys, j)
	ds := Document(doc, Options{})
	require.NotEmpty(t, ds)
	var codes []string
	for _, d := range ds {
		codes = append(codes, d.Code)
		assert.Zero(t, d.Pos.Line, "%s", d)
		assert.NotEmpty(t, d.Path, "%s", d)
	}
	assert.Contains(t, codes, CodeUnknownActor)
}
