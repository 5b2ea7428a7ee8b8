package scene

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRect(t *testing.T) {
	a := Rect{0, 0, 10, 10}
	for _, c := range []struct {
		b       Rect
		overlap bool
	}{
		{Rect{5, 5, 10, 10}, true},
		{Rect{10, 0, 5, 5}, false}, // touching edges do not overlap
		{Rect{0, 10, 5, 5}, false},
		{Rect{-5, -5, 5.5, 5.5}, true},
		{Rect{2, 2, 1, 1}, true},
		{Rect{11, 11, 1, 1}, false},
	} {
		assert.Equal(t, c.overlap, a.Overlaps(c.b), "%+v", c.b)
		assert.Equal(t, c.overlap, c.b.Overlaps(a), "symmetric %+v", c.b)
	}
	assert.True(t, a.Contains(Rect{0, 0, 10, 10}))
	assert.True(t, a.Contains(Rect{1, 1, 2, 2}))
	assert.False(t, a.Contains(Rect{9, 9, 2, 2}))
	assert.Equal(t, Rect{0, 0, 20, 15}, a.Union(Rect{15, 5, 5, 10}))
	assert.Equal(t, Rect{3, 4, 1, 1}, Rect{}.Union(Rect{3, 4, 1, 1}))
	assert.Equal(t, Rect{1, 1, 8, 8}, a.Inset(1))
}

func TestTextOverlaps(t *testing.T) {
	texts := []*Text{
		{Box: Rect{0, 0, 50, 10}},
		{Box: Rect{60, 0, 50, 10}},
		{Box: Rect{40, 5, 30, 10}}, // overlaps 0 and 1
		{Box: Rect{0, 20, 200, 10}},
		{Box: Rect{150, 25, 10, 10}}, // overlaps 3
	}
	assert.ElementsMatch(t, []Overlap{{0, 2}, {1, 2}, {3, 4}}, TextOverlaps(texts))
	assert.Empty(t, TextOverlaps(texts[:2]))
	assert.Empty(t, TextOverlaps(nil))
}

func TestBounds(t *testing.T) {
	assert.Equal(t, Rect{5, 5, 10, 10}, (&Item{Kind: KindCircle, CX: 10, CY: 10, R: 5}).Bounds())
	assert.Equal(t, Rect{1, 2, 3, 4}, (&Item{Kind: KindLine, X1: 4, Y1: 6, X2: 1, Y2: 2}).Bounds())
	assert.Equal(t, Rect{1, 2, 24, 24}, (&Item{Kind: KindIcon, Icon: &Icon{X: 1, Y: 2, Size: 24}}).Bounds())
	s := &Scene{W: 10, H: 20}
	s.Add(Item{Kind: KindText, Text: &Text{Lines: []string{"a"}}}, Item{Kind: KindRect})
	assert.Len(t, s.Texts(), 1)
	assert.Equal(t, Rect{0, 0, 10, 20}, s.Canvas())
}
