package glyph_test

import (
	"fmt"

	"cjml.dev/cjml"
	"cjml.dev/render/glyph"
)

func Example() {
	// The icon of a channel as written in a CJML file.
	icon := glyph.Channel(cjml.Channel("Internet Via Smartphone").Family())
	fmt.Println(icon.Name, len(icon.Paths), "paths")
	// Placed at (100, 40), 16 px wide, in the swimlane teal.
	fmt.Println(glyph.Failing().SVG(100, 40, 16, "#31859c"))
	// Output:
	// web 4 paths
	// <g class="glyph-failing" transform="translate(100 40) scale(0.667)" fill="none" stroke="#31859c" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M5 5l14 14M19 5L5 19"/></g>
}

func ExampleFace() {
	for r := 1; r <= 5; r++ {
		fmt.Print(glyph.Face(r).Name, " ")
	}
	fmt.Println()
	// Output:
	// face-1 face-2 face-3 face-4 face-5
}
