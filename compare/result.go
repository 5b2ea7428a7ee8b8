// Package compare aligns actual journeys with their planned journey and
// reports the deviations CJML's research found: ad hoc touchpoints,
// irregular sequence, failing touchpoints and missing touchpoints.
package compare

import (
	"time"

	"cjml.dev/cjml"
)

// Status classifies one step of an alignment.
type Status string

// Step statuses, as in the JSON output of cjml compare.
const (
	// Completed: a planned touchpoint happened as planned.
	Completed Status = "completed"
	// Missing: a planned touchpoint never happened.
	Missing Status = "missing"
	// AdHoc: a touchpoint happened that the plan does not have.
	AdHoc Status = "adhoc"
	// Failing: a planned touchpoint happened but did not serve its
	// purpose (asserted by compliance="failing").
	Failing Status = "failing"
	// Irregular: a planned touchpoint happened, but out of the planned
	// order.
	Irregular Status = "irregular"
)

// A Step is one entry of an alignment: a planned touchpoint, an actual
// touchpoint, or a matched pair of both.
type Step struct {
	Status Status
	// Planned is the planned touchpoint (nil for ad hoc steps) and Actual
	// the actual touchpoint (nil for missing steps).
	Planned, Actual *cjml.Touchpoint
	// PlannedIndex and ActualIndex are the touchpoints' indexes in their
	// journeys' Touchpoints, or -1 when absent.
	PlannedIndex, ActualIndex int
	// Differences lists the attributes of a matched pair that differ:
	// "channel", "initiator", "receiver", "kind", "label".
	Differences []string

	// Asserted reports that the status comes from the actual touchpoint's
	// compliance value rather than from the alignment.
	Asserted bool
	// OutOfOrder reports that a matched pair lies outside the longest run
	// of planned positions in actual order. The status is then Irregular,
	// unless the touchpoint was asserted failing.
	OutOfOrder bool
	// Placeholder is, for a missing step, the touchpoint of the actual
	// journey that records it (compliance="missing", a copy of the
	// planned touchpoint), or nil.
	Placeholder *cjml.Touchpoint
	// Cost is the step's share of the alignment cost.
	Cost int
	// Late is set when the touchpoint happened later than the plan's
	// deltaTime or touchpointDuration allow.
	Late *Lateness
}

// Lateness describes a late touchpoint.
type Lateness struct {
	// Rule is "deltaTime" (the offset from the previous planned touchpoint
	// that happened) or "touchpointDuration" (the touchpoint's own
	// duration).
	Rule string
	// Expected is the planned offset or duration, Actual the observed
	// one; Actual exceeds Expected by more than the tolerance.
	Expected, Actual time.Duration
}

// Counts counts the steps of each status.
type Counts struct {
	Completed, Missing, AdHoc, Failing, Irregular int
}

// Of returns the count of status s.
func (c Counts) Of(s Status) int {
	switch s {
	case Completed:
		return c.Completed
	case Missing:
		return c.Missing
	case AdHoc:
		return c.AdHoc
	case Failing:
		return c.Failing
	case Irregular:
		return c.Irregular
	}
	return 0
}

func (c *Counts) add(s Status) {
	switch s {
	case Completed:
		c.Completed++
	case Missing:
		c.Missing++
	case AdHoc:
		c.AdHoc++
	case Failing:
		c.Failing++
	case Irregular:
		c.Irregular++
	}
}

// Compliance returns the CJML compliance value that records status s in an
// actual journey (what [Annotate] writes and the renderer draws).
func (s Status) Compliance() cjml.Compliance {
	switch s {
	case Missing:
		return cjml.Missing
	case AdHoc:
		return cjml.AdHoc
	case Failing:
		return cjml.Failing
	case Irregular:
		return cjml.Irregular
	}
	return cjml.Completed
}

// Statuses lists the statuses in the order reports use.
var Statuses = []Status{Completed, Missing, AdHoc, Failing, Irregular}

// A Result is the alignment of one actual journey with its planned journey.
type Result struct {
	Planned, Actual *cjml.Journey
	// Steps are in the order of the actual journey, with missing planned
	// touchpoints inserted where they were due.
	Steps    []Step
	Counts   Counts
	Fitness  float64 // 1 − cost/worst cost, in [0, 1]
	Conforms bool    // every step completed, without differences
	// Cost is the cost of the alignment and WorstCost the cost of leaving
	// every touchpoint unmatched; Fitness = 1 − Cost/WorstCost.
	Cost, WorstCost int
	// Late counts the late steps.
	Late int
	// Notes are findings about the input met while aligning: unknown
	// compliance values, touchpoints paired by ID whose content differs,
	// unreadable durations or timestamps.
	Notes []Note
}

// A Note is a finding about the input met while aligning. Diagnostics turns
// notes into diagnostics with positions.
type Note struct {
	Severity cjml.Severity
	Code     string
	Message  string
	// Planned and Actual are the touchpoints the note is about (either
	// may be nil).
	Planned, Actual *cjml.Touchpoint
}
