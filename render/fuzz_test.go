package render

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"cjml.dev/cjml"
	"cjml.dev/render/scene"
)

// FuzzRender renders whatever the reader accepts in every view: rendering
// never panics, the SVG is well-formed XML, and no two text boxes overlap.
func FuzzRender(f *testing.F) {
	m, _ := filepath.Glob(filepath.Join("..", "examples", "*.xml"))
	for _, p := range m {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<CJML version="2.0"><actualJourney><journeyID>A</journeyID><touchpoints><actualAction><touchpointID>x</touchpointID><initiator><refersTo actorIDref="?"/><initiatorLabel>&lt;script&gt;</initiatorLabel></initiator></actualAction></touchpoints></actualJourney></CJML>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, _ := cjml.Parse("fuzz.xml", b)
		if doc == nil || len(doc.Journeys) == 0 || len(b) > 64<<10 {
			return
		}
		for _, j := range doc.Journeys {
			for _, v := range []View{Swimlane, JourneyView, DeviationView} {
				opt := Options{View: v, Journey: j.ID, Time: len(b)%2 == 0}
				sc, err := Layout(doc, opt)
				if err != nil {
					continue
				}
				if ov := scene.TextOverlaps(sc.Texts()); len(ov) > 0 {
					a, c := sc.Texts()[ov[0].A], sc.Texts()[ov[0].B]
					t.Fatalf("%s %s: %q %+v overlaps %q %+v", j.ID, v, a.Lines, a.Box, c.Lines, c.Box)
				}
				for _, tx := range sc.Texts() {
					if !sc.Canvas().Contains(tx.Box) {
						t.Fatalf("%s %s: %q at %+v outside the canvas", j.ID, v, tx.Lines, tx.Box)
					}
				}
				var out bytes.Buffer
				if err := Render(&out, doc, opt); err != nil {
					t.Fatal(err)
				}
				wellFormed(t, j.ID+" "+v.String(), out.Bytes())
			}
			break
		}
	})
}
