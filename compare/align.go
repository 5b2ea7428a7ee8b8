package compare

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"cjml.dev/cjml"
)

// Align aligns an actual journey with its planned journey and classifies
// every step. The zero Options are sensible: see [Options]. A nil journey
// counts as a journey without touchpoints.
//
// The alignment runs in four stages:
//
//  1. Actual touchpoints whose touchpointID is a planned touchpointID are
//     paired with that planned touchpoint (unless Options.IgnoreIDs), and
//     compliance values written in the actual journey are trusted (unless
//     Options.IgnoreCompliance): "adhoc" is never paired, "missing" records
//     a planned touchpoint that did not happen, "failing" and "irregular"
//     set the status of the pair.
//  2. The remaining touchpoints are aligned by an order-preserving weighted
//     edit distance (dynamic programming with traceback); pairs whose match
//     cost exceeds the threshold are never matched. Two consecutive matches
//     that fit each other's partner better, even counting the cost of an
//     irregular step, are swapped.
//  3. Touchpoints the edit distance left unmatched are paired across the
//     order when their cost is within the threshold (swapped touchpoints).
//  4. Matched pairs outside the longest increasing subsequence of planned
//     positions, in actual order, are irregular.
//
// Ties are broken deterministically: the earliest match is preferred, and
// among equally long increasing subsequences the one ending in the lowest
// planned positions is kept (so that a touchpoint that came too early is the
// irregular one).
func Align(planned, actual *cjml.Journey, opt Options) *Result {
	return NewAligner(opt).Align(planned, actual)
}

// An Aligner aligns journeys with one set of options, keeping the prepared
// planned journeys and its buffers between calls, so that aligning thousands
// of journeys allocates little. An Aligner is not safe for concurrent use;
// use one per goroutine. The planned journeys it has seen must not change.
type Aligner struct {
	opt   Options
	w     Weights
	thr   int32
	plans map[*cjml.Journey]*planState

	tk    tokenizer
	toks  []int32
	af    []feat
	as    []assertion
	pm    []int // planned index → actual index, -1
	am    []int // actual index → planned index, -1
	up    []int // planned indexes left to align
	ua    []int // actual indexes left to align
	cm    []int32
	em    []int32
	inLIS []bool
	lis   lisBuf
	mx    []int // matches of the edit distance: rows and columns
	my    []int

	pending, missingAt []int
}

type planState struct {
	p      *plan
	ch     map[cjml.Channel]chanFeat
	labels map[string]*labelFeat
}

// assertion is a compliance value the alignment trusts.
type assertion uint8

const (
	asNone assertion = iota
	asCompleted
	asMissing
	asAdHoc
	asFailing
	asIrregular
)

// maxCells bounds the edit-distance matrix of one journey; longer journeys
// are aligned greedily (see CodeApproximate).
const maxCells = 1 << 22

// NewAligner returns an Aligner with the given options.
func NewAligner(opt Options) *Aligner {
	a := &Aligner{opt: opt, w: opt.weights(), thr: int32(opt.threshold()), plans: map[*cjml.Journey]*planState{}}
	if a.w.Missing+a.w.AdHoc <= int(a.thr) {
		// A pair may never cost more than leaving both unmatched.
		a.thr = int32(a.w.Missing + a.w.AdHoc - 1)
	}
	return a
}

var emptyJourney = &cjml.Journey{}

func (a *Aligner) state(j *cjml.Journey) *planState {
	if s, ok := a.plans[j]; ok {
		return s
	}
	if len(a.plans) > 64 {
		clear(a.plans)
	}
	s := &planState{p: newPlan(j), ch: map[cjml.Channel]chanFeat{}, labels: map[string]*labelFeat{}}
	a.plans[j] = s
	return s
}

func fill(b []int, n int) []int {
	if cap(b) < n {
		b = make([]int, n)
	}
	b = b[:n]
	for i := range b {
		b[i] = -1
	}
	return b
}

// Align aligns actual with planned; see the package-level [Align].
func (a *Aligner) Align(planned, actual *cjml.Journey) *Result {
	return a.AlignReuse(nil, planned, actual)
}

// AlignReuse is Align writing into r, reusing the memory of its steps, when
// r is not nil: for callers that are done with r. Aligning thousands of
// journeys this way keeps the memory the results need warm in the cache.
func (a *Aligner) AlignReuse(r *Result, planned, actual *cjml.Journey) *Result {
	var stepBuf []Step
	var noteBuf []Note
	if r == nil {
		r = &Result{}
	} else {
		stepBuf, noteBuf = r.Steps[:0], r.Notes[:0]
		clear(r.Steps[:cap(r.Steps)])
		clear(r.Notes[:cap(r.Notes)])
		*r = Result{Notes: noteBuf}
	}
	r.Planned, r.Actual = planned, actual
	if planned == nil {
		planned = emptyJourney
	}
	if actual == nil {
		actual = emptyJourney
	}
	ps := a.state(planned)
	p := ps.p
	P, A := planned.Touchpoints, actual.Touchpoints
	n, m := len(P), len(A)
	w := &a.w
	if len(p.notes) > 0 {
		r.Notes = append(r.Notes, p.notes...)
	}

	// Features and trusted compliance values of the actual touchpoints.
	a.toks, a.af, a.as = a.toks[:0], a.af[:0], a.as[:0]
	for _, t := range A {
		var f feat
		f, a.toks = actualFeat(ps, t, &a.tk, a.toks)
		a.af = append(a.af, f)
		as := asNone
		if !a.opt.IgnoreCompliance && t.Compliance != "" {
			c, ok := t.Compliance.Normalize()
			switch {
			case !ok:
				r.Notes = append(r.Notes, Note{Severity: cjml.Warning, Code: CodeCompliance, Actual: t,
					Message: fmt.Sprintf("touchpoint %s: unknown compliance value %q; the status is computed", t.ID, string(t.Compliance))})
			case c == cjml.Completed:
				as = asCompleted
			case c == cjml.Missing:
				as = asMissing
			case c == cjml.AdHoc:
				as = asAdHoc
			case c == cjml.Failing:
				as = asFailing
			case c == cjml.Irregular:
				as = asIrregular
			}
		}
		a.as = append(a.as, as)
	}
	af, as := a.af, a.as
	a.pm, a.am = fill(a.pm, n), fill(a.am, m)
	pm, am := a.pm, a.am

	// 1. Pair by touchpointID.
	if !a.opt.IgnoreIDs && len(p.ids) > 0 {
		for j, t := range A {
			if as[j] == asAdHoc {
				continue
			}
			i, ok := p.ids[trimmed(t.ID)]
			if !ok {
				continue
			}
			if pm[i] >= 0 {
				r.Notes = append(r.Notes, Note{Severity: cjml.Info, Code: CodeRepeatedID, Planned: P[i], Actual: t,
					Message: fmt.Sprintf("touchpoint %s repeats the touchpointID of an earlier touchpoint; it is aligned by content", t.ID)})
				continue
			}
			pm[i], am[j] = j, i
			if as[j] != asMissing {
				if c := cost(w, &p.f[i], &af[j]); c > a.thr {
					r.Notes = append(r.Notes, Note{Severity: cjml.Warning, Code: CodeIDContent, Planned: P[i], Actual: t,
						Message: fmt.Sprintf("touchpoint %s is paired with the planned touchpoint by its ID, but their content differs (cost %d, threshold %d)", t.ID, c, a.thr)})
				}
			}
		}
	}
	// Touchpoints recorded as missing that share no ID with the plan name
	// the planned touchpoint by content.
	for j, t := range A {
		if as[j] != asMissing || am[j] >= 0 {
			continue
		}
		best, bc := -1, a.thr+1
		for i := range P {
			if pm[i] < 0 {
				if c := cost(w, &p.f[i], &af[j]); c < bc {
					best, bc = i, c
				}
			}
		}
		if best < 0 {
			r.Notes = append(r.Notes, Note{Severity: cjml.Warning, Code: CodeCompliance, Actual: t,
				Message: fmt.Sprintf("touchpoint %s is marked missing but matches no planned touchpoint; it is left out", t.ID)})
			continue
		}
		pm[best], am[j] = j, best
	}

	// 2. Order-preserving alignment of the rest.
	a.up, a.ua = a.up[:0], a.ua[:0]
	for i := range P {
		if pm[i] < 0 {
			a.up = append(a.up, i)
		}
	}
	for j := range A {
		if am[j] < 0 && as[j] != asMissing && as[j] != asAdHoc {
			a.ua = append(a.ua, j)
		}
	}
	up, ua := a.up, a.ua
	nu, mu := len(up), len(ua)
	if nu > 0 && mu > 0 {
		if (nu+1)*(mu+1) <= maxCells {
			a.editDistance(p, up, ua)
		} else {
			r.Notes = append(r.Notes, Note{Severity: cjml.Info, Code: CodeApproximate,
				Message: fmt.Sprintf("journey %s is too long for the exact alignment (%d × %d touchpoints); it is aligned greedily", actual.ID, nu, mu)})
			a.greedy(p, up, ua)
		}
		// 3. Pair what is left across the order.
		for _, j := range ua {
			if am[j] >= 0 {
				continue
			}
			best, bc := -1, a.thr+1
			for _, i := range up {
				if pm[i] < 0 {
					if c := cost(w, &p.f[i], &af[j]); c < bc {
						best, bc = i, c
					}
				}
			}
			if best >= 0 {
				pm[best], am[j] = j, best
			}
		}
	}

	// 4. The longest increasing subsequence of planned positions.
	a.inLIS = a.lis.mark(am, as, a.inLIS[:0])
	inLIS := a.inLIS

	// Steps of the actual touchpoints, in actual order, with missing
	// planned touchpoints inserted after the touchpoint of the nearest
	// earlier planned touchpoint that happened in order.
	anchor := -1
	// pending are the missing planned touchpoints without a placeholder, in
	// plan order, and missingAt the actual index after which each goes.
	pending, missingAt := a.pending[:0], a.missingAt[:0]
	for i := range P {
		if pm[i] < 0 {
			missingAt = append(missingAt, anchor)
			pending = append(pending, i)
			continue
		}
		if j := pm[i]; as[j] == asMissing || inLIS[j] {
			anchor = j
		}
	}
	a.pending, a.missingAt = pending, missingAt
	nsteps := len(pending)
	for j := range A {
		if as[j] != asMissing || am[j] >= 0 {
			nsteps++
		}
	}
	steps := stepBuf
	if cap(steps) < nsteps {
		steps = make([]Step, 0, nsteps)
	}
	k := 0 // next pending missing step, in plan order; emitted per anchor
	emitMissing := func(after int) {
		for x := range pending {
			if missingAt[x] == after {
				i := pending[x]
				steps = append(steps, Step{Status: Missing, Planned: P[i], PlannedIndex: i, ActualIndex: -1, Cost: w.Missing})
				k++
			}
		}
	}
	if len(pending) > 0 {
		emitMissing(-1)
	}
	cap2 := w.Missing + w.AdHoc
	for j, t := range A {
		i := am[j]
		switch {
		case as[j] == asMissing:
			if i >= 0 {
				steps = append(steps, Step{Status: Missing, Planned: P[i], PlannedIndex: i, ActualIndex: -1,
					Placeholder: t, Asserted: true, Cost: w.Missing})
			}
		case i >= 0:
			steps = steps[:len(steps)+1]
			s := &steps[len(steps)-1]
			s.Status, s.Planned, s.Actual, s.PlannedIndex, s.ActualIndex, s.OutOfOrder = Completed, P[i], t, i, j, !inLIS[j]
			c := int(cost(w, &p.f[i], &af[j]))
			switch {
			case as[j] == asFailing:
				s.Status, s.Asserted = Failing, true
				c += w.Failing
				if s.OutOfOrder {
					c += w.Irregular
				}
			case as[j] == asIrregular:
				s.Status, s.Asserted = Irregular, true
				c += w.Irregular
			case s.OutOfOrder:
				s.Status = Irregular
				c += w.Irregular
			case as[j] == asCompleted:
				s.Asserted = true
			}
			s.Cost = min(c, cap2)
			s.Differences = differences(P[i], t, &p.f[i], &af[j])
		default:
			steps = steps[:len(steps)+1]
			s := &steps[len(steps)-1]
			s.Status, s.Actual, s.PlannedIndex, s.ActualIndex, s.Cost = AdHoc, t, -1, j, w.AdHoc
			switch as[j] {
			case asAdHoc:
				s.Asserted = true
			case asFailing:
				s.Status, s.Asserted = Failing, true
			case asCompleted, asIrregular:
				r.Notes = append(r.Notes, Note{Severity: cjml.Warning, Code: CodeCompliance, Actual: t,
					Message: fmt.Sprintf("touchpoint %s is marked %s but matches no planned touchpoint; it counts as ad hoc", t.ID, strings.TrimSpace(string(t.Compliance)))})
			}
		}
		if len(pending) > k {
			emitMissing(j)
		}
	}
	r.Steps = steps

	if p.timed {
		a.timing(r, p, A, pm, as)
	}

	// Totals.
	worst := 0
	for i := range steps {
		s := &steps[i]
		r.Counts.add(s.Status)
		r.Cost += s.Cost
		if s.Late != nil {
			r.Late++
		}
	}
	for j := range A {
		if as[j] != asMissing {
			worst += w.AdHoc
		}
	}
	worst += n * w.Missing
	r.WorstCost = worst
	r.Fitness = 1
	if worst > 0 {
		r.Fitness = math.Max(0, math.Min(1, 1-float64(r.Cost)/float64(worst)))
	}
	r.Conforms = r.Counts.Completed == len(steps)
	if r.Conforms {
		for i := range steps {
			if len(steps[i].Differences) > 0 {
				r.Conforms = false
				break
			}
		}
	}
	return r
}

// editDistance aligns planned touchpoints up with actual touchpoints ua by
// a weighted edit distance over suffixes, and matches the pairs of the
// optimal alignment, preferring at each point a match, then a missing
// planned touchpoint, then an ad hoc actual one.
func (a *Aligner) editDistance(p *plan, up, ua []int) {
	nu, mu := len(up), len(ua)
	w := &a.w
	if need := nu * mu; cap(a.cm) < need {
		a.cm = make([]int32, need)
	}
	if need := (nu + 1) * (mu + 1); cap(a.em) < need {
		a.em = make([]int32, need)
	}
	cm, em := a.cm[:nu*mu], a.em[:(nu+1)*(mu+1)]
	n := len(p.f)
	for y, j := range ua {
		af := &a.af[j]
		k := -1
		if p.same != nil {
			if s, ok := p.same[af.key()]; ok {
				k = s
			}
		}
		if k < 0 {
			for x, i := range up {
				cm[x*mu+y] = cost(w, &p.f[i], af)
			}
			continue
		}
		// Equal to planned touchpoint k: its costs are the plan's own.
		for x, i := range up {
			c := p.self[i*n+k]
			if c < 0 {
				c = cost(w, &p.f[i], &p.f[k])
				p.self[i*n+k] = c
			}
			cm[x*mu+y] = c
		}
	}
	wm, wa, thr := int32(w.Missing), int32(w.AdHoc), a.thr
	stride := mu + 1
	last := nu * stride
	em[last+mu] = 0
	for y := mu - 1; y >= 0; y-- {
		em[last+y] = em[last+y+1] + wa
	}
	for x := nu - 1; x >= 0; x-- {
		row, next := em[x*stride:x*stride+stride], em[(x+1)*stride:(x+1)*stride+stride]
		crow := cm[x*mu : x*mu+mu]
		row[mu] = next[mu] + wm
		for y := mu - 1; y >= 0; y-- {
			best := next[y] + wm
			if v := row[y+1] + wa; v < best {
				best = v
			}
			if c := crow[y]; c <= thr {
				if v := next[y+1] + c; v < best {
					best = v
				}
			}
			row[y] = best
		}
	}
	a.mx, a.my = a.mx[:0], a.my[:0]
	for x, y := 0, 0; x < nu && y < mu; {
		e := em[x*stride+y]
		if c := cm[x*mu+y]; c <= thr && e == em[(x+1)*stride+y+1]+c {
			a.mx, a.my = append(a.mx, x), append(a.my, y)
			x, y = x+1, y+1
		} else if e == em[(x+1)*stride+y]+wm {
			x++
		} else {
			y++
		}
	}
	// Two consecutive matches that fit each other's partner better, even
	// with the cost of one irregular step, are swapped: the order-preserving
	// alignment cannot see that two touchpoints traded places.
	mx, my := a.mx, a.my
	for k := 0; k+1 < len(mx); k++ {
		x1, y1, x2, y2 := mx[k], my[k], mx[k+1], my[k+1]
		c11, c22, c12, c21 := cm[x1*mu+y1], cm[x2*mu+y2], cm[x1*mu+y2], cm[x2*mu+y1]
		if c12 <= thr && c21 <= thr && c12+c21+int32(w.Irregular) < c11+c22 {
			my[k], my[k+1] = y2, y1
			k++
		}
	}
	for k, x := range mx {
		a.pm[up[x]], a.am[ua[my[k]]] = ua[my[k]], up[x]
	}
}

// greedy aligns very long journeys without the quadratic matrix: each
// actual touchpoint in turn takes the first unmatched planned touchpoint
// after the last match whose cost is within the threshold, looking at most
// 64 touchpoints ahead.
func (a *Aligner) greedy(p *plan, up, ua []int) {
	x := 0
	for _, j := range ua {
		for k := x; k < len(up) && k < x+64; k++ {
			if cost(&a.w, &p.f[up[k]], &a.af[j]) <= a.thr {
				a.pm[up[k]], a.am[j] = j, up[k]
				x = k + 1
				break
			}
		}
	}
}

// lisBuf holds the buffers of the longest increasing subsequence.
type lisBuf struct {
	vals, pos, tails, prev []int
}

// mark reports for each actual touchpoint whether it is a matched one in
// the longest increasing subsequence of planned positions (placeholders of
// missing touchpoints do not take part).
func (l *lisBuf) mark(am []int, as []assertion, out []bool) []bool {
	for range am {
		out = append(out, false)
	}
	l.vals, l.pos, l.tails, l.prev = l.vals[:0], l.pos[:0], l.tails[:0], l.prev[:0]
	for j, i := range am {
		if i >= 0 && as[j] != asMissing {
			l.vals = append(l.vals, i)
			l.pos = append(l.pos, j)
		}
	}
	for k, v := range l.vals {
		lo := sort.Search(len(l.tails), func(x int) bool { return l.vals[l.tails[x]] >= v })
		pr := -1
		if lo > 0 {
			pr = l.tails[lo-1]
		}
		l.prev = append(l.prev, pr)
		if lo == len(l.tails) {
			l.tails = append(l.tails, k)
		} else {
			l.tails[lo] = k
		}
	}
	if len(l.tails) > 0 {
		for k := l.tails[len(l.tails)-1]; k >= 0; k = l.prev[k] {
			out[l.pos[k]] = true
		}
	}
	return out
}

// differences lists the attributes of a matched pair that differ.
func differences(p, t *cjml.Touchpoint, pf, af *feat) []string {
	var d []string
	if p.Kind != t.Kind {
		d = append(d, "kind")
	}
	if pf.chKey != af.chKey {
		d = append(d, "channel")
	}
	if trimmed(p.Initiator.Actor) != trimmed(t.Initiator.Actor) {
		d = append(d, "initiator")
	}
	if (p.Receiver == nil) != (t.Receiver == nil) || p.Receiver != nil && trimmed(p.Receiver.Actor) != trimmed(t.Receiver.Actor) {
		d = append(d, "receiver")
	}
	if !sameText(p.Initiator.Label, t.Initiator.Label) || !sameText(recvLabel(p), recvLabel(t)) {
		d = append(d, "label")
	}
	return d
}

func recvLabel(t *cjml.Touchpoint) string {
	if t.Receiver == nil {
		return ""
	}
	return t.Receiver.Label
}

// sameText compares labels ignoring case and runs of white space.
func sameText(a, b string) bool {
	if a == b {
		return true
	}
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// timing reports late touchpoints: a matched touchpoint is late when its
// own duration exceeds the planned touchpointDuration, or when the time
// since the touchpoint matched to the nearest earlier planned touchpoint
// that happened exceeds the sum of the planned deltaTimes in between, by
// more than the tolerance.
func (a *Aligner) timing(r *Result, p *plan, A []*cjml.Touchpoint, pm []int, as []assertion) {
	P := p.j.Touchpoints
	n := len(P)
	starts := make([]time.Time, n)
	has := make([]bool, n)
	parse := func(t *cjml.Touchpoint, ts cjml.Timestamp) (time.Time, bool) {
		if ts.IsZero() {
			return time.Time{}, false
		}
		tm, _, err := ts.Time()
		if err != nil {
			r.Notes = append(r.Notes, Note{Severity: cjml.Warning, Code: CodeBadTimestamp, Actual: t,
				Message: fmt.Sprintf("touchpoint %s: %v; its timing is not checked", t.ID, err)})
			return time.Time{}, false
		}
		return tm, true
	}
	for i, j := range pm {
		if j >= 0 && as[j] != asMissing {
			starts[i], has[i] = parse(A[j], A[j].Timestamps.First())
		}
	}
	tol := a.opt.TimeTolerance
	for k := range r.Steps {
		s := &r.Steps[k]
		if s.Planned == nil || s.Actual == nil {
			continue
		}
		i := s.PlannedIndex
		if d := p.delta[i]; d.ok && has[i] {
			exp, ok := d.d, true
			q := i - 1
			for ; q >= 0 && !has[q]; q-- {
				if !p.delta[q].ok {
					ok = false
					break
				}
				exp += p.delta[q].d
			}
			if ok && q >= 0 {
				if got := starts[i].Sub(starts[q]); got > exp+tol {
					s.Late = &Lateness{Rule: "deltaTime", Expected: exp, Actual: got}
					continue
				}
			}
		}
		if d := p.dur[i]; d.ok && has[i] {
			ts := s.Actual.Timestamps
			end := ts.Completed
			if end.IsZero() {
				end = ts.Consumed
			}
			if end.IsZero() {
				end = ts.Received
			}
			if e, ok := parse(s.Actual, end); ok {
				if got := e.Sub(starts[i]); got > d.d+tol {
					s.Late = &Lateness{Rule: "touchpointDuration", Expected: d.d, Actual: got}
				}
			}
		}
	}
}
