#!/usr/bin/env bash
# Rendering time: `cjml render` (swimlane SVG) against Graphviz `dot -Tsvg`
# on the same graph, for generated single journeys of 100, 1,000 and 10,000
# touchpoints. bench/renderdot writes the journey as DOT: actors as
# clusters, touchpoints as nodes in their actors' clusters, messages as
# dashed edges, rankdir LR. cjml's time includes reading the XML; dot's
# starts from the DOT file. A dot run longer than the cap is stopped and
# reported as "> cap s". Besides the median wall time (bench/lib.sh measure)
# the table gives the median user+system CPU time, which stays meaningful
# when other work shares the machine.
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
# "seconds max_rss_kb exit_status cpu_seconds" (124 when the cap stopped it).
once() {
  local cap=$1; shift
  local tf rc t m u s
  tf=$(mktemp)
  rc=0
  /usr/bin/time -o "$tf" -f '%e %M %U %S' timeout "$cap" "$@" >/dev/null 2>&1 || rc=$?
  read -r t m u s < <(tail -1 "$tf")
  rm -f "$tf"
  printf '%s %s %s %.2f\n' "$t" "$m" "$rc" "$(echo "$u + $s" | bc -l)"
}

# cpu RUNS CMD... : the median user+system CPU seconds of RUNS runs. On a
# shared machine wall time follows the load; CPU time follows the work.
cpu() {
  local runs=$1; shift
  local c=()
  for ((i = 0; i < runs; i++)); do
    read -r _ _ _ u < <(once 3600 "$@")
    c+=("$u")
  done
  printf '%s\n' "${c[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "machine: $(machine)"
echo "input:   one generated actual journey per size, $actors actors (bench/cjmlgen -long N -actors $actors); median of $runs runs"
echo "dot:     $(dot -V 2>&1); runs capped at ${cap} s${order:+; with invisible order edges}"
printf '\n%11s %8s %8s %9s %9s %9s %9s %9s %9s %8s\n' touchpoints "cjml s" "cpu s" "cjml KB" "dot s" "cpu s" "dot KB" "dot/cjml" "cpu/cpu" "svg KB"
declare -A ct dt cc dc
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
  cc[$n]=$(cpu "$runs" "$out/cjml" render -o "$out/render-$n.svg" "$f")
  svgkb=$(( $(stat -c %s "$out/render-$n.svg") / 1024 ))
  # dot: the median of $runs runs, or one capped run when it is slow.
  read -r t1 m1 rc c1 < <(once "$cap" dot -Tsvg -o "$out/render-$n.dot.svg" "$out/render-$n.dot")
  if [ "$rc" = 124 ]; then
    dt[$n]="> $cap"; dc[$n]="> $c1"; dm=$m1
    ratio="> $(printf '%.0f' "$(echo "$cap / ${ct[$n]}" | bc -l)")"
    cratio="> $(printf '%.0f' "$(echo "$c1 / ${cc[$n]}" | bc -l)")"
  else
    if [ "$(echo "$t1 < 20" | bc -l)" = 1 ]; then
      read -r t1 m1 < <(measure "$runs" dot -Tsvg -o "$out/render-$n.dot.svg" "$out/render-$n.dot")
      c1=$(cpu "$runs" dot -Tsvg -o "$out/render-$n.dot.svg" "$out/render-$n.dot")
    fi
    dt[$n]=$t1; dc[$n]=$c1; dm=$m1
    ratio=$(printf '%.1f' "$(echo "$t1 / ${ct[$n]}" | bc -l)")
    cratio=$(printf '%.1f' "$(echo "$c1 / ${cc[$n]}" | bc -l)")
  fi
  printf '%11s %8s %8s %9s %9s %9s %9s %9s %9s %8s\n' "$n" "${ct[$n]}" "${cc[$n]}" "$m" "${dt[$n]}" "${dc[$n]}" "$dm" "$ratio" "$cratio" "$svgkb"
done
echo
ratio() { # ratio A B: A/B with one decimal, or "n/a"
  if [ "$(echo "$2 > 0" | bc -l)" = 1 ]; then printf '%.1f' "$(echo "$1 / $2" | bc -l)"; else echo n/a; fi
}
echo "cjml 10k/1k: $(ratio "${ct[10000]}" "${ct[1000]}")x wall, $(ratio "${cc[10000]}" "${cc[1000]}")x CPU for 10x the touchpoints (goal <= 12x)"
case ${dt[1000]} in
">"*) echo "dot/cjml at 1k: ${dt[1000]} s against ${ct[1000]} s (goal >= 20x)" ;;
*) echo "dot/cjml at 1k: $(ratio "${dt[1000]}" "${ct[1000]}")x wall, $(ratio "${dc[1000]}" "${cc[1000]}")x CPU (goal >= 20x)" ;;
esac
