package cjml

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFormErrors checks the diagnostics of YAML and JSON input that has no
// XML counterpart or is not well-formed.
func TestFormErrors(t *testing.T) {
	tests := []struct {
		name, file, in string
		want           string // line:col code
	}{
		{"yaml syntax", "a.yaml", "version: '2.0'\njourneys: [\n", "2:1 parse/syntax"},
		{"yaml not a mapping", "a.yaml", "- a\n- b\n", "1:1 parse/root"},
		{"yaml empty", "a.yaml", "", "1:1 parse/root"},
		{"yaml two documents", "a.yaml", "version: '2.0'\n---\nversion: '2.0'\n", "2:1 parse/syntax"},
		{"yaml repeated key", "a.yaml", "version: '2.0'\nversion: '2.1'\n", "2:1 parse/syntax"},
		{"yaml merge key", "a.yaml", "base: &b {x: 1}\nother:\n  <<: *b\n", "3:3 parse/bad-key"},
		{"yaml bad element name", "a.yaml", "journeys:\n  - actualJourney:\n      journey ID: x\n", "3:7 parse/bad-key"},
		{"yaml unknown dollar key", "a.yaml", "$foo: 1\n", "1:1 parse/bad-key"},
		{"yaml journeys not a list", "a.yaml", "journeys: {a: 1}\n", "1:11 parse/bad-key"},
		{"yaml item with two keys", "a.yaml", "journeys:\n  - {actualJourney: {}, plannedJourney: {}}\n", "2:5 parse/bad-key"},
		{"yaml attribute with mapping value", "a.yaml", "journeys:\n  - actualJourney:\n      actors:\n        - endUser: {actorID: {a: b}}\n", "4:30 parse/bad-key"},
		{"yaml control character", "a.yaml", "journeys:\n  - actualJourney: {journeyID: \"a\\x01\"}\n", "2:32 parse/invalid-char"},
		{"yaml invalid utf8", "a.yaml", "version: \"\xff\"\n", "1:11 parse/encoding"},
		{"json syntax", "a.json", "{\n  \"version\": \"2.0\",\n}", "3:1 parse/syntax"},
		{"json repeated key", "a.json", `{"version": "2.0", "version": "2.0"}`, "1:20 parse/syntax"},
		{"json trailing data", "a.json", `{"version": "2.0"} x`, "1:20 parse/syntax"},
		{"json truncated", "a.json", `{"version": `, "1:13 parse/syntax"},
		{"json nul escape", "a.json", `{"journeys": [{"actualJourney": {"journeyID": "\u0000"}}]}`, "1:47 parse/invalid-char"},
		{"json too deep", "a.json", `{"journeys": [{"x": ` + strings.Repeat("[", 300), "1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse(tt.file, []byte(tt.in))
			require.True(t, diags.HasErrors(), "want an error, got %v", diags)
			d := diags[0]
			got := fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Column, d.Code)
			assert.True(t, strings.HasPrefix(got, tt.want), "got %s (%v), want %s", got, d, tt.want)
		})
	}
}

func TestYAMLAliases(t *testing.T) {
	// Aliases are expanded: a shared actor list is fine.
	in := `version: "2.0"
journeys:
  - plannedJourney:
      journeyID: P
      actors: &actors
        - endUser: {actorID: u}
      touchpoints: []
  - actualJourney:
      journeyID: A
      actors: *actors
      touchpoints: []
`
	doc, diags := Parse("a.yaml", []byte(in))
	require.Empty(t, diags)
	assert.Equal(t, "u", doc.Journeys[1].Actors[0].ID)

	// An alias bomb is refused instead of expanded.
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for k := 0; k < 10; k++ {
			if k > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	doc, diags = Parse("bomb.yaml", []byte(b.String()))
	require.True(t, diags.HasErrors())
	assert.Nil(t, doc)
	assert.Equal(t, CodeTooLarge, diags[0].Code)
}

// TestFormShapes checks the YAML form of the constructs that need more than
// a plain mapping: repeated elements, interleaved names, attributes on list
// elements, text next to children, comments.
func TestFormShapes(t *testing.T) {
	in := `<CJML version="2.0">
  <!-- top -->
  <actualJourney>
    <journeyID>A</journeyID>
    <journeyID>B</journeyID>
    <actors role="all"><endUser actorID="u"/></actors>
    <touchpoints/>
    <ext a="1">text<b>1</b><c/><b>2</b></ext>
  </actualJourney>
</CJML>`
	doc, diags := Parse("s.xml", []byte(in))
	require.Empty(t, diags)
	y, err := doc.Marshal(YAML)
	require.NoError(t, err)
	want := `version: "2.0"
journeys:
  - actualJourney:
      $comment: top
      journeyID:
        - A
        - B
      actors:
        - '@role': all
        - endUser:
            actorID: u
      touchpoints: []
      ext:
        '@a': "1"
        $text: text
        $content:
          - b: "1"
          - c: ""
          - b: "2"
`
	assert.Equal(t, want, string(y))
	back, diags := Parse("s.yaml", y)
	require.Empty(t, diags)
	assert.Equal(t, stripped(doc), stripped(back))
}

// TestTranscoding reads the encodings XML files arrive in.
func TestTranscoding(t *testing.T) {
	doc := `<CJML version="2.0"><actualJourney><journeyID>Bø</journeyID><actors/><touchpoints/></actualJourney></CJML>`
	utf16le := []byte{0xFF, 0xFE}
	for _, r := range doc {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	latin1 := []byte(`<?xml version="1.0" encoding="ISO-8859-1"?>` + strings.ReplaceAll(doc, "ø", "\xf8"))
	cp1252 := []byte(`<?xml version="1.0" encoding="windows-1252"?>` + strings.ReplaceAll(doc, "Bø", "B\x80"))
	for name, in := range map[string][]byte{"utf-16": utf16le, "latin-1": latin1, "utf-8 bom": append([]byte("\xEF\xBB\xBF"), doc...)} {
		d, diags := Parse("t.xml", in)
		require.Empty(t, diags, name)
		assert.Equal(t, "Bø", d.Journeys[0].ID, name)
	}
	d, diags := Parse("t.xml", cp1252)
	require.Empty(t, diags)
	assert.Equal(t, "B€", d.Journeys[0].ID)
}
