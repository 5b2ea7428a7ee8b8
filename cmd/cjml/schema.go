package main

import (
	"flag"

	"cjml.dev/schema"
)

func init() {
	register(&command{
		name:    "schema",
		args:    "[--format json|xsd] [-o OUT]",
		summary: "print the JSON Schema or the XSD of CJML",
		help: `Schema prints one of the two schemas cjml embeds:

  json  the JSON Schema (draft 2020-12) of the YAML/JSON form, the one
        cjml validate checks every document against (default);
  xsd   an XML Schema of the XML form, for XML tools:
        xmllint --noout --schema cjml.xsd FILE.xml

SINTEF's official CJML 2.0 XSD is not public: both are this project's
reconstruction, generated from one description so that they agree
(docs/schema.md says what each checks and where they differ).

The output goes to standard output, or, with -o, to a file written
atomically.`,
		setup: func(c *command, fs *flag.FlagSet) func(*env, []string) int {
			format := fs.String("format", "json", "which schema: `json` or xsd")
			out := fs.String("o", "", "write to `file` instead of standard output")
			return func(e *env, args []string) int {
				if len(args) != 0 {
					return c.usageError(e, "schema takes no arguments, got %d", len(args))
				}
				var b []byte
				switch *format {
				case "json":
					b = schema.JSON
				case "xsd":
					b = schema.XSD
				default:
					return c.usageError(e, "unknown --format %q; want json or xsd", *format)
				}
				if err := e.writeOutput(*out, b); err != nil {
					e.errorf(c, "%v", err)
					return exitFailure
				}
				return exitOK
			}
		},
	})
}
