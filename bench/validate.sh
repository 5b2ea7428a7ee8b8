#!/usr/bin/env bash
# Validation: `cjml validate` against `xmllint --noout --schema schema/cjml.xsd`
# on the same generated 20 MB CJML file (1,450 journeys, about 29,000
# touchpoints), side by side: median wall time and peak memory.
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
"$out/cjml" validate "$in" >/dev/null || { echo "cjml validate rejects $in"; exit 1; }
xmllint --noout --schema schema/cjml.xsd "$in" 2>/dev/null || { echo "xmllint rejects $in"; exit 1; }
echo "machine: $(machine)"
echo "input:   $in, $size bytes; median of $runs runs"
read -r ct cm < <(measure "$runs" "$out/cjml" validate "$in")
read -r xt xm < <(measure "$runs" xmllint --noout --schema schema/cjml.xsd "$in")
printf '%-44s %8s s %10s KB  %7.1f MB/s\n' "cjml validate" "$ct" "$cm" "$(echo "$size / $ct / 1000000" | bc -l)"
printf '%-44s %8s s %10s KB  %7.1f MB/s\n' "xmllint --noout --schema schema/cjml.xsd" "$xt" "$xm" "$(echo "$size / $xt / 1000000" | bc -l)"
printf 'ratio: cjml validate is %.2fx as fast as xmllint --schema, with %.2fx its peak memory\n' \
  "$(echo "$xt / $ct" | bc -l)" "$(echo "$cm / $xm" | bc -l)"
