// Package schema holds the two schemas of CJML 2.0 documents, embedded in
// the binary:
//
//   - [JSON], a JSON Schema (draft 2020-12) of the YAML/JSON form that
//     `cjml convert --to json` writes and [cjml.Document.Form] returns;
//     package validate checks every document, XML ones included, against it;
//   - [XSD], an XML Schema 1.0 of the XML form, for XML tools
//     (`xmllint --noout --schema cjml.xsd FILE.xml`).
//
// SINTEF's official CJML 2.0 XSD is not public; both schemas are this
// project's reconstruction of the vocabulary (docs/schema.md). They are
// generated from one description (schema/internal/gen) so that they agree;
// a test runs both over the same corpus of valid and invalid documents.
//
// The JSON Schema's $defs are named after the CJML elements (plannedJourney,
// actualCommunicationPoint, actor, initiator, experience, …) and each has a
// title and a description that a validator can quote.
package schema

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"
)

//go:generate go run ./internal/gen/cmd/schemagen

// JSON is the JSON Schema (draft 2020-12) of the YAML/JSON form of CJML
// documents. Its $id is [JSONID].
//
//go:embed cjml.schema.json
var JSON []byte

// XSD is the XML Schema (XSD 1.0) of CJML 2.0 XML documents.
//
//go:embed cjml.xsd
var XSD []byte

// JSONID is the $id of the JSON Schema, the URL to add it under to a
// jsonschema compiler.
const JSONID = "https://cjml.dev/schema/cjml.schema.json"

// A Def is one definition ($defs) of the JSON Schema: the type of a CJML
// element (plannedAction, actor, initiator, experience, …) or of a value
// (idValue, complianceValue, ratingValue, …), with the title and
// description a validator can quote in its messages.
type Def struct {
	Name        string
	Title       string
	Description string
}

var defs = sync.OnceValue(func() map[string]Def {
	var s struct {
		Defs map[string]struct {
			Title       string `json:"title"`
			Description string `json:"description"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(JSON, &s); err != nil {
		panic("schema: the embedded JSON Schema does not parse: " + err.Error())
	}
	out := make(map[string]Def, len(s.Defs))
	for name, d := range s.Defs {
		out[name] = Def{Name: name, Title: d.Title, Description: d.Description}
	}
	return out
})

// Definition returns the definition of the JSON Schema with that name.
func Definition(name string) (Def, bool) {
	d, ok := defs()[name]
	return d, ok
}

// DefAt returns the innermost definition a schema location lies in: the
// last "$defs/NAME" of a location such as the AbsoluteKeywordLocation of a
// jsonschema validation error
// ("https://cjml.dev/schema/cjml.schema.json#/$defs/plannedAction/else/additionalProperties").
func DefAt(location string) (Def, bool) {
	i := strings.LastIndex(location, "/$defs/")
	if i < 0 {
		return Def{}, false
	}
	name, _, _ := strings.Cut(location[i+len("/$defs/"):], "/")
	return Definition(name)
}
