#!/usr/bin/env bash
# Rendering time: `cjml render` (swimlane SVG) against Graphviz `dot -Tsvg`
# on the same graph, for generated single journeys of 100, 1,000 and 10,000
# touchpoints. bench/renderdot writes the journey as DOT: actors as
# clusters, touchpoints as nodes in their actors' clusters, messages as
# dashed edges, rankdir LR. cjml's time includes reading the XML; dot's
# starts from the DOT file. A dot run longer than the cap is stopped and
# reported as "> cap s".
#
# Usage: bench/render.sh [runs] [dot-cap-seconds]
#   ACTORS=k   actors per journey (default 6)
#   ORDER=1    also chain consecutive touchpoints with invisible edges in
#              the DOT graph (keeps dot's nodes in document order)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=${1:-3}
cap=${2:-300}
actors=${ACTORS:-6}
out=bench/out; mkdir -p "$out"
command -v dot >/dev/null || { echo "dot is missing (apt-get install graphviz)"; exit 1; }
go build -o "$out/cjml" ./cmd/cjml
go build -o "$out/renderdot" ./bench/renderdot
order=(); [ "${ORDER:-}" = 1 ] && order=(-order)

# once CAP CMD... : runs CMD once under `timeout CAP` and prints
# "seconds max_rss_kb exit_status" (124 when the cap stopped it).
once() {
  local cap=$1; shift
  local tf rc t m
  tf=$(mktemp)
  rc=0
  /usr/bin/time -o "$tf" -f '%e %M' timeout "$cap" "$@" >/dev/null 2>&1 || rc=$?
  read -r t m < <(tail -1 "$tf")
  rm -f "$tf"
  printf '%s %s %s\n' "$t" "$m" "$rc"
}

echo "machine: $(machine)"
echo "input:   one generated actual journey per size, $actors actors (bench/cjmlgen -long N -actors $actors); median of $runs runs"
echo "dot:     $(dot -V 2>&1); runs capped at ${cap} s${order:+; with invisible order edges}"
printf '\n%12s %10s %10s %12s %10s %10s %10s\n' touchpoints "cjml s" "cjml KB" "dot s" "dot KB" "dot/cjml" "svg KB"
declare -A ct dt
for n in 100 1000 10000; do
  f=$out/render-$n.xml
  [ -s "$f" ] || go run ./bench/cjmlgen -long "$n" -actors "$actors" -o "$f"
  "$out/renderdot" "${order[@]}" -o "$out/render-$n.dot" "$f"
  # One checked run: the timings below mean nothing if render fails.
  if ! "$out/cjml" render -o "$out/render-$n.svg" "$f" 2>"$out/render-$n.err"; then
    echo "cjml render failed on $f:"; head -5 "$out/render-$n.err"; exit 1
  fi
  read -r t m < <(measure "$runs" "$out/cjml" render -o "$out/render-$n.svg" "$f")
  ct[$n]=$t
  svgkb=$(( $(stat -c %s "$out/render-$n.svg") / 1024 ))
  # dot: the median of $runs runs, or one capped run when it is slow.
  read -r t1 m1 rc < <(once "$cap" dot -Tsvg -o "$out/render-$n.dot.svg" "$out/render-$n.dot")
  if [ "$rc" = 124 ]; then
    dt[$n]="> $cap"; dm=$m1; ratio="> $(echo "$cap / ${ct[$n]}" | bc -l | xargs printf '%.0f')"
  else
    if [ "$(echo "$t1 < 20" | bc -l)" = 1 ]; then
      read -r t1 m1 < <(measure "$runs" dot -Tsvg -o "$out/render-$n.dot.svg" "$out/render-$n.dot")
    fi
    dt[$n]=$t1; dm=$m1
    ratio=$(echo "$t1 / ${ct[$n]}" | bc -l 2>/dev/null | xargs printf '%.1f' 2>/dev/null || echo "n/a")
  fi
  printf '%12s %10s %10s %12s %10s %10s %10s\n' "$n" "${ct[$n]}" "$m" "${dt[$n]}" "$dm" "$ratio" "$svgkb"
done
echo
if [ "$(echo "${ct[1000]} > 0" | bc -l)" = 1 ]; then
  printf 'cjml 10k/1k: %.1fx the time for 10x the touchpoints (goal <= 12x)\n' "$(echo "${ct[10000]} / ${ct[1000]}" | bc -l)"
  case ${dt[1000]} in
  ">"*) printf 'dot/cjml at 1k: > %.0fx (goal >= 20x)\n' "$(echo "$cap / ${ct[1000]}" | bc -l)" ;;
  *) printf 'dot/cjml at 1k: %.1fx (goal >= 20x)\n' "$(echo "${dt[1000]} / ${ct[1000]}" | bc -l)" ;;
  esac
else
  echo "cjml at 1k took less than the timer's 0.01 s resolution: no ratios"
fi
