package compare

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"time"

	"cjml.dev/cjml"
)

// A Pair is an actual journey and the planned journey it is compared with,
// with the documents they come from (for positions in diagnostics).
type Pair struct {
	Planned, Actual       *cjml.Journey
	PlannedDoc, ActualDoc *cjml.Document
}

// Pairs finds the planned journey of every actual journey in docs, in
// document order. With planned set, every actual journey is compared with
// it (plannedDoc is the document it comes from, or nil). Otherwise an
// actual journey's plannedReference names its plan, looked up first in its
// own document and then in the others in order. Actual journeys without a
// plan get a compare/no-plan error and no pair.
func Pairs(planned *cjml.Journey, plannedDoc *cjml.Document, docs ...*cjml.Document) ([]Pair, cjml.Diagnostics) {
	var pairs []Pair
	var diags cjml.Diagnostics
	for _, doc := range docs {
		if doc == nil {
			continue
		}
		for ji, j := range doc.Journeys {
			if j.Kind != cjml.Actual {
				continue
			}
			if planned != nil {
				pairs = append(pairs, Pair{Planned: planned, Actual: j, PlannedDoc: plannedDoc, ActualDoc: doc})
				continue
			}
			p, pdoc := findPlan(j.PlannedReference, doc, docs)
			if p == nil {
				msg := fmt.Sprintf("actual journey %s has no plannedReference; name its plan with --planned", j.ID)
				if ref := strings.TrimSpace(j.PlannedReference); ref != "" {
					msg = fmt.Sprintf("actual journey %s refers to planned journey %s, which none of the files has", j.ID, ref)
				}
				diags = append(diags, cjml.Diagnostic{Severity: cjml.Error, Code: CodeNoPlan, Message: msg,
					Pos: position(doc, j.Origin.Of("plannedReference")), Path: journeyPath(ji, j)})
				continue
			}
			pairs = append(pairs, Pair{Planned: p, Actual: j, PlannedDoc: pdoc, ActualDoc: doc})
		}
	}
	return pairs, diags
}

func findPlan(ref string, own *cjml.Document, docs []*cjml.Document) (*cjml.Journey, *cjml.Document) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, nil
	}
	find := func(d *cjml.Document) *cjml.Journey {
		for _, p := range d.Journeys {
			if p.Kind == cjml.Planned && p.ID == ref {
				return p
			}
		}
		return nil
	}
	if p := find(own); p != nil {
		return p, own
	}
	for _, d := range docs {
		if d != nil && d != own {
			if p := find(d); p != nil {
				return p, d
			}
		}
	}
	return nil, nil
}

// CompareDocument compares every actual journey of doc with its plan (see
// [Pairs]) and returns the results in document order with the diagnostics:
// compare/no-plan errors and the deviations found.
func CompareDocument(doc *cjml.Document, planned *cjml.Journey, opt Options) ([]*Result, cjml.Diagnostics) {
	var pdoc *cjml.Document
	if planned != nil {
		pdoc = doc
	}
	pairs, diags := Pairs(planned, pdoc, doc)
	results := make([]*Result, len(pairs))
	Run(pairs, opt, 0, func(i int, r *Result) {
		results[i] = r
		diags = append(diags, pairs[i].Diagnostics(r)...)
	})
	return results, diags.Sort()
}

// Run aligns the pairs on workers goroutines (runtime.GOMAXPROCS when
// workers ≤ 0), each with its own [Aligner], and calls fn with every result
// in the order of pairs, from the calling goroutine. Only a bounded number
// of results waits for fn at any time.
func Run(pairs []Pair, opt Options, workers int, fn func(i int, r *Result)) {
	run(pairs, opt, workers, fn, false)
}

// Stream is [Run] for callers that do not keep the results: a result passed
// to fn is valid only until fn returns, and its memory is reused for later
// results. Reports and [Stats] over many journeys need no more.
func Stream(pairs []Pair, opt Options, workers int, fn func(i int, r *Result)) {
	run(pairs, opt, workers, fn, true)
}

func run(pairs []Pair, opt Options, workers int, fn func(i int, r *Result), reuse bool) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const batch = 64
	nb := (len(pairs) + batch - 1) / batch
	if workers == 1 || nb <= 1 {
		a := NewAligner(opt)
		var r *Result
		for i, p := range pairs {
			if !reuse {
				r = nil
			}
			r = a.AlignReuse(r, p.Planned, p.Actual)
			fn(i, r)
		}
		return
	}
	type slot struct {
		res  []*Result
		done chan struct{}
	}
	slots := make([]slot, nb)
	for b := range slots {
		slots[b].done = make(chan struct{})
	}
	jobs := make(chan int)
	window := make(chan struct{}, 4*workers)
	// Results the caller is done with, for reuse (Stream).
	free := make(chan []*Result, 4*workers+workers)
	go func() {
		for b := range nb {
			window <- struct{}{}
			jobs <- b
		}
		close(jobs)
	}()
	for range workers {
		go func() {
			a := NewAligner(opt)
			for b := range jobs {
				lo, hi := b*batch, min((b+1)*batch, len(pairs))
				var res []*Result
				if reuse {
					select {
					case res = <-free:
					default:
					}
				}
				if cap(res) < hi-lo {
					res = make([]*Result, batch)
				}
				res = res[:hi-lo]
				for k := range res {
					res[k] = a.AlignReuse(res[k], pairs[lo+k].Planned, pairs[lo+k].Actual)
				}
				slots[b].res = res
				close(slots[b].done)
			}
		}()
	}
	for b := range slots {
		<-slots[b].done
		for k, r := range slots[b].res {
			fn(b*batch+k, r)
		}
		if reuse {
			select {
			case free <- slots[b].res:
			default:
			}
		}
		slots[b].res = nil
		<-window
	}
}

func position(doc *cjml.Document, p cjml.Pos) cjml.Position {
	if doc == nil || doc.Source == nil {
		return cjml.Position{}
	}
	return doc.Source.Position(p)
}

func journeyPath(ji int, j *cjml.Journey) string {
	return "/journeys/" + strconv.Itoa(ji) + "/" + j.Kind.Tag()
}

func journeyIndex(doc *cjml.Document, j *cjml.Journey) int {
	if doc != nil {
		for i, x := range doc.Journeys {
			if x == j {
				return i
			}
		}
	}
	return -1
}

func touchpointPath(doc *cjml.Document, j *cjml.Journey, ti int) string {
	ji := journeyIndex(doc, j)
	if ji < 0 || ti < 0 {
		return ""
	}
	return journeyPath(ji, j) + "/touchpoints/" + strconv.Itoa(ti)
}

func indexOf(j *cjml.Journey, t *cjml.Touchpoint) int {
	if j != nil && t != nil {
		for i, x := range j.Touchpoints {
			if x == t {
				return i
			}
		}
	}
	return -1
}

// Diagnostics describes a result as diagnostics: a warning for every
// missing, ad hoc, failing, irregular or late step, an info for every
// matched pair that differs from its planned touchpoint, and the result's
// notes. They point at the actual touchpoint (or, for a missing step, at
// its placeholder or the actual journey's touchpoints) and name the planned
// touchpoint's place as related information.
func (p Pair) Diagnostics(r *Result) cjml.Diagnostics {
	var ds cjml.Diagnostics
	aj, pj := r.Actual, r.Planned
	if aj == nil || pj == nil {
		return nil
	}
	plannedAt := func(t *cjml.Touchpoint) []cjml.Related {
		if t == nil || p.PlannedDoc == nil || p.PlannedDoc.Source == nil {
			return nil
		}
		return []cjml.Related{{Pos: position(p.PlannedDoc, t.Origin.Pos),
			Message: fmt.Sprintf("planned touchpoint %s of %s", t.ID, pj.ID)}}
	}
	for k := range r.Steps {
		s := &r.Steps[k]
		d := cjml.Diagnostic{Severity: cjml.Warning, Related: plannedAt(s.Planned)}
		switch {
		case s.Actual != nil:
			d.Pos = position(p.ActualDoc, s.Actual.Origin.Pos)
			d.Path = touchpointPath(p.ActualDoc, aj, s.ActualIndex)
		case s.Placeholder != nil:
			d.Pos = position(p.ActualDoc, s.Placeholder.Origin.Pos)
			d.Path = touchpointPath(p.ActualDoc, aj, indexOf(aj, s.Placeholder))
		default:
			d.Pos = position(p.ActualDoc, aj.Origin.Of("touchpoints"))
			if ji := journeyIndex(p.ActualDoc, aj); ji >= 0 {
				d.Path = journeyPath(ji, aj) + "/touchpoints"
			}
		}
		switch s.Status {
		case Missing:
			d.Code = CodeMissing
			d.Message = fmt.Sprintf("planned touchpoint %s%s is missing from %s", s.Planned.ID, quoteLabel(s.Planned), aj.ID)
		case AdHoc:
			d.Code = CodeAdHoc
			d.Message = fmt.Sprintf("touchpoint %s%s is ad hoc: %s has no counterpart", s.Actual.ID, quoteLabel(s.Actual), pj.ID)
		case Failing:
			d.Code = CodeFailing
			if s.Planned != nil {
				d.Message = fmt.Sprintf("touchpoint %s%s failed (planned %s)", s.Actual.ID, quoteLabel(s.Actual), s.Planned.ID)
			} else {
				d.Message = fmt.Sprintf("touchpoint %s%s failed and has no counterpart in %s", s.Actual.ID, quoteLabel(s.Actual), pj.ID)
			}
		case Irregular:
			d.Code = CodeIrregular
			d.Message = fmt.Sprintf("touchpoint %s%s happened out of the planned order (planned %s, position %d of %d)",
				s.Actual.ID, quoteLabel(s.Actual), s.Planned.ID, s.PlannedIndex+1, len(pj.Touchpoints))
		}
		if d.Code != "" {
			ds = append(ds, d)
		}
		if len(s.Differences) > 0 && s.Actual != nil {
			c := d
			c.Severity, c.Code = cjml.Info, CodeChanged
			c.Message = fmt.Sprintf("touchpoint %s differs from planned %s in %s", s.Actual.ID, s.Planned.ID, describeDiffs(s))
			ds = append(ds, c)
		}
		if s.Late != nil {
			c := d
			c.Severity, c.Code = cjml.Warning, CodeLate
			c.Message = fmt.Sprintf("touchpoint %s is late: %s where %s planned %s", s.Actual.ID,
				FormatDuration(s.Late.Actual), s.Late.Rule, FormatDuration(s.Late.Expected))
			ds = append(ds, c)
		}
	}
	for _, n := range r.Notes {
		d := cjml.Diagnostic{Severity: n.Severity, Code: n.Code, Message: n.Message}
		switch {
		case n.Actual != nil:
			d.Pos = position(p.ActualDoc, n.Actual.Origin.Pos)
			d.Path = touchpointPath(p.ActualDoc, aj, indexOf(aj, n.Actual))
			d.Related = plannedAt(n.Planned)
		case n.Planned != nil:
			d.Pos = position(p.PlannedDoc, n.Planned.Origin.Pos)
			d.Path = touchpointPath(p.PlannedDoc, pj, indexOf(pj, n.Planned))
		default:
			d.Pos = position(p.ActualDoc, aj.Origin.Pos)
		}
		ds = append(ds, d)
	}
	return ds
}

func quoteLabel(t *cjml.Touchpoint) string {
	if l := t.Label(); l != "" {
		return " " + strconv.Quote(l)
	}
	return ""
}

func describeDiffs(s *Step) string {
	var parts []string
	for _, d := range s.Differences {
		switch d {
		case "channel":
			parts = append(parts, fmt.Sprintf("channel (%s, planned %s)", orNone(string(s.Actual.Channel)), orNone(string(s.Planned.Channel))))
		case "initiator":
			parts = append(parts, fmt.Sprintf("initiator (%s, planned %s)", orNone(s.Actual.Initiator.Actor), orNone(s.Planned.Initiator.Actor)))
		case "receiver":
			parts = append(parts, fmt.Sprintf("receiver (%s, planned %s)", orNone(actorOf(s.Actual.Receiver)), orNone(actorOf(s.Planned.Receiver))))
		case "kind":
			parts = append(parts, fmt.Sprintf("kind (%s, planned %s)", s.Actual.Kind, s.Planned.Kind))
		default:
			parts = append(parts, d)
		}
	}
	return strings.Join(parts, ", ")
}

func actorOf(p *cjml.Party) string {
	if p == nil {
		return ""
	}
	return p.Actor
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "none"
	}
	return s
}

// FormatDuration writes a duration in days, hours and minutes ("2d3h",
// "45m", "0m").
func FormatDuration(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	d = d.Round(time.Minute)
	days, h, m := int64(d/(24*time.Hour)), int64(d/time.Hour)%24, int64(d/time.Minute)%60
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	if days > 0 {
		b.WriteString(strconv.FormatInt(days, 10) + "d")
	}
	if h > 0 {
		b.WriteString(strconv.FormatInt(h, 10) + "h")
	}
	if m > 0 || days == 0 && h == 0 {
		b.WriteString(strconv.FormatInt(m, 10) + "m")
	}
	return b.String()
}
