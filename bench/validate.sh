#!/usr/bin/env bash
# Validation: `cjml validate` against `xmllint --noout --schema schema/cjml.xsd`
# on the same generated 20 MB CJML file (1,450 journeys, about 29,000
# touchpoints). The two commands run alternately, so that both see the same
# load on a shared machine; the script prints the median wall time, the
# median CPU time (user + system) and the peak memory of each, and the ratios.
# Usage: bench/validate.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=${1:-5}
out=bench/out; mkdir -p "$out"
command -v xmllint >/dev/null || { echo "xmllint is missing (apt-get install libxml2-utils)"; exit 1; }
[ -f schema/cjml.xsd ] || { echo "schema/cjml.xsd is missing"; exit 1; }
go build -o "$out/cjml" ./cmd/cjml
[ -f "$out/parse-20mb.xml" ] || go run ./bench/cjmlgen -actual 1450 -o "$out/parse-20mb.xml"
in=$out/parse-20mb.xml
size=$(stat -c %s "$in")
# Both must accept the file, or the comparison means nothing.
"$out/cjml" validate "$in" >/dev/null 2>&1 || { echo "cjml validate rejects $in"; exit 1; }
xmllint --noout --schema schema/cjml.xsd "$in" 2>/dev/null || { echo "xmllint rejects $in"; exit 1; }

cj=(); xl=()
tf=$(mktemp)
run() { # run NAME CMD... : appends "wall cpu rss" to the array NAME
  local -n acc=$1; shift
  /usr/bin/time -o "$tf" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || true
  read -r w u s m <"$tf"
  acc+=("$w $(echo "$u + $s" | bc -l) $m")
}
for ((i = 0; i < runs; i++)); do
  run cj "$out/cjml" validate "$in"
  run xl xmllint --noout --schema schema/cjml.xsd "$in"
done
rm -f "$tf"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
stats() { # stats ENTRIES... : prints "median_wall median_cpu max_rss"
  printf '%s\n' "$@" | awk '{print $1}' | median | tr '\n' ' '
  printf '%s\n' "$@" | awk '{print $2}' | median | tr '\n' ' '
  printf '%s\n' "$@" | awk '{print $3}' | sort -n | tail -1
}
read -r ct cc cm < <(stats "${cj[@]}")
read -r xt xc xm < <(stats "${xl[@]}")
echo "machine: $(machine)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
echo "input:   $in, $size bytes; median of $runs alternating runs"
printf '%-42s %7s s wall %7s s cpu %9s KB peak\n' "cjml validate" "$ct" "$cc" "$cm"
printf '%-42s %7s s wall %7s s cpu %9s KB peak\n' "xmllint --noout --schema schema/cjml.xsd" "$xt" "$xc" "$xm"
printf 'ratio: cjml validate is %.2fx as fast as xmllint --schema (%.2fx in CPU time), with %.2fx its peak memory\n' \
  "$(echo "$xt / $ct" | bc -l)" "$(echo "$xc / $cc" | bc -l)" "$(echo "$cm / $xm" | bc -l)"
