package render

import (
	"cjml.dev/cjml"
	"cjml.dev/compare"
)

// defaultAlign is the aligner the deviation view of Render uses when
// Options.Align is nil: compare.Align with its default options.
func defaultAlign(planned, actual *cjml.Journey) *compare.Result {
	return compare.Align(planned, actual, compare.Options{})
}
