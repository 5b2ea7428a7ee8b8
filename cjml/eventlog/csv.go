package eventlog

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"cjml.dev/cjml"
	"cjml.dev/internal/textutil"
)

// readCSV reads a CSV log: a header line, then one event per row.
func (im *importer) readCSV(r io.Reader) {
	im.csv = true
	buf := bytes.NewBuffer(nil)
	_, err := buf.ReadFrom(&limitReader{r: r, n: im.maxBytes})
	if errors.Is(err, errTooLarge) {
		im.fatal(CodeTooLarge, pos{}, "the log is larger than the %s limit", textutil.ByteSize(im.maxBytes))
		return
	}
	if err != nil {
		im.fatal(CodeSyntax, pos{}, "cannot read: %v", err)
		return
	}
	text := strings.TrimPrefix(buf.String(), bom)
	src := cjml.NewSource(im.file, text)
	im.col = func(line, col int) int {
		l := src.Line(line)
		if col-1 > len(l) {
			col = len(l) + 1
		}
		if col < 1 {
			col = 1
		}
		return utf8.RuneCountInString(l[:col-1]) + 1
	}
	if strings.TrimSpace(text) == "" {
		im.fatal(CodeSyntax, pos{}, "the log is empty: want a header line and one row per event")
		return
	}
	delim := im.m.Delimiter
	if delim == 0 {
		delim = sniffDelimiter(text)
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		p := pos{1, 1}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			p = pos{pe.Line, pe.Column}
			err = pe.Err
		}
		im.fatal(CodeSyntax, p, "cannot read the header: %v", err)
		return
	}
	cols, ok := im.columns(header)
	if !ok {
		return
	}

	type group struct {
		p   pos
		evs []*event
	}
	groups := map[string]*group{}
	var order []string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				im.fatal(CodeSyntax, pos{}, "cannot read: %v", err)
				return
			}
			// A quote error swallows the lines up to where it was found.
			n := pe.Line - pe.StartLine + 1
			msg := fmt.Sprintf("cannot read the row: %v", pe.Err)
			if n > 1 {
				msg = fmt.Sprintf("cannot read the rows from line %d to %d: %v", pe.StartLine, pe.Line, pe.Err)
			}
			im.report(cjml.Error, CodeBadRow, pos{pe.Line, pe.Column}, "%s", msg)
			im.stats.Skipped += max(n, 1)
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			im.skip(CodeBadRow, pos{line, 1}, "the row has %d fields, the header %d", len(rec), len(header))
			continue
		}
		ev := &event{pos: pos{line, 1}}
		for r, i := range cols {
			if i < 0 {
				continue
			}
			ev.vals[r] = strings.TrimSpace(rec[i])
			l, c := cr.FieldPos(i)
			ev.vpos[r] = pos{l, c}
		}
		if !im.check(ev, true) {
			continue
		}
		g := groups[ev.vals[Case]]
		if g == nil {
			g = &group{p: ev.pos}
			groups[ev.vals[Case]] = g
			order = append(order, ev.vals[Case])
		}
		g.evs = append(g.evs, ev)
	}
	for _, id := range order {
		im.journey(id, groups[id].p, groups[id].evs)
	}
}

// columns finds the column of each role in the header: the mapping's name
// (exactly, else normalized), else the first default name found. It
// returns -1 for roles without a column.
func (im *importer) columns(header []string) ([numRoles]int, bool) {
	var cols [numRoles]int
	taken := make([]bool, len(header))
	norm := make([]string, len(header))
	for i, h := range header {
		norm[i] = normKey(h)
	}
	list := func() string {
		var b strings.Builder
		for i, h := range header {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(textutil.Quote(strings.TrimSpace(h)))
		}
		return b.String()
	}
	for r := range numRoles {
		cols[r] = -1
		name := im.m.Columns[r]
		if name == "" {
			continue
		}
		for i, h := range header {
			if strings.TrimSpace(h) == name {
				cols[r] = i
				break
			}
		}
		if cols[r] < 0 {
			k := normKey(name)
			for i := range header {
				if norm[i] == k {
					cols[r] = i
					break
				}
			}
		}
		if cols[r] < 0 {
			im.fatal(CodeNoColumn, pos{1, 1}, "the mapping names column %s for the %s, but the header has no such column (it has %s)", textutil.Quote(name), Role(r), list())
			return cols, false
		}
		taken[cols[r]] = true
	}
	for r := range numRoles {
		if cols[r] >= 0 || im.m.Columns[r] != "" {
			continue
		}
	names:
		for _, d := range defaultNames[r] {
			for i := range header {
				if !taken[i] && norm[i] == d {
					cols[r] = i
					taken[i] = true
					break names
				}
			}
		}
	}
	for _, r := range []Role{Case, Activity} {
		if cols[r] < 0 {
			im.fatal(CodeNoColumn, pos{1, 1}, "no column for the %s: name it with --%s or columns.%s in the mapping (the header has %s)", r, r.FlagName(), r, list())
			return cols, false
		}
	}
	return cols, true
}

// sniffDelimiter picks ',', ';' or tab: the one that occurs most often
// outside quotes in the first line; ',' on a tie or when none occurs.
func sniffDelimiter(text string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range text {
		if r == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if r == '\n' {
			break
		}
		if r == ',' || r == ';' || r == '\t' {
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}
