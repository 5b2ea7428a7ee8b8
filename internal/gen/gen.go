// Package gen generates realistic CJML documents for benchmarks and tests:
// a planned journey and any number of actual journeys that deviate from it
// at given rates. Output is deterministic for a given seed.
package gen

import (
	"fmt"
	"math/rand/v2"
	"time"

	"cjml.dev/cjml"
)

// Options say what to generate. The zero value of a rate means "never".
type Options struct {
	Seed uint64
	// Steps is the number of touchpoints of the planned journey.
	Steps int
	// Actual is the number of actual journeys.
	Actual int
	// Providers is the number of service-provider actors (at least 1).
	Providers int
	// Per planned step: the probability that it is missing from an actual
	// journey, that an ad hoc touchpoint follows it, that its channel
	// changes, and that it swaps places with the next step.
	Missing, AdHoc, ChannelChange, Swap float64
	// Timestamps adds times to actual touchpoints; Experience adds ratings.
	Timestamps, Experience bool
	// Phases groups the planned steps into this many phases.
	Phases int
}

// Default returns the options the benchmarks use: a 20-step plan and
// deviations at the rates of issue 4 (5 % missing, 5 % ad hoc, 3 % channel
// changes, 3 % swaps).
func Default(actual int) Options {
	return Options{Seed: 1, Steps: 20, Actual: actual, Providers: 3, Missing: 0.05, AdHoc: 0.05,
		ChannelChange: 0.03, Swap: 0.03, Timestamps: true, Experience: true, Phases: 4}
}

var (
	channels = []cjml.Channel{"internetViaPC", "email", "letter", "sms", "phone", "parcel", "appOnSmartphone", "faceToFace"}
	verbs    = []string{"Orders", "Confirms", "Sends", "Receives", "Activates", "Pays", "Checks", "Delivers", "Installs", "Asks about"}
	objects  = []string{"the order", "the invoice", "the modem", "the activation code", "the welcome letter", "the parcel", "the appointment", "the contract"}
	adhoc    = []string{"Calls customer service about the delay", "Asks in the chat where the parcel is", "Complains that the code does not work", "Sends an e-mail asking for a new invoice"}
)

// Planned builds the planned journey.
func Planned(o Options) *cjml.Journey {
	r := rand.New(rand.NewPCG(o.Seed, 7))
	j := &cjml.Journey{Kind: cjml.Planned, ID: "PJ1", Title: "Generated onboarding journey"}
	j.Actors = actors(o, "customer")
	phases := max(o.Phases, 0)
	for p := 0; p < phases; p++ {
		j.Phases = append(j.Phases, &cjml.Phase{ID: fmt.Sprintf("P%d", p+1), Name: fmt.Sprintf("Phase %d", p+1)})
	}
	for i := 0; i < o.Steps; i++ {
		t := &cjml.Touchpoint{ID: fmt.Sprintf("T%d", i+1), Kind: cjml.Communication}
		if phases > 0 {
			t.Phase = j.Phases[i*phases/o.Steps].ID
		}
		provider := fmt.Sprintf("provider%d", r.IntN(max(o.Providers, 1))+1)
		label := verbs[r.IntN(len(verbs))] + " " + objects[r.IntN(len(objects))]
		if r.IntN(6) == 0 {
			t.Kind = cjml.Action
			t.Initiator = cjml.Party{Actor: provider, Label: label}
		} else {
			from, to := "customer", provider
			if r.IntN(2) == 0 {
				from, to = to, from
			}
			t.Initiator = cjml.Party{Actor: from, Label: label}
			t.Receiver = &cjml.Party{Actor: to, Label: "Gets: " + label}
			t.Channel = channels[r.IntN(len(channels))]
		}
		j.Touchpoints = append(j.Touchpoints, t)
	}
	return j
}

func actors(o Options, user string) []*cjml.Actor {
	as := []*cjml.Actor{{Kind: cjml.EndUser, ID: user, Name: "Customer"}}
	for p := 1; p <= max(o.Providers, 1); p++ {
		as = append(as, &cjml.Actor{Kind: cjml.ServiceProvider, ID: fmt.Sprintf("provider%d", p), CompanyName: fmt.Sprintf("Provider %d AS", p)})
	}
	return as
}

// Actual builds the n-th actual journey (0-based) against plan.
func Actual(o Options, plan *cjml.Journey, n int) *cjml.Journey {
	r := rand.New(rand.NewPCG(o.Seed, uint64(n)+1000))
	j := &cjml.Journey{Kind: cjml.Actual, ID: fmt.Sprintf("AJ%d", n+1), PlannedReference: plan.ID}
	j.Actors = actors(o, "customer")
	j.Actors[0].Name = fmt.Sprintf("Customer %d", n+1)
	clock := time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Hour)
	var steps []*cjml.Touchpoint
	dn := 0
	for _, p := range plan.Touchpoints {
		if r.Float64() < o.Missing {
			continue
		}
		t := *p
		if p.Receiver != nil {
			rc := *p.Receiver
			t.Receiver = &rc
		}
		t.Origin = cjml.Origin{}
		if t.Kind == cjml.Communication && r.Float64() < o.ChannelChange {
			t.Channel = channels[(indexOf(p.Channel)+1+r.IntN(len(channels)-1))%len(channels)]
		}
		steps = append(steps, &t)
		if r.Float64() < o.AdHoc {
			dn++
			steps = append(steps, &cjml.Touchpoint{ID: fmt.Sprintf("D%d", dn), Kind: cjml.Communication,
				Initiator: cjml.Party{Actor: "customer", Label: adhoc[r.IntN(len(adhoc))]},
				Receiver:  &cjml.Party{Actor: "provider1", Label: "Answers the customer"},
				Channel:   "phone"})
		}
	}
	for i := 0; i+1 < len(steps); i++ {
		if r.Float64() < o.Swap {
			steps[i], steps[i+1] = steps[i+1], steps[i]
			i++
		}
	}
	for _, t := range steps {
		clock = clock.Add(time.Duration(10+r.IntN(600)) * time.Minute)
		if o.Timestamps {
			ts := cjml.Timestamp(clock.Format("2006-01-02T15:04:05"))
			if t.Kind == cjml.Action {
				t.Timestamps.Started, t.Timestamps.Completed = ts, cjml.Timestamp(clock.Add(20*time.Minute).Format("2006-01-02T15:04:05"))
			} else {
				t.Timestamps.Originated, t.Timestamps.Received = ts, ts
			}
		}
		if o.Experience && r.IntN(3) == 0 {
			t.Experience = &cjml.Experience{Rating: fmt.Sprint(1 + r.IntN(5)), Description: "Generated rating"}
		}
	}
	j.Touchpoints = steps
	return j
}

func indexOf(c cjml.Channel) int {
	for i, x := range channels {
		if x == c {
			return i
		}
	}
	return 0
}

// Document builds a document with the planned journey and o.Actual actual
// journeys.
func Document(o Options) *cjml.Document {
	doc := cjml.NewDocument()
	plan := Planned(o)
	doc.Journeys = append(doc.Journeys, plan)
	for n := 0; n < o.Actual; n++ {
		doc.Journeys = append(doc.Journeys, Actual(o, plan, n))
	}
	return doc
}

// Long builds one actual journey of n touchpoints among several actors (for
// layout benchmarks), with phases every 25 touchpoints.
func Long(n, actors int, seed uint64) *cjml.Document {
	o := Options{Seed: seed, Steps: n, Providers: max(actors-1, 1), Phases: max(n/25, 1)}
	plan := Planned(o)
	plan.Kind = cjml.Actual
	plan.ID = "AJ1"
	doc := cjml.NewDocument()
	doc.Journeys = []*cjml.Journey{plan}
	return doc
}
