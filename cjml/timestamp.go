package cjml

import (
	"errors"
	"strings"
	"time"

	"cjml.dev/internal/textutil"
)

// A Timestamp is a time as written in the XML ("2024-12-05 10:00:00",
// "2021-08-20T15:03:01.611+02:00", "2024-12-05"). The text is kept; Time
// parses it.
type Timestamp string

// IsZero reports whether the timestamp is empty.
func (t Timestamp) IsZero() bool { return strings.TrimSpace(string(t)) == "" }

// ErrTimestamp is wrapped by the error [Timestamp.Time] returns for text that
// is not an ISO 8601 date or date-time.
var ErrTimestamp = errors.New("not an ISO 8601 date or date-time")

// Time parses the timestamp. It accepts ISO 8601 dates and date-times with
// "T" or a space between date and time, minutes with or without seconds,
// optional fractional seconds, and an optional zone ("Z", "+02:00",
// "+0200", "+02"). A time without a zone is read as UTC, so that times from
// one file compare consistently; dateOnly reports a bare date.
func (t Timestamp) Time() (tm time.Time, dateOnly bool, err error) {
	s := strings.TrimSpace(string(t))
	if len(s) < 10 {
		return time.Time{}, false, errTimestamp(s)
	}
	date, rest := s[:10], s[10:]
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		return time.Time{}, false, errTimestamp(s)
	}
	if rest == "" {
		return d, true, nil
	}
	if rest[0] != 'T' && rest[0] != ' ' && rest[0] != 't' {
		return time.Time{}, false, errTimestamp(s)
	}
	rest = rest[1:]
	// Split off the zone.
	zone := ""
	if i := strings.IndexAny(rest, "Zz+-"); i >= 0 {
		zone, rest = rest[i:], strings.TrimRight(rest[:i], " ")
	}
	var clock time.Time
	var perr error = errTimestamp(s)
	for _, layout := range []string{"15:04:05.999999999", "15:04:05", "15:04"} {
		if c, err := time.Parse(layout, rest); err == nil {
			clock, perr = c, nil
			break
		}
	}
	if perr != nil {
		return time.Time{}, false, perr
	}
	loc := time.UTC
	if zone != "" {
		l, ok := parseZone(zone)
		if !ok {
			return time.Time{}, false, errTimestamp(s)
		}
		loc = l
	}
	return time.Date(d.Year(), d.Month(), d.Day(), clock.Hour(), clock.Minute(), clock.Second(), clock.Nanosecond(), loc), false, nil
}

func parseZone(z string) (*time.Location, bool) {
	if z == "Z" || z == "z" {
		return time.UTC, true
	}
	sign := 1
	switch z[0] {
	case '+':
	case '-':
		sign = -1
	default:
		return nil, false
	}
	z = strings.ReplaceAll(z[1:], ":", "")
	if len(z) != 2 && len(z) != 4 {
		return nil, false
	}
	for _, c := range z {
		if c < '0' || c > '9' {
			return nil, false
		}
	}
	h := int(z[0]-'0')*10 + int(z[1]-'0')
	m := 0
	if len(z) == 4 {
		m = int(z[2]-'0')*10 + int(z[3]-'0')
	}
	if h > 23 || m > 59 {
		return nil, false
	}
	return time.FixedZone("", sign*(h*3600+m*60)), true
}

type timestampError string

func (e timestampError) Error() string {
	return "timestamp " + textutil.Quote(string(e)) + " is " + ErrTimestamp.Error()
}
func (e timestampError) Unwrap() error { return ErrTimestamp }

func errTimestamp(s string) error { return timestampError(s) }

// First returns the earliest meaningful time of the touchpoint's
// timestamps: originated, else started, else received, consumed, completed.
func (ts Timestamps) First() Timestamp {
	for _, t := range []Timestamp{ts.Originated, ts.Started, ts.Received, ts.Consumed, ts.Completed} {
		if !t.IsZero() {
			return t
		}
	}
	return ""
}
