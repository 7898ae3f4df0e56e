#!/usr/bin/env bash
# Issue 8's side-by-side load benchmark: for each load, the service and both baseline relays back to back, in one
# run on one machine with one message pattern (ops/bench.sh --target ...), each run's JSON kept in the output
# folder; then a summary with the ratios (summary.md, summary.json, by ops/bench/summary.js) and plots of latency
# and CPU against load (latency.svg, cpu.svg, by ops/bench/plot.js).
# Usage: ops/bench-suite.sh [--loads "100 1000 5000"] [--duration 60] [--interval 5-10] [--length 30-60] [--out-dir docs/bench]
#        ops/bench-suite.sh --smoke [--out-dir DIR]    5 conversations for 5 s per target: seconds, not figures
# Exits non-zero when any run failed (lost, duplicated or reordered messages, nothing delivered, a crash); the
# summary still covers the runs that wrote their JSON.
set -euo pipefail
cd "$(dirname "$0")/.."

loads="100 1000 5000" duration=60 out_dir=docs/bench run_args=()
while (($#)); do
  case $1 in
    --smoke) loads=5 duration=5; run_args+=(--interval 1-2 --length 3-5); shift ;;
    --loads) loads=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --interval | --length) run_args+=("$1" "$2"); shift 2 ;;
    --out-dir) out_dir=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

mkdir -p "$out_dir"
started=$(date -u +%FT%TZ)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
status=0
for load in $loads; do
  for target in service signalr-relay socketio; do
    out="$out_dir/$target-$load.json"
    rm -f "$out" # a failed run must not be summarised from an earlier run's file
    echo "== $target, $load conversations, $duration s" >&2
    ops/bench.sh --target "$target" --conversations "$load" --duration "$duration" "${run_args[@]}" --out "$out" >/dev/null \
      || { echo "== $target at $load conversations failed" >&2; status=1; }
  done
done

node ops/bench/summary.js --dir "$out_dir" --loads "$loads" --started "$started" --load-before "$load_before"
node ops/bench/plot.js "$out_dir"
echo "Wrote $out_dir/summary.md, summary.json, latency.svg and cpu.svg" >&2
exit "$status"
