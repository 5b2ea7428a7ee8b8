package validate

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"cjml.dev/cjml"
)

// checker runs the language rules over one document.
type checker struct {
	doc   *cjml.Document
	res   *cjml.Resolver
	paths *formPaths
	out   cjml.Diagnostics
	plans map[string]*cjml.Journey
}

func (c *checker) pos(p cjml.Pos) cjml.Position {
	if c.doc.Source == nil {
		return cjml.Position{}
	}
	return c.doc.Source.Position(p)
}

// has reports whether a part was present in the input; for a document
// built in code, which has no record of its input, it returns model, what
// the model says.
func (c *checker) has(o *cjml.Origin, part string, model bool) bool {
	if c.doc.Source == nil {
		return model
	}
	return o.Has(part)
}

func (c *checker) report(code string, p cjml.Pos, path string, format string, args ...any) *cjml.Diagnostic {
	r, _ := RuleOf(code)
	c.out = append(c.out, cjml.Diagnostic{
		Severity: r.Severity,
		Code:     code,
		Message:  fmt.Sprintf(format, args...),
		Pos:      c.pos(p),
		Path:     path,
	})
	return &c.out[len(c.out)-1]
}

func (c *checker) related(d *cjml.Diagnostic, p cjml.Pos, format string, args ...any) {
	d.Related = append(d.Related, cjml.Related{Pos: c.pos(p), Message: fmt.Sprintf(format, args...)})
}

// semantic checks doc against the rules of the language.
func semantic(doc *cjml.Document, paths *formPaths) cjml.Diagnostics {
	c := &checker{doc: doc, res: cjml.NewResolver(doc), paths: paths}
	c.document()
	return c.out
}

func (c *checker) document() {
	doc := c.doc
	switch v := strings.TrimSpace(doc.Version); {
	case v == "" && !doc.Origin.Has("version"):
		c.report(CodeVersion, doc.Origin.Pos, "/version", "the CJML root has no version; CJML 2.0 files say version=\"2.0\"")
	case v != "2.0" && v != "3.0":
		c.report(CodeVersion, doc.Origin.ValueOf("version"), "/version", "CJML version %q is unknown; cjml reads it as 2.0", v)
	}
	if len(doc.Journeys) == 0 {
		c.report(CodeNoJourney, doc.Origin.Pos, "/journeys", "the document holds no plannedJourney or actualJourney")
		return
	}
	first := map[string]*cjml.Journey{}
	for i, j := range doc.Journeys {
		base := c.paths.journey(i, j)
		if j.ID != "" {
			if f, ok := first[j.ID]; ok {
				d := c.report(CodeDuplicateJourney, j.Origin.ValueOf("journeyID"), base+"/journeyID",
					"journey ID %q is used twice; journey IDs must be unique in the file", j.ID)
				c.related(d, f.Origin.ValueOf("journeyID"), "first used here")
			} else {
				first[j.ID] = j
			}
		} else if j.Origin.Has("journeyID") {
			c.report(CodeEmptyID, j.Origin.Of("journeyID"), base+"/journeyID", "%s has an empty journeyID", journeyName(i, j))
		}
		c.journey(i, j, base)
	}
}

func journeyName(i int, j *cjml.Journey) string {
	if j.ID != "" {
		return "journey " + j.ID
	}
	return fmt.Sprintf("journey #%d (%s)", i+1, j.Kind)
}

func touchpointName(k int, t *cjml.Touchpoint) string {
	if t.ID != "" {
		return "touchpoint " + t.ID
	}
	return fmt.Sprintf("touchpoint #%d", k+1)
}

func (c *checker) journey(i int, j *cjml.Journey, base string) {
	jn := journeyName(i, j)

	// plannedReference.
	if ref := j.PlannedReference; ref != "" && j.Kind == cjml.Actual {
		switch p := c.doc.Journey(ref); {
		case p == nil:
			c.report(CodeUnknownPlanned, j.Origin.ValueOf("plannedReference"), base+"/plannedReference",
				"%s refers to planned journey %q, which is not in this file (compare it with cjml compare --planned FILE#%s)", jn, ref, ref)
		case p.Kind != cjml.Planned:
			c.report(CodePlannedRefKind, j.Origin.ValueOf("plannedReference"), base+"/plannedReference",
				"%s refers to %q as its planned journey, but %q is an actual journey", jn, ref, ref)
		}
	}
	if j.Kind == cjml.Planned {
		for _, part := range []struct{ name, value string }{
			{"plannedReference", j.PlannedReference}, {"journeyStatus", j.Status},
			{"complianceContent", j.ComplianceContent}, {"complianceSequence", j.ComplianceSequence},
			{"complianceTiming", j.ComplianceTiming},
		} {
			if part.value != "" || j.Origin.Has(part.name) {
				c.report(CodeActualOnly, j.Origin.Of(part.name), base+"/"+part.name,
					"%s: planned journeys cannot have %s; it belongs to actual journeys", jn, part.name)
			}
		}
		if j.Experience != nil {
			c.report(CodeExperienceInPlanned, j.Origin.Of("journeyExperience"), base+"/journeyExperience",
				"%s: planned journeys cannot have an experience; experience is recorded only in actual journeys", jn)
		}
	} else if j.Experience != nil {
		c.rating(j.Experience, &j.Origin, "journeyExperience", base, jn)
	}

	// Phases.
	phases := map[string]*cjml.Phase{}
	for k, ph := range j.Phases {
		pp := c.paths.phase(i, k)
		id := strings.TrimSpace(ph.ID)
		if id == "" {
			if ph.Origin.Has("phaseID") {
				c.report(CodeEmptyID, ph.Origin.Of("phaseID"), pp+"/phaseID", "%s: phase #%d has an empty phaseID", jn, k+1)
			}
			continue
		}
		if f, ok := phases[id]; ok {
			d := c.report(CodeDuplicatePhase, ph.Origin.ValueOf("phaseID"), pp+"/phaseID",
				"%s: phase ID %q is used twice", jn, id)
			c.related(d, f.Origin.ValueOf("phaseID"), "first used here")
			continue
		}
		phases[id] = ph
	}

	// Actors.
	actors := map[string]*cjml.Actor{}
	for k, a := range j.Actors {
		ap := c.paths.actor(i, k, a)
		key := a.Key()
		switch {
		case key == "" && (a.Origin.Has("actorID") || a.Origin.Has("actorIDref")):
			attr := "actorID"
			if !a.Origin.Has("actorID") {
				attr = "actorIDref"
			}
			c.report(CodeEmptyID, a.Origin.Of(attr), ap+"/"+attr, "%s: %s actor has an empty %s", jn, article(a.TagName()), attr)
			continue
		case key == "":
			// The JSON form writes actorID="" for it; the finding is
			// about that attribute, so that the schema's says nothing more.
			c.report(CodeMissingActorID, a.Origin.Pos, ap+"/actorID",
				"%s: %s actor has neither actorID nor actorIDref, so no touchpoint can refer to it", jn, article(a.TagName()))
			continue
		}
		attr := "actorID"
		if a.ID == "" {
			attr = "actorIDref"
		}
		if f, ok := actors[key]; ok {
			d := c.report(CodeDuplicateActor, a.Origin.ValueOf(attr), ap+"/"+attr,
				"%s: actor ID %q is listed twice", jn, key)
			c.related(d, f.Origin.Pos, "first listed here")
			continue
		}
		actors[key] = a
		if a.ID == "" && c.res.Declaration(j, a) == nil {
			c.report(CodeUndeclaredReuse, a.Origin.ValueOf("actorIDref"), ap+"/actorIDref",
				"%s: actor %q is re-used with actorIDref, but no earlier journey declares it with actorID", jn, key)
		}
	}
	hasActors := c.has(&j.Origin, "actors", len(j.Actors) > 0)
	if !hasActors && len(j.Actors) == 0 && len(j.Touchpoints) > 0 {
		c.report(CodeUnknownActor, j.Origin.Pos, base+"/actors",
			"%s has no <actors>, so none of the actors its touchpoints refer to is declared", jn)
	}
	if len(j.EndUsers()) == 0 && hasActors {
		c.report(CodeNoEndUser, j.Origin.Of("actors"), base+"/actors",
			"%s has no end-user actor (endUser, or customer, user, patient, …); its diagrams have no protagonist", jn)
	}

	// Touchpoints.
	used := map[*cjml.Actor]bool{}
	seen := map[string]*cjml.Touchpoint{}
	var prevTimed *cjml.Touchpoint
	var prevTime time.Time
	var prevDateOnly bool
	for k, t := range j.Touchpoints {
		tp := c.paths.touchpoint(i, k, j, t)
		tn := touchpointName(k, t)
		if t.ID != "" {
			if f, ok := seen[t.ID]; ok {
				d := c.report(CodeDuplicateTouchpoint, t.Origin.ValueOf("touchpointID"), tp+"/touchpointID",
					"%s: touchpoint ID %q is used twice in %s", tn, t.ID, jn)
				c.related(d, f.Origin.ValueOf("touchpointID"), "first used here")
			} else {
				seen[t.ID] = t
			}
		} else if t.Origin.Has("touchpointID") {
			c.report(CodeEmptyID, t.Origin.Of("touchpointID"), tp+"/touchpointID", "%s has an empty touchpointID", tn)
		}
		c.touchpoint(j, k, t, tp, tn, used, phases)

		// Timestamps, in document order.
		if j.Kind != cjml.Actual || t.Compliance.Is(cjml.Missing) {
			continue
		}
		first := t.Timestamps.First()
		if first.IsZero() {
			continue
		}
		tm, dateOnly, err := first.Time()
		if err != nil {
			continue
		}
		if prevTimed != nil && before(tm, dateOnly, prevTime, prevDateOnly) {
			d := c.report(CodeTimestampOrder, t.Origin.ValueOf("timestamps/"+firstName(t.Timestamps)), tp+"/timestamps",
				"%s happened at %s, before %s (%s), which comes earlier in the journey",
				tn, strings.TrimSpace(string(first)), touchpointName(k-1, prevTimed), strings.TrimSpace(string(prevTimed.Timestamps.First())))
			c.related(d, prevTimed.Origin.Pos, "the earlier touchpoint")
		}
		prevTimed, prevTime, prevDateOnly = t, tm, dateOnly
	}

	// Unused actors; not when a reference is broken, since it may be
	// meant for one of them.
	for k, a := range j.Actors {
		if used[nil] {
			break
		}
		if a.Key() == "" || used[a] || actors[a.Key()] != a {
			continue
		}
		ap := c.paths.actor(i, k, a)
		c.report(CodeUnusedActor, a.Origin.Pos, ap,
			"%s: actor %q is declared but no touchpoint involves it", jn, a.Key())
	}
	c.overSplit(i, j)
}

// plannedPhase reports whether the planned journey an actual journey refers
// to declares the phase: an actual journey may place its touchpoints in the
// phases of its plan.
func (c *checker) plannedPhase(j *cjml.Journey, id string) bool {
	if j.Kind != cjml.Actual {
		return false
	}
	p := c.planned(j)
	return p != nil && p.Phase(id) != nil
}

// planned returns the planned journey j refers to, from an index built
// once.
func (c *checker) planned(j *cjml.Journey) *cjml.Journey {
	if c.plans == nil {
		c.plans = map[string]*cjml.Journey{}
		for _, p := range c.doc.Journeys {
			if p.Kind == cjml.Planned && c.plans[p.ID] == nil {
				c.plans[p.ID] = p
			}
		}
	}
	return c.plans[j.PlannedReference]
}

// before reports whether a is earlier than b, comparing dates only when
// either is a bare date.
func before(a time.Time, aDate bool, b time.Time, bDate bool) bool {
	if aDate || bDate {
		ay, am, ad := a.UTC().Date()
		by, bm, bd := b.UTC().Date()
		return time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC).Before(time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC))
	}
	return a.Before(b)
}

var timestampNames = []string{"timeOriginated", "timeReceived", "timeConsumed", "timeStarted", "timeCompleted"}

func timestampList(ts cjml.Timestamps) []cjml.Timestamp {
	return []cjml.Timestamp{ts.Originated, ts.Received, ts.Consumed, ts.Started, ts.Completed}
}

// firstName returns the element name of Timestamps.First.
func firstName(ts cjml.Timestamps) string {
	for _, i := range []int{0, 3, 1, 2, 4} {
		if !timestampList(ts)[i].IsZero() {
			return timestampNames[i]
		}
	}
	return ""
}

func (c *checker) touchpoint(j *cjml.Journey, k int, t *cjml.Touchpoint, tp, tn string, used map[*cjml.Actor]bool, phases map[string]*cjml.Phase) {
	planned := j.Kind == cjml.Planned
	if tag := t.TagName(j.Kind); strings.HasPrefix(tag, "planned") != planned {
		c.report(CodeTouchpointKind, t.Origin.Pos, tp, "%s: <%s> is not allowed in %s journey; write <%s>",
			tn, tag, article(j.Kind.String()), cjml.TouchpointTag(j.Kind, t.Kind))
	}

	// Phase.
	if ph := strings.TrimSpace(t.Phase); ph != "" && phases[ph] == nil && !c.plannedPhase(j, ph) {
		c.report(CodeUnknownPhase, t.Origin.ValueOf("belongsTo/phaseIDref"), tp+"/belongsTo/phaseIDref",
			"%s belongs to phase %q, which the journey does not declare", tn, ph)
	}

	// Parties. Without an actors element every reference would dangle:
	// the structural finding about the missing actors says it once.
	var ini, rec cjml.ActorRef
	ini = c.party(j, t, "initiator", &t.Initiator, tp, tn, used)
	if t.Kind == cjml.Action {
		for _, part := range []struct {
			name  string
			model bool
		}{{"receiver", t.Receiver != nil}, {"channel", t.Channel != ""}} {
			if c.has(&t.Origin, part.name, part.model) {
				c.report(CodeActionReceiver, t.Origin.Of(part.name), tp+"/"+part.name,
					"%s: an action has only an initiator; it cannot have a %s (make it a communication point)", tn, part.name)
			}
		}
	} else {
		if t.Receiver != nil {
			rec = c.party(j, t, "receiver", t.Receiver, tp, tn, used)
			if ini.Actor != nil && ini.Actor == rec.Actor {
				c.report(CodeSelfCommunication, t.Origin.Of("receiver"), tp+"/receiver",
					"%s: initiator and receiver are the same actor %q; a communication point needs two parties (or make it an action)",
					tn, ini.Actor.Key())
			}
		}
		if c.has(&t.Origin, "channel", t.Channel != "") {
			switch ch := strings.TrimSpace(string(t.Channel)); {
			case ch == "":
				// The schema requires a channel name.
			case t.Channel.Family() == cjml.FamilyUnknown && t.Channel.Info().Name != "unknownChannel":
				c.report(CodeUnknownChannel, t.Origin.ValueOf("channel/channelName"), tp+"/channel/channelName",
					"%s: channel %q is not a known channel name; it is drawn with the unknown-channel icon", tn, ch)
			}
		}
	}

	// Planned/actual split.
	if planned {
		if t.Compliance != "" || t.Origin.Has("compliance") {
			c.report(CodeActualOnly, t.Origin.Of("compliance"), tp+"/compliance",
				"%s: planned touchpoints cannot have a compliance; deviations belong to actual journeys", tn)
		}
		if !t.Timestamps.IsZero() || t.Origin.Has("timestamps") {
			c.report(CodeActualOnly, t.Origin.Of("timestamps"), tp+"/timestamps",
				"%s: planned touchpoints cannot have timestamps; use touchpointDuration or deltaTime for planned timing", tn)
		}
		if t.Experience != nil {
			c.report(CodeExperienceInPlanned, t.Origin.Of("touchpointExperience"), tp+"/touchpointExperience",
				"%s: planned touchpoints cannot have an experience; experience is recorded only in actual journeys", tn)
		}
		return
	}
	if t.Compliance != "" {
		if _, ok := t.Compliance.Normalize(); !ok {
			c.report(CodeUnknownCompliance, t.Origin.ValueOf("compliance"), tp+"/compliance",
				"%s: compliance %q is not one of completed, missing, failing, adhoc, irregular", tn, strings.TrimSpace(string(t.Compliance)))
		}
	}
	if t.Experience != nil {
		c.rating(t.Experience, &t.Origin, "touchpointExperience", tp, tn)
	}
	ts := timestampList(t.Timestamps)
	times := make([]*time.Time, len(ts))
	dates := make([]bool, len(ts))
	for n, s := range ts {
		if s.IsZero() {
			continue
		}
		tm, dateOnly, err := s.Time()
		if err != nil {
			c.report(CodeBadTimestamp, t.Origin.ValueOf("timestamps/"+timestampNames[n]), tp+"/timestamps/"+timestampNames[n],
				"%s: %s %q is not an ISO 8601 date or date-time (such as 2024-12-05 or 2024-12-05T10:00:00)",
				tn, timestampNames[n], strings.TrimSpace(string(s)))
			continue
		}
		times[n], dates[n] = &tm, dateOnly
	}
	// originated ≤ received ≤ consumed; started ≤ completed.
	for _, pair := range [][2]int{{0, 1}, {1, 2}, {0, 2}, {3, 4}} {
		a, b := pair[0], pair[1]
		if times[a] == nil || times[b] == nil || !before(*times[b], dates[b], *times[a], dates[a]) {
			continue
		}
		if pair == [2]int{0, 2} && times[1] != nil {
			continue // already reported against timeReceived
		}
		c.report(CodeTimestampOrder, t.Origin.ValueOf("timestamps/"+timestampNames[b]), tp+"/timestamps/"+timestampNames[b],
			"%s: %s (%s) is before %s (%s)", tn, timestampNames[b], strings.TrimSpace(string(ts[b])),
			timestampNames[a], strings.TrimSpace(string(ts[a])))
	}
	if t.Compliance.Is(cjml.Missing) {
		switch {
		case !t.Timestamps.IsZero():
			c.report(CodeMissingWithData, t.Origin.Of("timestamps"), tp+"/timestamps",
				"%s is marked missing (it never happened) but has timestamps", tn)
		case t.Experience != nil && (t.Experience.Rating != "" || t.Experience.Description != ""):
			c.report(CodeMissingWithData, t.Origin.Of("touchpointExperience"), tp+"/touchpointExperience",
				"%s is marked missing (it never happened) but has an experience", tn)
		}
	}
}

func (c *checker) rating(e *cjml.Experience, o *cjml.Origin, elem, base, name string) {
	r := strings.TrimSpace(e.Rating)
	if r == "" {
		return
	}
	if _, ok := e.Score(); ok {
		return
	}
	why := "it must be an integer from 1 (very dissatisfied) to 5 (very satisfied)"
	if n, err := strconv.Atoi(r); err == nil {
		why = fmt.Sprintf("%d is outside 1 (very dissatisfied) to 5 (very satisfied)", n)
	}
	c.report(CodeRating, o.ValueOf(elem+"/experienceRating"), base+"/"+elem+"/experienceRating",
		"%s: experienceRating %q is not a rating; %s", name, r, why)
}

// party resolves one end of a touchpoint.
func (c *checker) party(j *cjml.Journey, t *cjml.Touchpoint, end string, p *cjml.Party, tp, tn string, used map[*cjml.Actor]bool) cjml.ActorRef {
	refPath := end + "/refersTo/actorIDref"
	if c.doc.Source == nil {
		// Built in code: the model is all there is.
		return c.resolve(j, t, end, p, tp, tn, used)
	}
	if !t.Origin.Has(end) {
		if end == "initiator" {
			// The JSON form of a touchpoint always has an initiator (with
			// an empty reference), so the schema cannot see it missing.
			c.report(CodeSchemaRequired, t.Origin.Pos, tp+"/initiator", "%s: every touchpoint needs an <initiator> that refers to an actor", tn)
		}
		return cjml.ActorRef{}
	}
	switch {
	case !t.Origin.Has(end + "/refersTo"):
		c.report(CodeSchemaRequired, t.Origin.Of(end), tp+"/"+end+"/refersTo",
			"%s: the %s needs a <refersTo actorIDref=\"…\"/> naming its actor", tn, end)
		return cjml.ActorRef{}
	case !t.Origin.Has(refPath):
		c.report(CodeSchemaRequired, t.Origin.Of(end+"/refersTo"), tp+"/"+refPath,
			"%s: the %s's <refersTo> needs the attribute actorIDref naming its actor", tn, end)
		return cjml.ActorRef{}
	}
	return c.resolve(j, t, end, p, tp, tn, used)
}

// resolve checks the label and the actor reference of one end of a
// touchpoint.
func (c *checker) resolve(j *cjml.Journey, t *cjml.Touchpoint, end string, p *cjml.Party, tp, tn string, used map[*cjml.Actor]bool) cjml.ActorRef {
	refPath := end + "/refersTo/actorIDref"
	labelPath := end + "/" + end + "Label"
	if p.Label == "" {
		at := t.Origin.Of(labelPath)
		c.report(CodeEmptyLabel, at, tp+"/"+labelPath, "%s: the %s has no %sLabel; say what the %s does", tn, end, end, end)
	}
	ref := strings.TrimSpace(p.Actor)
	if !c.has(&j.Origin, "actors", len(j.Actors) > 0) && len(j.Actors) == 0 {
		return cjml.ActorRef{} // reported once for the journey
	}
	if ref == "" {
		if c.has(&t.Origin, refPath, true) {
			c.report(CodeUnknownActor, t.Origin.Of(refPath), tp+"/"+refPath, "%s: the %s's actorIDref is empty", tn, end)
		}
		return cjml.ActorRef{}
	}
	r := c.res.Resolve(j, ref)
	at := t.Origin.ValueOf(refPath)
	switch r.Match {
	case cjml.Unresolved:
		c.report(CodeUnknownActor, at, tp+"/"+refPath, "%s: the %s refers to actor %q, which is not declared", tn, end, ref)
	case cjml.MatchName:
		who := r.Actor.Key()
		var d *cjml.Diagnostic
		if who == "" {
			d = c.report(CodeActorByName, at, tp+"/"+refPath,
				"%s: the %s refers to %q, which is no actor ID; it matches only the name of an actor that has no ID", tn, end, ref)
		} else {
			d = c.report(CodeActorByName, at, tp+"/"+refPath,
				"%s: the %s refers to %q, which is no actor ID; it matches only the name of actor %q (write actorIDref=%q)",
				tn, end, ref, who, who)
		}
		c.related(d, r.Actor.Origin.Pos, "the actor")
	case cjml.MatchEarlier:
		d := c.report(CodeActorNotListed, at, tp+"/"+refPath,
			"%s: the %s refers to actor %q, which %s does not list; it is declared in journey %s",
			tn, end, ref, journeyName(0, j), r.Journey.ID)
		c.related(d, r.Actor.Origin.Pos, "declared here")
	}
	if r.Actor != nil && r.Journey == j {
		used[r.Actor] = true
	}
	if r.Match == cjml.Unresolved {
		used[nil] = true // a broken reference: see unused actors
	}
	return r
}

// overSplit reports a communication point that repeats the previous one's
// initiator, receiver and channel: possibly one step split in two (spec §8).
func (c *checker) overSplit(i int, j *cjml.Journey) {
	for k := 1; k < len(j.Touchpoints); k++ {
		a, b := j.Touchpoints[k-1], j.Touchpoints[k]
		if a.Kind != cjml.Communication || b.Kind != cjml.Communication || a.Receiver == nil || b.Receiver == nil {
			continue
		}
		if a.Compliance.Is(cjml.Missing) || b.Compliance.Is(cjml.Missing) {
			continue
		}
		if a.Channel.Key() == "" || a.Channel.Key() != b.Channel.Key() {
			continue
		}
		if a.Message != "" && b.Message != "" && a.Message != b.Message {
			continue // the modeller says they carry different messages
		}
		ai, bi := c.res.Resolve(j, a.Initiator.Actor), c.res.Resolve(j, b.Initiator.Actor)
		ar, br := c.res.Resolve(j, a.Receiver.Actor), c.res.Resolve(j, b.Receiver.Actor)
		if ai.Actor == nil || ar.Actor == nil || ai.Actor != bi.Actor || ar.Actor != br.Actor {
			continue
		}
		tp := c.paths.touchpoint(i, k, j, b)
		d := c.report(CodeOverSplit, b.Origin.Pos, tp,
			"%s repeats %s: same initiator %q, receiver %q and channel %q; if they are one message, merge them (touchpoints are atomic steps)",
			touchpointName(k, b), touchpointName(k-1, a), ai.Actor.Key(), ar.Actor.Key(), strings.TrimSpace(string(b.Channel)))
		c.related(d, a.Origin.Pos, "the previous touchpoint")
	}
}

// article puts "a" or "an" before a word.
func article(w string) string {
	if w != "" && strings.ContainsRune("aeiouAEIOU", rune(w[0])) {
		return "an " + w
	}
	return "a " + w
}
