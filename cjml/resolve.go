package cjml

import "strings"

// RefMatch says how an actor reference was resolved.
type RefMatch int

// Ways a reference resolves, from the strictest.
const (
	// Unresolved: no actor matches the reference.
	Unresolved RefMatch = iota
	// MatchID: an actor of the same journey declares or re-uses the ID.
	MatchID
	// MatchEarlier: an actor declared in an earlier journey of the file
	// has the ID, but the journey does not list it.
	MatchEarlier
	// MatchName: no ID matches, but an actor's actorName or companyName
	// does (ignoring case). The cjml.no sample needs this: its touchpoint
	// refers to "Bookis", the company name of the actor "Company A". This
	// is a lenient reading; the validator reports it.
	MatchName
)

// String returns "unresolved", "id", "earlier journey" or "name".
func (m RefMatch) String() string {
	switch m {
	case MatchID:
		return "id"
	case MatchEarlier:
		return "earlier journey"
	case MatchName:
		return "name"
	}
	return "unresolved"
}

// ActorRef is the result of resolving an actor reference.
type ActorRef struct {
	// Actor is the journey's actor the reference stands for; for
	// MatchEarlier it is the declaration in the earlier journey.
	Actor *Actor
	// Decl is the actor that declares the ID with actorID: Actor itself,
	// or, when Actor re-uses an ID through actorIDref, the declaration in
	// an earlier journey (nil if there is none). Decl carries the names.
	Decl *Actor
	// Journey is the journey that holds Actor.
	Journey *Journey
	Match   RefMatch
}

// DisplayName returns the name to show for the referenced actor: from the
// declaration when the journey's actor only re-uses an ID.
func (r ActorRef) DisplayName() string {
	if r.Actor == nil {
		return ""
	}
	if r.Actor.Name == "" && r.Actor.CompanyName == "" && r.Decl != nil {
		return r.Decl.DisplayName()
	}
	return r.Actor.DisplayName()
}

// Kind returns the referenced actor's kind (of its declaration when the
// journey's own element does not say).
func (r ActorRef) Kind() ActorKind {
	if r.Actor == nil {
		return ActorKindInvalid
	}
	return r.Actor.Kind
}

// A Resolver resolves the actor references of one document. IDs are
// resolved per file: first among the journey's own actors, then among the
// actors declared in earlier journeys, and only then, leniently, by name.
type Resolver struct {
	doc     *Document
	index   map[*Journey]int
	decl    map[string]declared // first declaration of each actorID in the file
	ordered []*Journey
}

type declared struct {
	actor   *Actor
	journey int
}

// NewResolver indexes doc for resolving references.
func NewResolver(doc *Document) *Resolver {
	r := &Resolver{doc: doc, index: make(map[*Journey]int, len(doc.Journeys)), decl: map[string]declared{}, ordered: doc.Journeys}
	for i, j := range doc.Journeys {
		r.index[j] = i
		for _, a := range j.Actors {
			if a.ID == "" {
				continue
			}
			if _, ok := r.decl[a.ID]; !ok {
				r.decl[a.ID] = declared{a, i}
			}
		}
	}
	return r
}

// Resolve resolves ref as used in journey j.
func (r *Resolver) Resolve(j *Journey, ref string) ActorRef {
	ref = trim(ref)
	if ref == "" {
		return ActorRef{}
	}
	ji, inDoc := r.index[j]
	if !inDoc {
		ji = len(r.ordered)
	}
	for _, a := range j.Actors {
		if a.Key() == ref {
			return ActorRef{Actor: a, Decl: r.declaration(a, ji), Journey: j, Match: MatchID}
		}
	}
	if d, ok := r.decl[ref]; ok && d.journey < ji {
		return ActorRef{Actor: d.actor, Decl: d.actor, Journey: r.ordered[d.journey], Match: MatchEarlier}
	}
	// Lenient: by name, in the journey, then in earlier journeys.
	for i := ji; i >= 0; i-- {
		jj := j
		if i < ji {
			jj = r.ordered[i]
		}
		for _, a := range jj.Actors {
			decl := r.declaration(a, i)
			for _, n := range []string{a.Name, a.CompanyName, nameOf(decl)} {
				if n != "" && strings.EqualFold(trim(n), ref) {
					if jj != j {
						// The journey may list the same actor by ID.
						for _, own := range j.Actors {
							if own.Key() == a.Key() {
								return ActorRef{Actor: own, Decl: decl, Journey: j, Match: MatchName}
							}
						}
					}
					return ActorRef{Actor: a, Decl: decl, Journey: jj, Match: MatchName}
				}
			}
		}
	}
	return ActorRef{}
}

func nameOf(a *Actor) string {
	if a == nil {
		return ""
	}
	if a.Name != "" {
		return a.Name
	}
	return a.CompanyName
}

// declaration returns the actor that declares a's ID: a itself, or for a
// re-use (actorIDref) the declaration in a journey before ji.
func (r *Resolver) declaration(a *Actor, ji int) *Actor {
	if a.ID != "" {
		return a
	}
	if d, ok := r.decl[a.Ref]; ok && d.journey < ji {
		return d.actor
	}
	return nil
}

// Declaration returns the actor that declares the ID an actor of j re-uses
// through actorIDref, or nil when no earlier journey declares it. For an
// actor with its own actorID it returns the actor.
func (r *Resolver) Declaration(j *Journey, a *Actor) *Actor {
	ji, ok := r.index[j]
	if !ok {
		ji = len(r.ordered)
	}
	return r.declaration(a, ji)
}

// Actor returns the actor of j whose ID (or re-used ID) is key, or nil.
func (j *Journey) Actor(key string) *Actor {
	key = trim(key)
	for _, a := range j.Actors {
		if a.Key() == key {
			return a
		}
	}
	return nil
}

// EndUsers returns the journey's end-user actors.
func (j *Journey) EndUsers() []*Actor {
	var out []*Actor
	for _, a := range j.Actors {
		if a.Kind == EndUser {
			out = append(out, a)
		}
	}
	return out
}

// Phase returns the phase of j with the given ID (compared after trimming),
// or nil.
func (j *Journey) Phase(id string) *Phase {
	id = trim(id)
	if id == "" {
		return nil
	}
	for _, p := range j.Phases {
		if trim(p.ID) == id {
			return p
		}
	}
	return nil
}

// Touchpoint returns the first touchpoint of j with the given ID, or nil.
func (j *Journey) Touchpoint(id string) *Touchpoint {
	for _, t := range j.Touchpoints {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// Journey returns the first journey with the given ID, or nil.
func (d *Document) Journey(id string) *Journey {
	for _, j := range d.Journeys {
		if j.ID == id {
			return j
		}
	}
	return nil
}

// Planned returns the planned journey an actual journey refers to through
// plannedReference, or nil.
func (d *Document) Planned(j *Journey) *Journey {
	if j.PlannedReference == "" {
		return nil
	}
	for _, p := range d.Journeys {
		if p.Kind == Planned && p.ID == j.PlannedReference {
			return p
		}
	}
	return nil
}
