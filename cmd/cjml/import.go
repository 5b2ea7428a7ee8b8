package main

import (
	"flag"
	"fmt"
)

// The import command is registered so that help lists the whole CLI of
// DESIGN.md; its implementation arrives with issue #4.
func init() {
	register(&command{
		name:    "import",
		args:    "--from csv|xes [flags] LOG",
		summary: "build actual journeys from an event log",
		help:    "Build actual journeys from an event log.",
		setup: func(c *command, fs *flag.FlagSet) func(*env, []string) int {
			return func(e *env, args []string) int {
				fmt.Fprintf(e.stderr, "cjml %s: not implemented yet\n", c.name)
				return exitFailure
			}
		},
	})
}
