package eventlog_test

import (
	"fmt"
	"os"
	"strings"

	"cjml.dev/cjml"
	"cjml.dev/cjml/eventlog"
)

// Import a CSV log whose columns have the usual names; each case becomes an
// actual journey, each row a touchpoint, in the order of the timestamps.
func ExampleImport() {
	log := `case,activity,timestamp,initiator,receiver,channel
C-1,Sends order confirmation,2025-03-03 19:43,NordNett,Customer,email
C-1,Orders broadband on the web,2025-03-03 19:42,Customer,NordNett,internetViaPC
C-1,Installs the modem at home,2025-03-08 18:55,Customer,,
C-1,Calls customer service,not a date,Customer,NordNett,phone
`
	m := &eventlog.Mapping{PlannedReference: "PJ1", Actors: map[string]string{"NordNett": "provider"}}
	doc, stats, diags := eventlog.Import(strings.NewReader(log), "crm.csv", eventlog.Options{Mapping: m})
	for _, d := range diags {
		fmt.Println(d)
	}
	fmt.Println(stats)
	for _, j := range doc.Journeys {
		fmt.Printf("%s (plan %s)\n", j.ID, j.PlannedReference)
		for _, tp := range j.Touchpoints {
			fmt.Printf("  %s %-18s %-8s %s\n", tp.ID, tp.Kind, tp.Initiator.Actor, tp.Label())
		}
	}
	// Output:
	// crm.csv:5:28: error: timestamp "not a date" is not a date or date-time (want 2025-03-03T19:42:00+01:00, 2025-03-03 19:42 or 2025-03-03) [import/bad-time]
	// imported 1 journey, 3 touchpoints, skipped 1 event
	// C-1 (plan PJ1)
	//   E1 communicationPoint customer Orders broadband on the web
	//   E2 communicationPoint provider Sends order confirmation
	//   E3 action             customer Installs the modem at home
}

// Parse a mapping file and use it for the example log.
func ExampleParseMapping() {
	b, _ := os.ReadFile("../../examples/logs/broadband.mapping.yaml")
	m, diags := eventlog.ParseMapping("broadband.mapping.yaml", b)
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	f, _ := os.Open("../../examples/logs/broadband.xes")
	defer f.Close()
	doc, stats, _ := eventlog.Import(f, "broadband.xes", eventlog.Options{Mapping: m})
	fmt.Println(stats)
	j := doc.Journeys[2]
	fmt.Println(j.ID, j.Actors[0].Name)
	for _, tp := range j.Touchpoints[7:10] {
		fmt.Printf("  %-3s %-9s %s\n", tp.ID, tp.Compliance, tp.Label())
	}
	// Output:
	// imported 6 journeys, 63 touchpoints, skipped 0 events
	// C-1003 Ingrid Berg
	//   T8  failing   Activates the line with the code on the web
	//   E1  adhoc     Calls support because the activation code is rejected
	//   E2  adhoc     Activates the line manually
}

// Stream an XES log: each trace is handed over as a journey as soon as it
// has been read, so that a large log never has to fit in memory.
func ExampleStream() {
	f, err := os.Open("../../examples/logs/broadband.xes")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	stats, diags := eventlog.Stream(f, "broadband.xes", eventlog.Options{}, func(j *cjml.Journey) error {
		fmt.Printf("%s: %d touchpoints, first %q\n", j.ID, len(j.Touchpoints), j.Touchpoints[0].Label())
		return nil
	})
	fmt.Println(len(diags), "diagnostics;", stats)
	// Output:
	// C-1001: 10 touchpoints, first "Orders broadband on the web"
	// C-1002: 11 touchpoints, first "Orders broadband on the web"
	// C-1003: 12 touchpoints, first "Orders broadband on the web"
	// C-1004: 10 touchpoints, first "Orders broadband on the web"
	// C-1005: 11 touchpoints, first "Orders broadband on the web"
	// C-1006: 9 touchpoints, first "Orders broadband by phone"
	// 0 diagnostics; imported 6 journeys, 63 touchpoints, skipped 0 events
}
