package timescale

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

func at(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func nearAll(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !near(a[i], b[i]) {
			return false
		}
	}
	return true
}

func TestOneDay(t *testing.T) {
	ax := Layout([]time.Time{at("2024-12-02 10:00"), at("2024-12-02 11:00"), at("2024-12-02 13:00")},
		Options{MinSpacing: 100, PerHour: 60, MaxGap: 24 * time.Hour})
	if want := []float64{0, 100, 220}; !nearAll(ax.X, want) {
		t.Errorf("X = %v, want %v", ax.X, want)
	}
	if len(ax.Breaks) != 0 || ax.End != 220 {
		t.Errorf("breaks %v, end %v", ax.Breaks, ax.End)
	}
	// An hour is 60: hour ticks every 2 h; 12:00 is halfway in the
	// 11:00–13:00 gap, which is drawn 120 wide.
	want := []Tick{
		{X: 0, Time: at("2024-12-02 10:00"), Kind: Week, Label: "Mon 2 Dec 2024", Week: 49},
		{X: 160, Time: at("2024-12-02 12:00"), Kind: Hour, Label: "12:00"},
	}
	if !reflect.DeepEqual(ax.Ticks, want) {
		t.Errorf("ticks\n%+v\nwant\n%+v", ax.Ticks, want)
	}
}

// sixWeeks is a journey with a busy first day and then touchpoints days and
// weeks apart.
var sixWeeks = []time.Time{
	at("2024-12-02 09:00"), at("2024-12-02 09:10"), at("2024-12-02 09:30"), at("2024-12-02 10:00"),
	at("2024-12-02 11:00"), at("2024-12-02 11:05"), at("2024-12-02 14:00"),
	at("2024-12-03 10:00"), at("2024-12-09 12:00"), at("2024-12-23 08:00"), at("2025-01-13 09:00"),
}

func TestSixWeeks(t *testing.T) {
	ax := Layout(sixWeeks, Options{Start: 50, MinSpacing: 100})
	// Median gap 1 h → an hour is 100 wide, gaps over 4 h are breaks 150
	// wide. Gaps under an hour get the minimum spacing; 11:05–14:00 is
	// 175 min = 291.67.
	wantX := []float64{50, 150, 250, 350, 450, 550, 841.6666667, 991.6666667, 1141.6666667, 1291.6666667, 1441.6666667}
	if !nearAll(ax.X, wantX) {
		t.Errorf("X = %v\nwant %v", ax.X, wantX)
	}
	if ax.PerHour != 100 || ax.MaxGap != 4*time.Hour {
		t.Errorf("PerHour %v MaxGap %v", ax.PerHour, ax.MaxGap)
	}
	wantBreaks := []Break{
		{After: 6, X: 916.6666667, Duration: 20 * time.Hour, Label: "+20 h"},
		{After: 7, X: 1066.6666667, Duration: 6*24*time.Hour + 2*time.Hour, Label: "+6 d 2 h"},
		{After: 8, X: 1216.6666667, Duration: 13*24*time.Hour + 20*time.Hour, Label: "+13 d 20 h"},
		{After: 9, X: 1366.6666667, Duration: 21*24*time.Hour + time.Hour, Label: "+3 w"},
	}
	if len(ax.Breaks) != len(wantBreaks) {
		t.Fatalf("breaks %+v", ax.Breaks)
	}
	for i, b := range ax.Breaks {
		w := wantBreaks[i]
		if b.After != w.After || !near(b.X, w.X) || b.Duration != w.Duration || b.Label != w.Label {
			t.Errorf("break %d = %+v, want %+v", i, b, w)
		}
	}
	type tk struct {
		X     float64
		Kind  TickKind
		Label string
		Week  int
	}
	want := []tk{
		{50, Week, "Mon 2 Dec 2024", 49},
		{350, Hour, "10:00", 0},
		{450, Hour, "11:00", 0},
		{641.6666667, Hour, "12:00", 0}, // 55 of 175 min after 11:05
		{741.6666667, Hour, "13:00", 0}, // 14:00 at 841.67 is too close to the next day
		{916.6666667, Day, "Tue 3 Dec", 0},
		{1066.6666667, Week, "Mon 9 Dec", 50},
		{1216.6666667, Week, "Mon 23 Dec", 52},
		{1366.6666667, Week, "Mon 13 Jan 2025", 3},
	}
	if len(ax.Ticks) != len(want) {
		t.Fatalf("ticks %+v", ax.Ticks)
	}
	for i, g := range ax.Ticks {
		w := want[i]
		if !near(g.X, w.X) || g.Kind != w.Kind || g.Label != w.Label || g.Week != w.Week {
			t.Errorf("tick %d = %+v, want %+v", i, g, w)
		}
	}
	// Readable: 11 touchpoints over six weeks take 14 spacings, against 10
	// for plain columns, and none is closer than the minimum.
	if w := ax.End - ax.X[0]; w > 14*100 {
		t.Errorf("axis is %v wide", w)
	}
}

func TestProportional(t *testing.T) {
	// Weekly touchpoints: no breaks, each week is four spacings... no: the
	// median gap is a week, so each week is one spacing, the 3-week gap
	// three, under the automatic MaxGap of four weeks.
	ts := []time.Time{at("2024-01-01 12:00"), at("2024-01-08 12:00"), at("2024-01-15 12:00"), at("2024-02-05 12:00")}
	ax := Layout(ts, Options{MinSpacing: 80})
	if want := []float64{0, 80, 160, 400}; !nearAll(ax.X, want) {
		t.Errorf("X = %v, want %v", ax.X, want)
	}
	if len(ax.Breaks) != 0 {
		t.Errorf("breaks %v", ax.Breaks)
	}
	// Day ticks at 80/7 per day are too close: only Mondays (weeks) and the
	// first tick survive thinning, and Mon 8 Jan (at 74.3) is too close to
	// the first.
	var labels []string
	for _, tk := range ax.Ticks {
		labels = append(labels, tk.Label)
	}
	if want := []string{"Mon 1 Jan 2024", "Mon 15 Jan", "Mon 22 Jan", "Mon 29 Jan", "Mon 5 Feb"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("ticks %q, want %q", labels, want)
	}
	// Never compress.
	ax = Layout([]time.Time{at("2024-01-01 12:00"), at("2024-01-01 13:00"), at("2024-03-01 12:00")}, Options{MinSpacing: 10, MaxGap: -1})
	if len(ax.Breaks) != 0 || !near(ax.X[2], 10+float64(1439)*10) {
		t.Errorf("X = %v, breaks %v", ax.X, ax.Breaks)
	}
}

func TestMissingTimes(t *testing.T) {
	z := time.Time{}
	t0 := at("2024-12-02 10:00")
	h := time.Hour
	tests := []struct {
		name  string
		in    []time.Time
		times []time.Time
		est   []bool
		x     []float64
	}{
		{"between", []time.Time{t0, z, z, t0.Add(3 * h)},
			[]time.Time{t0, t0.Add(h), t0.Add(2 * h), t0.Add(3 * h)},
			[]bool{false, true, true, false}, []float64{0, 10, 20, 30}},
		{"leading and trailing", []time.Time{z, t0, t0.Add(h), z},
			[]time.Time{t0, t0, t0.Add(h), t0.Add(h)},
			[]bool{true, false, false, true}, []float64{0, 10, 20, 30}},
		{"backwards", []time.Time{t0, t0.Add(2 * h), t0.Add(h), t0.Add(4 * h)},
			[]time.Time{t0, t0.Add(2 * h), t0.Add(2 * h), t0.Add(4 * h)},
			[]bool{false, false, true, false}, []float64{0, 20, 30, 50}},
		{"none", []time.Time{z, z, z}, []time.Time{z, z, z}, []bool{true, true, true}, []float64{0, 10, 20}},
		{"one", []time.Time{t0}, []time.Time{t0}, []bool{false}, []float64{0}},
		{"same", []time.Time{t0, t0, t0}, []time.Time{t0, t0, t0}, []bool{false, false, false}, []float64{0, 10, 20}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ax := Layout(tc.in, Options{MinSpacing: 10, PerHour: 10, MaxGap: 24 * time.Hour})
			if !reflect.DeepEqual(ax.Times, tc.times) || !reflect.DeepEqual(ax.Estimated, tc.est) || !nearAll(ax.X, tc.x) {
				t.Errorf("got times %v est %v x %v\nwant %v %v %v", ax.Times, ax.Estimated, ax.X, tc.times, tc.est, tc.x)
			}
		})
	}
	if ax := Layout(nil, Options{Start: 7}); len(ax.X) != 0 || ax.End != 7 {
		t.Errorf("empty: %+v", ax)
	}
}

func TestHasTimes(t *testing.T) {
	z, t0 := time.Time{}, at("2024-12-02 10:00")
	for _, tc := range []struct {
		in   []time.Time
		want bool
	}{{nil, false}, {[]time.Time{z, t0}, false}, {[]time.Time{t0, z, t0}, false}, {[]time.Time{t0, z, t0.Add(1)}, true}} {
		if got := HasTimes(tc.in); got != tc.want {
			t.Errorf("HasTimes(%v) = %v", tc.in, got)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		45 * time.Second: "+45 s", 12 * time.Minute: "+12 min", 2*time.Hour + 30*time.Minute: "+2 h 30 min",
		5 * time.Hour: "+5 h", 3*24*time.Hour + 4*time.Hour: "+3 d 4 h", 44 * 24 * time.Hour: "+6 w 2 d",
		-time.Hour: "+1 h",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestTimeZone(t *testing.T) {
	// Days are those of the first time's zone: 23:30 UTC is already the
	// next day at +02:00.
	oslo := time.FixedZone("", 2*3600)
	ts := []time.Time{time.Date(2024, 12, 2, 20, 0, 0, 0, oslo), time.Date(2024, 12, 2, 23, 30, 0, 0, time.UTC)}
	ax := Layout(ts, Options{MinSpacing: 10, PerHour: 10, MaxGap: 24 * time.Hour})
	found := false
	for _, tk := range ax.Ticks {
		if tk.Kind == Day {
			found = true
			if tk.Label != "Tue 3 Dec" || !near(tk.X, 40) {
				t.Errorf("day tick %+v, want Tue 3 Dec at 40", tk)
			}
		}
	}
	if !found {
		t.Errorf("no day tick in %+v", ax.Ticks)
	}
}

// TestInvariants lays out random journeys: x never decreases, consecutive
// touchpoints keep the minimum spacing, ticks are sorted and apart, breaks
// lie between their touchpoints, and the result is deterministic.
func TestInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for run := 0; run < 200; run++ {
		n := rng.IntN(300)
		ts := make([]time.Time, n)
		cur := at("2024-03-30 08:00") // across a year's DST weekend elsewhere; UTC here
		for i := range ts {
			switch rng.IntN(10) {
			case 0:
				continue // missing
			case 1:
				cur = cur.Add(time.Duration(rng.IntN(30*24)) * time.Hour)
			case 2:
				cur = cur.Add(-time.Duration(rng.IntN(5)) * time.Hour)
			default:
				cur = cur.Add(time.Duration(rng.IntN(120)) * time.Minute)
			}
			ts[i] = cur
		}
		opt := Options{Start: 10, MinSpacing: float64(rng.IntN(120))}
		ax := Layout(ts, opt)
		for i := 1; i < n; i++ {
			if ax.X[i]-ax.X[i-1] < opt.MinSpacing-1e-9 {
				t.Fatalf("run %d: x[%d]-x[%d] = %v < %v", run, i, i-1, ax.X[i]-ax.X[i-1], opt.MinSpacing)
			}
			if ax.Times[i].Before(ax.Times[i-1]) {
				t.Fatalf("run %d: time goes back at %d", run, i)
			}
		}
		for k, tk := range ax.Ticks {
			if k > 0 && tk.X-ax.Ticks[k-1].X < opt.MinSpacing-1e-9 {
				t.Fatalf("run %d: ticks %+v and %+v too close", run, ax.Ticks[k-1], tk)
			}
			if tk.X < ax.X[0]-1e-9 || tk.X > ax.End+1e-9 {
				t.Fatalf("run %d: tick %+v outside the axis", run, tk)
			}
		}
		for _, b := range ax.Breaks {
			inside := b.X > ax.X[b.After] && b.X < ax.X[b.After+1]
			if opt.MinSpacing == 0 { // breaks have no width
				inside = b.X == ax.X[b.After]
			}
			if !inside || b.Duration <= ax.MaxGap {
				t.Fatalf("run %d: break %+v", run, b)
			}
		}
		if again := Layout(ts, opt); !reflect.DeepEqual(again, ax) {
			t.Fatalf("run %d: not deterministic", run)
		}
	}
}
