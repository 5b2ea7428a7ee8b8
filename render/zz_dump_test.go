package render

import (
	"os"
	"testing"

	"cjml.dev/cjml"
	"cjml.dev/internal/gen"
)

func TestZZDump(t *testing.T) {
	dir := os.Getenv("DUMP")
	if dir == "" {
		t.Skip()
	}
	write := func(name string, doc *cjml.Document, opt Options) {
		f, _ := os.Create(dir + "/" + name + ".svg")
		defer f.Close()
		if err := Render(f, doc, opt); err != nil {
			t.Fatal(err)
		}
	}
	write("hard-swimlane", hardJourney(cjml.Actual), Options{})
	write("hard-journey", hardJourney(cjml.Actual), Options{View: JourneyView})
	write("hard-swimlane-time", hardJourney(cjml.Actual), Options{Time: true})
	write("long300-swimlane", gen.Long(300, 12, 3), Options{})
	write("long60-journey", gen.Long(60, 5, 3), Options{View: JourneyView, Palette: V11})
}
