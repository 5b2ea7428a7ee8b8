package validate

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/cjml"
)

var update = flag.Bool("update", false, "rewrite the expected outputs (*.golden) in testdata")

// corpus returns the documents of a testdata directory.
func corpus(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	for _, ext := range []string{"xml", "yaml", "json"} {
		fs, err := filepath.Glob(filepath.Join("testdata", dir, "*."+ext))
		require.NoError(t, err)
		files = append(files, fs...)
	}
	require.NotEmpty(t, files)
	return files
}

// optionsFor reads options from the file name: NAME.strict.xml is
// validated with --strict.
func optionsFor(file string) Options {
	return Options{Strict: strings.Contains(filepath.Base(file), ".strict.")}
}

func text(ds cjml.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(filepath.ToSlash(d.String()))
		b.WriteByte('\n')
	}
	return b.String()
}

// checkGolden compares the text output for file with file.golden.
func checkGolden(t *testing.T, file string, ds cjml.Diagnostics) {
	t.Helper()
	golden := file + ".golden"
	got := text(ds)
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./validate -update to create %s", golden)
	assert.Equal(t, string(want), got, "%s (run go test ./validate -update after checking the change)", file)
}

// TestInvalidCorpus validates each broken document and compares the
// findings, with their positions and codes, with the expected output.
func TestInvalidCorpus(t *testing.T) {
	files := corpus(t, "invalid")
	assert.GreaterOrEqual(t, len(files), 40)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			ds := File(f, optionsFor(f))
			assert.NotEmpty(t, ds, "a broken document gets findings")
			checkGolden(t, f, ds)
			checkPositions(t, f, ds)
		})
	}
}

// TestValidCorpus validates documents written the way each known producer
// writes them (CJMLExcel, the UIOMaster editor, the cjml.no sample): no
// errors, and only the findings recorded in the expected output.
func TestValidCorpus(t *testing.T) {
	for _, f := range corpus(t, "valid") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			ds := File(f, Options{})
			assert.False(t, ds.HasErrors(), "%s", ds)
			checkGolden(t, f, ds)
			checkPositions(t, f, ds)
		})
	}
}

// TestExamples: every example of the repository validates without errors.
func TestExamples(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.xml")
	yamls, _ := filepath.Glob("../examples/*.yaml")
	files = append(files, yamls...)
	require.NotEmpty(t, files)
	for _, f := range files {
		ds := File(f, Options{})
		assert.False(t, ds.HasErrors(), "%s:\n%s", f, ds)
		for _, d := range ds {
			if d.Severity == cjml.Warning {
				// The cjml.no sample's dangling reference is the one
				// deserved warning among the examples.
				assert.Equal(t, CodeActorByName, d.Code, "%s", d)
			}
		}
	}
}

// checkPositions checks that every finding names the file and points
// inside it.
func checkPositions(t *testing.T, file string, ds cjml.Diagnostics) {
	t.Helper()
	src, err := os.ReadFile(file)
	require.NoError(t, err)
	lines := strings.Count(string(src), "\n") + 1
	for _, d := range ds {
		assert.Equal(t, file, d.Pos.File, "%s", d)
		assert.LessOrEqual(t, d.Pos.Line, lines, "%s", d)
		assert.LessOrEqual(t, d.Pos.Offset, len(src), "%s", d)
	}
}
