package main

import (
	"flag"
	"fmt"
)

// The validate command is registered so that help lists the whole CLI of
// DESIGN.md; its implementation arrives with issue #3.
func init() {
	register(&command{
		name:    "validate",
		args:    "[flags] FILE...",
		summary: "check documents against the schema and the rules of CJML",
		help:    "Check documents against the schema and the rules of CJML.",
		setup: func(c *command, fs *flag.FlagSet) func(*env, []string) int {
			return func(e *env, args []string) int {
				fmt.Fprintf(e.stderr, "cjml %s: not implemented yet\n", c.name)
				return exitFailure
			}
		},
	})
}
