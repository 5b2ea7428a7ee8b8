// Package scene is the positioned, renderer-independent form of a diagram:
// boxes, circles, lines, paths, icons and measured text at absolute
// coordinates. The layout in package render builds a Scene; package
// render/svg writes it. Keeping the two apart lets tests check the layout
// with numbers (no two text boxes overlap, everything inside the canvas)
// without parsing SVG.
package scene

import "math"

// A Rect is an axis-aligned rectangle: top-left corner and size.
type Rect struct {
	X, Y, W, H float64
}

// Max returns the bottom-right corner.
func (r Rect) Max() (x, y float64) { return r.X + r.W, r.Y + r.H }

// Overlaps reports whether r and o share an area larger than a point (rects
// that only touch do not overlap).
func (r Rect) Overlaps(o Rect) bool {
	const eps = 1e-6
	return r.X < o.X+o.W-eps && o.X < r.X+r.W-eps && r.Y < o.Y+o.H-eps && o.Y < r.Y+r.H-eps
}

// Contains reports whether o lies inside r (edges included).
func (r Rect) Contains(o Rect) bool {
	const eps = 1e-6
	return o.X >= r.X-eps && o.Y >= r.Y-eps && o.X+o.W <= r.X+r.W+eps && o.Y+o.H <= r.Y+r.H+eps
}

// Union returns the smallest rect holding r and o; an empty r yields o.
func (r Rect) Union(o Rect) Rect {
	if r.W == 0 && r.H == 0 {
		return o
	}
	x0, y0 := math.Min(r.X, o.X), math.Min(r.Y, o.Y)
	x1, y1 := math.Max(r.X+r.W, o.X+o.W), math.Max(r.Y+r.H, o.Y+o.H)
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// Inset returns r shrunk by d on every side.
func (r Rect) Inset(d float64) Rect { return Rect{r.X + d, r.Y + d, r.W - 2*d, r.H - 2*d} }

// A Style says how a shape is painted. Colours are CSS colour strings from
// the palette; an empty Fill means no fill, an empty Stroke no outline.
type Style struct {
	Fill        string
	Stroke      string
	StrokeWidth float64
	// Dash is an SVG stroke-dasharray ("4 3"); empty for solid lines.
	Dash string
	// Opacity of the whole shape; 0 means opaque.
	Opacity float64
	// Arrow puts an arrowhead at the end of a line or path.
	Arrow bool
}

// Kind is the kind of an Item.
type Kind int

// Item kinds.
const (
	KindRect Kind = iota + 1
	KindCircle
	KindLine
	KindPath
	KindText
	KindIcon
)

// Anchor is the horizontal alignment of text.
type Anchor int

// Text anchors.
const (
	Start Anchor = iota
	Middle
	End
)

// Text is one block of text, already wrapped into lines. X is the anchor
// position, Y the baseline of the first line; Box is the measured extent of
// all lines (ink-independent: advance widths and font ascent/descent).
type Text struct {
	Lines      []string
	X, Y       float64
	Size       float64
	LineHeight float64
	Bold       bool
	Italic     bool
	Anchor     Anchor
	Fill       string
	Box        Rect
}

// An Icon is a line glyph drawn in a 24×24 design box, placed with its
// top-left corner at X, Y and scaled to Size.
type Icon struct {
	Paths  []string
	Filled bool
	X, Y   float64
	Size   float64
	Color  string
	// Fill paints closed glyph shapes when Filled is false (for example the
	// inside of a warning triangle); empty leaves them open.
	Fill string
}

// Box returns the icon's extent.
func (ic *Icon) Box() Rect { return Rect{ic.X, ic.Y, ic.Size, ic.Size} }

// An Item is one painted element. Which fields matter depends on Kind:
//   - KindRect: Rect, R (corner radius)
//   - KindCircle: CX, CY, R
//   - KindLine: X1, Y1, X2, Y2
//   - KindPath: D (SVG path data in canvas coordinates)
//   - KindText: Text
//   - KindIcon: Icon
type Item struct {
	Kind           Kind
	Rect           Rect
	CX, CY, R      float64
	X1, Y1, X2, Y2 float64
	D              string
	Style          Style
	Text           *Text
	Icon           *Icon
	// Role names what the item stands for ("lane", "touchpoint",
	// "label", "arrow"); tests and the SVG class attribute use it.
	Role string
	// Tip is a tooltip (SVG <title>) for the item: full text of a
	// truncated label, a security marker's description.
	Tip string
}

// A Scene is a whole diagram: a canvas and its items in paint order.
type Scene struct {
	W, H float64
	// Title and Desc become the SVG <title> and <desc>.
	Title, Desc string
	// FontFamily is the CSS font-family the text was measured with.
	FontFamily string
	// Background paints the canvas; empty leaves it transparent.
	Background string
	Items      []Item
}

// Canvas returns the canvas rectangle.
func (s *Scene) Canvas() Rect { return Rect{0, 0, s.W, s.H} }

// Add appends items.
func (s *Scene) Add(items ...Item) { s.Items = append(s.Items, items...) }

// Texts returns the scene's text items in paint order.
func (s *Scene) Texts() []*Text {
	var out []*Text
	for i := range s.Items {
		if s.Items[i].Kind == KindText && s.Items[i].Text != nil {
			out = append(out, s.Items[i].Text)
		}
	}
	return out
}

// Bounds returns the extent of an item's geometry (strokes excluded).
func (it *Item) Bounds() Rect {
	switch it.Kind {
	case KindRect:
		return it.Rect
	case KindCircle:
		return Rect{it.CX - it.R, it.CY - it.R, 2 * it.R, 2 * it.R}
	case KindLine:
		x0, y0 := math.Min(it.X1, it.X2), math.Min(it.Y1, it.Y2)
		return Rect{x0, y0, math.Abs(it.X2 - it.X1), math.Abs(it.Y2 - it.Y1)}
	case KindText:
		if it.Text != nil {
			return it.Text.Box
		}
	case KindIcon:
		if it.Icon != nil {
			return it.Icon.Box()
		}
	}
	return Rect{}
}

// Overlap is a pair of overlapping text boxes, by index in Texts.
type Overlap struct{ A, B int }

// TextOverlaps returns every pair of text boxes that overlap, in a sweep
// over x so that large scenes stay fast.
func TextOverlaps(texts []*Text) []Overlap {
	idx := make([]int, len(texts))
	for i := range idx {
		idx[i] = i
	}
	sortByX(idx, texts)
	var out []Overlap
	for a := 0; a < len(idx); a++ {
		ta := texts[idx[a]]
		right := ta.Box.X + ta.Box.W
		for b := a + 1; b < len(idx); b++ {
			tb := texts[idx[b]]
			if tb.Box.X >= right {
				break
			}
			if ta.Box.Overlaps(tb.Box) {
				i, j := idx[a], idx[b]
				if i > j {
					i, j = j, i
				}
				out = append(out, Overlap{i, j})
			}
		}
	}
	return out
}
