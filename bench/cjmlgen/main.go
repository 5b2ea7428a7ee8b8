// Command cjmlgen writes generated CJML documents for the benchmarks.
//
//	go run ./bench/cjmlgen -actual 3000 -o big.xml
package main

import (
	"flag"
	"fmt"
	"os"

	"cjml.dev/cjml"
	"cjml.dev/internal/gen"
)

func main() {
	actual := flag.Int("actual", 1000, "number of actual journeys")
	steps := flag.Int("steps", 20, "touchpoints in the planned journey")
	long := flag.Int("long", 0, "instead: one journey with this many touchpoints")
	actors := flag.Int("actors", 6, "actors of the -long journey")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("o", "-", "output file (.xml, .yaml or .json)")
	flag.Parse()
	var doc *cjml.Document
	if *long > 0 {
		doc = gen.Long(*long, *actors, *seed)
	} else {
		o := gen.Default(*actual)
		o.Steps, o.Seed = *steps, *seed
		doc = gen.Document(o)
	}
	var err error
	if *out == "-" {
		err = doc.WriteXML(os.Stdout)
	} else {
		err = cjml.WriteFile(*out, doc, cjml.FormatAuto)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "cjmlgen:", err)
		os.Exit(1)
	}
}
