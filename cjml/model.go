package cjml

// A Document is one CJML file: any number of planned and actual journeys in
// document order. Use [NewDocument] to start one in code.
type Document struct {
	// Version is the root's version attribute ("2.0"; CJMLExcel writes
	// "3.0" in its newest output).
	Version string
	// Journeys are the planned and actual journeys in document order.
	Journeys []*Journey
	// Comments are XML comments found outside the journeys (before the root
	// element, between journeys, after the root element).
	Comments []string
	// ProcInsts are processing instructions before the root element, such
	// as <?xml-stylesheet ...?>, written back before the root.
	ProcInsts []ProcInst
	// Extra holds root attributes and root children the model does not
	// interpret (namespace declarations, unknown elements).
	Extra Extra
	// Origin records where the root element and its attributes were read.
	Origin Origin
	// Source is the text the document was read from; nil for documents
	// built in code.
	Source *Source
}

// NewDocument returns an empty CJML 2.0 document.
func NewDocument() *Document { return &Document{Version: "2.0"} }

// A ProcInst is an XML processing instruction.
type ProcInst struct {
	Target string
	Inst   string
}

// JourneyKind tells planned and actual journeys apart.
type JourneyKind int

// Journey kinds. The zero value is invalid.
const (
	JourneyKindInvalid JourneyKind = iota
	Planned
	Actual
)

// String returns "planned" or "actual".
func (k JourneyKind) String() string {
	switch k {
	case Planned:
		return "planned"
	case Actual:
		return "actual"
	}
	return "invalid"
}

// Tag returns the XML element name of the kind: "plannedJourney" or
// "actualJourney".
func (k JourneyKind) Tag() string {
	switch k {
	case Planned:
		return "plannedJourney"
	case Actual:
		return "actualJourney"
	}
	return ""
}

// A Journey is a planned journey (the service as designed) or an actual
// journey (what happened to one person). Text fields hold the trimmed text of
// their element, "" when the element is absent.
type Journey struct {
	Kind JourneyKind
	// ID is the journeyID, unique in the file.
	ID    string
	Title string
	// PlannedReference is the journeyID of the planned journey an actual
	// journey is compared against.
	PlannedReference string
	Phases           []*Phase
	ShortSummary     string
	LongSummary      string
	// Status is the free-text journeyStatus of an actual journey
	// ("Completed").
	Status string
	// ComplianceContent, ComplianceSequence and ComplianceTiming are
	// journey-level deviation verdicts (content, order, timing).
	ComplianceContent  string
	ComplianceSequence string
	ComplianceTiming   string
	// Experience is the journey-level experience of an actual journey.
	Experience *Experience
	// Operators, Creator, EndUserType and StartDate are the newer
	// journeyOperators, creator, journeyEndUserType and journeyStartDate
	// elements (CJMLExcel).
	Operators   string
	Creator     string
	EndUserType string
	StartDate   string
	Actors      []*Actor
	Touchpoints []*Touchpoint
	Comment     string

	// Comments are XML comments found in the journey outside its actors,
	// phases and touchpoints.
	Comments []string
	// Extra holds unknown attributes and elements inside the journey.
	Extra  Extra
	Origin Origin
}

// A Phase is a journey phase; touchpoints join it through belongsTo.
type Phase struct {
	ID          string
	Name        string
	Description string
	Comments    []string
	Extra       Extra
	Origin      Origin
}

// ActorKind classifies actors.
type ActorKind int

// Actor kinds. The zero value is invalid.
const (
	ActorKindInvalid ActorKind = iota
	// EndUser is the journey's protagonist: endUser and its aliases
	// customer, user, employee, patient and citizen.
	EndUser
	// ServiceProvider is any other party: serviceProvider.
	ServiceProvider
	// OtherActor is an actor element CJML 2.0 does not name (attacker,
	// system, ...). The known tools treat it as a service provider.
	OtherActor
)

// String returns "endUser", "serviceProvider" or "other".
func (k ActorKind) String() string {
	switch k {
	case EndUser:
		return "endUser"
	case ServiceProvider:
		return "serviceProvider"
	case OtherActor:
		return "other"
	}
	return "invalid"
}

// EndUserTags are the element names read as end users: endUser and the
// end-user types newer CJMLExcel writes in its place.
var EndUserTags = []string{"endUser", "customer", "user", "employee", "patient", "citizen"}

// ActorKindOf returns the kind an actor element name stands for.
func ActorKindOf(tag string) ActorKind {
	for _, t := range EndUserTags {
		if tag == t {
			return EndUser
		}
	}
	if tag == "serviceProvider" {
		return ServiceProvider
	}
	return OtherActor
}

// An Actor is a party of a journey. It either declares an ID (actorID) or
// re-uses an actor declared in an earlier journey of the same file
// (actorIDref, as the UIOMaster editor writes).
type Actor struct {
	// Tag is the element name ("endUser", "serviceProvider", "patient",
	// "attacker"); empty means the default for Kind.
	Tag  string
	Kind ActorKind
	ID   string
	// Ref is the actorIDref of an actor that re-uses an earlier
	// declaration.
	Ref          string
	Name         string
	CompanyName  string
	ProviderType string
	Department   string
	Position     string
	Comments     []string
	Extra        Extra
	Origin       Origin
}

// Key returns the ID the actor is referred to by: ID, or Ref when the actor
// re-uses an earlier declaration.
func (a *Actor) Key() string {
	if a.ID != "" {
		return a.ID
	}
	return a.Ref
}

// DisplayName returns actorName, else companyName, else the ID.
func (a *Actor) DisplayName() string {
	switch {
	case a.Name != "":
		return a.Name
	case a.CompanyName != "":
		return a.CompanyName
	}
	return a.Key()
}

// TagName returns the element name to write: Tag, or the default for Kind.
func (a *Actor) TagName() string {
	if a.Tag != "" {
		return a.Tag
	}
	if a.Kind == EndUser {
		return "endUser"
	}
	return "serviceProvider"
}

// TouchpointKind tells communication points and actions apart.
type TouchpointKind int

// Touchpoint kinds. The zero value is invalid.
const (
	TouchpointKindInvalid TouchpointKind = iota
	// Communication is a communication point: a message from an initiator
	// to a receiver over a channel (drawn as a circle).
	Communication
	// Action is a non-communicative activity by one actor (drawn as a
	// square).
	Action
)

// String returns "communicationPoint" or "action".
func (k TouchpointKind) String() string {
	switch k {
	case Communication:
		return "communicationPoint"
	case Action:
		return "action"
	}
	return "invalid"
}

// TouchpointTag returns the element name of a touchpoint of kind k in a
// journey of kind j, such as "actualCommunicationPoint".
func TouchpointTag(j JourneyKind, k TouchpointKind) string {
	p := "actual"
	if j == Planned {
		p = "planned"
	}
	if k == Action {
		return p + "Action"
	}
	return p + "CommunicationPoint"
}

// A Touchpoint is one atomic step of a journey.
type Touchpoint struct {
	// Tag is the element name as read ("plannedAction",
	// "actualCommunicationPoint"); empty means the name that fits Kind and
	// the journey's kind. A planned element inside an actual journey keeps
	// its name so that the validator can report it.
	Tag  string
	Kind TouchpointKind
	ID   string
	// Phase is belongsTo/@phaseIDref; empty when the touchpoint belongs to
	// no phase.
	Phase string
	// Compliance is the deviation status asserted for an actual touchpoint.
	Compliance Compliance
	Initiator  Party
	// Receiver is nil when the touchpoint has no receiver element (actions).
	Receiver *Party
	// Channel is channel/channelName, as written.
	Channel Channel
	Message string
	// Timestamps of an actual touchpoint.
	Timestamps Timestamps
	// Duration and DeltaTime are the planned touchpointDuration and
	// deltaTime, kept as written (ISO 8601 durations such as P2D).
	Duration  string
	DeltaTime string
	// Experience is the touchpointExperience of an actual touchpoint.
	Experience  *Experience
	Comment     string
	Category    string
	Uncertainty string
	// Analysis is the touchpointLevelAnalysis block, kept as written.
	Analysis *Element
	Comments []string
	Extra    Extra
	Origin   Origin
}

// TagName returns the element name to write in a journey of kind j.
func (t *Touchpoint) TagName(j JourneyKind) string {
	if t.Tag != "" {
		return t.Tag
	}
	return TouchpointTag(j, t.Kind)
}

// Label returns the initiator's label, else the receiver's.
func (t *Touchpoint) Label() string {
	if t.Initiator.Label != "" || t.Receiver == nil {
		return t.Initiator.Label
	}
	return t.Receiver.Label
}

// A Party is one end of a touchpoint: a reference to an actor
// (refersTo/@actorIDref) and what that actor does (initiatorLabel or
// receiverLabel).
type Party struct {
	Actor string
	Label string
}

// Timestamps are the times of an actual touchpoint, as written.
type Timestamps struct {
	Originated Timestamp // timeOriginated: message created or sent
	Received   Timestamp // timeReceived: message arrived
	Consumed   Timestamp // timeConsumed: receiver read or used it
	Started    Timestamp // timeStarted: action began
	Completed  Timestamp // timeCompleted: action ended
}

// IsZero reports whether no timestamp is set.
func (ts Timestamps) IsZero() bool { return ts == Timestamps{} }

// Experience is a self-reported experience: a description and a rating
// from 1 (very dissatisfied) to 5 (very satisfied).
type Experience struct {
	Description string
	// Rating is experienceRating as written; see [Experience.Score].
	Rating string
}

// An Element is XML the model does not interpret: an unknown element, kept
// with its attributes, text and children so that it is written back.
type Element struct {
	// In is the path, relative to the model node that holds the element,
	// of the known element it sits in: "" for the node's own element,
	// "initiator", "timestamps", "actors".
	In       string
	Name     string
	Attrs    []Attr
	Text     string
	Children []*Element
	Comments []string
	Pos      Pos
}

// An Attr is an XML attribute the model does not interpret.
type Attr struct {
	// In is the path of the element that carries the attribute, relative
	// to the model node ("" for the node's own element).
	In    string
	Name  string
	Value string
	Pos   Pos
}

// Extra holds what a node's XML contained that the model does not
// interpret: unknown attributes, unknown or repeated elements. Writers put
// them back where they were read (inside the element named by In).
type Extra struct {
	Attrs []Attr
	Elems []*Element
}

// IsZero reports whether x holds nothing.
func (x Extra) IsZero() bool { return len(x.Attrs) == 0 && len(x.Elems) == 0 }

// Lookup returns the first extra element with the given name directly in
// the node's own element (In == ""), or nil.
func (x Extra) Lookup(name string) *Element {
	for _, e := range x.Elems {
		if e.In == "" && e.Name == name {
			return e
		}
	}
	return nil
}

// Attr returns the value of the attribute name of e, and whether it is set.
func (e *Element) Attr(name string) (string, bool) {
	for _, a := range e.Attrs {
		if a.Name == name {
			return a.Value, true
		}
	}
	return "", false
}
