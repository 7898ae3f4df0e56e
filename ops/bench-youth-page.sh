#!/usr/bin/env bash
# Benchmark: what the youth page costs a phone (issue 9): the bytes of its first load by resource (compressed, on
# the wire, headers included), and on Chromium's Slow-3G emulation the page's own time until a first message is
# sent. The instruments are the browser tests that hold the targets, YouthPageWeightTests (<= 60 KB) and
# SlowNetworkTests (<= 5 s): each run starts the service on loopback with its own redis-server and a fresh
# headless Chromium, and prints what it measured. Usage: ops/bench-youth-page.sh [runs]   (default 3)
# Not a test of its own: figures depend on the machine; they go to docs/benchmarks.md, "Youth page weight (issue 9)".
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
dir=$(mktemp -d /tmp/bench-youth-page.XXXXXX)
source ops/bench-lib.sh

source ops/packages.sh
ensure_packages redis-server chromium

dotnet build Chat.sln -c Release -v quiet -nologo >"$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }
echo "Machine: $(machine), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  echo
  echo "== run $run"
  # Only each test's own output: the figures, the timeline and the bytes by resource.
  dotnet test Chat.sln -c Release --no-build --logger "console;verbosity=detailed" \
    --filter "FullyQualifiedName~YouthPageWeightTests|FullyQualifiedName~SlowNetworkTests" \
    | awk '/^ *(Passed|Failed) / { print; next } /Standard Output Messages:/ { show = 1; next } show && /^ *$/ { show = 0 } show'
done
