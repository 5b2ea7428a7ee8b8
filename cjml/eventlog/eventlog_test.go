package eventlog

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
	"cjml.dev/internal/textutil"
)

// summary prints the journeys compactly: one line per actor and touchpoint.
func summary(doc *cjml.Document) string {
	var b strings.Builder
	for _, j := range doc.Journeys {
		fmt.Fprintf(&b, "journey %s", j.ID)
		if j.PlannedReference != "" {
			fmt.Fprintf(&b, " plan=%s", j.PlannedReference)
		}
		b.WriteString("\n")
		for _, a := range j.Actors {
			fmt.Fprintf(&b, "  actor %s %s %q\n", a.ID, a.Kind, a.DisplayName())
		}
		for _, t := range j.Touchpoints {
			fmt.Fprintf(&b, "  %s %s %s", t.ID, t.Kind, t.Initiator.Actor)
			if t.Receiver != nil {
				fmt.Fprintf(&b, "->%s", t.Receiver.Actor)
			}
			fmt.Fprintf(&b, " %q", t.Initiator.Label)
			if t.Receiver != nil && t.Receiver.Label != "" {
				fmt.Fprintf(&b, "/%q", t.Receiver.Label)
			}
			if t.Channel != "" {
				fmt.Fprintf(&b, " ch=%s", t.Channel)
			}
			ts := t.Timestamps
			for _, x := range []struct {
				n string
				v cjml.Timestamp
			}{{"orig", ts.Originated}, {"recv", ts.Received}, {"start", ts.Started}, {"done", ts.Completed}} {
				if x.v != "" {
					fmt.Fprintf(&b, " %s=%s", x.n, x.v)
				}
			}
			if t.Compliance != "" {
				fmt.Fprintf(&b, " compliance=%s", t.Compliance)
			}
			if t.Phase != "" {
				fmt.Fprintf(&b, " phase=%s", t.Phase)
			}
			if t.Experience != nil {
				fmt.Fprintf(&b, " rating=%s", t.Experience.Rating)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func diagLines(ds cjml.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds.Sort() {
		b.WriteString(d.String())
		b.WriteString("\n")
	}
	return b.String()
}

func importString(t *testing.T, file, src string, m *Mapping) (*cjml.Document, Stats, cjml.Diagnostics) {
	t.Helper()
	return Import(strings.NewReader(src), file, Options{Mapping: m})
}

func TestCSV(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		m       *Mapping
		want    string
		diags   string
		skipped int
	}{{
		name: "defaults, comma, one and two actors",
		src: "case_id,activity,timestamp,initiator,receiver,channel\n" +
			"c1,Orders,2025-03-03 19:42,Customer,Shop,web\n" +
			"c1,Packs the order,2025-03-04,Shop,,\n",
		want: "journey c1\n" +
			"  actor customer endUser \"Customer\"\n" +
			"  actor shop serviceProvider \"Shop\"\n" +
			"  E1 communicationPoint customer->shop \"Orders\" ch=web orig=2025-03-03 19:42\n" +
			"  E2 action shop \"Packs the order\" done=2025-03-04\n",
	}, {
		name: "semicolon, BOM, CRLF, quoted fields with delimiter, quote and newline",
		src: "\xEF\xBB\xBFCase;Label;Time;From;To\r\n" +
			"a;\"Asks; then \"\"waits\"\"\nlong\";2025-01-01T10:00:00Z;User;Desk\r\n",
		want: "journey a\n" +
			"  actor user endUser \"User\"\n" +
			"  actor desk serviceProvider \"Desk\"\n" +
			"  E1 communicationPoint user->desk \"Asks; then \\\"waits\\\"\\nlong\" orig=2025-01-01T10:00:00Z\n",
	}, {
		name: "tab, PM4Py column names",
		src: "case:concept:name\tconcept:name\ttime:timestamp\torg:resource\n" +
			"7\tRegisters\t2024-12-05 10:00:00\tpatient\n",
		want: "journey 7\n" +
			"  actor patient endUser \"patient\"\n" +
			"  E1 action patient \"Registers\" done=2024-12-05 10:00:00\n",
	}, {
		name: "sorted by time per case, stably; untimed events stay after their predecessor",
		src: "case,activity,time,initiator\n" +
			"c,third,2025-01-03,Customer\n" +
			"c,after third,,Customer\n" +
			"d,only,,Customer\n" +
			"c,first,2025-01-01,Customer\n" +
			"c,second (tie),2025-01-03,Customer\n" +
			"c,zone,2025-01-02T23:30:00-02:00,Customer\n",
		want: "journey c\n" +
			"  actor customer endUser \"Customer\"\n" +
			"  E1 action customer \"first\" done=2025-01-01\n" +
			"  E2 action customer \"third\" done=2025-01-03\n" +
			"  E3 action customer \"after third\"\n" +
			"  E4 action customer \"second (tie)\" done=2025-01-03\n" +
			"  E5 action customer \"zone\" done=2025-01-02T23:30:00-02:00\n" +
			"journey d\n" +
			"  actor customer endUser \"Customer\"\n" +
			"  E1 action customer \"only\"\n",
	}, {
		name: "mapping: columns, actors, end user, planned reference, IDs, phases, kind",
		src: "Ticket|What|When|Who|Whom|Step|Phase|Kind|Status|Score\n" +
			"T-1|Calls|2025-02-01 08:00|Kari|Acme Support|E1|p1||adhoc|2\n" +
			"T-1|Answers|2025-02-01 08:05|Acme Support|Kari|T4|p1|||\n" +
			"T-1|Answers again|2025-02-01 08:06|Acme Support|Kari|T4|p2|communication|failed|5\n" +
			"T-1|Notes|2025-02-01 08:07|Acme Support||||action||\n",
		m: &Mapping{
			Columns: func() (c [numRoles]string) {
				c[Case], c[Activity], c[Time], c[Initiator], c[Receiver] = "Ticket", "What", "When", "Who", "Whom"
				c[Touchpoint], c[Compliance], c[Rating] = "Step", "Status", "score"
				return c
			}(),
			EndUser:          []string{"kari"},
			Actors:           map[string]string{"acme support": "provider"},
			PlannedReference: "PJ1",
			Delimiter:        '|',
		},
		want: "journey T-1 plan=PJ1\n" +
			"  actor kari endUser \"Kari\"\n" +
			"  actor provider serviceProvider \"Acme Support\"\n" +
			"  E1 communicationPoint kari->provider \"Calls\" orig=2025-02-01 08:00 compliance=adhoc phase=p1 rating=2\n" +
			"  T4 communicationPoint provider->kari \"Answers\" orig=2025-02-01 08:05 phase=p1\n" +
			"  T4-2 communicationPoint provider->kari \"Answers again\" orig=2025-02-01 08:06 compliance=failed phase=p2 rating=5\n" +
			"  E2 action provider \"Notes\" done=2025-02-01 08:07\n",
		diags: "t.csv:4:54: warning: touchpoint ID \"T4\" is repeated in case \"T-1\"; renamed \"T4-2\" [import/duplicate-id]\n",
	}, {
		name: "actor IDs made from names stay unique",
		src: "case,activity,initiator,receiver\n" +
			"x,A,Nord-Nett,Nord Nett\n" +
			"x,B,Øst AS,!!!\n",
		diags: "t.csv:2:1: warning: no actor of case \"x\" is the end user; name it with endUser in the mapping or --end-user [import/no-end-user]\n",
		want: "journey x\n" +
			"  actor nord-nett serviceProvider \"Nord-Nett\"\n" +
			"  actor nord-nett-2 serviceProvider \"Nord Nett\"\n" +
			"  actor øst-as serviceProvider \"Øst AS\"\n" +
			"  actor actor serviceProvider \"!!!\"\n" +
			"  E1 communicationPoint nord-nett->nord-nett-2 \"A\"\n" +
			"  E2 communicationPoint øst-as->actor \"B\"\n",
	}, {
		name: "malformed rows are skipped with their line and column",
		src: "case,activity,time,initiator,receiver,kind,compliance,rating\n" + // 1
			"c,ok,2025-01-01,Customer,,,,\n" + // 2
			",no case,2025-01-01,Customer,,,,\n" + // 3
			"c,,2025-01-01,Customer,,,,\n" + // 4
			"c,bad time,01/02/2025,Customer,,,,\n" + // 5
			"c,no initiator,2025-01-01,,Shop,,,\n" + // 6
			"c,nobody,2025-01-01,,,,,\n" + // 7
			"c,kind,2025-01-01,Customer,,letter,,\n" + // 8
			"c,comm without receiver,2025-01-01,Customer,,communication,,\n" + // 9
			"c,too,few\n" + // 10
			"c,ctl \x01 char,2025-01-01,Customer,,,,\n" + // 11
			"c,action with receiver,2025-01-02,Customer,Shop,action,weird,9\n" + // 12
			"c,\"bad \"quote,2025-01-01,Customer,,,,\n" + // 13
			"c,last,2025-01-03,Customer,,,,\n", // 14
		want: "journey c\n" +
			"  actor customer endUser \"Customer\"\n" +
			"  E1 action customer \"ok\" done=2025-01-01\n" +
			"  E2 action customer \"action with receiver\" done=2025-01-02 compliance=weird rating=9\n" +
			"  E3 action customer \"last\" done=2025-01-03\n",
		diags: "t.csv:3:1: error: event without a case [import/no-case]\n" +
			"t.csv:4:3: error: event without an activity [import/no-activity]\n" +
			"t.csv:5:12: error: timestamp \"01/02/2025\" is not a date or date-time (want 2025-03-03T19:42:00+01:00, 2025-03-03 19:42 or 2025-03-03) [import/bad-time]\n" +
			"t.csv:6:27: error: event with a receiver but no initiator [import/no-initiator]\n" +
			"t.csv:7:21: error: event without an initiator [import/no-initiator]\n" +
			"t.csv:8:29: error: kind \"letter\" is neither action nor communication [import/bad-kind]\n" +
			"t.csv:9:46: error: the kind is communication, but the event has no receiver [import/bad-kind]\n" +
			"t.csv:10:1: error: the row has 3 fields, the header 8 [import/bad-row]\n" +
			"t.csv:11:7: error: the activity holds invalid UTF-8 or a character XML does not allow [import/invalid-char]\n" +
			"t.csv:12:44: warning: the kind is action, so the receiver \"Shop\" is dropped [import/receiver-ignored]\n" +
			"t.csv:12:56: warning: compliance \"weird\" is not completed, failing, adhoc, missing or irregular; kept as written [import/bad-value]\n" +
			"t.csv:12:62: warning: rating \"9\" is not 1 to 5; kept as written [import/bad-value]\n" +
			"t.csv:13:8: error: cannot read the row: extraneous or missing \" in quoted-field [import/bad-row]\n",
		skipped: 10,
	}, {
		name:    "unterminated quote swallows the rest",
		src:     "case,activity,initiator\nc,ok,Customer\nc,\"open,Customer\nc,lost,Customer\n",
		want:    "journey c\n  actor customer endUser \"Customer\"\n  E1 action customer \"ok\"\n",
		diags:   "t.csv:4:16: error: cannot read the rows from line 3 to 4: extraneous or missing \" in quoted-field [import/bad-row]\n",
		skipped: 2,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, st, diags := importString(t, "t.csv", tt.src, tt.m)
			require.NotNil(t, doc, diagLines(diags))
			assert.Equal(t, tt.want, summary(doc))
			assert.Equal(t, tt.diags, diagLines(diags))
			assert.Equal(t, tt.skipped, st.Skipped)
			assertRoundTrip(t, doc)
		})
	}
}

// assertRoundTrip checks that the imported document is CJML that cjml reads
// back without errors, and that writing it again gives the same bytes.
func assertRoundTrip(t *testing.T, doc *cjml.Document) {
	t.Helper()
	for _, f := range []cjml.Format{cjml.XML, cjml.YAML, cjml.JSON} {
		b, err := doc.Marshal(f)
		require.NoError(t, err)
		back, diags := cjml.ParseOptions("out", b, cjml.ReadOptions{Format: f})
		require.NotNil(t, back, diagLines(diags))
		require.False(t, diags.HasErrors(), diagLines(diags))
		b2, err := back.Marshal(f)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(b2), "%s round trip", f)
	}
}

func TestCSVFatal(t *testing.T) {
	tests := []struct {
		name, src string
		m         *Mapping
		diags     string
		usage     bool
	}{
		{"empty", " \n", nil, "t.csv: error: the log is empty: want a header line and one row per event [import/syntax]\n", false},
		{"no case column", "id,activity\n1,x\n", nil, "t.csv:1:1: error: no column for the case: name it with --case or columns.case in the mapping (the header has \"id\", \"activity\") [import/no-column]\n", true},
		{"no activity column", "case,what\n1,x\n", nil, "t.csv:1:1: error: no column for the activity: name it with --activity or columns.activity in the mapping (the header has \"case\", \"what\") [import/no-column]\n", true},
		{"mapped column missing", "case,activity\n", &Mapping{Columns: [numRoles]string{ReceiverLabel: "Outcome"}},
			"t.csv:1:1: error: the mapping names column \"Outcome\" for the receiverLabel, but the header has no such column (it has \"case\", \"activity\") [import/no-column]\n", true},
		{"bad header", "case,\"activity\n", nil, "t.csv:1:15: error: cannot read the header: extraneous or missing \" in quoted-field [import/syntax]\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _, diags := importString(t, "t.csv", tt.src, tt.m)
			assert.Nil(t, doc)
			assert.Equal(t, tt.diags, diagLines(diags))
			assert.True(t, IsFatal(diags))
			assert.Equal(t, tt.usage, IsUsage(diags))
		})
	}
}

func TestCSVTooLarge(t *testing.T) {
	src := "case,activity\n" + strings.Repeat("c,x\n", 100)
	doc, _, diags := Import(strings.NewReader(src), "big.csv", Options{MaxBytes: 100})
	assert.Nil(t, doc)
	assert.Equal(t, "big.csv: error: the log is larger than the 100 bytes limit [import/too-large]\n", diagLines(diags))
}

const xesHead = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="event"><string key="concept:name" value="__INVALID__"/></global>
  <classifier name="Activity" keys="concept:name"/>
  <string key="concept:name" value="the log"/>
`

func TestXES(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		m       *Mapping
		want    string
		diags   string
		skipped int
		ignored int
	}{{
		name: "standard keys, trace attributes, start and complete pairs",
		src: xesHead + // lines 1-6
			`  <trace>
    <string key="concept:name" value="case 1"/>
    <string key="customerName" value="Kari"/>
    <string key="channel" value="web"/>
    <event>
      <string key="concept:name" value="Orders"/>
      <date key="time:timestamp" value="2025-03-03T19:42:00.000+01:00"/>
      <string key="org:resource" value="Customer"/>
      <string key="receiver" value="Shop"/>
    </event>
    <event>
      <string key="concept:name" value="Installs"/>
      <date key="time:timestamp" value="2025-03-04T10:00:00.000+01:00"/>
      <string key="org:resource" value="Customer"/>
      <string key="lifecycle:transition" value="start"/>
    </event>
    <event>
      <string key="concept:name" value="Installs"/>
      <date key="time:timestamp" value="2025-03-04T10:30:00.000+01:00"/>
      <string key="org:resource" value="Customer"/>
      <string key="lifecycle:transition" value="complete"/>
      <int key="rating" value="4"><string key="meta" value="nested"/></int>
    </event>
    <event>
      <string key="concept:name" value="Packs"/>
      <date key="time:timestamp" value="2025-03-03T20:00:00.000+01:00"/>
      <string key="org:resource" value="Shop"/>
      <string key="lifecycle:transition" value="schedule"/>
    </event>
    <event>
      <string key="concept:name" value="Calls"/>
      <string key="org:resource" value="Customer"/>
      <string key="receiver" value="Shop"/>
      <string key="channel" value="phone"/>
      <string key="lifecycle:transition" value="start"/>
    </event>
  </trace>
</log>
`,
		want: "journey case 1\n" +
			"  actor customer endUser \"Kari\"\n" +
			"  actor shop serviceProvider \"Shop\"\n" +
			"  E1 communicationPoint customer->shop \"Orders\" ch=web orig=2025-03-03T19:42:00.000+01:00\n" +
			"  E2 action customer \"Installs\" start=2025-03-04T10:00:00.000+01:00 done=2025-03-04T10:30:00.000+01:00 rating=4\n" +
			"  E3 communicationPoint customer->shop \"Calls\" ch=phone\n",
		diags: "t.xes:34:7: info: event with lifecycle transition \"schedule\" ignored: only start and complete events become touchpoints [import/lifecycle]\n" +
			"t.xes:41:7: warning: start event of \"Calls\" has no complete event; the touchpoint has only a start time [import/unmatched-start]\n",
		ignored: 1,
	}, {
		name: "malformed events, traces without a name or events, repeated names",
		src: xesHead +
			`  <event><string key="concept:name" value="stray"/></event>
  <trace>
    <event>
      <string key="concept:name" value="A"/>
      <string key="org:resource" value="Customer"/>
      <date key="time:timestamp" value="yesterday"/>
    </event>
    <event>
      <string value="no key"/>
      <string key="concept:name" value="B"/>
      <string key="org:resource" value="Customer"/>
    </event>
    <event>
      <string key="org:resource" value="Customer"/>
    </event>
  </trace>
  <trace><string key="concept:name" value="x"/></trace>
  <trace><string key="concept:name" value="trace-1"/>
    <event><string key="concept:name" value="C"/><string key="org:resource" value="User"/></event>
  </trace>
</log>
`,
		want: "journey trace-1\n" +
			"  actor customer endUser \"Customer\"\n" +
			"  E1 action customer \"B\"\n" +
			"journey trace-1-2\n" +
			"  actor user endUser \"User\"\n" +
			"  E1 action user \"C\"\n",
		diags: "t.xes:7:3: error: event outside a trace [import/outside-trace]\n" +
			"t.xes:8:3: warning: trace without a name (concept:name); its journey is \"trace-1\" [import/no-case]\n" +
			"t.xes:12:7: error: timestamp \"yesterday\" is not a date or date-time (want 2025-03-03T19:42:00+01:00, 2025-03-03 19:42 or 2025-03-03) [import/bad-time]\n" +
			"t.xes:15:7: warning: <string> attribute without a key ignored [import/bad-attribute]\n" +
			"t.xes:19:5: error: event without an activity [import/no-activity]\n" +
			"t.xes:23:3: warning: trace \"x\" has no events; no journey is made of it [import/empty-case]\n" +
			"t.xes:24:3: warning: trace name \"trace-1\" is repeated; this journey is \"trace-1-2\" [import/duplicate-id]\n",
		skipped: 3,
	}, {
		name: "a mapping written for CSV columns falls back to the standard keys",
		src: xesHead + `  <trace><string key="concept:name" value="T"/>
    <event><string key="concept:name" value="Asks"/><string key="org:resource" value="Ann"/>
      <string key="To" value="Bob"/><string key="Step" value="T1"/></event>
  </trace>
</log>`,
		m: &Mapping{Columns: func() (c [numRoles]string) {
			c[Case], c[Activity], c[Initiator], c[Receiver], c[Touchpoint] = "Case ID", "Activity", "From", "To", "Step"
			return c
		}(), EndUser: []string{"Ann"}},
		want: "journey T\n" +
			"  actor ann endUser \"Ann\"\n" +
			"  actor bob serviceProvider \"Bob\"\n" +
			"  T1 communicationPoint ann->bob \"Asks\"\n",
	}, {
		name: "overlapping starts pair with completes first in, first out; events in unknown elements are reported",
		src: `<log><trace><string key="concept:name" value="o"/>
<event><string key="concept:name" value="Work"/><string key="org:resource" value="Customer"/><string key="lifecycle:transition" value="start"/><date key="time:timestamp" value="2025-01-01T08:00:00Z"/></event>
<event><string key="concept:name" value="Work"/><string key="org:resource" value="Customer"/><string key="lifecycle:transition" value="start"/><date key="time:timestamp" value="2025-01-01T09:00:00Z"/></event>
<event><string key="concept:name" value="Work"/><string key="org:resource" value="Customer"/><date key="time:timestamp" value="2025-01-01T10:00:00Z"/></event>
<event><string key="concept:name" value="Work"/><string key="org:resource" value="Customer"/><date key="time:timestamp" value="2025-01-01T11:00:00Z"/></event>
<bundle><event><string key="concept:name" value="Hidden"/></event></bundle>
</trace></log>`,
		want: "journey o\n" +
			"  actor customer endUser \"Customer\"\n" +
			"  E1 action customer \"Work\" start=2025-01-01T08:00:00Z done=2025-01-01T10:00:00Z\n" +
			"  E2 action customer \"Work\" start=2025-01-01T09:00:00Z done=2025-01-01T11:00:00Z\n",
		diags:   "t.xes:6:9: error: event outside a trace's list of events [import/outside-trace]\n",
		skipped: 1,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, st, diags := importString(t, "t.xes", tt.src, tt.m)
			require.NotNil(t, doc, diagLines(diags))
			assert.Equal(t, tt.want, summary(doc))
			assert.Equal(t, tt.diags, diagLines(diags))
			assert.Equal(t, tt.skipped, st.Skipped)
			assert.Equal(t, tt.ignored, st.Ignored)
			assertRoundTrip(t, doc)
		})
	}
}

func TestXESFatal(t *testing.T) {
	tests := []struct{ name, src, diags string }{
		{"empty", "", "t.xes:1:1: error: not an XES log: no <log> element [import/syntax]\n"},
		{"not a log", "<CJML/>", "t.xes:1:1: error: not an XES log: the root element is <CJML>, want <log> [import/syntax]\n"},
		{"not well-formed", "<log>\n  <trace>\n  </log>", "t.xes:3:3: error: not well-formed XML: element <trace> closed by </log> [import/syntax]\n"},
		{"unclosed", "<log><trace>", "t.xes:1:13: error: not well-formed XML: unexpected EOF [import/syntax]\n"},
		{"second root", "<log></log>\n<log/>", "t.xes:2:1: error: not well-formed XML: an element after the end of <log> [import/syntax]\n"},
		{"encoding", `<?xml version="1.0" encoding="ISO-8859-1"?><log/>`, "t.xes:1:44: error: cannot read: encoding \"ISO-8859-1\" declared but Decoder.CharsetReader is nil [import/syntax]\n"},
		{"too deep", "<log>" + strings.Repeat("<a>", 300), "t.xes:1:771: error: elements nest deeper than 256 levels [import/too-deep]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _, diags := importString(t, "t.xes", tt.src, nil)
			assert.Nil(t, doc)
			assert.Equal(t, tt.diags, diagLines(diags))
			assert.False(t, IsUsage(diags))
		})
	}
	doc, _, diags := Import(strings.NewReader(xesHead+strings.Repeat("<trace/>", 100)), "big.xes", Options{MaxBytes: 300})
	assert.Nil(t, doc)
	assert.Equal(t, "big.xes: error: the log is larger than the 300 bytes limit [import/too-large]\n", diagLines(diags))
}

// The broadband log gives the same journeys from CSV and from XES, apart
// from the way timestamps are written and the start times XES adds.
func TestBroadbandCSVAndXESAgree(t *testing.T) {
	mb, err := os.ReadFile("../../examples/logs/broadband.mapping.yaml")
	require.NoError(t, err)
	m, diags := ParseMapping("broadband.mapping.yaml", mb)
	require.Empty(t, diags)
	var docs []*cjml.Document
	for _, f := range []string{"../../examples/logs/broadband.csv", "../../examples/logs/broadband.xes"} {
		r, err := os.Open(f)
		require.NoError(t, err)
		doc, st, diags := Import(r, f, Options{Mapping: m})
		r.Close()
		require.NotNil(t, doc)
		assert.Empty(t, diags, f)
		assert.Equal(t, Stats{Journeys: 6, Touchpoints: 63}, st, f)
		assertRoundTrip(t, doc)
		for _, j := range doc.Journeys {
			for _, tp := range j.Touchpoints {
				tp.Timestamps = cjml.Timestamps{}
			}
		}
		docs = append(docs, doc)
	}
	assert.Equal(t, summary(docs[0]), summary(docs[1]))
}

func TestFormat(t *testing.T) {
	assert.Equal(t, CSV, FormatOf("x.CSV"))
	assert.Equal(t, XES, FormatOf("log.xes"))
	assert.Equal(t, FormatAuto, FormatOf("-"))
	assert.Equal(t, XES, Sniff([]byte("\xEF\xBB\xBF \n<?xml")))
	assert.Equal(t, CSV, Sniff([]byte("case,activity")))
	_, err := ParseFormat("json")
	assert.EqualError(t, err, `unknown log format "json" (want csv or xes)`)
	assert.Equal(t, ',', sniffDelimiter("a,b;c,d\n;;;;;"))
	assert.Equal(t, ';', sniffDelimiter("\"a,b,c\";d\n"))
	assert.Equal(t, '\t', sniffDelimiter("a\tb"))
	assert.Equal(t, ',', sniffDelimiter("single"))
	// Sniffed by content on standard input.
	doc, _, diags := Import(strings.NewReader(xesHead+"</log>"), "-", Options{})
	require.NotNil(t, doc, diagLines(diags))
	assert.Empty(t, doc.Journeys)
}

func TestStatsString(t *testing.T) {
	assert.Equal(t, "imported 1 journey, 1 touchpoint, skipped 1 event", Stats{1, 1, 1, 0}.String())
	assert.Equal(t, "imported 2 journeys, 0 touchpoints, skipped 0 events, ignored 3 lifecycle events", Stats{2, 0, 0, 3}.String())
}

func TestGzip(t *testing.T) {
	for _, f := range []string{"../../examples/logs/broadband.xes", "../../examples/logs/broadband.csv"} {
		plain, err := os.ReadFile(f)
		require.NoError(t, err)
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		_, _ = zw.Write(plain)
		require.NoError(t, zw.Close())
		mb, _ := os.ReadFile("../../examples/logs/broadband.mapping.yaml")
		m, _ := ParseMapping("m.yaml", mb)
		want, _, _ := Import(bytes.NewReader(plain), f, Options{Mapping: m})
		got, st, diags := Import(bytes.NewReader(z.Bytes()), filepath.Base(f)+".gz", Options{Mapping: m})
		require.NotNil(t, got, diagLines(diags))
		assert.Empty(t, diags)
		assert.Equal(t, 63, st.Touchpoints)
		assert.Equal(t, summary(want), summary(got))

		// The size limit is on the uncompressed text.
		doc, _, diags := Import(bytes.NewReader(z.Bytes()), "log.gz", Options{MaxBytes: int64(len(plain)) - 1})
		assert.Nil(t, doc)
		assert.Equal(t, "log.gz: error: the log is larger than the "+textutil.ByteSize(int64(len(plain))-1)+" limit [import/too-large]\n", diagLines(diags))

		// A damaged stream is an error, not a shorter log.
		bad := bytes.Clone(z.Bytes())
		bad[len(bad)-6] ^= 0xff // the CRC
		doc, _, diags = Import(bytes.NewReader(bad), "log.gz", Options{Mapping: m})
		assert.Nil(t, doc)
		assert.Contains(t, diagLines(diags), "gzip: invalid checksum [import/syntax]")
	}
	doc, _, diags := Import(strings.NewReader("\x1f\x8bnot gzip"), "x.csv", Options{})
	assert.Nil(t, doc)
	assert.Equal(t, "x.csv: error: cannot read the gzip stream: invalid header [import/syntax]\n", diagLines(diags))
}

// Many repeats of one name are renamed in linear time, and an ID made from
// a value never takes an ID the mapping gives.
func TestRepeatedNames(t *testing.T) {
	const n = 20000
	var b strings.Builder
	b.WriteString("case,activity,initiator,receiver,touchpoint\n")
	for i := range n {
		fmt.Fprintf(&b, "c,a,Customer,Shop %s,T1\n", strings.Repeat("!", i%3))
	}
	b.WriteString("c,a,Provider,NordNett,\n")
	m := &Mapping{Actors: map[string]string{"NordNett": "provider"}}
	doc, st, diags := Import(strings.NewReader(b.String()), "r.csv", Options{Mapping: m})
	require.NotNil(t, doc)
	assert.Equal(t, n+1, st.Touchpoints)
	assert.Len(t, diags, n-1)
	tps := doc.Journeys[0].Touchpoints
	assert.Equal(t, "T1", tps[0].ID)
	assert.Equal(t, fmt.Sprintf("T1-%d", n), tps[n-1].ID)
	assert.Equal(t, "E1", tps[n].ID)
	var actors []string
	for _, a := range doc.Journeys[0].Actors {
		actors = append(actors, a.ID+"="+a.DisplayName())
	}
	assert.Equal(t, []string{"customer=Customer", "shop=Shop", "shop-2=Shop !", "shop-3=Shop !!", "provider-2=Provider", "provider=NordNett"}, actors)

	var x strings.Builder
	x.WriteString("<log>")
	for range n {
		x.WriteString(`<trace><string key="concept:name" value="t"/><event><string key="concept:name" value="a"/><string key="org:resource" value="Customer"/></event></trace>`)
	}
	x.WriteString("</log>")
	doc, st, _ = Import(strings.NewReader(x.String()), "r.xes", Options{})
	require.NotNil(t, doc)
	assert.Equal(t, n, st.Journeys)
	assert.Equal(t, fmt.Sprintf("t-%d", n), doc.Journeys[n-1].ID)
}
