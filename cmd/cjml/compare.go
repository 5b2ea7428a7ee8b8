package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"cjml.dev/cjml"
	"cjml.dev/compare"
)

func init() {
	register(&command{
		name:    "compare",
		args:    "[flags] FILE...",
		summary: "compare actual journeys with their planned journey",
		help: `Compare aligns every actual journey in the files with its planned journey
and reports each step as completed, missing, adhoc, failing or irregular,
with the attributes that differ (channel, initiator, receiver, kind, label),
late touchpoints, the journey's fitness (1 − cost/worst cost), and a summary
across all journeys: conforming journeys, mean fitness, what happened to each
planned touchpoint, the most frequent ad hoc touchpoints and the most common
variants.

An actual journey's plan is the planned journey its plannedReference names,
in its own file or in another file given; --planned FILE[#cmpJourneyID] compares
every actual journey with that planned journey instead.

Formats: text (a table per journey and the summary), json, csv (one row per
step) and cjml (the actual journeys annotated with compliance values, as
CJML XML that cjml render --view deviation draws).

Exit codes: 0 every actual journey conforms; 1 at least one deviates;
2 usage error; 3 unreadable input, or an actual journey without a plan.
See docs/compare.md for the algorithm and its costs.`,
		setup: func(c *command, fs *flag.FlagSet) func(*env, []string) int {
			planned := fs.String("planned", "", "compare every actual journey with this planned journey: FILE or FILE#cmpJourneyID")
			format := fs.String("format", "text", "output format: text, json, csv or cjml")
			ignoreIDs := fs.Bool("ignore-ids", false, "align by content only, not by shared touchpoint IDs")
			ignoreCompliance := fs.Bool("ignore-compliance", false, "compute every status, disregarding compliance values in the actual journeys")
			threshold := fs.Int("threshold", compare.DefaultThreshold, "highest cost of a pair that still counts as a match")
			tolerance := fs.Duration("tolerance", 0, "how much later than planned a touchpoint may be before it is late (e.g. 2h)")
			allDiags := fs.Bool("diagnostics", false, "also print every deviation to standard error as file:line:col: severity: message [code]")
			summaryOnly := fs.Bool("summary", false, "print only the statistics across journeys (text and json)")
			return func(e *env, args []string) int {
				switch *format {
				case "text", "json", "csv", "cjml":
				default:
					return c.usageError(e, "unknown format %q (want text, json, csv or cjml)", *format)
				}
				if len(args) == 0 {
					return c.usageError(e, "no input files")
				}
				opt := compare.Options{IgnoreIDs: *ignoreIDs, IgnoreCompliance: *ignoreCompliance,
					Threshold: *threshold, TimeTolerance: *tolerance}
				if *threshold == 0 {
					opt.Threshold = -1
				}
				if *tolerance < 0 {
					return c.usageError(e, "--tolerance must not be negative")
				}
				if *summaryOnly && (*format == "csv" || *format == "cjml") {
					return c.usageError(e, "--summary goes with --format text or json, not %s", *format)
				}
				return cmpRunCompare(c, e, *planned, *format, opt, *allDiags, *summaryOnly, args)
			}
		},
	})
}

func cmpRunCompare(c *command, e *env, plannedArg, format string, opt compare.Options, allDiags, summaryOnly bool, files []string) int {
	var planned *cjml.Journey
	var plannedDoc *cjml.Document
	stdin := 0
	for _, f := range append([]string{strings.SplitN(plannedArg, "#", 2)[0]}, files...) {
		if f == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return c.usageError(e, "standard input (-) can be read only once")
	}
	if plannedArg != "" {
		path, id := plannedArg, ""
		if i := strings.LastIndexByte(plannedArg, '#'); i >= 0 {
			path, id = plannedArg[:i], strings.TrimSpace(plannedArg[i+1:])
		}
		doc, diags := e.readDoc(path, cjml.ReadOptions{})
		if doc == nil || diags.HasErrors() {
			cmpPrintErrors(e.stderr, diags)
			return exitFailure
		}
		var plans []*cjml.Journey
		for _, j := range doc.Journeys {
			if j.Kind == cjml.Planned && (id == "" || j.ID == id) {
				plans = append(plans, j)
			}
		}
		switch {
		case len(plans) == 0 && id != "":
			return c.usageError(e, "%s has no planned journey %q", path, id)
		case len(plans) == 0:
			e.errorf(c, "%s has no planned journey", path)
			return exitFailure
		case len(plans) > 1 && id == "":
			ids := make([]string, len(plans))
			for i, p := range plans {
				ids[i] = p.ID
			}
			return c.usageError(e, "%s has %d planned journeys (%s); choose one with %s#ID", path, len(plans), strings.Join(ids, ", "), path)
		}
		planned, plannedDoc = plans[0], doc
	}

	docs := make([]*cjml.Document, 0, len(files))
	failed := false
	for _, f := range files {
		doc, diags := e.readDoc(f, cjml.ReadOptions{})
		if doc == nil || diags.HasErrors() {
			cmpPrintErrors(e.stderr, diags)
			failed = true
			continue
		}
		docs = append(docs, doc)
	}
	if failed {
		return exitFailure
	}
	pairs, diags := compare.Pairs(planned, plannedDoc, docs...)
	printDiags(e.stderr, diags)
	if len(pairs) == 0 {
		if len(diags) == 0 {
			e.errorf(c, "no actual journeys to compare in %s", strings.Join(files, ", "))
		}
		return exitFailure
	}

	w := bufio.NewWriterSize(e.stdout, 64<<10)
	var out cmpReportWriter
	switch format {
	case "json":
		out = &cmpJsonReport{w: w}
	case "csv":
		out = cmpNewCSVReport(w)
	case "cjml":
		out = &cmpCjmlReport{w: w}
	default:
		out = &cmpTextReport{w: w}
	}
	var stats compare.Stats
	deviates := false
	var notes cjml.Diagnostics
	run := compare.Stream // the reports keep nothing of a result but the annotated document
	if format == "cjml" {
		run = compare.Run
	}
	run(pairs, opt, 0, func(i int, r *compare.Result) {
		stats.Add(r)
		if !r.Conforms {
			deviates = true
		}
		if allDiags || len(r.Notes) > 0 {
			for _, d := range pairs[i].Diagnostics(r) {
				if allDiags || cmpIsNoteCode(d.Code) {
					notes = append(notes, d)
				}
			}
		}
		if !summaryOnly {
			out.journey(&pairs[i], r)
		}
	})
	err := out.finish(stats.Summary())
	if err == nil {
		err = w.Flush()
	}
	printDiags(e.stderr, notes)
	if err != nil {
		e.errorf(c, "%v", err)
		return exitFailure
	}
	switch {
	case len(diags) > 0:
		return exitFailure
	case deviates:
		return exitFindings
	}
	return exitOK
}

// cmpIsNoteCode reports whether a code is about the input rather than a
// deviation (deviations are in the report itself).
func cmpIsNoteCode(code string) bool {
	switch code {
	case compare.CodeMissing, compare.CodeAdHoc, compare.CodeFailing, compare.CodeIrregular, compare.CodeChanged, compare.CodeLate:
		return false
	}
	return true
}

// cmpPrintErrors prints the errors among diags (reading warnings about
// producers' quirks are the business of cjml validate).
func cmpPrintErrors(w io.Writer, diags cjml.Diagnostics) {
	var errs cjml.Diagnostics
	for _, d := range diags {
		if d.Severity == cjml.Error {
			errs = append(errs, d)
		}
	}
	printDiags(w, errs)
}

// A cmpReportWriter writes the results of cjml compare as they come, in
// order, and then the summary.
type cmpReportWriter interface {
	journey(p *compare.Pair, r *compare.Result)
	finish(s *compare.Summary) error
}

func cmpJourneyID(j *cjml.Journey) string {
	if j == nil {
		return ""
	}
	return j.ID
}

func cmpRound4(f float64) float64 { return math.Round(f*1e4) / 1e4 }

func cmpFmtFloat(f float64) string { return strconv.FormatFloat(cmpRound4(f), 'f', -1, 64) }

// cmpWhere returns "file:line" of a step: the actual touchpoint, its
// placeholder, or the planned touchpoint of a missing step.
func cmpWhere(p *compare.Pair, s *compare.Step) string {
	var doc *cjml.Document
	var pos cjml.Pos
	switch {
	case s.Actual != nil:
		doc, pos = p.ActualDoc, s.Actual.Origin.Pos
	case s.Placeholder != nil:
		doc, pos = p.ActualDoc, s.Placeholder.Origin.Pos
	case s.Planned != nil:
		doc, pos = p.PlannedDoc, s.Planned.Origin.Pos
	}
	if doc == nil || doc.Source == nil || !pos.IsValid() {
		return ""
	}
	ps := doc.Source.Position(pos)
	return ps.File + ":" + strconv.Itoa(ps.Line)
}

func cmpStepLabel(s *compare.Step) string {
	switch {
	case s.Actual != nil:
		return s.Actual.Label()
	case s.Placeholder != nil:
		return s.Placeholder.Label()
	case s.Planned != nil:
		return s.Planned.Label()
	}
	return ""
}

func cmpStepIDs(s *compare.Step) (planned, actual string) {
	if s.Planned != nil {
		planned = s.Planned.ID
	}
	if s.Actual != nil {
		actual = s.Actual.ID
	}
	return
}

func cmpLateText(s *compare.Step) string {
	if s.Late == nil {
		return ""
	}
	return fmt.Sprintf("%s after %s (%s)", compare.FormatDuration(s.Late.Actual), compare.FormatDuration(s.Late.Expected), s.Late.Rule)
}

func cmpTruncate(s string, n int) string {
	if len(s) <= n && !strings.ContainsAny(s, "\t\n\r") && !strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func cmpOrDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// cmpTextReport writes a table per journey and the summary.
type cmpTextReport struct {
	w    *bufio.Writer
	n    int
	err  error
	rows [][7]string
}

var cmpStatusCell = map[compare.Status]string{}

func init() {
	for _, st := range compare.Statuses {
		cmpStatusCell[st] = "  " + string(st)
	}
}

func (t *cmpTextReport) journey(p *compare.Pair, r *compare.Result) {
	w := t.w
	if t.n > 0 {
		w.WriteByte('\n')
	}
	t.n++
	verdict := "conforms"
	if !r.Conforms {
		verdict = "deviates"
	}
	w.WriteString(cmpJourneyID(r.Actual))
	w.WriteString(" against ")
	w.WriteString(cmpJourneyID(r.Planned))
	w.WriteString(": ")
	w.WriteString(verdict)
	w.WriteString(", fitness ")
	w.WriteString(cmpFmtFloat(r.Fitness))
	if r.Late > 0 {
		fmt.Fprintf(w, ", %d late", r.Late)
	}
	w.WriteByte('\n')
	// The step table, its columns as wide as their widest cell plus two
	// spaces (the last column unpadded).
	t.rows = append(t.rows[:0], [7]string{"  status", "planned", "actual", "label", "differences", "late", "at"})
	for k := range r.Steps {
		s := &r.Steps[k]
		pid, aid := cmpStepIDs(s)
		diffs := "-"
		switch len(s.Differences) {
		case 0:
		case 1:
			diffs = s.Differences[0]
		default:
			diffs = strings.Join(s.Differences, ",")
		}
		t.rows = append(t.rows, [7]string{cmpStatusCell[s.Status], cmpOrDash(pid), cmpOrDash(aid), cmpTruncate(cmpStepLabel(s), 44),
			diffs, cmpOrDash(cmpLateText(s)), cmpWhere(p, s)})
	}
	var width [6]int
	for _, row := range t.rows {
		for c := range width {
			width[c] = max(width[c], utf8.RuneCountInString(row[c]))
		}
	}
	for _, row := range t.rows {
		for c := range width {
			w.WriteString(row[c])
			for pad := width[c] + 2 - utf8.RuneCountInString(row[c]); pad > 0; pad-- {
				w.WriteByte(' ')
			}
		}
		w.WriteString(row[6])
		w.WriteByte('\n')
	}
	c := r.Counts
	fmt.Fprintf(w, "  %d completed, %d missing, %d adhoc, %d failing, %d irregular\n", c.Completed, c.Missing, c.AdHoc, c.Failing, c.Irregular)
}

func (t *cmpTextReport) finish(s *compare.Summary) error {
	if t.err != nil {
		return t.err
	}
	share := 100 * s.ConformingShare()
	if t.n > 0 {
		t.w.WriteByte('\n')
	}
	fmt.Fprintf(t.w, "Summary: %d journeys, %d conforming (%.1f%%), mean fitness %s, %d late steps\n",
		s.Journeys, s.Conforming, share, cmpFmtFloat(s.MeanFitness), s.Late)
	tw := tabwriter.NewWriter(t.w, 0, 8, 2, ' ', 0)
	if len(s.Touchpoints) > 0 {
		fmt.Fprintln(tw, "\nPlanned touchpoints:")
		fmt.Fprintln(tw, "  plan\tplanned\tcompleted\tmissing\tfailing\tirregular\tlate\tlabel")
		for _, tp := range s.Touchpoints {
			fmt.Fprintf(tw, "  %s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\n", tp.Journey, tp.Planned, tp.Completed, tp.Missing, tp.Failing, tp.Irregular, tp.Late, cmpTruncate(tp.Label, 44))
		}
	}
	if len(s.AdHoc) > 0 {
		fmt.Fprintln(tw, "\nMost frequent ad hoc touchpoints:")
		fmt.Fprintln(tw, "  count\tinitiator\treceiver\tchannel\tlabel")
		for _, g := range s.AdHoc {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\n", g.Count, cmpOrDash(g.Initiator), cmpOrDash(g.Receiver), cmpOrDash(g.Channel), cmpTruncate(g.Label, 44))
		}
	}
	if len(s.Variants) > 0 {
		fmt.Fprintln(tw, "\nMost common variants (-missing +adhoc ~irregular !failing):")
		fmt.Fprintln(tw, "  count\tvariant")
		for _, v := range s.Variants {
			fmt.Fprintf(tw, "  %d\t%s\n", v.Count, cmpOrDash(v.Key))
		}
	}
	return tw.Flush()
}

// cmpJsonReport writes the JSON of DESIGN.md, one journey per line.
type cmpJsonReport struct {
	w   *bufio.Writer
	n   int
	buf []byte
}

func cmpAppendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func cmpAppendJSONID(b []byte, present bool, id string) []byte {
	if !present {
		return append(b, "null"...)
	}
	return cmpAppendJSONString(b, id)
}

func cmpAppendCount(b []byte, key string, n int, comma bool) []byte {
	if comma {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, key...)
	b = append(b, '"', ':')
	return strconv.AppendInt(b, int64(n), 10)
}

func (j *cmpJsonReport) journey(_ *compare.Pair, r *compare.Result) {
	b := j.buf[:0]
	if j.n == 0 {
		b = append(b, "{\"version\":1,\n \"journeys\":[\n  "...)
	} else {
		b = append(b, ",\n  "...)
	}
	j.n++
	b = append(b, `{"actual":`...)
	b = cmpAppendJSONID(b, r.Actual != nil, cmpJourneyID(r.Actual))
	b = append(b, `,"planned":`...)
	b = cmpAppendJSONID(b, r.Planned != nil, cmpJourneyID(r.Planned))
	b = append(b, `,"conforms":`...)
	b = strconv.AppendBool(b, r.Conforms)
	b = append(b, `,"fitness":`...)
	b = strconv.AppendFloat(b, cmpRound4(r.Fitness), 'f', -1, 64)
	b = append(b, `,"steps":[`...)
	for k := range r.Steps {
		s := &r.Steps[k]
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"status":"`...)
		b = append(b, s.Status...)
		b = append(b, `","planned":`...)
		pid, aid := cmpStepIDs(s)
		b = cmpAppendJSONID(b, s.Planned != nil, pid)
		b = append(b, `,"actual":`...)
		b = cmpAppendJSONID(b, s.Actual != nil, aid)
		b = append(b, `,"differences":[`...)
		for x, d := range s.Differences {
			if x > 0 {
				b = append(b, ',')
			}
			b = cmpAppendJSONString(b, d)
		}
		b = append(b, ']')
		if s.Late != nil {
			b = append(b, `,"late":{"rule":`...)
			b = cmpAppendJSONString(b, s.Late.Rule)
			b = append(b, `,"expectedSeconds":`...)
			b = strconv.AppendFloat(b, s.Late.Expected.Seconds(), 'f', -1, 64)
			b = append(b, `,"actualSeconds":`...)
			b = strconv.AppendFloat(b, s.Late.Actual.Seconds(), 'f', -1, 64)
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	c := r.Counts
	b = append(b, `],"counts":{`...)
	b = cmpAppendCount(b, "completed", c.Completed, false)
	b = cmpAppendCount(b, "missing", c.Missing, true)
	b = cmpAppendCount(b, "adhoc", c.AdHoc, true)
	b = cmpAppendCount(b, "failing", c.Failing, true)
	b = cmpAppendCount(b, "irregular", c.Irregular, true)
	b = append(b, "}}"...)
	j.w.Write(b)
	j.buf = b
}

func (j *cmpJsonReport) finish(s *compare.Summary) error {
	b := j.buf[:0]
	if j.n == 0 {
		b = append(b, "{\"version\":1,\n \"journeys\":["...)
	}
	b = append(b, "],\n \"summary\":{"...)
	b = cmpAppendCount(b, "journeys", s.Journeys, false)
	b = cmpAppendCount(b, "conforming", s.Conforming, true)
	b = append(b, `,"meanFitness":`...)
	b = strconv.AppendFloat(b, cmpRound4(s.MeanFitness), 'f', -1, 64)
	b = cmpAppendCount(b, "late", s.Late, true)
	b = append(b, ",\n  \"touchpoints\":["...)
	for k, tp := range s.Touchpoints {
		if k > 0 {
			b = append(b, ",\n   "...)
		}
		b = append(b, `{"planned":`...)
		b = cmpAppendJSONString(b, tp.Planned)
		b = cmpAppendCount(b, "completed", tp.Completed, true)
		b = cmpAppendCount(b, "missing", tp.Missing, true)
		b = cmpAppendCount(b, "failing", tp.Failing, true)
		b = cmpAppendCount(b, "irregular", tp.Irregular, true)
		b = cmpAppendCount(b, "late", tp.Late, true)
		b = append(b, `,"journey":`...)
		b = cmpAppendJSONString(b, tp.Journey)
		b = append(b, '}')
	}
	b = append(b, "],\n  \"adhoc\":["...)
	for k, g := range s.AdHoc {
		if k > 0 {
			b = append(b, ",\n   "...)
		}
		b = append(b, `{"label":`...)
		b = cmpAppendJSONString(b, g.Label)
		b = cmpAppendCount(b, "count", g.Count, true)
		b = append(b, `,"initiator":`...)
		b = cmpAppendJSONString(b, g.Initiator)
		b = append(b, `,"receiver":`...)
		b = cmpAppendJSONString(b, g.Receiver)
		b = append(b, `,"channel":`...)
		b = cmpAppendJSONString(b, g.Channel)
		b = append(b, '}')
	}
	b = append(b, "],\n  \"variants\":["...)
	for k, v := range s.Variants {
		if k > 0 {
			b = append(b, ",\n   "...)
		}
		b = append(b, `{"variant":`...)
		b = cmpAppendJSONString(b, v.Key)
		b = cmpAppendCount(b, "count", v.Count, true)
		b = append(b, '}')
	}
	b = append(b, "]}}\n"...)
	_, err := j.w.Write(b)
	return err
}

// cmpCsvReport writes one row per step.
type cmpCsvReport struct {
	w   *csv.Writer
	row []string
}

func cmpNewCSVReport(w io.Writer) *cmpCsvReport {
	c := &cmpCsvReport{w: csv.NewWriter(w)}
	c.w.Write([]string{"actual_journey", "planned_journey", "step", "status", "planned", "actual", "differences", "late", "label", "at"})
	return c
}

func (c *cmpCsvReport) journey(p *compare.Pair, r *compare.Result) {
	for k := range r.Steps {
		s := &r.Steps[k]
		pid, aid := cmpStepIDs(s)
		c.row = append(c.row[:0], cmpJourneyID(r.Actual), cmpJourneyID(r.Planned), strconv.Itoa(k+1), string(s.Status), pid, aid,
			strings.Join(s.Differences, " "), cmpLateText(s), cmpStepLabel(s), cmpWhere(p, s))
		c.w.Write(c.row)
	}
}

func (c *cmpCsvReport) finish(*compare.Summary) error {
	c.w.Flush()
	return c.w.Error()
}

// cmpCjmlReport collects the results and writes the annotated document.
type cmpCjmlReport struct {
	w       *bufio.Writer
	results []*compare.Result
}

func (c *cmpCjmlReport) journey(_ *compare.Pair, r *compare.Result) { c.results = append(c.results, r) }

func (c *cmpCjmlReport) finish(*compare.Summary) error {
	return compare.AnnotatedDocument(c.results).WriteXML(c.w)
}
