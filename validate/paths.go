package validate

import (
	"strconv"
	"strings"

	"cjml.dev/cjml"
)

// formPaths gives the JSON pointer into the document's JSON form of each
// journey, phase, actor and touchpoint of the model, so that rule findings
// and schema findings about one element can be matched.
//
// In the form, the actors, touchpoints and journeyPhases sequences start
// with the container's own attributes and comments ("@name", "$comment"
// items); the model's nodes follow in order, and elements the model keeps as
// extra data come last. offsets records how many leading items to skip.
type formPaths struct {
	journeys []journeyOffsets
}

type journeyOffsets struct {
	key                        string // "plannedJourney" or "actualJourney"
	actors, touchpoints, phase int
}

// offsetsOf reads the offsets of one journey from its item of the journeys
// sequence ({plannedJourney: …} or {actualJourney: …}).
func offsetsOf(item any) journeyOffsets {
	m, _ := item.(map[string]any)
	for _, key := range []string{"plannedJourney", "actualJourney"} {
		if j, ok := m[key].(map[string]any); ok {
			return journeyOffsets{key: key,
				actors:      leading(j["actors"]),
				touchpoints: leading(j["touchpoints"]),
				phase:       leading(j["journeyPhases"]),
			}
		}
	}
	return journeyOffsets{}
}

// leading counts the items of a form sequence that stand for the
// container's attributes, comments or text.
func leading(v any) int {
	s, _ := v.([]any)
	n := 0
	for _, it := range s {
		m, _ := it.(map[string]any)
		if len(m) != 1 {
			break
		}
		special := false
		for k := range m {
			special = strings.HasPrefix(k, "@") || strings.HasPrefix(k, "$")
		}
		if !special {
			break
		}
		n++
	}
	return n
}

func (p *formPaths) journey(i int, j *cjml.Journey) string {
	key := j.Kind.Tag()
	if i < len(p.journeys) && p.journeys[i].key != "" {
		key = p.journeys[i].key
	}
	return "/journeys/" + strconv.Itoa(i) + "/" + key
}

func (p *formPaths) offsets(i int) journeyOffsets {
	if i < len(p.journeys) {
		return p.journeys[i]
	}
	return journeyOffsets{}
}

func (p *formPaths) base(i int) string {
	if i < len(p.journeys) && p.journeys[i].key != "" {
		return "/journeys/" + strconv.Itoa(i) + "/" + p.journeys[i].key
	}
	return "/journeys/" + strconv.Itoa(i)
}

func (p *formPaths) phase(i, k int) string {
	return p.base(i) + "/journeyPhases/" + strconv.Itoa(p.offsets(i).phase+k) + "/journeyPhase"
}

func (p *formPaths) actor(i, k int, a *cjml.Actor) string {
	return p.base(i) + "/actors/" + strconv.Itoa(p.offsets(i).actors+k) + "/" + escape(a.TagName())
}

func (p *formPaths) touchpoint(i, k int, j *cjml.Journey, t *cjml.Touchpoint) string {
	return p.base(i) + "/touchpoints/" + strconv.Itoa(p.offsets(i).touchpoints+k) + "/" + escape(t.TagName(j.Kind))
}

// escape escapes a JSON pointer token.
func escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}
