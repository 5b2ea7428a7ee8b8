package compare

import (
	"testing"

	"cjml.dev/cjml"
)

// ParseDuration never panics, and what it accepts is not negative.
func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"P2D", "PT4H30M", "P1DT12H", "P1W", "PT0.5S", "90m", "P", "PT", "P1.5D2H", "-5m", "P99999999999999Y", "p1y2m3w4dt5h6m7,5s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err == nil && d < 0 {
			t.Fatalf("ParseDuration(%q) = %v", s, d)
		}
	})
}

// Align never panics and its results keep their invariants, whatever the
// journeys: each byte pair of the input makes a touchpoint from a small
// vocabulary, so that matches, repeats, swaps and gaps all occur.
func FuzzAlign(f *testing.F) {
	f.Add([]byte("\x01\x02\x03\x04"), []byte("\x01\x03\x02\x09"), uint8(0))
	f.Add([]byte(""), []byte("\x05\x05\x05"), uint8(1))
	f.Add([]byte("\x10\x11\x12\x13\x14"), []byte(""), uint8(2))
	f.Add([]byte("\x21\x22\x21\x22"), []byte("\x22\x21\x22\x21\x22"), uint8(3))
	actors := []string{"cust", "prov", "post", " cust"}
	channels := []string{"web", "email", "internetViaPC", "letter", "", "sms"}
	labels := []string{"Orders broadband", "Sends order confirmation", "Sends welcome letter", "Calls about the delay", "", "Ødegård sender brev"}
	compliance := []cjml.Compliance{"", "completed", "missing", "adhoc", "failing", "irregular", "weird"}
	mk := func(kind cjml.JourneyKind, b []byte, comp bool) *cjml.Journey {
		j := &cjml.Journey{Kind: kind, ID: "J"}
		for i, c := range b {
			if i >= 60 {
				break
			}
			t := &cjml.Touchpoint{ID: "T" + string(rune('A'+c%7)), Kind: cjml.Communication,
				Initiator: cjml.Party{Actor: actors[c%4], Label: labels[(c/4)%6]},
				Receiver:  &cjml.Party{Actor: actors[(c/3)%4], Label: labels[(c/5)%6]},
				Channel:   cjml.Channel(channels[(c/2)%6]), Phase: []string{"", "p1", "p2"}[c%3]}
			if c%11 == 0 {
				t.Kind, t.Receiver, t.Channel = cjml.Action, nil, ""
			}
			if comp {
				t.Compliance = compliance[(c/7)%7]
			}
			j.Touchpoints = append(j.Touchpoints, t)
		}
		return j
	}
	f.Fuzz(func(t *testing.T, planned, actual []byte, flags uint8) {
		p := mk(cjml.Planned, planned, false)
		a := mk(cjml.Actual, actual, flags&4 != 0)
		opt := Options{IgnoreIDs: flags&1 != 0, IgnoreCompliance: flags&2 != 0, Threshold: int(flags>>3) * 8}
		r := Align(p, a, opt)
		checkInvariants(t, r)
		// Everything built from a result works on any result.
		var st Stats
		st.Add(r)
		if s := st.Summary(); s.Journeys != 1 || len(s.Touchpoints) != len(p.Touchpoints) {
			t.Fatalf("summary of one journey: %+v", s)
		}
		_ = Pair{Planned: p, Actual: a}.Diagnostics(r)
		j := Annotate(r)
		if len(j.Touchpoints) != len(r.Steps) {
			t.Fatalf("annotated journey has %d touchpoints for %d steps", len(j.Touchpoints), len(r.Steps))
		}
		if _, err := AnnotatedDocument([]*Result{r}).Marshal(cjml.XML); err != nil {
			t.Fatal(err)
		}
	})
}
