package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"cjml.dev/cjml"
)

// Exit codes shared by all commands (validate and compare give 1 its own
// meaning: findings, or deviations).
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
	exitFailure  = 3
)

// A command is one subcommand of cjml. Each lives in its own file and
// registers itself in init.
type command struct {
	name    string
	args    string // synopsis after the name: "[flags] FILE..."
	summary string // one line for the command list
	help    string // the long description printed by "cjml help NAME"
	// setup defines the command's flags on fs and returns the function
	// that runs the command with the arguments left after the flags.
	setup func(c *command, fs *flag.FlagSet) func(e *env, args []string) int
}

// run parses the command's flags and runs it.
func (c *command) run(e *env, args []string) int {
	fs := c.flagSet()
	body := c.setup(c, fs)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		c.printHelp(e.stdout)
		return exitOK
	}
	if err != nil {
		return c.usageError(e, "%v", err)
	}
	return body(e, fs.Args())
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// order is the order of the command list in the help text.
var order = []string{"validate", "compare", "render", "convert", "fmt", "import", "schema", "version", "help"}

// env is what a command runs with: its streams, so that tests can run the
// whole CLI in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole CLI: it parses args, runs the command and returns the
// exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	case "-version", "--version":
		name = "version"
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "cjml: unknown command %q\nRun 'cjml help' for the list of commands.\n", name)
		return exitUsage
	}
	return c.run(e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprint(w, `cjml works with CJML customer journeys: planned journeys, actual journeys and
the gaps between them.

Usage:

	cjml <command> [flags] [arguments]

Commands:

`)
	for _, n := range order {
		if c, ok := commands[n]; ok {
			fmt.Fprintf(w, "	%-9s %s\n", c.name, c.summary)
		}
	}
	fmt.Fprint(w, `
Files are CJML 2.0 XML (.xml), or its YAML (.yaml, .yml) and JSON (.json)
form; "-" reads standard input and sniffs the format.

Exit codes: 0 success; 1 findings (validate) or deviations (compare);
2 usage error; 3 unreadable input or internal failure.

Run 'cjml help <command>' for details of a command.
`)
}

func init() {
	register(&command{
		name:    "help",
		args:    "[command]",
		summary: "show help for cjml or one command",
		help:    "Help prints the list of commands, or the usage of one command.",
		setup: func(_ *command, _ *flag.FlagSet) func(*env, []string) int {
			return func(e *env, args []string) int {
				if len(args) == 0 {
					usage(e.stdout)
					return exitOK
				}
				c, ok := commands[args[0]]
				if !ok {
					fmt.Fprintf(e.stderr, "cjml help: unknown command %q\n", args[0])
					return exitUsage
				}
				c.printHelp(e.stdout)
				return exitOK
			}
		},
	})
}

// flagSet returns a new flag set for the command. Flags print nothing by
// themselves; parse reports errors and help.
func (c *command) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("cjml "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// printHelp prints the command's usage and flags.
func (c *command) printHelp(w io.Writer) {
	fs := c.flagSet()
	c.setup(c, fs)
	fmt.Fprintf(w, "Usage: cjml %s %s\n\n%s\n", c.name, c.args, strings.TrimSpace(c.help))
	var flags []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) { flags = append(flags, f) })
	if len(flags) == 0 {
		return
	}
	sort.Slice(flags, func(i, j int) bool { return flags[i].Name < flags[j].Name })
	fmt.Fprint(w, "\nFlags:\n")
	for _, f := range flags {
		name, use := flag.UnquoteUsage(f)
		dash := "-"
		if len(f.Name) > 1 {
			dash = "--"
		}
		line := "  " + dash + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, use)
		if f.DefValue != "" && f.DefValue != "false" {
			fmt.Fprintf(w, " (default %q)", f.DefValue)
		}
		fmt.Fprintln(w)
	}
}

// usageError reports a usage error and returns exitUsage.
func (c *command) usageError(e *env, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "cjml %s: %s\nRun 'cjml help %s' for usage.\n", c.name, fmt.Sprintf(format, args...), c.name)
	return exitUsage
}

// readDoc reads a document from a file or, for "-", from standard input.
func (e *env) readDoc(path string, opt cjml.ReadOptions) (*cjml.Document, cjml.Diagnostics) {
	if path == "-" {
		return cjml.Read(e.stdin, "-", opt)
	}
	return cjml.ReadFile(path, opt)
}

// printDiags prints diagnostics in the text format, sorted.
func printDiags(w io.Writer, ds cjml.Diagnostics) {
	for _, d := range ds.Sort() {
		fmt.Fprintln(w, d.String())
	}
}

// writeOutput writes data to path atomically, or to standard output for ""
// and "-". It refuses to overwrite any of the inputs.
func (e *env) writeOutput(path string, data []byte, inputs ...string) error {
	return e.streamOutput(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}, inputs...)
}

// streamOutput is writeOutput for output written as it is made: write
// streams to standard output, or into the temporary file that atomically
// replaces path.
func (e *env) streamOutput(path string, write func(io.Writer) error, inputs ...string) error {
	if path == "" || path == "-" {
		return write(e.stdout)
	}
	if out, err := os.Stat(path); err == nil {
		for _, in := range inputs {
			if in == "-" {
				continue
			}
			if st, err := os.Stat(in); err == nil && os.SameFile(st, out) {
				return fmt.Errorf("refusing to overwrite the input %s; write elsewhere (or use cjml fmt -w to rewrite a file in place)", in)
			}
		}
	}
	if dir := filepath.Dir(path); dir != "" {
		if _, err := os.Stat(dir); err != nil {
			return fmt.Errorf("cannot write %s: %w", path, errors.Unwrap(err))
		}
	}
	return cjml.WriteFileAtomicFunc(path, write)
}

// sameBytes reports whether a file already holds data.
func sameBytes(path string, data []byte) bool {
	b, err := os.ReadFile(path)
	return err == nil && bytes.Equal(b, data)
}

// errorf prints an error of the command to standard error.
func (e *env) errorf(c *command, format string, args ...any) {
	fmt.Fprintf(e.stderr, "cjml %s: %s\n", c.name, fmt.Sprintf(format, args...))
}
