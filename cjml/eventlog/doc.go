// Package eventlog builds CJML actual journeys from event logs: CSV files
// with one row per event, and XES (IEEE 1849) logs, read as a stream with
// one trace in memory at a time.
//
// Each case (a CSV case column, an XES trace) becomes an actual journey;
// each event a touchpoint: an action when it has one actor, a communication
// point when it has an initiator and a receiver. A [Mapping] says which
// column or attribute is what; without one, columns are found by their
// usual names (case, activity, timestamp, initiator, receiver, channel,
// and XES's concept:name, time:timestamp, org:resource,
// lifecycle:transition). Events of a case are ordered by time, stably.
//
// Nothing is dropped silently: an event that cannot be imported is skipped
// with an error diagnostic naming the file, line and column, and counted in
// [Stats]. docs/import.md describes the rules and every diagnostic code.
package eventlog
