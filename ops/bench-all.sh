#!/usr/bin/env bash
# Issue 8's whole report in one command: every scenario of docs/benchmarks.md ("Full run"), one after another, each
# run's JSON into the output folder (default docs/bench/), with the suite's summary and plots. About 45 minutes on a
# 2-core machine. Run it with nothing else on the machine; the figures move with the machine and its load.
# Usage: ops/bench-all.sh [--out-dir DIR] [--duration S]
set -uo pipefail
cd "$(dirname "$0")/.."

out=docs/bench duration=60
while (($#)); do
  case $1 in
    --out-dir) out=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
failed=()
# Each run gets 20 minutes: an overloaded node can leave the tool's drain (every chat ended, every wrap-up done)
# waiting far longer; such a run is stopped, counted as failed and leaves no JSON.
run() { # name, ops/bench.sh arguments...
  local name=$1; shift
  echo "== $(date -u +%T) $name" >&2
  rm -f "$out/$name.json"
  timeout 1200 ops/bench.sh "$@" --out "$out/$name.json" >/dev/null || failed+=("$name")
}

# The service beside the two relays at 100, 1,000 and 5,000 conversations (summary.md, latency.svg, cpu.svg).
ops/bench-suite.sh --duration "$duration" --out-dir "$out" || failed+=(suite)
# No chat starts or ends while it is measured: the cost of a chat message alone (round trips per message).
run service-1000-steady --conversations 1000 --duration "$duration" --length 600-600
for n in 100 1000 5000; do run "service-2nodes-$n" --nodes 2 --conversations "$n" --duration "$duration"; done
half=$((duration / 2))
run fault-storm-1000 --conversations 1000 --duration "$duration" --fault storm --fault-at "$half"
run fault-kill-node-1000 --nodes 2 --conversations 1000 --duration "$duration" --fault kill-node --fault-at "$half"
run fault-restart-redis-1000 --conversations 1000 --duration "$duration" --fault restart-redis --fault-at "$half"
run idle-20000 --idle 20000 --duration 30

if ((${#failed[@]})); then echo "failed: ${failed[*]}" >&2; exit 1; fi
echo "Wrote $out" >&2
