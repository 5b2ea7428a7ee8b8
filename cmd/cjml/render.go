package main

import (
	"errors"
	"flag"
	"io"

	"cjml.dev/cjml"
	"cjml.dev/render"
	"cjml.dev/render/svg"
)

func init() {
	register(&command{
		name:    "render",
		args:    "[--view swimlane|journey|deviation] [--journey ID] [--time] [--palette cjml|v1.1] [-o OUT.svg] FILE",
		summary: "draw a swimlane, journey or deviation diagram as SVG",
		help: `Render draws one journey of a CJML document as an SVG diagram.

Views:
  swimlane   the journey network diagram (default): one lane per actor,
             end users on top, one column per touchpoint, messages as
             dashed arrows from sender to receiver, phases as bands
  journey    the customer journey diagram: the end user's perspective on
             one line, circles for communication points (orange ring: the
             end user sends, blue: the end user receives), squares for
             actions
  deviation  an actual journey against its planned journey (aligned by
             cjml compare): conforming touchpoints on the main line, ad hoc
             ones below the dashed deviation line, missing ones dashed,
             failing ones crossed out, out-of-order ones marked

--journey picks the journey by ID; without it render draws the first
journey (for the deviation view, the first actual journey whose plan is
in the document). --time spaces touchpoints by their timestamps, with
long quiet periods compressed. --palette switches between the current
cjml.no colours (cjml) and those of the CJML v1.1 graphical elements.

The SVG goes to standard output, or, with -o, to a file written
atomically. Render never overwrites its input.`,
		setup: func(c *command, fs *flag.FlagSet) func(*env, []string) int {
			view := fs.String("view", "swimlane", "diagram `kind`: swimlane, journey or deviation")
			journey := fs.String("journey", "", "draw the journey with this `ID`")
			timed := fs.Bool("time", false, "space touchpoints by their timestamps")
			palette := fs.String("palette", "cjml", "`colours`: cjml (cjml.no) or v1.1 (CJML v1.1 graphical elements)")
			out := fs.String("o", "", "write to `file` instead of standard output")
			return func(e *env, args []string) int {
				if len(args) != 1 {
					return c.usageError(e, "want exactly one input file (or - for standard input), got %d", len(args))
				}
				v, err := render.ParseView(*view)
				if err != nil {
					return c.usageError(e, "%v", err)
				}
				pal, err := render.PaletteByName(*palette)
				if err != nil {
					return c.usageError(e, "%v", err)
				}
				doc, diags := e.readDoc(args[0], cjml.ReadOptions{})
				printDiags(e.stderr, diags)
				if doc == nil || diags.HasErrors() {
					return exitFailure
				}
				// Layout first, so that a layout error leaves no output;
				// then the SVG streams to its destination.
				opt := render.Options{View: v, Journey: *journey, Time: *timed, Palette: pal}
				sc, err := render.Layout(doc, opt)
				if err != nil {
					e.errorf(c, "%s: %v", where(doc, args[0], *journey), err)
					if errors.Is(err, render.ErrNoJourney) && *journey != "" {
						return exitUsage
					}
					return exitFailure
				}
				// The SVG streams through svg.Write's buffer into the
				// temporary file that replaces the output.
				write := func(w io.Writer) error { return svg.Write(w, sc) }
				if err := e.streamOutput(*out, write, args[0]); err != nil {
					e.errorf(c, "%v", err)
					return exitFailure
				}
				return exitOK
			}
		},
	})
}

// where names the position an error about journey id refers to: the
// journey's element (file:line:col) when it exists, else the file.
func where(doc *cjml.Document, file, id string) string {
	var j *cjml.Journey
	if id != "" {
		j = doc.Journey(id)
	}
	if j == nil || doc.Source == nil || !j.Origin.Pos.IsValid() {
		return file
	}
	return doc.Source.Position(j.Origin.Pos).String()
}
