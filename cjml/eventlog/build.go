package eventlog

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"cjml.dev/cjml"
	"cjml.dev/internal/textutil"
)

// An importer turns events into journeys. The CSV and XES readers feed it
// the same events, so that both follow one set of rules.
type importer struct {
	file     string
	m        *Mapping
	maxBytes int64
	maxDepth int
	emit     func(*cjml.Journey) error
	stopped  bool
	csv      bool // reading CSV: value positions are those of the fields
	stats    Stats
	diags    cjml.Diagnostics
	// col converts a 1-based line and byte column into the column
	// reported (code points for CSV; bytes for XES).
	col func(line, col int) int
	// caseIDs are the journey IDs emitted so far (XES traces may repeat a
	// name).
	caseIDs map[string]bool
}

func newImporter(file string, opt Options, emit func(*cjml.Journey) error) *importer {
	m := opt.Mapping
	if m == nil {
		m = &Mapping{}
	}
	im := &importer{file: file, m: m, emit: emit, maxBytes: opt.MaxBytes, maxDepth: opt.MaxDepth,
		col: func(_, c int) int { return c }, caseIDs: map[string]bool{}}
	if im.maxBytes <= 0 {
		im.maxBytes = cjml.DefaultMaxBytes
	}
	if im.maxDepth <= 0 {
		im.maxDepth = cjml.DefaultMaxDepth
	}
	return im
}

// A pos is a raw position: 1-based line and byte column.
type pos struct{ line, col int }

// An event is one row or XES event, with the value of each role.
type event struct {
	pos  pos
	vals [numRoles]string
	vpos [numRoles]pos
	// Filled in by check.
	kind    cjml.TouchpointKind
	t       time.Time
	hasTime bool
	start   bool // lifecycle start
	// key is the sort key: the event's time, or that of the event before
	// it in the input; keyed is false before the first timed event.
	key   time.Time
	keyed bool
}

func (im *importer) position(p pos) cjml.Position {
	if p.line <= 0 {
		return cjml.Position{File: im.file}
	}
	return cjml.Position{File: im.file, Line: p.line, Column: im.col(p.line, p.col)}
}

func (im *importer) report(sev cjml.Severity, code string, p pos, format string, args ...any) {
	im.diags = append(im.diags, cjml.Diagnostic{Severity: sev, Code: code, Pos: im.position(p), Message: fmt.Sprintf(format, args...)})
}

// fatal reports a diagnostic that stops the import.
func (im *importer) fatal(code string, p pos, format string, args ...any) {
	im.report(cjml.Error, code, p, format, args...)
	im.stopped = true
}

// skip reports an event that is dropped.
func (im *importer) skip(code string, p pos, format string, args ...any) {
	im.report(cjml.Error, code, p, format, args...)
	im.stats.Skipped++
}

// where returns the position of the value of role r, or the event's.
func (ev *event) where(r Role) pos {
	if ev.vpos[r].line > 0 {
		return ev.vpos[r]
	}
	return ev.pos
}

// check validates an event and fills in its kind and time. It returns false
// when the event is not imported (skipped, or ignored by its lifecycle),
// having reported why. needCase is false for XES, whose case is the trace.
func (im *importer) check(ev *event, needCase bool) bool {
	for r := range numRoles {
		if i := invalidChar(ev.vals[r]); i >= 0 {
			p := ev.where(r)
			if im.csv && ev.vpos[r].line > 0 && !strings.Contains(ev.vals[r][:i], "\n") {
				p.col += i // near the character: the value was trimmed and unquoted
			}
			im.skip(CodeInvalidChar, p, "the %s holds invalid UTF-8 or a character XML does not allow", Role(r))
			return false
		}
	}
	switch lc := strings.ToLower(ev.vals[Lifecycle]); lc {
	case "", "complete", "completed", "end":
	case "start", "started", "begin":
		ev.start = true
	default:
		im.report(cjml.Info, CodeLifecycle, ev.where(Lifecycle), "event with lifecycle transition %s ignored: only start and complete events become touchpoints", textutil.Quote(ev.vals[Lifecycle]))
		im.stats.Ignored++
		return false
	}
	if needCase && ev.vals[Case] == "" {
		im.skip(CodeNoCase, ev.where(Case), "event without a case")
		return false
	}
	if ev.vals[Activity] == "" {
		im.skip(CodeNoActivity, ev.where(Activity), "event without an activity")
		return false
	}
	if v := ev.vals[Time]; v != "" {
		t, _, err := cjml.Timestamp(v).Time()
		if err != nil {
			im.skip(CodeBadTime, ev.where(Time), "timestamp %s is not a date or date-time (want 2025-03-03T19:42:00+01:00, 2025-03-03 19:42 or 2025-03-03)", textutil.Quote(v))
			return false
		}
		ev.t, ev.hasTime = t, true
	}
	if ev.vals[Initiator] == "" {
		if ev.vals[Receiver] != "" {
			im.skip(CodeNoInitiator, ev.where(Initiator), "event with a receiver but no initiator")
		} else {
			im.skip(CodeNoInitiator, ev.where(Initiator), "event without an initiator")
		}
		return false
	}
	switch k := normKey(ev.vals[Kind]); k {
	case "":
		ev.kind = cjml.Action
		if ev.vals[Receiver] != "" {
			ev.kind = cjml.Communication
		}
	case "action", "actualaction", "plannedaction":
		ev.kind = cjml.Action
		if ev.vals[Receiver] != "" {
			im.report(cjml.Warning, CodeReceiverIgnored, ev.where(Receiver), "the kind is action, so the receiver %s is dropped", textutil.Quote(ev.vals[Receiver]))
			ev.vals[Receiver], ev.vals[ReceiverLabel] = "", ""
		}
	case "communication", "communicationpoint", "actualcommunicationpoint", "plannedcommunicationpoint", "comm", "message":
		ev.kind = cjml.Communication
		if ev.vals[Receiver] == "" {
			im.skip(CodeBadKind, ev.where(Kind), "the kind is communication, but the event has no receiver")
			return false
		}
	default:
		im.skip(CodeBadKind, ev.where(Kind), "kind %s is neither action nor communication", textutil.Quote(ev.vals[Kind]))
		return false
	}
	if v := ev.vals[Compliance]; v != "" {
		if _, ok := cjml.Compliance(v).Normalize(); !ok {
			im.report(cjml.Warning, CodeBadValue, ev.where(Compliance), "compliance %s is not completed, failing, adhoc, missing or irregular; kept as written", textutil.Quote(v))
		}
	}
	if v := ev.vals[Rating]; v != "" {
		if _, ok := (&cjml.Experience{Rating: v}).Score(); !ok {
			im.report(cjml.Warning, CodeBadValue, ev.where(Rating), "rating %s is not 1 to 5; kept as written", textutil.Quote(v))
		}
	}
	return true
}

// invalidChar returns the byte index of the first invalid UTF-8 sequence or
// character XML 1.0 does not allow in s, or -1.
func invalidChar(s string) int {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, w := utf8.DecodeRuneInString(s[i:]); w == 1 {
				return i
			}
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r',
			r == 0xFFFE, r == 0xFFFF:
			return i
		}
	}
	return -1
}

// sortEvents orders the events of one case by time, stably: an event
// without a timestamp keeps its place after the event before it in the
// input (it takes that event's time as its sort key); events without a
// timestamp before the first timed one come first.
func sortEvents(evs []*event) {
	var last time.Time
	keyed := false
	for _, ev := range evs {
		if ev.hasTime {
			last, keyed = ev.t, true
		}
		ev.key, ev.keyed = last, keyed
	}
	slices.SortStableFunc(evs, func(a, b *event) int {
		switch {
		case !a.keyed && !b.keyed:
			return 0
		case !a.keyed:
			return -1
		case !b.keyed:
			return 1
		}
		return a.key.Compare(b.key)
	})
}

// An item is one touchpoint to be: a complete event, a start event, or a
// start and its complete event.
type item struct {
	start, end *event
}

// first returns the event the touchpoint is placed by.
func (it *item) first() *event {
	if it.start != nil {
		return it.start
	}
	return it.end
}

// val returns the value of role r: the complete event's, else the start
// event's.
func (it *item) val(r Role) string {
	if it.end != nil && it.end.vals[r] != "" {
		return it.end.vals[r]
	}
	if it.start != nil {
		return it.start.vals[r]
	}
	return ""
}

// pair turns sorted, checked events into items. A complete event closes the
// earliest open start event with the same activity and initiator; other
// complete events and start events become items of their own.
func (im *importer) pair(evs []*event) []*item {
	items := make([]*item, 0, len(evs))
	open := map[string][]*item{} // activity and initiator → open starts, oldest first
	key := func(ev *event) string { return ev.vals[Activity] + "\x00" + ev.vals[Initiator] }
	var starts []*item
	for _, ev := range evs {
		if ev.start {
			it := &item{start: ev}
			items = append(items, it)
			starts = append(starts, it)
			open[key(ev)] = append(open[key(ev)], it)
			continue
		}
		if q := open[key(ev)]; len(q) > 0 {
			q[0].end = ev
			open[key(ev)] = q[1:]
			continue
		}
		items = append(items, &item{end: ev})
	}
	for _, it := range starts {
		if it.end == nil {
			im.report(cjml.Warning, CodeUnmatchedStart, it.start.where(Lifecycle), "start event of %s has no complete event; the touchpoint has only a start time", textutil.Quote(it.start.vals[Activity]))
		}
	}
	return items
}

// journey builds the actual journey of one case from its checked events
// and emits it. id is the case; p is where the case first appears.
func (im *importer) journey(id string, p pos, evs []*event) {
	if im.stopped {
		return
	}
	sortEvents(evs)
	items := im.pair(evs)
	j := &cjml.Journey{Kind: cjml.Actual, ID: id, PlannedReference: im.m.PlannedReference}

	// Actors, in order of appearance.
	endUserName := ""
	for _, ev := range evs {
		if v := ev.vals[EndUserName]; v != "" {
			endUserName = v
			break
		}
	}
	reservedIDs := map[string]struct{}{}
	for _, a := range im.m.Actors {
		reservedIDs[a] = struct{}{}
	}
	var actorSuffix, idSuffix suffixer
	ids := map[string]string{}   // log value → actor ID
	owner := map[string]string{} // actor ID → the log value that made it
	hasEndUser := false
	actor := func(v string) string {
		if a, ok := ids[v]; ok {
			return a
		}
		a, mapped := im.m.actorID(v)
		if !mapped {
			// An ID made from a value never takes an ID the mapping
			// gives, nor one made from another value.
			taken := func(id string) bool {
				_, reserved := reservedIDs[id]
				return reserved || owner[id] != "" && owner[id] != v
			}
			if taken(a) {
				a = actorSuffix.fresh(a, taken)
			}
		}
		ids[v] = a
		if _, ok := owner[a]; ok {
			return a // mapped from another value to the same actor
		}
		owner[a] = v
		act := &cjml.Actor{ID: a, Kind: cjml.ServiceProvider}
		if im.m.isEndUser(v) {
			act.Kind, act.Name = cjml.EndUser, v
			if endUserName != "" {
				act.Name = endUserName
			}
			hasEndUser = true
		} else {
			act.CompanyName = v
		}
		j.Actors = append(j.Actors, act)
		return a
	}

	// Touchpoint IDs given in the log are kept; a repeated one gets a
	// suffix; the others are numbered E1, E2, ... in journey order.
	used := map[string]bool{}
	for _, it := range items {
		if v := it.val(Touchpoint); v != "" {
			used[v] = true
		}
	}
	given := map[string]bool{}
	next := 1
	phases := map[string]bool{}
	for _, it := range items {
		f := it.first()
		tp := &cjml.Touchpoint{Kind: f.kind}
		if v := it.val(Touchpoint); v != "" {
			tp.ID = v
			if given[v] {
				tp.ID = idSuffix.fresh(v, func(id string) bool { return used[id] })
				used[tp.ID] = true
				im.report(cjml.Warning, CodeDuplicateID, f.where(Touchpoint), "touchpoint ID %s is repeated in case %s; renamed %s", textutil.Quote(v), textutil.Quote(id), textutil.Quote(tp.ID))
			}
			given[v] = true
		} else {
			for used["E"+strconv.Itoa(next)] {
				next++
			}
			tp.ID = "E" + strconv.Itoa(next)
			used[tp.ID] = true
		}
		if ph := it.val(Phase); ph != "" {
			tp.Phase = ph
			if !phases[ph] {
				phases[ph] = true
				j.Phases = append(j.Phases, &cjml.Phase{ID: ph, Name: ph})
			}
		}
		tp.Compliance = cjml.Compliance(it.val(Compliance))
		tp.Initiator = cjml.Party{Actor: actor(it.val(Initiator)), Label: it.val(Activity)}
		if tp.Kind == cjml.Communication {
			tp.Receiver = &cjml.Party{Actor: actor(it.val(Receiver)), Label: it.val(ReceiverLabel)}
			tp.Channel = cjml.Channel(it.val(Channel))
		}
		tp.Message = it.val(Message)
		tp.Comment = it.val(Comment)
		if r, d := it.val(Rating), it.val(Experience); r != "" || d != "" {
			tp.Experience = &cjml.Experience{Rating: r, Description: d}
		}
		var t1, t2 cjml.Timestamp
		if it.start != nil {
			t1 = cjml.Timestamp(it.start.vals[Time])
			if it.end != nil {
				t2 = cjml.Timestamp(it.end.vals[Time])
			}
		} else {
			t1 = cjml.Timestamp(it.end.vals[Time])
		}
		switch {
		case tp.Kind == cjml.Communication:
			tp.Timestamps.Originated, tp.Timestamps.Received = t1, t2
		case it.start != nil:
			tp.Timestamps.Started, tp.Timestamps.Completed = t1, t2
		default:
			tp.Timestamps.Completed = t1
		}
		j.Touchpoints = append(j.Touchpoints, tp)
	}
	if !hasEndUser {
		im.report(cjml.Warning, CodeNoEndUser, p, "no actor of case %s is the end user; name it with endUser in the mapping or --end-user", textutil.Quote(id))
	}
	im.stats.Journeys++
	im.stats.Touchpoints += len(j.Touchpoints)
	if err := im.emit(j); err != nil {
		im.fatal(CodeSyntax, pos{}, "%v", err)
	}
}

// actorID returns the actor ID of a log value: the mapping's, or one made
// from the value; mapped reports whether the mapping named it.
func (m *Mapping) actorID(v string) (id string, mapped bool) {
	if a, ok := m.Actors[v]; ok {
		return a, true
	}
	k := normKey(v)
	names := make([]string, 0, len(m.Actors))
	for name := range m.Actors {
		names = append(names, name)
	}
	slices.Sort(names) // deterministic when two names normalize alike
	for _, name := range names {
		if normKey(name) == k {
			return m.Actors[name], true
		}
	}
	return slug(v), false
}

// slug makes an ID from a name: lower-case letters and digits, other runs
// of characters as one '-'.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "actor"
	}
	return b.String()
}

// A suffixer hands out base-2, base-3, ... skipping names that are taken.
// It remembers how far each base got, so that k repeats of one name cost
// O(k), not O(k²).
type suffixer struct{ next map[string]int }

func (s *suffixer) fresh(base string, taken func(string) bool) string {
	if s.next == nil {
		s.next = map[string]int{}
	}
	n := max(s.next[base], 2)
	for taken(base + "-" + strconv.Itoa(n)) {
		n++
	}
	s.next[base] = n + 1
	return base + "-" + strconv.Itoa(n)
}
