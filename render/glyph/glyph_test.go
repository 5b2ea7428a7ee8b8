package glyph

import (
	"encoding/xml"
	"flag"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"cjml.dev/cjml"
)

var sheet = flag.String("sheet", "", "write a contact sheet of all icons to this SVG file")

func TestPathParser(t *testing.T) {
	good := []struct {
		d      string
		points int
		last   [2]float64
	}{
		{"M1 2L3 4", 2, [2]float64{3, 4}},
		{"M1,2 3,4", 2, [2]float64{3, 4}},
		{"m1 2 3 4", 2, [2]float64{4, 6}},
		{"M1 1h2v3H0V-1z", 5, [2]float64{0, -1}},
		{"M0 0c1 1 2 2 3 3s1 1 2 2", 6, [2]float64{5, 5}},
		{"M.5.5l-.5-.5", 2, [2]float64{0, 0}},
		{"M1e1 2E-1", 1, [2]float64{10, 0.2}},
		{"M2 12a10 10 0 1 1 20 0", 35, [2]float64{22, 12}},
		{"M2 12a10 10 0 1120 0", 35, [2]float64{22, 12}}, // flags without separators
	}
	for _, tc := range good {
		pts, err := pathPoints(tc.d)
		if err != nil {
			t.Errorf("%q: %v", tc.d, err)
			continue
		}
		if len(pts) != tc.points || pts[len(pts)-1] != tc.last {
			t.Errorf("%q: %d points ending %v, want %d ending %v", tc.d, len(pts), pts[len(pts)-1], tc.points, tc.last)
		}
	}
	// A half circle from (2,12) to (22,12) sweeping clockwise passes (12,2).
	pts, _ := pathPoints("M2 12A10 10 0 0 1 22 12")
	if p := pts[17]; math.Abs(p[0]-12) > 1e-9 || math.Abs(p[1]-2) > 1e-9 {
		t.Errorf("arc midpoint %v, want (12,2)", p)
	}
	for _, d := range []string{"", "L1 2", "M1", "M1 2 L", "M1 2x3 4", "M1 2a1 1 0 2 0 3 3", "M1 2a-1 1 0 0 0 3 3", "M1 2z3 4", "M--1 2"} {
		if _, err := pathPoints(d); err == nil {
			t.Errorf("%q: no error", d)
		}
	}
}

func TestIcons(t *testing.T) {
	names := map[string]bool{}
	drawings := map[string]string{}
	for _, icon := range All() {
		if icon.Name == "" || names[icon.Name] {
			t.Errorf("icon name %q empty or repeated", icon.Name)
		}
		names[icon.Name] = true
		if len(icon.Paths) == 0 {
			t.Errorf("%s: no paths", icon.Name)
		}
		d := strings.Join(icon.Paths, "|")
		if other, ok := drawings[d]; ok {
			t.Errorf("%s draws the same as %s", icon.Name, other)
		}
		drawings[d] = icon.Name
		for _, p := range icon.Paths {
			pts, err := pathPoints(p)
			if err != nil {
				t.Errorf("%s: %q: %v", icon.Name, p, err)
				continue
			}
			for _, pt := range pts {
				if pt[0] < Margin-1e-9 || pt[0] > Size-Margin+1e-9 || pt[1] < Margin-1e-9 || pt[1] > Size-Margin+1e-9 {
					t.Errorf("%s: %q reaches (%.2f, %.2f), outside [%d, %d]", icon.Name, p, pt[0], pt[1], Margin, Size-Margin)
					break
				}
			}
		}
	}
	if n := len(Families()) + 14; len(All()) != n {
		t.Errorf("All has %d icons, want %d", len(All()), n)
	}
}

func TestChannel(t *testing.T) {
	tests := []struct {
		channel cjml.Channel
		want    string
	}{
		{"email", "email"}, {"Internet Via Smartphone", "web"}, {"appOnSmartphone", "app"},
		{"sms", "sms"}, {"Telephone", "phone"}, {"faceToFace", "faceToFace"}, {"letter", "letter"},
		{"Parcel", "parcel"}, {"Payment Channel", "payment"}, {"selfServiceMachine", "selfService"},
		{"ShopCounter", "serviceDesk"}, {"chat", "chat"}, {"Social Media Message", "socialMedia"},
		{"digitalMailbox", "message"}, {"invoice", "invoice"}, {"Fax", "fax"}, {"shop", "shop"},
		{"technician", "technician"},
		{"unknownChannel", "unknown"}, {"carrier pigeon", "unknown"}, {"", "unknown"},
	}
	for _, tc := range tests {
		if got := Channel(tc.channel.Family()).Name; got != tc.want {
			t.Errorf("Channel(%q) = %s, want %s", tc.channel, got, tc.want)
		}
	}
	// Every family of the cjml package but none and unknown has its own icon.
	for _, f := range Families() {
		if Channel(f).Name == "unknown" {
			t.Errorf("family %q has no icon", f)
		}
	}
	// Callers cannot change the package's icons.
	Channel(cjml.FamilyEmail).Paths[0] = "M0 0"
	Unknown().Paths[0] = "M0 0"
	if Channel(cjml.FamilyEmail).Paths[0] == "M0 0" || Unknown().Paths[0] == "M0 0" {
		t.Error("icon paths are shared with callers")
	}
}

func TestFace(t *testing.T) {
	for r, want := range map[int]string{-3: "face-1", 0: "face-1", 1: "face-1", 3: "face-3", 5: "face-5", 9: "face-5"} {
		if got := Face(r).Name; got != want {
			t.Errorf("Face(%d) = %s, want %s", r, got, want)
		}
	}
}

func TestSVG(t *testing.T) {
	got := Failing().SVG(10, 20.5, 12, `red" onload="x`)
	want := `<g class="glyph-failing" transform="translate(10 20.5) scale(0.5)" fill="none" stroke="red&quot; onload=&quot;x" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M5 5l14 14M19 5L5 19"/></g>`
	if got != want {
		t.Errorf("SVG =\n%s\nwant\n%s", got, want)
	}
	for _, icon := range All() {
		if err := xml.Unmarshal([]byte(icon.SVG(0, 0, 1/3.0, "#000")), new(struct{})); err != nil {
			t.Errorf("%s: %v", icon.Name, err)
		}
	}
}

// TestContactSheet writes every icon at 64, 24 and 16 px to the file named
// by -sheet, for looking at:
//
//	go test ./render/glyph -run ContactSheet -sheet /tmp/glyphs.svg
func TestContactSheet(t *testing.T) {
	if *sheet == "" {
		t.Skip("no -sheet file")
	}
	all := All()
	const cols, cw, ch = 6, 150, 130
	rows := (len(all) + cols - 1) / cols
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">`, cols*cw, rows*ch, cols*cw, rows*ch)
	b.WriteString(`<rect width="100%" height="100%" fill="#fff"/>`)
	for k, icon := range all {
		x, y := float64(k%cols*cw), float64(k/cols*ch)
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="64" height="64" fill="none" stroke="#ddd" stroke-width="0.5"/>`, x+10, y+10)
		b.WriteString(icon.SVG(x+10, y+10, 64, "#31859c"))
		fmt.Fprintf(&b, `<circle cx="%g" cy="%g" r="18" fill="#fff" stroke="#e46c0a" stroke-width="3"/>`, x+105, y+30)
		b.WriteString(icon.SVG(x+93, y+18, 24, "#333"))
		b.WriteString(icon.SVG(x+97, y+60, 16, "#333"))
		fmt.Fprintf(&b, `<text x="%g" y="%g" font-family="sans-serif" font-size="13">%s</text>`, x+10, y+100, icon.Name)
	}
	b.WriteString(`</svg>`)
	if err := os.WriteFile(*sheet, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
