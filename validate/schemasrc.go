package validate

// schemaJSON is the JSON Schema the structural checks compile. Until the
// schema package is committed it is the empty draft 2020-12 schema, which
// accepts every document; the language rules run regardless.
var schemaJSON = []byte(`{"$schema":"https://json-schema.org/draft/2020-12/schema"}`)
