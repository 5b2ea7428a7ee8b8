// Package compare aligns actual journeys with their planned journey and
// reports the deviations CJML's research found: ad hoc touchpoints,
// irregular sequence, failing touchpoints and missing touchpoints.
package compare

import "cjml.dev/cjml"

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
}

// Counts counts the steps of each status.
type Counts struct {
	Completed, Missing, AdHoc, Failing, Irregular int
}

// A Result is the alignment of one actual journey with its planned journey.
type Result struct {
	Planned, Actual *cjml.Journey
	// Steps are in the order of the actual journey, with missing planned
	// touchpoints inserted where they were due.
	Steps    []Step
	Counts   Counts
	Fitness  float64 // 1 − cost/worst cost, in [0, 1]
	Conforms bool    // every step completed
}
