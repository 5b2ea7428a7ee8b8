package render

import (
	"cjml.dev/cjml"
	"cjml.dev/render/glyph"
	"cjml.dev/render/scene"
)

// glyph is a line icon in a 24×24 design box.
type glyphIcon struct {
	paths []string
}

func from(i glyph.Icon) glyphIcon { return glyphIcon{paths: i.Paths} }

func channelGlyph(f cjml.ChannelFamily) glyphIcon { return from(glyph.Channel(f)) }
func unknownGlyph() glyphIcon                     { return from(glyph.Unknown()) }
func endUserGlyph() glyphIcon                     { return from(glyph.EndUser()) }
func providerGlyph() glyphIcon                    { return from(glyph.Provider()) }
func faceGlyph(rating int) glyphIcon              { return from(glyph.Face(rating)) }
func threatGlyph() glyphIcon                      { return from(glyph.Threat()) }
func incidentGlyph() glyphIcon                    { return from(glyph.Incident()) }
func actionGlyph() glyphIcon                      { return from(glyph.Action()) }

// irregularGlyph is the out-of-order badge: an arrow curving back.
func irregularGlyph() glyphIcon {
	return glyphIcon{paths: []string{"M19 12a7 7 0 1 1-2.05-4.95", "M19 4v4h-4"}}
}

// icon places g with its top-left corner at x, y.
func icon(g glyphIcon, x, y, size float64, colour, role string) scene.Item {
	return scene.Item{Kind: scene.KindIcon, Role: role,
		Icon: &scene.Icon{Paths: g.paths, X: x, Y: y, Size: size, Color: colour}}
}
