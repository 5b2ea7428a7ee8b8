package render

import (
	"cjml.dev/cjml"
	"cjml.dev/render/scene"
)

// timeAxis places touchpoints by their timestamps.
type timeAxis struct{}

func newTimeAxis(tps []*cjml.Touchpoint, minGap float64) *timeAxis { return nil }

func (a *timeAxis) x(i int) float64 { return 0 }

func (a *timeAxis) draw(ts *typeset, pal *Palette, colX []float64, x0, y, labelX float64) ([]scene.Item, float64) {
	return nil, y
}

func timeNote(a *timeAxis) []string { return nil }
