#!/usr/bin/env bash
# Parse throughput: cjml's reader against xmllint --noout on the same
# generated 20 MB CJML file. Usage: bench/parse.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=${1:-5}
out=bench/out; mkdir -p "$out"
command -v xmllint >/dev/null || { echo "xmllint is missing (apt-get install libxml2-utils)"; exit 1; }
go build -o "$out/cjmlparse" ./bench/cjmlparse
[ -f "$out/parse-20mb.xml" ] || go run ./bench/cjmlgen -actual 1450 -o "$out/parse-20mb.xml"
size=$(stat -c %s "$out/parse-20mb.xml")
echo "machine: $(machine)"
echo "input:   $out/parse-20mb.xml, $size bytes; median of $runs runs"
read -r ct cm < <(measure "$runs" "$out/cjmlparse" "$out/parse-20mb.xml")
read -r xt xm < <(measure "$runs" xmllint --noout "$out/parse-20mb.xml")
printf '%-28s %8s s %10s KB  %7.1f MB/s\n' "cjml (bench/cjmlparse)" "$ct" "$cm" "$(echo "$size / $ct / 1000000" | bc -l)"
printf '%-28s %8s s %10s KB  %7.1f MB/s\n' "xmllint --noout" "$xt" "$xm" "$(echo "$size / $xt / 1000000" | bc -l)"
printf 'ratio: cjml is %.1fx as fast as xmllint --noout, with %.2fx its peak memory\n' \
  "$(echo "$xt / $ct" | bc -l)" "$(echo "$cm / $xm" | bc -l)"
