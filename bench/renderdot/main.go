// Command renderdot writes one journey of a CJML document as a Graphviz DOT
// graph with the structure of cjml's swimlane diagram, for benchmarking
// `cjml render` against `dot -Tsvg` on the same graph:
//
//   - each actor is a cluster (a lane), in the journey's actor order;
//   - a communication point is two nodes, one in the initiator's cluster
//     and one in the receiver's, each with its own label, joined by a
//     dashed edge from sender to receiver (the message);
//   - an action is one box in its actor's cluster;
//   - with -order, invisible edges chain consecutive touchpoints so that
//     dot keeps them in document order, as cjml's columns do.
//
// Usage:
//
//	go run ./bench/renderdot [-journey ID] [-order] FILE > out.dot
//	dot -Tsvg out.dot > out.svg
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"cjml.dev/cjml"
)

func main() {
	id := flag.String("journey", "", "journey ID (default: the first journey)")
	order := flag.Bool("order", false, "chain consecutive touchpoints with invisible edges")
	out := flag.String("o", "-", "output file")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: renderdot [-journey ID] [-order] [-o OUT.dot] FILE")
		os.Exit(2)
	}
	doc, diags := cjml.ReadFile(flag.Arg(0), cjml.ReadOptions{})
	if diags.HasErrors() {
		fmt.Fprintln(os.Stderr, diags)
		os.Exit(1)
	}
	var j *cjml.Journey
	for _, jj := range doc.Journeys {
		if *id == "" || jj.ID == *id {
			j = jj
			break
		}
	}
	if j == nil {
		fmt.Fprintf(os.Stderr, "renderdot: %s: no journey %q\n", flag.Arg(0), *id)
		os.Exit(1)
	}
	w := os.Stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "renderdot:", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	writeDOT(bw, doc, j, *order)
	if err := bw.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "renderdot:", err)
		os.Exit(1)
	}
}

// writeDOT writes journey j of doc as DOT.
func writeDOT(w io.Writer, doc *cjml.Document, j *cjml.Journey, order bool) {
	res := cjml.NewResolver(doc)
	// Lanes in the journey's actor order; unresolved references get their
	// own lane, named by the reference.
	var lanes []string
	names := map[string]string{}
	nodes := map[string][]string{} // lane → node statements
	lane := func(ref string) string {
		key, name := "?"+ref, ref
		if r := res.Resolve(j, ref); r.Actor != nil {
			key, name = r.Actor.Key(), r.Actor.DisplayName()
		}
		if _, ok := names[key]; !ok {
			names[key] = name
			lanes = append(lanes, key)
		}
		return key
	}
	for _, a := range j.Actors {
		lane(a.Key())
	}
	var edges []string
	prev := ""
	for i, tp := range j.Touchpoints {
		id := fmt.Sprintf("t%d", i)
		shape := "ellipse"
		if tp.Kind == cjml.Action {
			shape = "box"
		}
		from := id + "i"
		l := lane(tp.Initiator.Actor)
		nodes[l] = append(nodes[l], fmt.Sprintf("%s [shape=%s label=%s];", from, shape, quote(tp.Initiator.Label)))
		to := from
		if tp.Receiver != nil && tp.Kind != cjml.Action {
			to = id + "r"
			l := lane(tp.Receiver.Actor)
			nodes[l] = append(nodes[l], fmt.Sprintf("%s [shape=%s label=%s];", to, shape, quote(tp.Receiver.Label)))
			edges = append(edges, fmt.Sprintf("%s -> %s [style=dashed label=%s];", from, to, quote(string(tp.Channel))))
		}
		if order && prev != "" {
			edges = append(edges, fmt.Sprintf("%s -> %s [style=invis];", prev, from))
		}
		prev = to
	}
	fmt.Fprintf(w, "digraph %s {\n  rankdir=LR;\n  label=%s;\n  node [fontname=\"Go\" fontsize=10];\n",
		quote(j.ID), quote(j.Title))
	for k, l := range lanes {
		fmt.Fprintf(w, "  subgraph cluster_%d {\n    label=%s;\n", k, quote(names[l]))
		for _, n := range nodes[l] {
			fmt.Fprintf(w, "    %s\n", n)
		}
		fmt.Fprintf(w, "  }\n")
	}
	for _, e := range edges {
		fmt.Fprintf(w, "  %s\n", e)
	}
	fmt.Fprintf(w, "}\n")
}

// quote returns s as a DOT string.
func quote(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
	return `"` + s + `"`
}
