#!/usr/bin/env bash
# Benchmark: one Chat.Server node (Release) on 127.0.0.1 with its own redis-server, serving one cached help page
# to wrk (2 threads, 64 connections, Brotli asked for), and the bytes a phone downloads for that page and its CSS.
# Usage: ops/bench-pages.sh [runs]     (default 3 runs of 20 s; BENCH_PATH=/en/i-fara-nu to pick another page,
#        BENCH_DURATION=20s). Targets (issue 5): >= 5,000 requests/s on one node, page + CSS < 20 KB compressed.
# Not a test: figures depend on the machine. Everything it starts is stopped at the end; nothing is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
path=${BENCH_PATH:-/sv/sexuella-overgrepp}
duration=${BENCH_DURATION:-20s}
dir=$(mktemp -d /tmp/bench-pages.XXXXXX)
source ops/bench-lib.sh

# The servers and tools it drives, installed the way ops/test.sh installs the test servers.
source ops/packages.sh
ensure_packages redis-server wrk curl

publish_server
start_redis 6390
start_node
# The seed is published in the background as the node starts; then one request renders and caches the page.
wait_until 30 "the seeded page $path" curl -fs -o /dev/null --max-time 2 "$base$path"

# Bytes on the wire as a phone gets them: the body as sent for each Accept-Encoding (headers not counted).
size() { curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: $2" "$1"; }
css=$(curl -s "$base$path" | grep -o 'href="[^"]*\.css"' | head -1 | sed 's/^href="//; s/"$//')
css_br=$(size "$base$css" br); css_gz=$(size "$base$css" gzip); css_raw=$(size "$base$css" identity)

echo
echo "Machine: $(machine)"
echo "CSS $css: $css_raw bytes, gzip $css_gz, br $css_br"
# The benchmarked page, and the largest one there is (the generated list of every service in the directory).
for page in "$path" /sv/vart-kan-jag-vanda-mig; do
  page_br=$(size "$base$page" br); page_gz=$(size "$base$page" gzip); page_raw=$(size "$base$page" identity)
  echo "Page $page: $page_raw bytes, gzip $page_gz, br $page_br;" \
    "with the CSS: br $((page_br + css_br)), gzip $((page_gz + css_gz)) bytes (target < 20480)"
done
echo

# A short warm-up so the JIT and the connection pools are in their steady state before measuring.
wrk -t2 -c64 -d3s -H 'Accept-Encoding: br' "$base$path" >/dev/null
for run in $(seq 1 "$runs"); do
  out=$(wrk -t2 -c64 -d"$duration" --latency -H 'Accept-Encoding: br' "$base$path")
  rps=$(echo "$out" | awk '/^Requests\/sec:/ { print $2 }')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ { print }')
  echo "run $run: $rps requests/s (latency p50 $p50, p99 $p99)${errors:+ — $errors}"
done
echo "Target: >= 5000 requests/s"
