package compare

import (
	"cmp"
	"slices"
	"strings"

	"cjml.dev/cjml"
)

// A Summary describes the alignments of many actual journeys: how many
// conform, how fit they are on average, what happened to each planned
// touchpoint, which ad hoc touchpoints occur most and which journey variants
// are most common.
type Summary struct {
	Journeys    int
	Conforming  int
	MeanFitness float64
	// Late counts the late steps of all journeys.
	Late int
	// Touchpoints has one entry per planned touchpoint, in plan order
	// (plans in the order their first journey was added).
	Touchpoints []TouchpointStats
	// AdHoc are the most frequent ad hoc touchpoints, grouped by
	// initiator, receiver, channel and label; most frequent first.
	AdHoc []AdHocGroup
	// Variants are the most common journey variants, most common first.
	Variants []Variant
}

// ConformingShare returns the share of journeys that conform, in [0, 1]
// (0 for no journeys).
func (s *Summary) ConformingShare() float64 {
	if s.Journeys == 0 {
		return 0
	}
	return float64(s.Conforming) / float64(s.Journeys)
}

// TouchpointStats counts what happened to one planned touchpoint.
type TouchpointStats struct {
	// Journey is the planned journey's ID and Planned the touchpoint's ID.
	Journey, Planned string
	Label            string
	Completed        int
	Missing          int
	Failing          int
	Irregular        int
	// Late counts the journeys in which the touchpoint happened late.
	Late int
}

// An AdHocGroup is a kind of ad hoc touchpoint: initiator and receiver
// actor IDs, the channel's canonical name and the label (compared ignoring
// case and spacing; the first spelling seen is kept).
type AdHocGroup struct {
	Initiator, Receiver, Channel, Label string
	Count                               int
}

// A Variant is a shape of journey shared by Count journeys. Key lists the
// steps separated by spaces: the planned touchpoint ID of a completed step,
// "-ID" for a missing one, "~ID" for an irregular one, "!ID" for a failing
// one ("!+" when it matches nothing in the plan) and "+" for an ad hoc one.
type Variant struct {
	Key   string
	Count int
}

// TopN is how many ad hoc groups and variants a Summary keeps.
const TopN = 10

// Stats accumulates results one at a time, so that thousands of journeys
// can be summarized without keeping their results. The zero value is ready
// to use; it is not safe for concurrent use.
type Stats struct {
	journeys, conforming, late int
	fitness                    float64
	plans                      []*cjml.Journey
	tps                        map[*cjml.Journey][]TouchpointStats
	adhoc                      map[string]*AdHocGroup
	variants                   map[string]int
	key                        strings.Builder
}

// Add counts one result.
func (s *Stats) Add(r *Result) {
	if s.tps == nil {
		s.tps = map[*cjml.Journey][]TouchpointStats{}
		s.adhoc = map[string]*AdHocGroup{}
		s.variants = map[string]int{}
	}
	s.journeys++
	if r.Conforms {
		s.conforming++
	}
	s.late += r.Late
	s.fitness += r.Fitness
	var tps []TouchpointStats
	if r.Planned != nil {
		var ok bool
		if tps, ok = s.tps[r.Planned]; !ok {
			tps = make([]TouchpointStats, len(r.Planned.Touchpoints))
			for i, t := range r.Planned.Touchpoints {
				tps[i] = TouchpointStats{Journey: r.Planned.ID, Planned: t.ID, Label: t.Label()}
			}
			s.tps[r.Planned] = tps
			s.plans = append(s.plans, r.Planned)
		}
	}
	s.key.Reset()
	for k := range r.Steps {
		st := &r.Steps[k]
		if k > 0 {
			s.key.WriteByte(' ')
		}
		var tp *TouchpointStats
		if st.Planned != nil && st.PlannedIndex >= 0 && st.PlannedIndex < len(tps) {
			tp = &tps[st.PlannedIndex]
			if st.Late != nil {
				tp.Late++
			}
		}
		switch st.Status {
		case Completed:
			if tp != nil {
				tp.Completed++
			}
			s.key.WriteString(st.Planned.ID)
		case Missing:
			if tp != nil {
				tp.Missing++
			}
			s.key.WriteByte('-')
			s.key.WriteString(st.Planned.ID)
		case Irregular:
			if tp != nil {
				tp.Irregular++
			}
			s.key.WriteByte('~')
			s.key.WriteString(st.Planned.ID)
		case Failing:
			s.key.WriteByte('!')
			if tp != nil {
				tp.Failing++
				s.key.WriteString(st.Planned.ID)
			} else {
				s.key.WriteByte('+')
			}
		case AdHoc:
			s.key.WriteByte('+')
			s.addAdHoc(st.Actual)
		}
	}
	s.variants[s.key.String()]++
}

func (s *Stats) addAdHoc(t *cjml.Touchpoint) {
	if t == nil {
		return
	}
	g := AdHocGroup{Initiator: strings.TrimSpace(t.Initiator.Actor), Label: strings.Join(strings.Fields(t.Label()), " ")}
	if t.Receiver != nil {
		g.Receiver = strings.TrimSpace(t.Receiver.Actor)
	}
	if t.Channel != "" {
		g.Channel = t.Channel.Info().Name
	}
	key := g.Initiator + "\x00" + g.Receiver + "\x00" + g.Channel + "\x00" + strings.ToLower(g.Label)
	if p, ok := s.adhoc[key]; ok {
		p.Count++
		return
	}
	g.Count = 1
	s.adhoc[key] = &g
}

// Summary returns the summary of the results added so far.
func (s *Stats) Summary() *Summary {
	sum := &Summary{Journeys: s.journeys, Conforming: s.conforming, Late: s.late,
		Touchpoints: []TouchpointStats{}, AdHoc: []AdHocGroup{}, Variants: []Variant{}}
	if s.journeys > 0 {
		sum.MeanFitness = s.fitness / float64(s.journeys)
	}
	for _, p := range s.plans {
		sum.Touchpoints = append(sum.Touchpoints, s.tps[p]...)
	}
	for _, g := range s.adhoc {
		sum.AdHoc = append(sum.AdHoc, *g)
	}
	slices.SortFunc(sum.AdHoc, func(a, b AdHocGroup) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(strings.ToLower(a.Label), strings.ToLower(b.Label)),
			cmp.Compare(a.Label, b.Label), cmp.Compare(a.Initiator, b.Initiator),
			cmp.Compare(a.Receiver, b.Receiver), cmp.Compare(a.Channel, b.Channel))
	})
	if len(sum.AdHoc) > TopN {
		sum.AdHoc = sum.AdHoc[:TopN]
	}
	for k, n := range s.variants {
		sum.Variants = append(sum.Variants, Variant{Key: k, Count: n})
	}
	slices.SortFunc(sum.Variants, func(a, b Variant) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Key, b.Key))
	})
	if len(sum.Variants) > TopN {
		sum.Variants = sum.Variants[:TopN]
	}
	return sum
}

// Summarize summarizes results.
func Summarize(results []*Result) *Summary {
	var s Stats
	for _, r := range results {
		if r != nil {
			s.Add(r)
		}
	}
	return s.Summary()
}
