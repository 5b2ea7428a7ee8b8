// Package gen holds the one description of the CJML 2.0 vocabulary that
// both schemas of package schema are generated from, and the two
// generators: JSON Schema (draft 2020-12) of the YAML/JSON form and XSD 1.0
// of the XML form. Run `go generate ./schema` after changing it; a test in
// package schema checks that the embedded files are this package's output.
package gen

// Kind is what an element holds.
type Kind int

const (
	// Text is an element with only text (and, tolerated, attributes).
	Text Kind = iota
	// Complex is an element with child elements in any order.
	Complex
	// List is a container (actors, touchpoints, journeyPhases, the root's
	// journeys) whose form is a sequence of one-key mappings.
	List
	// Opaque is an element kept as written and not checked.
	Opaque
)

// A Type is the content type of one or more CJML elements. Its name is the
// $defs name in the JSON Schema and the type name in the XSD.
type Type struct {
	Name        string
	Title       string
	Description string
	Kind        Kind
	// Value is the value type of a Text type: one of the Values.
	Value *Value
	Attrs []Attr
	// Children are the child elements of a Complex type, or the item
	// elements of a List type (Min and Max are not used there).
	Children []Child
	// OneOfAttrs: exactly one of these attributes must be given.
	OneOfAttrs []string
	// AtLeastOne: a List that must hold at least one item element.
	AtLeastOne bool
}

// A Value is a simple value type.
type Value struct {
	Name        string
	Title       string
	Description string
	// NonEmpty: the value must hold a non-space character.
	NonEmpty bool
	// Words: the value is empty or one of these words, compared as cjml
	// does (case-insensitively, ignoring spaces, hyphens and underscores).
	Words []string
	// Rating: an integer from 1 to 5, or one of Words.
	Rating bool
	// Enum: a closed list of exact values (white space around is ignored).
	Enum []string
	// Pattern: a regular expression the whole value (white space around
	// ignored) must match, in the common subset of XSD and RE2 syntax.
	Pattern string
}

// An Attr is an attribute CJML defines on an element.
type Attr struct {
	Name     string
	Value    *Value
	Required bool
}

// A Child is a child element: its name, type and number of occurrences
// (Max 0 means unbounded).
type Child struct {
	Name     string
	Type     *Type
	Min, Max int
}

// bareAttrs are the CJML attributes, written in the form without "@".
var bareAttrs = []string{"version", "actorID", "actorIDref", "phaseID", "phaseIDref"}

// The value types.
var (
	textValue = &Value{Name: "text", Title: "Text",
		Description: "Free text; may be empty."}
	idValue = &Value{Name: "id", Title: "Identifier", NonEmpty: true,
		Description: "A required identifier or name: text that is not empty (leading and trailing white space is ignored)."}
	complianceValue = &Value{Name: "compliance", Title: "Compliance",
		Words:       []string{"completed", "complete", "missing", "failing", "failed", "failure", "fail", "adhoc", "irregular", "outoforder"},
		Description: "How an actual touchpoint complied with the planned journey: completed (also when empty), missing, failing, adhoc or irregular. Letter case, spaces, hyphens and underscores are ignored (Ad-hoc, ad hoc), and failed, failure, fail, complete and out of order are read as variants."}
	ratingValue = &Value{Name: "rating", Title: "Experience rating", Rating: true,
		Words:       []string{"verydissatisfied", "veryunsatisfied", "dissatisfied", "unsatisfied", "neutral", "satisfied", "verysatisfied"},
		Description: "The end-user's rating of the experience: an integer from 1 (very dissatisfied) to 5 (very satisfied), empty for no rating, or CJMLExcel's words (very dissatisfied … very satisfied)."}
	versionValue = &Value{Name: "version", Title: "CJML version", Pattern: `[0-9]+(\.[0-9]+)*`,
		Description: "The CJML version the document follows: a version number such as 2.0 (3.0 from newer CJMLExcel)."}
	sideValue = &Value{Name: "side", Title: "Side", Enum: []string{"", "initiator", "receiver"},
		Description: "The end of a communication point a security marker concerns: initiator, receiver, or empty for the whole touchpoint."}
)

// Values lists the value types in the order the schemas define them.
var Values = []*Value{textValue, idValue, versionValue, complianceValue, ratingValue, sideValue}

func textType(v *Value, name, title, desc string) *Type {
	return &Type{Name: name, Title: title, Description: desc, Kind: Text, Value: v}
}

// The types, leaves first.
var (
	text       = textType(textValue, "text", "Text element", "An element holding free text, possibly empty.")
	id         = textType(idValue, "idText", "Identifier element", "An element holding an identifier or name that must not be empty.")
	compliance = textType(complianceValue, "compliance", "compliance", "How an actual touchpoint complied with the planned journey: completed (also when empty), missing, failing, adhoc or irregular (letter case, spaces, hyphens and underscores are ignored; failed, failure and out of order are variants).")
	rating     = textType(ratingValue, "experienceRating", "experienceRating", "The end-user's rating of the experience: an integer from 1 (very dissatisfied) to 5 (very satisfied), or empty for no rating.")
	marker     = &Type{Name: "securityMarker", Title: "Security marker (threat, unwantedIncident)", Kind: Text, Value: textValue,
		Description: "A threat or unwanted incident of CJML's security flavour: this project's extension elements <threat> and <unwantedIncident>, with an optional side attribute (initiator or receiver) and a description as text. They may repeat.",
		Attrs:       []Attr{{Name: "side", Value: sideValue}}}
	analysis = &Type{Name: "touchpointLevelAnalysis", Title: "touchpointLevelAnalysis", Kind: Opaque,
		Description: "Results written by analysis tools (AnalyzerResults); kept as written and not checked."}

	refersTo = &Type{Name: "refersTo", Title: "refersTo (actor reference)", Kind: Complex,
		Description: "The actor an initiator or receiver refers to, by the actorIDref attribute (the actorID of an actor of the journey or of an earlier journey).",
		Attrs:       []Attr{{Name: "actorIDref", Value: idValue, Required: true}}}
	initiator = &Type{Name: "initiator", Title: "initiator (party)", Kind: Complex,
		Description: "The party that starts the touchpoint (the sender of a communication point, the actor of an action): a refersTo naming the actor and an initiatorLabel saying what it does.",
		Children:    []Child{{"refersTo", refersTo, 1, 1}, {"initiatorLabel", text, 0, 1}}}
	receiver = &Type{Name: "receiver", Title: "receiver (party)", Kind: Complex,
		Description: "The party that receives a communication point: a refersTo naming the actor and a receiverLabel saying what it gets or does. Actions have no receiver.",
		Children:    []Child{{"refersTo", refersTo, 1, 1}, {"receiverLabel", text, 0, 1}}}
	channel = &Type{Name: "channel", Title: "channel", Kind: Complex,
		Description: "The medium that carries a communication point, named by channelName (free text such as email, sms, internetViaPC, faceToFace). Actions have no channel.",
		Children:    []Child{{"channelName", id, 1, 1}}}
	belongsTo = &Type{Name: "belongsTo", Title: "belongsTo (journey phase)", Kind: Complex,
		Description: "The journey phase a touchpoint belongs to, by the phaseIDref attribute; an empty phaseIDref means no phase.",
		Attrs:       []Attr{{Name: "phaseIDref", Value: textValue}}}
	commTimestamps = &Type{Name: "communicationTimestamps", Title: "timestamps (communication point)", Kind: Complex,
		Description: "When an actual communication point happened: timeOriginated (sent), timeReceived, timeConsumed (read or used), timeStarted, timeCompleted; dates or date-times, ISO 8601 with T or a space. Only actual touchpoints have timestamps.",
		Children: []Child{{"timeOriginated", text, 0, 1}, {"timeReceived", text, 0, 1}, {"timeConsumed", text, 0, 1},
			{"timeStarted", text, 0, 1}, {"timeCompleted", text, 0, 1}}}
	actionTimestamps = &Type{Name: "actionTimestamps", Title: "timestamps (action)", Kind: Complex,
		Description: "When an actual action happened: timeStarted and timeCompleted, dates or date-times. An action sends no message, so it has no timeOriginated, timeReceived or timeConsumed. Only actual touchpoints have timestamps.",
		Children:    []Child{{"timeStarted", text, 0, 1}, {"timeCompleted", text, 0, 1}}}
	experience = &Type{Name: "experience", Title: "experience (touchpointExperience, journeyExperience)", Kind: Complex,
		Description: "The end-user's self-reported experience: experienceDescription and experienceRating (1 to 5). Experience belongs to actual journeys only.",
		Children:    []Child{{"experienceDescription", text, 0, 1}, {"experienceRating", rating, 0, 1}}}
	actor = &Type{Name: "actor", Title: "actor", Kind: Complex,
		Description: "An actor of the journey. The element name gives its kind: endUser (or the end-user names customer, user, employee, patient, citizen), serviceProvider, attacker or system. It declares an actorID, or re-uses with actorIDref an actor declared in an earlier journey — exactly one of the two.",
		Attrs:       []Attr{{Name: "actorID", Value: idValue}, {Name: "actorIDref", Value: idValue}},
		OneOfAttrs:  []string{"actorID", "actorIDref"},
		Children: []Child{{"actorName", text, 0, 1}, {"companyName", text, 0, 1}, {"providerType", text, 0, 1},
			{"department", text, 0, 1}, {"position", text, 0, 1}}}
	phase = &Type{Name: "journeyPhase", Title: "journeyPhase", Kind: Complex,
		Description: "A phase of the journey, the only way to group touchpoints: a phaseID attribute, a phaseName and an optional phaseDescription.",
		Attrs:       []Attr{{Name: "phaseID", Value: idValue, Required: true}},
		Children:    []Child{{"phaseName", text, 1, 1}, {"phaseDescription", text, 0, 1}}}
	phases = &Type{Name: "journeyPhases", Title: "journeyPhases", Kind: List,
		Description: "The journey's phases: a sequence of {journeyPhase: …} items.",
		Children:    []Child{{Name: "journeyPhase", Type: phase}}}
	actors = &Type{Name: "actors", Title: "actors", Kind: List,
		Description: "The journey's actors, in order: a sequence of one-key items whose key is the actor kind (endUser, customer, user, employee, patient, citizen, serviceProvider, attacker, system).",
		Children: []Child{{Name: "endUser", Type: actor}, {Name: "customer", Type: actor}, {Name: "user", Type: actor},
			{Name: "employee", Type: actor}, {Name: "patient", Type: actor}, {Name: "citizen", Type: actor},
			{Name: "serviceProvider", Type: actor}, {Name: "attacker", Type: actor}, {Name: "system", Type: actor}}}
)

// touchpointChildren returns the child elements of a touchpoint.
func touchpointChildren(actual, comm bool) []Child {
	c := []Child{{"touchpointID", id, 1, 1}, {"belongsTo", belongsTo, 0, 1}}
	if actual {
		c = append(c, Child{"compliance", compliance, 0, 1})
	}
	c = append(c, Child{"initiator", initiator, 1, 1})
	if comm {
		c = append(c, Child{"receiver", receiver, 1, 1}, Child{"channel", channel, 1, 1}, Child{"message", text, 0, 1})
	}
	if actual {
		ts := actionTimestamps
		if comm {
			ts = commTimestamps
		}
		c = append(c, Child{"timestamps", ts, 0, 1})
	}
	c = append(c, Child{"touchpointDuration", text, 0, 1}, Child{"deltaTime", text, 0, 1})
	if actual {
		c = append(c, Child{"touchpointExperience", experience, 0, 1})
	}
	return append(c, Child{"comment", text, 0, 1}, Child{"category", text, 0, 1}, Child{"uncertainty", text, 0, 1},
		Child{"touchpointLevelAnalysis", analysis, 0, 1},
		Child{"threat", marker, 0, 0}, Child{"unwantedIncident", marker, 0, 0})
}

var (
	plannedComm = &Type{Name: "plannedCommunicationPoint", Title: "plannedCommunicationPoint", Kind: Complex,
		Description: "A communication point of a planned journey: a touchpointID, an initiator, a receiver and a channel. Planned touchpoints have no compliance, timestamps or touchpointExperience.",
		Children:    touchpointChildren(false, true)}
	plannedAction = &Type{Name: "plannedAction", Title: "plannedAction", Kind: Complex,
		Description: "An action (a non-communicative step done by one actor) of a planned journey: a touchpointID and an initiator. Actions have no receiver, channel or message; planned touchpoints have no compliance, timestamps or touchpointExperience.",
		Children:    touchpointChildren(false, false)}
	actualComm = &Type{Name: "actualCommunicationPoint", Title: "actualCommunicationPoint", Kind: Complex,
		Description: "A communication point of an actual journey: a touchpointID, an initiator, a receiver and a channel, with optional compliance, timestamps and touchpointExperience.",
		Children:    touchpointChildren(true, true)}
	actualAction = &Type{Name: "actualAction", Title: "actualAction", Kind: Complex,
		Description: "An action of an actual journey: a touchpointID and an initiator, with optional compliance, timestamps (timeStarted, timeCompleted) and touchpointExperience. Actions have no receiver, channel or message.",
		Children:    touchpointChildren(true, false)}
	plannedTouchpoints = &Type{Name: "plannedTouchpoints", Title: "touchpoints (planned journey)", Kind: List,
		Description: "The touchpoints of a planned journey in order: {plannedCommunicationPoint: …} and {plannedAction: …} items.",
		Children:    []Child{{Name: "plannedCommunicationPoint", Type: plannedComm}, {Name: "plannedAction", Type: plannedAction}}}
	actualTouchpoints = &Type{Name: "actualTouchpoints", Title: "touchpoints (actual journey)", Kind: List,
		Description: "The touchpoints of an actual journey in order: {actualCommunicationPoint: …} and {actualAction: …} items.",
		Children:    []Child{{Name: "actualCommunicationPoint", Type: actualComm}, {Name: "actualAction", Type: actualAction}}}
)

// journeyChildren returns the child elements of a journey.
func journeyChildren(actual bool) []Child {
	c := []Child{{"journeyID", id, 1, 1}, {"journeyTitle", text, 0, 1}}
	if actual {
		c = append(c, Child{"plannedReference", text, 0, 1})
	}
	c = append(c, Child{"journeyPhases", phases, 0, 1}, Child{"journeyShortSummary", text, 0, 1}, Child{"journeyLongSummary", text, 0, 1})
	if actual {
		c = append(c, Child{"journeyStatus", text, 0, 1}, Child{"complianceContent", text, 0, 1},
			Child{"complianceSequence", text, 0, 1}, Child{"complianceTiming", text, 0, 1},
			Child{"journeyExperience", experience, 0, 1})
	}
	c = append(c, Child{"journeyOperators", text, 0, 1}, Child{"creator", text, 0, 1},
		Child{"journeyEndUserType", text, 0, 1}, Child{"journeyStartDate", text, 0, 1},
		Child{"actors", actors, 0, 1})
	tps := plannedTouchpoints
	if actual {
		tps = actualTouchpoints
	}
	return append(c, Child{"touchpoints", tps, 0, 1}, Child{"comment", text, 0, 1}, Child{"asset", text, 0, 0})
}

var (
	plannedJourney = &Type{Name: "plannedJourney", Title: "plannedJourney", Kind: Complex,
		Description: "A planned journey: the service as the provider designed it. It has a journeyID, actors and touchpoints (plannedCommunicationPoint, plannedAction), and no plannedReference, status, compliance or experience.",
		Children:    journeyChildren(false)}
	actualJourney = &Type{Name: "actualJourney", Title: "actualJourney", Kind: Complex,
		Description: "An actual journey: what happened to one end-user. It has a journeyID, optionally the plannedReference of the planned journey it follows, actors and touchpoints (actualCommunicationPoint, actualAction).",
		Children:    journeyChildren(true)}
	journeys = &Type{Name: "journeys", Title: "journeys", Kind: List, AtLeastOne: true,
		Description: "The journeys of the document in order: {plannedJourney: …} and {actualJourney: …} items, at least one.",
		Children:    []Child{{Name: "plannedJourney", Type: plannedJourney}, {Name: "actualJourney", Type: actualJourney}}}
)

// Document is the root: <CJML version="2.0">, in the form a mapping with
// version and journeys.
var Document = &Type{Name: "document", Title: "CJML document", Kind: Complex,
	Description: "A CJML document: the CJML root element with its version attribute (2.0; 3.0 from newer CJMLExcel) and at least one plannedJourney or actualJourney.",
	Attrs:       []Attr{{Name: "version", Value: versionValue, Required: true}},
	Children:    []Child{{"journeys", journeys, 1, 1}}}

// Types lists every type, in the order the schemas define them.
func Types() []*Type {
	return []*Type{plannedJourney, actualJourney, journeys, phases, phase, actors, actor,
		plannedTouchpoints, actualTouchpoints, plannedComm, plannedAction, actualComm, actualAction,
		initiator, receiver, refersTo, channel, belongsTo, commTimestamps, actionTimestamps, experience,
		marker, analysis, text, id, compliance, rating}
}
