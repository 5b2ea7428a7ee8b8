package main

import (
	"flag"
	"fmt"
	"strings"

	"cjml.dev/cjml"
	"cjml.dev/validate"
)

func init() {
	register(&command{
		name:    "validate",
		args:    "[--format text|json|sarif|junit|github] [--fail-on error|warning] [--strict] FILE...",
		summary: "check documents against the schema and the rules of CJML",
		help: `
Validate checks CJML documents (XML, YAML or JSON; "-" reads standard input)
against the structure of CJML and the rules of the language, and prints one
finding per line:

	file:line:col: severity: message [code]

Every code is explained, with an example, in docs/rules.md. The other
formats are for CI: json ({"version":1,"diagnostics":[…]}), sarif (SARIF
2.1.0, for code scanning), junit (JUnit XML) and github (workflow commands
that GitHub Actions shows as annotations).

--strict reports references that resolve only by a lenient reading (an actor
referred to by its name instead of its ID) as errors.

Exit status: 0 when no finding is at or above --fail-on, 1 when one is,
2 for a usage error, 3 when an input cannot be read.`,
		setup: func(c *command, fs *flag.FlagSet) func(*env, []string) int {
			format := fs.String("format", "text", "output `format`: text, json, sarif, junit or github")
			failOn := fs.String("fail-on", "error", "lowest `severity` that fails the run: error or warning")
			strict := fs.Bool("strict", false, "report lenient actor resolutions as errors")
			return func(e *env, args []string) int {
				f, err := validate.ParseFormat(*format)
				if err != nil {
					return c.usageError(e, "%v", err)
				}
				sev, err := cjml.ParseSeverity(*failOn)
				if err != nil || sev == cjml.Info {
					return c.usageError(e, "--fail-on must be error or warning, not %q", *failOn)
				}
				if len(args) == 0 {
					return c.usageError(e, "no files to validate")
				}
				stdin := 0
				for _, a := range args {
					if a == "-" {
						stdin++
					}
				}
				if stdin > 1 {
					return c.usageError(e, "standard input (-) can be validated only once")
				}
				if err := validate.Ready(); err != nil {
					e.errorf(c, "internal error: %v", err)
					return exitFailure
				}
				opt := validate.Options{Strict: *strict}
				r := &validate.Report{Files: args, FailOn: sev}
				unreadable := false
				for _, path := range args {
					var ds cjml.Diagnostics
					if path == "-" {
						ds = validate.Reader(e.stdin, "-", opt)
					} else {
						ds = validate.File(path, opt)
					}
					for _, d := range ds {
						if d.Code == cjml.CodeIO {
							unreadable = true
							e.errorf(c, "%s: %s", path, d.Message)
						}
					}
					r.Diagnostics = append(r.Diagnostics, ds...)
				}
				r.Diagnostics = r.Diagnostics.Sort()
				if err := r.Write(e.stdout, f); err != nil {
					e.errorf(c, "%v", err)
					return exitFailure
				}
				if f == validate.Text && len(r.Diagnostics) > 0 {
					fmt.Fprintln(e.stderr, summary(r.Diagnostics, len(args)))
				}
				switch {
				case unreadable:
					return exitFailure
				case r.Failed():
					return exitFindings
				}
				return exitOK
			}
		},
	})
}

// summary counts the findings: "2 errors, 1 warning in 3 files".
func summary(ds cjml.Diagnostics, files int) string {
	var parts []string
	for _, s := range []cjml.Severity{cjml.Error, cjml.Warning, cjml.Info} {
		n := 0
		for _, d := range ds {
			if d.Severity == s {
				n++
			}
		}
		if n > 0 {
			parts = append(parts, plural(n, s.String()))
		}
	}
	return strings.Join(parts, ", ") + " in " + plural(files, "file")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	if what == "info" {
		return fmt.Sprintf("%d info", n)
	}
	return fmt.Sprintf("%d %ss", n, what)
}
