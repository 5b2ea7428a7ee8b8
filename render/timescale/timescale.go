// Package timescale places the touchpoints of a journey on a time-scaled
// horizontal axis with compressed gaps (the CJML "time-flow break"), so that
// a journey whose first day is busy and whose later touchpoints are weeks
// apart stays readable.
//
// [Layout] takes one time per touchpoint, in the touchpoints' order, and
// returns an x position per touchpoint:
//
//   - a gap up to [Options.MaxGap] is drawn in proportion to its duration,
//     [Options.PerHour] wide per hour;
//   - a longer gap is compressed to [Options.BreakWidth] and reported as a
//     [Break], where the renderer draws the break symbol and the duration;
//   - consecutive touchpoints are never closer than [Options.MinSpacing],
//     so that their labels fit;
//   - missing times (the zero time.Time) are interpolated between the known
//     neighbours, and times that go backwards are held at the previous
//     time, so x never decreases; both are flagged in [Axis.Estimated];
//   - [Tick]s mark day boundaries (week boundaries flagged) and, when an hour
//     is wide enough, clock hours, never closer than MinSpacing.
//
// The defaults adapt to the data: an hour is MinSpacing divided by the median
// gap, and gaps over four median gaps are compressed. Everything is computed
// from the input alone, so the result is deterministic.
package timescale

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// Options control the axis. Lengths are in the unit of the diagram (px).
type Options struct {
	// Start is the x of the first touchpoint.
	Start float64
	// MinSpacing is the least distance between consecutive touchpoints and
	// between ticks. Negative values count as 0.
	MinSpacing float64
	// PerHour is the width of one hour on the uncompressed parts of the
	// axis. 0 chooses MinSpacing per median gap between touchpoints.
	PerHour float64
	// MaxGap is the longest gap drawn to scale; longer gaps become breaks.
	// 0 chooses four times the median gap; a negative value never
	// compresses.
	MaxGap time.Duration
	// BreakWidth is the width of a compressed gap, at least MinSpacing.
	// 0 chooses 1.5 × MinSpacing.
	BreakWidth float64
}

// A Break is a compressed gap between two consecutive touchpoints.
type Break struct {
	// After is the index of the touchpoint before the gap.
	After int
	// X is the middle of the gap, where the break symbol goes.
	X float64
	// Duration is the real length of the gap.
	Duration time.Duration
	// Label is Duration for people: "+3 d", "+2 h 30 min".
	Label string
}

// A TickKind says what a tick marks.
type TickKind int

// Tick kinds.
const (
	Hour TickKind = iota // a clock hour within a day
	Day                  // the start of a day
	Week                 // the start of a day that begins a new ISO week
)

// A Tick is a labelled mark on the axis.
type Tick struct {
	X    float64
	Time time.Time
	Kind TickKind
	// Label is "14:00" for an hour, "Tue 3 Dec" for a day, with the year
	// ("Mon 2 Dec 2024") on the first tick and on the first tick of a year.
	Label string
	// Week is the ISO week number of a Week tick, else 0.
	Week int
}

// An Axis is the result of [Layout].
type Axis struct {
	// X is the position of each touchpoint, non-decreasing.
	X []float64
	// Times are the times used: the input, or the estimate where Estimated.
	// All zero when no touchpoint has a time.
	Times []time.Time
	// Estimated reports the touchpoints whose time was missing or went
	// backwards.
	Estimated []bool
	Breaks    []Break
	// Ticks are sorted by X.
	Ticks []Tick
	// PerHour and MaxGap are the values used (after defaults).
	PerHour float64
	MaxGap  time.Duration
	// End is the x of the last touchpoint (Start when there are none).
	End float64
}

// HasTimes reports whether a time axis is meaningful: at least two of the
// times are known and different.
func HasTimes(times []time.Time) bool {
	var first time.Time
	for _, t := range times {
		if t.IsZero() {
			continue
		}
		if first.IsZero() {
			first = t
		} else if !t.Equal(first) {
			return true
		}
	}
	return false
}

// Layout computes the axis for the touchpoints' times, given in the
// touchpoints' order; a zero time.Time is a missing time. Days and hours are
// those of the first known time's location.
func Layout(times []time.Time, opt Options) Axis {
	n := len(times)
	ax := Axis{X: make([]float64, n), Times: make([]time.Time, n), Estimated: make([]bool, n), End: opt.Start}
	if n == 0 {
		return ax
	}
	minSp := math.Max(opt.MinSpacing, 0)
	known := fillTimes(times, ax.Times, ax.Estimated)
	if !known {
		for i := range ax.X {
			ax.X[i] = opt.Start + float64(i)*minSp
		}
		ax.End = ax.X[n-1]
		return ax
	}

	// Defaults from the median positive gap.
	var gaps []time.Duration
	for i := 1; i < n; i++ {
		if d := ax.Times[i].Sub(ax.Times[i-1]); d > 0 {
			gaps = append(gaps, d)
		}
	}
	median := time.Duration(0)
	if len(gaps) > 0 {
		slices.Sort(gaps)
		median = gaps[(len(gaps)-1)/2]
	}
	ax.PerHour = opt.PerHour
	if ax.PerHour <= 0 {
		ax.PerHour = 0
		if median > 0 {
			ax.PerHour = minSp / median.Hours()
		}
	}
	ax.MaxGap = opt.MaxGap
	if ax.MaxGap == 0 {
		ax.MaxGap = 4 * median
	}
	breakW := opt.BreakWidth
	if breakW <= 0 {
		breakW = 1.5 * minSp
	}
	breakW = math.Max(breakW, minSp)

	ax.X[0] = opt.Start
	for i := 1; i < n; i++ {
		d := ax.Times[i].Sub(ax.Times[i-1])
		if ax.MaxGap > 0 && d > ax.MaxGap {
			ax.X[i] = ax.X[i-1] + breakW
			ax.Breaks = append(ax.Breaks, Break{After: i - 1, X: ax.X[i-1] + breakW/2, Duration: d, Label: FormatDuration(d)})
			continue
		}
		ax.X[i] = ax.X[i-1] + math.Max(minSp, d.Hours()*ax.PerHour)
	}
	ax.End = ax.X[n-1]
	ax.Ticks = ticks(&ax, minSp)
	return ax
}

// fillTimes copies times into out, interpolating missing ones between their
// known neighbours (by index), holding leading and trailing ones at the
// nearest known time and times that go backwards at the previous time. It
// reports whether any time is known.
func fillTimes(times, out []time.Time, est []bool) bool {
	prev := -1 // index of the previous known time
	for i, t := range times {
		if t.IsZero() {
			est[i] = true
			continue
		}
		out[i] = t
		if prev >= 0 && t.Before(out[prev]) {
			out[i], est[i] = out[prev], true
		}
		if prev < 0 {
			for j := 0; j < i; j++ {
				out[j] = out[i]
			}
		} else {
			step := out[i].Sub(out[prev]) / time.Duration(i-prev)
			for j := prev + 1; j < i; j++ {
				out[j] = out[prev].Add(step * time.Duration(j-prev))
			}
		}
		prev = i
	}
	if prev < 0 {
		return false
	}
	for j := prev + 1; j < len(times); j++ {
		out[j] = out[prev]
	}
	return true
}

// ticks returns the day, week and hour ticks of the axis, thinned so that
// no two are closer than minSp; day ticks win over hour ticks.
func ticks(ax *Axis, minSp float64) []Tick {
	loc := ax.Times[0].Location()
	var days, hours []Tick
	first := ax.Times[0].In(loc)
	days = append(days, dayTick(ax.X[0], first, true))
	hourStep := 0
	for _, h := range []int{1, 2, 3, 6, 12} {
		if float64(h)*ax.PerHour >= minSp && float64(h)*ax.PerHour > 0 {
			hourStep = h
			break
		}
	}
	bi := 0
	for i := 1; i < len(ax.X); i++ {
		t0, t1 := ax.Times[i-1].In(loc), ax.Times[i].In(loc)
		x0, x1 := ax.X[i-1], ax.X[i]
		if bi < len(ax.Breaks) && ax.Breaks[bi].After == i-1 {
			// The days in the gap are hidden: the new day starts at the break.
			if !sameDay(t0, t1) {
				days = append(days, dayTick(ax.Breaks[bi].X, startOfDay(t1), false))
			}
			bi++
			continue
		}
		if !t1.After(t0) {
			continue
		}
		at := func(t time.Time) float64 {
			return x0 + (x1-x0)*float64(t.Sub(t0))/float64(t1.Sub(t0))
		}
		for m := startOfDay(t0).AddDate(0, 0, 1); !m.After(t1); m = startOfDay(m.AddDate(0, 0, 1)) {
			days = append(days, dayTick(at(m), m, false))
		}
		if hourStep > 0 && t1.Sub(t0) <= 48*time.Hour {
			h := time.Date(t0.Year(), t0.Month(), t0.Day(), t0.Hour(), 0, 0, 0, loc)
			for h = h.Add(time.Hour); !h.After(t1); h = h.Add(time.Hour) {
				if h.Hour()%hourStep == 0 && h.Hour() != 0 {
					hours = append(hours, Tick{X: at(h), Time: h, Kind: Hour, Label: h.Format("15:04")})
				}
			}
		}
	}
	// Mark weeks and years against the previous day tick.
	for k := 1; k < len(days); k++ {
		py, pw := days[k-1].Time.ISOWeek()
		y, w := days[k].Time.ISOWeek()
		if y != py || w != pw {
			days[k].Kind, days[k].Week = Week, w
		}
		if days[k].Time.Year() != days[k-1].Time.Year() {
			days[k].Label = days[k].Time.Format("Mon 2 Jan 2006")
		}
	}
	// Keep ticks by priority: the first tick, week starts, day starts,
	// hours; a tick is kept when it is at least minSp from every kept one.
	var weeks, plain []Tick
	for _, d := range days[1:] {
		if d.Kind == Week {
			weeks = append(weeks, d)
		} else {
			plain = append(plain, d)
		}
	}
	out := days[:1:1]
	for _, group := range [][]Tick{weeks, plain, hours} {
		out = thin(out, group, minSp)
	}
	return out
}

// thin merges the ticks of add that are at least minSp from every tick of
// kept and from each other into kept. Both are sorted by X; so is the
// result.
func thin(kept, add []Tick, minSp float64) []Tick {
	out := make([]Tick, 0, len(kept)+len(add))
	k := 0
	last := math.Inf(-1) // X of the last tick taken from add
	for _, t := range add {
		for k < len(kept) && kept[k].X <= t.X {
			out = append(out, kept[k])
			k++
		}
		if t.X-last < minSp ||
			(k > 0 && t.X-kept[k-1].X < minSp) ||
			(k < len(kept) && kept[k].X-t.X < minSp) {
			continue
		}
		out = append(out, t)
		last = t.X
	}
	return append(out, kept[k:]...)
}

func dayTick(x float64, t time.Time, first bool) Tick {
	tk := Tick{X: x, Time: t, Kind: Day, Label: t.Format("Mon 2 Jan")}
	if first {
		tk.Label = t.Format("Mon 2 Jan 2006")
		_, tk.Week = t.ISOWeek()
		tk.Kind = Week
	}
	return tk
}

func startOfDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// FormatDuration writes a gap for a break label with at most two units:
// "+45 s", "+12 min", "+2 h 30 min", "+3 d 4 h", "+6 w 2 d".
func FormatDuration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	const day, week = 24 * time.Hour, 7 * 24 * time.Hour
	two := func(a int64, ua string, b int64, ub string) string {
		if b == 0 {
			return fmt.Sprintf("+%d %s", a, ua)
		}
		return fmt.Sprintf("+%d %s %d %s", a, ua, b, ub)
	}
	switch {
	case d < time.Minute:
		return fmt.Sprintf("+%d s", int64(d/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("+%d min", int64(d/time.Minute))
	case d < day:
		return two(int64(d/time.Hour), "h", int64(d%time.Hour/time.Minute), "min")
	case d < 2*week:
		return two(int64(d/day), "d", int64(d%day/time.Hour), "h")
	}
	return two(int64(d/week), "w", int64(d%week/day), "d")
}
