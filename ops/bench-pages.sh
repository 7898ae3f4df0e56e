#!/usr/bin/env bash
# Benchmark: one Chat.Server node (Release) on 127.0.0.1 with its own redis-server, serving one cached help page
# to wrk (2 threads, 64 connections, Brotli asked for), and the bytes a phone downloads for that page and its CSS.
# Usage: ops/bench-pages.sh [runs]     (default 3 runs of 20 s; BENCH_PATH=/en/i-fara-nu to pick another page,
#        BENCH_DURATION=20s). Targets (issue 5): >= 5,000 requests/s on one node, page + CSS < 20 KB compressed.
# Not a test: figures depend on the machine. Everything it starts is stopped at the end; nothing is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-3}
path=${BENCH_PATH:-/sv/sexuella-overgrepp}
duration=${BENCH_DURATION:-20s}
dir=$(mktemp -d /tmp/bench-pages.XXXXXX)
server_dll="$dir/publish/Chat.Server.dll"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while listening "$p"; do p=$((p + 1)); done; echo "$p"; }
wait_until() { # seconds, description, command...
  local limit=$1 what=$2; shift 2
  for _ in $(seq 1 $((limit * 10))); do "$@" && return 0; sleep 0.1; done
  echo "$what did not come up within ${limit} s" >&2
  return 1
}

# The servers and tools it drives, installed the way ops/test.sh installs the test servers.
source ops/packages.sh
ensure_packages redis-server wrk curl

redis_pid="" node_pid=""
stop() {
  [ -n "$node_pid" ] && kill -TERM "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null || true
  [ -n "$redis_pid" ] && kill -TERM "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap stop EXIT

# Published, as it would be deployed: from a plain build's output the static files are served the development
# way (no-cache, compressed on the fly without real compression), which would misstate the CSS's size.
echo "Publishing Chat.Server (Release)"
dotnet publish Chat.Server -c Release -o "$dir/publish" -v quiet -nologo >"$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }

redis_port=$(free_port 6390)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" >"$dir/redis.log" 2>&1 &
redis_pid=$!
wait_until 10 "redis-server on port $redis_port" bash -c "redis-cli -p $redis_port ping 2>/dev/null | grep -q PONG"

node_port=$(free_port 5180)
base="http://127.0.0.1:$node_port"
# Production settings: no Development extras, no per-request logging.
(cd "$(dirname "$server_dll")" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Redis__Configuration="127.0.0.1:$redis_port" Staff__SetupCodeFile="$dir/setup-code.txt" \
  dotnet "$server_dll" --urls "$base" </dev/null >"$dir/node.log" 2>&1) &
node_pid=$!
wait_until 60 "Chat.Server on $base" curl -fs -o /dev/null --max-time 2 "$base/healthz"
# The seed is published in the background as the node starts; then one request renders and caches the page.
wait_until 30 "the seeded page $path" curl -fs -o /dev/null --max-time 2 "$base$path"

# Bytes on the wire as a phone gets them: the body as sent for each Accept-Encoding (headers not counted).
size() { curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: $2" "$1"; }
css=$(curl -s "$base$path" | grep -o 'href="[^"]*\.css"' | head -1 | sed 's/^href="//; s/"$//')
css_br=$(size "$base$css" br); css_gz=$(size "$base$css" gzip); css_raw=$(size "$base$css" identity)

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
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
