package main

import (
	"flag"

	"cjml.dev/cjml"
)

func init() {
	register(&command{
		name:    "convert",
		args:    "--to xml|yaml|json [-o OUT] FILE",
		summary: "convert a document between CJML XML, YAML and JSON",
		help: `Convert reads a CJML document in any of its three syntaxes and writes it in
the one named by --to (or by the extension of -o). The YAML and JSON forms
use the XML names one to one, so XML → YAML → XML gives back the same
document, unknown elements included.

The output goes to standard output, or, with -o, to a file written
atomically. Convert never overwrites its input.`,
		setup: func(c *command, fs *flag.FlagSet) func(*env, []string) int {
			to := fs.String("to", "", "output `format`: xml, yaml or json (default: from the extension of -o)")
			out := fs.String("o", "", "write to `file` instead of standard output")
			return func(e *env, args []string) int {
				if len(args) != 1 {
					return c.usageError(e, "want exactly one input file (or - for standard input), got %d", len(args))
				}
				var f cjml.Format
				switch {
				case *to != "":
					var err error
					if f, err = cjml.ParseFormat(*to); err != nil {
						return c.usageError(e, "%v", err)
					}
				case *out != "" && *out != "-" && cjml.FormatOf(*out) != cjml.FormatAuto:
					f = cjml.FormatOf(*out)
				default:
					return c.usageError(e, "say which format to write with --to xml|yaml|json")
				}
				doc, diags := e.readDoc(args[0], cjml.ReadOptions{})
				printDiags(e.stderr, diags)
				if doc == nil || diags.HasErrors() {
					return exitFailure
				}
				b, err := doc.Marshal(f)
				if err != nil {
					e.errorf(c, "%s: %v", args[0], err)
					return exitFailure
				}
				if err := e.writeOutput(*out, b, args[0]); err != nil {
					e.errorf(c, "%v", err)
					return exitFailure
				}
				return exitOK
			}
		},
	})
}
