package timescale_test

import (
	"fmt"
	"time"

	"cjml.dev/render/timescale"
)

func Example() {
	t := func(s string) time.Time { v, _ := time.Parse("2006-01-02 15:04", s); return v }
	times := []time.Time{
		t("2024-12-02 09:00"), t("2024-12-02 09:20"), {}, t("2024-12-02 11:00"), // one time missing
		t("2024-12-09 10:00"), t("2025-01-13 09:00"),
	}
	ax := timescale.Layout(times, timescale.Options{Start: 40, MinSpacing: 100})
	fmt.Printf("x: %.0f\n", ax.X)
	fmt.Println("estimated:", ax.Estimated)
	for _, b := range ax.Breaks {
		fmt.Printf("break at %.0f: %s\n", b.X, b.Label)
	}
	for _, tk := range ax.Ticks {
		fmt.Printf("tick at %.0f: %s\n", tk.X, tk.Label)
	}
	// Output:
	// x: [40 140 240 340 490 640]
	// estimated: [false false true false false false]
	// break at 415: +6 d 23 h
	// break at 565: +4 w 6 d
	// tick at 40: Mon 2 Dec 2024
	// tick at 220: 10:00
	// tick at 415: Mon 9 Dec
	// tick at 565: Mon 13 Jan 2025
}
