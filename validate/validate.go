// Package validate checks CJML documents: their structure against the JSON
// Schema of the YAML/JSON form (package schema), and the rules of the
// language that a schema cannot express (unique IDs, references that
// resolve, planned versus actual data, timestamps in order, …).
//
// Every finding is a [cjml.Diagnostic] with a stable code (parse/…,
// schema/… or rule/…), a severity, a message a modeller understands, the
// line and column in the file (XML, YAML or JSON) and the JSON pointer of the
// element in the document's JSON form. [Rules] lists every code;
// docs/rules.md explains each with an example.
//
//	diags := validate.File("journeys.xml", validate.Options{})
//	for _, d := range diags {
//		fmt.Println(d) // journeys.xml:12:7: error: touchpoint T3: … [rule/unknown-actor]
//	}
//
// Diagnostics come sorted by position, without duplicates, and one broken
// element gives one finding: a schema finding about an element hides the
// rule findings inside it, and a rule finding about exactly the element a
// schema finding names replaces it (the rule's message is the more
// precise).
package validate

import (
	"io"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"cjml.dev/cjml"
)

// Options configure validation. The zero value is the default.
type Options struct {
	// Strict reports references that resolve only by a lenient reading
	// (an actor referred to by its name, an actor of an earlier journey
	// the journey does not list, an actorIDref re-use without a
	// declaration) as errors instead of warnings.
	Strict bool
	// NoSchema skips the structural checks against the JSON Schema and
	// runs only the language rules.
	NoSchema bool
	// Read configures reading files ([File], [Bytes], [Reader]).
	Read cjml.ReadOptions
}

// Document validates a document that has been read (or built in code).
// Positions are resolved through doc.Source; documents built in code have
// none and their findings carry only the logical path.
func Document(doc *cjml.Document, opt Options) cjml.Diagnostics {
	if doc == nil {
		return nil
	}
	var sch *jsonschema.Schema
	if !opt.NoSchema {
		var err error
		if sch, err = compiledSchema(); err != nil {
			return cjml.Diagnostics{{Severity: cjml.Error, Code: CodeSchemaInvalid, Pos: cjml.Position{File: fileOf(doc)},
				Message: "internal error: the embedded schema does not compile: " + err.Error()}}
		}
	}
	paths, structural := structure(doc, sch)
	rules := semantic(doc, paths)
	ds := merge(structural, rules)
	if opt.Strict {
		for i := range ds {
			if r, ok := RuleOf(ds[i].Code); ok && r.Lenient {
				ds[i].Severity = cjml.Error
			}
		}
	}
	return ds.Sort()
}

// File reads and validates the document at path. Reading problems come
// first in the same list (codes parse/…); a document that cannot be read
// gets only those.
func File(path string, opt Options) cjml.Diagnostics {
	doc, diags := cjml.ReadFile(path, opt.Read)
	return finish(doc, diags, opt)
}

// Bytes validates the document src read from file (the name is used in
// positions and, with the content, to tell XML from YAML and JSON).
func Bytes(file string, src []byte, opt Options) cjml.Diagnostics {
	doc, diags := cjml.ParseOptions(file, src, opt.Read)
	return finish(doc, diags, opt)
}

// Reader reads a document from r and validates it.
func Reader(r io.Reader, file string, opt Options) cjml.Diagnostics {
	doc, diags := cjml.Read(r, file, opt.Read)
	return finish(doc, diags, opt)
}

func finish(doc *cjml.Document, parse cjml.Diagnostics, opt Options) cjml.Diagnostics {
	if doc == nil || parse.HasErrors() {
		return append(cjml.Diagnostics(nil), parse...).Sort()
	}
	return append(append(cjml.Diagnostics(nil), parse...), Document(doc, opt)...).Sort()
}

// merge combines structural and rule findings so that one broken element
// gives one finding:
//   - of a rule finding and a structural finding at exactly the same path,
//     the more serious one stays; at equal severity the rule's, which says
//     the same more precisely;
//   - a rule finding inside an element that has a structural finding is
//     dropped (it would be a consequence of the broken structure).
func merge(structural, rules cjml.Diagnostics) cjml.Diagnostics {
	if len(structural) == 0 {
		return rules
	}
	// The most serious rule finding at each path.
	ruleSev := make(map[string]cjml.Severity, len(rules))
	for _, d := range rules {
		if s, ok := ruleSev[d.Path]; !ok || d.Severity.AtLeast(s) {
			ruleSev[d.Path] = d.Severity
		}
	}
	out := make(cjml.Diagnostics, 0, len(structural)+len(rules))
	schemaPaths := make(map[string]cjml.Severity, len(structural))
	// Structural findings the rules make about parts the JSON form cannot
	// show missing (it always writes an initiator with a refersTo).
	covered := map[string]cjml.Severity{}
	for _, d := range rules {
		if d.Code == CodeSchemaRequired {
			covered[d.Path] = d.Severity
		}
	}
	for _, d := range structural {
		if s, ok := ruleSev[d.Path]; ok && d.Path != "" && s.AtLeast(d.Severity) {
			continue // the rule says it better
		}
		if insideAny(d.Path, covered) {
			continue
		}
		out = append(out, d)
		schemaPaths[d.Path] = d.Severity
	}
	for _, d := range rules {
		if s, ok := schemaPaths[d.Path]; ok && !d.Severity.AtLeast(s) {
			continue // the structural finding is more serious
		}
		if insideAny(d.Path, schemaPaths) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// insideAny reports whether p lies strictly inside one of the paths.
func insideAny(p string, paths map[string]cjml.Severity) bool {
	for q := p; q != ""; {
		i := strings.LastIndexByte(q, '/')
		if i < 0 {
			break
		}
		q = q[:i]
		if _, ok := paths[q]; ok {
			return true
		}
	}
	return false
}
