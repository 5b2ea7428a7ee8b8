package compare

// Diagnostic codes of comparisons. They are stable; docs/compare.md explains
// each one.
const (
	// CodeMissing: a planned touchpoint never happened.
	CodeMissing = "compare/missing"
	// CodeAdHoc: an actual touchpoint has no counterpart in the plan.
	CodeAdHoc = "compare/adhoc"
	// CodeFailing: a touchpoint happened but failed (asserted by its
	// compliance value).
	CodeFailing = "compare/failing"
	// CodeIrregular: a touchpoint happened out of the planned order.
	CodeIrregular = "compare/irregular"
	// CodeChanged: a matched touchpoint differs from the plan in channel,
	// initiator, receiver, kind or label.
	CodeChanged = "compare/changed"
	// CodeLate: a touchpoint happened later than the plan's deltaTime or
	// touchpointDuration allow.
	CodeLate = "compare/late"
	// CodeNoPlan: an actual journey has no planned journey to compare with
	// (no plannedReference, or one that names no planned journey).
	CodeNoPlan = "compare/no-plan"
	// CodeIDContent: a touchpoint paired with a planned one by its
	// touchpointID has content that would not match.
	CodeIDContent = "compare/id-content"
	// CodeRepeatedID: an actual touchpoint repeats the touchpointID of an
	// earlier one; only the first is paired by ID.
	CodeRepeatedID = "compare/repeated-id"
	// CodeCompliance: a compliance value is unknown, or contradicts the
	// plan (a "missing" touchpoint that matches no planned one).
	CodeCompliance = "compare/compliance"
	// CodeBadDuration: a planned deltaTime or touchpointDuration is not a
	// duration.
	CodeBadDuration = "compare/bad-duration"
	// CodeBadTimestamp: an actual timestamp needed for a timing check is
	// not a date or date-time.
	CodeBadTimestamp = "compare/bad-timestamp"
	// CodeApproximate: a journey is too long for the exact alignment and
	// was aligned greedily.
	CodeApproximate = "compare/approximate"
)

// Codes lists every code a comparison reports, for documentation tests.
var Codes = []string{
	CodeMissing, CodeAdHoc, CodeFailing, CodeIrregular, CodeChanged, CodeLate,
	CodeNoPlan, CodeIDContent, CodeRepeatedID, CodeCompliance, CodeBadDuration, CodeBadTimestamp, CodeApproximate,
}
