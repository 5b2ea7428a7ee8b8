// Command schemagen writes cjml.schema.json and cjml.xsd, the two schemas
// of package schema, from the vocabulary in schema/internal/gen. It runs
// through `go generate ./schema` in the schema folder.
package main

import (
	"fmt"
	"os"

	"cjml.dev/schema/internal/gen"
)

func main() {
	for name, b := range map[string][]byte{"cjml.schema.json": gen.JSONSchema(), "cjml.xsd": gen.XSD()} {
		if err := os.WriteFile(name, b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "schemagen:", err)
			os.Exit(1)
		}
	}
}
