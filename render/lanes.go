package render

import (
	"cjml.dev/cjml"
)

// A lane is one actor's row in the swimlane diagram.
type lane struct {
	key        string
	name       string
	kind       cjml.ActorKind
	tag        string
	unresolved bool
	index      int
	y, h       float64
}

// kindText describes the lane's actor under its name.
func (l *lane) kindText() string {
	switch {
	case l.unresolved:
		return "unresolved reference"
	case l.kind == cjml.EndUser:
		if l.tag != "" && l.tag != "endUser" {
			return "end user (" + l.tag + ")"
		}
		return "end user"
	case l.kind == cjml.ServiceProvider:
		return "service provider"
	case l.tag != "":
		return l.tag
	}
	return "actor"
}

// lanes assigns the journey's actors to lanes: end users on top, then the
// other actors in order of first appearance in the touchpoints, then
// actors that take part in none. References that resolve to no actor get a
// lane of their own, named as written.
type lanes struct {
	j     *cjml.Journey
	r     *cjml.Resolver
	byKey map[string]*lane
	// byRef caches the lane of each reference as written, so that the
	// touchpoints' references resolve once each.
	byRef map[string]*lane
	users []*lane
	other []*lane
	all   []*lane
}

func newLanes(j *cjml.Journey, r *cjml.Resolver) *lanes {
	ls := &lanes{j: j, r: r, byKey: map[string]*lane{}, byRef: map[string]*lane{}}
	for _, t := range j.Touchpoints {
		ls.of(t.Initiator.Actor)
		if t.Kind == cjml.Communication && t.Receiver != nil {
			ls.of(t.Receiver.Actor)
		}
	}
	for _, a := range j.Actors {
		if a.Key() != "" {
			ls.of(a.Key())
		}
	}
	ls.all = append(append(ls.all, ls.users...), ls.other...)
	for i, l := range ls.all {
		l.index = i
	}
	return ls
}

// of returns the lane of an actor reference, creating it.
func (ls *lanes) of(ref string) *lane {
	if l, ok := ls.byRef[ref]; ok {
		return l
	}
	l := ls.resolve(ref)
	ls.byRef[ref] = l
	return l
}

// resolve returns the lane of an actor reference, creating it.
func (ls *lanes) resolve(ref string) *lane {
	ar := ls.r.Resolve(ls.j, ref)
	var key string
	if ar.Actor != nil {
		key = "id:" + ar.Actor.Key()
	} else {
		key = "ref:" + ref
	}
	if have, ok := ls.byKey[key]; ok {
		return have
	}
	l := &lane{}
	if ar.Actor != nil {
		l.name = ar.DisplayName()
		l.kind = ar.Kind()
		l.tag = ar.Actor.TagName()
		if l.kind == cjml.EndUser && ar.Decl != nil && ar.Actor.Tag == "" {
			l.tag = ar.Decl.TagName()
		}
	} else {
		l.name = ref
		if ref == "" {
			l.name = "(no actor)"
		}
		l.kind = cjml.OtherActor
		l.unresolved = true
	}
	l.key = key
	ls.byKey[key] = l
	if l.kind == cjml.EndUser {
		ls.users = append(ls.users, l)
	} else {
		ls.other = append(ls.other, l)
	}
	return l
}

// isEndUser reports whether ref names an end user of j.
func isEndUser(j *cjml.Journey, r *cjml.Resolver, ref string) bool {
	return r.Resolve(j, ref).Kind() == cjml.EndUser
}
