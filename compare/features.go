package compare

import (
	"math/bits"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"cjml.dev/cjml"
)

// Interned IDs of the attribute values a match cost looks at. Values of a
// planned journey are interned in its plan's dictionary; an actual value the
// dictionary lacks gets unknownID, which equals no planned value.
const (
	unknownID int32 = -1
	noneID    int32 = -2 // the empty value: no receiver, no channel, no phase
)

// feat is what the match cost of a touchpoint looks at, precomputed once per
// touchpoint.
type feat struct {
	kind        cjml.TouchpointKind
	init, recv  int32
	chKey, chFm int32 // channel key and family; chFm is unknownID for unknown families
	phase       int32
	toks        []int32 // label words known to the plan, sorted, without duplicates
	ntoks       int32   // distinct label words, including those the plan lacks
	// bits is the set of label words as a bit set, when the plan has at
	// most 256 distinct words (small); the cost then uses it instead of
	// toks.
	bits  [4]uint64
	small bool
}

// featKey is a feat without its slice: equal keys mean equal costs against
// every planned touchpoint (for plans with small vocabularies).
type featKey struct {
	kind                               cjml.TouchpointKind
	init, recv, chKey, chFm, phase, nt int32
	bits                               [4]uint64
}

func (f *feat) key() featKey {
	return featKey{f.kind, f.init, f.recv, f.chKey, f.chFm, f.phase, f.ntoks, f.bits}
}

// plan is a planned journey prepared for aligning: its touchpoints' features,
// the dictionary of its values and its touchpoint IDs.
type plan struct {
	j     *cjml.Journey
	dict  map[string]int32
	words map[string]int32 // label words, numbered from 0
	small bool             // at most 256 words: label word sets are bit sets
	f     []feat
	ids   map[string]int
	delta []dur // expected offset from the previous touchpoint (deltaTime)
	dur   []dur // expected duration (touchpointDuration)
	timed bool  // some touchpoint has a deltaTime or a duration
	notes []Note
	// same maps the features of planned touchpoints to the first one that
	// has them, and self holds the costs among planned touchpoints (row
	// i, column k: planned i against planned k), computed on first use;
	// both only for small plans.
	same map[featKey]int
	self []int32
	// Short lists of the plan's distinct actor, phase and channel values,
	// scanned before the dictionary: cheaper than hashing for a handful.
	names  []string
	nameID []int32
	chans  []cjml.Channel
	chanF  []chanFeat
}

// find returns the ID of an actor or phase value: from the short list, else
// from the dictionary.
func (p *plan) find(s string) int32 {
	if s == "" {
		return noneID
	}
	for i, n := range p.names {
		if n == s {
			return p.nameID[i]
		}
	}
	if len(p.names) < 16 {
		return unknownID
	}
	return lookup(p, s)
}

type dur struct {
	d  time.Duration
	ok bool
}

func (p *plan) intern(s string) int32 {
	if s == "" {
		return noneID
	}
	if id, ok := p.dict[s]; ok {
		return id
	}
	id := int32(len(p.dict))
	p.dict[s] = id
	return id
}

func newPlan(j *cjml.Journey) *plan {
	p := &plan{j: j, dict: map[string]int32{}, words: map[string]int32{}, ids: map[string]int{}}
	var tk tokenizer
	p.f = make([]feat, len(j.Touchpoints))
	p.delta = make([]dur, len(j.Touchpoints))
	p.dur = make([]dur, len(j.Touchpoints))
	for i, t := range j.Touchpoints {
		f := &p.f[i]
		f.kind = t.Kind
		f.init = p.intern(strings.TrimSpace(t.Initiator.Actor))
		f.recv = noneID
		if t.Receiver != nil {
			f.recv = p.intern(strings.TrimSpace(t.Receiver.Actor))
		}
		info := t.Channel.Info()
		f.chKey = p.intern(info.Key)
		f.chFm = unknownID
		if info.Family != cjml.FamilyNone && info.Family != cjml.FamilyUnknown {
			f.chFm = p.intern("family:" + string(info.Family))
		}
		f.phase = p.intern(strings.TrimSpace(t.Phase))
		for _, w := range tk.words(t) {
			id, ok := p.words[w]
			if !ok {
				id = int32(len(p.words))
				p.words[strings.Clone(w)] = id
			}
			f.toks = append(f.toks, id)
		}
		slices.Sort(f.toks)
		f.toks = slices.Compact(f.toks)
		f.ntoks = int32(len(f.toks))
		if _, dup := p.ids[t.ID]; !dup && t.ID != "" {
			p.ids[t.ID] = i
		}
		for _, x := range []struct {
			text, name string
			dst        *dur
		}{{t.DeltaTime, "deltaTime", &p.delta[i]}, {t.Duration, "touchpointDuration", &p.dur[i]}} {
			if strings.TrimSpace(x.text) == "" {
				continue
			}
			d, err := ParseDuration(x.text)
			if err != nil {
				p.notes = append(p.notes, Note{Severity: cjml.Warning, Code: CodeBadDuration, Planned: t,
					Message: "planned touchpoint " + t.ID + ": " + x.name + " " + err.Error()})
				continue
			}
			*x.dst = dur{d, true}
			p.timed = true
		}
	}
	for _, t := range j.Touchpoints {
		vals := []string{trimmed(t.Initiator.Actor), trimmed(t.Phase)}
		if t.Receiver != nil {
			vals = append(vals, trimmed(t.Receiver.Actor))
		}
		for _, v := range vals {
			if v != "" && !slices.Contains(p.names, v) && len(p.names) < 16 {
				p.names = append(p.names, v)
				p.nameID = append(p.nameID, p.dict[v])
			}
		}
		if t.Channel != "" && !slices.Contains(p.chans, t.Channel) && len(p.chans) < 16 {
			p.chans = append(p.chans, t.Channel)
			info := t.Channel.Info()
			c := chanFeat{key: lookup(p, info.Key), fam: unknownID}
			if info.Family != cjml.FamilyNone && info.Family != cjml.FamilyUnknown {
				c.fam = lookup(p, "family:"+string(info.Family))
			}
			p.chanF = append(p.chanF, c)
		}
	}
	p.small = len(p.words) <= 256
	for i := range p.f {
		f := &p.f[i]
		f.small = p.small
		if p.small {
			for _, id := range f.toks {
				f.bits[id>>6] |= 1 << (id & 63)
			}
		}
	}
	if p.small {
		// The costs among planned touchpoints: an actual touchpoint equal to
		// a planned one (the common case) costs what that one costs.
		n := len(p.f)
		p.same = make(map[featKey]int, n)
		p.self = make([]int32, n*n)
		for k := range p.f {
			if _, dup := p.same[p.f[k].key()]; !dup {
				p.same[p.f[k].key()] = k
			}
		}
		for i := range p.f {
			for k := range p.f {
				p.self[i*n+k] = -1
			}
		}
	}
	return p
}

// labelFeat is what the words of one label are for a plan: the words the
// plan knows, as IDs and as a bit set, and the distinct words it lacks.
type labelFeat struct {
	bits    [4]uint64
	toks    []int32
	unknown []string
}

// label returns the features of a label, cached per plan: labels repeat
// across the journeys compared with one plan.
func (ps *planState) label(s string, tk *tokenizer) *labelFeat {
	if l, ok := ps.labels[s]; ok {
		return l
	}
	if len(ps.labels) >= 1<<16 {
		clear(ps.labels)
	}
	l := &labelFeat{}
	tk.buf, tk.out = tk.buf[:0], tk.out[:0]
	tk.add(s)
	for _, w := range tk.out {
		if id, ok := ps.p.words[w]; ok {
			l.toks = append(l.toks, id)
			if ps.p.small {
				l.bits[id>>6] |= 1 << (id & 63)
			}
		} else if !slices.Contains(l.unknown, w) {
			l.unknown = append(l.unknown, strings.Clone(w))
		}
	}
	slices.Sort(l.toks)
	l.toks = slices.Compact(l.toks)
	ps.labels[s] = l
	return l
}

// tokenizer splits labels into lower-case words: runs of letters and
// digits. It keeps its buffers between calls.
type tokenizer struct {
	buf []byte
	out []string
}

// words returns the words of the touchpoint's initiator and receiver labels.
// The strings are valid until the next call.
func (tk *tokenizer) words(t *cjml.Touchpoint) []string {
	tk.buf = tk.buf[:0]
	tk.out = tk.out[:0]
	tk.add(t.Initiator.Label)
	if t.Receiver != nil {
		tk.add(t.Receiver.Label)
	}
	return tk.out
}

// add appends the lower-cased words of s to tk.out.
func (tk *tokenizer) add(s string) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		r, w := rune(c), 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		i += w
		word := false
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			word = true
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
			word = true
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			r = unicode.ToLower(r)
			word = true
		}
		if !word {
			if start >= 0 {
				tk.out = append(tk.out, bytesString(tk.buf[start:]))
				start = -1
			}
			continue
		}
		if start < 0 {
			start = len(tk.buf)
		}
		tk.buf = utf8.AppendRune(tk.buf, r)
	}
	if start >= 0 {
		tk.out = append(tk.out, bytesString(tk.buf[start:]))
	}
}

// bytesString returns b as a string without copying. The bytes must not
// change while the string is in use: the tokenizer only appends to its
// buffer until the next call to words.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// chanFeat caches the interned key and family of an actual channel name.
type chanFeat struct{ key, fam int32 }

// actualFeat computes the features of an actual touchpoint against the plan
// of ps, appending its word IDs to toks when the plan is not small.
func actualFeat(ps *planState, t *cjml.Touchpoint, tk *tokenizer, toks []int32) (feat, []int32) {
	p := ps.p
	f := feat{kind: t.Kind, init: p.find(trimmed(t.Initiator.Actor)), recv: noneID, small: p.small}
	if t.Receiver != nil {
		f.recv = p.find(trimmed(t.Receiver.Actor))
	}
	k := slices.Index(p.chans, t.Channel)
	if t.Channel == "" {
		f.chKey, f.chFm = noneID, unknownID
	} else if k >= 0 {
		f.chKey, f.chFm = p.chanF[k].key, p.chanF[k].fam
	} else if c, ok := ps.ch[t.Channel]; ok {
		f.chKey, f.chFm = c.key, c.fam
	} else {
		info := t.Channel.Info()
		c := chanFeat{key: lookup(p, info.Key), fam: unknownID}
		if info.Family != cjml.FamilyNone && info.Family != cjml.FamilyUnknown {
			c.fam = lookup(p, "family:"+string(info.Family))
		}
		if len(ps.ch) >= 1<<12 {
			clear(ps.ch)
		}
		ps.ch[t.Channel] = c
		f.chKey, f.chFm = c.key, c.fam
	}
	f.phase = p.find(trimmed(t.Phase))
	l1 := ps.label(t.Initiator.Label, tk)
	var l2 *labelFeat
	if t.Receiver != nil {
		l2 = ps.label(t.Receiver.Label, tk)
	}
	unknown := len(l1.unknown)
	f.bits = l1.bits
	if l2 != nil {
		for k := range f.bits {
			f.bits[k] |= l2.bits[k]
		}
		for _, u := range l2.unknown {
			if !slices.Contains(l1.unknown, u) {
				unknown++
			}
		}
	}
	if p.small {
		f.ntoks = int32(unknown + bits.OnesCount64(f.bits[0]) + bits.OnesCount64(f.bits[1]) +
			bits.OnesCount64(f.bits[2]) + bits.OnesCount64(f.bits[3]))
		return f, toks
	}
	start := len(toks)
	toks = append(toks, l1.toks...)
	if l2 != nil {
		toks = append(toks, l2.toks...)
	}
	ts := toks[start:]
	slices.Sort(ts)
	ts = slices.Compact(ts)
	toks = toks[:start+len(ts)]
	f.toks = toks[start:len(toks):len(toks)]
	f.ntoks = int32(len(ts) + unknown)
	return f, toks
}

func trimmed(s string) string {
	if s == "" {
		return s
	}
	if s[0] > ' ' && s[len(s)-1] > ' ' {
		return s
	}
	return strings.TrimSpace(s)
}

func lookup(p *plan, s string) int32 {
	if s == "" {
		return noneID
	}
	if id, ok := p.dict[s]; ok {
		return id
	}
	return unknownID
}

// cost is the match cost of a planned and an actual touchpoint.
func cost(w *Weights, p, a *feat) int32 {
	var c int32
	if p.kind != a.kind {
		c += int32(w.Kind)
	}
	if p.init != a.init {
		c += int32(w.Initiator)
	}
	if p.recv != a.recv {
		c += int32(w.Receiver)
	}
	if p.chKey != a.chKey {
		if p.chFm != unknownID && p.chFm == a.chFm {
			c += int32(w.ChannelFamily)
		} else {
			c += int32(w.Channel)
		}
	}
	if p.phase != a.phase && p.phase != noneID && a.phase != noneID {
		c += int32(w.Phase)
	}
	// Jaccard distance of the word sets, in integer arithmetic.
	inter := int32(0)
	if p.small {
		inter = int32(bits.OnesCount64(p.bits[0]&a.bits[0]) + bits.OnesCount64(p.bits[1]&a.bits[1]) +
			bits.OnesCount64(p.bits[2]&a.bits[2]) + bits.OnesCount64(p.bits[3]&a.bits[3]))
	}
	x, y := p.toks, a.toks
	for !p.small && len(x) > 0 && len(y) > 0 {
		switch {
		case x[0] == y[0]:
			inter++
			x, y = x[1:], y[1:]
		case x[0] < y[0]:
			x = x[1:]
		default:
			y = y[1:]
		}
	}
	if union := p.ntoks + a.ntoks - inter; union > 0 {
		c += (int32(w.Label)*(union-inter) + union/2) / union
	}
	return c
}
