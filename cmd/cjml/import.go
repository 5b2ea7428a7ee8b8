package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"cjml.dev/cjml"
	"cjml.dev/cjml/eventlog"
)

func init() {
	register(&command{
		name:    "import",
		args:    "[--from csv|xes] [--mapping FILE] [flags] [-o OUT] LOG",
		summary: "build actual journeys from an event log (CSV, XES)",
		help: `Import reads an event log exported from a CRM, ticketing or web system and
writes one actual journey per case. A CSV log has a header line and one
row per event; an XES log (IEEE 1849) has one trace per case and is read as
a stream, one trace at a time. The format comes from --from, else from the
extension (.csv, .tsv, .txt; .xes), else from the content; gzip-compressed
logs (.xes.gz) are read as well.

Columns are found by their usual names (case, activity, timestamp,
initiator, receiver, channel, ...; in XES concept:name, time:timestamp,
org:resource, lifecycle:transition). Name them with a mapping file
(--mapping) or with the flags below, which win over the file. An event
with one actor becomes an action, one with an initiator and a receiver a
communication point. Events of a case are sorted by time, stably.

Every event is imported or reported: an event that cannot be imported is
skipped with a message naming the file, line and column, and counted in
the summary printed last on standard error. See docs/import.md.

The output is CJML XML on standard output, or the format of --to or of the
extension of -o (written atomically).

Exit codes: 0 every event imported; 1 some events skipped (the journeys
are still written); 2 usage error or a wrong mapping; 3 unreadable log.`,
		setup: func(c *command, fs *flag.FlagSet) func(*env, []string) int {
			from := fs.String("from", "", "log `format`: csv or xes (default: from the extension or content)")
			mapping := fs.String("mapping", "", "YAML mapping `file` naming the columns and actors")
			out := fs.String("o", "", "write to `file` instead of standard output")
			to := fs.String("to", "", "output `format`: xml, yaml or json (default: from the extension of -o, else xml)")
			plannedRef := fs.String("planned-ref", "", "plannedReference `ID` of every imported journey")
			delim := fs.String("delimiter", "", "CSV field `separator`: one character or \"tab\" (default: sniffed from the header: , ; or tab)")
			var endUsers []string
			fs.Func("end-user", "actor `value` that is the end user (repeatable; default Customer, User, Client, ...)", func(s string) error {
				endUsers = append(endUsers, s)
				return nil
			})
			actors := map[string]string{}
			fs.Func("actor", "map an actor `value=ID` (repeatable), to reuse the planned journey's actor IDs", func(s string) error {
				v, id, ok := strings.Cut(s, "=")
				if !ok || strings.TrimSpace(v) == "" || strings.TrimSpace(id) == "" {
					return fmt.Errorf("want VALUE=ID, got %q", s)
				}
				actors[strings.TrimSpace(v)] = strings.TrimSpace(id)
				return nil
			})
			cols := map[eventlog.Role]*string{}
			for _, r := range eventlog.Roles() {
				cols[r] = fs.String(r.FlagName(), "", fmt.Sprintf("`column` (XES: attribute key) of the %s", importRoleHelp[r]))
			}
			return func(e *env, args []string) int {
				if len(args) != 1 {
					return c.usageError(e, "want exactly one log file (or - for standard input), got %d", len(args))
				}
				path := args[0]
				opt := eventlog.Options{}
				if *from != "" {
					f, err := eventlog.ParseFormat(*from)
					if err != nil {
						return c.usageError(e, "%v", err)
					}
					opt.Format = f
				}
				outFormat := cjml.XML
				switch {
				case *to != "":
					f, err := cjml.ParseFormat(*to)
					if err != nil {
						return c.usageError(e, "%v", err)
					}
					outFormat = f
				case *out != "" && *out != "-" && cjml.FormatOf(*out) != cjml.FormatAuto:
					outFormat = cjml.FormatOf(*out)
				}

				m := &eventlog.Mapping{}
				if *mapping != "" {
					b, err := os.ReadFile(*mapping)
					if err != nil {
						return c.usageError(e, "cannot read the mapping: %v", err)
					}
					var diags cjml.Diagnostics
					m, diags = eventlog.ParseMapping(*mapping, b)
					if diags.HasErrors() {
						printDiags(e.stderr, diags)
						return exitUsage
					}
				}
				for r, v := range cols {
					if *v != "" {
						m.Set(r, *v)
					}
				}
				if len(endUsers) > 0 {
					m.EndUser = endUsers
				}
				if len(actors) > 0 {
					if m.Actors == nil {
						m.Actors = map[string]string{}
					}
					for v, id := range actors {
						m.Actors[v] = id
					}
				}
				if *plannedRef != "" {
					m.PlannedReference = *plannedRef
				}
				if *delim != "" {
					d, err := eventlog.ParseDelimiter(*delim)
					if err != nil {
						return c.usageError(e, "%v", err)
					}
					m.Delimiter = d
				}
				opt.Mapping = m

				var r io.Reader = e.stdin
				name := path
				if path != "-" {
					f, err := os.Open(path)
					if err == nil {
						if st, serr := f.Stat(); serr == nil && st.IsDir() {
							f.Close()
							err = fmt.Errorf("is a directory")
						}
					}
					if err != nil {
						printDiags(e.stderr, cjml.Diagnostics{{Severity: cjml.Error, Code: eventlog.CodeSyntax,
							Pos: cjml.Position{File: path}, Message: "cannot read: " + importErrText(err)}})
						return exitFailure
					}
					defer f.Close()
					r = f
				}
				doc, st, diags := eventlog.Import(r, name, opt)
				printDiags(e.stderr, diags)
				if doc == nil {
					if eventlog.IsUsage(diags) {
						return exitUsage
					}
					return exitFailure
				}
				b, err := doc.Marshal(outFormat)
				if err != nil {
					e.errorf(c, "%v", err)
					return exitFailure
				}
				if err := e.writeOutput(*out, b, path); err != nil {
					e.errorf(c, "%v", err)
					return exitFailure
				}
				fmt.Fprintln(e.stderr, st.String())
				if st.Skipped > 0 {
					return exitFindings
				}
				return exitOK
			}
		},
	})
}

// importErrText is err's message without the path, which the diagnostic names.
func importErrText(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// importRoleHelp says what each role's column holds, for the flags' help.
var importRoleHelp = map[eventlog.Role]string{
	eventlog.Case:          "case: one actual journey per value (journeyID)",
	eventlog.Activity:      "activity: what the initiator does (initiatorLabel)",
	eventlog.ReceiverLabel: "receiverLabel: what the receiver does or gets",
	eventlog.Time:          "timestamp",
	eventlog.Initiator:     "initiator: the actor who acts or sends",
	eventlog.Receiver:      "receiver: the actor who receives (empty for actions)",
	eventlog.Channel:       "channel (channelName)",
	eventlog.Kind:          "kind: action or communication (default: by the receiver)",
	eventlog.Compliance:    "compliance: completed, failing, adhoc, missing",
	eventlog.Rating:        "experience rating, 1 to 5",
	eventlog.Experience:    "experience description",
	eventlog.Phase:         "phase (phaseIDref)",
	eventlog.Touchpoint:    "touchpointID (default: E1, E2, ...)",
	eventlog.Lifecycle:     "lifecycle transition: start, complete, ...",
	eventlog.Message:       "message",
	eventlog.Comment:       "comment",
	eventlog.EndUserName:   "end user's name (actorName)",
}
