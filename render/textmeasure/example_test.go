package textmeasure_test

import (
	"fmt"

	"cjml.dev/render/textmeasure"
)

func Example() {
	f := textmeasure.Default()
	fmt.Printf("width %.2f px\n", f.Width("Order confirmation", 12))
	fmt.Printf("line height %.2f px\n", f.LineHeight(12))
	for _, line := range f.Wrap("Customer orders broadband on the provider's web site", 12, 110) {
		fmt.Printf("%q %.1f\n", line, f.Width(line, 12))
	}
	fmt.Println(f.Truncate("Telenor Norge AS, kundeservice privat", 12, 120))
	// Output:
	// width 100.01 px
	// line height 13.87 px
	// "Customer orders" 89.4
	// "broadband on the" 94.1
	// "provider's web site" 99.6
	// Telenor Norge AS,…
}

func ExampleFace_Wrap() {
	// CJK text breaks between any two characters, 1 em each.
	for _, line := range textmeasure.Default().Wrap("顧客はウェブで注文する", 10, 40) {
		fmt.Println(line)
	}
	// Output:
	// 顧客はウ
	// ェブで注
	// 文する
}

func ExampleFace_Family() {
	f := textmeasure.Bold()
	fmt.Printf("font-family=%q font-weight=%q\n", f.Family(), f.Weight())
	// Output:
	// font-family="Go, 'Liberation Sans', Arial, Helvetica, sans-serif" font-weight="bold"
}
