// Command comparebench times the compare alignment on generated journeys:
// one 20-step planned journey and -n actual journeys of about 20 touchpoints
// at the deviation rates of issue 4 (internal/gen.Default). It aligns by
// content (Options.IgnoreIDs), so that every journey goes through the
// dynamic program, and prints the totals that bench/align.py must match.
//
//	go run ./bench/comparebench -n 100000 -export bench/out/compare.jsonl
//
// -export writes the same journeys for bench/align.py: one JSON line for the
// plan and one per actual journey, each touchpoint as [kind, initiator,
// receiver, channel key, channel family, phase, initiator label, receiver
// label]; the channel key and family are what cjml.Channel.Info gives (the
// reader's normalization, not part of the alignment).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"cjml.dev/cjml"
	"cjml.dev/compare"
	"cjml.dev/internal/gen"
)

func main() {
	n := flag.Int("n", 100000, "number of actual journeys")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "worker goroutines")
	export := flag.String("export", "", "write the journeys for bench/align.py to this file")
	runs := flag.Int("runs", 3, "timed runs (the median is printed)")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the one-worker runs to this file")
	flag.Parse()

	o := gen.Default(*n)
	doc := gen.Document(o)
	if *export != "" {
		if err := write(*export, doc); err != nil {
			fmt.Fprintln(os.Stderr, "comparebench:", err)
			os.Exit(1)
		}
	}
	pairs, _ := compare.Pairs(nil, nil, doc)
	opt := compare.Options{IgnoreIDs: true, IgnoreCompliance: true}

	var cost, worst, steps int
	var counts compare.Counts
	if *profile != "" {
		f, err := os.Create(*profile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "comparebench:", err)
			os.Exit(1)
		}
	}
	cpu0 := cpuTime()
	time1 := median(*runs, func() {
		cost, worst, steps, counts = 0, 0, 0, compare.Counts{}
		a := compare.NewAligner(opt)
		var r *compare.Result
		for _, p := range pairs {
			r = a.AlignReuse(r, p.Planned, p.Actual)
			cost += r.Cost
			worst += r.WorstCost
			steps += len(r.Steps)
			counts.Completed += r.Counts.Completed
			counts.Missing += r.Counts.Missing
			counts.AdHoc += r.Counts.AdHoc
			counts.Failing += r.Counts.Failing
			counts.Irregular += r.Counts.Irregular
		}
	})
	cpu1 := (cpuTime() - cpu0) / time.Duration(max(*runs, 1))
	pprof.StopCPUProfile()
	var costN int
	timeN := median(*runs, func() {
		costN = 0
		compare.Stream(pairs, opt, *workers, func(_ int, r *compare.Result) { costN += r.Cost })
	})
	if costN != cost {
		fmt.Fprintf(os.Stderr, "comparebench: total cost %d on %d workers, %d on one\n", costN, *workers, cost)
		os.Exit(1)
	}
	fmt.Printf("journeys %d\nsteps %d\ntotal cost %d\nworst cost %d\ncompleted %d\nmissing %d\nadhoc %d\nfailing %d\nirregular %d\n",
		len(pairs), steps, cost, worst, counts.Completed, counts.Missing, counts.AdHoc, counts.Failing, counts.Irregular)
	fmt.Printf("seconds 1 worker %.3f (cpu %.3f)\nseconds %d workers %.3f\n", time1.Seconds(), cpu1.Seconds(), *workers, timeN.Seconds())
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func median(runs int, f func()) time.Duration {
	ds := make([]time.Duration, max(runs, 1))
	for i := range ds {
		start := time.Now()
		f()
		ds[i] = time.Since(start)
	}
	for i := range ds {
		for j := i + 1; j < len(ds); j++ {
			if ds[j] < ds[i] {
				ds[i], ds[j] = ds[j], ds[i]
			}
		}
	}
	return ds[len(ds)/2]
}

func features(t *cjml.Touchpoint) []any {
	kind := "communication"
	if t.Kind == cjml.Action {
		kind = "action"
	}
	recv, rlabel := "", ""
	if t.Receiver != nil {
		recv, rlabel = t.Receiver.Actor, t.Receiver.Label
	}
	info := t.Channel.Info()
	fam := ""
	if info.Family != cjml.FamilyNone && info.Family != cjml.FamilyUnknown {
		fam = string(info.Family)
	}
	return []any{kind, t.Initiator.Actor, recv, info.Key, fam, t.Phase, t.Initiator.Label, rlabel, t.Receiver != nil}
}

func write(path string, doc *cjml.Document) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, j := range doc.Journeys {
		tps := make([][]any, len(j.Touchpoints))
		for i, t := range j.Touchpoints {
			tps[i] = features(t)
		}
		if err := enc.Encode(map[string]any{"id": j.ID, "kind": j.Kind.String(), "touchpoints": tps}); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
