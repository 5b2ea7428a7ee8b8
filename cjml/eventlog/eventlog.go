package eventlog

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"cjml.dev/cjml"
)

// Format is a kind of event log.
type Format int

// Formats. FormatAuto decides by the file name's extension, else by the
// first non-space byte ('<' is XES).
const (
	FormatAuto Format = iota
	CSV
	XES
)

// String returns "csv", "xes" or "auto".
func (f Format) String() string {
	switch f {
	case CSV:
		return "csv"
	case XES:
		return "xes"
	}
	return "auto"
}

// ParseFormat parses "csv" (or "tsv") and "xes".
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "csv", "tsv":
		return CSV, nil
	case "xes":
		return XES, nil
	}
	return FormatAuto, fmt.Errorf("unknown log format %q (want csv or xes)", s)
}

// FormatOf returns the format a file name's extension names (.csv, .tsv,
// .txt; .xes, .xml), or FormatAuto.
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".tsv", ".txt":
		return CSV
	case ".xes", ".xml":
		return XES
	}
	return FormatAuto
}

// Sniff guesses the format from the start of a log: '<' after optional
// white space and byte order mark is XES, anything else CSV.
func Sniff(b []byte) Format {
	b = bytes.TrimPrefix(b, []byte(bom))
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) > 0 && b[0] == '<' {
		return XES
	}
	return CSV
}

const bom = "\xEF\xBB\xBF"

// Options configure an import. The zero value finds columns by their
// default names and uses cjml's size limits.
type Options struct {
	// Format of the log; FormatAuto decides by the file name and content.
	Format Format
	// Mapping says which column is what; nil is the zero Mapping.
	Mapping *Mapping
	// MaxBytes is the largest log accepted; 0 means cjml.DefaultMaxBytes.
	MaxBytes int64
	// MaxDepth is the deepest XES nesting accepted; 0 means
	// cjml.DefaultMaxDepth.
	MaxDepth int
}

// Stats count what an import did.
type Stats struct {
	Journeys    int // actual journeys built (one per case or trace)
	Touchpoints int // touchpoints in them
	// Skipped counts events dropped because of an error; each has an error
	// diagnostic. An unreadable CSV row counts once per line it spans.
	Skipped int
	// Ignored counts XES lifecycle events other than start and complete
	// (schedule, suspend, ...); each has an info diagnostic.
	Ignored int
}

// String gives the summary line `cjml import` prints.
func (s Stats) String() string {
	msg := fmt.Sprintf("imported %d %s, %d %s, skipped %d %s",
		s.Journeys, plural(s.Journeys, "journey", "journeys"),
		s.Touchpoints, plural(s.Touchpoints, "touchpoint", "touchpoints"),
		s.Skipped, plural(s.Skipped, "event", "events"))
	if s.Ignored > 0 {
		msg += fmt.Sprintf(", ignored %d lifecycle %s", s.Ignored, plural(s.Ignored, "event", "events"))
	}
	return msg
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Import reads a whole log and returns the actual journeys as a document,
// with what was counted and the diagnostics. The document is nil only when
// the log could not be read at all (a fatal diagnostic says why); otherwise
// every event is either in it or reported by a diagnostic. Import never
// panics.
func Import(r io.Reader, file string, opt Options) (*cjml.Document, Stats, cjml.Diagnostics) {
	doc := cjml.NewDocument()
	st, diags := Stream(r, file, opt, func(j *cjml.Journey) error {
		doc.Journeys = append(doc.Journeys, j)
		return nil
	})
	if IsFatal(diags) {
		return nil, st, diags
	}
	return doc, st, diags
}

// Stream reads a log and calls fn with each actual journey as soon as it is
// complete: for XES at the end of each trace, so that only one trace is in
// memory at a time; for CSV, whose rows of one case may be anywhere in the
// file, after the whole file has been read. An error from fn stops the
// import and is returned as a fatal diagnostic.
func Stream(r io.Reader, file string, opt Options, fn func(*cjml.Journey) error) (Stats, cjml.Diagnostics) {
	im := newImporter(file, opt, fn)
	f := opt.Format
	if f == FormatAuto {
		f = FormatOf(strings.TrimSuffix(strings.ToLower(file), ".gz"))
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		// A gzip-compressed log (.xes.gz, .csv.gz): the size limit
		// applies to the uncompressed text.
		zr, err := gzip.NewReader(br)
		if err != nil {
			im.fatal(CodeSyntax, pos{}, "cannot read the gzip stream: %s", strings.TrimPrefix(err.Error(), "gzip: "))
			return im.stats, im.diags
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	if f == FormatAuto {
		head, _ := br.Peek(512)
		f = Sniff(head)
	}
	if f == XES {
		im.readXES(br)
	} else {
		im.readCSV(br)
	}
	return im.stats, im.diags
}

// IsFatal reports whether the diagnostics hold a fatal one: the log was not
// imported at all.
func IsFatal(ds cjml.Diagnostics) bool {
	for _, d := range ds {
		if d.Severity == cjml.Error && isFatalCode(d.Code) {
			return true
		}
	}
	return false
}

// IsUsage reports whether a fatal diagnostic is about the mapping (the
// flags or the mapping file) rather than the log.
func IsUsage(ds cjml.Diagnostics) bool {
	for _, d := range ds {
		if d.Severity == cjml.Error && (d.Code == CodeMapping || d.Code == CodeNoColumn) {
			return true
		}
	}
	return false
}

func isFatalCode(c string) bool {
	switch c {
	case CodeMapping, CodeNoColumn, CodeSyntax, CodeTooLarge, CodeTooDeep:
		return true
	}
	return false
}

// errTooLarge is returned by limitReader past the limit.
var errTooLarge = errors.New("too large")

// limitReader returns errTooLarge once more than n bytes have been read.
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	if l.n < 0 {
		return n, errTooLarge
	}
	return n, err
}
