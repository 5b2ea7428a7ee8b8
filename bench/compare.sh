#!/usr/bin/env bash
# Compare benchmarks, side by side on the same data:
#  1. the Go alignment (bench/comparebench) against bench/align.py, a plain
#     Python implementation of the same dynamic program, on N generated
#     actual journeys of about 20 touchpoints against a 20-step plan
#     (internal/gen.Default: 5 % missing, 5 % ad hoc, 3 % channel changes,
#     3 % swaps), aligned by content; the totals (cost, statuses) must agree;
#  2. end-to-end `cjml compare --format json` against parsing the same file
#     alone (bench/cjmlparse), on a generated CJML file of E actual journeys
#     (E=15000 is about 210 MB, under the reader's 256 MiB default limit).
# Usage: bench/compare.sh [N=100000] [E=15000] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
n=${1:-100000}
e=${2:-15000}
runs=${3:-3}
out=bench/out
mkdir -p "$out"
go build -o "$out/comparebench" ./bench/comparebench
go build -o "$out/cjml" ./cmd/cjml
go build -o "$out/cjmlparse" ./bench/cjmlparse
echo "machine: $(machine)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== alignment: $n journeys, Go (bench/comparebench) vs Python $(python3 -c 'import platform; print(platform.python_version())') (bench/align.py)"
"$out/comparebench" -n "$n" -runs "$runs" -export "$out/compare-$n.jsonl" >"$out/compare-go.txt"
python3 bench/align.py "$out/compare-$n.jsonl" >"$out/compare-py.txt"
if ! diff <(grep -v seconds "$out/compare-go.txt") <(grep -v seconds "$out/compare-py.txt"); then
  echo "the totals differ"; exit 1
fi
grep -v seconds "$out/compare-go.txt" | tr '\n' ' ' | sed 's/ $/\n/'
g1=$(awk '/seconds 1 worker/ {print $4}' "$out/compare-go.txt")
g1cpu=$(awk '/seconds 1 worker/ {print $6}' "$out/compare-go.txt" | tr -d ')')
gn=$(awk '/workers/ {print $4}' "$out/compare-go.txt")
w=$(awk '/workers/ {print $2}' "$out/compare-go.txt")
py=$(awk '/^seconds/ {print $2}' "$out/compare-py.txt")
pycpu=$(awk '/^seconds/ {print $4}' "$out/compare-py.txt" | tr -d ')')
printf '%-34s %8.3f s  (cpu %.3f s)\n' "Go, 1 worker" "$g1" "$g1cpu"
printf '%-34s %8.3f s\n' "Go, $w workers" "$gn"
printf '%-34s %8.3f s  (cpu %.3f s)\n' "Python" "$py" "$pycpu"
printf 'ratio: Go is %.1fx as fast as Python on %s workers, %.1fx on one (%.1fx in CPU time); same total cost\n' \
  "$(echo "$py / $gn" | bc -l)" "$w" "$(echo "$py / $g1" | bc -l)" "$(echo "$pycpu / $g1cpu" | bc -l)"

echo
f="$out/compare-$e.xml"
[ -f "$f" ] || go run ./bench/cjmlgen -actual "$e" -o "$f"
size=$(stat -c %s "$f")
echo "== end to end: $f, $size bytes, $e actual journeys; median of $runs runs"
read -r pt pm < <(measure "$runs" "$out/cjmlparse" "$f")
# cjml compare exits 1 when journeys deviate; /usr/bin/time would then add a
# line that measure does not expect, so run it through a shell that exits 0.
ok() { "$@" >/dev/null; true; }
export -f ok
read -r ct cm < <(measure "$runs" bash -c 'ok "$@"' _ "$out/cjml" compare --format json "$f")
read -r it im < <(measure "$runs" bash -c 'ok "$@"' _ "$out/cjml" compare --format json --ignore-ids "$f")
read -r tt tm < <(measure "$runs" bash -c 'ok "$@"' _ "$out/cjml" compare "$f")
printf '%-42s %8s s %10s KB\n' "parse alone (bench/cjmlparse)" "$pt" "$pm"
printf '%-42s %8s s %10s KB\n' "cjml compare --format json" "$ct" "$cm"
printf '%-42s %8s s %10s KB\n' "cjml compare --format json --ignore-ids" "$it" "$im"
printf '%-42s %8s s %10s KB\n' "cjml compare (text)" "$tt" "$tm"
/usr/bin/time -o "$out/compare-cpu.txt" -f '%e %U %S %P' bash -c 'ok "$@"' _ "$out/cjml" compare --format json "$f" 2>/dev/null
read -r _ u s p <"$out/compare-cpu.txt"
printf 'ratio: compare takes %.2fx the time of parsing alone (%.2fx by content only, %.2fx with the text report); CPU use %s (user %ss, sys %ss)\n' \
  "$(echo "$ct / $pt" | bc -l)" "$(echo "$it / $pt" | bc -l)" "$(echo "$tt / $pt" | bc -l)" "$p" "$u" "$s"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
