package validate

import "cjml.dev/schema"

// schemaJSON is the JSON Schema the structural checks compile.
var schemaJSON = schema.JSON
