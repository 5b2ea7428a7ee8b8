package main

import (
	"flag"
	"fmt"

	"cjml.dev/cjml"
)

func init() {
	register(&command{
		name:    "fmt",
		args:    "[-w | -l] FILE...",
		summary: "rewrite documents in canonical form",
		help: `Fmt rewrites each document in the canonical form of its own syntax: CJML 2.0
element names and order, two-space indentation, trimmed values. Content the
model does not know (extension elements and attributes, comments) is kept.

Without flags the result is printed to standard output. With -w each file
is rewritten in place (atomically, and only when it changes). With -l the
names of the files whose formatting differs are printed, and the exit code
is 1 when there are any, so that CI can check formatting.

A file that cannot be read without errors is never rewritten.`,
		setup: func(c *command, fs *flag.FlagSet) func(*env, []string) int {
			write := fs.Bool("w", false, "rewrite the files in place")
			list := fs.Bool("l", false, "list files whose formatting differs; exit 1 if any")
			return func(e *env, args []string) int {
				if len(args) == 0 {
					return c.usageError(e, "no input files")
				}
				if *write && *list {
					return c.usageError(e, "-w and -l do not go together")
				}
				code, differ := exitOK, false
				for _, path := range args {
					if path == "-" && *write {
						return c.usageError(e, "-w cannot rewrite standard input")
					}
					doc, diags := e.readDoc(path, cjml.ReadOptions{})
					printDiags(e.stderr, diags)
					if doc == nil || diags.HasErrors() {
						code = exitFailure
						continue
					}
					f := cjml.FormatOf(path)
					if f == cjml.FormatAuto {
						f = cjml.Sniff([]byte(doc.Source.Text))
					}
					b, err := doc.Marshal(f)
					if err != nil {
						e.errorf(c, "%s: %v", path, err)
						code = exitFailure
						continue
					}
					same := path != "-" && sameBytes(path, b)
					switch {
					case *list:
						if !same {
							fmt.Fprintln(e.stdout, path)
							differ = true
						}
					case *write:
						if !same {
							if err := cjml.WriteFileAtomic(path, b); err != nil {
								e.errorf(c, "%v", err)
								code = exitFailure
							}
						}
					default:
						e.stdout.Write(b)
					}
				}
				if code == exitOK && differ {
					return exitFindings
				}
				return code
			}
		},
	})
}
