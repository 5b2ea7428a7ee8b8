package svg

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/render/scene"
)

func TestAttr(t *testing.T) {
	for in, want := range map[string]string{
		``:                      ``,
		`plain`:                 `plain`,
		`<script>`:              `&lt;script&gt;`,
		`say "hi" & 'bye'`:      `say &quot;hi&quot; &amp; &apos;bye&apos;`,
		"a\nb\tc\rd":            `a&#xA;b&#x9;c&#xD;d`,
		"bell\x07":              "bell\uFFFD",
		`æøå 日本`:                `æøå 日本`,
		`"/><script>x</script>`: `&quot;/&gt;&lt;script&gt;x&lt;/script&gt;`,
	} {
		assert.Equal(t, want, Attr(in), "Attr(%q)", in)
	}
}

func TestNum(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 1.5: "1.5", 2.004: "2", -0.001: "0", 12.345: "12.35", 100: "100"} {
		assert.Equal(t, want, num(in), "num(%v)", in)
	}
}

// hostile is a scene whose every string is an injection attempt.
func hostile() *scene.Scene {
	evil := `"><script>alert(1)</script><x a="`
	s := &scene.Scene{W: 200, H: 100, Title: evil, Desc: evil, FontFamily: evil, Background: evil}
	s.Add(
		scene.Item{Kind: scene.KindRect, Rect: scene.Rect{X: 1, Y: 2, W: 3, H: 4}, R: 2, Style: scene.Style{Fill: evil, Stroke: evil, Dash: evil}, Role: evil, Tip: evil},
		scene.Item{Kind: scene.KindCircle, CX: 5, CY: 5, R: 3, Style: scene.Style{Stroke: evil, Arrow: true}},
		scene.Item{Kind: scene.KindLine, X1: 1, Y1: 1, X2: 9, Y2: 9, Style: scene.Style{Stroke: "#000", Arrow: true}},
		scene.Item{Kind: scene.KindPath, D: evil, Style: scene.Style{Stroke: "#000"}},
		scene.Item{Kind: scene.KindText, Text: &scene.Text{Lines: []string{evil}, X: 1, Y: 10, Size: 10, Fill: evil}, Tip: evil},
		scene.Item{Kind: scene.KindText, Text: &scene.Text{Lines: []string{evil, "<b>two</b>", ""}, X: 1, Y: 20, Size: 10, LineHeight: 12, Anchor: scene.Middle, Bold: true}},
		scene.Item{Kind: scene.KindIcon, Icon: &scene.Icon{Paths: []string{evil}, X: 1, Y: 1, Size: 12, Color: evil}},
	)
	return s
}

func TestWriteEscapes(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Write(&b, hostile()))
	out := b.String()
	assert.NotContains(t, out, "<script>")
	assert.NotContains(t, out, "<x ")
	assert.NotContains(t, out, "<b>")
	// It parses, and the texts come back as written.
	d := xml.NewDecoder(strings.NewReader(out))
	var texts []string
	elems := map[string]int{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		switch v := tok.(type) {
		case xml.StartElement:
			elems[v.Name.Local]++
		case xml.CharData:
			if s := strings.TrimSpace(string(v)); s != "" {
				texts = append(texts, s)
			}
		}
	}
	assert.Contains(t, texts, `"><script>alert(1)</script><x a="`)
	assert.Contains(t, texts, `<b>two</b>`)
	assert.Zero(t, elems["script"])
	assert.Equal(t, 2, elems["text"])
	assert.Equal(t, 3, elems["tspan"])
	assert.Equal(t, 2, elems["marker"], "one arrowhead per colour")
}

func TestWriteDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	require.NoError(t, Write(&a, hostile()))
	require.NoError(t, Write(&b, hostile()))
	assert.Equal(t, a.String(), b.String())
}

func TestWriterNumMatchesNum(t *testing.T) {
	var b bytes.Buffer
	bw := bufio.NewWriter(&b)
	o := &writer{Writer: bw}
	for _, f := range []float64{0, -0.001, 0.005, 1.5, 1.25, -1.25, 12.345, 100, 1e14, -7.999, 0.1 + 0.2, 1e20} {
		b.Reset()
		o.num(f)
		bw.Flush()
		assert.Equal(t, num(f), b.String(), "num(%v)", f)
	}
}

func TestIconsDefinedOnce(t *testing.T) {
	paths := []string{"M1 1h22", "M12 1v22"}
	other := []string{"M1 1h22"}
	s := &scene.Scene{W: 100, H: 100}
	for i := 0; i < 5; i++ {
		s.Add(scene.Item{Kind: scene.KindIcon, Icon: &scene.Icon{Paths: paths, X: float64(i * 10), Size: 12, Color: "#000"}})
	}
	s.Add(scene.Item{Kind: scene.KindIcon, Icon: &scene.Icon{Paths: other, Size: 24, Color: "#f00"}})
	var b bytes.Buffer
	require.NoError(t, Write(&b, s))
	out := b.String()
	assert.Equal(t, 1, strings.Count(out, `d="M12 1v22"`), "shared paths written once")
	assert.Equal(t, 2, strings.Count(out, `<g id="i`))
	assert.Equal(t, 5, strings.Count(out, `xlink:href="#i1"`))
	assert.Equal(t, 1, strings.Count(out, `xlink:href="#i2"`))
	assert.Contains(t, out, `translate(40 0) scale(0.5000)`)
}

func TestSharedStylesBecomeClasses(t *testing.T) {
	box := scene.Style{Fill: "#e8f1f8", Stroke: "#1f6fb2", StrokeWidth: 1.5}
	evil := scene.Style{Fill: "red;} * {display:none", Stroke: "#000"}
	s := &scene.Scene{W: 100, H: 100}
	for i := 0; i < 3; i++ {
		s.Add(scene.Item{Kind: scene.KindRect, Rect: scene.Rect{X: float64(i), W: 5, H: 5}, Style: box, Role: "touchpoint"})
		s.Add(scene.Item{Kind: scene.KindRect, Rect: scene.Rect{X: float64(i), W: 5, H: 5}, Style: evil})
		s.Add(scene.Item{Kind: scene.KindLine, X2: 5, Style: scene.Style{Stroke: "#333", StrokeWidth: 1.4, Dash: "5 4", Arrow: true}})
		s.Add(scene.Item{Kind: scene.KindText, Text: &scene.Text{Lines: []string{"T1"}, Size: 9, Bold: true, Anchor: scene.Middle, Fill: "#595959"}})
	}
	s.Add(scene.Item{Kind: scene.KindCircle, R: 3, Style: scene.Style{Fill: "#fff"}, Role: "once"})
	var b bytes.Buffer
	require.NoError(t, Write(&b, s))
	out := b.String()
	assert.Contains(t, out, "<style>\n.s1{fill:#e8f1f8;stroke:#1f6fb2;stroke-width:1.5px}\n"+
		".s2{fill:none;stroke:#333;stroke-width:1.4px;stroke-dasharray:5px 4px;marker-end:url(#arrow1)}\n"+
		".s3{font-size:9px;text-anchor:middle;font-weight:bold;fill:#595959}\n</style>\n")
	assert.Equal(t, 3, strings.Count(out, `class="touchpoint s1"/>`))
	assert.Equal(t, 3, strings.Count(out, `<line x1="0" y1="0" x2="5" y2="0" class="s2"/>`))
	assert.Equal(t, 3, strings.Count(out, `<text x="0" y="0" class="s3">T1</text>`))
	// A value that could end a CSS rule stays an escaped attribute, and a
	// style used once stays on its element.
	assert.Equal(t, 3, strings.Count(out, `fill="red;} * {display:none" stroke="#000"`))
	assert.Contains(t, out, `<circle cx="0" cy="0" r="3" class="once" fill="#fff"/>`)
	assert.NotContains(t, out, "display:none}")
}
