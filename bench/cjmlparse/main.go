// Command cjmlparse reads CJML documents and reports only errors, like
// xmllint --noout: the parse benchmark runs it beside xmllint.
package main

import (
	"fmt"
	"os"

	"cjml.dev/cjml"
)

func main() {
	code := 0
	for _, path := range os.Args[1:] {
		doc, diags := cjml.ReadFile(path, cjml.ReadOptions{})
		for _, d := range diags.Sort() {
			fmt.Fprintln(os.Stderr, d)
		}
		if doc == nil || diags.HasErrors() {
			code = 1
		}
	}
	os.Exit(code)
}
