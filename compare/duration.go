package compare

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// ErrDuration is wrapped by the errors of [ParseDuration].
var ErrDuration = errors.New("is not an ISO 8601 duration")

// ParseDuration parses a planned deltaTime or touchpointDuration: an ISO
// 8601 duration such as "P2D", "PT4H30M" or "P1DT12H" (a year counts 365
// days, a month 30 days, a week 7 days; only the last number may have a
// fraction), or a Go duration such as "90m".
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	bad := func() (time.Duration, error) { return 0, &durationError{s} }
	if s == "" {
		return bad()
	}
	if s[0] != 'P' && s[0] != 'p' {
		d, err := time.ParseDuration(s)
		if err != nil || d < 0 {
			return bad()
		}
		return d, nil
	}
	rest := strings.ToUpper(s[1:])
	if rest == "" || rest == "T" {
		return bad()
	}
	var total float64
	inTime, any, frac := false, false, false
	for len(rest) > 0 {
		if rest[0] == 'T' {
			if inTime {
				return bad()
			}
			inTime = true
			rest = rest[1:]
			if rest == "" {
				return bad()
			}
			continue
		}
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.' || rest[i] == ',') {
			i++
		}
		if i == 0 || i == len(rest) || frac {
			return bad()
		}
		num := strings.ReplaceAll(rest[:i], ",", ".")
		v, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return bad()
		}
		frac = strings.Contains(num, ".")
		var unit float64
		switch u := rest[i]; {
		case !inTime && u == 'Y':
			unit = 365 * 24 * 3600
		case !inTime && u == 'M':
			unit = 30 * 24 * 3600
		case !inTime && u == 'W':
			unit = 7 * 24 * 3600
		case !inTime && u == 'D':
			unit = 24 * 3600
		case inTime && u == 'H':
			unit = 3600
		case inTime && u == 'M':
			unit = 60
		case inTime && u == 'S':
			unit = 1
		default:
			return bad()
		}
		total += v * unit
		any = true
		rest = rest[i+1:]
	}
	if !any || total > float64(1<<62)/1e9 {
		return bad()
	}
	return time.Duration(total * float64(time.Second)), nil
}

type durationError struct{ s string }

func (e *durationError) Error() string { return strconv.Quote(e.s) + " " + ErrDuration.Error() }
func (e *durationError) Unwrap() error { return ErrDuration }
