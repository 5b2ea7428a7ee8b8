package cjml

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"cjml.dev/internal/textutil"
)

// The decoder turns a node tree (from any syntax) into the model. It never
// loses what it reads: an element or attribute it does not interpret, or a
// second copy of one it does, goes into the node's Extra and is written back.
// Only white space, the place of comments among elements, and text where
// CJML expects elements are not kept (the last with a warning).

// vocab is a set of known names, matched exactly or, with a warning,
// ignoring letter case.
type vocab struct {
	exact map[string]int // name → place in canonical order
	fold  map[string]string
}

func newVocab(names ...string) *vocab {
	v := &vocab{exact: map[string]int{}, fold: map[string]string{}}
	for i, n := range names {
		v.exact[n] = i
		v.fold[strings.ToLower(n)] = n
	}
	return v
}

// rank returns the place of name in the canonical order, or one past the
// end for names the vocabulary does not know.
func (v *vocab) rank(name string) int {
	if i, ok := v.exact[name]; ok {
		return i
	}
	return len(v.exact)
}

// Element and attribute names of CJML 2.0, by the element they appear in.
var (
	vocabRoot     = newVocab("plannedJourney", "actualJourney")
	vocabRootAttr = newVocab("version")
	vocabJourney  = newVocab("journeyID", "journeyTitle", "plannedReference", "journeyPhases",
		"journeyShortSummary", "journeyLongSummary", "journeyStatus", "complianceContent",
		"complianceSequence", "complianceTiming", "journeyExperience", "journeyOperators", "creator",
		"journeyEndUserType", "journeyStartDate", "actors", "touchpoints", "comment")
	vocabPhases      = newVocab("journeyPhase")
	vocabPhase       = newVocab("phaseName", "phaseDescription")
	vocabPhaseAttr   = newVocab("phaseID")
	vocabActors      = newVocab(append([]string{"serviceProvider"}, EndUserTags...)...)
	vocabActor       = newVocab("actorName", "companyName", "providerType", "department", "position")
	vocabActorAttr   = newVocab("actorID", "actorIDref")
	vocabTouchpoints = newVocab("plannedCommunicationPoint", "plannedAction", "actualCommunicationPoint", "actualAction")
	vocabTouchpoint  = newVocab("touchpointID", "belongsTo", "compliance", "initiator", "receiver", "channel",
		"message", "timestamps", "touchpointDuration", "deltaTime", "touchpointExperience", "comment",
		"category", "uncertainty", "touchpointLevelAnalysis")
	vocabInitiator  = newVocab("refersTo", "initiatorLabel")
	vocabReceiver   = newVocab("refersTo", "receiverLabel")
	vocabRefersTo   = newVocab("actorIDref")
	vocabBelongsTo  = newVocab("phaseIDref")
	vocabChannel    = newVocab("channelName")
	vocabTimestamps = newVocab("timeOriginated", "timeReceived", "timeConsumed", "timeStarted", "timeCompleted")
	vocabExperience = newVocab("experienceDescription", "experienceRating")
	vocabNone       = newVocab()
)

type decoder struct {
	src   *Source
	diags Diagnostics
}

func (d *decoder) warn(pos Pos, code, format string, args ...any) {
	d.diags = append(d.diags, Diagnostic{
		Severity: Warning, Code: code, Message: fmt.Sprintf(format, args...), Pos: d.src.Position(pos),
	})
}

// known returns the CJML name an element (or, with attr, an attribute)
// called name stands for in the context v, or "".
func (d *decoder) known(v *vocab, name string, pos Pos, attr bool) string {
	l := local(name)
	if _, ok := v.exact[l]; ok {
		return l
	}
	if len(v.fold) == 0 {
		return ""
	}
	if c, ok := v.fold[strings.ToLower(l)]; ok {
		what := "element <" + name + ">"
		if attr {
			what = "attribute " + name
		}
		d.warn(pos, CodeNameCase, "%s read as %s; CJML names are case-sensitive", what, c)
		return c
	}
	return ""
}

func (d *decoder) knownElem(v *vocab, n *node) string {
	return d.known(v, n.name, n.pos, false)
}

// sink is where a node's unknown content and comments go.
type sink struct {
	origin   *Origin
	extra    *Extra
	comments *[]string
	// vocabs gives the vocabulary of each known element of the node, by
	// path; sortExtra uses it.
	vocabs map[string]*vocab
}

// Vocabularies of each node kind's elements, by path relative to the node.
var (
	rootVocabs    = map[string]*vocab{"": vocabRoot}
	journeyVocabs = map[string]*vocab{"": vocabJourney, "journeyExperience": vocabExperience}
	phaseVocabs   = map[string]*vocab{"": vocabPhase}
	actorVocabs   = map[string]*vocab{"": vocabActor}
	tpVocabs      = map[string]*vocab{"": vocabTouchpoint, "initiator": vocabInitiator, "receiver": vocabReceiver,
		"channel": vocabChannel, "timestamps": vocabTimestamps, "touchpointExperience": vocabExperience}
)

// sortExtra puts a node's Extra into canonical order, so that a document
// read back from its own output has the same model: grouped by the element
// they sit in, and within it the repeats of CJML elements in CJML order
// before unknown elements, each group in document order. This is where the
// encoder writes them.
func (s sink) sortExtra() {
	x := s.extra
	if len(x.Elems) > 1 {
		slices.SortStableFunc(x.Elems, func(a, b *Element) int {
			if c := strings.Compare(a.In, b.In); c != 0 {
				return c
			}
			v := s.vocabs[a.In]
			if v == nil {
				return 0
			}
			return cmp.Compare(v.rank(a.Name), v.rank(b.Name))
		})
	}
	if len(x.Attrs) > 1 {
		slices.SortStableFunc(x.Attrs, func(a, b Attr) int { return strings.Compare(a.In, b.In) })
	}
}

func (s sink) elem(in string, n *node) {
	e := toElement(n)
	e.In = in
	s.extra.Elems = append(s.extra.Elems, e)
}

// toElement copies a node subtree into the generic Element form.
func toElement(n *node) *Element {
	e := &Element{Name: n.name, Text: trim(n.text), Comments: n.comments, Pos: n.pos}
	for _, a := range n.attrs {
		e.Attrs = append(e.Attrs, Attr{Name: a.name, Value: a.value, Pos: a.pos})
	}
	for k := n.first; k != nil; k = k.next {
		e.Children = append(e.Children, toElement(k))
	}
	return e
}

// container handles the parts of a known element the model keeps nowhere
// else: its comments, unknown attributes (unless attrs handles them) and
// stray text.
func (d *decoder) container(s sink, in string, n *node) {
	*s.comments = append(*s.comments, n.comments...)
	if !isBlank(n.text) {
		d.warn(n.textPos, CodeStrayText, "text %s inside <%s> is dropped; <%s> holds only elements", textutil.Quote(trim(n.text)), n.name, local(n.name))
	}
}

// attrs reads n's attributes: known ones (in v) through set, the rest into
// Extra. path is n's path relative to the sink's node.
func (d *decoder) attrs(s sink, path string, n *node, v *vocab, set func(name, value string)) {
	for _, a := range n.attrs {
		name := ""
		if !strings.HasPrefix(a.name, "xmlns") {
			name = d.known(v, a.name, a.pos, true)
		}
		if name != "" && !s.origin.Has(join(path, name)) {
			set(name, trim(a.value))
			s.origin.add(join(path, name), a.pos, a.vpos)
			continue
		}
		s.extra.Attrs = append(s.extra.Attrs, Attr{In: path, Name: a.name, Value: a.value, Pos: a.pos})
	}
}

// join joins two path parts. Paths come from a small fixed set, so they
// are interned: reading a large document builds each one once.
func join(a, b string) string {
	if a == "" {
		return b
	}
	if p, ok := paths[[2]string{a, b}]; ok {
		return p
	}
	return a + "/" + b
}

// paths holds every join of a CJML element with a child or attribute name,
// built once.
var paths = func() map[[2]string]string {
	m := map[[2]string]string{}
	add := func(vocabs map[string]*vocab) {
		for in, v := range vocabs {
			for name := range v.exact {
				p := name
				if in != "" {
					p = in + "/" + name
					m[[2]string{in, name}] = p
				}
				for _, a := range []string{"actorIDref", "phaseIDref"} {
					m[[2]string{p, a}] = p + "/" + a
				}
				m[[2]string{p, "refersTo"}] = p + "/refersTo"
			}
		}
	}
	add(journeyVocabs)
	add(tpVocabs)
	for _, in := range []string{"initiator/refersTo", "receiver/refersTo"} {
		m[[2]string{in, "actorIDref"}] = in + "/actorIDref"
	}
	return m
}()

// leaf reads a text-only element into *dst. A second occurrence of the same
// element goes into Extra. Attributes and child elements of a leaf are kept
// in Extra too.
func (d *decoder) leaf(s sink, path string, n *node, dst *string) {
	if s.origin.Has(path) {
		s.elem(parentPath(path), n)
		return
	}
	*dst = trim(n.text)
	s.origin.add(path, n.pos, n.textPos)
	*s.comments = append(*s.comments, n.comments...)
	for _, a := range n.attrs {
		s.extra.Attrs = append(s.extra.Attrs, Attr{In: path, Name: a.name, Value: a.value, Pos: a.pos})
	}
	for k := n.first; k != nil; k = k.next {
		s.elem(path, k)
	}
}

// struc reads a known element whose children are elements: it records the
// element, reads its attributes (the known ones, in attrs, through setAttr),
// and offers each child to each, which reports whether it took the child;
// children it does not take go into Extra. A repeat of an element already
// read goes into Extra whole, and struc reports false.
func (d *decoder) struc(s sink, path string, n *node, attrs *vocab, setAttr func(name, value string), each func(k *node) bool) bool {
	if s.origin.Has(path) {
		s.elem(parentPath(path), n)
		return false
	}
	s.origin.add(path, n.pos, NoPos)
	d.container(s, path, n)
	if attrs == nil {
		attrs = vocabNone
	}
	d.attrs(s, path, n, attrs, setAttr)
	for k := n.first; k != nil; k = k.next {
		if each == nil || !each(k) {
			s.elem(path, k)
		}
	}
	return true
}

func noAttr(string, string) {}

// begin starts the document from its root element's start tag: name and
// attributes. Journeys follow through top, one at a time, and end finishes.
func (d *decoder) begin(root *node) *Document {
	doc := &Document{Source: d.src}
	doc.Origin.Pos = root.pos
	if local(root.name) != "CJML" {
		if strings.EqualFold(local(root.name), "CJML") {
			d.warn(root.pos, CodeNameCase, "root element <%s> read as <CJML>; CJML names are case-sensitive", root.name)
		} else {
			d.diags = append(d.diags, Diagnostic{Severity: Error, Code: CodeRoot, Pos: d.src.Position(root.pos),
				Message: fmt.Sprintf("the root element is <%s>; a CJML document's root element is <CJML>", root.name)})
		}
	}
	d.attrs(d.rootSink(doc), "", root, vocabRootAttr, func(_, v string) { doc.Version = v })
	return doc
}

func (d *decoder) rootSink(doc *Document) sink {
	return sink{origin: &doc.Origin, extra: &doc.Extra, comments: &doc.Comments, vocabs: rootVocabs}
}

// top reads one child element of the root.
func (d *decoder) top(doc *Document, k *node) {
	switch d.knownElem(vocabRoot, k) {
	case "plannedJourney":
		doc.Journeys = append(doc.Journeys, d.journey(k, Planned))
	case "actualJourney":
		doc.Journeys = append(doc.Journeys, d.journey(k, Actual))
	default:
		d.rootSink(doc).elem("", k)
	}
}

// end finishes the document with what the root element holds besides its
// children: comments and text.
func (d *decoder) end(doc *Document, root *node) {
	s := d.rootSink(doc)
	d.container(s, "", root)
	s.sortExtra()
}

// document reads a whole tree.
func (d *decoder) document(root *node) *Document {
	doc := d.begin(root)
	for k := root.first; k != nil; k = k.next {
		d.top(doc, k)
	}
	d.end(doc, root)
	return doc
}

func (d *decoder) journey(n *node, kind JourneyKind) *Journey {
	j := &Journey{Kind: kind}
	j.Origin = Origin{Pos: n.pos, parts: make([]part, 0, 8)}
	s := sink{origin: &j.Origin, extra: &j.Extra, comments: &j.Comments, vocabs: journeyVocabs}
	defer s.sortExtra()
	d.container(s, "", n)
	d.attrs(s, "", n, vocabNone, noAttr)
	for k := n.first; k != nil; k = k.next {
		name := d.knownElem(vocabJourney, k)
		switch name {
		case "journeyID":
			d.leaf(s, name, k, &j.ID)
		case "journeyTitle":
			d.leaf(s, name, k, &j.Title)
		case "plannedReference":
			d.leaf(s, name, k, &j.PlannedReference)
		case "journeyShortSummary":
			d.leaf(s, name, k, &j.ShortSummary)
		case "journeyLongSummary":
			d.leaf(s, name, k, &j.LongSummary)
		case "journeyStatus":
			d.leaf(s, name, k, &j.Status)
		case "complianceContent":
			d.leaf(s, name, k, &j.ComplianceContent)
		case "complianceSequence":
			d.leaf(s, name, k, &j.ComplianceSequence)
		case "complianceTiming":
			d.leaf(s, name, k, &j.ComplianceTiming)
		case "journeyOperators":
			d.leaf(s, name, k, &j.Operators)
		case "creator":
			d.leaf(s, name, k, &j.Creator)
		case "journeyEndUserType":
			d.leaf(s, name, k, &j.EndUserType)
		case "journeyStartDate":
			d.leaf(s, name, k, &j.StartDate)
		case "comment":
			d.leaf(s, name, k, &j.Comment)
		case "journeyExperience":
			d.experience(s, name, k, &j.Experience)
		case "journeyPhases":
			d.struc(s, name, k, nil, noAttr, func(c *node) bool {
				if d.knownElem(vocabPhases, c) == "" {
					return false
				}
				j.Phases = append(j.Phases, d.phase(c))
				return true
			})
		case "actors":
			// Any element that declares or re-uses an actor ID is an
			// actor (attacker, system), not only the CJML names.
			d.struc(s, name, k, nil, noAttr, func(c *node) bool {
				tag := d.knownElem(vocabActors, c)
				if tag == "" {
					if !hasActorAttr(c) {
						return false
					}
					tag = c.name
				}
				j.Actors = append(j.Actors, d.actor(c, tag))
				return true
			})
		case "touchpoints":
			d.struc(s, name, k, nil, noAttr, func(c *node) bool {
				tag := d.knownElem(vocabTouchpoints, c)
				if tag == "" {
					return false
				}
				j.Touchpoints = append(j.Touchpoints, d.touchpoint(c, tag))
				return true
			})
		default:
			s.elem("", k)
		}
	}
	return j
}

func hasActorAttr(n *node) bool {
	for _, a := range n.attrs {
		switch strings.ToLower(local(a.name)) {
		case "actorid", "actoridref":
			return true
		}
	}
	return false
}

func (d *decoder) phase(n *node) *Phase {
	ph := &Phase{}
	ph.Origin.Pos = n.pos
	s := sink{origin: &ph.Origin, extra: &ph.Extra, comments: &ph.Comments, vocabs: phaseVocabs}
	defer s.sortExtra()
	d.container(s, "", n)
	d.attrs(s, "", n, vocabPhaseAttr, func(_, v string) { ph.ID = v })
	for k := n.first; k != nil; k = k.next {
		switch name := d.knownElem(vocabPhase, k); name {
		case "phaseName":
			d.leaf(s, name, k, &ph.Name)
		case "phaseDescription":
			d.leaf(s, name, k, &ph.Description)
		default:
			s.elem("", k)
		}
	}
	return ph
}

func (d *decoder) actor(n *node, tag string) *Actor {
	a := &Actor{Tag: tag, Kind: ActorKindOf(tag)}
	a.Origin = Origin{Pos: n.pos, parts: make([]part, 0, 4)}
	s := sink{origin: &a.Origin, extra: &a.Extra, comments: &a.Comments, vocabs: actorVocabs}
	defer s.sortExtra()
	d.container(s, "", n)
	d.attrs(s, "", n, vocabActorAttr, func(name, v string) {
		if name == "actorID" {
			a.ID = v
		} else {
			a.Ref = v
		}
	})
	for k := n.first; k != nil; k = k.next {
		switch name := d.knownElem(vocabActor, k); name {
		case "actorName":
			d.leaf(s, name, k, &a.Name)
		case "companyName":
			d.leaf(s, name, k, &a.CompanyName)
		case "providerType":
			d.leaf(s, name, k, &a.ProviderType)
		case "department":
			d.leaf(s, name, k, &a.Department)
		case "position":
			d.leaf(s, name, k, &a.Position)
		default:
			s.elem("", k)
		}
	}
	return a
}

func (d *decoder) touchpoint(n *node, tag string) *Touchpoint {
	t := &Touchpoint{Tag: tag, Kind: Communication}
	if strings.HasSuffix(tag, "Action") {
		t.Kind = Action
	}
	t.Origin = Origin{Pos: n.pos, parts: make([]part, 0, 16)}
	s := sink{origin: &t.Origin, extra: &t.Extra, comments: &t.Comments, vocabs: tpVocabs}
	defer s.sortExtra()
	d.container(s, "", n)
	d.attrs(s, "", n, vocabNone, noAttr)
	for k := n.first; k != nil; k = k.next {
		switch name := d.knownElem(vocabTouchpoint, k); name {
		case "touchpointID":
			d.leaf(s, name, k, &t.ID)
		case "belongsTo":
			d.struc(s, name, k, vocabBelongsTo, func(_, v string) { t.Phase = v }, nil)
		case "compliance":
			d.leaf(s, name, k, (*string)(&t.Compliance))
		case "initiator":
			d.party(s, name, k, vocabInitiator, &t.Initiator)
		case "receiver":
			var p Party
			if d.party(s, name, k, vocabReceiver, &p) {
				t.Receiver = &p
			}
		case "channel":
			d.struc(s, name, k, nil, noAttr, func(c *node) bool {
				cn := d.knownElem(vocabChannel, c)
				if cn == "" {
					return false
				}
				d.leaf(s, join(name, cn), c, (*string)(&t.Channel))
				return true
			})
		case "message":
			d.leaf(s, name, k, &t.Message)
		case "timestamps":
			ts := &t.Timestamps
			d.struc(s, name, k, nil, noAttr, func(c *node) bool {
				tn := d.knownElem(vocabTimestamps, c)
				var dst *Timestamp
				switch tn {
				case "timeOriginated":
					dst = &ts.Originated
				case "timeReceived":
					dst = &ts.Received
				case "timeConsumed":
					dst = &ts.Consumed
				case "timeStarted":
					dst = &ts.Started
				case "timeCompleted":
					dst = &ts.Completed
				default:
					return false
				}
				d.leaf(s, join(name, tn), c, (*string)(dst))
				return true
			})
		case "touchpointDuration":
			d.leaf(s, name, k, &t.Duration)
		case "deltaTime":
			d.leaf(s, name, k, &t.DeltaTime)
		case "touchpointExperience":
			d.experience(s, name, k, &t.Experience)
		case "comment":
			d.leaf(s, name, k, &t.Comment)
		case "category":
			d.leaf(s, name, k, &t.Category)
		case "uncertainty":
			d.leaf(s, name, k, &t.Uncertainty)
		case "touchpointLevelAnalysis":
			if t.Analysis != nil {
				s.elem("", k)
				break
			}
			t.Analysis = toElement(k)
			t.Origin.add(name, k.pos, k.textPos)
		default:
			s.elem("", k)
		}
	}
	return t
}

// party reads an initiator or receiver element; it reports false when the
// element was a repeat and went into Extra.
func (d *decoder) party(s sink, path string, n *node, v *vocab, p *Party) bool {
	labelName := "initiatorLabel"
	if path == "receiver" {
		labelName = "receiverLabel"
	}
	return d.struc(s, path, n, nil, noAttr, func(c *node) bool {
		switch name := d.knownElem(v, c); name {
		case labelName:
			d.leaf(s, join(path, name), c, &p.Label)
		case "refersTo":
			d.struc(s, join(path, "refersTo"), c, vocabRefersTo, func(_, v string) { p.Actor = v }, nil)
		default:
			return false
		}
		return true
	})
}

func (d *decoder) experience(s sink, path string, n *node, dst **Experience) {
	e := &Experience{}
	if d.struc(s, path, n, nil, noAttr, func(c *node) bool {
		switch name := d.knownElem(vocabExperience, c); name {
		case "experienceRating":
			d.leaf(s, join(path, name), c, &e.Rating)
		case "experienceDescription":
			d.leaf(s, join(path, name), c, &e.Description)
		default:
			return false
		}
		return true
	}) {
		*dst = e
	}
}
