package compare

import "cjml.dev/cjml"

// Annotate returns a copy of the result's actual journey annotated with the
// comparison, for drawing as a deviation diagram or writing as CJML: every
// touchpoint carries the compliance value of its step ("completed",
// "adhoc", "failing", "irregular"), every missing planned touchpoint is
// inserted where it was due as a copy with compliance "missing", and the
// journey-level complianceContent, complianceSequence and (when the plan
// has timing) complianceTiming say "compliant" or "deviating". The input
// journeys are not changed; touchpoints are shallow copies.
func Annotate(r *Result) *cjml.Journey {
	var j cjml.Journey
	if r.Actual != nil {
		j = *r.Actual
	} else {
		j.Kind = cjml.Actual
	}
	if r.Planned != nil && r.Planned.ID != "" {
		j.PlannedReference = r.Planned.ID
	}
	j.Touchpoints = make([]*cjml.Touchpoint, 0, len(r.Steps))
	for k := range r.Steps {
		s := &r.Steps[k]
		var t cjml.Touchpoint
		switch {
		case s.Actual != nil:
			t = *s.Actual
		case s.Placeholder != nil:
			t = *s.Placeholder
		default:
			t = *s.Planned
			// A planned touchpoint becomes its actual counterpart: the
			// actual element name, no planned-only timing, no positions
			// in the planned file.
			t.Tag = ""
			t.DeltaTime, t.Duration = "", ""
			t.Origin = cjml.Origin{}
		}
		t.Compliance = s.Status.Compliance()
		j.Touchpoints = append(j.Touchpoints, &t)
	}
	verdict := func(ok bool) string {
		if ok {
			return "compliant"
		}
		return "deviating"
	}
	c := r.Counts
	j.ComplianceContent = verdict(c.Missing == 0 && c.AdHoc == 0 && c.Failing == 0)
	j.ComplianceSequence = verdict(c.Irregular == 0)
	timed := false
	if r.Planned != nil {
		for _, t := range r.Planned.Touchpoints {
			if t.DeltaTime != "" || t.Duration != "" {
				timed = true
				break
			}
		}
	}
	if timed {
		j.ComplianceTiming = verdict(r.Late == 0)
	}
	return &j
}

// AnnotatedDocument returns a document holding the planned journeys of the
// results (each once, first) and the annotated actual journeys, in the
// order of results.
func AnnotatedDocument(results []*Result) *cjml.Document {
	doc := cjml.NewDocument()
	seen := map[*cjml.Journey]bool{}
	for _, r := range results {
		if r != nil && r.Planned != nil && !seen[r.Planned] {
			seen[r.Planned] = true
			doc.Journeys = append(doc.Journeys, r.Planned)
		}
	}
	for _, r := range results {
		if r != nil {
			doc.Journeys = append(doc.Journeys, Annotate(r))
		}
	}
	return doc
}
