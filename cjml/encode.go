package cjml

import (
	"strconv"
	"strings"
)

// The encoder turns the model into a node tree in canonical CJML 2.0 order:
// the element names and order the known producers write (spec §2), with the
// content of Extra put back inside the element it was read from, right
// after the known element of the same name when there is one. Nodes carry
// the positions the model was read from, so that findings about the JSON
// form of a document point into the original file.

type encoder struct {
	slab slab
}

// nodeCtx builds the elements of one model node and places its Extra.
type nodeCtx struct {
	e      *encoder
	origin *Origin
	extra  *Extra
	// elems maps a path relative to the model node to the element built
	// for it, so that Extra can be put back.
	elems map[string]*node
}

func (e *encoder) ctx(o *Origin, x *Extra) *nodeCtx {
	return &nodeCtx{e: e, origin: o, extra: x, elems: map[string]*node{}}
}

// elem creates the element for path (relative to the model node) inside
// parent; parent nil makes the node's own element.
func (c *nodeCtx) elem(parent *node, path, name string) *node {
	n := c.e.slab.node()
	n.name = name
	if path == "" {
		n.pos = c.origin.Pos
	} else {
		n.pos = c.origin.Of(path)
	}
	if parent != nil {
		parent.add(n)
	}
	c.elems[path] = n
	return n
}

// leaf adds <name>text</name> inside parent when text is not empty or the
// element was present when the document was read.
func (c *nodeCtx) leaf(parent *node, path, name, text string) *node {
	if text == "" && !c.origin.Has(path) {
		return nil
	}
	n := c.elem(parent, path, name)
	n.text = text
	n.textPos = c.origin.ValueOf(path)
	return n
}

func (c *nodeCtx) attr(n *node, path, name, value string) {
	p := join(path, name)
	n.attrs = append(n.attrs, attr{name: name, value: value, pos: c.origin.Of(p), vpos: c.origin.ValueOf(p)})
}

// finish puts the node's Extra back into the elements built for it.
// Elements whose container was not built (the model was changed after
// reading) get their container created.
func (c *nodeCtx) finish() {
	for _, a := range c.extra.Attrs {
		n := c.container(a.In)
		n.attrs = append(n.attrs, attr{name: a.Name, value: a.Value, pos: a.Pos, vpos: a.Pos})
	}
	for _, x := range c.extra.Elems {
		n := c.container(x.In)
		k := c.e.element(x)
		k.extra = true
		// A repeat of a CJML element goes right after it (and after
		// earlier repeats); anything else at the end. The decoder sorts
		// Extra the same way (sortExtra).
		var after *node
		known := false
		for p := n.first; p != nil; p = p.next {
			if p.name == x.Name {
				known = known || !p.extra
				after = p
			}
		}
		if !known || after == n.last {
			n.add(k)
			continue
		}
		k.next = after.next
		after.next = k
	}
}

func (c *nodeCtx) container(path string) *node {
	if n, ok := c.elems[path]; ok {
		return n
	}
	parent := c.container(parentPath(path))
	name := path
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		name = path[i+1:]
	}
	return c.elem(parent, path, name)
}

func (e *encoder) element(x *Element) *node {
	n := e.slab.node()
	n.name = x.Name
	n.pos = x.Pos
	n.text = x.Text
	n.comments = x.Comments
	for _, a := range x.Attrs {
		n.attrs = append(n.attrs, attr{name: a.Name, value: a.Value, pos: a.Pos, vpos: a.Pos})
	}
	for _, k := range x.Children {
		n.add(e.element(k))
	}
	return n
}

func (e *encoder) document(doc *Document) *node {
	c := e.ctx(&doc.Origin, &doc.Extra)
	root := c.elem(nil, "", "CJML")
	root.comments = doc.Comments
	if doc.Version != "" || doc.Origin.Has("version") {
		c.attr(root, "", "version", doc.Version)
	}
	for _, j := range doc.Journeys {
		root.add(e.journey(j))
	}
	c.finish()
	return root
}

func (e *encoder) journey(j *Journey) *node {
	c := e.ctx(&j.Origin, &j.Extra)
	kind := j.Kind
	if kind == JourneyKindInvalid {
		kind = Actual
	}
	n := c.elem(nil, "", kind.Tag())
	n.comments = j.Comments
	c.leaf(n, "journeyID", "journeyID", j.ID)
	c.leaf(n, "journeyTitle", "journeyTitle", j.Title)
	c.leaf(n, "plannedReference", "plannedReference", j.PlannedReference)
	if len(j.Phases) > 0 || c.origin.Has("journeyPhases") {
		ph := c.elem(n, "journeyPhases", "journeyPhases")
		for _, p := range j.Phases {
			ph.add(e.phase(p))
		}
	}
	c.leaf(n, "journeyShortSummary", "journeyShortSummary", j.ShortSummary)
	c.leaf(n, "journeyLongSummary", "journeyLongSummary", j.LongSummary)
	c.leaf(n, "journeyStatus", "journeyStatus", j.Status)
	c.leaf(n, "complianceContent", "complianceContent", j.ComplianceContent)
	c.leaf(n, "complianceSequence", "complianceSequence", j.ComplianceSequence)
	c.leaf(n, "complianceTiming", "complianceTiming", j.ComplianceTiming)
	c.experience(n, "journeyExperience", j.Experience)
	c.leaf(n, "journeyOperators", "journeyOperators", j.Operators)
	c.leaf(n, "creator", "creator", j.Creator)
	c.leaf(n, "journeyEndUserType", "journeyEndUserType", j.EndUserType)
	c.leaf(n, "journeyStartDate", "journeyStartDate", j.StartDate)
	as := c.elem(n, "actors", "actors")
	for _, a := range j.Actors {
		as.add(e.actor(a))
	}
	ts := c.elem(n, "touchpoints", "touchpoints")
	for _, t := range j.Touchpoints {
		ts.add(e.touchpoint(t, kind))
	}
	c.leaf(n, "comment", "comment", j.Comment)
	c.finish()
	return n
}

func (e *encoder) phase(p *Phase) *node {
	c := e.ctx(&p.Origin, &p.Extra)
	n := c.elem(nil, "", "journeyPhase")
	n.comments = p.Comments
	c.attr(n, "", "phaseID", p.ID)
	c.leaf(n, "phaseName", "phaseName", p.Name)
	c.leaf(n, "phaseDescription", "phaseDescription", p.Description)
	c.finish()
	return n
}

func (e *encoder) actor(a *Actor) *node {
	c := e.ctx(&a.Origin, &a.Extra)
	n := c.elem(nil, "", a.TagName())
	n.comments = a.Comments
	if a.ID != "" || a.Ref == "" {
		c.attr(n, "", "actorID", a.ID)
	}
	if a.Ref != "" {
		c.attr(n, "", "actorIDref", a.Ref)
	}
	c.leaf(n, "actorName", "actorName", a.Name)
	c.leaf(n, "companyName", "companyName", a.CompanyName)
	c.leaf(n, "providerType", "providerType", a.ProviderType)
	c.leaf(n, "department", "department", a.Department)
	c.leaf(n, "position", "position", a.Position)
	c.finish()
	return n
}

func (e *encoder) touchpoint(t *Touchpoint, j JourneyKind) *node {
	c := e.ctx(&t.Origin, &t.Extra)
	n := c.elem(nil, "", t.TagName(j))
	n.comments = t.Comments
	c.leaf(n, "touchpointID", "touchpointID", t.ID)
	if t.Phase != "" || c.origin.Has("belongsTo") {
		b := c.elem(n, "belongsTo", "belongsTo")
		c.attr(b, "belongsTo", "phaseIDref", t.Phase)
	}
	c.leaf(n, "compliance", "compliance", string(t.Compliance))
	c.party(n, "initiator", "initiatorLabel", &t.Initiator)
	if t.Receiver != nil {
		c.party(n, "receiver", "receiverLabel", t.Receiver)
	}
	if t.Channel != "" || c.origin.Has("channel") {
		ch := c.elem(n, "channel", "channel")
		c.leaf(ch, "channel/channelName", "channelName", string(t.Channel))
	}
	c.leaf(n, "message", "message", t.Message)
	if !t.Timestamps.IsZero() || c.origin.Has("timestamps") {
		ts := c.elem(n, "timestamps", "timestamps")
		for _, f := range []struct {
			name string
			v    Timestamp
		}{
			{"timeOriginated", t.Timestamps.Originated},
			{"timeReceived", t.Timestamps.Received},
			{"timeConsumed", t.Timestamps.Consumed},
			{"timeStarted", t.Timestamps.Started},
			{"timeCompleted", t.Timestamps.Completed},
		} {
			c.leaf(ts, "timestamps/"+f.name, f.name, string(f.v))
		}
	}
	c.leaf(n, "touchpointDuration", "touchpointDuration", t.Duration)
	c.leaf(n, "deltaTime", "deltaTime", t.DeltaTime)
	c.experience(n, "touchpointExperience", t.Experience)
	c.leaf(n, "comment", "comment", t.Comment)
	c.leaf(n, "category", "category", t.Category)
	c.leaf(n, "uncertainty", "uncertainty", t.Uncertainty)
	if t.Analysis != nil {
		a := e.element(t.Analysis)
		a.name = "touchpointLevelAnalysis"
		n.add(a)
		c.elems["touchpointLevelAnalysis"] = a
	}
	c.finish()
	return n
}

// party writes an initiator or receiver. Both children are always written:
// the producers' readers expect refersTo and the label.
func (c *nodeCtx) party(parent *node, name, label string, p *Party) {
	n := c.elem(parent, name, name)
	r := c.elem(n, name+"/refersTo", "refersTo")
	c.attr(r, name+"/refersTo", "actorIDref", p.Actor)
	l := c.elem(n, name+"/"+label, label)
	l.text = p.Label
	l.textPos = c.origin.ValueOf(name + "/" + label)
}

func (c *nodeCtx) experience(parent *node, name string, x *Experience) {
	if x == nil {
		return
	}
	n := c.elem(parent, name, name)
	c.leaf(n, name+"/experienceDescription", "experienceDescription", x.Description)
	if r := c.leaf(n, name+"/experienceRating", "experienceRating", x.Rating); r != nil {
		_, err := strconv.Atoi(x.Rating)
		r.num = err == nil
	}
}
