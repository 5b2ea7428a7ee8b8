// Package cjml is the model of CJML, the Customer Journey Modelling
// Language: planned journeys (a service as designed) and actual journeys
// (what happened to one person), with their actors, touchpoints
// (communication points between two actors over a channel, and actions by
// one actor), phases, timestamps and experience ratings.
//
// The package reads and writes CJML 2.0 XML and its YAML and JSON form,
// which uses the same names, so that XML → YAML → XML gives back the same
// document:
//
//	doc, diags := cjml.ReadFile("journeys.xml", cjml.ReadOptions{})
//	if diags.HasErrors() {
//		log.Fatal(diags) // file:line:col: error: message [code]
//	}
//	for _, j := range doc.Journeys {
//		for _, tp := range j.Touchpoints {
//			fmt.Println(j.ID, tp.ID, tp.Initiator.Label)
//		}
//	}
//	err := cjml.WriteFile("journeys.yaml", doc, cjml.FormatAuto)
//
// # Tolerance
//
// The reader accepts what every known producer writes (the UIOMaster
// editor, CJMLExcel, the cjml.no sample): receiver before initiator, white
// space around "=" and inside IDs, empty phaseIDref, actors re-used through
// actorIDref, end-user element names such as customer or patient, a lower-case
// root, namespaces, UTF-16 and Latin-1 files. Elements and attributes the
// model does not know are kept in [Extra] and written back, so that
// extension data and newer versions survive a round trip. Names written
// with the wrong letter case are read with a warning.
//
// # Positions and diagnostics
//
// Every model node records where it and each of its parts were read
// ([Origin]); [Source.Position] turns a [Pos] into file, line and column.
// Problems are reported as [Diagnostics] with stable codes, never as
// panics. The reader is safe on hostile input: it expands no entities but
// XML's own five, and bounds input size and nesting depth ([ReadOptions]).
package cjml
