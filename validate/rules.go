package validate

import (
	"slices"

	"cjml.dev/cjml"
)

// A Rule describes one diagnostic code the validator (or the reader it
// runs) can report. docs/rules.md explains each rule with a bad and a good
// example; a test keeps that page and this list in step.
type Rule struct {
	// Code is the stable kebab-case code, grouped by origin: parse/…,
	// schema/… or rule/….
	Code string
	// Severity is the default severity. [Options.Strict] raises the
	// lenient-resolution rules (see [Rule.Lenient]) to errors.
	Severity cjml.Severity
	// Summary is one line saying what the rule checks.
	Summary string
	// Lenient marks the rules that report a reference cjml resolves only
	// by a tolerant reading; --strict turns them into errors.
	Lenient bool
}

// Rule codes of the semantic checks.
const (
	CodeNoJourney            = "rule/no-journey"
	CodeVersion              = "rule/unknown-version"
	CodeEmptyID              = "rule/empty-id"
	CodeDuplicateJourney     = "rule/duplicate-journey-id"
	CodeDuplicatePhase       = "rule/duplicate-phase-id"
	CodeDuplicateActor       = "rule/duplicate-actor-id"
	CodeDuplicateTouchpoint  = "rule/duplicate-touchpoint-id"
	CodeMissingActorID       = "rule/missing-actor-id"
	CodeUnknownActor         = "rule/unknown-actor"
	CodeActorByName          = "rule/actor-by-name"
	CodeActorNotListed       = "rule/actor-not-listed"
	CodeUndeclaredReuse      = "rule/undeclared-actor-reuse"
	CodeUnusedActor          = "rule/unused-actor"
	CodeNoEndUser            = "rule/no-end-user"
	CodeUnknownPlanned       = "rule/unknown-planned-reference"
	CodePlannedRefKind       = "rule/planned-reference-kind"
	CodeUnknownPhase         = "rule/unknown-phase"
	CodeTouchpointKind       = "rule/touchpoint-kind"
	CodeActionReceiver       = "rule/action-receiver"
	CodeSelfCommunication    = "rule/self-communication"
	CodeEmptyLabel           = "rule/empty-label"
	CodeUnknownChannel       = "rule/unknown-channel"
	CodeUnknownCompliance    = "rule/unknown-compliance"
	CodeActualOnly           = "rule/actual-only"
	CodeExperienceInPlanned  = "rule/experience-in-planned"
	CodeRating               = "rule/rating-range"
	CodeBadTimestamp         = "rule/bad-timestamp"
	CodeTimestampOrder       = "rule/timestamp-order"
	CodeMissingWithData      = "rule/missing-with-data"
	CodeOverSplit            = "rule/possible-over-split"
	CodeSchemaRequired       = "schema/required"
	CodeSchemaUnexpected     = "schema/unexpected"
	CodeSchemaType           = "schema/type"
	CodeSchemaValue          = "schema/value"
	CodeSchemaCount          = "schema/count"
	CodeSchemaInvalid        = "schema/invalid"
	severityForParseWarnings = cjml.Warning
)

var rules = []Rule{
	// Reading (package cjml).
	{Code: cjml.CodeIO, Severity: cjml.Error, Summary: "the input cannot be read at all (no such file, a directory, no permission)"},
	{Code: cjml.CodeSyntax, Severity: cjml.Error, Summary: "the input is not well-formed XML, YAML or JSON"},
	{Code: cjml.CodeEncoding, Severity: cjml.Error, Summary: "the bytes are not valid UTF-8 or the declared encoding is not supported"},
	{Code: cjml.CodeInvalidChar, Severity: cjml.Error, Summary: "a character XML 1.0 does not allow"},
	{Code: cjml.CodeEntity, Severity: cjml.Error, Summary: "a reference to an entity other than XML's five predefined ones"},
	{Code: cjml.CodeTooLarge, Severity: cjml.Error, Summary: "the input is larger than the size limit"},
	{Code: cjml.CodeTooDeep, Severity: cjml.Error, Summary: "elements or values nest deeper than the depth limit"},
	{Code: cjml.CodeRoot, Severity: cjml.Error, Summary: "the root element is not CJML, or there is no root"},
	{Code: cjml.CodeDoctype, Severity: severityForParseWarnings, Summary: "a DOCTYPE declaration was ignored"},
	{Code: cjml.CodeProcInst, Severity: severityForParseWarnings, Summary: "a processing instruction inside an element was dropped"},
	{Code: cjml.CodeNameCase, Severity: severityForParseWarnings, Summary: "a CJML name written with different letter case was read as the CJML name"},
	{Code: cjml.CodeStrayText, Severity: severityForParseWarnings, Summary: "text where CJML expects only elements was dropped"},
	{Code: cjml.CodeBadKey, Severity: cjml.Error, Summary: "a YAML/JSON key or value that has no XML counterpart"},

	// Structure (the JSON Schema of the YAML/JSON form).
	{Code: CodeSchemaRequired, Severity: cjml.Error, Summary: "a required element or attribute is missing"},
	{Code: CodeSchemaUnexpected, Severity: cjml.Error, Summary: "an element or attribute that is not allowed where it is"},
	{Code: CodeSchemaType, Severity: cjml.Error, Summary: "an element has the wrong shape (text where elements belong, or the reverse)"},
	{Code: CodeSchemaValue, Severity: cjml.Error, Summary: "a value outside the allowed values or format"},
	{Code: CodeSchemaCount, Severity: cjml.Error, Summary: "an element occurs too few or too many times"},
	{Code: CodeSchemaInvalid, Severity: cjml.Error, Summary: "a structure the schema rejects for another reason"},

	// Language rules.
	{Code: CodeNoJourney, Severity: cjml.Error, Summary: "the document holds no journey"},
	{Code: CodeVersion, Severity: cjml.Warning, Summary: "the CJML version is missing or not 2.0 (or CJMLExcel's 3.0)"},
	{Code: CodeEmptyID, Severity: cjml.Error, Summary: "a journeyID, phaseID, actorID or touchpointID is present but empty"},
	{Code: CodeDuplicateJourney, Severity: cjml.Error, Summary: "two journeys of the file have the same journeyID"},
	{Code: CodeDuplicatePhase, Severity: cjml.Error, Summary: "two phases of a journey have the same phaseID"},
	{Code: CodeDuplicateActor, Severity: cjml.Error, Summary: "two actors of a journey have the same ID"},
	{Code: CodeDuplicateTouchpoint, Severity: cjml.Error, Summary: "two touchpoints of a journey have the same touchpointID"},
	{Code: CodeMissingActorID, Severity: cjml.Error, Summary: "an actor has neither actorID nor actorIDref"},
	{Code: CodeUnknownActor, Severity: cjml.Error, Summary: "an initiator or receiver refers to no actor"},
	{Code: CodeActorByName, Severity: cjml.Warning, Summary: "an actor reference resolves only by the actor's name, not its ID", Lenient: true},
	{Code: CodeActorNotListed, Severity: cjml.Warning, Summary: "an actor reference resolves only to an actor of an earlier journey", Lenient: true},
	{Code: CodeUndeclaredReuse, Severity: cjml.Warning, Summary: "an actor re-uses (actorIDref) an ID no earlier journey declares", Lenient: true},
	{Code: CodeUnusedActor, Severity: cjml.Warning, Summary: "an actor is declared but no touchpoint of its journey involves it"},
	{Code: CodeNoEndUser, Severity: cjml.Warning, Summary: "a journey has no end-user actor"},
	{Code: CodeUnknownPlanned, Severity: cjml.Info, Summary: "plannedReference names no journey of the file"},
	{Code: CodePlannedRefKind, Severity: cjml.Error, Summary: "plannedReference names an actual journey"},
	{Code: CodeUnknownPhase, Severity: cjml.Warning, Summary: "belongsTo refers to no phase of the journey"},
	{Code: CodeTouchpointKind, Severity: cjml.Error, Summary: "a planned touchpoint in an actual journey, or the reverse"},
	{Code: CodeActionReceiver, Severity: cjml.Error, Summary: "an action has a receiver or a channel"},
	{Code: CodeSelfCommunication, Severity: cjml.Warning, Summary: "a communication point's initiator and receiver are the same actor"},
	{Code: CodeEmptyLabel, Severity: cjml.Warning, Summary: "an initiatorLabel or receiverLabel is missing or empty"},
	{Code: CodeUnknownChannel, Severity: cjml.Warning, Summary: "a channel name cjml does not know"},
	{Code: CodeUnknownCompliance, Severity: cjml.Error, Summary: "a compliance value that is not completed, missing, failing, adhoc or irregular"},
	{Code: CodeActualOnly, Severity: cjml.Error, Summary: "a planned journey or touchpoint carries data only actual ones have"},
	{Code: CodeExperienceInPlanned, Severity: cjml.Error, Summary: "an experience in a planned journey"},
	{Code: CodeRating, Severity: cjml.Error, Summary: "an experienceRating that is not an integer from 1 to 5"},
	{Code: CodeBadTimestamp, Severity: cjml.Error, Summary: "a timestamp that is not an ISO 8601 date or date-time"},
	{Code: CodeTimestampOrder, Severity: cjml.Warning, Summary: "timestamps that go back in time against document order"},
	{Code: CodeMissingWithData, Severity: cjml.Warning, Summary: "a touchpoint marked missing has timestamps or an experience"},
	{Code: CodeOverSplit, Severity: cjml.Info, Summary: "a communication point repeats the previous one's initiator, receiver and channel"},
}

// Rules returns every rule the validator can report, parse/… first, then
// schema/… and rule/…, each group in the order of docs/rules.md.
func Rules() []Rule { return slices.Clone(rules) }

// RuleOf returns the rule with the given code.
func RuleOf(code string) (Rule, bool) {
	for _, r := range rules {
		if r.Code == code {
			return r, true
		}
	}
	return Rule{}, false
}
