# Shared helpers of the bench scripts: timing commands side by side.

# measure RUNS CMD... : runs CMD RUNS times (after one warm-up run) and
# prints "median_seconds max_rss_kb". A non-zero exit status is allowed
# (cjml validate exits 1 on findings); /usr/bin/time then writes a line
# about it first, so the figures are read from the last line.
measure() {
  local runs=$1; shift
  local tf times=() rss=0 t m
  tf=$(mktemp)
  "$@" >/dev/null 2>&1 || true
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -o "$tf" -f '%e %M' "$@" >/dev/null 2>&1 || true
    read -r t m < <(tail -n 1 "$tf")
    times+=("$t")
    if ((m > rss)); then rss=$m; fi
  done
  rm -f "$tf"
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "$rss"
}

# machine prints a line that describes the machine.
machine() {
  printf '%s, %s cores, %s, %s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" \
    "$(nproc)" "$(go version | cut -d' ' -f3)" "$(uname -sr)"
}
