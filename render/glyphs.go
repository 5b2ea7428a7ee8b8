package render

import (
	"sync"

	"cjml.dev/cjml"
	"cjml.dev/render/glyph"
	"cjml.dev/render/scene"
)

// glyphIcon is a line icon in a 24×24 design box. The icons are made once
// and shared, so that the SVG writer can define each one once and refer to
// it (it recognises an icon by its path slice).
type glyphIcon struct {
	paths []string
}

var glyphs struct {
	once                                      sync.Once
	channel                                   map[cjml.ChannelFamily]glyphIcon
	unknown, user, provider, threat, incident glyphIcon
	action, irregular                         glyphIcon
	faces                                     [5]glyphIcon
}

func loadGlyphs() {
	glyphs.once.Do(func() {
		glyphs.channel = map[cjml.ChannelFamily]glyphIcon{}
		for _, f := range glyph.Families() {
			glyphs.channel[f] = glyphIcon{glyph.Channel(f).Paths}
		}
		glyphs.unknown = glyphIcon{glyph.Unknown().Paths}
		glyphs.user = glyphIcon{glyph.EndUser().Paths}
		glyphs.provider = glyphIcon{glyph.Provider().Paths}
		glyphs.threat = glyphIcon{glyph.Threat().Paths}
		glyphs.incident = glyphIcon{glyph.Incident().Paths}
		glyphs.action = glyphIcon{glyph.Action().Paths}
		// The out-of-order badge: an arrow curving back.
		glyphs.irregular = glyphIcon{[]string{"M19 12a7 7 0 1 1-2.05-4.95", "M19 4v4h-4"}}
		for r := 1; r <= 5; r++ {
			glyphs.faces[r-1] = glyphIcon{glyph.Face(r).Paths}
		}
	})
}

func channelGlyph(f cjml.ChannelFamily) glyphIcon {
	loadGlyphs()
	if g, ok := glyphs.channel[f]; ok {
		return g
	}
	return glyphs.unknown
}

func unknownGlyph() glyphIcon   { loadGlyphs(); return glyphs.unknown }
func endUserGlyph() glyphIcon   { loadGlyphs(); return glyphs.user }
func providerGlyph() glyphIcon  { loadGlyphs(); return glyphs.provider }
func threatGlyph() glyphIcon    { loadGlyphs(); return glyphs.threat }
func incidentGlyph() glyphIcon  { loadGlyphs(); return glyphs.incident }
func actionGlyph() glyphIcon    { loadGlyphs(); return glyphs.action }
func irregularGlyph() glyphIcon { loadGlyphs(); return glyphs.irregular }

// faceGlyph returns the face of a rating from 1 to 5 (clamped).
func faceGlyph(rating int) glyphIcon {
	loadGlyphs()
	return glyphs.faces[min(max(rating, 1), 5)-1]
}

// icon places g with its top-left corner at x, y.
func icon(g glyphIcon, x, y, size float64, colour, role string) scene.Item {
	return scene.Item{Kind: scene.KindIcon, Role: role,
		Icon: &scene.Icon{Paths: g.paths, X: x, Y: y, Size: size, Color: colour}}
}

// icon is [icon] with the Icon cut from a slab of ts, for the many icons
// of large diagrams.
func (ts *typeset) icon(g glyphIcon, x, y, size float64, colour, role string) scene.Item {
	if len(ts.icons) == 0 {
		ts.icons = make([]scene.Icon, 128)
	}
	ic := &ts.icons[0]
	ts.icons = ts.icons[1:]
	*ic = scene.Icon{Paths: g.paths, X: x, Y: y, Size: size, Color: colour}
	return scene.Item{Kind: scene.KindIcon, Role: role, Icon: ic}
}
