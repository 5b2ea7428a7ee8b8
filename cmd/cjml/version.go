package main

import (
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the module's build information.
var version = ""

func init() {
	register(&command{
		name:    "version",
		args:    "",
		summary: "print the version of cjml",
		help:    "Version prints the version of cjml and of the Go toolchain that built it.",
		setup: func(c *command, fs *flag.FlagSet) func(*env, []string) int {
			return func(e *env, args []string) int {
				if len(args) != 0 {
					return c.usageError(e, "version takes no arguments")
				}
				fmt.Fprintf(e.stdout, "cjml %s (%s, CJML 2.0)\n", buildVersion(), runtime.Version())
				return exitOK
			}
		},
	})
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
