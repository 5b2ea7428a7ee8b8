package main

import (
	"flag"
	"fmt"
)

// The compare command is registered so that help lists the whole CLI of
// DESIGN.md; its implementation arrives with issue #4.
func init() {
	register(&command{
		name:    "compare",
		args:    "[flags] FILE...",
		summary: "compare actual journeys with their planned journey",
		help:    "Compare actual journeys with their planned journey.",
		setup: func(c *command, fs *flag.FlagSet) func(*env, []string) int {
			return func(e *env, args []string) int {
				fmt.Fprintf(e.stderr, "cjml %s: not implemented yet\n", c.name)
				return exitFailure
			}
		},
	})
}
