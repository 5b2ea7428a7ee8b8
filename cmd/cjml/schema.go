package main

import (
	"flag"
	"fmt"
)

// The schema command is registered so that help lists the whole CLI of
// DESIGN.md; its implementation arrives with issue #3.
func init() {
	register(&command{
		name:    "schema",
		args:    "[--format json|xsd]",
		summary: "print the JSON Schema or the XSD of CJML",
		help:    "Print the JSON Schema or the XSD of CJML.",
		setup: func(c *command, fs *flag.FlagSet) func(*env, []string) int {
			return func(e *env, args []string) int {
				fmt.Fprintf(e.stderr, "cjml %s: not implemented yet\n", c.name)
				return exitFailure
			}
		},
	})
}
