package validate

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
	"cjml.dev/internal/gen"
	"cjml.dev/schema"
)

// TestFreeTextKeys checks that every key whose values a touchpoint's shape
// reduces to empty/blank/text is, wherever the schema defines it, free
// text or an identifier: the schema checks nothing else about its value.
func TestFreeTextKeys(t *testing.T) {
	var s struct {
		Defs map[string]json.RawMessage `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(schema.JSON, &s))
	textDefs := map[string]bool{"text": true, "idText": true, "idValue": true, "textValue": true, "comments": true}
	seen := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if props, ok := x["properties"].(map[string]any); ok {
				for k, p := range props {
					if !freeText[k] {
						continue
					}
					if _, ok := p.(bool); ok {
						continue // presence only, which the shape records
					}
					pm, _ := p.(map[string]any)
					ref, _ := pm["$ref"].(string)
					def := strings.TrimPrefix(ref, "#/$defs/")
					assert.True(t, textDefs[def], "%s is defined as %q, not as text", k, ref)
					seen[k] = true
				}
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	for _, raw := range s.Defs {
		var v any
		require.NoError(t, json.Unmarshal(raw, &v))
		walk(v)
	}
	for k := range freeText {
		assert.True(t, seen[k], "%s does not occur in the schema", k)
	}
}

// TestSplitAgrees checks that checking touchpoints one by one, memoized by
// shape, finds exactly what checking each journey whole finds.
func TestSplitAgrees(t *testing.T) {
	var files []string
	for _, p := range []string{"testdata/invalid/*.*", "testdata/valid/*.*", "../examples/*.*"} {
		fs, _ := filepath.Glob(p)
		for _, f := range fs {
			if !strings.HasSuffix(f, ".golden") && cjml.FormatOf(f) != cjml.FormatAuto {
				files = append(files, f)
			}
		}
	}
	require.NotEmpty(t, files)
	for _, f := range files {
		assert.Equal(t, wholeJourneys(func() cjml.Diagnostics { return File(f, Options{}) }), File(f, Options{}), f)
	}
}

// wholeJourneys runs fn with the touchpoints checked as part of their
// journeys.
func wholeJourneys(fn func() cjml.Diagnostics) cjml.Diagnostics {
	splitTouchpoints = false
	defer func() { splitTouchpoints = true }()
	return fn()
}

// TestLongJourneyParts checks that a journey cut into parts of
// unitTouchpoints touchpoints gives the findings of checking it whole,
// with the right touchpoint indexes.
func TestLongJourneyParts(t *testing.T) {
	doc := gen.Long(3*unitTouchpoints+100, 6, 7)
	j := doc.Journeys[0]
	for _, k := range []int{5, unitTouchpoints - 1, unitTouchpoints, 2*unitTouchpoints + 3, len(j.Touchpoints) - 1} {
		tp := j.Touchpoints[k]
		tp.Compliance = "late"
		tp.Channel = ""
	}
	j.Extra.Elems = append(j.Extra.Elems, &cjml.Element{In: "touchpoints", Name: "note", Text: "kept"})
	src, err := doc.Marshal(cjml.XML)
	require.NoError(t, err)
	split := Bytes("long.xml", src, Options{})
	require.NotEmpty(t, split)
	assert.Equal(t, wholeJourneys(func() cjml.Diagnostics { return Bytes("long.xml", src, Options{}) }), split)
	assert.Greater(t, len(units(doc)), 3)
}
