package main

import (
	"flag"
	"fmt"
)

// The render command is registered so that help lists the whole CLI of
// DESIGN.md; its implementation arrives with issue #5.
func init() {
	register(&command{
		name:    "render",
		args:    "[flags] FILE",
		summary: "draw a swimlane, journey or deviation diagram as SVG",
		help:    "Draw a swimlane, journey or deviation diagram as SVG.",
		setup: func(c *command, fs *flag.FlagSet) func(*env, []string) int {
			return func(e *env, args []string) int {
				fmt.Fprintf(e.stderr, "cjml %s: not implemented yet\n", c.name)
				return exitFailure
			}
		},
	})
}
