package compare

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
	"cjml.dev/internal/gen"
)

// comm builds a communication point: "ID init>recv channel label".
func comm(id, from, to, channel, label string) *cjml.Touchpoint {
	return &cjml.Touchpoint{ID: id, Kind: cjml.Communication, Initiator: cjml.Party{Actor: from, Label: label},
		Receiver: &cjml.Party{Actor: to, Label: "Gets: " + label}, Channel: cjml.Channel(channel)}
}

func action(id, who, label string) *cjml.Touchpoint {
	return &cjml.Touchpoint{ID: id, Kind: cjml.Action, Initiator: cjml.Party{Actor: who, Label: label}}
}

func journey(kind cjml.JourneyKind, id string, tps ...*cjml.Touchpoint) *cjml.Journey {
	return &cjml.Journey{Kind: kind, ID: id, Touchpoints: tps}
}

func with(t *cjml.Touchpoint, f func(t *cjml.Touchpoint)) *cjml.Touchpoint {
	c := *t
	if t.Receiver != nil {
		r := *t.Receiver
		c.Receiver = &r
	}
	f(&c)
	return &c
}

func withID(t *cjml.Touchpoint, id string) *cjml.Touchpoint {
	return with(t, func(c *cjml.Touchpoint) { c.ID = id })
}

// describe writes the steps compactly: "completed T1=A1", "missing T3",
// "adhoc A4", with differences in brackets.
func describe(r *Result) []string {
	out := []string{}
	for _, s := range r.Steps {
		var b strings.Builder
		b.WriteString(string(s.Status))
		b.WriteByte(' ')
		switch {
		case s.Planned != nil && s.Actual != nil:
			b.WriteString(s.Planned.ID + "=" + s.Actual.ID)
		case s.Planned != nil:
			b.WriteString(s.Planned.ID)
		default:
			b.WriteString(s.Actual.ID)
		}
		if len(s.Differences) > 0 {
			b.WriteString(" [" + strings.Join(s.Differences, ",") + "]")
		}
		out = append(out, b.String())
	}
	return out
}

// The planned journey of the hand-built cases: a small broadband plan.
var (
	order     = comm("T1", "cust", "prov", "web", "Orders broadband")
	confirm   = comm("T2", "prov", "cust", "email", "Sends order confirmation")
	welcome   = comm("T3", "prov", "cust", "letter", "Sends welcome letter")
	modem     = comm("T4", "post", "cust", "parcel", "Delivers the modem")
	install   = action("T5", "cust", "Installs the modem")
	invoice   = comm("T6", "prov", "cust", "email", "Sends the first invoice")
	call      = comm("X1", "cust", "prov", "phone", "Calls customer service about the delay")
	chat      = comm("X2", "cust", "prov", "chat", "Complains in the chat")
	broadband = journey(cjml.Planned, "PJ", order, confirm, welcome, modem, install, invoice)
)

// actualOf copies planned touchpoints into an actual journey with fresh IDs
// A1, A2, ... so that only content aligns them.
func actualOf(tps ...*cjml.Touchpoint) *cjml.Journey {
	j := journey(cjml.Actual, "AJ")
	for i, t := range tps {
		j.Touchpoints = append(j.Touchpoints, withID(t, fmt.Sprintf("A%d", i+1)))
	}
	return j
}

func TestAlignCases(t *testing.T) {
	failing := func(t *cjml.Touchpoint) *cjml.Touchpoint {
		return with(t, func(c *cjml.Touchpoint) { c.Compliance = "failing" })
	}
	tests := []struct {
		name     string
		planned  *cjml.Journey
		actual   *cjml.Journey
		opt      Options
		want     []string
		conforms bool
		fitness  float64 // checked when not 0
	}{
		{
			name:     "identical",
			planned:  broadband,
			actual:   actualOf(order, confirm, welcome, modem, install, invoice),
			want:     []string{"completed T1=A1", "completed T2=A2", "completed T3=A3", "completed T4=A4", "completed T5=A5", "completed T6=A6"},
			conforms: true, fitness: 1,
		},
		{
			name:    "missing in the middle",
			planned: broadband,
			actual:  actualOf(order, confirm, modem, install, invoice),
			want:    []string{"completed T1=A1", "completed T2=A2", "missing T3", "completed T4=A3", "completed T5=A4", "completed T6=A5"},
			fitness: 1 - 50.0/550,
		},
		{
			name:    "missing first and last",
			planned: broadband,
			actual:  actualOf(confirm, welcome, modem, install),
			want:    []string{"missing T1", "completed T2=A1", "completed T3=A2", "completed T4=A3", "completed T5=A4", "missing T6"},
		},
		{
			name:    "ad hoc call",
			planned: broadband,
			actual:  actualOf(order, confirm, welcome, call, modem, install, invoice),
			want:    []string{"completed T1=A1", "completed T2=A2", "completed T3=A3", "adhoc A4", "completed T4=A5", "completed T5=A6", "completed T6=A7"},
			fitness: 1 - 50.0/650,
		},
		{
			name:    "swap is irregular: the early one is out of order",
			planned: broadband,
			actual:  actualOf(order, confirm, modem, welcome, install, invoice),
			want:    []string{"completed T1=A1", "completed T2=A2", "irregular T4=A3", "completed T3=A4", "completed T5=A5", "completed T6=A6"},
			fitness: 1 - 25.0/600,
		},
		{
			name:    "late touchpoint moved to the end",
			planned: broadband,
			actual:  actualOf(confirm, welcome, modem, install, invoice, order),
			want:    []string{"completed T2=A1", "completed T3=A2", "completed T4=A3", "completed T5=A4", "completed T6=A5", "irregular T1=A6"},
		},
		{
			name:    "failing asserted",
			planned: broadband,
			actual:  actualOf(order, confirm, welcome, modem, install, failing(invoice)),
			want:    []string{"completed T1=A1", "completed T2=A2", "completed T3=A3", "completed T4=A4", "completed T5=A5", "failing T6=A6"},
		},
		{
			name:    "channel changed within the family is still a match",
			planned: broadband,
			actual:  actualOf(with(order, func(c *cjml.Touchpoint) { c.Channel = "internetViaPC" }), confirm, welcome, modem, install, invoice),
			want:    []string{"completed T1=A1 [channel]", "completed T2=A2", "completed T3=A3", "completed T4=A4", "completed T5=A5", "completed T6=A6"},
		},
		{
			name:    "invoice on paper",
			planned: broadband,
			actual:  actualOf(order, confirm, welcome, modem, install, with(invoice, func(c *cjml.Touchpoint) { c.Channel = "letter" })),
			want:    []string{"completed T1=A1", "completed T2=A2", "completed T3=A3", "completed T4=A4", "completed T5=A5", "completed T6=A6 [channel]"},
		},
		{
			name:    "mixture: missing, ad hoc, irregular, failing",
			planned: broadband,
			actual:  actualOf(order, welcome, confirm, call, modem, install, chat, failing(invoice)),
			want: []string{"completed T1=A1", "irregular T3=A2", "completed T2=A3", "adhoc A4", "completed T4=A5",
				"completed T5=A6", "adhoc A7", "failing T6=A8"},
		},
		{
			name:    "mixture with a missing step and a replacement",
			planned: broadband,
			actual:  actualOf(order, confirm, call, install, invoice),
			want:    []string{"completed T1=A1", "completed T2=A2", "missing T3", "missing T4", "adhoc A3", "completed T5=A4", "completed T6=A5"},
		},
		{
			name:     "empty actual journey",
			planned:  broadband,
			actual:   journey(cjml.Actual, "AJ"),
			want:     []string{"missing T1", "missing T2", "missing T3", "missing T4", "missing T5", "missing T6"},
			fitness:  -1,
			conforms: false,
		},
		{
			name:     "empty plan and journey",
			planned:  journey(cjml.Planned, "PJ"),
			actual:   journey(cjml.Actual, "AJ"),
			want:     []string{},
			conforms: true, fitness: 1,
		},
		{
			name:    "only ad hoc steps",
			planned: journey(cjml.Planned, "PJ"),
			actual:  actualOf(call, chat),
			want:    []string{"adhoc A1", "adhoc A2"},
			fitness: -1,
		},
		{
			name:    "nothing in common",
			planned: journey(cjml.Planned, "PJ", order, confirm),
			actual:  actualOf(call, chat),
			want:    []string{"missing T1", "missing T2", "adhoc A1", "adhoc A2"},
			fitness: -1,
		},
		{
			name:     "one-step plan, done",
			planned:  journey(cjml.Planned, "PJ", install),
			actual:   actualOf(install),
			want:     []string{"completed T5=A1"},
			conforms: true, fitness: 1,
		},
		{
			name:    "one-step plan, ad hoc around it",
			planned: journey(cjml.Planned, "PJ", install),
			actual:  actualOf(call, install, chat),
			want:    []string{"adhoc A1", "completed T5=A2", "adhoc A3"},
		},
		{
			name:    "one-step plan, not done",
			planned: journey(cjml.Planned, "PJ", install),
			actual:  actualOf(call),
			want:    []string{"missing T5", "adhoc A1"},
		},
		{
			name:    "repeated touchpoint: the first repeat matches, the second is ad hoc",
			planned: broadband,
			actual:  actualOf(order, confirm, confirm, welcome, modem, install, invoice),
			want:    []string{"completed T1=A1", "completed T2=A2", "adhoc A3", "completed T3=A4", "completed T4=A5", "completed T5=A6", "completed T6=A7"},
		},
		{
			name:    "repeated planned touchpoint: a single occurrence matches the earliest",
			planned: journey(cjml.Planned, "PJ", withID(call, "P1"), order, withID(call, "P3")),
			actual:  actualOf(call, order),
			want:    []string{"completed P1=A1", "completed T1=A2", "missing P3"},
		},
		{
			name:    "tie: two equally good planned candidates, the earliest wins",
			planned: journey(cjml.Planned, "PJ", withID(call, "P1"), withID(call, "P2")),
			actual:  actualOf(call),
			want:    []string{"completed P1=A1", "missing P2"},
		},
		{
			name:    "tie: two equally good actual candidates, the earliest wins",
			planned: journey(cjml.Planned, "PJ", call),
			actual:  actualOf(call, call),
			want:    []string{"completed X1=A1", "adhoc A2"},
		},
		{
			name:    "kind differs: no match",
			planned: journey(cjml.Planned, "PJ", install),
			actual:  actualOf(comm("x", "cust", "prov", "phone", "Installs the modem")),
			want:    []string{"missing T5", "adhoc A1"},
		},
		{
			name:    "threshold: a stricter threshold leaves a changed channel unmatched",
			planned: journey(cjml.Planned, "PJ", invoice),
			actual:  actualOf(with(invoice, func(c *cjml.Touchpoint) { c.Channel = "letter" })),
			opt:     Options{Threshold: 10},
			want:    []string{"missing T6", "adhoc A1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Align(tt.planned, tt.actual, tt.opt)
			assert.Equal(t, tt.want, describe(r))
			assert.Equal(t, tt.conforms, r.Conforms, "conforms")
			switch {
			case tt.fitness > 0:
				assert.InDelta(t, tt.fitness, r.Fitness, 1e-9, "fitness")
			case tt.fitness < 0:
				assert.Equal(t, 0.0, r.Fitness, "fitness")
			}
			checkInvariants(t, r)
		})
	}
}

// checkInvariants checks what holds for every result: each touchpoint
// appears in exactly one step, counts and cost add up, fitness is in
// [0, 1].
func checkInvariants(t *testing.T, r *Result) {
	t.Helper()
	seenP := map[*cjml.Touchpoint]int{}
	seenA := map[*cjml.Touchpoint]int{}
	var c Counts
	cost := 0
	for _, s := range r.Steps {
		if s.Planned != nil {
			seenP[s.Planned]++
			assert.Same(t, r.Planned.Touchpoints[s.PlannedIndex], s.Planned)
		} else {
			assert.Equal(t, -1, s.PlannedIndex)
		}
		if s.Actual != nil {
			seenA[s.Actual]++
			assert.Same(t, r.Actual.Touchpoints[s.ActualIndex], s.Actual)
		} else {
			assert.Equal(t, -1, s.ActualIndex)
		}
		if s.Placeholder != nil {
			seenA[s.Placeholder]++
		}
		c.add(s.Status)
		cost += s.Cost
	}
	if r.Planned != nil {
		for _, tp := range r.Planned.Touchpoints {
			assert.Equal(t, 1, seenP[tp], "planned %s in exactly one step", tp.ID)
		}
	}
	if r.Actual != nil {
		for _, tp := range r.Actual.Touchpoints {
			assert.LessOrEqual(t, seenA[tp], 1, "actual %s in at most one step", tp.ID)
		}
	}
	assert.Equal(t, c, r.Counts)
	assert.Equal(t, cost, r.Cost)
	assert.GreaterOrEqual(t, r.Fitness, 0.0)
	assert.LessOrEqual(t, r.Fitness, 1.0)
	assert.LessOrEqual(t, r.Cost, r.WorstCost)
}

func TestAlignIDsAndCompliance(t *testing.T) {
	// The actual journey reuses the planned IDs: T3 and T4 swapped, T5
	// recorded as missing, an ad hoc call, T6 asserted failing, T2 sent by
	// SMS.
	actual := journey(cjml.Actual, "AJ",
		order,
		with(confirm, func(c *cjml.Touchpoint) { c.Channel = "sms" }),
		modem,
		welcome,
		with(install, func(c *cjml.Touchpoint) { c.Compliance = "Missing" }),
		with(call, func(c *cjml.Touchpoint) { c.ID = "D1"; c.Compliance = "ad-hoc" }),
		with(invoice, func(c *cjml.Touchpoint) { c.Compliance = "failed" }),
	)
	r := Align(broadband, actual, Options{})
	assert.Equal(t, []string{"completed T1=T1", "completed T2=T2 [channel]", "irregular T4=T4", "completed T3=T3",
		"missing T5", "adhoc D1", "failing T6=T6"}, describe(r))
	assert.Same(t, actual.Touchpoints[4], r.Steps[4].Placeholder)
	assert.True(t, r.Steps[4].Asserted)
	assert.True(t, r.Steps[5].Asserted)
	assert.Equal(t, Counts{Completed: 3, Missing: 1, AdHoc: 1, Failing: 1, Irregular: 1}, r.Counts)
	checkInvariants(t, r)

	// Ignoring compliance: the placeholder counts as done, the call is an
	// ad hoc step anyway and the invoice is completed.
	r = Align(broadband, actual, Options{IgnoreCompliance: true})
	assert.Equal(t, []string{"completed T1=T1", "completed T2=T2 [channel]", "irregular T4=T4", "completed T3=T3",
		"completed T5=T5", "adhoc D1", "completed T6=T6"}, describe(r))
}

func TestAlignNotes(t *testing.T) {
	actual := journey(cjml.Actual, "AJ",
		with(order, func(c *cjml.Touchpoint) { c.Compliance = "sort of" }),
		withID(call, "T2"), // same ID as the order confirmation, different content
		withID(call, "T2"), // repeated ID
		with(chat, func(c *cjml.Touchpoint) { c.Compliance = "missing" }),
	)
	r := Align(broadband, actual, Options{})
	var codes []string
	for _, n := range r.Notes {
		codes = append(codes, n.Code)
	}
	assert.Equal(t, []string{CodeCompliance, CodeIDContent, CodeRepeatedID, CodeCompliance}, codes)
	checkInvariants(t, r)
	// With IgnoreIDs the call is aligned by content: it matches nothing.
	r = Align(broadband, actual, Options{IgnoreIDs: true, IgnoreCompliance: true})
	assert.Empty(t, r.Notes)
	assert.Equal(t, 3, r.Counts.AdHoc)
}

func TestAlignNil(t *testing.T) {
	r := Align(nil, nil, Options{})
	assert.Empty(t, r.Steps)
	assert.True(t, r.Conforms)
	assert.Equal(t, 1.0, r.Fitness)
	r = Align(broadband, nil, Options{})
	assert.Len(t, r.Steps, 6)
	timed := journey(cjml.Planned, "PJ", order, with(confirm, func(c *cjml.Touchpoint) { c.DeltaTime = "P1D" }))
	r = Align(timed, nil, Options{})
	assert.Equal(t, 2, r.Counts.Missing)
	r = Align(nil, actualOf(order), Options{})
	assert.Equal(t, []string{"adhoc A1"}, describe(r))
}

// Property: a planned journey compared with itself is all completed with
// fitness 1, by ID and by content.
func TestPropertySelf(t *testing.T) {
	for seed := uint64(1); seed <= 30; seed++ {
		o := gen.Default(0)
		o.Seed, o.Steps = seed, 1+int(seed)%25
		p := gen.Planned(o)
		a := *p
		a.Kind = cjml.Actual
		for _, opt := range []Options{{}, {IgnoreIDs: true}} {
			r := Align(p, &a, opt)
			require.Len(t, r.Steps, len(p.Touchpoints))
			for _, s := range r.Steps {
				assert.Equal(t, Completed, s.Status)
				assert.Empty(t, s.Differences)
			}
			assert.Equal(t, 1.0, r.Fitness)
			assert.True(t, r.Conforms)
		}
	}
}

// Property: removing k steps yields exactly k missing steps, and nothing
// else deviates.
func TestPropertyRemoveK(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2))
	for seed := uint64(1); seed <= 40; seed++ {
		o := gen.Default(0)
		o.Seed, o.Steps = seed, 2+int(seed)%20
		p := gen.Planned(o)
		k := rng.IntN(len(p.Touchpoints) + 1)
		drop := map[int]bool{}
		for _, i := range rng.Perm(len(p.Touchpoints))[:k] {
			drop[i] = true
		}
		a := &cjml.Journey{Kind: cjml.Actual, ID: "AJ"}
		for i, tp := range p.Touchpoints {
			if !drop[i] {
				a.Touchpoints = append(a.Touchpoints, tp)
			}
		}
		for _, opt := range []Options{{}, {IgnoreIDs: true}} {
			r := Align(p, a, opt)
			assert.Equal(t, k, r.Counts.Missing, "seed %d, %d of %d removed", seed, k, len(p.Touchpoints))
			assert.Equal(t, len(p.Touchpoints)-k, r.Counts.Completed)
			assert.Equal(t, len(p.Touchpoints), len(r.Steps))
			checkInvariants(t, r)
		}
	}
}

// Property: on generated journeys with every kind of deviation, fitness
// stays in [0, 1] and the invariants hold, for any weights.
func TestPropertyFitnessRange(t *testing.T) {
	o := gen.Default(300)
	o.Missing, o.AdHoc, o.ChannelChange, o.Swap = 0.2, 0.2, 0.2, 0.2
	doc := gen.Document(o)
	rng := rand.New(rand.NewPCG(9, 9))
	for _, j := range doc.Journeys[1:] {
		opt := Options{IgnoreIDs: rng.IntN(2) == 0}
		if rng.IntN(2) == 0 {
			opt.Weights = Weights{Kind: rng.IntN(50), Initiator: rng.IntN(50), Receiver: rng.IntN(50), Channel: rng.IntN(50),
				ChannelFamily: rng.IntN(50), Label: rng.IntN(50), Phase: rng.IntN(50), Missing: 1 + rng.IntN(50),
				AdHoc: 1 + rng.IntN(50), Irregular: rng.IntN(100), Failing: rng.IntN(100)}
			opt.Threshold = rng.IntN(120) - 10
		}
		r := Align(doc.Journeys[0], j, opt)
		checkInvariants(t, r)
	}
}

func TestTiming(t *testing.T) {
	p := journey(cjml.Planned, "PJ",
		with(order, func(c *cjml.Touchpoint) {}),
		with(confirm, func(c *cjml.Touchpoint) { c.DeltaTime = "PT1H" }),
		with(welcome, func(c *cjml.Touchpoint) { c.DeltaTime = "P2D" }),
		with(modem, func(c *cjml.Touchpoint) { c.DeltaTime = "P1D"; c.Duration = "PT30M" }),
	)
	ts := func(t *cjml.Touchpoint, from, to string) *cjml.Touchpoint {
		return with(t, func(c *cjml.Touchpoint) {
			c.Timestamps = cjml.Timestamps{Originated: cjml.Timestamp(from), Received: cjml.Timestamp(to)}
		})
	}
	a := journey(cjml.Actual, "AJ",
		ts(order, "2025-03-01T10:00", "2025-03-01T10:00"),
		ts(confirm, "2025-03-01T10:30", ""), // on time
		// T3 missing: T4 is due 3 days after T2
		ts(modem, "2025-03-05T10:30", "2025-03-05T12:00"), // 4 days: late
	)
	r := Align(p, a, Options{})
	require.Equal(t, []string{"completed T1=T1", "completed T2=T2", "missing T3", "completed T4=T4"}, describe(r))
	assert.Nil(t, r.Steps[1].Late)
	require.NotNil(t, r.Steps[3].Late)
	assert.Equal(t, Lateness{Rule: "deltaTime", Expected: 72 * time.Hour, Actual: 96 * time.Hour}, *r.Steps[3].Late)
	assert.Equal(t, 1, r.Late)
	// With a tolerance of a day the offset passes, but the duration (1h30m
	// for 30m planned) does not.
	r = Align(p, a, Options{TimeTolerance: 24 * time.Hour})
	assert.Nil(t, r.Steps[3].Late)
	r = Align(p, a, Options{TimeTolerance: 25 * time.Hour})
	assert.Equal(t, 0, r.Late)
	a.Touchpoints[2].Timestamps.Originated = "2025-03-05T10:30"
	a.Touchpoints[2].Timestamps.Received = "2025-03-05T12:00"
	r = Align(p, a, Options{TimeTolerance: 25 * time.Hour})
	assert.Equal(t, 0, r.Late)

	// Unreadable times and durations are reported, not fatal.
	p.Touchpoints[1].DeltaTime = "soon"
	a.Touchpoints[0].Timestamps.Originated = "yesterday"
	r = Align(p, a, Options{})
	var codes []string
	for _, n := range r.Notes {
		codes = append(codes, n.Code)
	}
	assert.Contains(t, codes, CodeBadDuration)
	assert.Contains(t, codes, CodeBadTimestamp)
}

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"P2D": 48 * time.Hour, "PT4H30M": 4*time.Hour + 30*time.Minute, "P1DT12H": 36 * time.Hour,
		"P1W": 7 * 24 * time.Hour, "PT0.5S": 500 * time.Millisecond, " pt15m ": 15 * time.Minute,
		"P1M": 30 * 24 * time.Hour, "90m": 90 * time.Minute, "PT1,5H": 90 * time.Minute,
	} {
		got, err := ParseDuration(in)
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, got, in)
		}
	}
	for _, in := range []string{"", "P", "PT", "P2", "2 days", "P1.5D2H", "PT1D", "P1H", "-5m", "P99999999999999Y", "PTT1H"} {
		_, err := ParseDuration(in)
		assert.ErrorIs(t, err, ErrDuration, in)
	}
}

func TestFormatDuration(t *testing.T) {
	assert.Equal(t, "0m", FormatDuration(0))
	assert.Equal(t, "2d3h", FormatDuration(51*time.Hour))
	assert.Equal(t, "1h5m", FormatDuration(65*time.Minute))
	assert.Equal(t, "-45m", FormatDuration(-45*time.Minute))
}

// Property: aligning an annotated journey again gives the same steps, the
// same counts and the same cost: the annotation says what the alignment
// found.
func TestPropertyAnnotateIdempotent(t *testing.T) {
	o := gen.Default(300)
	o.Missing, o.AdHoc, o.ChannelChange, o.Swap = 0.1, 0.1, 0.1, 0.1
	doc := gen.Document(o)
	for _, j := range doc.Journeys[1:] {
		r1 := Align(doc.Journeys[0], j, Options{})
		r2 := Align(doc.Journeys[0], Annotate(r1), Options{})
		assert.Equal(t, statusesOf(r1), statusesOf(r2), j.ID)
		assert.Equal(t, r1.Counts, r2.Counts, j.ID)
		assert.Equal(t, r1.Cost, r2.Cost, j.ID)
	}
}

func statusesOf(r *Result) []string {
	var out []string
	for _, s := range r.Steps {
		id := ""
		if s.Planned != nil {
			id = s.Planned.ID
		}
		out = append(out, string(s.Status)+" "+id)
	}
	return out
}
