package compare

import (
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
	toks        []int32 // interned label words, sorted, without duplicates
	ntoks       int32   // distinct label words, including those the plan lacks
}

// plan is a planned journey prepared for aligning: its touchpoints' features,
// the dictionary of its values and its touchpoint IDs.
type plan struct {
	j     *cjml.Journey
	dict  map[string]int32
	f     []feat
	ids   map[string]int
	delta []dur // expected offset from the previous touchpoint (deltaTime)
	dur   []dur // expected duration (touchpointDuration)
	timed bool  // some touchpoint has a deltaTime or a duration
	notes []Note
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
	p := &plan{j: j, dict: map[string]int32{}, ids: map[string]int{}}
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
		words := tk.words(t)
		for _, w := range words {
			f.toks = append(f.toks, p.intern("word:"+w))
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
	return p
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

// actualFeat computes the features of an actual touchpoint against plan p,
// appending its words to toks. cache maps channel names already seen.
func actualFeat(p *plan, t *cjml.Touchpoint, tk *tokenizer, toks []int32, cache map[cjml.Channel]chanFeat) (feat, []int32) {
	f := feat{kind: t.Kind, init: lookup(p, trimmed(t.Initiator.Actor)), recv: noneID}
	if t.Receiver != nil {
		f.recv = lookup(p, trimmed(t.Receiver.Actor))
	}
	if t.Channel == "" {
		f.chKey, f.chFm = noneID, unknownID
	} else if c, ok := cache[t.Channel]; ok {
		f.chKey, f.chFm = c.key, c.fam
	} else {
		info := t.Channel.Info()
		c := chanFeat{key: lookup(p, info.Key), fam: unknownID}
		if info.Family != cjml.FamilyNone && info.Family != cjml.FamilyUnknown {
			c.fam = lookup(p, "family:"+string(info.Family))
		}
		cache[t.Channel] = c
		f.chKey, f.chFm = c.key, c.fam
	}
	f.phase = lookup(p, trimmed(t.Phase))
	words := tk.words(t)
	start := len(toks)
	unknown := 0
	var kbuf [64]byte
	for i, w := range words {
		kb := append(append(kbuf[:0], "word:"...), w...)
		if id, ok := p.dict[string(kb)]; ok {
			toks = append(toks, id)
			continue
		}
		// Count each word the plan lacks once.
		seen := false
		for _, v := range words[:i] {
			if v == w {
				seen = true
				break
			}
		}
		if !seen {
			unknown++
		}
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
	x, y := p.toks, a.toks
	for len(x) > 0 && len(y) > 0 {
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
