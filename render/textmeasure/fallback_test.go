package textmeasure

import (
	"os"
	"testing"
)

// TestFallbackSlack checks NamedFallbackSlack and FallbackSlack against the
// fallback fonts installed on this machine: a label set in them is at most
// that much wider than the Go font measured it.
func TestFallbackSlack(t *testing.T) {
	fonts := []struct {
		path  string
		face  *Face
		slack float64
	}{
		// Named in Family: metric-compatible with Arial and Helvetica.
		{"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", Default(), NamedFallbackSlack},
		{"/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf", Bold(), NamedFallbackSlack},
		// The usual generic sans-serif of Linux.
		{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", Default(), FallbackSlack},
		{"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", Bold(), FallbackSlack},
	}
	labels := []string{
		"Customer orders broadband subscription on the provider's web site",
		"Kunden bestiller bredbånd på nettsiden og får ordrebekreftelse på e-post",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ ÆØÅ",
		"abcdefghijklmnopqrstuvwxyz æøå 0123456789",
		"Order confirmation", "Technician visit", "Router delivered", "Invoice",
	}
	found := 0
	for _, fnt := range fonts {
		b, err := os.ReadFile(fnt.path)
		if err != nil {
			continue
		}
		found++
		m, err := parseFont(b)
		if err != nil {
			t.Fatalf("%s: %v", fnt.path, err)
		}
		for _, s := range labels {
			var u int64
			for _, r := range s {
				u += int64(m.advances[r])
			}
			ratio := float64(u) / float64(m.unitsPerEm) / fnt.face.Width(s, 1)
			t.Logf("%s / %s: %.3f %q", fnt.path, fnt.face.Name(), ratio, s)
			if ratio > 1+fnt.slack {
				t.Errorf("%s is %.3f × as wide as %s for %q", fnt.path, ratio, fnt.face.Name(), s)
			}
		}
	}
	if found == 0 {
		t.Skip("no fallback font installed")
	}
}
